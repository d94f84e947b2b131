"""Persons in the rows of operating lists, ward lists and log lines, where the layout says
"a person" and the lexicons may know neither word (round 17):

- a clock, then a surname and first names in capitals, then an age: the row of an operating or
  consultation list ("08H00 ZIELINSKI PIOTR 58A - GASTRECTOMIE", "10:30 KOWAL ANNA 61 ANS");
- a bullet, a surname and a known first name, then a bracket or an age: a ward list
  ("- Pellissier Gilles (ortho) hébergé en urologie", "- Marchal Odile, 84 a, FESF");
- a surname in capitals and the initial of the first name, after a clock and a dash or in
  brackets: the author of a nursing note or a cancelled row ("07h15 – WEBER A.",
  "ANNULE (WEBER C. - COVID +)");
- a care role, then a surname in capitals or a login: "par IDE COUDERT", "IADE mthomas",
  "EDITEUR: MFAVIER", "VALIDE JMBERTIN" (a login: one or two initials glued to a surname).

Every word must be no ordinary word, stop word, acronym, drug, eponym, commune or country.
Surname first: the convention of these lists. Hand-written: no library reads these layouts.
"""

from __future__ import annotations

import re

from avec.privacy.detection.login_tokens import is_plain_word
from avec.privacy.detection.medical_vocab import is_acronym, is_drug, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAPS = rf"[{UP}][{UP}'’]+(?:-[{UP}][{UP}'’]+)?"
CAPS_WORD = _CAPS  # a surname in capitals, also read by caps_surname_initials.py
_CAP = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
_CLOCK = r"\d{1,2}[hH:]\d{2}"
# "08H00 ZIELINSKI PIOTR 58A -", "08H00 >> REMPLACE PAR ÇELIK AYSE 39A": an operating list row.
_CLOCK_AGED = re.compile(
    rf"(?m)^[ \t]*{_CLOCK}[ \t]+(?:[>»\-–*]+[ \t]*)?(?:REMPLAC[EÉ]E?[ \t]+PAR[ \t]+)?"
    rf"(?P<sur>{_CAPS})[ \t]+(?P<first>{_CAPS}(?:[ \t]+{_CAPS})?),?[ \t]+\d{{1,3}}[ \t]?(?:A|ANS)(?![\w'’])"
)
# "- Pellissier Gilles (ortho)", "- Marchal Odile, 84 a,": a bulleted ward list.
_BULLET_PERSON = re.compile(
    rf"(?m)^[ \t]*[-•*▪·][ \t]+(?P<sur>{_CAP})[ \t]+(?P<first>{_CAP})"
    r"(?=[ \t]*\((?![ \t]*\d)|,?[ \t]+\d{1,3}[ \t]?(?:a|ans)\b)"
)
# "07h15 – WEBER A.", "(WEBER C. - COVID +)": a surname in capitals and an initial.
_CAPS_INITIAL = re.compile(
    rf"(?:{_CLOCK}[ \t]*[–—-]|\()[ \t]*(?P<sur>{_CAPS})[ \t]+(?P<ini>[{UP}]\.)(?=[ \t]*(?:$|[–—),]|-[ \t]))",
    re.MULTILINE,
)
# A care role or a printout's author word, then the person: "IDE COUDERT", "IADE mthomas".
_ROLE_PERSON = re.compile(
    r"(?<![\w'’])(?:IDE|IADE|IBODE|IDEL|MAR|EDITEUR|[EÉ]DIT[EÉ][ \t]+PAR|VALID[EÉ]E?(?:[ \t]+PAR)?)[ \t]*:?[ \t]+"
    rf"(?P<who>{_CAPS}|[a-z]{{5,20}})(?![\w'’@.-])"
)
_LOGIN = re.compile(r"[a-zA-Z]{5,20}")
# An on-call line: "astreinte : Rami puis Vidal", "garde W-E : Morel / Caradec" (two surnames).
_ON_CALL = re.compile(
    rf"(?i:astreinte|garde|permanence)[^\n:]{{0,25}}:[ \t]*(?P<a>{_CAP})[ \t]+(?:puis|et|/|,)[ \t]+(?P<b>{_CAP})"
    r"(?=[ \t]*(?:[.,;)]|$))",
    re.MULTILINE,
)
# A Breton surname whose second word is a French stop word: "M. Le Du", "Mme Le Ny".
_TITLE_PARTICLE = re.compile(
    rf"(?<![\w'’])(?:M\.|Mme|Mlle|Mr|Dr|Pr)[ \t]+(?P<sur>L[ea][ \t]+[{UP}][{LOW}]{{1,2}})"
    r"(?=[ \t]*[,.;)]|[ \t]+(?:qui|et)\b)"
)
# "contacter Hoffmann C. en priorité": a surname and an initial after a verb of contact.
_CONTACT_INITIAL = re.compile(
    rf"(?i:contacter|appeler|joindre|pr[ée]venir|voir[ \t]+avec)[ \t]+(?P<sur>{_CAP})[ \t]+(?P<ini>[{UP}]\.)(?![\w'’])"
)


def namelike(ctx: DetectionContext, word: str, first: bool = False, surname: bool = False) -> bool:
    """No ordinary word, stop word, acronym, drug, eponym, country or commune; but a usual first name
    (``first``: "Gilles") or a known surname (``surname``: "WEBER") that is also a word is kept."""
    lex = ctx.lexicons
    head, quote, tail = word.replace("’", "'").partition("'")
    if quote:  # "N'DIAYE" is read as "DIAYE", "D'ACCUEIL" as "ACCUEIL"; "JUSQU'AU" is no name
        if len(head) > 2 or len(tail) < 2:
            return False
        word = tail
    if is_stop_word(word) or is_acronym(word) or is_drug(word) or lex.is_country(word):
        return False
    if first and lex.is_first_name(word) and lex.french_first_name_frequency(word) >= 4:
        return True
    if surname and lex.is_surname(word) and not is_protected_word(word, ctx.protected):
        return True
    return not (lex.is_common(word) or is_protected_word(word, ctx.protected) or fold_key(word) in lex.communes)


def _staff_name(ctx: DetectionContext, word: str) -> bool:
    """A known name that is also a rare word ("Rami"), in a slot that holds staff names."""
    lex = ctx.lexicons
    known = lex.is_first_name(word) or lex.is_surname(word)
    return known and not (is_stop_word(word) or is_acronym(word) or is_protected_word(word, ctx.protected))


def _login(ctx: DetectionContext, token: str) -> bool:
    """One or two initials glued to a known surname ("mthomas", "JMBERTIN"); the whole is no word.
    Only after a role word: the surname may be a word too ("thomas")."""
    if not _LOGIN.fullmatch(token) or is_plain_word(ctx, token):
        return False
    lex = ctx.lexicons
    return any(lex.is_surname(token[k:]) for k in (1, 2) if len(token) - k >= 4)


def _pair(spans: list[Span], m: re.Match[str], a: str, b: str, source: str) -> None:
    spans.append(Span(m.start(a), m.end(a), "NOM", 0.8, source))
    spans.append(Span(m.start(b), m.end(b), "PRENOM", 0.8, source))


@recognizer("listed_person", 81)
def find_listed_persons(ctx: DetectionContext) -> list[Span]:
    """Persons in list rows and log lines (see the module docstring)."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    if "A" in text:
        for m in _CLOCK_AGED.finditer(text):
            words = [m.group("sur"), *m.group("first").split()]
            if namelike(ctx, words[0], surname=True) and all(namelike(ctx, w, first=True) for w in words[1:]):
                _pair(spans, m, "sur", "first", "listed_person")
    if "- " in text or "•" in text or "* " in text:
        for m in _BULLET_PERSON.finditer(text):
            sur, first = m.group("sur"), m.group("first")
            if (
                lex.is_first_name(first)
                and not lex.is_first_name(sur)
                and namelike(ctx, sur, surname=True)
                and namelike(ctx, first, first=True)
            ):
                _pair(spans, m, "sur", "first", "listed_person")
    for m in _CAPS_INITIAL.finditer(text):
        if namelike(ctx, m.group("sur"), first=True, surname=True):  # "MARTIN A.": the initial says surname
            _pair(spans, m, "sur", "ini", "listed_person")
    for m in _ROLE_PERSON.finditer(text):
        who = m.group("who")
        # a login ("mthomas", "JMBERTIN") or a surname in capitals ("COUDERT", "MFAVIER")
        caps = not who.islower() and len(who) >= 4 and namelike(ctx, who) and not lex.is_first_name(who)
        if caps or _login(ctx, who):
            spans.append(Span(m.start("who"), m.end("who"), "NOM", 0.8, "listed_person"))
    spans.extend(_staff_lines(ctx))
    return spans


def _staff_lines(ctx: DetectionContext) -> list[Span]:
    """On-call lines, Breton surnames after a title, contacts with initials (the prescribers' lists
    are read by caps_surname_initials.py)."""
    text, folded, lex = ctx.text, ctx.folded, ctx.lexicons
    spans: list[Span] = []
    if "astreinte" in folded or "garde" in folded or "permanence" in folded:
        for m in _ON_CALL.finditer(text):
            a, b = m.group("a"), m.group("b")
            known = lex.is_surname(a) or lex.is_surname(b)
            if known and all(namelike(ctx, w, first=True, surname=True) or _staff_name(ctx, w) for w in (a, b)):
                spans.append(Span(m.start("a"), m.end("a"), "NOM", 0.75, "listed_person"))
                spans.append(Span(m.start("b"), m.end("b"), "NOM", 0.75, "listed_person"))
    if " Le " in text or " La " in text:
        for m in _TITLE_PARTICLE.finditer(text):
            if is_stop_word(m.group("sur").split()[-1]):
                spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "listed_person"))
    for m in _CONTACT_INITIAL.finditer(text):
        if namelike(ctx, m.group("sur"), surname=True) and not lex.is_first_name(m.group("sur")):
            _pair(spans, m, "sur", "ini", "listed_person")
    return spans
