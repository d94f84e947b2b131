"""First names alone in team e-mails, chats, plannings and nursing notes, in a slot where a
person is expected (round 16):

- after "de" and a word of a staff member's absence or message: "Suite à l'arrêt de Margaux",
  "en remplacement de Nadège", "à la demande de Killian", "de la part de sandrine";
- after "à" and a verb of telling or showing: "à montrer à Coralie ce matin", "transmis à lucie",
  "j'ai demandé à Mehdi";
- after a verb of calling back or warning in a chat: "j'ai rappelé solène elle confirme";
- two first names joined by "+" in a planning: "→ Perrine + Yohann";
- a chat speaker after a clock ("06:12 Killian : bjr"), a day's writer ("mar 10/10 – jérôme (ME)"),
  a staff member's absence after the name ("Morgane en congés du 15/07"), a child and an age
  ("Fratrie : Yanis 13 ans, Lina 4 ans");
- a first name heading a line before a colon, in a child-by-child or person-by-person list:
  "Lilou : difficultés en lecture", "Timéo (via classeur) : choisit la piscine".

- a lower-case first name after a kin or household word without a possessive ("bb éloïse née le",
  "appeler la fille wiktoria", "son copain lucas"), or before a verb ("killian regarde les jambes");
  a newborn's first name in capitals after "BB" ("BB NOLAN (NE LE 02/02)").

Every word must be a known first name (after a kin word, also a word no lexicon knows) and no
stop word, drug, acronym, eponym or country; a rare first name that is also an ordinary word is
left ("Mesure :", "Santé :"); a first name that is also a place is kept only in the absence and
kin slots, where no place stands ("arrêt de Margaux"). Hand-written: no library reads these
layouts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from avec.privacy.detection.lower_case_names import may_be_name, starts_word
from avec.privacy.detection.name_scan import LOW, UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_NAME = rf"(?:[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?|[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)"
_CAP_NAME = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
_END = r"(?![\w'’@-])"

# First names that are ordinary words a writer may use in these slots ("à la demande de France").
_WORD_NAMES = frozenset(
    ["france", "pierre", "rose", "olive", "claire", "blanche", "aurore", "prudence", "constance", "victoire",
     "ambre", "fleur", "reine", "ange", "iris", "pascal", "patience", "grace", "celeste", "espérance",
     "esperance", "modeste", "juste", "aime", "desire", "lys", "perle", "prune", "colombe", "violette", "capucine",
     "marguerite", "florence", "lourdes", "nancy", "valence", "vienne", "orange", "paris", "laval", "lorraine",
     "noel", "paques", "toussaint", "pentecote"]
)

# A staff member's absence, replacement or message, then "de": the person.
_ABSENCE_OF = re.compile(
    r"(?i:arr[eê]t(?:[ \t]+maladie)?|absence|cong[ée]s?(?:[ \t]+mat(?:ernit[ée])?)?|remplacement|"
    r"demande|la[ \t]+part|la[ \t]+place|mutation|message|mail|sms|appel)"
    rf"[ \t]+(?:de[ \t]+|d['’])(?P<name>{_NAME}){_END}"
)
# A verb of telling, showing or handing over, up to three words, then "à": the person told.
_TOLD = re.compile(
    r"(?i:montrer|montr[ée]e?s?|dire|dit|demander|demand[ée]e?|transmettre|transmise?s?|signaler|signal[ée]e?s?|"
    r"expliquer|expliqu[ée]e?|donner|donn[ée]e?s?|confier|confi[ée]e?s?|annoncer|annonc[ée]e?|"
    r"passer|pass[ée]e?|laisser|laiss[ée]e?|t[ée]l[ée]phoner|t[ée]l[ée]phon[ée]|parler|parl[ée]|"
    r"r[ée]pondre|r[ée]pondu|faire[ \t]+suivre|pr[ée]senter|pr[ée]sent[ée]e?)"
    rf"(?:[ \t]+[{LOW}'’]+){{0,3}}?[ \t]+(?:à|a)[ \t]+(?P<name>{_NAME}){_END}"
)
# Called back or warned: "j'ai rappelé solène", "prévenu Killian".
_CALLED = re.compile(
    r"(?i:rappel[ée]e?|appel[ée]e?|pr[ée]venu|pr[ée]venue|contact[ée]e?|relanc[ée]e?|vu[ \t]+avec|eu)"
    rf"[ \t]+(?P<name>{_NAME}){_END}"
)
# "→ Perrine + Yohann", "Perrine + Yohann en renfort".
_PLUS_PAIR = re.compile(rf"(?<![\w'’-])(?P<a>{_CAP_NAME})[ \t]+\+[ \t]+(?P<b>{_CAP_NAME}){_END}")
# A first name heading its line before a colon (a bracket may come between).
_LINE_HEAD = re.compile(
    rf"(?m)(?:^[ \t]*|(?<=[.!?])[ \t]+)(?P<name>{_CAP_NAME})(?:[ \t]*\([^()\n]{{1,30}}\))?[ \t]*:[ \t]+(?=[{LOW}«\"“])"
)
# A lower-case first name after a household or kinship word written without a possessive:
# "bb timéo né le", "mamie huguette", "appeler la fille agathe", "son copain lucas".
_LOWER_NAME = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_HOUSEHOLD = re.compile(
    r"(?:bb|b[ée]b[ée]|mamie|mamy|papi|papy|m[ée]m[ée]|p[ée]p[ée]|tata|tonton|copain|copine|voisine?|"
    r"(?:le|la)[ \t]+petite?|"
    r"(?:la|sa)[ \t]+(?:fille|m[èe]re|s(?:œ|oe)ur|femme)|(?:le|son)[ \t]+(?:fils|p[èe]re|fr[èe]re|mari))"
    rf"[ \t]+(?P<name>{_LOWER_NAME}){_END}"
)
# A lower-case first name, then a verb in the third person: "fred regarde les jambes",
# "océane demande un test", "moussa est malade", "dom l'accompagne", "solène elle confirme".
_SUBJECT = re.compile(
    rf"(?<![\w'’-])(?P<name>{_LOWER_NAME})[ \t]+(?:elle[ \t]+|il[ \t]+|l['’]|lui[ \t]+|nous[ \t]+|me[ \t]+|m['’])?"
    r"(?:est|a|dit|demande|regarde|rappelle|vient|arrive|passe|accompagne|confirme|signale|refuse|accepte|"
    r"part|revient|prend|fait|va|veut|souhaite|pr[ée]vient|appelle|explique|trouve|reste|s['’]occupe|"
    r"dort|mange|pleure|crie|tombe|joue|boit|parle|attend|semble|propose|pense|indique|note|ne|n['’]a|n['’]est)"
    rf"{_END}"
)
# A newborn's first name in capitals after "BB" in a ward hand-over: "BB NOLAN (NE LE 02/02)".
_CAPS_BABY = re.compile(rf"(?<![\w'’-])(?:BB|B[EÉ]B[EÉ])[ \t]+(?P<name>[{UP}]{{3,}}(?:-[{UP}]{{2,}})?){_END}")
# A chat or radio log: a clock, then the speaker's first name and a colon ("06:12 Greg : bjr").
_CLOCK_SPEAKER = re.compile(rf"(?m)^[ \t]*\[?\d{{1,2}}[:h]\d{{2}}\]?[ \t]+(?P<name>{_CAP_NAME})[ \t]*:")
# A day's entry signed by its writer: "mar 10/10 – jérôme (ME)", "lun 10/03 – Véronique".
_DAY_WRITER = re.compile(
    r"(?m)^[ \t]*(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*[–—-][ \t]*"
    rf"(?P<name>{_NAME})[ \t]*(?=\(|$)"
)
# A staff member's absence or shift after the name: "Morgane en congés du 15/07", "Killian d'astreinte".
_NAME_ABSENT = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP_NAME})[ \t]+(?:en[ \t]+(?:cong[ée]s?|arr[êe]t|formation|repos|RTT|renfort)|"
    r"absente?|d['’]astreinte|de[ \t]+garde|de[ \t]+repos)(?![\w'’-])"
)
_ABSENCE_WORDS = ("cong", "arret", "formation", "repos", "rtt", "renfort", "absent", "astreinte", "garde")
# A child's first name and age in a list: "Fratrie : Yanis 13 ans, Lina 4 ans".
_NAME_AGE = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP_NAME}),?[ \t]+\d{{1,2}}[ \t]*(?:ans|mois)(?![\w'’-])")
# Short forms of first names that are words too ("fred", "dom"), kept after a verb or a kin word.
_NICKNAMES = frozenset(["fred", "dom", "seb", "nico", "flo", "steph", "gigi", "jojo", "manu", "mimi"])
# The words a writer puts before "de" that are no person ("rappelé le", "eu le").
_NOT_NAMES = frozenset(["elle", "lui", "leur", "eux", "moi", "nous", "vous", "toi", "ils", "elles"])


def _word_starts(text: str, pos: int) -> bool:
    """No letter or digit just before ``pos`` (an apostrophe may stand there: "l'arrêt")."""
    return pos == 0 or not text[pos - 1].isalnum()


def _first_name(ctx: DetectionContext, word: str, place_ok: bool = False) -> bool:
    """A known first name that may be a person here (see the module docstring)."""
    lex = ctx.lexicons
    key = fold_key(word)
    if key in _WORD_NAMES or key in _NOT_NAMES or not lex.is_first_name(word) or not may_be_name(ctx, word):
        return False
    if lex.french_first_name_frequency(word) < 4 and lex.is_common(word):
        return False  # a rare first name that is also a word is the word ("Mesure :", "Santé :")
    if place_ok:
        return True  # no place in this slot: "arrêt de Margaux", "bb éloïse"
    usual = lex.french_first_name_frequency(word) >= 5
    return key not in lex.foreign_cities and (key not in lex.communes or usual)


def _lower_first_name(ctx: DetectionContext, word: str, place_ok: bool = False) -> bool:
    """A lower-case known first name: usual in France if it is also an ordinary word."""
    if not word.islower():
        return False
    if word in _NICKNAMES:
        return True
    if word in _function_words() or not _first_name(ctx, word, place_ok):
        return False
    lex = ctx.lexicons
    return lex.french_first_name_frequency(word) >= 4 or not lex.is_common(word)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS  # language data only, no model loaded

    return frozenset(STOP_WORDS)


def _unknown_word(ctx: DetectionContext, word: str) -> bool:
    """A lower-case word unknown as a word or a place, after a kin word: a foreign first name."""
    lex = ctx.lexicons
    key = fold_key(word)
    return (
        len(word) >= 4
        and word not in _function_words()
        and not lex.is_common(word)
        and may_be_name(ctx, word)
        and key not in lex.communes
        and key not in lex.foreign_cities
    )


def _add(spans: list[Span], m: re.Match[str], group: str) -> None:
    spans.append(Span(m.start(group), m.end(group), "PRENOM", 0.7, "first_name_slot"))


@recognizer("first_name_slot", 57)
def find_first_names_in_slots(ctx: DetectionContext) -> list[Span]:
    """First names alone in a slot where a person is expected (see the module docstring)."""
    text = ctx.text
    spans: list[Span] = []
    if "B" in text:
        for m in prefixed_finditer(_CAPS_BABY, text, ctx.folded):
            if _first_name(ctx, m.group("name"), place_ok=True):
                _add(spans, m, "name")
    if ctx.all_caps:
        return spans
    for m in prefixed_finditer(_ABSENCE_OF, text, ctx.folded):
        if _word_starts(text, m.start()) and _first_name(ctx, m.group("name"), place_ok=True):
            _add(spans, m, "name")
    for rx in (_TOLD, _CALLED):
        for m in prefixed_finditer(rx, text, ctx.folded):
            if _word_starts(text, m.start()) and _first_name(ctx, m.group("name")):
                _add(spans, m, "name")
    if "+" in text:
        for m in _PLUS_PAIR.finditer(text):
            if starts_word(text, m.start()) and _first_name(ctx, m.group("a")) and _first_name(ctx, m.group("b")):
                _add(spans, m, "a")
                _add(spans, m, "b")
    for m in _SUBJECT.finditer(text):
        if _word_starts(text, m.start()) and _lower_first_name(ctx, m.group("name")):
            _add(spans, m, "name")
    for m in prefixed_finditer(_HOUSEHOLD, text, ctx.folded):
        if _word_starts(text, m.start()) and (
            _lower_first_name(ctx, m.group("name"), place_ok=True) or _unknown_word(ctx, m.group("name"))
        ):
            _add(spans, m, "name")
    folded = ctx.folded
    # each layout only where its anchor word stands (cheap substring tests)
    ages = " ans" in folded or "mois" in folded
    absent = any(w in folded for w in _ABSENCE_WORDS)
    clock = ":" in text or "h" in folded
    for rx, present in ((_CLOCK_SPEAKER, clock), (_NAME_ABSENT, absent), (_NAME_AGE, ages)):
        if not present:
            continue
        for m in rx.finditer(text):
            if _first_name(ctx, m.group("name")):
                _add(spans, m, "name")
    for m in _DAY_WRITER.finditer(text):
        w = m.group("name")
        if _lower_first_name(ctx, w) if w.islower() else _first_name(ctx, w):
            _add(spans, m, "name")
    if ":" in text:
        for m in _LINE_HEAD.finditer(text):
            w = m.group("name")
            # a surname heads a line as often ("Martin : ..."), unless a usual first name too
            if _first_name(ctx, w) and (
                not ctx.lexicons.is_surname(w) or ctx.lexicons.french_first_name_frequency(w) >= 5
            ):
                _add(spans, m, "name")
    return spans


HARNESS = ["find_first_names_in_slots"]
