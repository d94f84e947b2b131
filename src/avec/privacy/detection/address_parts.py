"""Address parts the street rule leaves outside its span: a floor before the postal code, a named place.

- "45 avenue Jean Jaurès, 3e étage, 69200 Vénissieux", "11 rue de Vesoul, RDC :": a floor written
  between a numbered street and its postal code (or a colon) belongs to the address, as the newer
  writers and the conventions mark it ("14 rue X, appt 32"); a floor followed by anything else
  ("27 cours Vitton, 3e étage sans ascenseur") stays out, as the older sets mark it.
- "un courrier à La Lande, 2 chemin de la Fontaine": a named place (lieu-dit) after "à" or "chez",
  heading a numbered street, is one address with it (at a line start the street rule joins them).
- "Mme X, La Rivière à Étrelles": a named place followed by "à" and a known commune.
- "Adresse : Quartier haut, 18 rue X", "Domicile : Mas d'en Cals, chemin Y": after an address label,
  a place word and its name heading the street, whatever the case of the name.
- "un souci de voiture sur la route de Domérat": "la route de" and a commune is the way to that
  commune, not an address; the commune alone is marked (as the writers do).
Hand-written because no offline library parses French address complements.
"""

from __future__ import annotations

import re

from avec.privacy.detection.address_lead_ins import lead_in
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.street_addresses import STREET_ADDRESS
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_FLOOR = (
    r"(?:\d{1,2}[ \t]?(?:e|er|ère|ème|eme|è)[ \t]+(?i:[ée]tage|[ée]t\.)|(?i:[ée]tage)[ \t]+\d{1,2}(?!\d)"
    r"|(?i:rez-de-chauss[ée]e)|RDC)(?:[ \t]+(?i:gauche|droite|face|fond)(?![\w'’-]))?"
)
# One floor, or a chain of a floor and a door ("– 2ème étage – porte gauche –"), after a comma or a dash,
# or a floor in brackets ("5 rue X (3e étage), 75011"); a postal code or a colon must follow.
_FLOOR_AFTER_STREET = re.compile(
    r"(?:(?:,|[ \t][–—-])[ \t]*" + _FLOOR + r"(?:[ \t]*(?:,|[ \t][–—-])[ \t]*(?i:porte)[ \t]+[\w]{1,8})?"
    r"|[ \t]*\([ \t]*" + _FLOOR + r"[ \t]*\))"
    r"(?=[ \t]*(?:,|[–—-])[ \t]*\d{5}(?!\d)|[ \t]*:)"
)
# Street types written with an abbreviation the street rule leaves out ("14 r. de la Gare", "3 chem. des
# Vignes"): only after a house number, since "R." alone is an initial.
_ABBREVIATED_STREET = re.compile(
    r"(?<![\w/.])\d{1,4}(?:[ \t]?(?:bis|ter|[a-dA-D])(?![\w'’]))?,?[ \t]+(?:r|chem|rle|all)\.[ \t]*"
    r"(?:(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’]|l['’]|la|le|les)[ \t]*)?[" + UP + r"][\w'’\-]*"
    r"(?:[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’]|l['’]|la|le|les|et)[ \t]*)?"
    r"[" + UP + r"][\w'’\-]*){0,4}"
)
_PLACE_WORDS = (
    r"(?:La|Le|Les|L['’])[ \t]*[" + UP + r"][\w'’\-]+"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’])?[ \t]*[" + UP + r"][\w'’\-]+){0,3}"
)
# "à La Lande, 2 chemin X": the street starts with its number right after the comma.
_PLACE_BEFORE_STREET = re.compile(
    r"(?<![\w-])(?:à|chez)[ \t]+(?P<place>" + _PLACE_WORDS + r"),[ \t]*(?=\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+\w)"
)
# ", La Rivière à Étrelles,", "COUDERC – Le Pradal – Ytrac", "Jean     La Gaudinais ETRELLES": a named
# place, then "à", a dash or a space before capitals, then the commune it belongs to.
_PLACE_AT_COMMUNE = re.compile(
    r"(?P<place>" + _PLACE_WORDS + r")"
    r"(?P<sep>[ \t]+à[ \t]+|[ \t]+[–—-][ \t]+|[ \t]+(?=[A-ZÀ-Ý]{3,}))"
    r"(?P<commune>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)(?=[ \t]*(?:[,;.\n)]|[ \t][–—-]|$)|[ \t]{2})",
    re.MULTILINE,
)
# What stands before the place: a line start, a comma, a dash or a column gap (tested after a match:
# the pattern itself opens on the article's capital, which the regex engine finds fast).
_BEFORE_PLACE = re.compile(r"(?:^|,|[ \t][–—]|[ \t]{2})[ \t]*\Z")

# (residences, estates and buildings are left to the street and estate rules, which keep a residence
# and a street without a building part as two addresses)
_LABELLED_LEAD = re.compile(
    r"(?i:adresse|domicile|demeurant|domicili[ée]e?)[^\n:,\d]{0,20}?:?[ \t]*"
    r"(?P<lead>(?P<kind>(?i:quartier|mas|ferme|hameau|lieu-dit|section|"
    r"domaine|chalet|villa|moulin|ch[âa]teau|manoir|maison))"
    r"[ \t]+(?P<name>[^\n,;:()\d]{2,30}?))"
    r"(?:(?P<zip>[ \t]*(?:,|[ \t][–—-])[ \t]*\d{5}(?!\d))|,[ \t]*(?=\S))"
)

_ROAD_TO_TOWN = re.compile(
    r"(?<![\w'’])(?i:la)[ \t]+route[ \t]+(?:de|d['’]|du)[ \t]*(?P<town>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)"
    r"(?![\w'’-]|[ \t]+[" + UP + r"])"
)
# Kinds that only name a place: their name may be an ordinary word ("Quartier haut").
_PLACE_KINDS = {"quartier", "mas", "ferme", "hameau", "lieu-dit", "section"}


def _named_place(ctx: DetectionContext, place: str) -> bool:
    """A lieu-dit's name: no commune of its own (left to the commune rules), no medical word."""
    if known_commune(ctx.lexicons, place) or fold_key(place) in ctx.lexicons.communes:
        return False
    return not any(is_protected_word(w) for w in re.findall(r"[\w'’]+", place))


def _street_before(text: str, comma: int) -> tuple[int, int] | None:
    """Bounds of the numbered street ending right before ``comma`` on its line (lead-in included)."""
    line_start = text.rfind("\n", 0, comma) + 1
    found = None
    for m in STREET_ADDRESS.finditer(text, line_start, comma):
        if m.group("num") is None:
            continue
        end = m.start("name") + len(m.group("name").rstrip(" .-"))
        if not text[end:comma].strip():
            found = m
    if found is None:
        return None
    return lead_in(text, found.start()), comma


@recognizer("address_part", 85)
def find_address_parts(ctx: DetectionContext) -> list[Span]:
    """Floors between a street and its postal code; named places before a street or a commune."""
    text, folded = ctx.text, ctx.folded
    out: list[Span] = []
    if "tage" in folded or "rdc" in folded or "rez-de" in folded or " et." in folded:
        for m in _FLOOR_AFTER_STREET.finditer(text):
            street = _street_before(text, m.start())
            if street is not None:
                out.append(Span(street[0], m.end(), "ADRESSE", 0.9, "address_part"))
    if "a l" in folded or "chez l" in folded:  # (the folded text has no accents)
        for m in prefixed_finditer(_PLACE_BEFORE_STREET, text, ctx.folded):
            road = STREET_ADDRESS.match(text, m.end())
            if road is None or road.group("num") is None or not _named_place(ctx, m.group("place")):
                continue
            end = road.start("name") + len(road.group("name").rstrip(" .-"))
            out.append(Span(m.start("place"), end, "ADRESSE", 0.85, "address_part"))
    if "adresse" in folded or "domicil" in folded or "demeurant" in folded:
        for m in prefixed_finditer(_LABELLED_LEAD, text, ctx.folded):
            # "Adresse : Villa Les Mimosas, 83400 Hyères": the named house alone before its postal code
            road = None if m.group("zip") else STREET_ADDRESS.match(text, m.end())
            words = re.findall(r"[\w'’]+", m.group("name"))
            if not m.group("zip") and (road is None or not road.group("name").strip()):
                continue
            if any(is_protected_word(w) for w in words):
                continue
            # a house, an estate or a mill needs a proper name ("Maison de retraite" is no address)
            if fold_key(m.group("kind")) not in _PLACE_KINDS and not any(
                w[:1].isupper() and (m.group("zip") or not ctx.lexicons.is_common(w)) for w in words
            ):
                continue
            end = road.start("name") + len(road.group("name").rstrip(" .-")) if road else m.end("lead")
            out.append(Span(m.start("lead"), end, "ADRESSE", 0.85, "address_part"))
    if "la route d" in folded:
        for m in prefixed_finditer(_ROAD_TO_TOWN, text, ctx.folded):
            town = m.group("town")
            if known_commune(ctx.lexicons, town) and not ctx.lexicons.is_common(town):
                out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.8, "address_part"))
    if " r. " in folded or "chem." in folded or "rle." in folded or "all." in folded:
        out += [Span(m.start(), m.end(), "ADRESSE", 0.85, "address_part") for m in _ABBREVIATED_STREET.finditer(text)]
    if " à " in text or " – " in text or "  " in text:
        for m in _PLACE_AT_COMMUNE.finditer(text):
            before = text[max(0, m.start() - 4) : m.start()]
            if before and before[-1] != "\n" and not _BEFORE_PLACE.search(before):
                continue
            # (the place may share a commune's name: "La Rivière à Étrelles" is a hamlet of Étrelles)
            words = re.findall(r"[\w'’]+", m.group("place"))[1:]
            commune = m.group("commune")
            if not known_commune(ctx.lexicons, commune) or any(is_protected_word(w) for w in words):
                continue
            # after a dash or before capitals, the place needs a word of its own ("– Le Phare –" is a unit)
            own = any(not ctx.lexicons.is_common(w) and not ctx.lexicons.is_first_name(w) for w in words)
            sep = m.group("sep").strip()
            if sep != "à" and (not own or (not sep and not commune.isupper())):
                continue
            out.append(Span(m.start("place"), m.end("place"), "ADRESSE", 0.8, "address_part"))
            out.append(Span(m.start("commune"), m.end("commune"), "VILLE", 0.75, "address_part"))
    return out
