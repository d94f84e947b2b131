"""HPRIM Médecin lab files (the "HPRIM net" layout): the patient's lines before ``****LAB****``.

A lab sends a GP its results as a text file that opens with twelve fixed lines, one value each,
before the results (``RES|GLYCEMIE|...``) that follow ``****LAB****``:

    code of the file, NOM, Prénom, address line 1, address line 2, "CP VILLE",
    birth date, NIR, number of the request, date of the sample, prescriber, ****LAB****

The line position says what each value is; the rules that read prose cannot know that "LE BOURG"
alone on its line is the patient's address or "LOPES" a surname. The layout is recognised by
its marker, a birth date at its place and a postcode opening the town line.
Hand-written: no library on PyPI reads HPRIM Médecin files.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_MARKER = re.compile(r"(?m)^[ \t]*\*{4}LAB\*{4}[ \t]*$")
_LINES_BEFORE = 11
_DATE = re.compile(r"\d{2}[/.-]\d{2}[/.-](?:\d{4}|\d{2})")
_TOWN_LINE = re.compile(r"(?P<zip>\d{5})[ \t]+(?P<town>[^\W\d_][^\n]*?)[ \t]*")
_NUMBER = re.compile(r"[A-Z0-9][A-Z0-9/-]{3,24}")
_NAME = re.compile(r"[^\W\d_][^\W\d_' .-]*(?:[' -][^\W\d_]+)*")
# Position of each line counted back from the marker: its label.
_BACK = {10: "NOM", 9: "PRENOM", 8: "ADRESSE", 7: "ADRESSE", 2: "DATE", 3: "NDA"}


def _lines(text: str, end: int, count: int) -> list[tuple[int, int]] | None:
    """Bounds of the ``count`` lines before the line ending at ``end`` (first line first)."""
    out: list[tuple[int, int]] = []
    pos = end
    for _ in range(count):
        if pos <= 0:
            return None
        start = text.rfind("\n", 0, pos - 1) + 1
        out.append((start, pos - 1))
        pos = start
    return out[::-1]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int, str]:
    value = text[start:end]
    lead = len(value) - len(value.lstrip())
    value = value.strip()
    return start + lead, start + lead + len(value), value


@recognizer("hprim_header_lines", 87)
def find_hprim_header_lines(ctx: DetectionContext) -> list[Span]:
    """The identity lines of an HPRIM Médecin file (needs its ``****LAB****`` marker)."""
    text = ctx.text
    if "****LAB****" not in text:
        return []
    spans: list[Span] = []
    for marker in _MARKER.finditer(text):
        lines = _lines(text, marker.start(), _LINES_BEFORE)
        if lines is None:
            continue
        values = [_trimmed(text, a, b) for a, b in lines]  # values[0] is 11 lines back
        birth, town = values[_LINES_BEFORE - 5], values[_LINES_BEFORE - 6]
        town_m = _TOWN_LINE.fullmatch(town[2])
        if not _DATE.fullmatch(birth[2]) or town_m is None:
            continue  # not the fixed layout: nothing is read by position
        spans.append(Span(birth[0], birth[1], "DATE_NAISSANCE", 0.9, "hprim_header_lines"))
        zip_at = town[0] + town_m.start("zip")
        spans.append(Span(zip_at, zip_at + 5, "ZIP", 0.9, "hprim_header_lines"))
        town_at = town[0] + town_m.start("town")
        spans.append(Span(town_at, town[0] + town_m.end("town"), "VILLE", 0.9, "hprim_header_lines"))
        for back, label in _BACK.items():
            start, end, value = values[_LINES_BEFORE - back]
            if not value:
                continue
            if label == "DATE" and not _DATE.fullmatch(value):
                continue
            if label == "NDA" and not (_NUMBER.fullmatch(value) and re.search(r"\d", value)):
                continue
            if label in ("NOM", "PRENOM") and not _NAME.fullmatch(value):
                continue
            spans.append(Span(start, end, label, 0.9, "hprim_header_lines"))
        # The file's code opens the first line, maybe after a counter ("   1 241019034").
        first_start, _, first = values[0]
        code = re.search(r"[A-Z0-9][A-Z0-9/-]{3,24}\Z", first)
        if code and re.search(r"\d{4}", code.group(0)):
            spans.append(Span(first_start + code.start(), first_start + code.end(), "NDA", 0.9, "hprim_header_lines"))
    return spans
