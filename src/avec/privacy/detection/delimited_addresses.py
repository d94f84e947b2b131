"""Addresses without a street number in the address column of a delimited export.

``DATE;IPP;PATIENT;ADRESSE_PRISE_EN_CHARGE;...`` then ``...;LE BOURG 23160 CROZANT;...``: under an
address header, what stands before the postal code and commune is the address, even without a
number or a street type ("LE BOURG", "VILLAGE DE LAVAUD", "HAMEAU DES GRANGES"), which the street
rules need. Cells with a number are left to them.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_GATE = re.compile(r"(?i)adr|domicile")
_ADDRESS_HEADER = re.compile(r"(?i)\badr(?:esse|\.)?|adr(?:esse)?[_ ]|domicile|lieu[_ ]de[_ ]vie")
# The cell: words without a digit, then a postal code and a commune.
_CELL = re.compile(r"[ \t]*(?P<street>[^\W\d_][^\d;|\t]{1,60}?)[ \t,]+\d{5}[ \t]+[^\W\d_]")


@recognizer("delimited_address", 75)
def find_delimited_addresses(ctx: DetectionContext) -> list[Span]:
    """The lieu-dit or hamlet before the postal code in an address column of a ``;``/``|``/tab export."""
    text = ctx.text
    if not _GATE.search(text) or not any(sep in text for sep in ";|\t"):
        return []
    spans: list[Span] = []
    columns: set[int] = set()
    sep = ";"
    width = 0
    offset = 0
    for line in text.split("\n"):
        seps = {s: line.count(s) for s in ";|\t"}
        best = max(seps, key=lambda s: seps[s])
        if seps[best] < 2:
            columns = set()
        elif not any(c.isdigit() for c in line) and _ADDRESS_HEADER.search(line):
            sep, width = best, seps[best]
            columns = {i for i, cell in enumerate(line.split(sep)) if _ADDRESS_HEADER.search(cell)}
        elif columns and best == sep and seps[best] == width:
            pos = offset
            for i, cell in enumerate(line.split(sep)):
                m = _CELL.match(cell) if i in columns else None
                if m:
                    street = m.group("street").rstrip(" ,")
                    start = pos + m.start("street")
                    spans.append(Span(start, start + len(street), "ADRESSE", 0.85, "delimited_address"))
                pos += len(cell) + 1
        offset += len(line) + 1
    return spans
