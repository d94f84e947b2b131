"""Bodies written out in full and closed by their département or region: "Service pénitentiaire
d'insertion et de probation de la Sarthe", "Commission départementale des soins psychiatriques du
Gard", "Direction Enfance-Famille de l'Hérault", "Banque alimentaire du Cher".

Round 15 (organisations). ``territorial_bodies.py`` reads the bodies it knows by acronym or by a
fixed full name; writers also spell out a body's long name, whatever it is, and close it with the
territory it serves. By the convention of docs/privacy-detection.md such a body is one ``HOPITAL``
span, its territory included (it tells where the person lives).

Safe because: the name must open on a capitalised word naming a kind of body (Service,
Commission, Direction, Dispositif, Banque...), run on one line without punctuation for at most
eight words, and end on "de/du/des" and a French département or region (a closed list, from
Faker's ``fr_FR`` provider through ``place_patterns.is_area_name``); a word that ends a facility's
name ("pour", "chez", "depuis", "Tél"...) ends the search.
"""

from __future__ import annotations

import re
from functools import lru_cache

from avec.privacy.detection.facility_keywords import FACILITY_STOP
from avec.privacy.detection.place_patterns import is_area_name
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold, fold_key
from avec.privacy.spans import Span

# The head nouns of bodies' names, capitalised (or in capitals in a heading).
_HEADS = (
    "Service|Commission|Direction|Dispositif|Banque|Comité|Fédération|Union|Agence|Office|Délégation|"
    "Plateforme|Réseau|Observatoire|Groupement|Conseil|Caisse|Établissement|Etablissement|Cellule|Fonds|"
    "Syndicat|Ordre|Chambre|Bureau|Mission|Antenne|Centre|Maison|Pôle|Association"
)
_HEAD = re.compile(r"(?<![\w'’-])(?:" + _HEADS + r"|(?:" + _HEADS.upper() + r"))(?=[ \t])")
_WORD = re.compile(r"[ \t]+([\w'’]+(?:-[\w'’]+)*)")
_OF = re.compile(r"[ \t]+(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*(?<=[ \t'’])")
_AREA = re.compile(r"[\w'’]+(?:-[\w'’]+)*(?:[ \t]+de[ \t]+Belfort)?")
_COMPASS = re.compile(r"[ \t]+(?:Nord|Sud|Est|Ouest|NORD|SUD|EST|OUEST)(?![\w'’-])")
# A region's name that also heads a facility's name ("du Centre hospitalier").
_NOT_AREA = frozenset(["centre"])
_MAX_WORDS = 8
# The State's own services by département ("Direction interdépartementale de la police nationale de X",
# "Direction des services départementaux de l'Éducation nationale de X"): writers leave them unmarked.
_STATE_SERVICE = re.compile(r"nationale?\b|\bpolice\b|securite publique")
_STOP = FACILITY_STOP - {"a", "ou"}  # "Dispositif d'appui à la coordination du Morbihan"


def _area_end(ctx: DetectionContext, pos: int, caps: bool) -> int | None:
    """End of "de <département or region>" at ``pos``, or None."""
    text = ctx.text
    of = _OF.match(text, pos)
    if of is None:
        return None
    area = _AREA.match(text, of.end())
    if area is None or not area.group(0)[:1].isupper() or (caps and not area.group(0).isupper()):
        return None
    name = area.group(0)
    if fold_key(name) in _NOT_AREA or not is_area_name(name):
        return None
    if re.match(r"[\w'’-]", text[area.end() : area.end() + 1]):
        return None
    compass = _COMPASS.match(text, area.end())  # "du Var Est"
    return compass.end() if compass else area.end()


@lru_cache(maxsize=1)
def _territory_finder() -> re.Pattern[str]:
    """Folded "de/du/des + a département or region" (Faker ``fr_FR``, as ``place_patterns.is_area_name``)."""
    from faker.providers.address.fr_FR import Provider as AddressProvider

    names = {fold(n) for _code, n in AddressProvider.departments} | {fold(n) for n in AddressProvider.regions}
    names -= set(_NOT_AREA)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"d(?:e la |e l['’]|u |es |e |['’])(?:" + alternation + r")(?![\w'’-])")


def department_body_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for bodies named in full and closed by their département or region."""
    text, out = ctx.text, []
    last_end = 0
    for hit in _territory_finder().finditer(ctx.folded):
        if hit.start() and (ctx.folded[hit.start() - 1].isalnum() or ctx.folded[hit.start() - 1] in "_-"):
            continue  # inside a word ("Grandes Vosges" is no "des Vosges")
        line_start = max(text.rfind("\n", 0, hit.start()) + 1, last_end, hit.start() - 160)
        for head in _HEAD.finditer(text, line_start, hit.start()):
            caps = head.group(0).isupper()
            cur, end = head.end(), None
            for _ in range(_MAX_WORDS):
                end = _area_end(ctx, cur, caps)
                if end is not None or cur >= hit.start():
                    break
                word = _WORD.match(text, cur)
                if word is None or fold_key(word.group(1)).strip("'’") in _STOP:
                    break
                cur = word.end()
            name = ctx.folded[head.start() : end or head.start()]
            if end is not None and cur > head.end() and not _STATE_SERVICE.search(name):
                out.append(Span(head.start(), end, "HOPITAL", 0.8, "named_body"))
                last_end = end
                break
    return out
