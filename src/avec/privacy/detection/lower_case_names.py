"""Names in sloppy lower-case notes that the other lower-case rules miss:

- a child's first name before an age, with or without an initial: "lucas m. (11 ans)";
- hyphenated initials before a role in brackets: "j-p (educ spé)";
- an initial and a surname after "par": "rédigé par a. lefort";
- a first name after a care job and a shift: "ide nuit fred / as nadège";
- a lower-case title before a surname that is also an ordinary word, when a colon or a bracket
  closes it ("ch 2 mme soulages : rien à signaler");
- a lower-case title, a first name and a surname: "mr jean-claude duc, 71 a";
- a lower-case title, a surname and an initial: "dr leca f.";
- a lower-case patient field, surname and first name in either order: "pt : lambert stéphanie 47a",
  "pat : lacoste andré, 91 ans" ("pat" since round 18: 9 times in the gold of 6 writers).

Hand-written: no library reads these layouts of French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.names import LOW, is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_NAME = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_AGE_AFTER = (
    r"(?:[ \t]*\([ \t]*\d{1,2}[ \t]*(?:ans?|mois|a)[ \t]*\)|,[ \t]*\d{1,2}[ \t]*(?:ans?|mois)(?![\w'’-]))"
)
_LOWER_AGE = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME})(?:[ \t]+(?P<initial>[a-z]\.))?{_AGE_AFTER}")
# Found first (cheap), then the name is looked for just before it.
_AGE = re.compile(r"[(,][ \t]*\d{1,2}[ \t]*(?:ans?|mois|a)\b")
_ROLE_IN_BRACKETS = (
    r"(?:[ée]duc|ide|idel|as|aes|ash|amp|me|es|moniteur|monitrice|psy|cadre|chef|stagiaire|infirmi|kin[ée]|"
    r"ergo|ortho|assistante?|int[ée]rim|veilleu|animat|coordinat|r[ée]f[ée]ren|secr[ée]taire|m[ée]decin|interne)"
)
_HYPHEN_INITIALS = re.compile(rf"(?P<name>[a-z]-[a-z])\.?[ \t]*\([ \t]*(?i:{_ROLE_IN_BRACKETS})")
_WORD_CHAR_BEFORE = re.compile(r"[\w'’-]")
# No look-behind at the start: the regex engine can then skip ahead on the first letter;
# the word boundary before is checked in code (``starts_word``).
_BY_INITIAL = re.compile(
    rf"(?:par|sign[ée]e?)[ \t]+(?P<initial>[a-z]\.)[ \t]?(?P<name>{_NAME})(?![\w'’-])"
)
# The job opens its line or follows a separator: "ide nuit fred / as nadège".
_SEPARATOR_BEFORE = re.compile(r"[/,;:\n(][ \t]*\Z")
_JOB_SHIFT = re.compile(
    r"(?P<job>ide|idel|idec|as|aes|ash|asd|amp|auxiliaire|aide-soignante?|infirmi[èe]re?)"
    r"(?:[ \t]+(?:de[ \t]+)?(?:nuit|jour|matin|soir|apr[eè]s-midi|am|pm|ww|we))?"
    rf"(?:[ \t]*:[ \t]*|[ \t]+)(?P<name>{_NAME})(?![\w'’-])"
)
_LOWER_TITLE = re.compile(r"(?:mme|mr|m\.|mlle|madame|monsieur|dr)[ \t]+")
# After the title: a surname closed by a colon or a bracket, or followed by a participle
# ("mme roques venant de").
# "(dr castagné ou dr lemaire)": another title after "ou"/"et" closes it too.
_TITLE_CLOSED = re.compile(
    rf"(?P<name>{_NAME})(?=[ \t]*[:(]|[ \t]+[{LOW}]{{3,}}ant[ \t]|[ \t]+(?:ou|et)[ \t]+(?:dr|mme|mr|m\.)[ \t])"
)
_TITLE_FIRST_LAST = re.compile(
    rf"(?P<first>{_NAME})[ \t]+(?P<last>[{LOW}]{{2,}}(?:-[{LOW}]{{2,}})?)(?=[ \t]*(?:[,:;(]|\n|$))"
)

# A lower-case patient field: "pt : lambert stéphanie 47a", "patient : santoni marie-dominique née orsini,".
# The colon is found first (cheap), then the label just before it on the folded text.
_COLON_SPACE = re.compile(r":[ \t]*(?=[a-zà-ÿ])")
_LOWER_PATIENT_LABEL = re.compile(
    r"(?<![\w'’-])(?:patiente?|pat|pte?|residente?|usagere?|beneficiaire|identite|nom|"
    # a bed or a box in an emergency or ward hand-over: "box 5 : louane tanguy 17a"
    r"(?:box|lit|ch|chambre|chb|uhcd|salle)[ \t]*\d{1,3}[a-z]?)[ \t]*\Z"
)
_LOWER_PATIENT_NAMES = re.compile(
    rf"(?P<a>{_NAME})[ \t]+(?P<b>{_NAME})(?:[ \t]+(?:n[ée]e|[ée]p\.|[ée]pouse)[ \t]+(?P<c>{_NAME}))?"
    r"(?=[ \t]*(?:[,;(\n]|\d|$))"
)
# "dr leca f.": an initial after the surname closes a lower-case title.
_TITLE_NAME_INITIAL = re.compile(rf"(?P<name>{_NAME})[ \t]+(?P<initial>[a-z]\.)(?![\w'’-])")

# "mr jean-claude duc, 71 a": an age after the name says the last word is the surname.
_AGE_LATER = re.compile(r"[ \t]*,[ \t]*\d{1,3}[ \t]*(?:ans?|a)(?![\w'’-])")


def starts_word(text: str, pos: int) -> bool:
    """No letter, digit, apostrophe or hyphen just before ``pos``."""
    return pos == 0 or _WORD_CHAR_BEFORE.match(text, pos - 1) is None


def may_be_name(ctx: DetectionContext, word: str) -> bool:
    """No stop word, drug, unit, acronym, eponym or country: a word that may be a name (the
    lower-case rules and the team rosters each add their own rule for communes)."""
    return not (
        is_stop_word(word)
        or is_protected_word(word, ctx.protected)
        or is_eponym(word)
        or ctx.lexicons.is_country(word)
    )


def _free(ctx: DetectionContext, word: str, titled: bool = False) -> bool:
    """A word that may be a name and (unless after a title) no commune."""
    return may_be_name(ctx, word) and (titled or fold_key(word) not in ctx.lexicons.communes)


def _first_name(ctx: DetectionContext, word: str, common_ok: bool = False) -> bool:
    lex = ctx.lexicons
    return lex.is_first_name(word) and (common_ok or not lex.is_common(word)) and _free(ctx, word)


@recognizer("lower_names", 58)
def find_lower_case_names(ctx: DetectionContext) -> list[Span]:
    """Lower-case first names, initials and surnames in the layouts listed in the module docstring."""
    text = ctx.text
    if ctx.all_caps:
        return []
    spans: list[Span] = []
    for age in _AGE.finditer(text):
        m = _LOWER_AGE.search(text, max(0, age.start() - 40), age.end() + 3)
        if m is None or m.end() < age.end():
            continue
        if _first_name(ctx, m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "lower_names"))
            if m.group("initial"):
                spans.append(Span(m.start("initial"), m.end("initial"), "NOM", 0.7, "lower_names"))
    if "-" in text:
        for m in _HYPHEN_INITIALS.finditer(text):
            if not starts_word(text, m.start()):
                continue
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "lower_names"))
    for m in _BY_INITIAL.finditer(text):
        if not starts_word(text, m.start()):
            continue
        name = m.group("name")
        if _free(ctx, name) and (ctx.lexicons.is_surname(name) or not ctx.lexicons.is_common(name)):
            spans.append(Span(m.start("initial"), m.end("initial"), "PRENOM", 0.7, "lower_names"))
            spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.7, "lower_names"))
    for m in _JOB_SHIFT.finditer(text):
        at_start = not text[: m.start()].strip(" \t") if m.start() < 4 else False
        if not at_start and not _SEPARATOR_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue
        # "as" is also a verb ("tu as"): the name after it must be no ordinary word.
        if _first_name(ctx, m.group("name"), common_ok=m.group("job") != "as"):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "lower_names"))
    for title in _LOWER_TITLE.finditer(text):
        if not starts_word(text, title.start()):
            continue
        spans.extend(_after_lower_title(ctx, title.end()))
    if ":" in text:
        for colon in _COLON_SPACE.finditer(text):
            if _LOWER_PATIENT_LABEL.search(ctx.folded, max(0, colon.start() - 16), colon.start()) is None:
                continue
            m = _LOWER_PATIENT_NAMES.match(text, colon.end())
            if m is not None:
                spans.extend(_lower_patient_field(ctx, m))
    return spans


def _lower_patient_field(ctx: DetectionContext, m: re.Match[str]) -> list[Span]:
    """Surname and first name in either order after a patient field, the maiden name after "née"."""
    lex = ctx.lexicons
    a, b = m.group("a"), m.group("b")
    if not (_free(ctx, a, titled=True) and _free(ctx, b, titled=True)):
        return []
    if _first_name(ctx, b) and not lex.is_first_name(a) and (lex.is_surname(a) or not lex.is_common(a)):
        labels = ("NOM", "PRENOM")
    elif _first_name(ctx, a) and (lex.is_surname(b) or not lex.is_common(b)) and not lex.is_first_name(b):
        labels = ("PRENOM", "NOM")
    elif lex.is_first_name(a) and lex.is_surname(a) and _first_name(ctx, b):
        labels = ("NOM", "PRENOM")  # "lambert stéphanie": both first names, the first also a surname
    elif _first_name(ctx, a) and not lex.is_surname(a) and lex.is_surname(b):
        labels = ("PRENOM", "NOM")  # "louane tanguy": the second also a first name, but a surname
    else:
        return []
    out = [
        Span(m.start("a"), m.end("a"), labels[0], 0.8, "lower_names"),
        Span(m.start("b"), m.end("b"), labels[1], 0.8, "lower_names"),
    ]
    c = m.group("c")
    if c and _free(ctx, c, titled=True) and (lex.is_surname(c) or not lex.is_common(c)):
        out.append(Span(m.start("c"), m.end("c"), "NOM", 0.8, "lower_names"))
    return out


def _after_lower_title(ctx: DetectionContext, pos: int) -> list[Span]:
    text = ctx.text
    spans: list[Span] = []
    m = _TITLE_NAME_INITIAL.match(text, pos)
    if m is not None and _free(ctx, m.group("name"), titled=True) and not ctx.lexicons.is_common(m.group("name")):
        spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.8, "lower_names"))
        spans.append(Span(m.start("initial"), m.end("initial"), "PRENOM", 0.8, "lower_names"))
    m = _TITLE_CLOSED.match(text, pos)
    if m is not None:
        name = m.group("name")
        if _free(ctx, name, titled=True) and not ctx.lexicons.is_first_name(name):
            spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.6, "lower_names"))
    m = _TITLE_FIRST_LAST.match(text, pos)
    if m is not None:
        first, last = m.group("first"), m.group("last")
        lex = ctx.lexicons
        aged = _AGE_LATER.match(text, m.end()) is not None
        surname = lex.is_surname(last) or not lex.is_common(last) or aged
        if _first_name(ctx, first) and _free(ctx, last, titled=True) and not lex.is_first_name(last) and surname:
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.9, "lower_title_pair"))
            spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.9, "lower_title_pair"))
    return spans


# A title then a first name and a surname outranks the title rule, which reads one word only.
@recognizer("lower_title_pair", 83)
def _no_spans(ctx: DetectionContext) -> list[Span]:
    """Registers the priority of the "lower_title_pair" source (its spans come from above)."""
    return []
