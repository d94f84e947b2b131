"""Other occurrences of a record number already found in the same document.

An export lists a stay or a patient number under its header, and the notes below it quote the
number alone: "NUM_PASSAGE;IPP;...\\n2312250004;..." then "> 2312250004 FAVRE : SCA ST+". The
number is an identifier wherever it stands once a rule has read it as one; the recognizers that
read numbers (tables, record and reference numbers) call :func:`repeated_numbers` on their own
spans. Plain string search: the values are literal.

Its siblings too: a lettered number's serial part changes along a list or a range ("Nos réf. :
FAC 2025-0211 à FAC 2025-0223", an invoice column): the same lettered prefix and as many digits.
"""

from __future__ import annotations

import re

from avec.privacy.spans import Span

# A lettered prefix ending on a separator, then the serial digits: "FAC 2025-" + "0211".
_SERIAL = re.compile(r"(?P<prefix>.*[A-Za-z].*[-/ ])(?P<serial>\d{3,})")

_LABELS = ("IPP", "NDA")


def _bounded(text: str, start: int, end: int) -> bool:
    """No letter, digit or joining character glued to either side of ``text[start:end]``."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-/_.") and not (after.isalnum() or after in "-/_") and not (
        after == "." and end + 1 < len(text) and text[end + 1].isdigit()
    )


def repeated_numbers(text: str, spans: list[Span], source: str) -> list[Span]:
    """Spans for every other occurrence of the IPP/NDA values in ``spans`` (5+ digits each)."""
    values: dict[str, str] = {}
    taken = {(s.start, s.end) for s in spans}
    for s in spans:
        if s.label in _LABELS:
            value = text[s.start : s.end]
            if sum(ch.isdigit() for ch in value) >= 5:
                values.setdefault(value, s.label)
    out: list[Span] = []
    for value, label in values.items():
        pos = text.find(value)
        while pos >= 0:
            end = pos + len(value)
            if (pos, end) not in taken and _bounded(text, pos, end):
                out.append(Span(pos, end, label, 0.85, source))
            pos = text.find(value, end)
        serial = _SERIAL.fullmatch(value)
        if serial:
            sibling = re.escape(serial.group("prefix")) + rf"\d{{{len(serial.group('serial'))}}}"
            for m in re.finditer(sibling, text):
                start, end = m.span()
                if m.group(0) not in values and (start, end) not in taken and _bounded(text, start, end):
                    out.append(Span(start, end, label, 0.85, source))
    return out
