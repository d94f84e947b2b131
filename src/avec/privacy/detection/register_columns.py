"""Registers and journals of old hospital systems: fixed-width tables the column reader misses.

``fixed_width.py`` reads a table whose rows start exactly under their headers. Registers printed
by older systems break that in three ways, read here with the same row reader:

- abbreviated headers: "PRN" (first name), "N RESID" (resident number), a birthplace column
  headed "A", "NE(E) A", "LIEU NAISS." next to the birth date;
- a number column squeezed onto the name column by one space ("N ORD NOM / PRENOM");
- rows shifted by one character from their headers ("000412877 12018402 FAUCHER" under
  "NUM RSS   NDA       NOM").
"""

from __future__ import annotations

import re

from avec.privacy.detection import fixed_width as fw
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# Header abbreviations -> a header the shared classifier knows.
_PRENOM = re.compile(r"(?i)prn|pren|prnm|pr[ée]n\.")
_RESIDENT_NO = re.compile(r"(?i)(?:n|no|n°|num)\.? ?r[ée]s(?:id)?\.?")
# A birthplace column: "A" or "NE(E) A" after the birth date, "LIEU NAISS.", "COMMUNE NAISS".
_BIRTHPLACE = re.compile(
    r"(?i)(?:n[ée]e?(?:\(e\))? )?[aà]|(?:lieu|ville|commune|pays)(?: de)? nai?ss?(?:ance|\.)?"
)
# "N ORD NOM / PRENOM": an order number squeezed onto the name column.
_SQUEEZED_NAME = re.compile(r"(?i)(?P<num>(?:n|no|n°|num)\.? ?\w+) +(?P<name>nom\b.*)")


def _aliased(cols: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], bool]:
    """Headers renamed to what the classifier reads, and whether any was renamed."""
    out: list[tuple[int, str]] = []
    changed = False
    prev_kind: str | None = None
    for start, header in cols:
        squeezed = _SQUEEZED_NAME.fullmatch(header)
        if squeezed:
            out.append((start, squeezed.group("num")))
            out.append((start + squeezed.start("name"), squeezed.group("name")))
            changed = True
        elif _PRENOM.fullmatch(header):
            out.append((start, "PRENOM"))
            changed = True
        elif _RESIDENT_NO.fullmatch(header):
            out.append((start, "N RESIDENT"))
            changed = True
        elif _BIRTHPLACE.fullmatch(header) and (prev_kind == "DATE_NAISSANCE" or len(header) > 3):
            out.append((start, _BIRTHPLACE_KEY))
            changed = True
        else:
            out.append((start, header))
        prev_kind = fw._kind(out[-1][1])
    return out, changed


_BIRTHPLACE_KEY = "LIEU DE NAISSANCE"
# A town's cell: words joined by single spaces, no digit ("ORAN", "SIDI BEL ABBES").
_TOWN_CELL = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:[ '’\-][^\W\d_]+){0,3}")


def _birthplaces(offset: int, line: str, cols: list[tuple[int, str]]) -> list[Span]:
    """The town under a birthplace column, the cell starting up to two characters off its header."""
    spans = []
    for start, header in cols:
        if header != _BIRTHPLACE_KEY:
            continue
        pos = max(0, start - 2)
        while pos < min(start + 2, len(line)) and line[pos] == " ":
            pos += 1
        cell = _TOWN_CELL.match(line, pos) if pos == 0 or line[pos - 1] == " " else None
        if cell:
            spans.append(Span(offset + cell.start(), offset + cell.end(), "VILLE", 0.9, "register_columns"))
    return spans


def _near_aligned(line: str, cols: list[tuple[int, str]]) -> bool:
    """A row whose words start at most one character left or right of the column starts."""
    starts = {s + d for s, _ in cols for d in (-1, 0, 1)}
    if " : " in line:
        return False  # "NB RUM : 6 - ERREURS : 3": a summary line under the table
    words = [m.start() for m in re.finditer(r"\S+", line)]
    hits = sum(1 for a in words if a in starts)
    # Half of the words under a column start: not a trailer record ("99  NB ENREG 05  NB ANO 02").
    return bool(words) and words[0] in starts and hits >= min(4, len(words)) and 2 * hits >= len(words)


@recognizer("register_columns", 83)
def find_register_columns(ctx: DetectionContext) -> list[Span]:
    """Names, dates, numbers and birthplaces in registers with abbreviated headers or shifted rows."""
    text = ctx.text
    if "   " not in text:
        return []
    spans: list[Span] = []
    cols: list[tuple[int, str]] | None = None
    renamed = False
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            cols = None
        else:
            header = fw._columns(line)
            if header is not None:
                cols, renamed = _aliased(header)
            elif cols is not None:
                exact = fw._aligned(line, cols)
                if exact and renamed:
                    spans.extend(fw._row_spans(ctx, offset, line, cols))
                    spans.extend(_birthplaces(offset, line, cols))
                elif not exact and (fw._detail_line(line, cols) or fw._ROW_NOTE.match(line)):
                    pass  # a record's indented second line, a row turned into a note ("** ANNULE **")
                elif not exact and _near_aligned(line, cols):
                    # A shifted row: its names and dates; a number column is left to the exact reader
                    # (an invoice or line number shifted under "NUM FACT" is no record number).
                    row = fw._row_spans(ctx, offset, line, cols) + _birthplaces(offset, line, cols)
                    spans.extend(s for s in row if s.label not in ("IPP", "NDA"))
                elif not exact:
                    cols = None  # the table ended
        offset += len(line) + 1
    return [Span(s.start, s.end, s.label, s.score, "register_columns") for s in spans]
