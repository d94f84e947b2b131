"""Record numbers inside table cells whose header names a number among other things.

A call log or a delivery list puts the person and their number in one column: header "Patient /
n° client", cell "DEBRUYNE Gilberte / NOS-118340"; "Nom (IPP)", cell "MARTIN Paul (80012345)";
"Bénéficiaire - n° dossier", cell "Léa Roux - D24-00871". The table rules of
:mod:`avec.privacy.detection.tables` read a whole cell under one header word; here every code of
such a mixed cell is read: letters glued to digits or groups of digits, five digits at least,
no date, amount or phone.

A number naming the person (client, patient, usager, résident, bénéficiaire, adhérent, IPP) is an
IPP; a stay, a file or a request number is an NDA. Hand-written: no library reads these headers.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# A number word and whose number it is, or the usual abbreviations; matched on the folded text
# (lower case, no accents, same offsets) with no leading assertion, so that the engine can skip
# ahead on the first character (speed); word bounds are checked after.
_HEADER = re.compile(
    r"(?:n°|n[º°o]\.?|num(?:ero)?\.?|id|identifiant|code|ref\.?)[ \t]*(?:de[ \t]+|d['’][ \t]*)?"
    r"(?P<noun>cliente?|patiente?|usag[eè]re?|residente?|beneficiaire|adherente?|dossier|sejour|"
    r"passage|venue|demande|contrat|allocataire)s?\b|(?P<acro>ipp|nip|nda)\b"
)
_PERSON = ("client", "patient", "usag", "resid", "bene", "adh")
# A code: letters glued to digits ("NOS-118340", "D24-00871") or a run of digits ("80012345").
_CODE = re.compile(r"(?<![\w/.,-])(?:[A-Z]{1,6}-?\d[\dA-Z]*(?:[-/][\dA-Z]+)*|\d{5,}(?:[-/]\d+)*)(?![\w/-]|[.,]\d)")
_DATE_OR_PHONE = re.compile(r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|(?:19|20)\d{2}(?:[-/]\d{1,2}){0,2}|0\d{9}")
_SEPARATORS = ("|", ";", "\t")


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for cell in line.split(sep):
        bounds.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return bounds


_WORD = re.compile(r"[^\W\d_]{2,}")


def cell_codes(cell: str) -> list[tuple[int, int]] | None:
    """Bounds of the codes of a cell that also holds words ("Roux Léa / D25-004871"), else None.

    :mod:`avec.privacy.detection.tables` masks a whole cell under an IPP/NDA header; a cell with
    words besides its codes gets its codes only, and the words are left to the name rules.
    """
    codes = [m for m in _CODE.finditer(cell) if sum(ch.isdigit() for ch in m.group(0)) >= 3]
    rest = _CODE.sub(" ", cell)
    if not codes or not _WORD.search(rest):
        return None
    return [m.span() for m in codes]


def _label(m: re.Match[str]) -> str:
    if m.group("acro"):
        return "NDA" if m.group("acro") == "nda" else "IPP"
    return "IPP" if m.group("noun").startswith(_PERSON) else "NDA"


@recognizer("table_code", 83)
def find_table_codes(ctx: DetectionContext) -> list[Span]:
    """Codes inside the cells of a column whose header names a number (module docstring)."""
    text = ctx.text
    if "|" not in text and ";" not in text and "\t" not in text:
        return []
    spans: list[Span] = []
    done_until = -1
    for hit in _HEADER.finditer(ctx.folded):
        if hit.start() > 0 and ctx.folded[hit.start() - 1].isalnum():
            continue  # inside a word ("valide", "sanda")
        if hit.group("acro") and not text[hit.start() : hit.end()].isupper():
            continue  # "IPP", "NDA" are written in capitals
        line_start = text.rfind("\n", 0, hit.start()) + 1
        if line_start <= done_until:
            continue
        line_end = text.find("\n", hit.end())
        line_end = len(text) if line_end < 0 else line_end
        header = text[line_start:line_end]
        sep = next((s for s in _SEPARATORS if header.count(s) >= 2), None)
        if sep is None or any(ch.isdigit() for ch in header):
            continue  # a header row: cells, no values
        bounds = _cells(header, sep)
        column = next(i for i, (a, b) in enumerate(bounds) if a <= hit.start() - line_start < b)
        label, width = _label(hit), len(bounds)
        pos = line_end + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            row = text[pos:end]
            if row.count(sep) + 1 != width:
                break  # the table ends where the row shape changes
            a, b = _cells(row, sep)[column]
            for code in _CODE.finditer(row, a, b):
                value = code.group(0)
                if sum(ch.isdigit() for ch in value) >= 5 and not _DATE_OR_PHONE.fullmatch(value):
                    spans.append(Span(pos + code.start(), pos + code.end(), label, 0.88, "table_code"))
            pos = end + 1
        done_until = pos
    return spans
