"""Tables (pipes, tabs, semicolons, commas): cells under a "Nom", "Prénom", "Ville"... header.

Headers are read by :func:`avec.privacy.detection.field_keys.classify_header`, the classifier that
also reads the keys of structured fields.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_header
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# A cell opening with a title or an initial holds a value: its line is no header row
# ("Prescripteur<TAB>Dr PETIT Claire<TAB>Préleveur<TAB>J. Lacombe" is a row of label/value pairs).
_VALUE_CELL = re.compile(r"\s*(?:Dr|Pr|Mme|Mlle|M|[A-Z])\.?\s+[A-Z]")
_DIGIT = re.compile(r"\d")
# The last comma-separated part of an address cell, when it looks like a commune name.
_TRAILING_TOWN = re.compile(
    r",\s*((?!(?:B[âa]t|Appt?|Esc|[ÉE]tage|R[ée]sidence|Porte|Lot|BP|CS|Cedex)\b)[A-ZÀ-Ý][^\d,;()]{1,40}?)\s*$"
)
_WHOLE_NAME = re.compile(r"[^\W\d_]+(?:[ '’\-][^\W\d_]+)*")
_LONE_ACRONYM = re.compile(r"[A-Z]{2,5}")
_QUOTED_CELL = re.compile(r'[ \t]*"((?:[^"]|"")*)"[ \t]*(?=,|$)|([^,]*)')


def _comma_cells(line: str) -> list[tuple[int, int]] | None:
    """Cells of a comma-separated line ("quoted","values" or short bare values), else None."""
    if line.count(",") < 2:
        return None
    quoted = line.lstrip().startswith('"') and '","' in line
    bounds = []
    pos = 0
    while pos <= len(line):
        m = _QUOTED_CELL.match(line, pos)
        if m is None:
            return None
        a, b = m.span(1) if m.group(1) is not None else m.span(2)
        bounds.append((a, b))
        pos = m.end()
        if pos >= len(line) or line[pos] != ",":
            break
        pos += 1
    if pos < len(line):
        return None
    if not quoted and any(b - a > 40 or ". " in line[a:b] or line[a:b].count(" ") > 3 for a, b in bounds):
        return None  # prose with commas, not a table row
    return bounds


def split_cells(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    """Separator and cell bounds of a table line (pipes, tabs, semicolons, commas), else None."""
    for sep in ("|", "\t", ";"):
        if line.count(sep) >= 2 or (sep == "\t" and line.count(sep) >= 1):
            if sep == ";" and line.lstrip().startswith('"') and '","' in line:
                break  # a quoted comma CSV whose cells hold semicolons
            bounds = []
            pos = 0
            for cell in line.split(sep):
                a, b = pos, pos + len(cell)
                inner = re.fullmatch(r'\s*"([^"]*)"\s*', cell)
                if inner:  # "DUPONT";"Jean": the quotes are no part of the value
                    a, b = pos + inner.start(1), pos + inner.end(1)
                bounds.append((a, b))
                pos += len(cell) + 1
            return sep, bounds
    comma = _comma_cells(line)
    return (",", comma) if comma else None


_cells = split_cells


@recognizer("table", 83)
def find_table_cells(ctx: DetectionContext) -> list[Span]:
    """Cells of table columns whose header names an identifier."""
    text, lex = ctx.text, ctx.lexicons
    if "|" not in text and "\t" not in text and ";" not in text and "," not in text:
        return []
    spans: list[Span] = []
    columns: dict[int, str] = {}
    table_sep = ""
    offset = 0
    for line in text.split("\n"):
        parsed = _cells(line)
        if parsed is None:
            columns = {}
        else:
            sep, bounds = parsed
            cells = [line[a:b] for a, b in bounds]
            found: dict[int, str] = {}
            no_digit = _DIGIT.search(line) is None  # header rows hold no digits
            if no_digit:
                for i, c in enumerate(cells):
                    if kind := classify_header(c):
                        found[i] = kind
            filled = [i for i, c in enumerate(cells) if c.strip()]
            pair = len(filled) == 2 and filled[0] in found and filled[1] not in found  # "Nom<TAB>DUPONT"
            if found and not pair and not any(_VALUE_CELL.match(c) for c in cells):
                columns, table_sep = found, sep
            elif columns and sep == table_sep and not re.fullmatch(r"[\s|:\-+\t;]*", line):
                for i, kind in columns.items():
                    if i >= len(bounds):
                        continue
                    a, b = bounds[i]
                    cell = line[a:b]
                    stripped = cell.strip()
                    if not stripped:
                        continue
                    start = offset + a + (len(cell) - len(cell.lstrip()))
                    if kind in ("IPP", "NDA") and not re.search(r"\d{3}", stripped):
                        continue
                    town = _TRAILING_TOWN.search(stripped) if kind == "ADRESSE" else None
                    if town:  # "8 rue des Écoles, La Crèche": the street, then the commune
                        spans.append(Span(start, start + town.start(), "ADRESSE", 0.9, "table"))
                        spans.append(Span(start + town.start(1), start + town.end(1), "VILLE", 0.85, "table"))
                        continue
                    if kind in ("VILLE", "ADRESSE", "ZIP", "IPP", "NDA"):
                        spans.append(Span(start, start + len(stripped), kind, 0.9, "table"))
                        continue
                    if kind == "nom" and _WHOLE_NAME.fullmatch(stripped) and len(stripped.split()) <= 4:
                        if not all(is_protected_word(w, ctx.protected) for w in stripped.split()):
                            spans.append(Span(start, start + len(stripped), "NOM", 0.92, "table"))
                        continue  # a surname column: the whole cell ("NGUYEN VAN", "DE LA ROCHE")
                    if (
                        kind == "auto"
                        and _LONE_ACRONYM.fullmatch(stripped)
                        and not (lex.is_surname(stripped) or lex.is_first_name(stripped))
                    ):
                        continue  # "IDEC" in a "Signé" column is a role
                    pos = start
                    title = re.match(r"(?i)(?:dr|pr|m|mme|mlle|monsieur|madame|docteur)\.?\s+", stripped)
                    if title:
                        pos += title.end()
                    words = [w for w in scan_run(text, pos, lex, allow_lower=True, max_words=4) if w.end <= offset + b]
                    if not words:
                        continue
                    hint = {"nom_first": "nom"}.get(kind, kind)
                    if title:
                        hint = "title"
                    spans.extend(to_spans(text, label_run(words, lex, hint, ctx.all_caps), 0.92, "table"))
        offset += len(line) + 1
    return spans
