"""The next field's label after a name in a form line ("Prénom : Marie-Line  Lien : mère").

Used by the field, lexicon and NER person rules to stop a name before the label that follows it
after a column gap; and by the field rule to leave a code glued to its digits ("Réf. interne :
SSC/25/0187": the letters open a reference, they name nobody).
"""

from __future__ import annotations

import re

from avec.privacy.detection.names import NameWord

_LABEL_AFTER = re.compile(r"[ \t]*:")
_COLUMN_GAP = re.compile(r"(?:[ \t]{2,}|\t)\Z")
_CODE_DIGITS = re.compile(r"[/-]\d")


def drop_next_label(text: str, words: list[NameWord]) -> list[NameWord]:
    """ "Prénom : Marie-Line  Lien : mère": a last word after a column gap and before a colon is
    the next field's label, not part of the name."""
    while (
        len(words) > 1
        and _LABEL_AFTER.match(text, words[-1].end)
        and _COLUMN_GAP.search(text, words[-2].end, words[-1].start)
    ):
        words = words[:-1]
    return words


def glued_to_code(text: str, words: list[NameWord]) -> bool:
    """True when the run's last word goes on into digits after a slash or a dash ("SSC/25/0187")."""
    return bool(words) and _CODE_DIGITS.match(text, words[-1].end) is not None
