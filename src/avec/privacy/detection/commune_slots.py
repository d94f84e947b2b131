"""Communes named with their article, read after the contraction "au": "travaille au Tampon".

French contracts "à Le Tampon" to "au Tampon" and "à Le Havre" to "au Havre", so the run of
capitalised words holds the commune without its article and the gazetteer (which lists "Le Tampon")
does not see it. Only communes of the large-city list are read this way: "au Bourg", "au Pin" are
too often a village centre or a tree. The span is the word alone, as written.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_AU_CITY = re.compile(r"(?<![\w'’-])[Aa][Uu][ \t]+(?P<city>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)(?![\w'’-])")


def article_communes(ctx: DetectionContext) -> list[Span]:
    """Large communes whose name starts with "Le", written after "au" ("au Havre", "AU TAMPON")."""
    if "au " not in ctx.folded:
        return []
    out = []
    for m in _AU_CITY.finditer(ctx.text):
        city = m.group("city")
        if fold_key("le " + city) in ctx.lexicons.big_cities and not is_protected_word(city):
            out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.7, "commune"))
    return out
