"""Tables (pipes, tabs, semicolons, commas): cells under a "Nom", "Prénom", "Ville"... header.

Headers are read by :func:`avec.privacy.detection.field_keys.classify_header`, the classifier that
also reads the keys of structured fields.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_header
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.number_repeats import repeated_numbers
from avec.privacy.detection.organisation_values import organisation_cell
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.structured import is_commune, value_spans
from avec.privacy.detection.table_codes import cell_codes
from avec.privacy.detection.table_dates import column_date_spans, date_column_kind
from avec.privacy.detection.table_rows import identity_row_spans, initials_spans, key_parts, row_key, row_keyed_lines
from avec.privacy.detection.table_staff import dated_rows, married_parts, row_note, sign_off, staff_code
from avec.privacy.spans import Span

# A cell opening with a title or an initial holds a value: its line is no header row
# ("Prescripteur<TAB>Dr PETIT Claire<TAB>Préleveur<TAB>J. Lacombe" is a row of label/value pairs).
_VALUE_CELL = re.compile(r"\s*(?:Dr|Pr|Mme|Mlle|M|[A-Z])\.?\s+[A-Z]")
_DIGIT = re.compile(r"\d")
_HEADER_DIGIT = re.compile(r"(?<![A-Za-z_\d])\d")
# A header numbering repeated measures: "INR 1", "Dose 2", "Contact 1" (a value cell is no such word).
_COUNTED_HEADER = re.compile(r"[^\W\d_][^\W\d_ .'’-]{1,15}[ ]\d{1,2}")
# Digits of a value (a number, a date, a time), never in a header row
_VALUE_DIGITS = re.compile(r"\d{3}|\d[/:.,h]\d")
# The last comma-separated part of an address cell, when it looks like a commune name.
_TRAILING_TOWN = re.compile(
    r",\s*((?!(?:B[âa]t|Appt?|Esc|[ÉE]tage|R[ée]sidence|Porte|Lot|BP|CS|Cedex)\b)[A-ZÀ-Ý][^\d,;()]{1,40}?)\s*$"
)
# An address cell closing on its postal code and commune (round 18: 7 tables of 7 writers marked the
# three apart, as the conventions do; the whole cell was one address; the numbers fixer found the
# same in 17 cells of 7 older sets, and a postcode spaced '75 013').
_TRAILING_POSTCODE = re.compile(
    r"(?:^|[ \t,])(?P<zip>(?<!\d)(?:\d{5}|\d{2} \d{3}))(?!\d)[ \t]+(?P<town>[A-ZÀ-Ý][^\d,;()|]{0,40}?)"
    r"(?:[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?)?[ \t]*$"
)
_WHOLE_NAME = re.compile(r"[^\W\d_]+(?:[ '’\-][^\W\d_]+)*(?: ?/ ?[^\W\d_]+(?:[ '’\-][^\W\d_]+)*)?")
# A title opening a cell: "Mme Khadija Ouali", "Dr Paul-Henri MARCHAL".
_CELL_TITLE = re.compile(r"(?i)(?:dr|pr|m|mme|mlle|me|monsieur|madame|docteur)\.?\s+")


def _person_cell(lex: Lexicons, cell: str, all_caps: bool) -> bool:
    """A "Nom" column's cell that holds a whole person, not one surname of several words: a title
    opens it ("Mme Khadija Ouali"), capitals mark the surname beside a capitalised first name
    ("Camille LE FLOCH", "LOPES Carla"), or it opens with a first name that is no surname
    ("Thibault Ngo"). Such a cell is read word by word, titles outside, first name apart."""
    if _CELL_TITLE.match(cell):
        return True
    words = [w for w in re.split(r"\s+", cell) if w]
    if len(words) < 2 or all_caps:
        return False
    caps = [len(w) > 1 and w.isupper() for w in words]
    if any(caps) and not all(caps) and any(w[:1].isupper() and not w.isupper() and lex.is_first_name(w) for w in words):
        return True
    first = words[0]
    return (
        first[:1].isupper()
        and first[1:].islower()
        and lex.is_first_name(first)
        and not lex.is_surname(first)
        and not lex.is_common(first)
    )


# The rule under a header row of a text table: "|-----|:----|", "------+------".
_RULE_LINE = re.compile(r"[ \t]*[|+]?[ \t]*:?-{3,}[-|+: \t]*")
# The first words of a destination cell, up to a "+", a bracket, a dash or a comma.
_LEADING_PLACE = re.compile(r"[^\W\d_][\w'’-]*(?:[ ][^\W\d_][\w'’-]*){0,3}?(?=[ \t]*(?:$|[+(,;/]|[ ][-–][ ]))")
# Cells that say the value is the same as above, unknown or missing.
_NO_VALUE = re.compile(
    r"(?i)idem|id\.|ditto|m[êe]me(?: adresse)?|inconnue?|non renseign[ée]e?|nc|nr|n[ée]ant|sdf|sans domicile(?: fixe)?"
)
_LONE_ACRONYM = re.compile(r"[A-Z]{2,5}")
# Five capitals alternating like a surname ("FAVRE", "GIRON"): consonant-vowel-consonant runs.
_NAME_LIKE_CAPS = re.compile(r"(?:[B-DF-HJ-NP-TV-Z]{1,2}[AEIOUY]{1,2}){2}[B-DF-HJ-NP-TV-Z]?[AEIOUY]?")
# A directory login ("aschmitt", "mo.kleinweber", "ipopescu2") and an initial glued to a surname.
_LOGIN_CELL = re.compile(r"[a-z][a-z'-]*[._]?[a-z'-]{3,30}\d{0,2}")
_GLUED_INITIAL = re.compile(r"[A-Z]\.[A-Z][A-Za-zÀ-ÿ'’-]{2,}")
# A person's cell closed by a commune after a spaced dash: "LEBRETON - CANCALE", "Dr Kerhoas – Lannion".
_PERSON_TOWN = re.compile(r"[^\d]+? [-–] ([^\W\d_][^\d()]{1,40})")
# A login alone in a person's column: lower case, one piece, an initial or two glued to a name.
_STAFF_LOGIN = re.compile(r"[a-z]{1,2}[.]?[a-z][a-z'-]{3,20}\d{0,2}")
# A column of surnames or their initials: "Nom / initiale", "NOM (ou initiale)".
_SURNAME_HEADER = re.compile(r"(?i)\bnoms?\b")
_SURNAME_INITIAL = re.compile(r"[A-ZÀ-Ý]\.?")
# "INTERV" beside a "DIAG" (or indication, act) column: the intervention planned, not who intervenes.
_PROCEDURE_HEADER_ROW = re.compile(r"(?i)(?<![\w])(?:diag(?:nostic)?s?|indications?|actes?|gestes?)\.?(?![\w])")
_SHORT_INTERV = re.compile(r"(?i)interv\.?")
_QUOTED_CELL = re.compile(r'[ \t]*"((?:[^"]|"")*)"[ \t]*(?=,|$)|([^,]*)')


_CLOSING_INITIAL = re.compile(r"[ ]([A-ZÀ-Ý]\.?)[ \t]*")


# A cell opening on a title: "Mme Léa Baudry", "Dr Paul-Henri MARCHAL".
_TITLED_CELL = re.compile(r"(?:Dr|Pr|M|Mme|Mlle|Monsieur|Madame|Docteur)\.?[ \t]+[A-ZÀ-Ý]")
# A capitalised word, then words in capitals: "Hélène ROBIN", "Anne-Sophie LE GALL".
_FIRST_THEN_CAPS = re.compile(
    r"(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)[ \t]+[A-ZÀ-Ý]{2,}(?:[ '’-][A-ZÀ-Ý]+)*"
)


def _full_name_cell(ctx: DetectionContext, cell: str) -> bool:
    """A cell of a "Nom" column holding a whole person, which the name rules split (a title, or a
    known first name before a surname in capitals); a surname alone stays one span."""
    if ctx.all_caps:
        return False
    if _TITLED_CELL.match(cell):
        return True
    m = _FIRST_THEN_CAPS.fullmatch(cell)
    return m is not None and ctx.lexicons.is_first_name(m.group("first"))


def _is_plain(ctx: DetectionContext, token: str) -> bool:
    """An ordinary word, a first name or a protected term: no login ("absente", "pascal", "doliprane")."""
    lex = ctx.lexicons
    return lex.is_common(token) or lex.is_first_name(token) or is_protected_word(token, ctx.protected)


def _wordy(cell: str) -> bool:
    """A bare cell with more than three spaces between words (a sentence, not a value)."""
    return cell.count(" ") > 3 and any(c.isalpha() for c in cell)


def _comma_cells(line: str) -> list[tuple[int, int]] | None:
    """Cells of a comma-separated line ("quoted","values" or short bare values), else None."""
    if line.count(",") < 2:
        return None
    quoted = line.lstrip().startswith('"') and '","' in line
    # an export row whose first cells are bare numbers: 1,06:45,"DUPONT Jean","Kerhuel","Lannion",...
    quoted = quoted or (line.count(',"') >= 2 and line.count('",') >= 2 and '","' in line)
    bounds = []
    bare = []  # cells without quotes: a quoted cell may hold a sentence ("charge en soins trop lourde")
    pos = 0
    while pos <= len(line):
        m = _QUOTED_CELL.match(line, pos)
        if m is None:
            return None
        a, b = m.span(1) if m.group(1) is not None else m.span(2)
        bounds.append((a, b))
        if m.group(1) is None:
            bare.append((a, b))
        pos = m.end()
        if pos >= len(line) or line[pos] != ",":
            break
        pos += 1
    if pos < len(line):
        return None
    # Spaces count only in cells with letters: a phone cell "02 98 79 12 88" is no sentence.
    if not quoted and any(b - a > 40 or ". " in line[a:b] or _wordy(line[a:b]) for a, b in bare):
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


def _inner_cells(line: str, bounds: list[tuple[int, int]]) -> list[str]:
    """The cells of a row, without the empty cell before a leading edge pipe ("| key | value |")."""
    cells = [line[a:b] for a, b in bounds]
    return cells[1:] if len(cells) > 2 and not cells[0].strip() and line.lstrip().startswith("|") else cells


def _row_keyed(lines: list[str], parsed: list[tuple[str, list[tuple[int, int]]] | None]) -> set[int]:
    """Indexes of the lines of tables read by rows (:func:`table_rows.row_keyed_lines`)."""
    out: set[int] = set()
    block: list[tuple[int, list[str]]] = []
    block_sep = ""
    for i, (line, p) in enumerate([*zip(lines, parsed, strict=True), ("", None)]):
        if p is not None and (not block or p[0] == block_sep):
            block.append((i, _inner_cells(line, p[1])))
            block_sep = p[0]
            continue
        if p is None and block and block_sep == "|" and _RULE_LINE.fullmatch(line):
            continue  # "+-----+-----+" between two groups of rows of one framed table
        if len(block) >= 2:
            out |= row_keyed_lines(block)
        block = [(i, _inner_cells(line, p[1]))] if p is not None else []
        block_sep = p[0] if p is not None else ""
    return out


def _keyed_row_spans(ctx: DetectionContext, offset: int, line: str, bounds: list[tuple[int, int]]) -> list[Span]:
    """The values of a row whose first cell is a key ("IPP | 00412587 | 00412857")."""
    if len(bounds) > 2 and not line[bounds[0][0] : bounds[0][1]].strip():
        bounds = bounds[1:]  # "| Nom de naissance | ROSE |": the edge pipe opens no cell
    kind = row_key(line[bounds[0][0] : bounds[0][1]])
    if kind is None:
        return []  # "Statut INS | qualifiée": a row of no identifier
    spans: list[Span] = []
    parts = key_parts(line[bounds[0][0] : bounds[0][1]])
    for a, b in bounds[1:]:
        cell = line[a:b]
        if parts and cell.count("/") == len(parts) - 1:  # "IPP / venue | 22-0184452 / V2506170331"
            at = offset + a
            for part_kind, piece in zip(parts, cell.split("/"), strict=True):
                spans.extend(value_spans(ctx, at, at + len(piece), part_kind, "table"))
                at += len(piece) + 1
            continue
        spans.extend(value_spans(ctx, offset + a, offset + b, kind, "table"))
    return spans


# A facility where an address column expects a street (round 19): left to the facility recognizer.
_FACILITY_OPENING = re.compile(
    r"(?i)(?:CHU|CHR|CHI|CHS|CH|GHU?|HAD|SSR|SMR|USLD|EHPAD|IME|FAM|MAS|CLINIQUE|POLYCLINIQUE|H[OÔ]PITAL|"
    r"CENTRE HOSPITALIER|FOYER|MAISON DE RETRAITE)\b(?! ?\d)"
)


@recognizer("table", 83)
def find_table_cells(ctx: DetectionContext) -> list[Span]:
    """Cells of table columns whose header names an identifier."""
    text, lex = ctx.text, ctx.lexicons
    if "|" not in text and "\t" not in text and ";" not in text and "," not in text:
        return []
    spans: list[Span] = []
    columns: dict[int, str] = {}
    headers: dict[int, str] = {}
    table_sep = ""
    offset = 0
    lines = text.split("\n")
    parsed_lines = [_cells(line) for line in lines]
    by_rows = _row_keyed(lines, parsed_lines)
    for index, (line, parsed) in enumerate(zip(lines, parsed_lines, strict=True)):
        if parsed is not None and index in by_rows:
            columns = {}
            spans.extend(_keyed_row_spans(ctx, offset, line, parsed[1]))
        elif parsed is None:
            if not (columns and (_RULE_LINE.fullmatch(line) or (table_sep == "|" and row_note(line)))):
                columns = {}  # "+-----+-----+" under a framed header row: the columns go on
        else:
            sep, bounds = parsed
            cells = [line[a:b] for a, b in bounds]
            found: dict[int, str] = {}
            # Header rows hold no digits but a field's own number ("contact1;tel_contact1").
            no_digit = _HEADER_DIGIT.search(line) is None or all(
                _COUNTED_HEADER.fullmatch(c.strip()) for c in cells if _DIGIT.search(c)
            )
            # a header row over its "|----|" rule may count words ("Autoris. 2 parents"), never hold a value
            no_digit = no_digit or (
                index + 1 < len(lines)
                and _RULE_LINE.fullmatch(lines[index + 1]) is not None
                and _VALUE_DIGITS.search(line) is None
            )
            if no_digit:
                for i, c in enumerate(cells):
                    if kind := classify_header(c) or date_column_kind(c):
                        found[i] = kind
            if found and _PROCEDURE_HEADER_ROW.search(line):
                found = {i: k for i, k in found.items() if not _SHORT_INTERV.fullmatch(cells[i].strip())}
            filled = [i for i, c in enumerate(cells) if c.strip()]
            pair = len(filled) == 2 and filled[0] in found and filled[1] not in found  # "Nom<TAB>DUPONT"
            if pair and index + 1 < len(lines) and _RULE_LINE.fullmatch(lines[index + 1]):
                pair = False  # "| Nom / Prénom | Fonction |" over a "|---|---|" rule: a header row
            if "staff" in found.values():  # a role heads a column only atop its block or above a rule
                atop = index == 0 or parsed_lines[index - 1] is None
                ruled = index + 1 < len(lines) and _RULE_LINE.fullmatch(lines[index + 1]) is not None
                found = {i: ("auto" if k == "staff" else k) for i, k in found.items() if k != "staff" or atop or ruled}
            if set(found.values()) <= {"movement", "DATE", "DATE_NAISSANCE"} and not dated_rows(found, cells):
                found = {}  # a destination or a date column alone makes no identity table
            # three header cells or more make a header even beside a "N PV/PROC" that looks like "M DUPONT"
            if found and not pair and (len(found) >= 3 or not any(_VALUE_CELL.match(c) for c in cells)):
                columns, table_sep = found, sep
                headers = {i: cells[i] for i in found}
            elif not columns:  # a row of no table header: "22:51 | NGUYEN Thi Lan | née le ... | IPP ..."
                spans.extend(identity_row_spans(ctx, offset, line, bounds))
            elif columns and sep == table_sep and not re.fullmatch(r"[\s|:\-+\t;]*", line) and not sign_off(cells):
                for i, kind in columns.items():
                    if i >= len(bounds):
                        continue
                    a, b = bounds[i]
                    cell = line[a:b]
                    stripped = cell.strip()
                    if not stripped:
                        continue
                    start = offset + a + (len(cell) - len(cell.lstrip()))
                    if kind in ("auto", "initials", "nom_first"):
                        initials = initials_spans(cell, offset + a, headers.get(i, ""))
                        surname_or_initial = kind == "initials" and _SURNAME_HEADER.search(headers.get(i, ""))
                        if initials or (kind == "initials" and not surname_or_initial):
                            spans.extend(initials)  # "D.L.", "GH-R", "FDS", "G Roy"
                            continue
                        if surname_or_initial:  # "Nom / initiale": "JEUNET" or "R."
                            if _SURNAME_INITIAL.fullmatch(stripped):
                                spans.append(Span(start, start + len(stripped), "NOM", 0.9, "table"))
                                continue
                            kind = "nom"
                    if kind in ("DATE", "DATE_NAISSANCE"):
                        spans.extend(column_date_spans(stripped, start, kind))
                        continue
                    if kind == "movement":
                        place = _LEADING_PLACE.match(stripped)
                        if place and is_commune(ctx, place.group(0)):  # "MOISSAC", "NEGREPELISSE + HAD ..."
                            spans.append(Span(start, start + place.end(), "VILLE", 0.85, "table"))
                        continue  # a facility is left to the facility recognizer, "DOMICILE" is no place
                    if kind == "SECU":
                        if sum(ch.isdigit() for ch in stripped) >= 11:
                            spans.append(Span(start, start + len(stripped), "SECU", 0.9, "table"))
                        continue
                    if kind in ("IPP", "NDA") and not re.search(r"\d{3}", stripped):
                        continue
                    if kind in ("IPP", "NDA") and (codes := cell_codes(stripped)) is not None:
                        spans.extend(Span(start + a, start + b, kind, 0.9, "table") for a, b in codes)
                        continue  # "ROUX Léa / D25-004871": the code, the name is left to the name rules
                    if _NO_VALUE.fullmatch(stripped):
                        continue  # "idem", "inconnue", "NC": the cell repeats or lacks its value
                    if kind == "ADRESSE" and _FACILITY_OPENING.match(stripped):
                        continue  # "EHPAD La Pousterle", "CH DE GUERET" where a pick-up address is asked
                    postal = _TRAILING_POSTCODE.search(stripped) if kind == "ADRESSE" else None
                    if postal:  # "5 impasse des Cigales, 34500 Béziers": street, postal code and commune apart
                        street_end = len(stripped[: postal.start()].rstrip(" \t,–—-"))
                        if street_end:
                            spans.append(Span(start, start + street_end, "ADRESSE", 0.9, "table"))
                        spans.append(Span(start + postal.start("zip"), start + postal.end("zip"), "ZIP", 0.9, "table"))
                        town_span = (start + postal.start("town"), start + postal.end("town"))
                        spans.append(Span(*town_span, "VILLE", 0.85, "table"))
                        continue
                    town = _TRAILING_TOWN.search(stripped) if kind == "ADRESSE" else None
                    if town:  # "8 rue des Écoles, La Crèche": the street, then the commune
                        spans.append(Span(start, start + town.start(), "ADRESSE", 0.9, "table"))
                        spans.append(Span(start + town.start(1), start + town.end(1), "VILLE", 0.85, "table"))
                        continue
                    if kind == "login":
                        if _LOGIN_CELL.fullmatch(stripped) and not lex.is_common(stripped):
                            spans.append(Span(start, start + len(stripped), "NOM", 0.9, "table"))
                        continue  # "aschmitt", "mo.kleinweber": a login built from the person's name
                    if kind == "auto" and _GLUED_INITIAL.fullmatch(stripped):
                        spans.append(Span(start, start + len(stripped), "NOM", 0.9, "table"))
                        continue  # "A.SABATIER" under "Validé par": an initial glued to the surname
                    if kind == "auto" and _STAFF_LOGIN.fullmatch(stripped) and not _is_plain(ctx, stripped):
                        spans.append(Span(start, start + len(stripped), "NOM", 0.85, "table"))
                        continue  # "rlemoal" under "SF" or "Saisi par": a login built from the name
                    if kind in ("VILLE", "ADRESSE", "ZIP", "IPP", "NDA"):
                        spans.append(Span(start, start + len(stripped), kind, 0.9, "table"))
                        continue
                    if kind == "nom" and _full_name_cell(ctx, stripped):
                        kind = "auto"  # "Mme Léa Baudry", "Hélène ROBIN" under "Nom": first name and surname
                    if (
                        kind == "nom"
                        and _WHOLE_NAME.fullmatch(stripped)
                        and len(stripped.replace("/", " ").split()) <= 4
                        and not _person_cell(lex, stripped, ctx.all_caps)
                    ):
                        if not all(is_protected_word(w, ctx.protected) for w in stripped.split()):
                            # "THOMAS NEE MARTIN": two surnames, the word between them is none
                            spans.extend(
                                Span(start + a, start + b, "NOM", 0.92, "table") for a, b in married_parts(stripped)
                            )
                        continue  # a surname column: the whole cell ("NGUYEN VAN", "DE LA ROCHE")
                    if (
                        kind == "auto"
                        and _LONE_ACRONYM.fullmatch(stripped)
                        and not (lex.is_surname(stripped) or lex.is_first_name(stripped))
                        and not (
                            _NAME_LIKE_CAPS.fullmatch(stripped)
                            and not lex.is_common(stripped)
                            and not is_protected_word(stripped, ctx.protected)
                        )
                    ):
                        if staff_code(ctx, stripped):  # "RLG", "MH" under "IDE": the writer's initials
                            spans.append(Span(start, start + len(stripped), "NOM", 0.85, "table"))
                        continue  # "IDEC" in a "Signé" column is a role
                    town = _PERSON_TOWN.fullmatch(stripped) if kind in ("auto", "nom", "nom_first") else None
                    if town and is_commune(ctx, town.group(1)):  # "LEBRETON - CANCALE": the doctor, his commune
                        spans.append(Span(start + town.start(1), start + town.end(1), "VILLE", 0.85, "table"))
                    pos = start
                    title = _CELL_TITLE.match(stripped)
                    if title:
                        pos += title.end()
                    if not title and organisation_cell(lex, text, pos):
                        continue  # "| Pharmacie du Bourg, Pessac |" under "Nom": left to the facility rules (round 18)
                    words = [w for w in scan_run(text, pos, lex, allow_lower=True, max_words=4) if w.end <= offset + b]
                    if not words:
                        continue
                    hint = {"nom_first": "nom"}.get(kind, kind)
                    if title:
                        hint = "title"
                    spans.extend(to_spans(text, label_run(words, lex, hint, ctx.all_caps), 0.92, "table"))
                    # "SAINT-JEAN A", "HADDAD K": the bare initial closing a person's cell is the first name
                    if initial := _CLOSING_INITIAL.fullmatch(text, words[-1].end, offset + b):
                        spans.append(Span(initial.start(1), initial.end(1), "PRENOM", 0.9, "table"))
        offset += len(line) + 1
    return spans + repeated_numbers(text, spans, "table")
