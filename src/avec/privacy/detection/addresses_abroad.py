"""Foreign addresses and homes without a street: "Hauptstrasse 7", "42 Cranbrook Road", "D-79104
Freiburg", "Bristol BS6 7BS", "camping Les Pins", "Chalet Les Aulnes", "cité 9", "bât. C".

Cross-border families, tourists and seasonal workers give addresses in the forms of their country
(German, Swiss, Dutch and Flemish street words glued to the name, the number after it; English
numbers before a name and its street word; postcodes with a country letter or in the British
layout); holiday homes and mining towns give a camping, a chalet or a numbered cité. The street
words are written by hand: no offline package lists them.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, city_span
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import PRIORITIES, DetectionContext, recognizer
from avec.privacy.spans import Span

_NAME = r"[" + UP + r"][\w'’\-]*"
# "Hauptstrasse 7", "Habsburgerstraße 112", "Hauptstross 21" (Alsatian), "Kerkstraat 4", "Am Markt 3"
# is not covered (no street word): the word must end in a street word of its language.
_GLUED_STREET = re.compile(
    r"(?<![\w-])(?P<street>[" + UP + r"][\w'’\-]*?(?:stra(?:ss|ß)e|str\.|stross|gasse|gässli|weg|platz|"
    r"straat|laan|plein|dreef|steenweg|gracht|kade)(?:[ \t]+" + _NAME + r")?[ \t]+\d{1,4}[a-z]?)(?![\w,.]\d)"
)
# Italian, Spanish and Portuguese streets with the number after: "Via Garibaldi 12", "Rua Augusta 10".
_LATIN_STREET = re.compile(
    r"(?<![\w-])(?P<street>(?:Via|Viale|Piazza|Corso|Calle|Avenida|Rua|Travessa|Praça|Plaza|Carrer|Largo)"
    r"(?:[ \t]+(?:de[ \t]+la|del|della|dei|di|da|do|dos|das|de))?[ \t]+" + _NAME + r"(?:[ \t]+" + _NAME + r")?"
    r",?[ \t]+\d{1,4}[a-z]?)(?![\w,.]\d)"
)
# Belgian, Swiss and Luxembourg streets in French, the number after the name, before a four-digit
# postcode (same line after a comma, or the next line): "Rue des Sablières 12\n7500 Tournai".
_NUMBER_AFTER_STREET = re.compile(
    r"(?<![\w-])(?P<street>(?:Rue|Avenue|Chauss[ée]e|Boulevard|Place|Chemin|Route|Quai|Square|Dr[èe]ve|Impasse|"
    r"All[ée]e|Clos|Sentier|Rue[ \t]+de[ \t]+la|Avenue[ \t]+de[ \t]+la)"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’]))?[ \t]*" + _NAME + r"(?:[ \t]+" + _NAME + r"){0,2}"
    r"[ \t]+\d{1,4}[a-z]?)(?=[ \t]*(?:,|\n)[ \t]*(?:B-|CH-|L-)?[1-9]\d{3}[ \t]+[" + UP + r"])"
)
# English streets: "42 Cranbrook Road", "7 St Mary's Close".
_ENGLISH_STREET = re.compile(
    r"(?<![\w,.])(?P<street>\d{1,4}[a-z]?[ \t]+" + _NAME + r"(?:[ \t]+" + _NAME + r"){0,2}[ \t]+"
    r"(?:Road|Street|Lane|Avenue|Drive|Close|Way|Crescent|Gardens|Terrace|Grove|Mews|Row|Rd|St)\.?)(?![\w-])"
)
# The end of every match of _ENGLISH_STREET: searched first (speed, most texts have none).
_ENGLISH_STREET_WORD = re.compile(
    r"(?:Road|Street|Lane|Avenue|Drive|Close|Way|Crescent|Gardens|Terrace|Grove|Mews|Row|Rd|St)\.?(?![\w-])"
)
# A postcode with its country letter: "D-79104 Freiburg", "CH-4051 Basel", "B-7380 Quiévrain".
_LETTERED_ZIP = re.compile(r"(?<![\w-])(?:D|A|B|CH|L|NL|I|E|P|PL|DK|LT)-(?P<zip>\d{4,5})(?=[ \t]+[" + UP + r"])")
# A four-digit postcode before a known foreign town (Belgium, Switzerland, Luxembourg, Austria,
# Denmark...): "Kerkstraat 27, 8500 Kortrijk", "rue Haute 12, 1000 Bruxelles".
_FOUR_DIGIT_ZIP = re.compile(
    r"(?<![\w.,/-])(?P<zip>[1-9]\d{3})[ \t]+(?P<town>" + _NAME + r"(?:[ \t-]" + _NAME + r")?)(?![\w-])"
)
# A British postcode after a town: "Bristol BS6 7BS", "Leeds LS1 4AP".
_UK_ZIP = re.compile(
    r"(?<![\w-])(?P<town>" + _NAME + r"(?:[ \t]" + _NAME + r")?)[ \t]+"
    r"(?P<zip>[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2})(?![\w-])"
)
_UK_ZIP_TAIL = re.compile(r"[ \t]\d[A-Z]{2}(?![\w-])")  # in every match of _UK_ZIP (speed: searched first)
# Holiday and seasonal homes, farms and mills in the country: "camping Les Joncs", "Chalet Les
# Aulnes", "mobil-home du Lac", "ferme du Haut Bois", "Moulin de Keranna".
_HOLIDAY_HOME = re.compile(
    r"(?<![\w-])(?P<home>(?i:camping|chalet|g[îi]te|mobil-home|mobile-home|ferme|moulin|m[ée]tairie|grange)[ \t]+"
    r"(?:(?i:les|le|la|l['’]|du|des|de[ \t]+la|de)[ \t]*)?" + _NAME + r""
    r"(?:[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’])[ \t]*)?" + _NAME + r"){0,3})"
)
# "56 rue Lamartine, cité 9, 62300 Lens": a numbered cité of a mining town, within an address.
_NUMBERED_CITE = re.compile(r"(?<![\w-])(?P<cite>(?i:cit[ée])[ \t]+\d{1,3}(?:[ \t]?(?:bis|ter))?)(?![\w,.]\d)")
# "Résidence Les Peupliers, bât. C, appt 12": the building of a residence is an address part.
_BUILDING = re.compile(r",[ \t]*(?P<building>(?i:b[âa]t(?:iment)?\.?)[ \t]*[A-Z0-9]{1,2})(?![\w])")
_ADDRESS_LINE = re.compile(
    r"(?i)\b(?:\d{1,4},?[ \t]+(?:rue|avenue|bd|boulevard|chemin|route|all[ée]e|impasse|place)\b|r[ée]sidence\b)"
)
_COUNTRY_BUILDING = re.compile(r"(?i)ferme|moulin|m[ée]tairie|grange")
_PARTICLE_AFTER = re.compile(r"[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]|de|d['’])[ \t]*[" + UP + r"]")
# Where a building letter belongs to a home: a residence, a cité, a housing estate, a block of flats.
_BUILDING_HOLDER = re.compile(r"(?i)\b(?:r[ée]sidence|cit[ée]|lotissement|immeuble|hlm)\b")
_STREET_OR_LABEL = re.compile(
    r"(?i)\b(?:rue|avenue|chauss[ée]e|boulevard|place|chemin|adresse|domicile|\w+(?:stra(?:ss|ß)e|straat|laan|weg|gasse))\b"
)
_ZIP_AFTER = re.compile(r"[ \t]*,?[ \t]*\d{5}\b")
# "Lotissement Les Palmiers, lot 12": the plot number of a housing estate.
_PLOT = re.compile(r",[ \t]*(?P<lot>(?i:lot)[ \t]+(?:n°[ \t]*)?\d{1,4}[A-Za-z]?)(?![\w])")
# "contre Parc Belvédère, 17 chemin ...": a housing estate named "Parc X" on an address line.
_ESTATE = re.compile(r"(?<![\w-])(?P<estate>Parc[ \t]+" + _NAME + r"(?:[ \t]+" + _NAME + r")?)")
_ZIP_ON_LINE = re.compile(r"\b\d{5}\b")


def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : len(text) if end < 0 else end]


@recognizer("address_abroad", 74)
def find_addresses_abroad(ctx: DetectionContext) -> list[Span]:
    """Foreign street and postcode forms, holiday homes, numbered cités, a residence's building."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    folded = ctx.folded
    if any(k in folded for k in ("str", "gasse", "weg", "platz", "laan", "plein", "dreef", "gracht", "kade")):
        for m in _GLUED_STREET.finditer(text):
            word = m.group("street").split()[0]
            if not is_protected_word(word) and not lex.is_common(word):
                spans.append(Span(m.start("street"), m.end("street"), "ADRESSE", 0.85, "address_lead"))
    for m in prefixed_finditer(_LATIN_STREET, text, folded):
        spans.append(Span(m.start("street"), m.end("street"), "ADRESSE", 0.8, "address_lead"))
    for m in prefixed_finditer(_NUMBER_AFTER_STREET, text, folded):
        spans.append(Span(m.start("street"), m.end("street"), "ADRESSE", 0.85, "address_lead"))
    for m in _ENGLISH_STREET.finditer(text) if _ENGLISH_STREET_WORD.search(text) else ():
        spans.append(Span(m.start("street"), m.end("street"), "ADRESSE", 0.85, "address_lead"))
    for m in prefixed_finditer(_LETTERED_ZIP, text, folded):
        spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.9, "zip_city"))
        after = city_span(text, m.end())
        if after and not is_protected_word(text[after[0] : after[1]]):
            spans.append(Span(after[0], after[1], "VILLE", 0.85, "zip_city"))
    for m in prefixed_finditer(_FOUR_DIGIT_ZIP, text, folded):
        # a known foreign town on a line that also holds a street or an address label
        town = m.group("town")
        if town.lower() in lex.foreign_cities and _STREET_OR_LABEL.search(_line(text, m.start())):
            spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.85, "zip_city"))
            spans.append(Span(m.start("town"), m.end("town"), "VILLE", 0.8, "zip_city"))
    for m in _UK_ZIP.finditer(text) if _UK_ZIP_TAIL.search(text) else ():
        town = m.group("town")
        if (lex.is_common(town) and town.lower() not in lex.foreign_cities) or is_protected_word(town):
            continue
        spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.85, "zip_city"))
        spans.append(Span(m.start("town"), m.end("town"), "VILLE", 0.8, "zip_city"))
    spans.extend(_homes(ctx))
    return spans


def _homes(ctx: DetectionContext) -> list[Span]:
    text, folded = ctx.text, ctx.folded
    spans: list[Span] = []
    if any(k in folded for k in ("camping", "chalet", "gite", "mobil", "ferme", "moulin", "metairie", "grange")):
        for m in prefixed_finditer(_HOLIDAY_HOME, text, ctx.folded):
            words = re.findall(r"[\w'’]+", m.group("home"))
            if any(is_protected_word(w) for w in words[1:]):
                continue
            if _COUNTRY_BUILDING.fullmatch(words[0]):
                # "ferme du Haut Bois", "Moulin de Kerhuel": a farm or a mill only with its particle
                # ("M. Moulin Didier", "NEE GRANGE" are surnames), weaker than a lieu-dit lead-in
                if _PARTICLE_AFTER.match(text, m.start("home") + len(words[0])):
                    spans.append(Span(m.start("home"), m.end("home"), "ADRESSE", 0.75, "address"))
                continue
            spans.append(Span(m.start("home"), m.end("home"), "ADRESSE", 0.8, "address_lead"))
    if "cit" in folded:
        for m in prefixed_finditer(_NUMBERED_CITE, text, ctx.folded):
            # within an address: a street on the same line or a postal code right after
            if _ZIP_AFTER.match(text, m.end()) or _ADDRESS_LINE.search(_line(text, m.start())):
                spans.append(Span(m.start("cite"), m.end("cite"), "ADRESSE", 0.8, "address"))
    if "lot" in folded:
        for m in _PLOT.finditer(text):
            if re.search(r"(?i)\blotissement\b", _line(text, m.start())):
                spans.append(Span(m.start("lot"), m.end("lot"), "ADRESSE", 0.8, "address"))
    for m in prefixed_finditer(_ESTATE, text, ctx.folded) if "Parc " in text else ():
        line = _line(text, m.start())
        words = m.group("estate").split()[1:]
        if any(ctx.lexicons.is_common(w) or is_protected_word(w) for w in words):
            continue
        if _ADDRESS_LINE.search(line) and _ZIP_ON_LINE.search(line):
            spans.append(Span(m.start("estate"), m.end("estate"), "ADRESSE", 0.75, "address"))
    if "bat" in folded:
        for m in prefixed_finditer(_BUILDING, text, ctx.folded):
            if _BUILDING_HOLDER.search(_line(text, m.start())):
                spans.append(Span(m.start("building"), m.end("building"), "ADRESSE", 0.8, "address"))
    return spans


PRIORITIES.setdefault("address_lead", 85)
