"""Communes in two slots the commune rules miss: after the contraction "au" ("travaille au Tampon")
and alone in a cell of a separated export ("...;DOMICILE ;MOISSAC").

French contracts "à Le Tampon" to "au Tampon" and "à Le Havre" to "au Havre", so the run of
capitalised words holds the commune without its article and the gazetteer (which lists "Le Tampon")
does not see it. Communes of the large-city list are read this way in any case; since round 19 any
other "Le X" commune too when written with a capital and small letters and no first name ("au
Croisic", "au Lorrain", "au Gosier": the commune rules already read "au Bourg" or "au Pin", bare
communes of their own, the same way). The span is the word alone, as written.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_AU_CITY = re.compile(r"(?<![\w'’-])[Aa][Uu][ \t]+(?P<city>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)(?![\w'’-])")


def article_communes(ctx: DetectionContext) -> list[Span]:
    """Large communes whose name starts with "Le", written after "au" ("au Havre", "AU TAMPON")."""
    if "au " not in ctx.folded:
        return []
    out = []
    for m in prefixed_finditer(_AU_CITY, ctx.text, ctx.folded):
        city = m.group("city")
        key = fold_key("le " + city)
        lex = ctx.lexicons
        known = key in lex.big_cities or (
            key in lex.communes and city[1:].islower() and not lex.is_first_name(city)
        )
        if known and not is_protected_word(city):
            out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.7, "commune"))
    return out


_ROW_SEPARATORS = (";", "|", "\t")
# "MOISSAC", "NEGREPELISSE + HAD X": a cell holding a commune alone, or before a "+" (and something else).
_CELL = re.compile(r"[ \t]*(?P<city>[" + UP + r"][\w'’\- ]*?[\w'’])[ \t]*(?:\+[^;|\t]*)?\Z")


def cell_communes(ctx: DetectionContext) -> list[Span]:
    """A known commune alone in a cell of a row with three or more separators (an export without a
    place header). The commune must be no ordinary word, first name or surname: "NICE" or "SENS" in
    a cell is left to the header rules."""
    text, lex = ctx.text, ctx.lexicons
    seps = [s for s in _ROW_SEPARATORS if s in text]
    out: list[Span] = []
    if not seps:
        return out
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        sep = next((s for s in seps if line.count(s) >= 3), None)
        if sep is None:
            continue
        cell_start = start
        for cell in line.split(sep):
            m = _CELL.match(cell)
            if m is not None:
                city = m.group("city")
                key = fold_key(city)
                if (
                    len(key) >= 4
                    and key in lex.communes
                    and not any(lex.is_common(w) or lex.is_first_name(w) or lex.is_surname(w) for w in city.split())
                    and not is_protected_word(city)
                ):
                    out.append(Span(cell_start + m.start("city"), cell_start + m.end("city"), "VILLE", 0.65, "commune"))
            cell_start += len(cell) + 1
    return out
