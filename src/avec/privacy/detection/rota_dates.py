"""Dates heading the rows of a rota or a weekly plan after a one-letter weekday: "| L 07/10 |".

Family (round 14): weekly plannings of home-care, hospital and nursing-home teams open each row
with an abbreviated weekday then the day/month ("| L 07/10 | IDE ...", "| Me 09/10 |",
"Sa 12/10<TAB>..."). The other date rules read a day/month only after a lead word, before a clock
time or with a late month; this layout has none of those. Safe because the evidence is the whole
cell shape: the weekday abbreviation opens a table cell (a pipe, a tab or the line start), the
day/month is valid (day 1-31, month 1-12) and closes the cell (pipe, tab, column gap, colon, dash
or line end), and two rows at least have that shape. A fraction or a score never sits after "L",
"Ma", "Je"... at the start of a cell.
The weekday stays outside the span, as the conventions want. Hand-written: no library reads
French rota layouts.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_WEEKDAY = r"(?:L|Lu|Lun|M|Ma|Mar|Me|Mer|Merc|J|Je|Jeu|V|Ve|Ven|S|Sa|Sam|D|Di|Dim)\.?"
_ROTA_CELL = re.compile(
    r"(?:^|(?<=\|)|(?<=\t))[ \t]*" + _WEEKDAY + r"[ \t]+"
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))"
    r"(?=[ \t]*(?:\||\t|$|:|[–—-][ \t])|[ \t]{2})",
    re.MULTILINE,
)


@recognizer("rota_date", 70)
def find_rota_dates(ctx: DetectionContext) -> list[Span]:
    """A day/month after a weekday abbreviation opening a rota cell or line ("| Me 09/10 |")."""
    text = ctx.text
    if "/" not in text or not ("|" in text or "\t" in text):
        return []
    found = [m for m in _ROTA_CELL.finditer(text) if len(m.group("date")) >= 4]  # "3/4" alone may be a fraction
    if len(found) < 2:
        return []  # a rota has several rows; one cell is no evidence
    return [Span(m.start("date"), m.end("date"), "DATE", 0.85, "rota_date") for m in found]
