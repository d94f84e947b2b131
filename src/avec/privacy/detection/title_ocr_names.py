"""Names after a title that OCR spaced out letter by letter or glued to the title:
"Madame le Docteur G U E G U E N Anne", "Pr B E R T H O", "DrKERJEAN", "MmeLAFARGUE née ...",
"Copie à :Dr FAVRE-MICHON" written "Dr⟦FAVRE-MICHON⟧" without its space.

The spaced letters are one ``NOM`` span (as written); a known first name right after it is the
``PRENOM``. Hand-written: OCR damage follows no grammar a library models.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_TITLE = r"(?:Dr|Pr|Mme|Mlle|Mr|M\.|Madame|Monsieur|Docteur|Professeur)"
# Four single capitals or more, one space apart: "G U E G U E N".
_SPACED = re.compile(
    rf"(?<![\w]){_TITLE}(?:[ \t]+(?:le|la)[ \t]+(?:Docteur|Professeur))?[ \t]+"
    r"(?P<name>[A-Z](?: [A-Z]){3,})(?![\w'’])"
    r"(?:[ \t]+(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w'’]))?"
)
# A short title glued to a name in capitals: "DrKERJEAN", "MmeLAFARGUE".
_GLUED = re.compile(r"(?<![\w])(?:Dr|Pr|Mme|Mlle|Mr)(?P<name>[A-ZÀ-Ý]{3,}(?:-[A-ZÀ-Ý]{2,})*)(?![\w'’])")


@recognizer("title_ocr_name", 82)
def find_title_ocr_names(ctx: DetectionContext) -> list[Span]:
    """Letter-spaced names after a title, and names in capitals glued to a short title."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_SPACED, text, ctx.folded):
        spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.85, "title_ocr_name"))
        first = m.group("first")
        if first and ctx.lexicons.is_first_name(first):
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.8, "title_ocr_name"))
    if ctx.all_caps:
        return spans
    for m in prefixed_finditer(_GLUED, text, ctx.folded):
        name = m.group("name")
        if not is_acronym(name):  # the glue is OCR's: "MmeBOUCHER" is a name even if "boucher" is a word
            spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.85, "title_ocr_name"))
    return spans
