"""Names and values in the cells of structured exports that the column rules do not reach.

Three layouts of hospital and social-care exports (round 16):

- ``key;value`` lines, one field per line, as a "champ;valeur" extraction prints them
  ("patient_nom;N'DIAYE", "cp;44600"), and the sign-off row under a CSV table
  ("REMPLI PAR;COUDERC AMELIE (CDS);POSTE 2754;;;"): the key is read by the shared field-name
  classifier (:mod:`field_keys`), the value by :func:`structured.value_spans`;
- a cell holding a surname in capitals and a first name or its bare initial ("FOUCHER Y",
  "LE FLOCH M", "PICARD THOMAS (IDEL SEUL)", "NGUYEN LINH"), under a column no header names:
  the first name may be an ordinary word too ("AMELIE", "CLEMENT"), the surname must not be;
- the same pair opening a line of a capitals listing, after a room or record number, before a
  date, a dash or a column gap ("108 OBERLE RENE - HUS", "  GUERIN CLEMENT 15/04/2019"), and a
  married name's first surname before "EP"/"NEE" ("VASSEUR ep MAGNIER Jocelyne").

Hand-written: the layouts of French exports, which no library reads.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_header, classify_key
from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.structured import value_spans
from avec.privacy.detection.text import fold, fold_key
from avec.privacy.spans import Span

# ---------------------------------------------------------------------------------------------
# key;value lines

_PAIR_LINE = re.compile(
    r"(?m)^[ \t]*(?P<key>[^\W\d_][^;\n]{0,40}?)[ \t]*;[ \t]*(?P<value>[^;\n]*?)[ \t]*(?P<rest>;[^\n]*)?$"
)
# A line of one key and one value (the neighbour that makes a block of pairs).
_BARE_PAIR = re.compile(r"[ \t]*[^\W\d_][^;\n]{0,40};[^;\n]*;*[ \t]*")
# Who filled, checked or handles the export: the value is a person whatever follows it.
_SIGN_KEY = re.compile(
    r"(?:(?:rempli|saisi|redige|etabli|valide|signe|edite|complete|transmis|verifie|controle)e?s? par|"
    r"gestionnaire|redacteur|redactrice|signataire|operat(?:eur|rice)|responsable|referente?|"
    r"cadre(?: de sante)?|interlocut(?:eur|rice)|charge(?:e)? de (?:dossier|suivi)|suivie? par)"
)
_PAIR_KINDS = frozenset(("nom", "prenom", "nom_first", "person", "ZIP", "VILLE", "ADRESSE", "IPP", "NDA", "SECU"))
_PAIR_KINDS |= {"DATE_NAISSANCE", "MAIL"}


def is_sign_key(key: str) -> bool:
    """Who filled, checked or handles an export: "REMPLI PAR", "Gestionnaire", "saisi_par"."""
    return _SIGN_KEY.fullmatch(re.sub(r"[\s_.'’-]+", " ", fold(key)).strip()) is not None


def _pair_kind(key: str) -> str | None:
    kind = classify_key(key)
    if kind is not None:
        return kind
    if is_sign_key(key):
        return "person"
    return None


def _pair_spans(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    spans: list[Span] = []
    if ";" not in text:
        return spans
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for index, line in enumerate(lines):
        if ";" not in line:
            continue
        m = _PAIR_LINE.match(line)
        if m is None or not m.group("value").strip():
            continue
        kind = _pair_kind(m.group("key"))
        if kind not in _PAIR_KINDS:
            continue
        value = m.group("value")
        if classify_header(value) is not None or classify_key(value) is not None:
            continue  # a header row: "nom;prenom", "GESTIONNAIRE;IPP;NOM"
        rest = m.group("rest") or ""
        if rest.strip("; \t"):
            # more cells: only a sign-off row ("GESTIONNAIRE;M. X;POSTE 4471;;;") names its person
            if not (kind == "person" and is_sign_key(m.group("key"))):
                continue
        elif kind not in ("person",):
            near = [lines[j] for j in (index - 1, index + 1) if 0 <= j < len(lines)]
            if not any(_BARE_PAIR.fullmatch(n) for n in near):
                continue  # one pair alone is no field list
        at = starts[index]
        spans.extend(value_spans(ctx, at + m.start("value"), at + m.end("value"), kind, "export_pair"))
    return spans


# "NOM USAGE     : FOURNIER", "NOM USUEL  : X                 NOM NAISS : Y": padded keys of a
# capitals export's identity block, also after a column gap; the key ends at the colon.
_COLON_VALUE = re.compile(r":[ \t]*(?=[A-ZÀ-Ý])")
_KEY_BEFORE = re.compile(r"(?:^|[ \t]{2})(?P<key>[A-Z][A-Z()'’/. ]{1,30}?)[ \t]*\Z", re.M)
_VALUE_END = re.compile(r"[ \t]{2}|\n|$")
_NAME_KINDS = frozenset(("nom", "prenom", "nom_first"))


def _colon_pair_spans(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    spans: list[Span] = []
    for colon in _COLON_VALUE.finditer(text):
        line_start = text.rfind("\n", 0, colon.start()) + 1
        if colon.start() - line_start > 100:
            continue
        key = _KEY_BEFORE.search(text, line_start, colon.start())
        if key is None or classify_key(key.group("key").strip()) not in _NAME_KINDS:
            continue
        end = _VALUE_END.search(text, colon.end())
        stop = end.start() if end else len(text)
        spans.extend(value_spans(ctx, colon.end(), stop, classify_key(key.group("key").strip()) or "", "export_pair"))
    return spans


# ---------------------------------------------------------------------------------------------
# SURNAME + first name or initial in a cell, and at the head of a capitals listing line

_PARTICLE = r"(?:(?:LE|LA|DE|DU|DA|DI|DOS|VAN|BEN|EL|MAC|N['’])[ ]?)?"
_SURNAME = rf"(?P<sur>{_PARTICLE}[{UP}][{UP}'’]+(?:-[{UP}]{{2,}})?)"
_FIRST = rf"(?P<first>[{UP}](?:[{UP}'’]+(?:-[{UP}]{{2,}})?)?)"
# The cell opens after its separator (and one space at most) and closes at the next one.
_CELL = re.compile(rf"{_SURNAME}[ ]{_FIRST}(?P<dot>\.)?(?:[ ]\([^()\n]{{1,24}}\))?[ \t]*(?=[;|,\t]|\n|$)")
_CELL_START = re.compile(rf"[;|,\t][ ]?(?=[{UP}])")
# "POPESCU Florin", "LOUIS-JEUNE Mirlande (7012100476)": capitals then a capitalised word, in a
# mixed-case document, where capitals mark the surname even when the first name is unknown.
_CELL_MIXED = re.compile(
    rf"{_SURNAME}[ ](?P<first>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)(?:[ ]\([^()\n]{{1,24}}\))?[ \t]*(?=[;|,\t]|\n|$)"
)
# A listing line: an optional room or record number, the pair, then a dash, a date or a column gap.
_LINE_HEAD = re.compile(
    rf"(?m)^[ \t]*(?:\d{{1,5}}[ \t]+)?{_SURNAME}[ ]{_FIRST}(?P<dot>\.)?"
    r"(?=[ \t]+[-–][ \t]|[ \t]+\d{1,2}/\d{1,2}/\d{2,4}|[ \t]{2,}\S|[ \t]*$)"
)
# A relative in a capitals cell or note: "FAMILLE (FILS VIDALENC PATRICE)", "FILLE LE BRAS ANNE 06...".
_RELATIVE = re.compile(
    rf"(?<![\w'’-])(?:FILS|FILLE|[ÉE]POUX|[ÉE]POUSE|CONJOINTE?|FR[ÈE]RE|S[OŒ]EUR|NEVEU|NI[ÈE]CE|PETIT-FILS|"
    rf"PETITE-FILLE|BEAU-FILS|BELLE-FILLE|GENDRE|BRU|TUT(?:EUR|RICE)|CURAT(?:EUR|RICE)|VOISINE?)[ ]"
    rf"{_SURNAME}[ ]{_FIRST}(?P<dot>\.)?(?=[ \t]*(?:$|\n|[);,|/]|[ ]\d|[ ][-–(]))"
)
# A married woman's two surnames: "VASSEUR ep MAGNIER", "LABAT EP MARCHAND", "DUJARDIN NEE ...".
_MARRIED = re.compile(
    rf"(?<![\w'’-])(?P<sur>{_PARTICLE}[{UP}][{UP}'’]{{2,}}(?:-[{UP}]{{2,}})?)[ ]"
    rf"(?:ep|EP|[ÉE]P|[EÉ]POUSE|NEE|NÉE|née)\.?[ ](?=[{UP}][{UP}]{{2,}}\b)"
)


def surname_ok(ctx: DetectionContext, sur: str) -> bool:
    """A surname in capitals: no ordinary word, acronym, stop word, lone first name or commune."""
    lex = ctx.lexicons
    last = re.split(r"[ '’]", sur)[-1]
    if len(last) < 3 or is_stop_word(last) or is_protected_word(last, ctx.protected) or is_acronym(last):
        return False
    known = lex.is_surname(last)
    if lex.is_common(last) and not known:
        return False
    if lex.is_first_name(last) and not known:
        return False
    return known or fold_key(last) not in lex.communes


def first_ok(ctx: DetectionContext, sur: str, first: str, dot: bool) -> bool:
    """The word after a surname is its first name: a bare initial, a known first name, or an
    unknown word after a known surname ("NGUYEN LINH")."""
    lex = ctx.lexicons
    last = re.split(r"[ '’]", sur)[-1]
    if len(first) == 1:
        # "FAV G", "PTH D": a side after a medical abbreviation; an initial follows a real surname
        known = lex.is_surname(last)
        return known if first in "GD" else known or (len(last) >= 4 and re.search("[AEIOUYÀ-Ý]", last) is not None)
    if is_protected_word(first, ctx.protected) or is_acronym(first) or is_stop_word(first):
        return False
    if lex.is_first_name(first):
        return True
    # an unknown word after a known surname that is no ordinary word: "NGUYEN LINH"
    return not dot and lex.is_surname(last) and not lex.is_common(last) and not lex.is_common(first)


def _pair(ctx: DetectionContext, m: re.Match[str], source: str) -> list[Span]:
    sur, first = m.group("sur"), m.group("first")
    if not surname_ok(ctx, sur) or not first_ok(ctx, sur, first, bool(m.group("dot"))):
        return []
    return [
        Span(m.start("sur"), m.end("sur"), "NOM", 0.8, source),
        Span(m.start("first"), m.end("dot") if m.group("dot") else m.end("first"), "PRENOM", 0.8, source),
    ]


def _mixed_pair(ctx: DetectionContext, m: re.Match[str]) -> list[Span]:
    sur, first = m.group("sur"), m.group("first")
    lex = ctx.lexicons
    if not surname_ok(ctx, sur) or is_protected_word(first, ctx.protected) or is_acronym(first):
        return []
    if lex.is_common(first) and not lex.is_first_name(first):
        return []
    return [
        Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "export_cell"),
        Span(m.start("first"), m.end("first"), "PRENOM", 0.8, "export_cell"),
    ]


def _row_line(text: str, pos: int) -> bool:
    """The line around ``pos`` is a table row: two separators of one kind (three commas)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)]
    return line.count(";") >= 2 or line.count("|") >= 2 or line.count("\t") >= 2 or line.count(",") >= 3


# The married word is found first (a short literal search), the surname before it then.
_MARRIED_WORD = re.compile(r"[ ](?:ep|EP|[ÉE]P|[EÉ]POUSE|NEE|NÉE|née)\.?[ ]")


def _married(text: str) -> list[re.Match[str]]:
    out = []
    for word in _MARRIED_WORD.finditer(text):
        m = _MARRIED.search(text, max(0, word.start() - 40), word.end() + 40)
        while m is not None and m.end() < word.end():
            m = _MARRIED.search(text, m.end(), word.end() + 40)
        if m is not None and m.end() == word.end():
            out.append(m)
    return out


def _cell_spans(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    spans: list[Span] = []
    for sep in _CELL_START.finditer(text):
        m = _CELL.match(text, sep.end())
        if m is not None and _row_line(text, m.start()):
            spans.extend(_pair(ctx, m, "export_cell"))
        elif not ctx.all_caps and (m := _CELL_MIXED.match(text, sep.end())) and _row_line(text, m.start()):
            spans.extend(_mixed_pair(ctx, m))
    if ctx.all_caps:
        for m in _LINE_HEAD.finditer(text):
            spans.extend(_pair(ctx, m, "export_cell"))
    if ctx.all_caps:
        for m in _RELATIVE.finditer(text):
            spans.extend(_pair(ctx, m, "export_cell"))
    for m in _married(text):
        if surname_ok(ctx, m.group("sur")):
            spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "export_cell"))
    return spans


# A listing headed "NUM  NOM PRENOM ...": the number opening each person's line is theirs (IPP),
# in the table and in the notes below it ("ABSENTS :" then "0376 THOMAS GILBERTE - ...").
_NUMBERED_HEADER = re.compile(r"(?m)^[ \t]*(?:NUM(?:ERO)?|N°|NO)[ \t]{1,4}NOM\b")
_NUMBERED_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<num>\d{{3,10}})[ ]+(?P<sur>{_PARTICLE}[{UP}][{UP}'’]+(?:-[{UP}]{{2,}})?)[ ]"
)


def _numbered_person_spans(ctx: DetectionContext) -> list[Span]:
    header = _NUMBERED_HEADER.search(ctx.text)
    if header is None:
        return []
    return [
        Span(m.start("num"), m.end("num"), "IPP", 0.8, "export_cell")
        for m in _NUMBERED_LINE.finditer(ctx.text, header.end())
        if surname_ok(ctx, m.group("sur"))
    ]


@recognizer("export_cell", 57)
def find_export_cells(ctx: DetectionContext) -> list[Span]:
    """Values of ``key;value`` lines and names in capitals in export cells and listing lines."""
    spans = _pair_spans(ctx) + _cell_spans(ctx)
    if ctx.all_caps:
        spans.extend(_colon_pair_spans(ctx))
        spans.extend(_numbered_person_spans(ctx))
    return spans
