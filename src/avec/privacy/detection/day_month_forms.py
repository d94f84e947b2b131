"""Day/month dates without a lead word, which the other date rules leave alone.

Writers of tables, plannings and exports drop the year and the lead word ("le", "du"):
"| 16/11 14h10 |", "arrivée 3/2 à 9h", "SEMAINE 47 (18/11 → 24/11)", "garde 28/10 -> 3/11". Three
layouts are read here, each with the evidence that tells a date from a fraction, a score or a
blood pressure:

- a day/month before a clock time ("16/11 14h10", "2/12 à 9h", "05/01 08:30");
- a day above 12 over a month of 10 to 12 ("24/11", "31/12"): no fraction, score or dose is
  written so, only a blood pressure in cmHg ("TA 13/10"), refused by the words around it;
- two day/months joined by an arrow or a dash, the second after the first ("18/11 → 24/11");
- a list after "les" in the same season ("les 09/10 et 23/10"), and a day/month after a past
  participle ("signée 02/11", "reçu le 3/12"); fractions ("prise 1/2") and scores stay.

A zero-padded month ("21/02") is read by :mod:`avec.privacy.detection.dates`. Hand-written: no
library reads French partial dates.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
# A clock time after the date: "14h10", "9h", "08:30", "à 14h", "vers 9 h 30", ", 14h10".
_CLOCK_AFTER = (
    r"[ \t]*,?[ \t]+(?:(?:à|a|vers|-|–)[ \t]+)?(?:[01]?\d|2[0-3])[ \t]?(?:[hH](?:[ \t]?[0-5]\d)?|:[0-5]\d)(?![\d/:])"
)
_BEFORE = r"(?<![\d/.,\w+-])"
_AFTER = r"(?![\d/]|[.,]\d)"
_DM_CLOCK = re.compile(
    _BEFORE + r"(?:(?P<d>" + _DAY + r")/(?P<m>" + _MON + r")|(?P<dd>0[1-9]|[12]\d|3[01])\.(?P<mm>0[1-9]|1[0-2]))"
    + _AFTER + r"(?=" + _CLOCK_AFTER + r")"
)  # "16/11 14h10", "2/12 à 9h", "16.11 14:10" (with a dot, two digits each)
_CANDIDATE = re.compile(r"\d{1,2}[/.]\d")
_LATE_MONTH = re.compile(_BEFORE + r"(?P<d>1[3-9]|2\d|3[01])/(?P<m>1[0-2])" + _AFTER)
_DM_RANGE = re.compile(
    _BEFORE + r"(?P<d1>" + _DAY + r")/(?P<m1>" + _MON + r")[ \t]*(?:→|->|=>|⇒|–|—|-|>|à|au)[ \t]*"
    r"(?P<d2>" + _DAY + r")/(?P<m2>" + _MON + r")" + _AFTER
)
# Before: a pressure, a score or a scale; after: a pressure unit.
_MEASURE_BEFORE = re.compile(
    r"(?i)(?:\b(?:TA|PA|TAS|TAD|tension|pression|eva|(?-i:EN|ENS|AV)|score|cot[ée]e?|douleur|acuit[ée]|"
    r"glasgow|apgar)\b|\b(?:mmhg|cmhg))[^\n\d]{0,12}(?:\d+/\d+[^\n\d]{0,6})?\Z"
)
# A list of day/months: "les 09/10 et 23/10", "les 3/12, 10/12 puis 17/12".
_DM = r"(?P<d>" + _DAY + r")/(?P<m>" + _MON + r")" + _AFTER
_DM_ITEM = re.compile(_BEFORE + _DM)
_LIST_GAP = re.compile(r"[ \t]*(?:,|;|et|puis|ou|&)[ \t]*(?:le[ \t]+)?")
_LIST_LEAD = re.compile(r"(?i)(?<![\w])(?:les|aux|des|dates?|s[ée]ances?|rdv|jours?)[ \t]+\Z")
# A past participle before the date: "signée 02/11", "reçu 3/12", "posée le 2/11", "vue 14/11".
# ... participles of paperwork and scheduling only: "remontée 11/6" is a lab value going up; and
# the nouns of a contact in a note ("note tel 14/6", "mail 3/12").
_PARTICIPLE_BEFORE = re.compile(
    r"(?i)(?<![\w])(?:sign|re[çc]|vu|fax|envoy|pos|pr[ée]v|fai|r[ée]alis|programm|valid|transmi|effectu|adress|"
    r"dat|remi|d[ée]pos|accord|notifi|sorti|entr|hospitalis|op[ée]r|vaccin|convoqu|fix|d[ée]cal|report|"
    r"avanc|annul|renouvel|prescri|d[ée]livr|rencontr|appel|contact|t[ée]l\.?|mail|sms|courriel)"
    r"(?:[ée]e?s?|ue?s?|ite?s?|se?s?)?"
    r"[ \t]+(?:le[ \t]+)?\Z"
)
_UNIT_AFTER = re.compile(r"(?i)[ \t]*(?:cm|mm)[ \t]?hg|[ \t]*de[ \t]+tension|[ \t]*(?:cp|comprim|mg|ml|ui|%)")


_CELL_START = re.compile(r"(?:^|[|;\t(])[ \t]*\Z", re.MULTILINE)


def _measure(text: str, start: int, end: int) -> bool:
    """True when a pressure, a score or a dose word stands around the value at ``start:end``."""
    return bool(_MEASURE_BEFORE.search(text, max(0, start - 24), start) or _UNIT_AFTER.match(text, end))


def _fraction(day: str, month: str) -> bool:
    """ "1/2", "3/4": a fraction of a tablet, not a date."""
    return int(month) <= 4 and int(day) < int(month) and not day.startswith("0") and not month.startswith("0")


def _clear_month(day: str, month: str) -> bool:
    """ "16/11", "05/3", "2/11": no score or fraction is written so ("1/5", "3/10", "5/6" may be)."""
    return int(day) > int(month) or day.startswith("0") or month.startswith("0") or int(month) >= 11


def _span(start: int, end: int) -> Span:
    # No year: never a birth date ("la veille (22/10)" after a name is no "M. X (12/03/1950)").
    return Span(start, end, "DATE", 0.86, "day_month")


@recognizer("day_month", 70)
def find_day_month_dates(ctx: DetectionContext) -> list[Span]:
    """Day/month dates before a clock time, with a late month, or in a range (module docstring)."""
    text = ctx.text
    if "/" not in text and "." not in text:
        return []
    spans: list[Span] = []
    # One cheap scan for "d/m" and "d.m" (a pattern opening with a digit class is fast); the rules
    # are matched at each candidate only.
    for cand in _CANDIDATE.finditer(text):
        at = cand.start()
        if m := _DM_CLOCK.match(text, at):
            day, month = m.group("d") or m.group("dd"), m.group("m") or m.group("mm")
            if m.group("dd") and not _CELL_START.search(text, max(0, at - 8), at):
                continue  # "Hb 10.12 à 14h" is a lab value; a dotted date opens its cell or line
            if _clear_month(day, month) and not _measure(text, at, m.end()):
                spans.append(_span(at, m.end()))
            continue
        if (m := _LATE_MONTH.match(text, at)) and not _measure(text, at, m.end()):
            spans.append(_span(at, m.end()))
        if m := _DM_RANGE.match(text, at):
            spans.extend(_range_spans(text, m))
        if m := _DM_ITEM.match(text, at):
            spans.extend(_list_or_participle_spans(text, m))
    return spans


def _list_or_participle_spans(text: str, m: re.Match[str]) -> list[Span]:
    """ "les 09/10 et 23/10" (a list after "les", in the same season), "signée 02/11" (a participle)."""
    at = m.start()
    if not _clear_month(m.group("d"), m.group("m")) or _measure(text, at, m.end()):
        return []
    if _LIST_LEAD.search(text, max(0, at - 12), at):
        items = [m]
        while (gap := _LIST_GAP.match(text, items[-1].end())) and (nxt := _DM_ITEM.match(text, gap.end())):
            items.append(nxt)
        months = [int(i.group("m")) for i in items]
        clear = all(_clear_month(i.group("d"), i.group("m")) for i in items)
        if len(items) >= 2 and max(months) - min(months) <= 2 and clear:
            return [_span(i.start(), i.end()) for i in items]
    before = text[max(0, at - 24) : at]
    if _PARTICIPLE_BEFORE.search(before) and not before.rstrip().lower().endswith(("prise", "pris", "coupé", "coupée")):
        return [_span(at, m.end())]
    return []


def _range_spans(text: str, m: re.Match[str]) -> list[Span]:
    """Both dates of a range that runs forward over a few weeks, unless it reads as a score."""
    d1, m1, d2, m2 = (int(m.group(k)) for k in ("d1", "m1", "d2", "m2"))
    forward = (m2, d2) > (m1, d1) and m2 - m1 <= 2 or (m1, m2) == (12, 1)
    if not forward:
        return []  # "18/11 → 24/11", "28/10 -> 3/11"; not "7/10 → 3/10"
    if m1 == m2 == 10 and max(d1, d2) <= 10:
        return []  # "3/10 → 7/10": a score out of ten
    if _fraction(m.group("d1"), m.group("m1")) or _measure(text, m.start(), m.end()):
        return []
    return [_span(m.start("d1"), m.end("m1")), _span(m.start("d2"), m.end("m2"))]
