"""Two column shapes of care tables that ``tables.py`` reads (round 16, exports).

- A writer's initials alone in a person's column ("| IDE |" ... "| RLG |", "| Interv. |" ...
  "| TDL |"): two or three capitals that are no acronym, role or ordinary word are the
  initials of a person (``NOM``, as the sets mark them). "IDEC", "AS", "CDS" stay.
- A row note inside a pipe table ("207 | *** CHAMBRE LIBRE ... ***", one pipe): the table goes on
  under its header after it.
- A sign-off row under a CSV table ("REMPLI PAR;X Y (CDS);POSTE 2754;;;") is no data row: its
  cells do not stand under the header's columns (``export_cells`` reads its person).
- A schedule whose FIRST column is a date ("| Date | Jour | Séance |"): its day/month cells are
  dates although no identity column stands beside them (a date column elsewhere in a table
  of scores or doses still makes no table).
Hand-written: layouts of care tables.
"""

from __future__ import annotations

import re

from avec.privacy.detection.export_cells import is_sign_key
from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.registry import DetectionContext

_CODE = re.compile(r"[A-Z]{2,3}")
_SHORT_NAME = re.compile(r"[A-Z]{4,5}")
# Care roles written in capitals that no acronym list holds: a role, not a person's initials.
_ROLES = frozenset({"CDS", "ES", "ME", "INF", "IPA", "IBO", "IDE", "IDR", "AVS", "AMP", "ASG", "ASE", "ETS"})


def staff_code(ctx: DetectionContext, cell: str) -> bool:
    """Two or three capitals that are no acronym, role or word: a person's initials; four or five
    holding two vowels ("OUALI", "NAUD"): a short surname the name-shape test did not take."""
    short = _CODE.fullmatch(cell) is not None
    named = _SHORT_NAME.fullmatch(cell) is not None and sum(c in "AEIOUY" for c in cell) >= 2
    if not (short or named) or cell in _ROLES or is_acronym(cell):
        return False
    lex = ctx.lexicons
    return not (lex.is_common(cell) or lex.is_first_name(cell) or is_protected_word(cell, ctx.protected))


def dated_rows(found: dict[int, str], cells: list[str]) -> bool:
    """The header's first filled cell names a date column: a schedule, read by its dates."""
    first = next((i for i, c in enumerate(cells) if c.strip()), None)
    return first is not None and found.get(first) == "DATE"


_ROW_NOTE = re.compile(r"[ \t]*[\w-]{1,8}[ \t]*\|[^|\n]*")


def row_note(line: str) -> bool:
    """A line of one short cell then one pipe and free text: a note between rows of a pipe table."""
    return _ROW_NOTE.fullmatch(line) is not None


_MARRIED_WORD = re.compile(r"(?i)[ ](?:n[ée]e|ep|[ée]p\.?|[ée]pouse|veuve|vve)[ ]")


# Two surnames of one cell, the usual one and the birth one: "LOUVEL / LE MEUR" (round 19).
_SLASHED_SURNAMES = re.compile(r"(?P<a>[^\W\d_][^/]*?)[ ]?/[ ]?(?P<b>[^\W\d_][^/]*)")


def married_parts(cell: str) -> list[tuple[int, int]]:
    """The surnames of a surname cell: ``[(0, len)]``, both sides of "NEE"/"EP" ("THOMAS NEE MARTIN"),
    or both sides of a slash ("LOUVEL / LE MEUR")."""
    slashed = _SLASHED_SURNAMES.fullmatch(cell)
    if slashed is not None:
        return [slashed.span("a"), slashed.span("b")]
    m = _MARRIED_WORD.search(cell)
    if m is None or m.start() == 0 or m.end() >= len(cell):
        return [(0, len(cell))]
    return [(0, m.start()), (m.end(), len(cell))]


def sign_off(cells: list[str]) -> bool:
    """The row's first filled cell is a sign-off key ("REMPLI PAR", "GESTIONNAIRE")."""
    first = next((c for c in cells if c.strip()), "")
    return is_sign_key(first)
