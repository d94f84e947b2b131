"""Names that OCR or hurried typing glued to their title or initial, split on a copy of the text.

"MlleJouhaudLaura", "EMG (DrGalli, Carpentras)", "Signature : O.Mazars": the title and name rules
read words, so a name glued to its title is not seen. The detector runs on a copy where a space is
put back after the title ("Mlle Jouhaud Laura") and after an initial where a person is named
("Signature : O. Mazars", not "Culture : E.Coli"); the inserted
space stands for no character of the original, so every span maps back to what was written.

Only a short title of address or a single capital with its full stop, followed by a capitalised
word of lower-case letters: names in capitals glued to a title ("DrKERJEAN") are read by
``title_ocr_names``; "PrEP", "MeSH", e-mail addresses ("A.Martin@…") and web addresses are left
alone. Hand-written: no library splits glued words with a character map.
"""

from __future__ import annotations

import re

_NAME = r"[A-ZÀ-Ý][a-zà-ÿ]{2,}"
# A title glued to a capitalised name, then maybe a second name glued to it ("MlleJouhaudLaura").
_TITLE_GLUED = re.compile(
    rf"(?<![^\W_])(?:Dr|Pr|Mme|Mlle|Mr|Docteur|Madame|Monsieur)(?P<name>{_NAME})(?P<second>{_NAME})?(?![\w@-]|\.\w)"
)
# An initial glued to a name: "O.Mazars" (not an e-mail address "A.Martin@..." nor a web address).
_INITIAL_GLUED = re.compile(rf"(?<![^\W_.])[A-Z]\.(?P<name>{_NAME})(?![\w@-]|\.\w)")
# A person is named here: a title, "par", a signature or a copy line before the initial, on its line
# ("Signature : O.Mazars", "vérifiée par B.Delmas"); not a germ in a culture ("E.Coli sensible").
_PERSON_CUE = re.compile(
    r"(?<![^\W_])(?:Dr|Pr|Mme|Mlle|M\.|Madame|Monsieur|Docteur|par|Signature|Signé|signé|Visa|Copie|Cc)(?![^\W_])",
    re.IGNORECASE,
)
_QUICK = re.compile(r"(?:Dr|Pr|Mme|Mlle|Mr|Docteur|Madame|Monsieur|(?<![^\W_.])[A-Z]\.)[A-ZÀ-Ý][a-zà-ÿ]")


def unglue_names(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The copy of ``text`` with a space put back between glued titles, initials and names, and for
    each of its characters the range of ``text`` it stands for (an inserted space stands for the
    empty range where it was put); None when nothing is glued (the common case)."""
    if not _QUICK.search(text):
        return None
    cuts: set[int] = set()
    for m in _TITLE_GLUED.finditer(text):
        cuts.add(m.start("name"))
        if m.group("second"):
            cuts.add(m.start("second"))
    for m in _INITIAL_GLUED.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[m.start()] == "M" or _PERSON_CUE.search(text, max(line_start, m.start() - 40), m.start()):
            cuts.add(m.start("name"))
    if not cuts:
        return None
    chars: list[str] = []
    ranges: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if i in cuts:
            chars.append(" ")
            ranges.append((i, i))
        chars.append(ch)
        ranges.append((i, i + 1))
    return "".join(chars), ranges
