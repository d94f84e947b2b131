"""First names in the slots where hurried notes and social-work narratives put a person:

- names joined by "+" in a team or a hand-over, with or without a role in brackets:
  "sandrine (as) + bastien (ash)", "(marie-claude + ibrahim)", "Rachida + Élodie (bureau)";
- a lower-case first name, or hyphenated initials, after "par": "faite par bastien",
  "retrouvée par J-P";
- a lower-case first name after a possessive and a kinship word: "son papa kevin", "sa fille lou";
- a child's first name before a school class or a short age: "moussa (5e)", "emir 9a suivi",
  and after "petite"/"petit" before an age: "petite jade vidal (3 ans)";
- a first name opening a sentence before a verb of the narrative: "Moussa pas là", "Emir est suivi";
- a child's first name after the school or the nanny: "l'école de Malo", "la nounou d'Inès".

Hand-written: no library reads these layouts of French care notes. Every rule asks the lexicons
that the word is a known first name and no stop word, protected medical word, eponym or country.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import starts_word
from avec.privacy.detection.medical_vocab import is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.prose_persons import eponym_first_name
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_LOWER = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_CAP = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
_ANY = rf"(?:{_CAP}|{_LOWER})"
_ROLE = r"(?:[ \t]*\([^()\n]{1,24}\))?"
# "sandrine (as) + bastien (ash)": two names around a plus sign (found from the plus, cheap).
_PLUS = re.compile(rf"(?P<a>{_ANY}){_ROLE}[ \t]*\+[ \t]*(?P<b>{_ANY})(?![\w'’-])")
_PAR_LOWER = re.compile(rf"par[ \t]+(?P<name>{_LOWER})(?=[ \t]*(?:[,.;:)/!\n]|$|\(|et[ \t]))")
# Found from the initials (rare, cheap), then the word before is checked.
_HYPHEN_INITIALS = re.compile(rf"(?P<name>[{UP}]-[{UP}])(?![\w'’.-])")
_PERSON_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?:par|avec|pour|et|chez|à)[ \t]+\Z")
_KIN = (
    r"(?:papa|maman|p[èe]re|m[èe]re|fils|fille|fr[èe]re|s(?:œ|oe)ur|mari|femme|[ée]poux|[ée]pouse|copain|copine|"
    r"compagnon|compagne|conjointe?|ami|amie|petit-fils|petite-fille|grand-m[èe]re|grand-p[èe]re|mamie|papi|"
    r"papy|neveu|ni[èe]ce|oncle|tante|cousine?|beau-p[èe]re|belle-m[èe]re|demi-fr[èe]re|demi-s(?:œ|oe)ur|"
    r"fianc[ée]e?|b[ée]b[ée]|an[ée]e?|cadet(?:te)?|grand|petit|petite)"
)
_POSSESSIVE_KIN = re.compile(
    rf"(?:son|sa|ses|leur|leurs|mon|ma|mes|notre|votre)[ \t]+{_KIN}[ \t]+(?P<name>{_LOWER})(?![\w'’-])"
)
# What may follow a lower-case first name after a kinship word: punctuation, a verb phrase...
_SCHOOL_CLASS = (
    r"(?:CP|CE1|CE2|CM1|CM2|[3-6](?:e|[èe]me)|2n?de|1[èe]re|Tle|terminale|seconde|PS|MS|GS|ULIS|SEGPA|IME)"
)
# Found from the bracket (cheap), then the name is looked for just before it.
_CLASS_BRACKET = re.compile(rf"\((?i:{_SCHOOL_CLASS})(?![\w])[^()\n]{{0,20}}\)")
_NAME_BEFORE = re.compile(rf"(?P<name>{_ANY})[ \t]*\Z")
# "zeynep 16a lycée, emir 9a suivi": a first name opening a clause, then a short age.
_SHORT_AGE = re.compile(r"[ \t]\d{1,2}[ \t]?(?:a|ans)(?=[ \t,;.)]|$)")
_LOWER_BEFORE = re.compile(rf"(?P<name>{_LOWER})\Z")
_CLAUSE_BEFORE = re.compile(r"(?:(?:^|[,;:/(\n])[ \t]*|(?<![\w'’-])et[ \t]+)\Z")
_LITTLE_AGED = re.compile(
    rf"(?i:petite?|b[ée]b[ée])[ \t]+(?P<first>{_ANY})(?:[ \t]+(?P<last>{_ANY}))?"
    r"(?=[ \t]*[(,][ \t]*\d{1,2}[ \t]*(?:ans?|mois|a)(?![\w]))"
)
# A sentence opens (line start, full stop, bullet, "12/11 -"), then a first name and a verb.
_NARRATIVE_VERB = (
    r"(?:pas[ \t]+l[àa]|absente?|pr[ée]sente?|est|[ée]tait|sera|a|avait|n['’](?:est|a|était|avait|veut)|ne[ \t]|"
    r"dit|va|semble|reste|refuse|accepte|veut|souhaite|pleure|joue|dort|mange|revient|vient|part|rentre|"
    r"arrive|parle|se[ \t]|s['’]|montre|raconte|explique|exprime|participe|fr[ée]quente|"
    # round 15: more verbs of notes and reports ("Baptiste vérifie le coussin", "Inès propose")
    r"vit|propose|d[ée]crit|[ée]voque|peut|doit|v[ée]rifie|sait|supporte|r[ée]clame|revoit|rappelle|appelle|"
    r"pense|garde|esp[èe]re|devient|confirme|boude|aurait|prend|demande|aide|attend|accompagne|g[èe]re|"
    r"signale|pr[ée]vient|reprend|repasse|passera|viendra|termine|commence|travaille|cherche|continue|"
    r"organise|informe|transmet|conduit)"
)
_NAME_VERB = re.compile(rf"(?P<name>{_CAP})[ \t]+{_NARRATIVE_VERB}(?![\w'’-])")
_SENTENCE_OPEN = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:[-–•*][ \t]*)?|[.!?][ \t]+|\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*[-–:][ \t]*|"
    # a label's value: "Situation : Élise vit chez sa mère"
    r"(?<![\d:])[ \t]:[ \t]+)\Z"
)
# Found from "de"/"d'" before a capitalised word (cheap), then the place is looked for before it.
_DE_CAP = re.compile(rf"(?:de[ \t]+|d['’])(?P<name>{_CAP})(?![\w'’-])(?![ \t]+[{UP}])")
_CHILD_PLACE_BEFORE = re.compile(
    r"(?i:[ée]cole|cr[èe]che|classe|ma[îi]tresse|instit(?:utrice|uteur)?|nounou|"
    r"assistante[ \t]+maternelle|coll[èe]ge|cartable|doudou|carnet[ \t]+de[ \t]+sant[ée])[ \t]+\Z"
)

# "bjr Jojo je suis malade", "ok merci Jojo désolée": a chat greeting, then a capitalised name
# (a nickname the lexicons may not know: any word that is no ordinary, medical or place word).
# (Opens with a character class, a cheap scan; the greeting word is checked in code.)
_GREETING = re.compile(
    rf"(?P<hello>[BbCcSsMm](?:jr|onjour|onsoir|oucou|alut|lt|erci|rc))[ \t]+(?P<name>[{UP}][{LOW}]{{2,}})"
    rf"(?=[ \t]*[,!.?]|[ \t]+[{LOW}])"
)
_GREETINGS = frozenset({"bjr", "bonjour", "bonsoir", "coucou", "salut", "slt", "merci", "mrc"})
# "sandrine c." alone on its line: a lower-case first name signing with the surname's initial.
_LOWER_SIGNATURE = re.compile(rf"(?m)^[ \t]*(?P<name>{_LOWER})[ \t]+(?P<initial>[a-z]\.)[ \t]*$")
# "puér. c. lemoine", "educ a. morvan": a care job's abbreviation, an initial, a lower-case surname.
# (Found from the initial after a space, then the job is looked for before it.)
_JOB_INITIAL_NAME = re.compile(
    rf"[ \t](?P<initial>[a-z]\.)[ \t]?(?P<name>{_LOWER})(?=[ \t]*(?:[–—,;:(/\n]|-[ \t]|$))"
)
_JOB_ABBREVIATION_BEFORE = re.compile(
    r"(?<![\w'’-])(?:pu[ée]r|[ée]duc|ide|as|ash|aes|ass|cesf|psy|sf|kin[ée]|tisf)\.?[ \t]*\Z"
)


_CHILD_PLACE_WORDS = ("ecole", "creche", "classe", "maitresse", "instit", "nounou", "maternelle", "college", "cartable")


def _first_name(ctx: DetectionContext, word: str, common_ok: bool) -> bool:
    """A known first name that may be a person here (no stop, protected, eponym or country word)."""
    lex = ctx.lexicons
    if not lex.is_first_name(word) or is_stop_word(word) or is_protected_word(word, ctx.protected):
        return False
    if is_eponym(word) or lex.is_country(word):
        return False
    return common_ok or not lex.is_common(word)


def _span(m: re.Match[str], group: str, label: str = "PRENOM") -> Span:
    return Span(m.start(group), m.end(group), label, 0.7, "person_slot")


def _plus_pairs(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for plus in re.finditer(r"\+", text):
        m = None
        for back in (40, 20):
            cand = _PLUS.search(text, max(0, plus.start() - back), plus.end() + 30)
            if cand is not None and cand.start() <= plus.start() < cand.end():
                m = cand
                break
        if m is None or not starts_word(text, m.start()):
            continue
        a, b = m.group("a"), m.group("b")
        # both known first names, at least one no ordinary word ("rose + marine" stays)
        if not (_first_name(ctx, a, True) and _first_name(ctx, b, True)):
            continue
        if lex.is_common(a) and lex.is_common(b):
            continue
        spans.append(_span(m, "a"))
        spans.append(_span(m, "b"))
    return spans


def _greeted_and_signed(ctx: DetectionContext) -> list[Span]:
    """A name after a chat greeting, a lower-case signature with an initial, a job then an initial."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _GREETING.finditer(text):
        w = m.group("name")
        if m.group("hello").lower() not in _GREETINGS or not starts_word(text, m.start()):
            continue
        if is_acronym(w) or fold_key(w) in lex.communes:
            continue
        if _first_name(ctx, w, True) or (
            not lex.is_common(w) and not lex.is_first_name(w) and _surname_like(ctx, w) and not is_eponym(w)
        ):
            spans.append(_span(m, "name"))
    if "." in text:
        for m in _LOWER_SIGNATURE.finditer(text):
            if _first_name(ctx, m.group("name"), False):
                spans.append(_span(m, "name"))
                spans.append(_span(m, "initial", "NOM"))
        for m in _JOB_INITIAL_NAME.finditer(text):
            name = m.group("name")
            known = _surname_like(ctx, name) and not lex.is_common(name) and not lex.is_first_name(name)
            if known and _JOB_ABBREVIATION_BEFORE.search(text, max(0, m.start() - 8), m.start() + 1):
                spans.append(_span(m, "initial"))
                spans.append(_span(m, "name", "NOM"))
    return spans


def _surname_like(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    if is_stop_word(word) or is_protected_word(word, ctx.protected) or lex.is_country(word):
        return False
    return (lex.is_surname(word) or not lex.is_common(word)) and fold_key(word) not in lex.communes


@recognizer("person_slot", 59)
def find_person_slots(ctx: DetectionContext) -> list[Span]:
    """First names in the slots listed in the module docstring."""
    if ctx.all_caps:
        return []
    text = ctx.text
    spans: list[Span] = []
    if "+" in text:
        spans.extend(_plus_pairs(ctx))
    for m in _PAR_LOWER.finditer(text):
        if starts_word(text, m.start()) and _first_name(ctx, m.group("name"), False):
            spans.append(_span(m, "name"))
    if "-" in text:
        spans.extend(
            _span(m, "name")
            for m in _HYPHEN_INITIALS.finditer(text)
            if _PERSON_WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
        )
    for m in _POSSESSIVE_KIN.finditer(text):
        if starts_word(text, m.start()) and _first_name(ctx, m.group("name"), False):
            spans.append(_span(m, "name"))
    if "(" in text:
        for bracket in _CLASS_BRACKET.finditer(text):
            child = _NAME_BEFORE.search(text, max(0, bracket.start() - 30), bracket.start())
            if child is not None and starts_word(text, child.start()) and _first_name(ctx, child.group("name"), True):
                spans.append(_span(child, "name"))
    for age in _SHORT_AGE.finditer(text):
        aged = _LOWER_BEFORE.search(text, max(0, age.start() - 30), age.start())
        if aged is None or not starts_word(text, aged.start()):
            continue
        if _CLAUSE_BEFORE.search(text, max(0, aged.start() - 4), aged.start()) and _first_name(
            ctx, aged.group("name"), True
        ):
            spans.append(_span(aged, "name"))
    little = "petit" in ctx.folded or "bebe" in ctx.folded
    for m in prefixed_finditer(_LITTLE_AGED, text, ctx.folded) if little else ():
        if not starts_word(text, m.start()) or not _first_name(ctx, m.group("first"), True):
            continue
        spans.append(_span(m, "first"))
        last = m.group("last")
        if last and not ctx.lexicons.is_first_name(last) and _surname_like(ctx, last):
            spans.append(_span(m, "last", "NOM"))
    for m in _NAME_VERB.finditer(text):
        if not starts_word(text, m.start()) or not _SENTENCE_OPEN.search(text, max(0, m.start() - 14), m.start()):
            continue
        name = m.group("name")
        known = _first_name(ctx, name, True) or (
            is_eponym(name)
            and not is_protected_word(name, ctx.protected)
            and eponym_first_name(ctx.lexicons, name, text, m.end())
        )
        if known and fold_key(name) not in ctx.lexicons.communes:
            spans.append(_span(m, "name"))
    spans.extend(_greeted_and_signed(ctx))
    school = any(w in ctx.folded for w in _CHILD_PLACE_WORDS) or "doudou" in ctx.folded or "carnet" in ctx.folded
    for m in _DE_CAP.finditer(text) if school else ():
        place = _CHILD_PLACE_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if place is None or not starts_word(text, m.start()):
            continue
        glued = place.start() > 0 and (text[place.start() - 1].isalnum() or text[place.start() - 1] == "-")
        if not glued and _first_name(ctx, m.group("name"), True):  # "l'école de Malo": elision allowed
            spans.append(_span(m, "name"))
    return spans
