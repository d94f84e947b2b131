"""Relatives and children named after a kinship word, and a person named before a birth date:

- one name or a list after a kinship word, in any case: "ENFANTS ARBEN, DRITA", "jumeaux Lio et
  Naé", "Fils Bernard (à Vierzon)", "MERE AMINATA PASSE LA NUIT", "deux enfants, Grâce (née le ...)";
- a capitalised word before ", née le" or "(né le": "- Ozlem, née le 03/03/2021".

A name unknown to the lexicons is kept here (foreign first names are the point), but never an
ordinary French word ("FILS SCOLARISE", "MERE PASSE"), a stop word, a title, a drug, an acronym,
a country or a commune; an ordinary word is kept only right before its birth date ("Grâce (née le").

Hand-written: no library reads these slots of French social and care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_KIN = (
    r"(?:enfants?|fils|filles?|fr[èe]res?|s(?:œ|oe)urs?|jumeaux|jumeau|jumelles?|m[èe]re|p[èe]re|maman|papa|"
    r"b[ée]b[ée]|[ée]poux|[ée]pouse|mari|conjointe?|compagne|compagnon|petits?-fils|petites?-filles?|"
    r"petits?-enfants|neveux?|ni[èe]ces?|cousine?s?|oncle|tante|grand-m[èe]re|grand-p[èe]re|gendre|"
    r"belle-fille|beau-fils|demi-fr[èe]re|demi-s(?:œ|oe)ur)"
)
_WORD = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?|[{UP}]{{3,}}(?:-[{UP}]{{2,}})?"
_KIN_LIST = re.compile(
    rf"(?<![\w'’-])(?i:{_KIN})[ \t]*[:,]?[ \t]+"
    rf"(?P<names>(?:{_WORD})(?:[ \t]*(?:,|&|/|\bet\b|\bET\b)[ \t]*(?:{_WORD}))*)"
    r"(?![\w'’-])"
)
_ITEM = re.compile(_WORD)
# Found first (cheap), then the name is looked for just before it.
_BIRTH = re.compile(r"(?:,|\()[ \t]*n[ée]e?[ \t]+(?:le|en)\b")
_BIRTH_AFTER = re.compile(r"[ \t]*" + _BIRTH.pattern)
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)\Z")
# Only where a name opens a list item or follows a separator: "- Ozlem, née le", "et Naé (né le".
_ITEM_LEAD = re.compile(r"(?:^|\n|[-–•*,;:(]|\bet)[ \t]*\Z")


_NEXT_WORD = re.compile(rf"[ \t]+(?P<w>[{UP}][{LOW}{UP}]+(?:-[{UP}][{LOW}{UP}]+)?)(?![\w'’])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?i:la|le|les)[ \t]+\Z")


def _surname_first(ctx: DetectionContext, end: int) -> bool:
    """A known first name right after the listed word: the word was the surname."""
    nxt = _NEXT_WORD.match(ctx.text, end)
    return nxt is not None and ctx.lexicons.is_first_name(nxt.group("w"))


def _name_like(ctx: DetectionContext, word: str, before_birth: bool) -> bool:
    """A word that may be a relative's name: no ordinary word (unless before a birth date), title,
    drug, acronym, eponym, country or commune that is no first name."""
    lex = ctx.lexicons
    if is_stop_word(word) or is_protected_word(word, ctx.protected) or lex.is_country(word):
        return False
    if word.isupper() and is_acronym(word):
        return False
    first = lex.is_first_name(word)
    if is_eponym(word) and not first:
        return False
    # A capitalised first name may be a word too ("Fils Pierre"); not in capitals ("FILS UNIQUE").
    if lex.is_common(word) and not before_birth and (word.isupper() or not first):
        return False
    return first or fold_key(word) not in lex.communes


def _label(ctx: DetectionContext, word: str) -> str:
    lex = ctx.lexicons
    return "NOM" if lex.is_surname(word) and not lex.is_first_name(word) and not word.isupper() else "PRENOM"


@recognizer("kinship_name", 76)
def find_kinship_names(ctx: DetectionContext) -> list[Span]:
    """Names after a kinship word, and a capitalised name before its birth date."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_KIN_LIST, text, ctx.folded):
        base = m.start("names")
        if _surname_first(ctx, m.end()):
            continue  # "fils Santoni Jean-Marc", "MERE CARON ELODIE": left to the name rules
        family = _ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
        for item in _ITEM.finditer(m.group("names")):
            word = item.group(0)
            if word.isupper() and not ctx.all_caps:
                break  # "mère DUPONT", "Mère : EPDS": a surname or an acronym, left to the other rules
            end = base + item.end()
            before_birth = _BIRTH_AFTER.match(text, end) is not None
            if not _name_like(ctx, word, before_birth) or (word == "Noël" and text[m.start()] in "pP"):
                break
            # "la fille Cadiou": the family's name ("la fille Sylvie" is her first name); "père
            # Onillon": a priest, named by his surname.
            given = ctx.lexicons.is_first_name(word) or ctx.lexicons.is_east_asian(word)
            priest = text[m.start() : m.start() + 4].lower() == "père" and not word.isupper()
            label = "NOM" if (family or priest) and not given else _label(ctx, word)
            spans.append(Span(base + item.start(), end, label, 0.7, "kinship_name"))
    if "né" in text:
        for m in _BIRTH.finditer(text):
            origin = max(0, m.start() - 40)
            head = text[origin : m.start()].rstrip(" \t")
            nm = _NAME_BEFORE.search(head)
            if not nm:
                continue
            start = origin + nm.start()
            if not _ITEM_LEAD.search(text, max(0, start - 6), start):
                continue
            word = nm.group("name")
            if _name_like(ctx, word, before_birth=False):
                spans.append(Span(start, start + len(word), _label(ctx, word), 0.7, "kinship_name"))
    return spans
