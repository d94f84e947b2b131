"""Care structures heading a letter in capitals and named by their area (round 14, organisations II).

"CABINET D'ANATOMIE ET DE CYTOLOGIE PATHOLOGIQUES DU VAL DE X", "ÉQUIPE RESSOURCE RÉGIONALE DE SOINS
PALLIATIFS PÉDIATRIQUES DE X", "IMAGERIE DU PAYS X", "CENTRE ANTIPOISON ET DE TOXICOVIGILANCE DE X":
a letterhead line in capitals that opens with a structure noun (cabinet, centre, équipe, imagerie,
laboratoire, institut, réseau, unité, pôle, service départemental) and closes with "DE/DU <area>".
The writers mark the whole name as one ``HOPITAL`` (its area tells where the person is treated);
the keyword grammar reads only its commune, or a word of it as a surname.

Safe because the line must be in capitals from its start to a separator or its end, and its last
words must be a known commune, département or region ("DE LILLE", "DU CALVADOS", "DE BRETAGNE") or
an area written "PAYS X" / "VAL DE X"; a ward heading ("UNITÉ DE SOINS INTENSIFS DE CARDIOLOGIE")
ends with no place and is left alone.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import is_area_name, known_commune
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAP = r"A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
_KINDS = (
    r"CABINET|CENTRE|ÉQUIPE|EQUIPE|IMAGERIE|LABORATOIRE|INSTITUT|RÉSEAU|RESEAU|UNITÉ|UNITE|PÔLE|POLE|"
    r"SERVICE[ \t]+D[ÉE]PARTEMENTAL|MAISON"
)
_WORD = r"[" + _CAP + r"][" + _CAP + r"'’-]*"
_HEAD = re.compile(
    r"^[ \t]*(?P<body>(?:" + _KINDS + r")(?:[ \t]+" + _WORD + r"|[ \t]*['’]" + _WORD + r"){1,14})"
    r"[ \t]*(?=$|[–—|,(:]|[ \t]-[ \t])",
    re.MULTILINE,
)
_GATE = ("CABINET", "CENTRE", "QUIPE", "IMAGERIE", "LABORATOIRE", "INSTITUT", "SEAU", "UNIT", "POLE", "PÔLE",
         "SERVICE D", "MAISON")
# the area closing the name: "DU VAL DE LOIRE", "DE BRETAGNE", "DU PAYS BASQUE"
_AREA_TAIL = re.compile(
    r"[ \t](?:DE[ \t]+LA|DE[ \t]+L['’]|DU|DES|DE|D['’])[ \t]*(?P<area>(?:PAYS|VAL|C[ÔO]TE|BASSIN)[ \t]+"
    r"(?:(?:DE[ \t]+LA|DE[ \t]+L['’]|DU|DES|DE|D['’])[ \t]*)?" + _WORD + r"|" + _WORD + r")\Z"
)


# regions of 2016, which the Faker list of older regions lacks (folded)
_NEW_REGIONS = frozenset(("normandie", "occitanie", "nouvelle-aquitaine", "hauts-de-france", "grand-est",
                          "auvergne-rhone-alpes", "bourgogne-franche-comte", "ile-de-france"))


def _area_ok(ctx: DetectionContext, area: str) -> bool:
    """A known commune, département or region, or an area "PAYS X" / "VAL DE X" (no medical word)."""
    last = re.split(r"[ \t'’]+", area)[-1]
    if is_protected_word(last.capitalize()):
        return False
    if re.match(r"(?:PAYS|VAL|C[ÔO]TE|BASSIN)[ \t]", area):
        return True
    lex = ctx.lexicons
    word = last.title()
    town = known_commune(lex, word) and (not lex.is_common(word.lower()) or fold_key(word) in lex.big_cities)
    return is_area_name(word) or town or fold_key(word) in _NEW_REGIONS


def letterhead_spans(ctx: DetectionContext) -> list[Span]:
    """Letterhead lines in capitals naming a care structure and its area, as ``HOPITAL`` spans."""
    text = ctx.text
    if not any(g in text for g in _GATE):
        return []
    out = []
    for m in _HEAD.finditer(text):
        body = m.group("body")
        tail = _AREA_TAIL.search(body)
        if tail is None or len(body.split()) < 3 or not _area_ok(ctx, tail.group("area")):
            continue
        out.append(Span(m.start("body"), m.end("body"), "HOPITAL", 0.85, "named_body"))
    return out
