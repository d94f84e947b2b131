"""Patients named by their initials at the head of a table cell or a bullet, before a reference,
a colon or a bracket: "| J.L. – HAM-27-0214 |", "- Y.K. : capécitabine J1-J14", "| M.-T. G. – ...".

Kept only when the document holds two such heads at least (a patients' table or list), and never
for the dotted abbreviations of care notes before a colon or a bracket ("- T.A. : 13/8"). The first initial is
the ``PRENOM``, the last the ``NOM``, as in the other initial rules.
Hand-written: a layout of care coordination tables.
"""

from __future__ import annotations

import re

from avec.privacy.detection.name_scan import UP
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# The initials are found first (the engine skips to a capital), then what stands before them.
_HEAD = re.compile(rf"(?P<first>[{UP}]\.(?:-[{UP}]\.)?)[ \t]?(?P<last>[{UP}]\.)(?=[ \t]*(?P<sep>[–—:(]|-[ \t]))")
_CELL_OR_BULLET_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*(?:[-–•*][ \t]+)?|\|[ \t]*)\Z")
# Dotted abbreviations that head care-note bullets (letters only, no dots).
_ABBREVIATIONS = frozenset(
    [
        "TA",
        "PA",
        "FC",
        "FR",
        "IV",
        "SC",
        "IM",
        "PO",
        "AG",
        "AL",
        "RA",
        "EG",
        "NB",
        "PS",
        "CR",
        "RV",
        "SA",
        "VS",
        "VO",
        "DS",
        "HT",
        "GB",
        "GR",
        "PQ",
        "BU",
        "CI",
        "AT",
        "ET",
        "PM",
        "AM",
        "SP",
        "MT",
        "PC",
        "PL",
        "RH",
        "VA",
        "OD",
        "OG",
        "AV",
        "AP",
        "SG",
        "ID",
        "SF",
        "ES",
        "EP",
        "HC",
        "TP",
        "RX",
        "CV",
        "NFS",
        "PH",
        "IR",
        "IC",
    ]
)


@recognizer("initials_cell", 57)
def find_initials_cells(ctx: DetectionContext) -> list[Span]:
    """Initials heading two cells or bullets at least (see the module docstring)."""
    text = ctx.text
    if "." not in text:
        return []
    found = []
    for m in _HEAD.finditer(text):
        if not _CELL_OR_BULLET_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        letters = re.sub(r"[^A-Z]", "", (m.group("first") + m.group("last")).upper())
        # "| G.B. – HAM-12": before a dash, a reference follows, no measure.
        if letters not in _ABBREVIATIONS or m.group("sep")[0] in "–—-":
            found.append(m)
    if len(found) < 2:
        return []
    spans: list[Span] = []
    for m in found:
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "initials_cell"))
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "initials_cell"))
    return spans
