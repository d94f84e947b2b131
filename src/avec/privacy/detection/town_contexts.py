"""Towns told by what surrounds them rather than by a preposition the commune rule reads.

- a country then a town in brackets: "Sénégal (Kaolack)", "Tunisie (Sousse)";
- a journey written with arrows: "Niger → Libye (Sabha) → Lampedusa → Vintimille → Nice";
- lists of communes joined by slashes or "et": "Aixe-sur-Vienne / Bosmie / Ladignac", "à Nexon et
  Janailhac" (a commune that is also a word is a town next to another commune);
- a court, a body's acronym or a branch named by its town: "tribunal judiciaire de Millau",
  "CHICAS de Gap", "antenne Morlaix", "centre 15 Tulle";
- a city-state or a capital named like its country after "à": "travaille à Luxembourg";
- a foreign city after a movement or a relative: "doit arriver de Kaolack", "retour Abidjan",
  "fille (Genève)", "originaire de Deir ez-Zor".

Hand-written: these are French sentence shapes, not something a gazetteer package reads.
"""

from __future__ import annotations

import re

from avec.privacy.detection.commune_parentheses import is_word_like
from avec.privacy.detection.foreign_places import known_foreign_city
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, WorldPlaces, commune_heads, known_commune, world_places
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_W = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
# A town of up to three words, with French and Arabic particles ("La Seyne", "Deir ez-Zor").
_TOWN = r"(?:" + _W + r"(?:[ \t]+(?:(?:de|du|des|la|le|les|sur|en|el|al|ez|es|ed|ad|ar)[ \t-]+)?" + _W + r"){0,2})"
_COUNTRY_BEFORE = re.compile(r"(?<![\w'’-])(?P<country>" + _W + r")[ \t]*\Z")
_TOWN_IN_BRACKETS = re.compile(r"(?P<town>" + _TOWN + r")[ \t]*\)")
_ARROW = r"(?:→|->|=>|⇒)"
_ARROW_RX = re.compile(_ARROW)
_CHAIN_ITEM = re.compile(
    r"(?:(?:travers[ée]e|passage|arriv[ée]e?)[ \t]+(?:vers|à|a|par)[ \t]+)?(?P<town>" + _TOWN + r")"
)
# (round 14: a journey or a round of visits joined by spaced dashes, "tournée Lannion – Perros – Trégastel")
_JOIN_SEP = re.compile(r"/|(?<=[ \t])(?:et|[–—])(?=[ \t])")
_TOWN_BEFORE = re.compile(r"(?<![\w'’-])" + _TOWN + r"\Z")
_TOWN_AT = re.compile(_TOWN)
_LIST_END = re.compile(r"[ \t]*(?:[.,;:)\n]|$|[–—][ \t])")
_SEAT = re.compile(
    r"(?:(?i:\btribunal)(?:[ \t]+(?i:judiciaire|administratif|correctionnel|d['’]instance|de[ \t]+grande[ \t]+instance|"
    r"de[ \t]+premi[èe]re[ \t]+instance|pour[ \t]+enfants|de[ \t]+proximit[ée]|de[ \t]+commerce))?[ \t]+(?:de|d['’])|"
    r"(?i:\bantenne)(?:[ \t]+(?:de|d['’]))?|"
    r"(?i:\bcentre[ \t]+15)(?:[ \t]+(?:de|d['’]))?)"
    r"[ \t]*(?P<town>" + _TOWN + r")"
)
# "CHICAS de Gap": a body's acronym and its town
_OF_CAPITAL = re.compile(r" d(?:e[ \t]+|['’])(?=[" + UP + r"])")
_ACRONYM_END = re.compile(r"(?<![\w-])[A-Z]{3,8}[ \t]*\Z")
_TOWN_AFTER = re.compile(r"(?P<town>" + _TOWN + r")")
_AT_CITY_STATE = re.compile(r"(?<![\w'’])à[ \t]+(?P<town>" + _W + r")")
_MOVE = re.compile(
    r"(?i:\barriv(?:er|e|ent|ons|ez)[ \t]+(?:de|d['’])|\bretour\b(?:[ \t]+(?:de|d['’]|du))?|"
    r"\brentr(?:er|e)[ \t]+(?:de|d['’])|\boriginaires?[ \t]+(?:de|d['’])|"
    r"\b(?:fils|filles?|fr[èe]res?|s[œo]e?urs?|m[èe]re|p[èe]re|famille)[ \t]*,?[ \t]*\(|"
    r"\bfamille[ \t]+(?:en|à))[ \t]*(?<=[\s'’(])(?P<town>" + _TOWN + r")"
)

# "retour Glasgow 15": a score, not a town
_SCORE_AFTER = re.compile(r"[ \t]*(?:\d|/|sur[ \t]+\d)")


_CITY_STATES: list[frozenset[str]] = []


def _city_states(world: WorldPlaces) -> frozenset[str]:
    """Folded names that are a country and a city (Luxembourg, Monaco, Djibouti, Singapour)."""
    if not _CITY_STATES:
        _CITY_STATES.append(frozenset(c for c in world.countries if c in world.cities))
    return _CITY_STATES[0]


def _is_place_word(ctx: DetectionContext, town: str) -> bool:
    """Not a country, not an ordinary word, a first name or a medical word."""
    key = fold_key(town)
    if key in world_places(ctx.lexicons).countries or is_protected_word(town.split()[0]):
        return False
    return not is_word_like(ctx.lexicons, town) and not ctx.lexicons.is_surname(town)


def _commune_or_head(ctx: DetectionContext, town: str) -> bool:
    key = fold_key(town)
    return known_commune(ctx.lexicons, town) or key in commune_heads(ctx.lexicons) or _head_of_compound(ctx, key)


def _head_of_compound(ctx: DetectionContext, key: str) -> bool:
    """ "La Seyne" for La Seyne-sur-Mer: a commune written without its "-sur-X" tail."""
    dashed = key.replace(" ", "-")
    if "-" not in dashed:
        return False
    return any(dashed + tail in ctx.lexicons.communes for tail in ("-sur-mer", "-sur-loire", "-sur-seine"))


def _countries_and_chains(ctx: DetectionContext) -> list[Span]:
    text, world = ctx.text, world_places(ctx.lexicons)
    out = []
    if "(" in text:
        for bracket in re.finditer(r"\([ \t]*(?=[" + UP + r"])", text):
            country = _COUNTRY_BEFORE.search(text, max(0, bracket.start() - 40), bracket.start())
            town_m = _TOWN_IN_BRACKETS.match(text, bracket.end())
            if country is None or town_m is None or fold_key(country.group("country")) not in world.countries:
                continue
            town = town_m.group("town")
            if town.isupper() and len(town) <= 6:
                continue  # "CAF de la Guadeloupe (PAJE)": an acronym
            if _is_place_word(ctx, town) or known_foreign_city(town, world):
                out.append(Span(town_m.start("town"), town_m.end("town"), "VILLE", 0.72, "town_context"))
    if "→" in text or "->" in text or "=>" in text or "⇒" in text:
        lines = {text.rfind("\n", 0, a.start()) + 1 for a in _ARROW_RX.finditer(text)}
        for line_start in sorted(lines):
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            bounds = [line_start]
            for arrow in _ARROW_RX.finditer(text, line_start, line_end):
                bounds += [arrow.start(), arrow.end()]
            bounds.append(line_end)
            if len(bounds) < 6:
                continue  # a journey has at least three stops
            items = []
            for a, b in zip(bounds[::2], bounds[1::2], strict=True):
                lead = a + len(text[a:b]) - len(text[a:b].lstrip(" \t:"))
                if item := _CHAIN_ITEM.match(text, lead, b):
                    items.append((item.start("town"), item.end("town"), item.group("town")))
            known = [t for t in items if fold_key(t[2]) in world.countries or known_foreign_city(t[2], world)]
            if len(known) < 2:
                continue  # a journey names countries or known cities; "J1 -> J3 -> J5" is none
            for s, e, town in items:
                if _is_place_word(ctx, town):
                    out.append(Span(s, e, "VILLE", 0.7, "town_context"))
    return out


def _joined_communes(ctx: DetectionContext) -> list[Span]:
    text, lex, out = ctx.text, ctx.lexicons, []
    pairs: dict[int, tuple[int, int]] = {}  # start of an item -> (end, start of the next item)
    for sep in prefixed_finditer(_JOIN_SEP, text, ctx.folded):
        a, b = sep.start(), sep.end()
        while a > 0 and text[a - 1] in " \t":
            a -= 1
        while text[b : b + 1] in (" ", "\t"):
            b += 1
        if not text[a - 1 : a].isalpha() or not text[b : b + 1].isupper():
            continue
        if sep.group(0) != "/" and (a == sep.start() or b == sep.end()):
            continue  # "et" needs a space on each side
        before = _TOWN_BEFORE.search(text, max(0, a - 50), a)
        after = _TOWN_AT.match(text, b)
        if before and after:
            pairs[before.start()] = (before.end(), after.start())
            pairs.setdefault(after.start(), (after.end(), -1))
    seen: set[int] = set()
    for head in sorted(pairs):
        if head in seen:
            continue
        items, pos = [], head
        while pos in pairs and pos not in seen:
            seen.add(pos)
            items.append((pos, pairs[pos][0]))
            pos = pairs[pos][1]
        if not _LIST_END.match(text, items[-1][1]):
            continue  # the last item must close the list: "Nexon et Auge, prendre la D20"
        firm = [known_commune(lex, text[s:e]) and not is_word_like(lex, text[s:e]) for s, e in items]
        for i, (s, e) in enumerate(items):
            name = text[s:e]
            if not any(f for j, f in enumerate(firm) if j != i):
                continue  # another item of the list must be a commune that is no word
            if is_protected_word(name.split()[0]) or lex.is_first_name(name):
                continue
            if firm[i] or _commune_or_head(ctx, name):
                out.append(Span(s, e, "VILLE", 0.7, "town_context"))
    return out


def _seats_and_moves(ctx: DetectionContext) -> list[Span]:
    text, world, out = ctx.text, world_places(ctx.lexicons), []
    for m in prefixed_finditer(_SEAT, text, ctx.folded):
        town = m.group("town")
        place = _commune_or_head(ctx, town) or known_foreign_city(town, world)
        if place and not is_protected_word(town.split()[0]) and not ctx.lexicons.is_first_name(town):
            out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.72, "town_context"))
    for a in _OF_CAPITAL.finditer(text) if not ctx.all_caps else ():
        if not _ACRONYM_END.search(text, max(0, a.start() - 9), a.start()):
            continue
        town_m = _TOWN_AFTER.match(text, a.end())
        town = town_m.group("town") if town_m else ""
        if town and _commune_or_head(ctx, town) and not is_protected_word(town.split()[0]):
            out.append(Span(a.end(), a.end() + len(town), "VILLE", 0.72, "town_context"))
    if any(name in ctx.folded for name in _city_states(world)):
        for m in prefixed_finditer(_AT_CITY_STATE, text, ctx.folded):
            town = m.group("town")
            if fold_key(town) in world.countries and town.lower() in world.cities and town[:1].isupper():
                out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.7, "town_context"))
    for m in prefixed_finditer(_MOVE, text, ctx.folded):
        town = m.group("town")
        # a known foreign city, capitalised after a move or a relative, even if also a word ("Bâle")
        foreign = known_foreign_city(town, world) and fold_key(town) not in world.countries
        if foreign and not is_protected_word(town.split()[0]) and not _SCORE_AFTER.match(text, m.end("town")):
            out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.7, "town_context"))
    return out


# "saint-sornin-leulac", "la chapelle-montbrandeix": a compound commune typed in lower case.
_LOWER_COMPOUND = re.compile(r"(?<![\w'’-])(?:(?:la|le|les)[ \t])?[a-zà-ÿ]+(?:-[a-zà-ÿ'’]+){1,5}(?![\w'’-])")
_INNER_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-(?=[a-zà-ÿ])")
_NOT_HOME_BEFORE = re.compile(
    r"(?i)\b(?:h[ôo]p(?:ital|\.)?|clinique|chu?|ehpad|rue|avenue|av|bd|boulevard|place|all[ée]e|impasse|quai|"
    r"chemin|route|r[ée]sidence|[ée]glise|coll[èe]ge|lyc[ée]e|[ée]cole|pavillon|unit[ée]|site|centre|cmp)[ \t]*\Z"
)


def _lower_compounds(ctx: DetectionContext) -> list[Span]:
    text, lex, out, done = ctx.text, ctx.lexicons, [], -1
    for h in prefixed_finditer(_INNER_HYPHEN, text, ctx.folded):
        if h.start() < done:
            continue
        m = _LOWER_COMPOUND.search(text, max(0, h.start() - 40), h.end() + 60)
        while m is not None and m.end() <= h.start():
            m = _LOWER_COMPOUND.search(text, m.end(), h.end() + 60)
        if m is None or m.start() > h.start():
            continue
        done = m.end()
        surface = m.group(0)
        if surface.count("-") + surface.count(" ") < 2 or fold_key(surface) not in lex.communes:
            continue
        if _NOT_HOME_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            continue  # "hôpital saint-jean-de-dieu", "rue saint-jean-baptiste": not where someone lives
        out.append(Span(m.start(), m.end(), "VILLE", 0.7, "town_context"))
    return out


@recognizer("town_context", 61)
def find_towns_in_context(ctx: DetectionContext) -> list[Span]:
    """Towns after a country, along a journey, in lists of communes, after a court or a move."""
    spans = _countries_and_chains(ctx) + _joined_communes(ctx) + _seats_and_moves(ctx)
    return spans + (_lower_compounds(ctx) if "-" in ctx.text else [])
