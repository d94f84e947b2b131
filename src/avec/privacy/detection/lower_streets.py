"""Streets typed in lower case without a number in hurried notes (street outreach, home care).

Maraude logs and care messages name the place where a person was met, in lower case and without a
house number: "20h55 square des tilleuls : couple ...", "- avenue mercadier : personne",
"dort dans un hall rue du moulin.", "(chemin des vignes)", "10h30 lieu-dit la croix blanche, ...".
The address rule reads a lower-case street only after a home word, a corner or before a postal
code; this one reads it from the street type and the shape of its name:

- a street type that is no ordinary noun (rue, avenue, bd, quai, impasse, square...) followed by a
  name word that is no ordinary French word, or a known first name, surname or commune
  ("avenue berthier", "rue lucien morel"); or by a particle and ordinary words when no article or
  preposition makes the type a noun ("hall d'immeuble rue du moulin", not "à la rue depuis");
- a street type that is also an ordinary noun (place, cours, chemin, route, pont, allée...) only
  with a name that is no ordinary word, or where a note slot (line start, bullet, clock time,
  bracket) opens it and a colon, a bracket or a comma closes it ("21h10 place des acacias :");
- a lieu-dit or a hamlet, whose name is always a place ("lieu-dit la pierre levée");
- a house number just before the type joins the street ("12 rue de la paix 20h05").

Hand-written: no offline library reads lower-case French street names in free text.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key
from avec.privacy.spans import Span

# Street types that are no ordinary noun in a note ("rue" is, but "à la rue" is caught by its article).
_PLAIN_TYPES = frozenset(
    words_of("rue avenue av. bd boulevard bld quai impasse square esplanade parvis ruelle venelle faubourg")
)
_PLACE_TYPES = frozenset({"lieu-dit", "lieudit", "hameau"})
# Ordinary nouns read as a street with ordinary words only in a note slot.
_SLOT_TYPES = frozenset({"place", "chemin", "allee", "allees"})
_STREET = re.compile(
    r"(?<![\w'’-])(?P<type>rue|avenue|av\.|bd|boulevard|bld|quai|impasse|square|esplanade|parvis|ruelle|venelle|"
    r"faubourg|place|cours|chemin|route|pont|all[ée]es?|promenade|lieu[ -]dit|lieudit|hameau)"
    r"[ \t]+(?=[a-zà-ÿ])"
)
_PARTICLE = r"(?:de[ \t]+la[ \t]+|de[ \t]+l['’][ \t]*|d['’][ \t]*|du[ \t]+|des[ \t]+|de[ \t]+)"
_ARTICLE = r"(?:la[ \t]+|le[ \t]+|les[ \t]+|l['’][ \t]*)"
_WORD = r"[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ]+)*"
_FIRST = re.compile(rf"(?P<particle>{_PARTICLE}|{_ARTICLE})?(?P<word>{_WORD})")
_NEXT = re.compile(rf"[ \t]+(?P<particle>{_PARTICLE})?(?P<word>{_WORD})")
# Titles inside a street's name: "place du colonel x", "rue du docteur y", "rue st jean".
_NAME_TITLES = frozenset(
    words_of(
        """colonel general docteur dr marechal president abbe commandant capitaine professeur pasteur saint sainte
        st ste lieutenant sergent amiral cardinal"""
    )
)
# Landmarks every town has: "angle rue de la gare" names no one's place (a house number may still
# make it an address).
_GENERIC = frozenset(words_of("gare eglise mairie poste ecole marche chateau fontaine stade cimetiere"))
# A word before the type that makes it the ordinary noun: "à la rue", "sur place", "en cours".
_NOUN_BEFORE = re.compile(
    r"(?:^|[^\w'’-])(?:la|le|les|l['’]|une?|de|d['’]|des|du|en|sur|sa|son|ses|ma|mon|ta|ton|cette|ce|cet|"
    r"leur|notre|votre|aucune?|quelle?|chaque|par|pas|même|autre|dans|au|aux)[ \t]*\Z"
)
# A note slot opens the street: the line start, a bullet, a clock time, a bracket.
_SLOT_BEFORE = re.compile(r"(?:^|[-•*·(]|\b\d{1,2}[h:]\d{0,2})[ \t]*\Z", re.MULTILINE)
# What closes a street read in a slot: a colon, a bracket, a comma, a full stop, a dash, the line end.
_CLOSED_AFTER = re.compile(r"[ \t]*(?:$|[:;,().\n]|[–—]|-[ \t]|\d)", re.MULTILINE)
# A house number just before the type ("12 rue x"), not the end of a phone number or a time.
_NUMBER_BEFORE = re.compile(r"(?<![\d.,/:h])(?<!\d[ \t])\d{1,4}(?:[ \t]?(?:bis|ter))?[ \t]+\Z")


def _is_stop(ctx: DetectionContext, word: str) -> bool:
    return not may_be_name(ctx, word) or fold_key(word) in CALENDAR_WORDS or len(word) < 3


def _named(ctx: DetectionContext, word: str) -> bool:
    """A word that names a street by itself: no ordinary word, or a known first name ("voltaire")."""
    lex = ctx.lexicons
    if _is_stop(ctx, word):
        return False
    return not lex.is_common(word) or lex.is_first_name(word)


def _known(ctx: DetectionContext, word: str) -> bool:
    """A known surname, first name or commune that is no ordinary word ("place dispo" is no street)."""
    lex = ctx.lexicons
    if lex.is_first_name(word):
        return True
    return not lex.is_common(word) and (lex.is_surname(word) or fold_key(word) in lex.communes)


@recognizer("lower_street", 73)
def find_lower_streets(ctx: DetectionContext) -> list[Span]:
    """Lower-case streets without a number in notes (see the module docstring)."""
    text = ctx.text
    if ctx.all_caps:
        return []
    out: list[Span] = []
    for m in prefixed_finditer(_STREET, text, ctx.folded):
        span = _street(ctx, m)
        if span is not None:
            out.append(span)
    return out


def _street(ctx: DetectionContext, m: re.Match[str]) -> Span | None:
    text = ctx.text
    typ = fold_key(m.group("type")).replace(" ", "-")
    first = _FIRST.match(text, m.end())
    if first is None:
        return None
    word, particle = first.group("word"), first.group("particle") or ""
    if _is_stop(ctx, word) and fold_key(word) not in _NAME_TITLES:
        return None
    end = first.end()
    words = [word]
    town_after = False
    while len(words) < 5 and (nxt := _NEXT.match(text, end)) is not None:
        w = nxt.group("word")
        follows_title = fold_key(words[-1]) in _NAME_TITLES
        if _is_stop(ctx, w) and not (fold_key(w) in _NAME_TITLES and not nxt.group("particle")):
            break
        if not (nxt.group("particle") or follows_title or typ in _PLACE_TYPES or _named(ctx, w)):
            break
        if not nxt.group("particle") and not follows_title and fold_key(w) in ctx.lexicons.communes:
            town_after = True
            break  # "3 rue des lilas plouha": the commune after the street is its own span
        words.append(w)
        end = nxt.end()
    if fold_key(words[-1]) in _NAME_TITLES:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[max(line_start, m.start() - 30) : m.start()]
    noun_before = _NOUN_BEFORE.search(before) is not None
    slot = _SLOT_BEFORE.search(before) is not None
    closed = town_after or _CLOSED_AFTER.match(text, end) is not None
    named = any(_named(ctx, w) for w in words if fold_key(w) not in _NAME_TITLES)
    if typ in _PLACE_TYPES:
        ok = closed and not noun_before  # "un hameau isolé" is no place name
    elif typ in _PLAIN_TYPES:
        if named:
            ok = not re.search(r"(?:^|[^\w'’-])(?:de|en)[ \t]*\Z", before)
        else:
            ok = bool(particle) and not noun_before and closed and particle.strip() not in ("la", "le", "les")
    else:
        # "sous le pont de la guillotière": a bridge named by a proper name after its article
        bridge = typ == "pont" and named and bool(particle)
        if named and (not noun_before or bridge):
            # without a particle the name must be a known one: "place dispo" is no street
            ok = bool(particle) or _known(ctx, word) and (slot or closed)
        else:
            # "21h10 place des acacias :"; never "cours de français" (a class), "route de nuit"
            ok = slot and closed and typ in _SLOT_TYPES and not noun_before and particle[:1] == "d"
    if not ok:
        return None
    start = m.start()
    if (num := _NUMBER_BEFORE.search(text, max(line_start, start - 12), start)) is not None:
        start = num.start()
    elif not named and fold_key(words[-1]) in _GENERIC:
        return None
    return Span(start, end, "ADRESSE", 0.7, "lower_street")
