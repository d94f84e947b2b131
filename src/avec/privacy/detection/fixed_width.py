"""Fixed-width column exports: values read from the column their header names.

``TYPE  HEURE  NOM          PRENOM     DDN         PROVENANCE`` then rows aligned under it: a word
starting under "NOM" is a surname, under "PRENOM" a first name, whatever the lexicons say
("MARTIN   MARTIN"). Columns are found from the header words' positions (two spaces or more
between headers); a row may overflow its column ("LECLERCQ NEE DUBRULLE THERESE"), so each word
goes to the column whose start is the nearest at or before it.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_header
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.structured import classify_key
from avec.privacy.spans import Span

_MAIDEN = {"NEE", "NÉE", "EP", "EP.", "ÉP.", "EPOUSE", "ÉPOUSE", "VEUVE", "VVE", "DIVORCEE"}
_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*\.?")
_MOVEMENT = re.compile(r"(?i)provenance|destination|origine|[ée]tablissement|transf[ée]r[ée]|adress[ée] par")
# Keywords that open a facility name in a provenance/destination column (classes, not names).
_FACILITY_START = re.compile(
    r"(?i)(?:CHU|CHR|CHI|CHS|CH|GH|HAD|SSR|SMR|USLD|EHPAD|MAS|FAM|IME|CLINIQUE|POLYCLINIQUE|H[OÔ]PITAL|"
    r"CENTRE\s+HOSPITALIER|MAISON\s+DE\s+RETRAITE|R[ÉE]SIDENCE|FOYER)\b"
)
# Headers of a column of other dates than the birth date (entry, exit, appointment).
# "DTENT", "DTE_SORTIE": an abbreviated date header, not the birth date's ("DT_NAISS").
_OTHER_DATE_HEADER = re.compile(
    r"(?i)date|entr[ée]e|sortie|adm|arriv|d[ée]part|rdv|venue|edit|jour|(?:^|\s)dte?[ _]?(?!nais)[a-z]"
)
_TRAILING_INITIAL = re.compile(r"[ ]([A-Z]\.?)(?=\s|$)")
_DATE_TOKEN = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
# A compact date of an export ("12091971", "20240402"): a date only under a date column.
# A row turned into a note: it opens like the others (a time, a number) then says "cancelled", "free".
_ROW_NOTE = re.compile(r"\S+ {2,}(?:\*\*|--|==|\(|\[)")
# A surname's particle then one space ("LE ", "DE LA ", "VAN ", "BEN ", "DOS ").
_PARTICLE = re.compile(
    r"(?i)(?:(?:le|la|les|de|du|des|da|dos|das|di|del|della|van|von|der|den|ter|el|al|ben|bou|ait|abou|mac|mc|st|ste|"
    r"saint|sainte|santa|san|d['’]\w+) )+"
)
_COMPACT_DATE = re.compile(
    r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)


# A rota's week or day column: "S10", "J1", "SEM12".
_WEEK_HEADER = re.compile(r"(?:S|J|SEM|JOUR)\d{1,2}", re.IGNORECASE)
_DIGIT_IN = re.compile(r"\d").search


def _columns(line: str) -> list[tuple[int, str]] | None:
    """(start, header text) of each column when ``line`` is a fixed-width header, else None."""
    if "  " not in line.strip() or "|" in line or "\t" in line or ":" in line:
        return None  # "PRENOM     : SAMIR      SEXE : M" is a line of key/value pairs, no header
    if any(c.isdigit() for c in line) and not all(_WEEK_HEADER.fullmatch(w) for w in line.split() if _DIGIT_IN(w)):
        return None  # digits make a row, except a rota's week or day codes ("S10", "J1")
    cells: list[tuple[int, str]] = []
    # Headers are separated by two spaces or more: the regex keeps single-spaced words together.
    for m in re.finditer(r"\S+(?: \S+)*", line):
        words = list(re.finditer(r"\S+", m.group(0)))
        squeezed = len(words) > 1 and ":" not in line and m.group(0).isupper()
        if squeezed and classify_key(m.group(0)) is None and any(classify_key(w.group(0)) for w in words):
            # "LIT IPP" squeezed by one space: two columns, the second one named
            cells.extend((m.start() + w.start(), w.group(0)) for w in words)
        else:
            cells.append((m.start(), m.group(0)))
    if len(cells) < 3:
        return None
    kinds = [_name_kind(text) for _, text in cells]
    if any(k in ("nom", "prenom", "nom_first", "person") for k in kinds):
        return cells
    # A carer's column alone makes a header beside a date or time column ("DATE ... IDE"), not in
    # a row of a staff list ("KERHERVOT   Maïwenn   IDE": a job under "FONCTION").
    if "carer" in kinds and any(_WHEN_HEADER.fullmatch(text) for _, text in cells):
        return cells
    return None


_WHEN_HEADER = re.compile(r"(?i)date|jour|heure|horaire|dt")
# A column of the patient or the resident, named by the person alone ("PATIENT", "RESIDENT").
_PERSON_HEADER = re.compile(r"(?i)patient(?:e|s)?|r[ée]sident(?:e|s)?|usager|b[ée]n[ée]ficiaire|identit[ée]")


# "N ORD NOM / PRENOM", "NOM-PRENOM": one cell, the surname then the first names.
_NOM_FIRST_HEADER = re.compile(r"(?i)\bNOM\s*(?:/|-|,|ET)?\s*PR[EÉ]NOMS?$")


def _name_kind(header: str) -> str | None:
    if _NOM_FIRST_HEADER.search(header):
        return "nom_first"
    kind = classify_key(header)
    if kind is None and _PERSON_HEADER.fullmatch(header):
        return "person"
    if kind is None and classify_header(header) in ("auto", "login"):
        return "carer"  # a carer's column: "IDE", "INTERVENANTE", "CHIRURGIEN", "VALIDE PAR", "LOGIN"
    return kind


def _kind(header: str) -> str | None:
    kind = _name_kind(header)
    if kind is None and _MOVEMENT.search(header):
        return "movement"
    if kind is None and classify_header(header) in ("IPP", "NDA"):
        return classify_header(header)  # a column of record numbers: "N°FACT", "ECROU", "NUM_RES"
    return kind


def _plain_word(ctx: DetectionContext, word: str) -> bool:
    """An ordinary word that is no known name: a carer's column then holds no person."""
    lex = ctx.lexicons
    return lex.is_common(word) and not (lex.is_first_name(word) or lex.is_surname(word))


def _run_spans(ctx: DetectionContext, offset: int, a: int, end: int, hint: str = "nom") -> list[Span]:
    """A "NOM PRENOM" cell: surname first (the convention of these exports), then first names.

    A carer's column (``hint`` "auto") may hold a first name alone ("Manon" under "INTERVENANTE").
    """
    lex = ctx.lexicons
    words = [w for w in scan_run(ctx.text, offset + a, lex, allow_lower=True, max_words=4) if w.end <= offset + end]
    return to_spans(ctx.text, label_run(words, lex, hint, ctx.all_caps), 0.93, "fixed_width")


def _row_spans(ctx: DetectionContext, offset: int, line: str, cols: list[tuple[int, str]]) -> list[Span]:
    kinds = [_kind(h) for _, h in cols]
    starts = [s for s, _ in cols]
    spans: list[Span] = []
    has_birth_col = "DATE_NAISSANCE" in kinds
    names_done = birth_done = False
    after_maiden = False
    person_cols: set[int] = set()
    for m in re.finditer(r"\S+", line):
        word, a = m.group(0), m.start()
        col = max((i for i, s in enumerate(starts) if s <= a + 1), default=None)
        if col is None:
            continue
        kind = kinds[col]
        other_date = kind != "DATE_NAISSANCE" and _OTHER_DATE_HEADER.search(cols[col][1])
        compact = _COMPACT_DATE.fullmatch(word) is not None and (kind == "DATE_NAISSANCE" or bool(other_date))
        if compact or _DATE_TOKEN.fullmatch(word):
            names_done = True
            if has_birth_col and not birth_done and not other_date:
                spans.append(Span(offset + a, offset + m.end(), "DATE_NAISSANCE", 0.97, "fixed_width"))
                birth_done = True
            elif compact:  # "02042024" under "ENTREE": no date rule reads it
                spans.append(Span(offset + a, offset + m.end(), "DATE", 0.9, "fixed_width"))
            continue  # a date under "ENTREE" or "SORTIE" is left to the date recognizer (DATE)
        if kind in ("nom", "prenom") and not names_done:
            if word.upper() in _MAIDEN:
                after_maiden = True
                continue
            if _NAME_TOKEN.fullmatch(word):
                label = "NOM" if kind == "nom" or after_maiden else "PRENOM"
                after_maiden = False
                end = a + len(word) - (1 if word.endswith(".") and len(word) > 2 else 0)
                spans.append(Span(offset + a, offset + end, label, 0.93, "fixed_width"))
        elif (
            kind in ("person", "carer")
            # a new cell, not a long cell overflowing into this column: two spaces before it, or one
            # space after a number and the column's own start (a listing one character off its header)
            and (
                line[max(0, a - 2) : a] == "  "
                or (abs(a - starts[col]) <= 1 and line[a - 1 : a] == " " and line[a - 2 : a - 1].isdigit())
            )
            and not any(s.end > offset + a for s in spans)
            and col not in person_cols  # a second cell under one person's column: the row is off its header
            and _NAME_TOKEN.fullmatch(word)
            and not (kind == "carer" and _plain_word(ctx, word))  # "URGENCE" under "OPERATEUR"
        ):
            person_cols.add(col)
            # A doctor's or a writer's column ("MED RESP": "LE GUEN Y"): surname first, then initials.
            nxt = starts[col + 1] if col + 1 < len(starts) else len(line)
            run = _run_spans(ctx, offset, a, max(nxt, m.end()), "auto" if kind == "carer" else "nom")
            spans.extend(run)
            initial = _TRAILING_INITIAL.match(line, run[-1].end - offset) if run else None
            if initial and initial.end(1) <= nxt:  # "TOURE A": the first name's initial
                spans.append(Span(offset + initial.start(1), offset + initial.end(1), "PRENOM", 0.9, "fixed_width"))
        elif kind == "nom_first" and not names_done and not any(s.end > offset + a for s in spans):
            nxt = starts[col + 1] if col + 1 < len(starts) else len(line)
            date = _DATE_TOKEN.search(line, a)
            stop = min(nxt, date.start()) if date else nxt
            spans.extend(_run_spans(ctx, offset, a, max(stop, m.end())))
    spans = _joined(line, offset, spans)
    # Columns whose whole cell is one value (ids, postal codes, communes, provenance).
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    for i, kind in enumerate(kinds):
        if kind not in ("IPP", "NDA", "ZIP", "VILLE", "movement"):
            continue
        nxt = starts[i + 1] if i + 1 < len(starts) and kind != "movement" else len(line) + 1
        slack = 4 if kind == "movement" else 1
        inside = [(a, b) for a, b in words if starts[i] - slack <= a < nxt]
        if not inside:
            continue
        cs, ce = inside[0][0], inside[-1][1]
        value = line[cs:ce]
        if kind == "movement":
            spans.extend(_movement_spans(offset + cs, value))
        elif kind in ("IPP", "NDA") and re.fullmatch(r"[A-Z]{0,5}[-]?\d[\dA-Z-]{3,}", value):
            spans.append(Span(offset + cs, offset + ce, kind, 0.9, "fixed_width"))
        elif kind == "ZIP" and re.fullmatch(r"\d{5}", value):
            spans.append(Span(offset + cs, offset + ce, "ZIP", 0.9, "fixed_width"))
        elif kind == "VILLE" and re.fullmatch(r"[^\W\d_][^\d]*", value):
            spans.append(Span(offset + cs, offset + ce, "VILLE", 0.9, "fixed_width"))
    return spans


def _joined(line: str, offset: int, spans: list[Span]) -> list[Span]:
    """A particle and the next word of a name cell form one span ("LE BIHAN", "DE ROCCA SERRA"):
    a particle alone would be dropped as an ordinary word."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        joinable = prev is not None and prev.label == span.label and span.label in ("NOM", "PRENOM")
        gap = line[prev.end - offset : span.start - offset] if prev else ""
        # "DE ROCCA SERRA", and first names in one cell: "MARIE THERESE", "MARIA DE FATIMA"
        particle = prev is not None and _PARTICLE.fullmatch(line[prev.start - offset : span.start - offset])
        if prev and joinable and (particle or (gap == " " and span.label == "PRENOM")):
            out[-1] = Span(prev.start, span.end, span.label, prev.score, prev.source)
        else:
            out.append(span)
    return out


def _aligned(line: str, cols: list[tuple[int, str]]) -> bool:
    """A row of the table: three of its words (or all, when fewer) start where columns start.

    A typed listing is often one character off its header ("LAN" under "PRENOM" one column right):
    a word starting one character before or after a column start counts, when it opens a cell
    (two spaces or the line start before it) or the row's first word is exact.
    """
    starts = {s for s, _ in cols}
    words = [m.start() for m in re.finditer(r"\S+", line)]
    if not words:
        return False
    hits = sum(1 for a in words if a in starts)
    if words[0] in starts and hits >= min(3, len(words)):
        return True
    near = {s + d for s in starts for d in (-1, 0, 1)}
    cells = [a for a in words if a == 0 or line[max(0, a - 2) : a] == "  "]
    return (
        words[0] in starts
        and len(cells) >= 3
        and sum(1 for a in cells if a in near) >= max(3, len(cells) - 1)
    )


# A record of a mainframe listing may take a few indented lines below its row.
_DETAIL_LINES = 3


def _detail_line(line: str, cols: list[tuple[int, str]]) -> bool:
    """An indented line below a row (its first word right of the first column's start)."""
    first = len(line) - len(line.lstrip(" "))
    return first > cols[0][0] and first >= 4


def _movement_spans(start: int, value: str) -> list[Span]:
    """ "DOMICILE (LIEVIN)" -> the commune; "CH DE LENS - CHIR ORTHO" -> the facility."""
    dom = re.match(r"(?i)domicile\s*\(\s*([^()\d]+?)\s*\)", value)
    if dom:
        return [Span(start + dom.start(1), start + dom.end(1), "VILLE", 0.85, "fixed_width")]
    lead = re.match(r"(?:->|→|>)?\s*", value)
    pos = lead.end() if lead else 0
    if not _FACILITY_START.match(value, pos):
        return []
    end_m = re.search(r"\s+[-–(/]|\s{2,}|$", value[pos:])
    end = pos + (end_m.start() if end_m else len(value) - pos)
    if len(value[pos:end].split()) < 2:
        return []  # a keyword alone ("EHPAD") names no facility
    return [Span(start + pos, start + end, "HOPITAL", 0.85, "fixed_width")]


@recognizer("fixed_width", 83)
def find_fixed_width(ctx: DetectionContext) -> list[Span]:
    """Names, birth dates, ids and places in the columns of a fixed-width export."""
    text = ctx.text
    if "   " not in text:
        return []
    spans: list[Span] = []
    cols: list[tuple[int, str]] | None = None
    offset = 0
    misses = 0
    flush_rows = False  # a row of this table filled its first column
    for line in text.split("\n"):
        if not line.strip():
            cols = None
        else:
            header = _columns(line)
            if header is not None:
                cols, misses, flush_rows = header, 0, False
            elif cols is not None and flush_rows and misses < _DETAIL_LINES and _detail_line(line, cols):
                # "        NIR : ...  MED TRAITANT : ...": a record's second line, indented below rows
                # that fill their first column; its words may fall under the columns by chance.
                misses += 1
            elif cols is not None and _aligned(line, cols):
                spans.extend(_row_spans(ctx, offset, line, cols))
                flush_rows = flush_rows or line[cols[0][0] : cols[0][0] + 1].strip() != ""
                misses = 0
            elif cols is not None and misses == 0 and _ROW_NOTE.match(line):
                misses = 1  # "09:30  ** ANNULE ** X - REPORTE": one row of a note, the table goes on
            else:
                cols = None  # the table ended
        offset += len(line) + 1
    return spans
