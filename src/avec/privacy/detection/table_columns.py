"""Table columns of person names recognised by their cells when no header names them.

An export or a register has columns whose header the classifier does not know ("RESP_NUIT",
"Valideur", "Tuteur légal", "Accompagnant") or no header at all. When most cells of one column
are short runs of capitalised name words, and most of those hold a known surname or first name,
the column lists persons: every name-like cell of it is read as a name, also the ones the
lexicons do not know ("| FAVRE |", "| KERGOAT |"). Columns named by their header are left to
tables.py; a column of communes, drugs, services or codes never qualifies (cells must be names,
not communes or protected medical words). Hand-written: column statistics over a layout no
library parses for us.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_header
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.structured import is_commune
from avec.privacy.detection.tables import split_cells
from avec.privacy.detection.text import fold
from avec.privacy.spans import Span

# A cell of one to three name words: "RIOU", "LE MEUR", "CHABERT M.", "Dupont-Moreau Anne".
_NAME_CELL = re.compile(r"(?:[A-ZÀ-Ý][\wÀ-ÿ'’-]*\.?)(?:[ ][A-ZÀ-Ý][\wÀ-ÿ'’-]*\.?){0,2}")
_RULE = re.compile(r"[\s|:+\-=;,\t]*")
# Headers of columns that hold places, care units, drugs, codes or states, never persons.
_NOT_PERSONS = re.compile(
    r"(?i)\b(?:service|unit[ée]|uf|secteur|site|[ée]tab\w*|structure|lieu|ville|commune|pays|nationalit[ée]|"
    r"mol[ée]cule|m[ée]dicament|traitement|produit|sp[ée]cialit[ée]|dci|statut|[ée]tat|motif|mode|type|cat[ée]gorie|"
    r"sexe|diagnostic|acte|code|libell[ée]|provenance|destination|orientation|salle|box|lit|chambre|p[ôo]le|"
    r"organisme|caisse|mutuelle|employeur|[ée]cole|classe)\b"
)
_MIN_ROWS = 3


def _blocks(lines: list[str]) -> list[list[tuple[int, list[tuple[int, int]]]]]:
    """Runs of consecutive table lines with one separator and one number of cells."""
    blocks: list[list[tuple[int, list[tuple[int, int]]]]] = []
    cur: list[tuple[int, list[tuple[int, int]]]] = []
    key: tuple[str, int] | None = None
    for i, line in enumerate(lines):
        parsed = split_cells(line) if line.count("|") + line.count(";") + line.count("\t") >= 2 else None
        if parsed is not None and parsed[0] == ",":
            parsed = None  # comma rows are too often prose
        if parsed is None:
            if cur:
                blocks.append(cur)
            cur, key = [], None
            continue
        if _RULE.fullmatch(line):
            continue  # "|---|---|" under a header row
        this = (parsed[0], len(parsed[1]))
        if key is not None and this != key:
            blocks.append(cur)
            cur = []
        key = this
        cur.append((i, parsed[1]))
    if cur:
        blocks.append(cur)
    return [b for b in blocks if len(b) >= _MIN_ROWS + 1]


def _is_name_cell(ctx: DetectionContext, cell: str) -> bool:
    if not _NAME_CELL.fullmatch(cell) or is_commune(ctx, cell):
        return False
    words = [w.strip(".") for w in cell.split()]
    return not any(is_protected_word(w, ctx.protected) for w in words if len(w) > 1)


def _is_known(ctx: DetectionContext, cell: str) -> bool:
    lex = ctx.lexicons
    return any(
        len(w) > 2 and (lex.is_first_name(w) or (lex.is_surname(w) and not lex.is_common(w)))
        for w in (w.strip(".") for w in cell.split())
    )


@recognizer("table_column", 62)
def find_person_columns(ctx: DetectionContext) -> list[Span]:
    """Name-like cells of a column whose cells are mostly known names (module docstring)."""
    text = ctx.text
    if text.count("|") + text.count(";") < 3 * (_MIN_ROWS + 1) and text.count("\t") < _MIN_ROWS * 2:
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[Span] = []
    for block in _blocks(lines):
        first_index, first_bounds = block[0]
        header_line = lines[first_index]
        has_header = not any(ch.isdigit() for ch in header_line)
        rows = block[1:] if has_header else block
        for col in range(len(first_bounds)):
            if has_header:
                head = header_line[first_bounds[col][0] : first_bounds[col][1]].strip()
                if classify_header(head) not in (None, "staff") or _NOT_PERSONS.search(fold(head)):
                    continue  # tables.py reads named columns; places, units, drugs are no persons
            cells: list[tuple[int, str]] = []
            for index, bounds in rows:
                a, b = bounds[col]
                raw = lines[index][a:b]
                cell = raw.strip()
                if cell:
                    cells.append((starts[index] + a + len(raw) - len(raw.lstrip()), cell))
            if len(cells) < _MIN_ROWS or len({c for _, c in cells}) == 1:
                continue  # one value on every row is a record's tag ("RES|GLYCEMIE|..."), not a list of persons
            named = [(s, c) for s, c in cells if _is_name_cell(ctx, c)]
            if len(named) < 0.8 * len(cells) or sum(_is_known(ctx, c) for _, c in named) < 0.6 * len(cells):
                continue
            for start, cell in named:
                words = [w for w in scan_run(text, start, ctx.lexicons, max_words=3) if w.end <= start + len(cell)]
                if words:
                    spans.extend(
                        to_spans(text, label_run(words, ctx.lexicons, "auto", ctx.all_caps), 0.8, "table_column")
                    )
    return spans
