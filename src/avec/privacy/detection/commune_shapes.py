"""Communes recognised by how they are written: "CHATEAU-THIERRY", "SAINT-GERMAIN-LES-BELLES".

A known commune of several hyphenated words written in capitals is a place wherever it stands (a
column of a planning table, an export, a letterhead): on the 1,500 hand-checked documents every
such word lies inside a marked identifier (a commune, or the facility or person named after it,
which the stronger rules keep). A département or region name ("SEINE-MARITIME") is no commune.
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import is_area_name
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAPS_COMPOUND = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý]{2,}(?:['’][A-ZÀ-Ý]+)?(?:-[A-ZÀ-Ý]+(?:['’][A-ZÀ-Ý]+)?)+(?![\w'’-])")


@recognizer("commune_shape", 50)
def find_caps_compound_communes(ctx: DetectionContext) -> list[Span]:
    """Known communes of several hyphenated words written in capitals."""
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []
    for m in _CAPS_COMPOUND.finditer(text) if "-" in text else ():
        if fold_key(m.group(0)) in lex.communes and not is_area_name(m.group(0)):
            out.append(Span(m.start(), m.end(), "VILLE", 0.7, "commune_shape"))
    return out
