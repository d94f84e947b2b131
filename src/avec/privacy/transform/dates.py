"""French dates: parse the written form, shift by an offset in days, write back in the same form.

Hand-written because no maintained library both parses *and re-renders* French dates in the exact
written form ("1er avril", "12-03-24", "MARS 2024"); ``dateparser`` only parses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from avec.privacy.transform.casing import apply_style, norm_key, style_of

MONTHS_FULL = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_PLAIN = tuple(norm_key(m) for m in MONTHS_FULL)  # without accents
MONTHS_ABBR = ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FORMS = {"full": MONTHS_FULL, "plain": MONTHS_PLAIN, "abbr": MONTHS_ABBR}

_MONTH_LOOKUP: dict[str, tuple[int, str]] = {}
for _form in ("abbr", "plain", "full"):  # later forms win for identical spellings ("mars")
    for _i, _name in enumerate(_FORMS[_form]):
        _MONTH_LOOKUP[norm_key(_name)] = (_i + 1, _form)
_MONTH_LOOKUP["fev"] = (2, "abbr")
_MONTH_ALT = "|".join(
    sorted(
        {re.escape(n) for n in (*MONTHS_FULL, *MONTHS_PLAIN, *MONTHS_ABBR, "fév", "fev")},
        key=len,
        reverse=True,
    )
)
_WD_ALT = "|".join(WEEKDAYS)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    (
        "numeric",
        re.compile(
            r"(?<!\d)(?P<d>\d{1,2})(?P<s1>\s?[/.\-]\s?)(?P<m>\d{1,2})(?P<s2>\s?[/.\-]\s?)(?P<y>\d{4}|\d{2})(?!\d)"
        ),
    ),
    ("month_year_num", re.compile(r"(?<!\d)(?P<m>\d{1,2})(?P<s1>[/.\-])(?P<y>\d{4})(?!\d)")),
    ("day_month_num", re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<s1>[/.\-])(?P<m>\d{1,2})(?![\d/.\-]?\d)")),
    (
        "text",
        re.compile(
            rf"(?:(?P<wd>{_WD_ALT})\s+)?(?P<d>1er|\d{{1,2}})\s+(?P<mon>{_MONTH_ALT})(?P<dot>\.?)"
            rf"(?:(?P<s2>\s+)(?P<y>\d{{4}}))?(?![\w])",
            re.IGNORECASE,
        ),
    ),
    (
        "month_year_text",
        re.compile(rf"(?<!\w)(?P<mon>{_MONTH_ALT})(?P<dot>\.?)(?P<s2>\s+)(?P<y>\d{{4}})(?!\d)", re.IGNORECASE),
    ),
    ("year", re.compile(r"(?<!\d)(?P<y>1[89]\d{2}|20\d{2})(?!\d)")),
)


@dataclass(frozen=True)
class DateValue:
    """A (possibly partial) calendar date: ``kind`` is full, day_month, month_year or year."""

    kind: str
    year: int = 2000
    month: int = 1
    day: int = 1

    def shifted(self, days: int) -> DateValue:
        """The same kind of date moved by ``days`` (partial dates move their middle point)."""
        if self.kind == "full":
            d = dt.date(self.year, self.month, self.day) + dt.timedelta(days=days)
            return DateValue("full", d.year, d.month, d.day)
        if self.kind == "day_month":  # leap reference year so that 29/02 exists
            d = dt.date(2000, self.month, self.day) + dt.timedelta(days=days)
            return DateValue("day_month", 2000, d.month, d.day)
        if self.kind == "month_year":
            d = dt.date(self.year, self.month, 15) + dt.timedelta(days=days)
            return DateValue("month_year", d.year, d.month, 1)
        d = dt.date(self.year, 7, 1) + dt.timedelta(days=days)
        year = d.year if d.year != self.year else self.year + (1 if days > 0 else -1)  # never left as is
        return DateValue("year", year, 1, 1)

    def key(self) -> str:
        """Stable text key (ISO-like) for the mapping."""
        return f"{self.kind}:{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class DateFormat:
    """How a date was written, enough to write another date the same way."""

    pattern: str
    sep1: str = "/"
    sep2: str = "/"
    day_pad: bool = True
    month_pad: bool = True
    year_digits: int = 4
    month_form: str = "full"
    month_style: str = "lower"
    month_dot: str = ""
    weekday_style: str = ""  # "" when no weekday is written
    first_er: bool = True  # write the 1st of the month as "1er"


def _full_year(two: int) -> int:
    pivot = (dt.date.today().year % 100) + 1
    return 2000 + two if two <= pivot else 1900 + two


def parse(text: str) -> tuple[re.Match[str], DateValue, DateFormat] | None:
    """Find the first French date written in ``text``: (match, value, format), or None."""
    best: tuple[re.Match[str], DateValue, DateFormat] | None = None
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            parsed = _interpret(name, match)
            if parsed is not None:
                if best is None or match.start() < best[0].start():
                    best = (match, *parsed)
                break
        if best is not None and name in ("iso", "numeric", "text"):
            break
    return best


def _interpret(name: str, m: re.Match[str]) -> tuple[DateValue, DateFormat] | None:
    g = m.groupdict()
    try:
        if name == "iso":
            value = DateValue("full", int(g["y"]), int(g["m"]), int(g["d"]))
            fmt = DateFormat("iso")
        elif name == "numeric":
            year = int(g["y"]) if len(g["y"]) == 4 else _full_year(int(g["y"]))
            value = DateValue("full", year, int(g["m"]), int(g["d"]))
            fmt = DateFormat("numeric", g["s1"], g["s2"], len(g["d"]) == 2, len(g["m"]) == 2, len(g["y"]))
        elif name == "month_year_num":
            value = DateValue("month_year", int(g["y"]), int(g["m"]))
            fmt = DateFormat("month_year_num", g["s1"], month_pad=len(g["m"]) == 2)
        elif name == "day_month_num":
            value = DateValue("day_month", 2000, int(g["m"]), int(g["d"]))
            fmt = DateFormat("day_month_num", g["s1"], day_pad=len(g["d"]) == 2, month_pad=len(g["m"]) == 2)
        elif name in ("text", "month_year_text"):
            month, form = _MONTH_LOOKUP[norm_key(g["mon"])]
            common = DateFormat("text", month_form=form, month_style=style_of(g["mon"]), month_dot=g["dot"])
            if name == "month_year_text":
                value = DateValue("month_year", int(g["y"]), month)
                fmt = replace(common, pattern="month_year_text", sep2=g["s2"])
            else:
                day = 1 if g["d"].lower() == "1er" else int(g["d"])
                kind = "full" if g["y"] else "day_month"
                value = DateValue(kind, int(g["y"]) if g["y"] else 2000, month, day)
                fmt = replace(
                    common,
                    sep2=g["s2"] or " ",
                    day_pad=len(g["d"]) == 2 and g["d"][0] == "0",
                    weekday_style=style_of(g["wd"]) if g["wd"] else "",
                    first_er=g["d"].lower() == "1er" or g["d"] != "1",
                )
        else:
            value = DateValue("year", int(g["y"]))
            fmt = DateFormat("year")
        if value.kind in ("full", "day_month"):
            dt.date(value.year, value.month, value.day)  # validates (31/02 is not a date)
        elif not 1 <= value.month <= 12:
            return None
    except (ValueError, KeyError):
        return None
    return value, fmt


def render(value: DateValue, fmt: DateFormat) -> str:
    """Write ``value`` in ``fmt``."""
    day = f"{value.day:02d}" if fmt.day_pad else str(value.day)
    month = f"{value.month:02d}" if fmt.month_pad else str(value.month)
    year = f"{value.year:04d}" if fmt.year_digits == 4 else f"{value.year % 100:02d}"
    p = fmt.pattern
    if p == "iso":
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if p == "numeric":
        return f"{day}{fmt.sep1}{month}{fmt.sep2}{year}"
    if p == "month_year_num":
        return f"{month}{fmt.sep1}{value.year:04d}"
    if p == "day_month_num":
        return f"{day}{fmt.sep1}{month}"
    if p == "year":
        return f"{value.year:04d}"
    name = _FORMS[fmt.month_form][value.month - 1]
    dot = fmt.month_dot if name != MONTHS_FULL[value.month - 1] else ""  # "janv." but "mai", not "mai."
    month_name = apply_style(fmt.month_style, name) + dot
    if p == "month_year_text":
        return f"{month_name}{fmt.sep2}{value.year:04d}"
    day_text = "1er" if value.day == 1 and fmt.first_er else day
    out = f"{day_text} {month_name}"
    if value.kind == "full":
        out += f"{fmt.sep2}{value.year:04d}"
        if fmt.weekday_style:
            weekday = WEEKDAYS[dt.date(value.year, value.month, value.day).weekday()]
            out = f"{apply_style(fmt.weekday_style, weekday)} {out}"
    return out


def shift_text(text: str, days: int) -> tuple[str, DateValue, DateValue] | None:
    """Shift the first date written in ``text`` by ``days``, keeping the rest of ``text`` as is."""
    parsed = parse(text)
    if parsed is None:
        return None
    match, value, fmt = parsed
    new = value.shifted(days)
    return text[: match.start()] + render(new, fmt) + text[match.end() :], value, new


def common_formats(kind: str) -> list[DateFormat]:
    """Usual ways of writing a date of ``kind`` (what a model may answer with); used by the restorer."""
    text = DateFormat("text", sep2=" ", day_pad=False, first_er=True)
    if kind == "full":
        base = [
            DateFormat("numeric"),
            DateFormat("numeric", day_pad=False, month_pad=False),
            DateFormat("numeric", "-", "-"),
            DateFormat("numeric", ".", "."),
            DateFormat("numeric", year_digits=2),
            DateFormat("iso"),
            text,
            replace(text, first_er=False),
            replace(text, day_pad=True),
            replace(text, weekday_style="lower"),
            replace(text, weekday_style="title"),
            replace(text, month_style="title"),
        ]
    elif kind == "day_month":  # not "2/10": a pain score or a dose would be "restored" as a date
        base = [text, replace(text, first_er=False), replace(text, month_style="title")]
    elif kind == "month_year":
        base = [DateFormat("month_year_text"), DateFormat("month_year_num")]
    else:  # a bare year is restored only as it was sent (any "2024" in an answer is not a date)
        base = []
    return base
