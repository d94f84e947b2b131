"""Names without a title or field label: lists ("Romain / Élodie / Kader", "BOYER, GUERIN"),
initials-only signatures ("H. R."), and a first name followed by a surname that is an ordinary
word ("Hélène Grand")."""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context, is_eponym, is_protected_word
from avec.privacy.detection.names import STOP_WORDS
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key, is_upper_word
from avec.privacy.spans import Span

_UP = "A-ZÀ-ÖØ-Ý"
_ITEM = rf"[{_UP}][\wÀ-ÿ'’]*(?:-[{_UP}][\wÀ-ÿ'’]*)*"
# Two or more single words separated by commas, slashes, "et"/"and" on one line.
_LIST = re.compile(rf"(?<![\w.'’-]){_ITEM}(?:[ \t]*(?:,|/|\+|&)[ \t]*{_ITEM}|[ \t]+(?:et|ET)[ \t]+{_ITEM})+(?![\w'’-])")
_WORD = re.compile(_ITEM)


def _is_candidate(ctx: DetectionContext, word: str) -> bool:
    key = fold_key(word)
    return not (
        is_protected_word(word, ctx.protected)
        or key in STOP_WORDS
        or key in CALENDAR_WORDS
        or (is_eponym(word) and not ctx.lexicons.is_first_name(word))
    )


@recognizer("name_list", 56)
def find_name_lists(ctx: DetectionContext) -> list[Span]:
    """Lists of single names: every item a known first name or surname, most not ordinary words."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _LIST.finditer(text):
        items = list(_WORD.finditer(m.group(0)))
        if any(not _is_candidate(ctx, w.group(0)) for w in items):
            continue
        first = [lex.is_first_name(w.group(0)) for w in items]
        sur = [lex.is_surname(w.group(0)) for w in items]
        common = [lex.is_common(w.group(0)) for w in items]
        if not all(f or s for f, s in zip(first, sur, strict=True)):
            continue
        # Most items must be unambiguous names, so "Rose, Blanc et Marron" stays untouched.
        if sum(not c for c in common) * 2 <= len(items):
            continue
        upper = all(is_upper_word(w.group(0)) for w in items)
        if upper and not ctx.all_caps:
            labels = ["NOM" if s or not f else "PRENOM" for f, s in zip(first, sur, strict=True)]
        elif all(first):
            labels = ["PRENOM"] * len(items)
        elif all(sur):
            labels = ["NOM"] * len(items)
        else:
            continue
        for w, label in zip(items, labels, strict=True):
            if in_eponym_context(text, m.start() + w.start()):
                continue
            spans.append(Span(m.start() + w.start(), m.start() + w.end(), label, 0.6, "name_list"))
    return spans


# A line holding only initials, under a closing formula or at the end: "H. R.", "J.-P. M."
_INITIALS_LINE = re.compile(rf"(?m)^[ \t]*(?P<first>[{_UP}]\.(?:-[{_UP}]\.)?)[ \t]*(?P<last>[{_UP}]\.)[ \t]*$")


# Initials signing a note at the end of its line after a dash: "... P 88. -H. R.", "fait – J. D."
_INITIALS_END = re.compile(
    rf"(?m)(?<=[.!?)])[ \t]+[-–][ \t]?(?P<first>[{_UP}]\.(?:-[{_UP}]\.)?)[ \t]?(?P<last>[{_UP}]\.)[ \t]*$"
)
# A chat or a shared log: "[08:01] JB : ok", "[14h20] MC : vu": the speaker's initials.
_CHAT_SPEAKER = re.compile(rf"(?m)^[ \t]*\[\d{{1,2}}[:h]\d{{2}}\][ \t]*(?P<name>[{_UP}]{{2,3}})[ \t]*:")
# Initials alone on the last lines, under a line ending with a comma: "Merci,\nJM".
_INITIALS_SIGN_OFF = re.compile(rf",[ \t]*\n[ \t]*(?P<name>[{_UP}]{{2,3}})[ \t]*(?:\n[ \t]*)*$")


# Under a closing formula a signature "M. Surname" gives an initial, not "Monsieur":
# "Bien cordialement,\nM. Lemarchand".
_SIGNED_M = re.compile(
    r"(?i:cordialement|confraternellement|amicalement|bien [àa] vous|salutations(?: distingu[ée]es)?)[ \t]*[,.]?"
    rf"[ \t]*\n[ \t]*(?P<first>M\.)[ \t]*[{_UP}][\wÀ-ÿ'’-]+[ \t]*$",
    re.MULTILINE,
)


# A signature "M. Surname" closing a line after a dated dash or in a table cell ("Fait le 3 mai — M. Roux",
# "| 24/01 | M. Garnier |"), or under an office written in capitals ("LE DIRECTEUR\nM. Roux"):
# an initial, since the writer signs, nobody addresses him.
_SIGNED_M_END = re.compile(
    # a dash after a date on the line ("Fait le 3 mai 2024 — M. Roux"), not in a subject line
    rf"(?m)(?:\d[^\n]{{0,30}}[—–]|\||^[ \t]*[{_UP}][{_UP} '’-]{{3,}}[ \t]*\n)"
    # the line ends, the cell ends, or a column gap opens on a second signature
    rf"[ \t]*(?P<first>M\.)[ \t]*[{_UP}][\wÀ-ÿ'’-]+(?:[ \t]*(?:$|\|)|[ \t]{{3,}})"
)


def _initials_word(word: str) -> bool:
    return not (is_protected_word(word) or fold_key(word) in STOP_WORDS)


@recognizer("initials", 56)
def find_initial_signatures(ctx: DetectionContext) -> list[Span]:
    """Signatures made of initials only: alone on their line "H. R." (first name, surname), after a
    dash at a line end "-H. R.", a chat speaker "[08:01] JB :", a sign-off "JM" closing the text."""
    text = ctx.text
    spans: list[Span] = []
    for m in _INITIALS_LINE.finditer(text):
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "initials"))
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "initials"))
    if "-" in text or "–" in text:
        for m in _INITIALS_END.finditer(text):
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "initials"))
            spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "initials"))
    if "[" in text:
        for m in _CHAT_SPEAKER.finditer(text):
            if _initials_word(m.group("name")):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "initials"))
    if "M." in text:
        for m in prefixed_finditer(_SIGNED_M, text, ctx.folded):
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.6, "initials"))
        for m in _SIGNED_M_END.finditer(text):
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.6, "initials"))
    tail = max(0, len(text) - 80)
    m_off = _INITIALS_SIGN_OFF.search(text, tail)
    if m_off and _initials_word(m_off.group("name")):
        spans.append(Span(m_off.start("name"), m_off.end("name"), "PRENOM", 0.7, "initials"))
    return spans


_FIRST_THEN_WORD = re.compile(
    rf"(?<![\w'’-])(?P<first>[{_UP}][a-zà-ÿ'’]+(?:-[{_UP}][a-zà-ÿ'’]+)?)[ \t]"
    rf"(?P<last>[{_UP}][a-zà-ÿ'’]+(?:-[{_UP}][a-zà-ÿ'’]+)?)(?![\w'’-])"
)


# Bodies named "France <word>" that read like a first name and a word-surname.
_NATIONAL_BODIES = frozenset({"travail", "services", "alzheimer", "parkinson", "rein", "victimes", "assos", "bleu"})


@recognizer("first_common", 54)
def find_first_name_common_surname(ctx: DetectionContext) -> list[Span]:
    """ "Hélène Grand": an unambiguous first name, then a capitalised ordinary word as surname.
    One blank only: a column gap ("Nancy      Pansement") separates two table cells."""
    if ctx.all_caps:
        return []
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _FIRST_THEN_WORD.finditer(text):
        first, last = m.group("first"), m.group("last")
        if not lex.is_first_name(first) or lex.is_common(first) or lex.is_surname(first):
            continue
        if not lex.is_common(last) or lex.is_first_name(last) or not _is_candidate(ctx, last):
            continue
        if not _is_candidate(ctx, first) or in_eponym_context(text, m.start()):
            continue
        if fold_key(first) == "france" and fold_key(last) in _NATIONAL_BODIES:
            continue  # "France Travail", "France Services": national bodies, not a person
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.55, "first_common"))
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.5, "first_common"))
    return spans


# The surname is read in a lookahead, so a word before the first name ("suivi karim benali") does
# not consume it: the next match starts on "karim".
_LOWER_PAIR = re.compile(
    r"(?<![\w'’-])(?P<first>[a-zà-ÿ]{3,}(?:-[a-zà-ÿ]{3,})?) (?=(?P<last>[a-zà-ÿ]{3,})(?![\w'’-]))"
)


@recognizer("lower_pair", 53)
def find_lower_case_names(ctx: DetectionContext) -> list[Span]:
    """"situation de denise morvan": a first name then a surname, both in lower case and neither
    an ordinary French word."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _LOWER_PAIR.finditer(text):
        first, last = m.group("first"), m.group("last")
        if not lex.is_first_name(first) or lex.is_common(first) or lex.is_surname(first):
            continue
        if not lex.is_surname(last) or lex.is_common(last) or lex.is_first_name(last):
            continue
        if not (_is_candidate(ctx, first) and _is_candidate(ctx, last)):
            continue
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.5, "lower_pair"))
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.5, "lower_pair"))
    return spans
