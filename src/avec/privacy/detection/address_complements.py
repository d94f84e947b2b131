"""Address parts the street rules leave out (round 17).

- a flat or a kilometre point before the street ("APPT 12 - 4 BD X", "PK 7 route de X"), a lot
  number after an estate before its postal code ("lotissement Les Alizés, 17 97354 X"), a street
  type abbreviated to "r" after a house number ("8 r de la Forge"): one ``ADRESSE`` with the street;
- the value of a "Complément (d'adresse)" key ("ESC 3 – 2E ETAGE"), an ``ADRESSE``;
- a commune in lower case with its article after a postal code ("97232 le lamentin"), a ``VILLE``;
- a town in brackets after a phone number ("+55 96 9123-4567 (Macapá)"), a ``VILLE``.

Hand-written: no offline library parses French address complements.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune, world_places
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.street_addresses import STREET_ADDRESS
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
# A flat ("APPT 204 -") or a kilometre point ("PK 4") right before a street.
_BEFORE_STREET = re.compile(
    r"(?<![\w-])(?:(?i:appt?|apt|appartement|app)\.?[ \t]*(?:n°[ \t]*)?[A-Z0-9]{1,4}[ \t]*[-–,][ \t]*"
    r"|PK[ \t]*\d{1,3}(?:[.,]\d{1,3})?[ \t]+)"
)
_ESTATE_LOT = re.compile(
    r"(?<![\w-])(?i:lotissement|r[ée]sidence|cit[ée])[ \t]+(?:(?i:les|le|la|l['’]|du|des|de)[ \t]*)?"
    + _WORD + r"(?:[ \t]+(?:(?i:de|du|des|la|le|les)[ \t]+)?" + _WORD + r"){0,3}"
    r"[ \t]*,[ \t]*\d{1,4}(?=[ \t]*,?[ \t]+\d{5}(?!\d))"
)
_LOT_NUMBER_BEFORE_ZIP = re.compile(r",[ \t]*\d{1,4}[ \t]*,?[ \t]+\d{5}(?!\d)")
# "14 r de la Forge St-Malo": the street type "r" after a number, before a link word and a name.
_SHORT_RUE = re.compile(
    r"(?<![\w/])\d{1,4}(?:[ \t]?(?:bis|ter))?[ \t]+r\.?[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de|d['’])[ \t]*"
    + _WORD
)
_COMPLEMENT = re.compile(
    r"(?im)^[ \t]*compl[ée]ment(?:[ \t]+d['’]adresse)?[ \t.]*:[ \t]*(?P<v>[^\n]*?)[ \t]*$"
)
_COMPLEMENT_PART = re.compile(
    r"(?i)\b(?:esc(?:alier)?|b[âa]t(?:iment)?|appt?|apt|appartement|porte|[ée]tage|[ée]t|entr[ée]e|r[ée]sidence|"
    r"r[ée]s|lot|lotissement|tour|immeuble|chez|bo[îi]te|rdc)\b"
)
_LOWER_TOWN = re.compile(
    r"(?<!\d)\d{5}[ \t]+(?P<town>(?:le|la|les|l['’])[ \t]?[a-zà-ÿ][\w'’]*(?:[ -][a-zà-ÿ][\w'’]*){0,3})"
)
# A town in brackets after a digit; the phone before it is checked on the few such brackets.
_BRACKET_AFTER_DIGIT = re.compile(r"\d[ \t]?\((?P<town>" + _WORD + r"(?:[ \t]" + _WORD + r"){0,2})\)")
_PHONE_BEFORE = re.compile(r"(?:\+\d{1,3}|(?<!\d)0)[\d .\-()]{7,16}\d\Z")


def _before_streets(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    out = []
    for m in _BEFORE_STREET.finditer(text):
        street = STREET_ADDRESS.match(text, m.end())
        if street is None or not street.group("num") and not m.group(0).startswith(("PK", "pk")):
            continue
        out.append(Span(m.start(), street.end(), "ADRESSE", 0.8, "address_complement"))
    return out


def _lower_towns(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in _LOWER_TOWN.finditer(text):
        words = list(re.finditer(r"[^\s]+", m.group("town")))
        for n in range(len(words), 0, -1):
            end = m.start("town") + words[n - 1].end()
            surface = text[m.start("town") : end].rstrip(",;.")
            if fold_key(surface) in lex.communes and " " in surface.replace("'", " ").replace("’", " "):
                out.append(Span(m.start("town"), m.start("town") + len(surface), "VILLE", 0.74, "address_complement"))
                break
    return out


def _phone_towns(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    cities = world_places(lex).cities
    for m in _BRACKET_AFTER_DIGIT.finditer(text):
        if not _PHONE_BEFORE.search(text, max(0, m.start() - 21), m.start() + 1):
            continue
        town = m.group("town")
        if is_protected_word(town) or lex.is_first_name(town) or lex.is_common(town):
            continue
        if known_commune(lex, town) or town.lower() in cities:
            out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.72, "address_complement"))
    return out


@recognizer("address_complement", 76)
def find_address_complements(ctx: DetectionContext) -> list[Span]:
    """Flats and kilometre points before a street, complement lines, lower-case and bracketed towns."""
    text, folded = ctx.text, ctx.folded
    out: list[Span] = []
    if "appt" in folded or "apt" in folded or "appartement" in folded or "app." in folded or "PK" in text:
        out += _before_streets(ctx)
    if _LOT_NUMBER_BEFORE_ZIP.search(text):
        out += [Span(m.start(), m.end(), "ADRESSE", 0.8, "address_complement") for m in _ESTATE_LOT.finditer(text)]
    if " r " in text or " r. " in text:
        for m in _SHORT_RUE.finditer(text):
            if not is_protected_word(m.group(0).split()[-1]):
                out.append(Span(m.start(), m.end(), "ADRESSE", 0.78, "address_complement"))
    if "complement" in folded:
        for m in _COMPLEMENT.finditer(text):
            if m.group("v") and _COMPLEMENT_PART.search(m.group("v")):
                out.append(Span(m.start("v"), m.end("v"), "ADRESSE", 0.8, "address_complement"))
    if re.search(r"\d{5}[ \t]+(?:le|la|les|l['’])", text):
        out += _lower_towns(ctx)
    if "(" in text:  # (the bracket search starts at digits only)
        out += _phone_towns(ctx)
    return out
