"""Dates read by the column they stand in: a birth-date column, a column of visit days.

Under a "DDN", "ddn_mere" or "DATE_NAISS_ENF" header every full date is a birth date, however
many such columns a row has (a mother's and her child's, the two records of a duplicate pair).
Under a "Date" or "date_visite" header a bare day and month ("03/10") is a date, which no rule
reads alone in running text (it could be a score or a dose). Hand-written: cell shapes of French
exports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from avec.privacy.detection.field_keys import classify_key
from avec.privacy.detection.text import fold
from avec.privacy.spans import Span

# A column of dates named by what happened that day: "Date", "date_visite", "DATE RDV", "Jour".
_DATE_HEADER = re.compile(r"(?:date|jour)(?: (?:de |du |d )?[a-z]{2,12}){0,2}")

# "12/04/1990", "12.04.90", "1958-04-09", "05/1966", "1956": a birth date, whole or in part.
_BIRTH_CELL = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:\d{2}|\d{4})|(?:19|20)\d{2}-\d{2}-\d{2}|"
    r"(?:(?:0?[1-9]|1[0-2])[/.\-])?(?:18|19|20)\d{2}"
)
# A day and a month, a day up to 31 and a month up to 12: "03/10", "3.10".
_DAY_MONTH_CELL = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])")


def column_date_spans(cell: str, start: int, kind: str) -> list[Span]:
    """The date of a stripped ``cell`` at ``start`` under a column of kind DATE or DATE_NAISSANCE."""
    if kind == "DATE_NAISSANCE" and _BIRTH_CELL.fullmatch(cell):
        return [Span(start, start + len(cell), "DATE_NAISSANCE", 0.95, "table")]
    if kind == "DATE" and _DAY_MONTH_CELL.fullmatch(cell):
        return [Span(start, start + len(cell), "DATE", 0.9, "table")]
    return []


@lru_cache(maxsize=4096)
def date_column_kind(header: str) -> str | None:
    """ "DATE_NAISSANCE" for a birth-date header ("DDN", "ddn_mere"), "DATE" for a column of days, else None."""
    if classify_key(header.strip()) == "DATE_NAISSANCE":
        return "DATE_NAISSANCE"
    norm = re.sub(r"[\s_\-.'’]+", " ", fold(header)).strip()
    return "DATE" if _DATE_HEADER.fullmatch(norm) else None
