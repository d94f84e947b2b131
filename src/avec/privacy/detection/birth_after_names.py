"""A date written right after a person's name, years before the document's other dates, is a birth date.

Identity lines, lists and export rows give the birth date beside the name without any birth word:
"appel de TANGUY Gwenaëlle, 19.12.1984, NIR ...", "N'DIAYE Mamadou (22/08/1959) - alerte",
"GUERIN LOUNA   27/06/2010   GUERIN MATHIS  09/01/2014", "MOREL Kelly, 12/03/1997, orientée par".
The date rules label these `DATE`. Read on the 2,495 hand-checked documents of 2026-12-01: a full
date directly after a name span (same line, separated only by spaces, a comma, a dash, a bar or an
opening bracket) whose year is at least two years before the latest year of the document's other
dates is a birth date in 58 cases of 59; after a titled name ("DR LE BRAS | 12/09/2019", a
practitioner's visit date) it never is, nor when the date is about as recent as the document.
Hand-written: a document-level reading no library does.
"""

from __future__ import annotations

import re

from avec.privacy.spans import Span

_PERSON = frozenset({"NOM", "PRENOM"})
# What may stand between the name and the date: spaces, a comma, a semicolon, a dash, a bar, "(";
# the bracket closing a married name ("NGUYEN Thi Lan (épouse PHAM)   12/06/1971"), a sex letter
# ("Pt : JEAN-BAPTISTE Kenzo  M  15/06/2021").
_BETWEEN = re.compile(r"\)?(?:[ \t]+[MFH](?=[ \t]))?[ \t]*(?:[,;|(–\-][ \t]*){0,2}")
_MAX_BETWEEN = 12
# A four-digit year, letter O / l read for 0 / 1 by OCR.
_YEAR = re.compile(r"(?<![\dOl])(?:18|19|20|l[89]|2[0O])[\dOl]{2}(?![\dOl])")
# A practitioner's title just before the name: the date is a visit's, not a birth.
_TITLE_BEFORE = re.compile(r"(?i)\b(?:dr|pr|docteur|professeur|me|ma[iî]tre)\.?[ \t]+(?:[^\W\d_][\w'’\-]*[ \t]+)?\Z")
_MIN_YEARS_BEFORE = 2


def _year(value: str) -> int | None:
    m = _YEAR.search(value)
    return int(m.group(0).replace("O", "0").replace("l", "1")) if m else None


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
        between = text[name.end : date.start]
        if len(between) > _MAX_BETWEEN or _BETWEEN.fullmatch(between) is None:
            continue
        year = _year(text[date.start : date.end])
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
