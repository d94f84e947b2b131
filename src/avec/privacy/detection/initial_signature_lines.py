"""Initials of staff members signing or named in letters, e-mails and notes (round 16):

- an initial and a surname alone on the line under a job title: "La responsable du pôle\\n
  T. HAMMOUDI", "P/Le Directeur de la MDPH\\nM. GRANIER-VIDAL" ("M." is then an initial: no one
  signs "Monsieur" under a job title);
- "M." and a surname after a closing formula, quoted or on the same line ("> Bien à vous,\\n>
  M. Etchegaray – service paie", "> Cordialement, M. Kerjean – 04 ..."), or closing the message
  after a sentence or a dash ("... avec accord. M. Le Floch", "-- M. Vidal");
- "M." and a surname in brackets or after a colon in an author slot ("Notes AS (M. Roux)",
  "Validé par cadre d'astreinte : M. Lenoir", "Rédactrice : M. Féval (secrétariat)"), after an
  author's verb and "par" before a job or a bracket ("Fiche remplie par M. Texier, IDE"), or
  before a job abbreviation in a list of signatures ("Rédigé par M. Texier AP / L. Morvan SF");
- two initials in capitals and a surname after a closing or a sentence ("> Bien
  confraternellement,\\n> PY Caudron – médecin", "Merci. M-D Antonetti – 06 ...");
- an initial after a first name, before a job, a colon, a slash, a cell or line end or a verb of
  presence ("Sabrina K. IDE |", "Yanis B. : 1re séance", "théo R. absent", "ide nuit : carole d. /"):
  the surname's initial, a ``NOM``;
- initials alone on the last line ("JB L.", "> O. K."), a lower-case initial and surname signing
  the last line ("c. hamdani") or after a care job ("sf m. le goff").

Hand-written: no library reads these layouts.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.medical_vocab import is_acronym
from avec.privacy.detection.name_scan import LOW, UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_SURNAME = (
    rf"(?:(?:[Dd][eua]|D[EUA]|[Ll][ea]|L[EA]|[Dd]os|DOS|[Vv]an|VAN|[Dd]el|DEL|[Ee]l|EL|[Bb]en|BEN)[ \t])?"
    rf"[{UP}][{LOW}{UP}'’]+(?:-[{UP}][{LOW}{UP}'’]+)*"
)
# A job title line: "La responsable de la cellule", "P/Le Président de la CDAPH", "L'Officier de ...".
_TITLE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:P/|P\.O\.?[ \t]|Pour[ \t])?[ \t]*(?:Le|La|L['’])[ \t]*[{UP}{LOW}][^\n\d:;|]{{2,60}}?,?[ \t]*\n"
    rf"[ \t]*(?P<ini>[{UP}]\.(?:-[{UP}]\.)?)[ \t]?(?P<name>{_SURNAME})[ \t]*$"
)
# An author slot (a note's writer, a validation), a job maybe, then "M." and a surname in brackets
# or after a colon: "Notes AS (M. Roux)", "Validé par cadre d'astreinte : M. Lenoir" ("kiné (M. X)"
# or "cadre de santé : M. X" alone are "Monsieur" as often, and left).
_AUTHOR_THEN_M = re.compile(
    r"(?<![\w-])(?i:notes?|valid[ée]e?[ \t]+par|r[ée]dig[ée]e?[ \t]+par|saisie?[ \t]+par|transmise?[ \t]+par|"
    r"r[ée]dact(?:rice|eur)|sign[ée]e?)"
    rf"[^\n:()]{{0,30}}?(?:\([ \t]*|:[ \t]*)(?P<ini>M\.)[ \t]?(?P<name>{_SURNAME})(?=[ \t]*(?:[)(]|\n|$))"
)
# "Fiche remplie par M. Texier, IDE", "saisie par M. Roux (accueil)": an author and a job or a bracket.
_AUTHOR_BY_M = re.compile(
    r"(?<![\w'’-])(?i:remplie?|r[ée]dig[ée]e?|saisie?|valid[ée]e?|transmise?|sign[ée]e?)[ \t]+par[ \t]+"
    rf"(?P<ini>M\.)[ \t]?(?P<name>{_SURNAME})(?=[ \t]*(?:\(|,[ \t]*[{UP}]{{2,}}(?![\w'’-])))"
)
# A quoted or plain closing, then "M." and a surname and the line's end or a dash.
_CLOSING = (
    r"(?i:cordialement|bien[ \t]+à[ \t]+vous|salutations|bonne[ \t]+journ[ée]e|merci|confraternellement|"
    r"amicalement)"
)
_CLOSING_THEN_M = re.compile(
    rf"{_CLOSING}[ \t]*[.,!]?(?:[ \t]*\n(?:[ \t]*>?[ \t]*\n)*[ \t]*>|[ \t]+)[ \t]*"
    rf"(?P<ini>M\.)[ \t]?(?P<name>{_SURNAME})(?=[ \t]*(?:\n|$|[–—-][ \t]))"
)
# Two initials in capitals and a surname signing after a closing or a sentence:
# "> Bien confraternellement,\n> PY Caudron – médecin", "Merci. M-D Antonetti – 06 ...".
_DOUBLE_INITIAL_SIGNATURE = re.compile(
    rf"(?:{_CLOSING}[ \t]*[.,!]?[ \t]*(?:\n[ \t]*>?[ \t]*)+|(?<=\w\w)[.!?][ \t]+)"
    rf"(?P<ini>[{UP}]{{2}}|[{UP}]-[{UP}])[ \t]+(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
    r"(?=[ \t]*(?:[–—-][ \t]|,|\n|$))"
)
# "M." and a surname (or an initial) closing the whole text after a sentence or a dash.
_M_LAST = re.compile(
    rf"(?:[.!?][ \t]+|--[ \t]*|—[ \t]*)(?P<ini>M\.)[ \t]?(?P<name>{_SURNAME}|[{UP}]\.)[ \t]*\.?\s*\Z"
)
# "Rédigé par M. Texier AP / L. Morvan SF", "M. Lesage — C. Fouquet": "M." in a list of signatures
# by initial, after it.
_M_JOB_LIST = re.compile(
    rf"(?<![\w.])(?P<ini>M\.)[ \t]?(?P<name>{_SURNAME})(?:[ \t]+(?:AP|AS|SF|IDE|AES|ASH|IPDE|EJE|ES|ME))?"
    rf"[ \t]*(?:[/&–—]|,(?=[ \t]*(?!M\.)[{UP}]\.[ \t]?[{UP}][{LOW}]))[ \t]*[{UP}]\.[ \t]?[{UP}]"
)
# Or before it: "Dr E. Le Goff – M. Kerhervé, ergothérapeute".
_M_AFTER_SIGNATURE = re.compile(
    rf"(?<![\w.])[{UP}]\.[ \t]?{_SURNAME}[ \t]*[/&–—][ \t]*(?P<ini>M\.)[ \t]?(?P<name>{_SURNAME})"
    r"(?=[ \t]*(?:,|\n|$))"
)
# A first name, an initial, then a job, a colon, a slash, a cell's or line's end or a verb of
# presence: the surname's initial (a lower-case initial only before a slash, a colon or the end).
_FIRST_INITIAL = re.compile(
    rf"(?<![\w'’.-])(?P<first>[{UP}{LOW}][{LOW}]+(?:-[{UP}{LOW}][{LOW}]+)?)[ \t]"
    r"(?P<ini>[A-ZÀ-Ý]\.|[a-z]\.(?=[ \t]*[/:\n]|$))"
    r"(?=[ \t]*(?::|\||/|\n|$|(?:IDE|AS|AES|ASH|SF|AP|IDEL|IDEC|ES|ME|EJE|kin[ée]|cadre)(?![\w'’-])"
    r"|[ \t](?:absente?|revenue?|tomb[ée]e?|venue?|parti|partie|arriv[ée]e?|a|est)(?![\w'’-])))"
)
# Initials alone on the last line: "JB L.", "> O. K.".
_LAST_INITIALS = re.compile(
    rf"\n[ \t]*>?[ \t]*(?P<ini>[{UP}]{{1,2}}\.?|[{UP}]\.-?[{UP}]\.)[ \t]?(?P<name>[{UP}]\.)[ \t]*\s*\Z"
)
# A lower-case initial and surname alone on the last line ("c. hamdani"), or after a care job
# ("adressée par sf m. le goff").
_LOWER_SURNAME = rf"(?:(?:le|la|de|du|da|van|el|ben)[ \t])?[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_LOWER_LAST = re.compile(rf"\n[ \t]*(?P<ini>[a-z]\.)[ \t]?(?P<name>{_LOWER_SURNAME})[ \t]*\s*\Z")
_LOWER_JOB = re.compile(
    rf"(?<![\w'’-])(?:sf|ide|idel|as|aes|ash|kin[ée]|ergo|psy|cadre|puer|pu[ée]r|orthophoniste|sage-femme)"
    rf"[ \t]+(?P<ini>[a-z]\.)[ \t]?(?P<name>{_LOWER_SURNAME})(?![\w'’.-])"
)


# A short word alone on the last line after a sentence or a closing word: a nickname signing
# ("reste RAS.\nkev", "bisous Sab"); two or three capitals after a sentence: initials ("... informée. GLB").
_LAST_WORD = re.compile(
    r"(?:(?:(?<=\w\w)\.|[!?…])[ \t]*\n[ \t]*"
    r"|(?i:bisous|biz|merci|bonne[ \t]+(?:soir[ée]e|journ[ée]e|nuit))[ \t]*[!.,]*[ \t]+)"
    rf"(?P<name>[{UP}]?[{LOW}]{{2,9}})[ \t]*\s*\Z"
)
# (The full stop must close a word of two letters or more: "e. BO" is a list item, no sentence.)
_LAST_CAPS_INITIALS = re.compile(
    rf"(?:(?:(?<=\w\w)\.|[!?])[ \t]+|(?:^|\n)[ \t]*—[ \t]*)(?P<name>[{UP}]{{2,3}})[ \t]*\s*\Z"
)
# Closing abbreviations and short words that end a note: never a signature.
_CLOSING_WORDS = frozenset(
    ["cdt", "cdlt", "slt", "bjr", "bsr", "thx", "tks", "amts", "bises", "ras", "ok", "fin", "vu"]
)


def _signature_word(ctx: DetectionContext, word: str) -> bool:
    """A nickname signing: no ordinary word, closing abbreviation, acronym, commune or stop word."""
    lex = ctx.lexicons
    key = word.lower()
    if key in _CLOSING_WORDS or lex.is_common(word) or not may_be_name(ctx, word) or is_acronym(word):
        return False
    return fold_key(word) not in lex.communes or lex.is_first_name(word)


# Two capitals that are titles or abbreviations, not initials: "DR Martin", "NB Dupont".
_NOT_INITIALS = frozenset(["DR", "PR", "MR", "ME", "OK", "NB", "PS", "CC", "RE", "TR", "PJ", "CR"])
_CLOSED_AFTER = re.compile(r"[ \t]*(?:[(,;:\n]|$)")


def _span(m: re.Match[str], group: str, label: str) -> Span:
    return Span(m.start(group), m.end(group), label, 0.65, "initial_line")


def _surname_ok(ctx: DetectionContext, name: str) -> bool:
    """The surname part: a word that may be a name (no stop word, drug, acronym or country)."""
    core = name.split()[-1]
    return may_be_name(ctx, core)


def _last_line_signatures(ctx: DetectionContext) -> list[Span]:
    """A nickname or capital initials signing the end of the text."""
    text = ctx.text
    spans: list[Span] = []
    tail = _LAST_WORD.search(text, max(0, len(text) - 40))
    if tail and _signature_word(ctx, tail.group("name")):
        spans.append(_span(tail, "name", "PRENOM"))
    tail = _LAST_CAPS_INITIALS.search(text, max(0, len(text) - 40))
    if tail and not is_acronym(tail.group("name")):
        spans.append(_span(tail, "name", "NOM"))
    return spans


@recognizer("initial_line", 58)
def find_initial_signature_lines(ctx: DetectionContext) -> list[Span]:
    """Initials of staff members signing or named (see the module docstring)."""
    text = ctx.text
    spans = _last_line_signatures(ctx)
    for m in prefixed_finditer(_DOUBLE_INITIAL_SIGNATURE, text, ctx.folded):
        letters = m.group("ini").replace("-", "")
        if letters not in _NOT_INITIALS and not is_acronym(letters) and _surname_ok(ctx, m.group("name")):
            spans.append(_span(m, "ini", "PRENOM"))
            spans.append(_span(m, "name", "NOM"))
    if "." not in text:
        return spans
    for m in _TITLE_LINE.finditer(text):
        if _surname_ok(ctx, m.group("name")):
            spans.append(_span(m, "ini", "PRENOM"))
            spans.append(_span(m, "name", "NOM"))
    if "M." in text:
        for rx in (_AUTHOR_THEN_M, _AUTHOR_BY_M, _CLOSING_THEN_M, _M_JOB_LIST, _M_AFTER_SIGNATURE):
            keyword_led = rx is not _M_JOB_LIST and rx is not _M_AFTER_SIGNATURE
            for m in prefixed_finditer(rx, text, ctx.folded) if keyword_led else rx.finditer(text):
                if _surname_ok(ctx, m.group("name")):
                    spans.append(_span(m, "ini", "PRENOM"))
                    spans.append(_span(m, "name", "NOM"))
        last = _M_LAST.search(text, max(0, len(text) - 80))
        if last and (last.group("name").endswith(".") or _surname_ok(ctx, last.group("name"))):
            spans.append(_span(last, "ini", "PRENOM"))
            spans.append(_span(last, "name", "NOM"))
    for m in _FIRST_INITIAL.finditer(text):
        first = m.group("first")
        lower_ok = not first.islower() or (
            ctx.lexicons.french_first_name_frequency(first) >= 4 or not ctx.lexicons.is_common(first)
        )
        if ctx.lexicons.is_first_name(first) and may_be_name(ctx, first) and lower_ok and first[1:].islower():
            spans.append(_span(m, "first", "PRENOM"))
            spans.append(_span(m, "ini", "NOM"))
    tail_start = max(0, len(text) - 60)
    for rx in (_LAST_INITIALS, _LOWER_LAST):
        tail = rx.search(text, tail_start)
        if tail and (rx is _LAST_INITIALS or _surname_ok(ctx, tail.group("name"))):
            spans.append(_span(tail, "ini", "PRENOM"))
            spans.append(_span(tail, "name", "NOM"))
    for m in _LOWER_JOB.finditer(text):
        core = m.group("name").split()[-1]
        # a word no lexicon knows as a surname only before a bracket, a comma or the line's end
        known = ctx.lexicons.is_surname(core) or (
            not ctx.lexicons.is_common(core) and _CLOSED_AFTER.match(text, m.end()) is not None
        )
        if _surname_ok(ctx, m.group("name")) and known:
            spans.append(_span(m, "ini", "PRENOM"))
            spans.append(_span(m, "name", "NOM"))
    return spans


HARNESS = ["find_initial_signature_lines"]
