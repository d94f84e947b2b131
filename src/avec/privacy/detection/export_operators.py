"""Operator logins in the column of a software export headed "OPÉRATEUR", "UTILISATEUR", "SAISI PAR".

Family (round 14): pharmacy, laboratory and agenda exports print who handled each line in a column
of their own, a login made of an initial glued to the surname ("MTRAN", "CGOMES", "jdurand"):

    DATE        PRODUIT                     QTE  OPERATEUR
    12/07/2024  METFORMINE 1000MG CPR 90      3  MTRAN

The header names the column, so a value is taken as a login without knowing the surname; it must
still look like one (letters, 4 to 25, optional dot or digits at the end) and not be an ordinary
word, a first name, an acronym, a drug or a commune ("AUTO", "SYSTEME", "PHARMACIEN" stay). The
column is found by the header's position (fixed width) or its cell index (pipes, tabs, semicolons);
rows end at the first blank line. Logins are ``NOM``. Hand-written: a layout of exports.
"""

from __future__ import annotations

import re

from avec.privacy.detection.login_tokens import is_plain_word
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# "oper." as well as "operat" (a header "OPÉR." folds to "oper."); "ioa", "agent", "auteur": the
# triage nurse's, the agent's or the writer's column closing an emergency or call-centre listing.
_GATES = ("operat", "oper.", "utilisateur", "saisi par", "valide par", "user", "ioa", "agent", "auteur")
_HEADER = re.compile(
    r"(?i)(?<![\w-])(?:op[ée]rat(?:eur|rice)s?|op[ée]r\.|utilisateurs?|user(?:name)?|"
    r"(?:saisi|valid[ée]|d[ée]livr[ée]|trait[ée])(?:e)?[ \t]+par|ioa|agents?|auteurs?)(?![\w-])"
)
_LOGIN = re.compile(r"[A-Za-z](?:[A-Za-z]|\.(?=[A-Za-z])){3,24}\d{0,3}")
_NOT_LOGINS = frozenset({"admin", "system", "systeme", "batch", "auto", "robot", "interface", "serveur", "import"})
_CELL_SPLIT = re.compile(r"[ \t]*[|;\t][ \t]*")
_MAX_ROWS = 400


def _login(ctx: DetectionContext, token: str) -> bool:
    if not _LOGIN.fullmatch(token) or token.lower() in _NOT_LOGINS:
        return False
    core = token.rstrip("0123456789").replace(".", "")
    return not (is_plain_word(ctx, core) or is_protected_word(core, ctx.protected))


def _lines_after(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of the lines after ``pos`` up to the first blank line."""
    out: list[tuple[int, int]] = []
    while pos < len(text) and len(out) < _MAX_ROWS:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not text[pos:end].strip():
            break
        out.append((pos, end))
        pos = end + 1
    return out


def _cell_rows(ctx: DetectionContext, header: str, index: int, rows: list[tuple[int, int]]) -> list[Span]:
    """Values of cell ``index`` in rows split like the header (pipes, tabs, semicolons)."""
    text = ctx.text
    spans: list[Span] = []
    width = len(_CELL_SPLIT.split(header.strip().strip("|")))
    for start, end in rows:
        line = text[start:end]
        stripped = line.strip().strip("|")
        cells = _CELL_SPLIT.split(stripped)
        if len(cells) != width:
            continue
        value = cells[index].strip()
        if value and _login(ctx, value):
            at = start + line.find(stripped)
            offset = sum(len(c) for c in cells[:index])
            pos = text.find(value, at + offset, end)
            if pos >= 0:
                spans.append(Span(pos, pos + len(value), "NOM", 0.75, "export_operator"))
    return spans


def _fixed_rows(ctx: DetectionContext, column: int, last: bool, rows: list[tuple[int, int]]) -> list[Span]:
    """Values starting near the header's column (or the last token when the column is the last)."""
    text = ctx.text
    spans: list[Span] = []
    for start, end in rows:
        tokens = list(re.finditer(r"\S+", text[start:end]))
        if len(tokens) < 3:
            continue
        pick = None
        if last:  # the last token, if it stands under the header (an empty cell leaves another one last)
            pick = tokens[-1] if tokens[-1].start() >= column - 3 else None
        else:
            near = [t for t in tokens if abs(t.start() - column) <= 3]
            pick = near[0] if len(near) == 1 else None
        if pick is not None and _login(ctx, pick.group()):
            spans.append(Span(start + pick.start(), start + pick.end(), "NOM", 0.75, "export_operator"))
    return spans


@recognizer("export_operator", 82)
def find_export_operators(ctx: DetectionContext) -> list[Span]:
    """Logins in the operator column of a software export."""
    folded = ctx.folded
    if not any(g in folded for g in _GATES):
        return []
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_HEADER, text, folded):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        header = text[line_start:line_end]
        # the header's layout is checked before its rows are read (a word of prose is no header)
        if "|" in header or "\t" in header or header.count(";") >= 2:
            cells = _CELL_SPLIT.split(header.strip().strip("|"))
            if len(cells) < 3:
                continue
            index = next((i for i, c in enumerate(cells) if _HEADER.search(c)), -1)
            rows = _lines_after(text, line_end + 1)
            if index >= 0 and rows:
                spans.extend(_cell_rows(ctx, header, index, rows))
            continue
        # Fixed width: the header holds other column names separated by wide gaps.
        if len(re.findall(r"[ \t]{2,}", header)) < 2:
            continue
        last = not header[m.end() - line_start :].strip()
        spans.extend(_fixed_rows(ctx, m.start() - line_start, last, _lines_after(text, line_end + 1)))
    return spans


# A note signed with the writer's login after an arrow or a dash at the line end: "-> jm.durand".
_ARROW_LOGIN = re.compile(
    r"(?:->|→|—|--|–)[ \t]*(?P<login>[a-z]{1,3}\.(?P<name>[a-z][a-z-]{2,25}))[ \t]*(?=\n|$)", re.MULTILINE
)


@recognizer("signed_login", 82)
def find_signed_logins(ctx: DetectionContext) -> list[Span]:
    """Logins "initials.surname" signing a note after an arrow or a dash, when the surname is a
    known one or is written capitalised elsewhere in the document ("-> jm.durand" ... "Dr Durand")."""
    text = ctx.text
    if not ("->" in text or "→" in text or "—" in text or "--" in text or "–" in text):
        return []
    spans: list[Span] = []
    for m in _ARROW_LOGIN.finditer(text):
        name = m.group("name")
        if is_plain_word(ctx, name) and not ctx.lexicons.is_surname(name):
            continue
        elsewhere = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", text, re.IGNORECASE)
        known = ctx.lexicons.is_surname(name) or (elsewhere is not None and text[elsewhere.start()].isupper())
        if known:
            spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.8, "signed_login"))
    return spans
