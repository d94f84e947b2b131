"""Two table layouts the column reader misses: tables read by rows, and columns of initials.

A comparison or identity sheet puts the field names in its first column and one person per
column after it ("IPP | 00412587 | 00412857", "Nom utilisé | CORRE | LEGALL", "DDN | 12/08/1936 |
21/08/1936"): the first cell is a key, never a value, and every other cell of the row is a value
of that key. Registers and trial screening lists write people as initials ("D.L.", "C-M",
"GH-R", "FDS", "G Roy") in a patient, an initials or a signature column.
Hand-written: no table library reads the meaning of these French hospital layouts.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_header, classify_key
from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.structured import value_spans
from avec.privacy.detection.text import fold
from avec.privacy.spans import Span

# Record nouns that name a number alone in a combined key ("IPP / venue", "NDA / séjour").
_RECORD_NOUNS = frozenset({"venue", "sejour", "passage", "dossier", "episode", "admission"})
# Kinds of a row key that name a value (not an object): a row "Patient | ..." is no key row.
_VALUE_KINDS = {
    "nom",
    "prenom",
    "nom_first",
    "person",
    "IPP",
    "NDA",
    "DATE_NAISSANCE",
    "ADRESSE",
    "ZIP",
    "VILLE",
    "SECU",
}


def row_key(cell: str) -> str | None:
    """The kind a first cell names when it is a field key ("Nom utilisé" -> "nom"), else None."""
    stripped = cell.strip().rstrip(":").strip()
    # "1er prénom naiss.": an ordinal opening the key is no value digit
    stripped = re.sub(r"^(?:1er|1re|[2-9]e|[2-9]ème)\s+", "", stripped)
    if not stripped or len(stripped) > 40 or any(ch.isdigit() for ch in stripped):
        return None
    kind = classify_key(stripped)
    if kind is None and "/" in stripped:
        # "IPP / venue": two record numbers named in one key, the values written "x / y"
        kinds = set(key_parts(stripped) or ())
        kind = "IPP" if "IPP" in kinds else ("NDA" if kinds == {"NDA"} else None)
    return kind if kind in _VALUE_KINDS else None


def key_parts(key: str) -> list[str] | None:
    """The record kinds of a combined key ("IPP / venue" -> ["IPP", "NDA"]), else None."""
    parts = [part.strip() for part in key.strip().rstrip(":").split("/")]
    if len(parts) < 2:
        return None
    kinds = ["NDA" if fold(part) in _RECORD_NOUNS else classify_key(part) for part in parts]
    return [k for k in kinds if k] if all(k in ("IPP", "NDA") for k in kinds) else None


def row_keyed_lines(rows: list[tuple[int, list[str]]]) -> set[int]:
    """Indexes of the rows of a block read by rows.

    ``rows`` are the (index, cells) of consecutive table lines with one separator. A row is keyed
    when its first cell is a field key and no other cell is one; the block is read by rows when
    at least two rows are keyed and they hold different keys (a column header row "Nom | Âge |
    Motif" is one line, its data rows hold no key).
    """
    keyed = []
    for idx, cells in rows:
        filled = [c for c in cells if c.strip()]
        if len(filled) < 2 or not cells[0].strip():
            continue
        kind = row_key(cells[0])
        if kind is None or any(classify_header(c) not in (None, "staff") or row_key(c) for c in cells[1:] if c.strip()):
            continue
        keyed.append((idx, cells[0].strip().lower()))
    if len(keyed) < 2 or len({k for _, k in keyed}) < 2:
        return set()
    return {i for i, _ in rows}


# --- initials ---------------------------------------------------------------------------------
_UP = r"[A-ZÀ-ÝÖÜ]"
# "D.L.", "P.J.-C.", "M.I." (dotted), "C-M", "GH-R", "ÖZ-E" (a dash between the two parts),
# "FDS", "MI" (two or three capitals), "G Roy" (an initial then a surname).
_DOTTED = re.compile(r"(?P<a>" + _UP + r"\.(?:-" + _UP + r"\.)?)[ ]?(?P<b>" + _UP + r"\.(?:-" + _UP + r"\.)?)")
_DASHED = re.compile(r"(?P<a>" + _UP + r"{1,3})-(?P<b>" + _UP + r"{1,3})")
_COMPACT = re.compile(r"(?P<a>" + _UP + r")(?P<b>" + _UP + r"{1,2})")
_INITIAL_NAME = re.compile(r"(?P<a>" + _UP + r"\.?) (?P<b>" + _UP + r"[a-zà-ÿ'’-]{1,20})")
_CELL_END = re.compile(r"[ \t]*(?:[,;(]|$)")
# Roles, answers and acronyms a signature column also holds.
_NOT_INITIALS = {
    "IDE", "AS", "ASH", "AES", "AMP", "CDS", "MK", "SF", "IOA", "ARM", "MR", "DR", "PR", "RAS", "OK", "NON", "OUI",
    "NR", "NC", "ND", "NA", "VU", "SO", "ASE", "AVS", "IPA", "AP", "TSA", "MT", "MG", "PH", "CH", "NP", "PN",
}  # fmt: skip


_SIGNATURE_HEADER = re.compile(r"(?i)initiale|sign|visa|paraphe|émargement|emargement")


def initials_spans(cell: str, start: int, header: str) -> list[Span]:
    """Spans of a cell opening with a person's initials (``start`` is the cell's offset), or [].

    Capitals without dots ("FDS") count only in an initials or signature column.
    """
    lead = len(cell) - len(cell.lstrip())
    body = cell[lead:]
    compact_ok = bool(_SIGNATURE_HEADER.search(header))
    for rx in (_DOTTED, _DASHED, _INITIAL_NAME, _COMPACT):
        if rx is _COMPACT and not compact_ok:
            continue
        m = rx.match(body)
        if m is None or not _CELL_END.match(body, m.end()):
            continue
        if rx is _COMPACT and m.group(0) in _NOT_INITIALS:
            return []
        first, second = ("NOM", "PRENOM") if surname_first(header) else ("PRENOM", "NOM")
        if rx is _INITIAL_NAME:
            first, second = "PRENOM", "NOM"  # "G Roy": the initial of the first name, the surname
        base = start + lead
        return [
            Span(base + m.start("a"), base + m.end("a"), first, 0.9, "table"),
            Span(base + m.start("b"), base + m.end("b"), second, 0.9, "table"),
        ]
    return []


_SURNAME_FIRST_HEADER = re.compile(r"(?i)\bN\s*-\s*P\b|\bNOM\b[^|]*\bpr[ée]nom|patient|d[ée]funt|r[ée]sident|usager")


def surname_first(header: str) -> bool:
    """A column of initials written surname first: "Initiales (N-P)", a patient's column."""
    return bool(_SURNAME_FIRST_HEADER.search(header)) and not re.search(r"(?i)\bP\s*-\s*N\b", header)


# --- rows of a log without a header --------------------------------------------------------
# A cell naming a person as registers do: surname(s) in capitals, then given names
# ("NGUYEN Thi Lan", "DA SILVA FERREIRA João", "ÖZTÜRK Elif").
_SURNAME_GIVEN_CELL = re.compile(
    r"(?P<caps>[" + _UP[1:-1] + r"][" + _UP[1:-1] + r"'’-]+(?:[ ][" + _UP[1:-1] + r"][" + _UP[1:-1] + r"'’-]+){0,3})"
    r"(?:[ ][" + _UP[1:-1] + r"][a-zà-ÿ'’-]+){1,3}"
)
# A cell that says the row is about a patient's identity.
_IDENTITY_CELL = re.compile(r"(?i)\b(?:IPP|NIP|DDN|DOB|NIR|n[ée]e?(?:\(e\))?[ \t]+le)\b")
_FULL_DATE_CELL = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{2}|\d{4})")


def identity_row_spans(ctx: DetectionContext, offset: int, line: str, bounds: list[tuple[int, int]]) -> list[Span]:
    """Names (and the birth date right after them) in a headerless row that holds an identity cell."""
    cells = [line[a:b] for a, b in bounds]
    if len(cells) < 3 or not any(_IDENTITY_CELL.search(c) for c in cells):
        return []
    spans: list[Span] = []
    for i, cell in enumerate(cells):
        m = _SURNAME_GIVEN_CELL.fullmatch(cell.strip())
        if m is None:
            continue
        caps = m.group("caps").split()
        if any(is_acronym(w) or is_protected_word(w, ctx.protected) or len(w) < 2 for w in caps):
            continue  # "SAU Nord", "ECG Normal": an acronym, not a surname
        a, b = bounds[i]
        spans.extend(value_spans(ctx, offset + a, offset + b, "nom_first", "table"))
        if i + 1 < len(cells) and _FULL_DATE_CELL.fullmatch(cells[i + 1].strip()):
            na, nb = bounds[i + 1]
            lead = len(cells[i + 1]) - len(cells[i + 1].lstrip())
            date = cells[i + 1].strip()
            spans.append(Span(offset + na + lead, offset + na + lead + len(date), "DATE_NAISSANCE", 0.9, "table"))
    return spans
