"""Dates whose month word was damaged by OCR: "24 juiIIet 2O24", "3 ju1llet 2024", "lO aoüt", "l er mars".

Scanned letters read the thin letters of a month word as other glyphs: capital I or the digit 1 for
"l" or "i", "ü" for "û"; and the day or the year with O for 0 and l for 1. The date rules want a
true month word, so such dates leaked whole (round 18: 4 dates in 4 OCR sets of different writers,
blind104, blind113, blind116, blind118). A word of 3-9 letters after a day is read back to a month
by trying each ambiguous glyph as "l" and as "i"; it must differ from the month as written (plain
dates are dates.py's) and the day must be valid. Runs only on text that shows such damage.
Hand-written: no library repairs OCR glyphs inside French month names.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from avec.privacy.detection.dates import MONTHS, is_birth_context
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# A sign of OCR damage in words or numbers: a capital I or a 1 between lower-case letters, "aoüt",
# a letter O/I/l glued to a digit in a token of two digits or more ("2O24"; "SpO2" is none).
_DAMAGE = re.compile(
    r"[a-zéû][I1][a-zIl]|[a-z][I1]{2}|ao[üu]t|\d\w*(?:\d[OIl]|[OIl]\d)|(?:\d[OIl]|[OIl]\d)\w*\d|\b[lI] ?er\b"
)
_DATE = re.compile(
    r"(?<![\w])(?P<d>[0-3OIl]?[\dOIl]|[lI1] ?er)[ \t]{1,2}"
    r"(?P<mon>[a-zA-Zéûü1]{3,9})"
    r"(?:[ \t]{1,2}(?P<y>[12lI][90O][\dOIl]{2}))?(?![\w])"
)
_GLYPHS = str.maketrans({"O": "0", "I": "1", "l": "1"})
_AMBIGUOUS = "I1l"


def _month(raw: str) -> int | None:
    """The month a damaged word stands for, or None (a plain month word is left to dates.py)."""
    word = raw.replace("ü", "û")
    if word.isupper():
        return None  # "AVRIL", "JUILLET": capitals are read by dates.py
    slots = [i for i, ch in enumerate(word) if ch in _AMBIGUOUS]
    if len(slots) > 4:
        return None
    for choice in itertools.product("li", repeat=len(slots)):
        chars = list(word)
        for i, ch in zip(slots, choice, strict=True):
            chars[i] = ch
        candidate = "".join(chars).lower()
        if candidate in MONTHS and len(candidate) > 3:
            return MONTHS[candidate]
    return None


def _day(raw: str) -> int | None:
    compact = raw.replace(" ", "")
    if compact[-2:] == "er":
        return 1
    digits = compact.translate(_GLYPHS)
    return int(digits) if digits.isdigit() else None


@recognizer("ocr_month_date", 70)
def find_ocr_month_dates(ctx: DetectionContext) -> list[Span]:
    """Dates with an OCR-damaged month word, day or year (module docstring)."""
    text = ctx.text
    if not _DAMAGE.search(text):
        return []
    spans = []
    for m in _DATE.finditer(text):
        damaged = re.search(r"[I1ü]", m.group("mon")) or re.search(r"[OIl]", m.group("d") + (m.group("y") or ""))
        if not damaged:
            continue  # a plain date: dates.py
        month = _month(m.group("mon"))
        day = _day(m.group("d"))
        if month is None or day is None:
            continue
        year = int(m.group("y").translate(_GLYPHS)) if m.group("y") else 2000
        try:
            dt.date(year, month, day)
        except ValueError:
            continue
        label = "DATE_NAISSANCE" if is_birth_context(text, m.start()) else "DATE"
        spans.append(Span(m.start(), m.end(), label, 0.9, "date"))
    return spans
