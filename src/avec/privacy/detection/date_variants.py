"""Dates in rarer numeric layouts: Roman-numeral months, "1er/03/2024", dotted ISO, spaced digits.

Old administrative forms and some writers put the month in Roman numerals ("3 VII 2024",
"12/IX/1947", "1er.X.2023"); others write the first of the month as "1er/03/2024", ISO dates with
dots ("2024.03.12"), or leave spaces for separators ("19 10 1947", "12 03 2024"). Every value is
checked as a calendar date; a birth context makes it a DATE_NAISSANCE.
Hand-written: the date parsers (dateparser, dateutil) read whole strings, not spans in a text.
"""

from __future__ import annotations

import datetime as dt
import re

from avec.privacy.detection.dates import is_birth_context
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}
# "3 VII 2024", "12/IX/1947", "1er.X.23": the same separator on both sides of the month.
_ROMAN_MONTH = re.compile(
    r"(?<![\w/.-])(?P<d>1er|0?[1-9]|[12]\d|3[01])(?P<sep>[ /.\-])(?P<m>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
    r"(?P=sep)(?P<y>(?:18|19|20)\d{2}|\d{2})(?![\w/]|[.,/-]\w)"
)
# "1er/03/2024", "1er.03.24", and "1er/03" with its month zero-padded.
_FIRST_OF_MONTH = re.compile(
    r"(?<![\w/.-])1er(?P<sep>[/.\-])(?:(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>(?:18|19|20)\d{2}|\d{2})|(?P<pm>0[1-9]|1[0-2]))"
    r"(?![\w/]|[.,]\d)"
)
# "2024.03.12": ISO order with dots.
_DOTTED_ISO = re.compile(
    r"(?<![\w.])(?P<y>(?:18|19|20)\d{2})\.(?P<m>0[1-9]|1[0-2])\.(?P<d>0[1-9]|[12]\d|3[01])(?![\w]|\.\d)"
)
# "19 10 1947": day, month and a four-digit year separated by single spaces, after a date word.
_SPACED = re.compile(
    r"(?<![\w.,/])(?<!\d )(?P<d>0?[1-9]|[12]\d|3[01]) (?P<m>0[1-9]|1[0-2]) (?P<y>(?:18|19|20)\d{2})(?![\w]| ?\d|[.,]\d)"
)


# A word that announces a date, just before the spaced digits: "Né le", "DDN :", "RDV", "du", "au".
_DATE_WORD_BEFORE = re.compile(
    r"(?i)\b(?:le|du|au|date|ddn|n[ée]e?(?:\(e\))?|rdv|rendez-vous|depuis|entr[ée]e?|sortie|vu|naissance|"
    r"jusqu['’]au)[ \t]*:?[ \t]*\Z"
)
_HAS_ROMAN = re.compile(r"\d[ /.\-](?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[ /.\-]\d")
_HAS_DOTTED_MONTH = re.compile(r"\.(?:0[1-9]|1[0-2])\.")
_HAS_SPACED_MONTH = re.compile(r" (?:0[1-9]|1[0-2]) (?:18|19|20)")


def _valid(day: int, month: int, year: int) -> bool:
    year = year if year >= 100 else (1900 + year if year > 30 else 2000 + year)
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1850 <= year <= 2100


def _span(text: str, m: re.Match[str], month: int) -> Span | None:
    day = 1 if m.groupdict().get("d", "1er") in (None, "1er") else int(m.group("d"))
    if not _valid(day, month, int(m.group("y")) if m.group("y") else 2000):
        return None
    label = "DATE_NAISSANCE" if is_birth_context(text, m.start()) else "DATE"
    return Span(m.start(), m.end(), label, 0.88, "date_variant")


@recognizer("date_variant", 70)
def find_date_variants(ctx: DetectionContext) -> list[Span]:
    """Dates with a Roman-numeral month, "1er/MM/YYYY", "YYYY.MM.DD" or spaces as separators."""
    text = ctx.text
    spans: list[Span] = []
    found: list[Span | None] = []
    # Each full pattern runs only where a cheap search found its mark (speed).
    if _HAS_ROMAN.search(text):
        found += [_span(text, m, _ROMAN[m.group("m")]) for m in prefixed_finditer(_ROMAN_MONTH, text, ctx.folded)]
    if "1er" in text:
        first_hits = prefixed_finditer(_FIRST_OF_MONTH, text, ctx.folded)
        found += [_span(text, m, int(m.group("m") or m.group("pm"))) for m in first_hits]
    if _HAS_DOTTED_MONTH.search(text):
        found += [_span(text, m, int(m.group("m"))) for m in prefixed_finditer(_DOTTED_ISO, text, ctx.folded)]
    if _HAS_SPACED_MONTH.search(text):
        # spaces for separators: only after a date word ("Tension 12 10 2024")
        for m in prefixed_finditer(_SPACED, text, ctx.folded):
            if _DATE_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                found.append(_span(text, m, int(m.group("m"))))
    spans.extend(s for s in found if s is not None)
    return spans
