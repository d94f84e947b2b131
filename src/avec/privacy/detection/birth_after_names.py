"""A date written right after a person's name, years before the document's other dates, is a birth date.

Identity lines, lists and export rows give the birth date beside the name without any birth word:
"appel de TANGUY Gwenaëlle, 19.12.1984, NIR ...", "N'DIAYE Mamadou (22/08/1959) - alerte",
"GUERIN LOUNA   27/06/2010   GUERIN MATHIS  09/01/2014", "MOREL Kelly, 12/03/1997, orientée par".
The date rules label these `DATE`. Read on the 2,495 hand-checked documents of 2026-12-01: a full
date directly after a name span (same line, separated only by spaces, a comma, a dash, a bar or an
opening bracket) whose year is at least two years before the latest year of the document's other
dates is a birth date in 58 cases of 59; after a titled name ("DR LE BRAS | 12/09/2019", a
practitioner's visit date) it never is, nor when the date is about as recent as the document.
Round 19: an em dash counts as a dash, a slash as a separator ("PERRILLAT Loïc — 25/09/1984 —
séj. ...", "INSi : KRIEGER / FRANCIS / 14/12/1957 / M"), a fixed-width or padded column may stand
between (spaces only, or a bar or a sex letter in them, up to 40 characters: "07H50  PAYET JEAN-MAX
          12/08/1980   0693 ..."), and a two-digit year is read against the document's latest
year ("GIRARD ANNE-SOPHIE 08/12/72": 1972).
Hand-written: a document-level reading no library does.
"""

from __future__ import annotations

import re

from avec.privacy.spans import Span

_PERSON = frozenset({"NOM", "PRENOM"})
# What may stand between the name and the date: spaces, a comma, a semicolon, a dash, a bar, "(";
# the bracket closing a married name ("NGUYEN Thi Lan (épouse PHAM)   12/06/1971"), a sex letter
# ("Pt : JEAN-BAPTISTE Kenzo  M  15/06/2021"), a slash between an identity's fields ("INSi : KRIEGER /
# FRANCIS / 14/12/1957 / M").
_BETWEEN = re.compile(r"\)?(?:[ \t]+[MFH](?=[ \t]))?[ \t]*(?:[,;|(–—\-/][ \t]*){0,2}")
_MAX_BETWEEN = 12
# A padded column: longer, but blank apart from at most one bar and a sex letter.
_PADDED_COLUMN = re.compile(r"[ \t]*(?:\|[ \t]*)?(?:[MFH][ \t]+)?")
_MAX_PADDING = 40
# A date whose year has two digits: "08/12/72".
_SHORT_YEAR = re.compile(r"(?<![\d/.\-])\d{1,2}[/.\-]\d{1,2}[/.\-](\d{2})(?![\d/.\-])")
# A four-digit year, letter O / l read for 0 / 1 by OCR.
_YEAR = re.compile(r"(?<![\dOl])(?:18|19|20|l[89]|2[0O])[\dOl]{2}(?![\dOl])")
# A practitioner's title just before the name: the date is a visit's, not a birth.
_TITLE_BEFORE = re.compile(r"(?i)\b(?:dr|pr|docteur|professeur|me|ma[iî]tre)\.?[ \t]+(?:[^\W\d_][\w'’\-]*[ \t]+)?\Z")
_MIN_YEARS_BEFORE = 2


def _year(value: str) -> int | None:
    m = _YEAR.search(value)
    return int(m.group(0).replace("O", "0").replace("l", "1")) if m else None


def _birth_year(value: str, latest: int) -> int | None:
    """The year of the date ``value``; a two-digit year is the latest such year not after ``latest``."""
    year = _year(value)
    if year is not None:
        return year
    m = _SHORT_YEAR.fullmatch(value.strip())
    if m is None:
        return None
    year = 2000 + int(m.group(1))
    return year if year <= latest else year - 100


def _joins(between: str) -> bool:
    """True when ``between`` (from the name's end to the date's start) only separates them."""
    if len(between) <= _MAX_BETWEEN:
        return _BETWEEN.fullmatch(between) is not None
    return len(between) <= _MAX_PADDING and _PADDED_COLUMN.fullmatch(between) is not None


def relabel_births_after_names(spans: list[Span], text: str) -> list[Span]:
    """``spans`` (resolved, sorted by start) with such dates relabelled ``DATE_NAISSANCE``."""
    years = [y for s in spans if s.label == "DATE" and (y := _year(text[s.start : s.end])) is not None]
    if len(years) < 2:
        return spans
    latest = max(years)
    out = list(spans)
    for i in range(1, len(out)):
        date, name = out[i], out[i - 1]
        if date.label != "DATE" or name.label not in _PERSON:
            continue
        if not _joins(text[name.end : date.start]):
            continue
        year = _birth_year(text[date.start : date.end], latest)
        if year is None or latest - year < _MIN_YEARS_BEFORE:
            continue
        first = i - 1
        while first > 0 and out[first - 1].label in _PERSON and out[first].start - out[first - 1].end <= 3:
            first -= 1  # the whole name: "LE BRAS Yann" before the date
        line_start = text.rfind("\n", 0, out[first].start) + 1
        if _TITLE_BEFORE.search(text, max(line_start, out[first].start - 30), out[first].start):
            continue
        out[i] = Span(date.start, date.end, "DATE_NAISSANCE", date.score, date.source)
    return out
