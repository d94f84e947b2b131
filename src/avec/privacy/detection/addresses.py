"""Street addresses: "12 rue des Lilas", "Résidence Les Flamboyants, bât. C, 14 allée ...".

An address span is the street part with its building lead-in (residence, building, flat, named
house or place); the postal code and the commune are separate spans. The street pattern is in
:mod:`street_addresses`, the lead-ins in :mod:`address_lead_ins`; this module adds the homes
written without a street: a number and a named place, localities, numbered roads, estates with
their building parts, named houses.
"""

from __future__ import annotations

import re

from avec.privacy.detection.address_lead_ins import NAME_WORDS
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import PRIORITIES, DetectionContext, recognizer
from avec.privacy.detection.street_addresses import LOCALITY_AFTER, street_spans
from avec.privacy.spans import Span

_NAMED_PLACE_ADDRESS = re.compile(
    r"(?<![\w,.])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+"
    r"(?P<name>(?:[Ll]es|[Ll]e|[Ll]a|L['’]|Le[ \t]Clos|Les[ \t]Hauts)?[ \t]*[" + UP + r"][\w'’\-]+"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’]|la|le|les)?[ \t]*[" + UP + r"][\w'’\-]+){0,4})"
    r"(?=(?P<zip>[ \t]*(?:,|[ \t][–—-])?[ \t]*\d{5}\b)|[ \t]*(?:,|\n|$|[ \t]à[ \t]))"
)
# "– Le Bourg, 29880 Plouguerneau", "Le Bourg – 63600 Ambert": a named place (lieu-dit) before a postal
# code and its commune, at a line start or after a dash, a colon or a table's pipe.
_ZIP_AFTER_COMMA = re.compile(r"(?:,|[ \t][–-])[ \t]*\d{5}[ \t]+[" + UP + r"]")
_PLACE_TAIL = re.compile(
    r"(?:^|[–:|][ \t])(?P<name>(?:Les|Le|La|L['’])[ \t]*[" + UP + r"][\w'’\-]+"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’])?[ \t]*[" + UP + r"][\w'’\-]+){0,3})[ \t]*\Z",
    re.MULTILINE,
)

# "Maison Etxeberria" alone: a named house (Basque, Breton addresses), the name not an ordinary word.
_HOUSE = re.compile(r"(?<![\w-])(?:[Mm]aison|MAISON)[ \t]+(?P<word>[" + UP + r"][\w'’\-]+)(?![ \t]*[\w'’-])")

# A home's address field on the line before ("Domicile : chez sa mère, ...", "Adresse :").
_HOME_LINE_BEFORE = re.compile(r"(?i)\b(?:domicile|adresse|demeurant|domicili[ée]e?|habite)\b[^\n]{0,40}\Z")
# Overseas and rural localities without a number: "(section Bois-Jolan)", "Domicile : village Saint-Jean".
_LOCALITY = re.compile(
    r"(?<![\w-])(?P<kw>(?i:section|village|hameau|quartier|kampung))[ \t]+"
    r"(?P<name>[" + UP + r"][\w'’\-]+(?:[ \t]+(?:de[ \t]+la|des|de|du|d['’])?[ \t]*[" + UP + r"][\w'’\-]+){0,2})"
)
# (also after a dash: "EHPAD X – quartier Bois-Carré – 97232 Le Lamentin", round 18)
_POSTAL_AFTER = re.compile(r"[ \t]*(?:,|[ \t][–—-])[ \t]*\d{5}[ \t]")
# "Domicile : ..., Route nationale 2": a numbered national or departmental road as the home's street.
_ROAD_ZIP_AFTER = re.compile(r"[ \t]*(?:,|[ \t][–—-])?[ \t]*\d{5}(?!\d)")
_NUMBERED_ROAD = re.compile(r"(?<![\w-])(?i:route[ \t]+(?:nationale|d[ée]partementale)|RN|RD)[ \t]*\d{1,4}(?![\w-])")
# "Adresse : Le Bourg - 03500 X", "domicile (Le Bourg, 63410 X)": a named place before a postal code.
_LABELLED_PLACE = re.compile(
    r"(?:(?i:adresse|domicile|adr\.?)[ \t]*:|(?i:domicile)[ \t]*\()[ \t]*"
    # (round 18: a lower-case article, "adresse : la Borie Basse, 46100 X"; linked words, "La Butte aux Loups")
    r"(?P<name>(?:Les|Le|La|L['’]|LES|LE|LA|les|le|la|l['’])[ \t]*[" + UP + r"][\w'’\-]+"
    r"(?:[ \t]+(?:(?:de[ \t]+la|de|du|des|d['’]|aux|au|à)[ \t]*)?[" + UP + r"][\w'’\-]+){0,3})"
    r"(?=[ \t]*[-–,]?[ \t]*\d{5}\b)"
)


def _localities(ctx: DetectionContext) -> list[Span]:
    """Localities, numbered roads and named places of a home that carry no street number."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in prefixed_finditer(_LOCALITY, text, ctx.folded):
        head = text[max(0, m.start() - 60) : m.start()]
        postal = _POSTAL_AFTER.match(text, m.end()) is not None  # "quartier Vert-Pré, 97231 Le Robert"
        if not (head.rstrip(" \t").endswith("(") or _HOME_LINE_BEFORE.search(head) or postal):
            continue  # "section" and "village" are ordinary words elsewhere
        words = re.findall(r"[\w'’]+", m.group("name"))
        home = bool(_HOME_LINE_BEFORE.search(head))  # after a home field a common word is the name too
        if len(words) == 1 and ((lex.is_common(words[0]) and not home) or is_protected_word(words[0])):
            continue
        out.append(Span(m.start(), m.end(), "ADRESSE", 0.75, "address"))
    for m in prefixed_finditer(_NUMBERED_ROAD, text, ctx.folded):
        # after a home field, or before a postal code ("Route Départementale 96 – 77170 Coubert", round 18)
        if _HOME_LINE_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) or _ROAD_ZIP_AFTER.match(text, m.end()):
            out.append(Span(m.start(), m.end(), "ADRESSE", 0.75, "address"))
            if locality := LOCALITY_AFTER.match(text, m.end()):  # "RN 2, Kawéni, 97600 X": its locality
                out.append(Span(locality.start("name"), locality.end("name"), "ADRESSE", 0.75, "address"))
    for m in prefixed_finditer(_LABELLED_PLACE, text, ctx.folded):
        if not any(is_protected_word(w) for w in re.findall(r"[\w'’]+", m.group("name"))):
            out.append(Span(m.start("name"), m.end("name"), "ADRESSE", 0.75, "address"))
    return out


# "Résidence du Lac, bât. C, 33300 ...", "Lotissement Les Alizés, lot 17, section Boisvin, 97139 ...",
# "Cité Dillon, résidence X, bât. 4)": a home named by its estate and its building, flat or lot parts
# and no street; the whole chain is one address (the comma between the parts is part of it).
_ESTATE = (
    r"(?i:r[ée]sidence|cit[ée]|lotissement|immeuble|hameau)[ \t]+"
    r"(?:(?i:les|le|la|l['’]|du|des|de[ \t]la|de)[ \t]*)?" + NAME_WORDS
)
_FLAT_PART = (
    r"(?i:b[âa]t(?:iment)?\.?|esc(?:alier)?\.?|appt?\.?|apt\.?|appartement|porte|entr[ée]e|logement|log\.|lot|"
    r"section|tour)[ \t]*(?:n°[ \t]*)?"
    r"(?:[A-Z0-9]{1,4}(?![\w'’-])|[" + UP + r"][\w'’\-]+(?:[ \t][" + UP + r"][\w'’\-]+)?)"
)
_ESTATE_WITH_FLAT = re.compile(
    r"(?<![\w-])(?:" + _ESTATE + r"[ \t]*,[ \t]*)*" + _ESTATE + r"(?:[ \t]*,[ \t]*" + _FLAT_PART + r")+"
    # "Cité X, bât. G, 4e étage": the floor after a building part belongs to the address
    r"(?:[ \t]*,[ \t]*\d{1,2}[ \t]?(?:e|er|[èe]me)[ \t]+(?i:[ée]tage|[ée]t\.))?"
    r"(?=[ \t]*(?:,?[ \t]*\d{5}(?!\d)|[)\n]|$)"
    r"|,[ \t]*(?P<commune>[" + UP + r"][\w'’]*(?:-[\w'’]+)*)(?![\w'’-])|[ \t]{2,}\S)"
)


def _estates_with_flats(ctx: DetectionContext) -> list[Span]:
    """Estate or residence names chained with their building, flat or lot parts, before a postal code."""
    text = ctx.text
    folded = ctx.folded
    if not any(k in folded for k in ("residence", "cite", "lotissement", "immeuble", "hameau")):
        return []
    if not any(k in folded for k in ("bat", "esc", "lot", "app", "apt", "porte", "section", "log", "tour")):
        return []
    out = []
    for m in prefixed_finditer(_ESTATE_WITH_FLAT, text, ctx.folded):
        # "Résidence X, bât. C, Vandœuvre-lès-Nancy": a commune (known to the gazetteer) may follow
        if m.group("commune") and not known_commune(ctx.lexicons, m.group("commune")):
            continue
        # "bât. G" is no unit; a hyphenated name is read whole ("Cité Henri-IV": "IV" alone is a medical word)
        if not any(is_protected_word(w) for w in re.findall(r"[\w'’]{2,}(?:-[\w'’]+)*", m.group(0))):
            out.append(Span(m.start(), m.end(), "ADRESSE", 0.85, "address_lead"))
    return out


@recognizer("address", 74)
def find_addresses(ctx: DetectionContext) -> list[Span]:
    """Street addresses: "12 rue des Lilas", "3 bis, avenue Jean Jaurès", "lieu-dit Kerhuel"."""
    text = ctx.text
    spans = street_spans(ctx) + _estates_with_flats(ctx)
    for m in prefixed_finditer(_NAMED_PLACE_ADDRESS, text, ctx.folded):
        # "12 Les Hauts de Lorette, 62153 ...": a number and a place name before a postal code
        # or after an address word; no street type.
        context = re.search(
            r"(?i)(?:domicili[ée]e?|demeurant|habite|adresse\s*:|vit|r[ée]side)[ \t]*(?:au|à|:)?[ \t]*$",
            text[max(0, m.start() - 25) : m.start()],
        )
        if m.group("zip") is None and not context:
            continue
        if any(s.start <= m.start() and m.end("name") <= s.end for s in spans):
            continue  # "avenue du 14 Juillet – 93140": the street's date, not a house number and a place
        if _NUMBERED_ROAD.search(text, max(0, m.start() - 30), m.end()):
            continue  # "Route nationale 2, X, 97600": the road's number, not a house number
        if any(is_protected_word(w) for w in re.findall(r"[\w'’]+", m.group("name"))):
            continue
        spans.append(Span(m.start(), m.end("name"), "ADRESSE", 0.8, "address"))
    for z in _ZIP_AFTER_COMMA.finditer(text):
        line_start = text.rfind("\n", 0, z.start()) + 1
        tail = _PLACE_TAIL.search(text, line_start, z.start())
        if tail and text[z.start()] != "," and text.startswith(tail.group("name"), z.end() - 1):
            continue  # "Le Havre – 76600 Le Havre": the commune itself, not a place in it
        if tail and not any(is_protected_word(w) for w in re.findall(r"[\w'’]+", tail.group("name"))):
            spans.append(Span(tail.start("name"), tail.end("name"), "ADRESSE", 0.75, "address"))
    spans += [x for x in _localities(ctx) if not any(y.start < x.end and x.start < y.end for y in spans)]
    for m in prefixed_finditer(_HOUSE, text, ctx.folded):
        word = m.group("word")
        if ctx.lexicons.is_common(word) or is_protected_word(word) or ctx.lexicons.is_first_name(word):
            continue
        if not any(s.start <= m.start() < s.end for s in spans):
            spans.append(Span(m.start(), m.end(), "ADRESSE", 0.75, "address"))
    return spans


# A lead-in chain (street type, number, building or house) is stronger evidence than a facility
# reading of its residence name or a name field reading of its house name ("parents : Maison X").
PRIORITIES["address_lead"] = 85
