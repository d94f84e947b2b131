"""The birthplace closing an identity line of an identity-management printout.

"IPP ABSORBE : 0198855  GAUTHIER BERNADETTE NEE X LE 03/06/1940 - LA SEGUINIERE": a line in
capitals gives the person's name, birth date, then " - " and the commune of birth. The commune is
taken when it is a known French commune or foreign city (lexicon lookup), so "- DOSSIER CLOS"
is not.
"""

from __future__ import annotations

import re

from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_DATE_THEN_TOWN = re.compile(
    r"(?m)\b(?:0[1-9]|[12]\d|3[01])/(?:0[1-9]|1[0-2])/(?:19|20)\d{2}[ \t]+[-–][ \t]+"
    r"(?P<town>[A-ZÀ-Ý][A-ZÀ-Ý'’]*(?:[ \-][A-ZÀ-Ý'’]+){0,5})[ \t]*$"
)


@recognizer("identity_line_town", 60)
def find_identity_line_towns(ctx: DetectionContext) -> list[Span]:
    """A known commune or foreign city after "<birth date> - " at the end of a capitals line."""
    text = ctx.text
    if " - " not in text:
        return []
    lex = ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_DATE_THEN_TOWN, text, ctx.folded):
        key = fold_key(m.group("town"))
        if key in lex.communes or key in lex.foreign_cities:
            spans.append(Span(m.start("town"), m.end("town"), "VILLE", 0.85, "identity_line_town"))
    return spans
