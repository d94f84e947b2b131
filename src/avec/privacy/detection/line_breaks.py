"""Names cut by a line break after a hyphen, as PDF text extraction leaves them.

"Jean-\\nBaptiste" (a compound first name whose hyphen fell at the line end) and "Dr Casa-\\nnova"
(a word hyphenated to fit the line) are read as one name when the joined form is a known name,
or when a title stands before it. Spans keep the break inside (offsets stay those of the text).
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context, is_protected_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_BROKEN_NAME = re.compile(
    r"(?<![\w-])(?P<a>[A-ZÀ-Ý][a-zà-ÿ]+|[A-ZÀ-Ý]{2,})-[ \t]*\n[ \t]*(?P<b>[A-ZÀ-Ý]?[a-zà-ÿ]+|[A-ZÀ-Ý]{2,})(?![\w-])"
)
_TITLE_BEFORE = re.compile(r"(?:\b(?:Dr|Pr|Mme|Mlle|M|Madame|Monsieur|Docteur|Professeur)\.?|\bDR|\bMME)[ \t]+$")


@recognizer("line_break_name", 85)
def find_line_broken_names(ctx: DetectionContext) -> list[Span]:
    """A first name or surname split by "-" and a line break."""
    text, lex = ctx.text, ctx.lexicons
    if "-\n" not in text and "- \n" not in text:
        return []
    spans: list[Span] = []
    for m in _BROKEN_NAME.finditer(text):
        a, b = m.group("a"), m.group("b")
        compound = b[0].isupper()  # "Jean-\nBaptiste": the hyphen belongs to the name
        joined = f"{a}-{b}" if compound else a + b
        if is_protected_word(joined, ctx.protected) or in_eponym_context(text, m.start()):
            continue
        titled = bool(_TITLE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))
        if lex.is_first_name(joined) and not lex.is_surname(joined):
            label = "PRENOM"
        elif lex.is_surname(joined) or (titled and not lex.is_common(joined)):
            label = "NOM"
        else:
            continue
        spans.append(Span(m.start(), m.end(), label, 0.9, "line_break_name"))
    return spans
