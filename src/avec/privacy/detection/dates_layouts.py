"""Dates in damaged or unusual layouts: OCR letters and spaces, one digit per box, a line break
inside, English e-mail headers, bare day numbers ("du 16 au 18/10", "jeudi 16", "mar 4/6").

Same source and priority as :mod:`avec.privacy.detection.dates` (``date``); birth dates are told
apart by the same context rules.
"""

from __future__ import annotations

import datetime as dt
import re

from avec.privacy.detection.dates import MONTHS, is_birth_context
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.word_trie import trie_regex
from avec.privacy.spans import Span

_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
# "O6/O8/2024", "21/1l/2024", "O4.12.1980": letters read for digits by OCR.
_OCR_NUMERIC = re.compile(
    r"(?<![\w/.\-])(?P<d>[0-3OoIl]?[\dOoIl])(?P<sep>[/.\-])(?P<m>[01OoIl]?[\dOoIl])(?P=sep)"
    r"(?P<y>(?:19|20|[1l]9|2[0O])?[\dOoIl]{2})(?![\w/])"
)
# "1 9 1 0 1 9 6 7": one digit per box of a form (DDMMYYYY).
_BOXES = re.compile(r"(?<!\d)(?<!\d )\d(?: \d){7}(?! ?\d)")
_DATE_WORD = re.compile(r"(?i)(?:date|n[ée]e?\s*(?:\(e\))?\s*le|ddn|le)\b[^\n\d]{0,25}$")
# "26/01/\n2024": a PDF line break inside the date.
_BROKEN = re.compile(
    r"(?<![\d/.\-])(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[/.\-])(?P<m>0?[1-9]|1[0-2])(?P=sep)[ \t]*\n[ \t]*"
    r"(?P<y>(?:19|20)\d{2})(?!\d)"
)
_FULL_MONTHS = [
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
]
# "2 8 févr ier 2024": OCR spaces inside the day and the month word.
# ... also with the doubled spaces of a scanned letter ("3 0  janvier  2024", a repaired "3 O").
_SPACED_MONTH = (
    r"(?P<mon>"
    + trie_regex(tuple(_FULL_MONTHS), " ?")
    + r"|(?:j ?a ?n ?v|f ?[ée] ?v ?r|a ?v ?r|j ?u ?i ?l|s ?e ?p ?t|o ?c ?t|n ?o ?v|d ?[ée] ?c)\.?)"
)
_OCR_SPACED_TEXT = re.compile(
    r"(?i)(?<![\w])(?P<d>(?:[0-3] ?)?\d)[ \t]{1,2}"
    + _SPACED_MONTH
    + r"(?:[ \t]{1,2}(?P<y>(?:1 ?9|2 ?0) ?\d ?\d))?(?![\w])"
)
# "depuis ao ût 2019": a month cut by an OCR space, then a year (no day); read back from the year.
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")  # no leading lookbehind: re skips to its first digits
_SPACED_MONTH_BEFORE = re.compile(r"(?i)(?<![\w])" + _SPACED_MONTH + r"[ \t]{1,2}\Z")
_EN_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_EN_MONTH = r"(?P<mon>" + "|".join(sorted((m.capitalize() for m in _EN_MONTHS), key=len, reverse=True)) + r")\.?"
_EN_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+"
_ENGLISH = [
    # "Mon, 11 Mar 2024" (RFC 2822 e-mail header; the weekday stays outside)
    re.compile(_EN_WEEKDAY + r"(?P<date>(?P<d>[0-3]?\d)\s+" + _EN_MONTH + r"\s+(?P<y>(?:19|20)\d{2}))(?!\d)"),
    # "January 24, 2025", "Jan 24th, 2025"
    re.compile(
        r"(?<![\w])(?P<date>" + _EN_MONTH + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,\s*(?P<y>(?:19|20)\d{2}))(?!\d)"
    ),
    # "24 January 2025" (full English month names only: no clash with French forms)
    re.compile(
        r"(?<![\w])(?P<date>(?P<d>[0-3]?\d)\s+(?P<mon>January|February|April|June|July|August|October|December)"
        r"\s+(?P<y>(?:19|20)\d{2}))(?!\d)"
    ),
]
# "12-mars-2024", "12-MAR-2024", "03.janv.2023" (exports: day-month-year joined by "-", "." or "/").
_DAY_MON_YEAR = re.compile(
    r"(?i)(?<![\w\-/.])(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[-./])(?P<mon>"
    + "|".join(sorted(set(MONTHS) | set(_EN_MONTHS), key=len, reverse=True))
    + r")\.?(?P=sep)(?P<y>(?:19|20)?\d{2})(?![\w\-/])"
)
# "2024/03/12": year first with slashes.
_YMD_SLASH = re.compile(r"(?<![\d/])(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])(?![\d/])")
# "DDN : 19780512", "né le 12031950": compact dates, only right after a date word.
_COMPACT = re.compile(r"(?<![\w])(?P<v>\d{8})(?![\w])")
_COMPACT_CONTEXT = re.compile(r"(?i)(?:date|n[ée]e?\s*(?:\(e\))?\s*le|ddn|naissance|dob|le|du|au)\b[^\n\w]{0,6}$")
_WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
# "jeudi 16", "vendredi 18 :" (no month: a day of the current month), not "jeudi 16h", "lundi 3 mars",
# nor a weekday closing its line above a table row ("vient le dimanche\n4 | FABRE").
_WEEKDAY_DAY = re.compile(
    r"(?i)(?<![\w])" + _WEEKDAYS + r"[ \t]+(?P<d>1er|0?[1-9]|[12]\d|3[01])"
    r"(?![\w/]|[.:,]\d|\s*(?:h\d|h\b|heures?|[:/]\d|"
    r"[a-zéû]+\.?\s+(?:19|20)\d{2}|(?:m?g|µg|mcg|ml|cl|l|ui|cps?|g[ée]l|gouttes?|kg|ans?|mois|jours?|semaines?|"
    r"fois|min|%|°)(?![\w])))"
)
# "lun 10 – Samia : courses", "Ven. 14 :": a logbook line opening with a short weekday and a day.
_SHORT_WEEKDAY_DAY = re.compile(
    r"(?im)^[ \t•*-]*(?:lun|mar|mer|jeu|ven|sam|dim)\.?[ \t]+(?P<d>1er|0?[1-9]|[12]\d|3[01])"
    r"(?=[ \t]*(?:[–—:,]|-[ \t]|$))"
)
# "HbA1c 7,8 en 07/24", "depuis 03/2023": a month and a year.
_MONTH_YEAR = re.compile(
    r"(?i)(?<![\w])(?:en|depuis|fin|d[ée]but|mi-?)\s+(?P<date>(?P<m>0[1-9]|1[0-2])/(?P<y>\d{2}|(?:19|20)\d{2}))(?![\d/])"
)


def _valid(day: int, month: int, year: int | None = None) -> bool:
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return year is None or 1850 <= year <= 2100


def _label(text: str, start: int) -> str:
    return "DATE_NAISSANCE" if is_birth_context(text, start) else "DATE"


def _year(raw: str) -> int:
    y = int(raw)
    return y if y >= 100 else (1900 + y if y > 30 else 2000 + y)


_HAS_BOXES = re.compile(r"\d \d \d \d \d \d \d \d")
_HAS_BROKEN = re.compile(r"\d[/.\-]\d{1,2}[/.\-][ \t]*\n")
_HAS_OCR_LETTER = re.compile(r"[OoIl]\d|\d[OoIl]|[OoIl][/.\-]\d|\d[/.\-][OoIl]")
_HAS_SPACED_WORD = re.compile(r"\d \d |\d [^\W\d]{1,6} [^\W\d]")
# Full English month names, or an English weekday before a comma (e-mail headers).
_EN_TRIGGERS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mon,",
    "Tue,",
    "Wed,",
    "Thu,",
    "Fri,",
    "Sat,",
    "Sun,",
    "day,",
)
_HAS_YMD = re.compile(r"\d{4}/\d")
_FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _active(ctx: DetectionContext) -> list[re.Pattern[str]]:
    """The patterns worth running on this text (cheap substring checks first: speed)."""
    text, folded = ctx.text, ctx.folded
    out: list[re.Pattern[str]] = []
    if _HAS_OCR_LETTER.search(text):
        out.append(_OCR_NUMERIC)
    if _HAS_BOXES.search(text):
        out.append(_BOXES)
    if _HAS_BROKEN.search(text):
        out.append(_BROKEN)
    if _HAS_SPACED_WORD.search(text):
        out.append(_OCR_SPACED_TEXT)
    if any(m in text for m in _EN_TRIGGERS):
        out.extend(_ENGLISH)
    if any(w in folded for w in _FR_WEEKDAYS):
        out.append(_WEEKDAY_DAY)
    if _HAS_SHORT_WEEKDAY.search(folded):
        out.append(_SHORT_WEEKDAY_DAY)
    if any(f"{w} {d}" in folded for w in ("en", "depuis", "fin", "debut", "mi") for d in "01"):
        out.append(_MONTH_YEAR)
    if _HAS_YMD.search(text):
        out.append(_YMD_SLASH)
    if _HAS_DAY_MON.search(text):
        out.append(_DAY_MON_YEAR)
    if _HAS_EIGHT_DIGITS.search(text):
        out.append(_COMPACT)
    return out


_HAS_SHORT_WEEKDAY = re.compile(r"(?m)^[ \t•*-]*(?:lun|mar|mer|jeu|ven|sam|dim)\.?[ \t]+\d")
_HAS_DAY_MON = re.compile(r"\d[-./][^\W\d_]{3}")
_HAS_EIGHT_DIGITS = re.compile(r"\d{8}")


@recognizer("date_layout", 70)
def find_layout_dates(ctx: DetectionContext) -> list[Span]:
    """Dates in OCR, box, line-broken, English and bare-day layouts."""
    text = ctx.text
    spans: list[Span] = []
    active = _active(ctx)
    for m in _OCR_NUMERIC.finditer(text) if _OCR_NUMERIC in active else ():
        raw = m.group(0)
        if raw.translate(_OCR_DIGITS) == raw:
            continue  # plain digits: dates.py
        if sum(c.isdigit() for c in raw) < 3:
            continue
        d, mo = int(m.group("d").translate(_OCR_DIGITS)), int(m.group("m").translate(_OCR_DIGITS))
        if _valid(d, mo, _year(m.group("y").translate(_OCR_DIGITS))):
            spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.96, "date"))
    for m in _BOXES.finditer(text) if _BOXES in active else ():
        digits = m.group(0).replace(" ", "")
        d, mo, y = int(digits[:2]), int(digits[2:4]), int(digits[4:])
        if _valid(d, mo, y) and _DATE_WORD.search(text[max(0, m.start() - 40) : m.start()]):
            spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.9, "date"))
    for m in prefixed_finditer(_BROKEN, text, ctx.folded) if _BROKEN in active else ():
        if _valid(int(m.group("d")), int(m.group("m")), int(m.group("y"))):
            spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.96, "date"))
    for m in _OCR_SPACED_TEXT.finditer(text) if _OCR_SPACED_TEXT in active else ():
        if " " not in m.group("d") + m.group("mon"):
            continue  # no OCR space: dates.py
        mon = m.group("mon").replace(" ", "").rstrip(".").lower()
        if mon not in MONTHS or not _valid(int(m.group("d").replace(" ", "")), MONTHS[mon]):
            continue
        spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.96, "date"))
    if " " in text:
        spans.extend(_spaced_month_years(text))
    for rx in (r for r in _ENGLISH if r in active):
        for m in rx.finditer(text):
            mon = _EN_MONTHS.get(m.group("mon").lower())
            if mon and _valid(int(m.group("d")), mon, int(m.group("y"))):
                spans.append(Span(m.start("date"), m.end("date"), _label(text, m.start("date")), 0.9, "date"))
    for m in prefixed_finditer(_WEEKDAY_DAY, text, ctx.folded) if _WEEKDAY_DAY in active else ():
        spans.append(Span(m.start("d"), m.end("d"), "DATE", 0.85, "date"))
    for m in _SHORT_WEEKDAY_DAY.finditer(text) if _SHORT_WEEKDAY_DAY in active else ():
        spans.append(Span(m.start("d"), m.end("d"), "DATE", 0.85, "date"))
    for m in prefixed_finditer(_DAY_MON_YEAR, text, ctx.folded) if _DAY_MON_YEAR in active else ():
        mon = m.group("mon").lower()
        month = MONTHS.get(mon) or _EN_MONTHS.get(mon)
        if month and _valid(int(m.group("d")), month, _year(m.group("y"))):
            spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.9, "date"))
    for m in prefixed_finditer(_YMD_SLASH, text, ctx.folded) if _YMD_SLASH in active else ():
        if _valid(int(m.group("d")), int(m.group("m")), int(m.group("y"))):
            spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.9, "date"))
    for m in _COMPACT.finditer(text) if _COMPACT in active else ():
        if not _COMPACT_CONTEXT.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        v = m.group("v")
        ymd = _valid(int(v[6:]), int(v[4:6]), int(v[:4])) and v[:2] in ("19", "20")
        dmy = _valid(int(v[:2]), int(v[2:4]), int(v[4:])) and v[4:6] in ("19", "20")
        if ymd or dmy:
            spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.85, "date"))
    # "né en 03/1950": a birth date
    for m in prefixed_finditer(_MONTH_YEAR, text, ctx.folded) if _MONTH_YEAR in active else ():
        spans.append(Span(m.start("date"), m.end("date"), _label(text, m.start("date")), 0.85, "date"))
    return spans


def _spaced_month_years(text: str) -> list[Span]:
    """ "ao ût 2019", "sept embre 2023": a month word cut by OCR spaces before a year."""
    out = []
    for y in _YEAR.finditer(text):
        if y.start() < 2 or text[y.start() - 1] not in " \t" or text[y.start() - 2].isdigit():
            continue  # after white space, not after a digit ("12/03/2024", "2 0 1 9")
        m = _SPACED_MONTH_BEFORE.search(text, max(0, y.start() - 16), y.start())
        if m is None or " " not in m.group("mon").strip():
            continue
        if m.group("mon").replace(" ", "").rstrip(".").lower() in MONTHS:
            out.append(Span(m.start(), y.end(), _label(text, m.start()), 0.9, "date"))
    return out
