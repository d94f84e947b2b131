"""Persons in lower-case notes named with the evidence a hurried writer still gives:

- a first name and a surname followed by a birth date, an age or a role in brackets:
  "kevin marchadier (ddn 03/04/1999)", "inès bouaziz née le ...", "paul garrec, 54 ans",
  "léo tanguy (es)", "gaëlle rio (ide ehpad)";
- the words after a naming verb: "dit s'appeler ali benamar", "se nomme dragan";
- the author after a writing word: "rédigé par nina c.", "rédaction j. pelletier", "saisie par
  tom guivarch";
- a couple: "couple milan et ana petrovic", "couple omar / sara";
- a relative or a friend, a team member, a full name in brackets: "sa copine océane", "équipe anaïs
  girard + tom", "mar aprem (steeve lecanu)".

The first name must be a known one (or, after a naming verb or in a couple, a word that is no
ordinary French word); the surname no ordinary word unless it is a known surname; never a stop
word, a drug, an acronym, an eponym, a country or a commune. Hand-written: no library reads these
layouts of French care and street-outreach notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.name_scan import LOW
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key
from avec.privacy.spans import Span

_NAME = rf"[{LOW}]{{2,}}(?:-[{LOW}]{{2,}})?"
# A surname may open on a particle written in lower case: "el amrani", "dos santos", "le goff".
_SURNAME = rf"(?:(?:el|al|ben|dos|da|de|du|le|la|van|von|ould|ait|aït|abou|bou)[ \t]+)?{_NAME}"
_ROLE = (
    r"(?:[ée]duc\w*|es|me|ide|idel|idec|as|aes|ash|amp|avs|asd|ase|cesf|psy\w*|cadre|chef\w*|stagiaire|"
    r"infirmi\w+|kin[ée]|ergo|ortho\w*|assistante?|int[ée]rim\w*|veilleu\w+|animat\w+|coordo\w*|"
    r"r[ée]f[ée]ren\w+|secr[ée]taire|m[ée]decin|interne|b[ée]n[ée]vole|chauffeur|sf|ma[îi]tresse\w*|"
    r"moniteur|monitrice|aide[ \t-]soignante?|auxiliaire|travailleu\w+|cheff?e?)"
)
# What follows a full name in a note: a birth date, an age, a role in brackets (found first, cheap;
# the name is then read just before it).
_KIN = (
    r"(?:femme|mari|[ée]pouse?|[ée]poux|compagne|compagnon|copine|copain|fils|fille|fr[èe]re|s(?:œ|oe)ur|m[èe]re|"
    r"p[èe]re|cousine?|oncle|tante|ni[èe]ce|neveu)"
)
_EVIDENCE = re.compile(
    r"\([ \t]*(?:ddn|n[ée]e?\b|\d{1,2}[ \t]*(?:ans?|a|mois)\b|" + _ROLE + r"\b|(?:sa|son)[ \t]+" + _KIN + r"\b)"
)
# "née le 3/2", "ddn", ", 54 ans" (searched on the folded text, accents typed or not)
_EVIDENCE_WORDS = re.compile(r"(?:ne|nee)[ \t]+le[ \t]+\d|ddn\b|,[ \t]*\d{1,2}[ \t]*ans\b")
_GAP_BEFORE = re.compile(r"[ \t]*,?[ \t]*\Z")
_FULL_NAME = re.compile(rf"(?<![\w'’.-])(?P<first>{_NAME})[ \t]+(?P<last>{_SURNAME})\Z")
_NAMING = re.compile(
    r"(?<![\w'’-])(?:s['’]appel(?:le|ler|lent|lerait)|se[ \t]+nomm(?:e|er|erait)|pr[ée]nomm[ée]e?)[ \t]+"
    rf"(?P<first>{_NAME})(?:[ \t]+(?P<last>{_SURNAME}))?(?![\w'’-])"
)
_AUTHOR = re.compile(
    r"(?<![\w'’-])(?:r[ée]dig[ée]e?s?[ \t]+par|r[ée]daction|r[ée]dact(?:eur|rice)|saisie?[ \t]+par|"
    r"[ée]crit[ \t]+par|not[ée]e?[ \t]+par)[ \t]*:?[ \t]*"
    rf"(?P<first>[a-z]\.|{_NAME})[ \t]*(?P<last>[a-z]\.|{_SURNAME})(?![\w'’-])"
)
# "sa copine océane", "son copain lolo": a relative or a friend named by a first name.
_RELATIVE = re.compile(rf"(?<![\w'’-])(?:sa|son)[ \t]+{_KIN}[ \t]*,?[ \t]+(?P<first>{_NAME})(?![\w'’-])")
# "équipe anaïs girard + tom", "binôme : léo marchal / ...": a team member's full name.
_TEAM = re.compile(
    rf"(?<![\w'’-])(?:[ée]quipe|bin[ôo]me)[ \t]*:?[ \t]+(?P<first>{_NAME})[ \t]+(?P<last>{_SURNAME})"
    r"(?=[ \t]*(?:[+/,;(\n]|$|et[ \t]))"
)
# "(steeve lecanu)": a full name alone in brackets.
_BRACKETED = re.compile(rf"\([ \t]*(?P<first>{_NAME})[ \t]+(?P<last>{_SURNAME})[ \t]*\)")
_COUPLE = re.compile(
    rf"(?<![\w'’-])couple[ \t]+(?P<a>{_NAME})[ \t]*(?:\bet\b|/|&|\+)[ \t]*(?P<b>{_NAME})"
    rf"(?:[ \t]+(?P<c>{_SURNAME}))?(?![\w'’-])"
)


def _word_ok(ctx: DetectionContext, word: str, surname: bool = False) -> bool:
    """A lower-case word that may be a name: no stop word, drug, country, calendar word, nor a
    commune (unless, for a surname, a known surname: "lacombe")."""
    key = fold_key(word)
    lex = ctx.lexicons
    return (
        may_be_name(ctx, word)
        and key not in CALENDAR_WORDS
        and (key not in lex.communes or surname and lex.is_surname(word))
        and word.islower()
    )


def _first_ok(ctx: DetectionContext, word: str, unknown_ok: bool = False) -> bool:
    """A known first name, or (``unknown_ok``) a word unknown to the French lexicon."""
    lex = ctx.lexicons
    if not _word_ok(ctx, word) or lex.is_surname(word) and not lex.is_first_name(word):
        return False
    return lex.is_first_name(word) or unknown_ok and not lex.is_common(word)


def _surname_ok(ctx: DetectionContext, surname: str) -> bool:
    """A surname (its last word) that is no ordinary word, unless it is a known surname."""
    word = surname.split()[-1]
    lex = ctx.lexicons
    if not _word_ok(ctx, word, surname=True) or len(word) < 3:
        return False
    return lex.is_surname(word) or not (lex.is_common(word) or lex.is_first_name(word))


def _pair(ctx: DetectionContext, m: re.Match[str], unknown_first: bool) -> list[Span]:
    """A first name (or an initial) and a surname (or an initial); the first name alone when the
    word after it is no surname."""
    first, last = m.group("first"), m.group("last")
    initial_first = len(first) == 2 and first.endswith(".")
    if not (initial_first or _first_ok(ctx, first, unknown_first)):
        return []
    out = [Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "lower_note_name")]
    if last is None:
        return out
    if len(last) == 2 and last.endswith("."):
        if initial_first:
            return []
        return [*out, Span(m.start("last"), m.end("last"), "NOM", 0.7, "lower_note_name")]
    if not _surname_ok(ctx, last):
        return [] if initial_first else out
    return [*out, Span(m.start("last"), m.end("last"), "NOM", 0.7, "lower_note_name")]


@recognizer("lower_note_name", 58)
def find_lower_note_names(ctx: DetectionContext) -> list[Span]:
    """Lower-case names with a birth date, an age, a role, a naming verb, a writing word, a couple."""
    if ctx.all_caps:
        return []
    text = ctx.text
    out: list[Span] = []
    anchors = [ev.start() for ev in _EVIDENCE.finditer(text)] if "(" in text else []
    anchors += [ev.start() for ev in _EVIDENCE_WORDS.finditer(ctx.folded)]
    for anchor in anchors:
        gap = _GAP_BEFORE.search(text, max(0, anchor - 4), anchor)
        end = gap.start() if gap is not None else anchor
        m = _FULL_NAME.search(text, max(0, end - 60), end)
        if m is not None:
            spans = _pair(ctx, m, unknown_first=False)
            if len(spans) == 2:
                out.extend(spans)
    folded = ctx.folded
    if "appel" in folded or "nomm" in folded:
        for m in prefixed_finditer(_NAMING, text, folded):
            out.extend(_pair(ctx, m, unknown_first=True))
    if "par" in folded or "redact" in folded:
        for m in prefixed_finditer(_AUTHOR, text, folded):
            out.extend(_pair(ctx, m, unknown_first=False))
    for rx in (_TEAM, _BRACKETED):
        if rx is _BRACKETED and "(" not in text or rx is _TEAM and "quipe" not in folded and "binome" not in folded:
            continue
        for m in prefixed_finditer(rx, text, ctx.folded) if rx is _TEAM else rx.finditer(text):
            spans = _pair(ctx, m, unknown_first=False)
            if len(spans) == 2:
                out.extend(spans)
    for m in prefixed_finditer(_RELATIVE, text, ctx.folded):
        first = m.group("first")
        lex = ctx.lexicons
        # a usual first name even when it is also a word ("océane"), never a plain word ("aînée")
        if _first_ok(ctx, first) and (lex.french_first_name_frequency(first) >= 3 or not lex.is_common(first)):
            out.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "lower_note_name"))
    for m in prefixed_finditer(_COUPLE, text, folded) if "couple" in folded else ():
        a, b, c = m.group("a"), m.group("b"), m.group("c")
        if not (_first_ok(ctx, a, True) and _first_ok(ctx, b, True)):
            continue
        if not (ctx.lexicons.is_first_name(a) or ctx.lexicons.is_first_name(b)):
            continue
        out.append(Span(m.start("a"), m.end("a"), "PRENOM", 0.7, "lower_note_name"))
        out.append(Span(m.start("b"), m.end("b"), "PRENOM", 0.7, "lower_note_name"))
        if c is not None and _surname_ok(ctx, c):
            out.append(Span(m.start("c"), m.end("c"), "NOM", 0.7, "lower_note_name"))
    return out
