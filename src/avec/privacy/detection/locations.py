"""Places: postal codes with their commune; registers the facility, address and commune rules.

The place recognizers live in :mod:`facilities`, :mod:`addresses` and :mod:`communes` (shared
shapes in :mod:`place_patterns`); importing this module registers them all, facilities first
(the commune rule reads the facility spans).
"""

from __future__ import annotations

import re

from avec.privacy.detection import (  # noqa: F401  (registration)
    address_chains,
    address_parts,
    addresses,
    addresses_abroad,
    birthplaces,
    commune_mentions,
    commune_shapes,
    communes,
    estate_addresses,
    facilities,
    hamlet_addresses,
    hyphenated_communes,
    letterhead_communes,
    lived_towns,
    lower_streets,
    lower_towns,
    named_place_addresses,
    prose_places,
    route_towns,
    town_contexts,
)
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, city_span, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_ZIP = re.compile(
    r"(?<![\d\w.,/])(?<!\w-)(?P<zip>(?:F-)?(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\s?\d{3})(?![\d\w,.]\d|\s?(?:mg|ml|g|€|euros?|UI|%)\b|\d)"
)
# (also an internal phone: "DECT 45 217", "poste 13 204"; not "rue de la Poste 23000 Guéret")
_POSTAL_BOX_BEFORE = re.compile(
    r"(?:\b(?:TSA|CS|BP|B\.P\.|SP|DECT|(?<![Ll]a[ \t])(?<![Ll]a[ \t]{2})[Pp]oste)|\bCedex)[ \t]*(?:n°[ \t]*)?$"
)
_ZIP_CONTEXT = re.compile(r"(?i)(?:\bCP\b|code\s+postal|c\.p\.|postal)\s*:?\s*$")


# A postal block's line naming a body or a department rather than a street.
_ORGANISATION_LINE = re.compile(
    r"(?i)(?:caisse|direction|service|d[ée]partement|conseil|mairie|pr[ée]fecture|tribunal|agence|minist[èe]re|"
    r"union|f[ée]d[ée]ration|association|soci[ée]t[ée]|sarl|sas|mutuelle|assurance|p[ôo]le|bureau|secr[ée]tariat|"
    r"cpam|caf|msa|mdph|urssaf|carsat|ars)\b"
)


def _address_line_above(text: str, zip_start: int) -> list[Span]:
    """In a postal block ("name / street / ZIP City"), the line above "ZIP City" is the street."""
    line_start = text.rfind("\n", 0, zip_start) + 1
    if text[line_start:zip_start].strip() or line_start == 0:
        return []
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    if prev_start == 0:
        return []  # need a name line above the street line
    line = text[prev_start : line_start - 1]
    stripped = line.strip()
    if not stripped or len(stripped) > 50 or ":" in stripped or not stripped[0].isalnum():
        return []
    if _ORGANISATION_LINE.match(stripped):
        return []  # "Caisse Primaire d'Assurance Maladie du Rhône / 69907 LYON CEDEX": a body, not a street
    if not text[: prev_start - 1].rstrip().rsplit("\n", 1)[-1].strip():
        return []
    a = prev_start + (len(line) - len(line.lstrip()))
    return [Span(a, a + len(stripped), "ADRESSE", 0.7, "address_block")]


# "Kerhuel, 22700 Louannec": a lieu-dit alone opening the line of its postal code and commune.
_PLACE_BEFORE_ZIP = re.compile(
    r"[ \t]*(?P<place>[" + UP + r"][\w'’-]*"
    r"(?:[ \t]+(?:(?:de|du|des|la|le|les|d['’]|l['’])[ \t]*)?[" + UP + r"][\w'’-]*){0,3})"
    r"[ \t]*,[ \t]*\Z"
)
_FACILITY_HEAD = re.compile(
    r"(?i)(?:h[ôo]pital|clinique|polyclinique|chu|chru|ch|centre|cabinet|ehpad|pharmacie|laboratoire|labo|maison|"
    r"institut|cmp|ime|esat|foyer|unit[ée]|p[ôo]le|cedex|bp|cs|tsa|m|mme|dr|pr|madame|monsieur|docteur)\b"
)


def _place_opening_zip_line(ctx: DetectionContext, zip_start: int) -> list[Span]:
    """The lieu-dit before ", ZIP Commune" when it is all its line holds before the postal code."""
    text = ctx.text
    line_start = text.rfind("\n", 0, zip_start) + 1
    m = _PLACE_BEFORE_ZIP.fullmatch(text, line_start, zip_start)
    if m is None:
        return []
    place = m.group("place")
    if _ORGANISATION_LINE.match(place) or _FACILITY_HEAD.match(place) or known_commune(ctx.lexicons, place):
        return []
    if ctx.lexicons.is_first_name(place) or is_protected_word(place):
        return []
    return [Span(m.start("place"), m.end("place"), "ADRESSE", 0.7, "address_block")]


_GLUED_ZIP = re.compile(r"(?<=[a-zà-ÿ])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?=[ \t]+[A-ZÀ-Ý])")
_LOWER_COMMUNE = re.compile(
    r"[ \t]+([a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+)?)"
)


# "st nazaire", "ste foy les lyon": the abbreviated saint, in lower case after a postal code.
_LOWER_SAINT = re.compile(
    r"[ \t]+(?P<saint>st|ste)[ \t.-]+"
    r"(?P<rest>[a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+)?)"
)


def _lower_saint(text: str, end: int, ctx: DetectionContext) -> tuple[int, int] | None:
    """Bounds of "st nazaire" after a postal code when "saint-nazaire" is a known commune."""
    m = _LOWER_SAINT.match(text, end)
    if not m:
        return None
    saint = "saint" if m.group("saint") == "st" else "sainte"
    name = saint + "-" + re.sub(r"[ \t]+", "-", m.group("rest"))
    return (m.start("saint"), m.end("rest")) if fold_key(name) in ctx.lexicons.communes else None


# A street of any type earlier on the line: "14 traverse de la Montre 13011", "(bd X, 13004)".
_STREET_BEFORE_ZIP = re.compile(
    r"(?i)(?:,|\b(?:rue|avenue|av|bd|boulevard|chemin|ch|place|all[ée]e|impasse|route|rte|quai|cours|traverse|"
    r"square|mont[ée]e|passage|lotissement|r[ée]sidence|lieu-dit|hameau|cit[ée]|faubourg|sentier|villa)\b[^\n]*)"
    r"[ \t]*\Z"
)
_TOWN_BEFORE_PAREN = re.compile(r"(?<![\w'’-])(?P<town>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)[ \t]*\([ \t]*\Z")
_SLASH_SUR = re.compile(r"/([^\W\d_][\w'’\-]+)")


@recognizer("zip_city", 75)
def find_zip_and_city(ctx: DetectionContext) -> list[Span]:
    """Postal codes followed by a commune (``35000 Rennes``) or after "CP :"."""
    text = ctx.text
    spans = []
    for m in _GLUED_ZIP.finditer(text):
        # OCR glued the postal code to the street ("du Château69005 LYON"): needs a known commune.
        city = city_span(text, m.end())
        if city and fold_key(text[city[0] : city[1]]) in ctx.lexicons.communes:
            spans.append(Span(m.start(), m.end(), "ZIP", 0.85, "zip_city"))
            spans.append(Span(city[0], city[1], "VILLE", 0.85, "zip_city"))
    for m in prefixed_finditer(_ZIP, text, ctx.folded):
        start, end = m.span("zip")
        city = city_span(text, end)
        if city and city[0] == end and fold_key(text[city[0] : city[1]]) not in ctx.lexicons.communes:
            city = None  # "noyau 12552Te": an isotope glued to letters ("93200SAINT-DENIS" stays)
        before = text[max(0, start - 20) : start]
        if _POSTAL_BOX_BEFORE.search(before):
            continue  # "TSA 50032", "CS 70001", "BP 10025": a mail-sorting number, not a postal code
        slash = _SLASH_SUR.match(text, city[1]) if city else None
        # "03500 SAINT-POURÇAIN/SIOULE": "/" written for "-sur-" in a compound commune's name
        if city and slash and fold_key(f"{text[city[0] : city[1]]}-sur-{slash.group(1)}") in ctx.lexicons.communes:
            city = (city[0], slash.end())
        if city:
            spans.append(Span(start, end, "ZIP", 0.95, "zip_city"))
            spans.append(Span(city[0], city[1], "VILLE", 0.9, "zip_city"))
            spans.extend(_address_line_above(text, start))
            spans.extend(_place_opening_zip_line(ctx, start))
        elif (low := _LOWER_COMMUNE.match(text, end)) and fold_key(low.group(1)) in ctx.lexicons.communes:
            # "80000 amiens": a known commune in lower case after a postal code.
            spans.append(Span(start, end, "ZIP", 0.9, "zip_city"))
            spans.append(Span(low.start(1), low.end(1), "VILLE", 0.8, "zip_city"))
        elif saint := _lower_saint(text, end, ctx):
            spans.append(Span(start, end, "ZIP", 0.9, "zip_city"))
            spans.append(Span(saint[0], saint[1], "VILLE", 0.8, "zip_city"))
        elif _ZIP_CONTEXT.search(before) or _STREET_BEFORE_ZIP.search(text, max(0, start - 60), start):
            spans.append(Span(start, end, "ZIP", 0.85, "zip_city"))
        elif (town := _TOWN_BEFORE_PAREN.search(text, max(0, start - 40), start)) and text[end : end + 1] == ")":
            # "habite Porticcio (20166)": a town with its postal code in brackets, even one the
            # gazetteer misses (a hamlet, a seaside district)
            word = town.group("town")
            if not (ctx.lexicons.is_common(word) or ctx.lexicons.is_first_name(word) or is_protected_word(word)):
                spans.append(Span(start, end, "ZIP", 0.85, "zip_city"))
                spans.append(Span(town.start("town"), town.end("town"), "VILLE", 0.75, "zip_city"))
    return spans
