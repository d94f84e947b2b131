"""Postal codes in two layouts the commune rule misses: OCR-spaced digits and foreign addresses.

A scanned letter read by OCR spaces every digit of a postal code ("3 8 0 0 0 GRENOB LE",
"6 9 0 0 3 LYON"): five single digits, a valid French département first, then a town in capitals.
A cross-border family writes a foreign address with the country after the town ("7500 Tournai –
BELGIQUE", "1205 Genève (Suisse)", "L-4011 Esch-sur-Alzette, Luxembourg", "20000 Casablanca –
MAROC"): four or five digits, a capitalised town, a country name (Faker ``fr_FR`` country names,
see :func:`place_patterns.world_places`). The town is then a VILLE too.
A dictated address says its postal code in words after the commune ("à plougastel daoulas vingt-neuf
quatre cent soixante-dix"): read by ``text2num`` (as the spoken dates and phones), five digits with
a valid département, right after a known commune.
Hand-written: no library reads these layouts.
"""

from __future__ import annotations

import re

from text_to_num import alpha2digit

from avec.privacy.detection.place_patterns import UP, city_span, world_places
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# Five digits with at least two single spaces inside, a département first, then a word in capitals.
_SPACED_ZIP = re.compile(
    r"(?P<zip>(?:0[ ]?[1-9]|[1-8][ ]?\d|9[ ]?[0-8])(?:[ ]?\d){3})(?![ ]?\d)"
    r"(?=[ \t]+[" + UP + r"])"
)
_CAPS_WORD = re.compile(r"[ \t]+[" + UP + r"]{3,}")
# Before it: the start of a line or the end of the street ("7 8 , avenue Foch — 3 8 0 0 0").
_BEFORE_SPACED_ZIP = re.compile(r"(?:^|[,—–-])[ \t]*\Z")
# ... or a column gap of two spaces or more, then a known commune ("Bouexière   3 5 1 3 3   LECOUSSE").
_COLUMN_GAP = re.compile(r"[ \t]{2}\Z")
# A postal code with O or l read for 0 or 1 by OCR ("353OO   FOUGERES", "69OO3 LYON"), before a
# known commune: the commune's presence in the list is the evidence.
_OCR_ZIP = re.compile(r"(?<![\w/.,-])(?P<zip>\d[\dOl]{4})(?![\w/.,-])(?=[ \t]+[" + UP + r"])")
_LINK = r"(?:(?:sur|sous|en|le|la|les|de|du|des|lès|am|im)[ \t-]+)?"
_NAME = r"[" + UP + r"][\w'’]*(?:[ \t-]+" + _LINK + r"[" + UP + r"][\w'’]*){0,3}"
# A foreign address: an optional country letter, the code, the town, a dash, comma or bracket, a country.
_FOREIGN_ZIP = re.compile(
    r"(?P<zip>\d{4,5})[ \t]+(?!(?i:[àa]|au|en|le|la|les|de|du|des)[ \t])(?P<town>"
    + _NAME
    + r")[ \t]*(?:[-–—,/(][ \t]*)"
    r"(?P<country>[" + UP + r"][\w'’]*(?:[ \t-][" + UP + r"][\w'’]*)?)[ \t]*\)?[ \t]*(?=\n|$|[.;])"
)


# Number words on the folded text (same offsets, no accents): "vingt-neuf quatre cent soixante-dix".
_NUMBER_WORD = (
    r"(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingts?|trente|quarante|cinquante|soixante|cents?|mille|et)"
)
_SPOKEN_ZIP = re.compile(r"(?<![\w-])" + _NUMBER_WORD + r"(?:[ -]+" + _NUMBER_WORD + r"){1,9}(?![\w-])")
_WORDS_BEFORE = re.compile(r"([a-z][a-z'’-]*)(?:[ \t]+([a-z][a-z'’-]*))?[ \t]+\Z")
_DEPARTMENT = re.compile(r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}\Z")
_TO_DIGIT = str.maketrans({"O": "0", "l": "1"})
_OCR_MARK = re.compile(r"\d[Ol]")  # an OCR postal code holds a digit then O or l
# Not a postcode's start: a word or a digit right before, or a digit and a space ("1 2 3 4 5").
_WORD_OR_DIGIT_BEFORE = re.compile(r"(?:\w|\d[ \t])\Z")
# Right before a foreign postcode: a country letter and a dash ("L-3401", "CH-1205"), then no word.
_COUNTRY_LETTER = re.compile(r"[A-Z]{1,2}-\Z")


def _bad_start(text: str, start: int) -> bool:
    """True when the digits at ``start`` continue a word or a number ("A12345", "12-4567")."""
    letter = _COUNTRY_LETTER.search(text, max(0, start - 3), start)
    if letter:
        start = letter.start()
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-/.,:")


@recognizer("zip_layout", 75)
def find_postcode_layouts(ctx: DetectionContext) -> list[Span]:
    """OCR-spaced French postal codes and foreign postal codes followed by their country."""
    text = ctx.text
    spans: list[Span] = []
    # The patterns open on a digit so that the engine skips ahead to digits (speed); the boundary
    # before the number is checked here.
    for m in prefixed_finditer(_SPACED_ZIP, text, ctx.folded):
        if _WORD_OR_DIGIT_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            continue
        if m.group("zip").count(" ") < 2:
            continue  # "38 000" is read by the commune rule; OCR spaces more
        before = text[max(0, m.start() - 4) : m.start()]
        city = city_span(text, m.end())
        known = city is not None and fold_key(text[city[0] : city[1]]) in ctx.lexicons.communes
        if not known and not _CAPS_WORD.match(text, m.end()):
            continue  # a town in mixed case ("6 1 1 5 0 Écouché") must be a known commune
        line_start = text.rfind("\n", 0, m.start()) + 1
        address_start = (
            m.start() < 4 or not text[line_start : m.start()].strip() or _BEFORE_SPACED_ZIP.search(before)
        )
        if not address_start and not (known and _COLUMN_GAP.search(before)):
            continue  # "Score 1 2 3 4 5 ECOG": a scale, no address
        spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.85, "zip_layout"))
        if city and known:
            spans.append(Span(city[0], city[1], "VILLE", 0.85, "zip_layout"))
    if _OCR_MARK.search(text):
        spans.extend(_ocr_zips(ctx))
    if " cent" in ctx.folded or "mille" in ctx.folded or "zero" in ctx.folded:
        spans.extend(_spoken_zips(ctx))
    countries = None
    for m in _FOREIGN_ZIP.finditer(text):
        if _bad_start(text, m.start()):
            continue
        if countries is None:
            countries = world_places(ctx.lexicons).countries
        if fold_key(m.group("country")) not in countries or fold_key(m.group("country")) == "france":
            continue
        spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.85, "zip_layout"))
        spans.append(Span(m.start("town"), m.end("town"), "VILLE", 0.8, "zip_layout"))
    return spans


def _ocr_zips(ctx: DetectionContext) -> list[Span]:
    """Postal codes holding an OCR letter (O for 0, l for 1), followed by a known commune."""
    spans = []
    for m in _OCR_ZIP.finditer(ctx.text):
        code = m.group("zip")
        if code.isdigit() or not code.translate(_TO_DIGIT).isdigit():
            continue
        city = city_span(ctx.text, m.end())
        if city and fold_key(ctx.text[city[0] : city[1]]) in ctx.lexicons.communes:
            spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.85, "zip_layout"))
            spans.append(Span(city[0], city[1], "VILLE", 0.85, "zip_layout"))
    return spans


def _spoken_zips(ctx: DetectionContext) -> list[Span]:
    """Postal codes dictated in words right after a known commune (one or two words before them)."""
    folded, communes = ctx.folded, ctx.lexicons.communes
    spans = []
    for m in _SPOKEN_ZIP.finditer(folded):
        before = _WORDS_BEFORE.search(folded, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        one, two = before.group(2) or before.group(1), f"{before.group(1)}-{before.group(2)}"
        if one not in communes and (before.group(2) is None or two not in communes):
            continue
        digits = re.sub(r"\s", "", alpha2digit(m.group(0).replace("zero", "zéro"), "fr"))
        if _DEPARTMENT.fullmatch(digits):
            spans.append(Span(m.start(), m.end(), "ZIP", 0.8, "zip_layout"))
    return spans
