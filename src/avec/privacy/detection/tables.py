"""Tables (pipes, tabs, semicolons): cells under a "Nom", "Prénom", "Ville"... header."""

from __future__ import annotations

import re

from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_HEADERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?i)^\s*nom\s*(?:et|/|-|,)?\s*pr[ée]noms?\s*$"), "nom_first"),
    (re.compile(r"(?i)^\s*pr[ée]noms?\s*(?:/|et|-)?\s*nom\s*$"), "auto"),
    (
        re.compile(
            r"(?i)^\s*(?:nom(?:\s+(?:de\s+naissance|d['’]usage|marital|de\s+jeune\s+fille))?|patronyme)\s*$"
        ),
        "nom",
    ),
    (re.compile(r"(?i)^\s*pr[ée]noms?(?:\(s\))?\s*$"), "prenom"),
    (
        re.compile(
            r"(?i)^\s*(?:patient(?:e)?|r[ée]sident(?:e)?|usager|identit[ée]|m[ée]decin(?:\s+\w+)?|"
            r"r[ée]f[ée]rent(?:e)?|ide|infirmi(?:er|ère)|soignant(?:e)?|intervenant(?:e)?|"
            r"praticien|contact|aidant|personne\s+de\s+confiance|agent|professionnel)\s*$"
        ),
        "auto",
    ),
    (re.compile(r"(?i)^\s*(?:ville|commune|localit[ée])\s*$"), "VILLE"),
    (re.compile(r"(?i)^\s*(?:adresse|domicile)\s*$"), "ADRESSE"),
    (re.compile(r"(?i)^\s*(?:cp|code\s+postal)\s*$"), "ZIP"),
]


def _cells(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    for sep in ("|", "\t", ";"):
        if line.count(sep) >= 2 or (sep == "\t" and line.count(sep) >= 1):
            bounds = []
            pos = 0
            for cell in line.split(sep):
                bounds.append((pos, pos + len(cell)))
                pos += len(cell) + 1
            return sep, bounds
    return None


@recognizer("table", 83)
def find_table_cells(ctx: DetectionContext) -> list[Span]:
    """Cells of table columns whose header names an identifier."""
    text, lex = ctx.text, ctx.lexicons
    if "|" not in text and "\t" not in text and ";" not in text:
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
            found = {i: kind for i, c in enumerate(cells) for rx, kind in _HEADERS if rx.match(c)}
            if found and not any(ch.isdigit() for ch in line):
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
                    if kind in ("VILLE", "ADRESSE", "ZIP"):
                        spans.append(Span(start, start + len(stripped), kind, 0.9, "table"))
                        continue
                    pos = start
                    title = re.match(r"(?i)(?:dr|pr|m|mme|mlle|monsieur|madame|docteur)\.?\s+", stripped)
                    if title:
                        pos += title.end()
                    words = [
                        w
                        for w in scan_run(text, pos, lex, allow_lower=True, max_words=4)
                        if w.end <= offset + b
                    ]
                    if not words:
                        continue
                    hint = {"nom_first": "nom"}.get(kind, kind)
                    if title:
                        hint = "title"
                    spans.extend(to_spans(text, label_run(words, lex, hint, ctx.all_caps), 0.92, "table"))
        offset += len(line) + 1
    return spans
