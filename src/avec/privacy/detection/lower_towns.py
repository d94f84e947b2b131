"""Towns typed in lower case in hurried notes (street outreach, home care, team messages).

The commune rule reads a lower-case commune after "à", "vit", "né à" or a facility; notes also name
the place a team went to in slots of their own:

- a large town (30,000+ inhabitants) written in lower case anywhere, when its name is no ordinary
  French word, first name or medical word: "maraude nantes rive gauche", "tournée – dijon 2e";
  with its article when the article is part of the name ("le mans", "la rochelle");
- a known commune heading a timed entry, before a comma, a colon or a dash: "9h10 lanvollon, parking
  du super u", "- 14h30 plouha : ...";
- a known commune after a trip word: "retour lannion.", "départ plérin 8h";
- two known communes joined by "entre ... et ...": "bois entre plouha et lanloup";
- a known commune in brackets after a lower-case titled name: "mme le gall (paimpol)";
- a known commune after a landmark of the town or a move: "devant la gare de vierzon", "marché de
  plouha", "maraude sur vierzon", "part vers bourges" ("st-brieuc" is read as Saint-Brieuc);
- a foreign city along a migrant's journey: "arrivé de bamako via tunis".

Hand-written: no library reads these slots of French notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.commune_lower_case import lower_commune
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import world_places
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_TOWN = r"[a-zà-ÿ][a-zà-ÿ'’]+(?:-[a-zà-ÿ'’]+)*"
# Words of the folded text, found with ``findall`` in C; only the few that are known towns are read.
# (an elided article before is left out: "d'alger" gives "alger")
_FOLDED_WORD = re.compile(r"(?:(?<![a-z])[dlj]['’])?([a-z][a-z'’]+(?:-[a-z'’]+)*)")
_ARTICLE = re.compile(r"(?:le|la|les)[ \t]+")
_TITLE_BEFORE = re.compile(r"(?:\b(?:mr|mme|m\.|mlle|dr|pr|me)|\bdocteur|\bmadame|\bmonsieur)[ \t]*\Z", re.IGNORECASE)
# What closes a town read in a slot: the line end, a sign, a digit.
_CLOSED_AFTER = re.compile(r"[ \t]*(?:$|[\n,.:;()–—+]|-[ \t]|\d)", re.MULTILINE)
# The slots, read backwards from the town (each anchored at its end):
# "9h10 lanvollon, parking": a timed entry opened by a commune (a sign must follow).
_TIMED_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-•*][ \t]*)?(?:\d{1,2}h\d{0,2}|\d{1,2}:\d{2})[ \t]+(?:[-–:][ \t]*)?\Z")
_TIMED_AFTER = re.compile(r"[ \t]*(?:[,:(]|[–—-][ \t])")
# "retour lannion.", "départ plérin 8h", "tournée plouha": a trip word (a sign or a digit must follow).
_TRIP_BEFORE = re.compile(
    r"(?<![\w'’-])(?:retour|d[ée]part|arriv[ée]e|tourn[ée]e|maraude|secteur)[ \t]+(?:sur[ \t]+|[àa][ \t]+)?\Z"
)
# "devant la gare de vierzon", "marché de plouha": a landmark of the town; "maraude sur vierzon",
# "part vers bourges": where a team or a person goes; "à st-brieuc" (the commune rule reads "à X").
_LANDMARK_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:gare|march[ée]|centre-ville|[ée]glise|place|port|plage|quartier|bourg|sortie|entr[ée]e|"
    r"rocade|piscine|m[ée]diath[èe]que|halles?)[ \t]+(?:de[ \t]+|d['’])|sur[ \t]+|vers[ \t]+)\Z"
)
_AT_BEFORE = re.compile(r"(?<![\w'’-])(?:à|a|au)[ \t]+\Z")
# "bois entre plouha et lanloup": both ends must be known communes.
_BETWEEN_FIRST = re.compile(r"(?<![\w'’-])entre[ \t]+\Z")
_BETWEEN_SECOND = re.compile(rf"(?<![\w'’-])entre[ \t]+(?P<a>{_TOWN})[ \t]+et[ \t]+\Z")
_AND_AFTER = re.compile(rf"[ \t]+et[ \t]+(?P<b>{_TOWN})(?![\w'’-])")
# "mme le gall (paimpol)": a commune in brackets after a lower-case titled name.
_TITLED_PAREN_BEFORE = re.compile(
    r"(?<![\w'’-])(?:mr|mme|m\.|mlle)[ \t]+(?:(?:le|la|de|du|da|van)[ \t]+)?[a-zà-ÿ][\w'’-]+"
    r"(?:[ \t]+[a-zà-ÿ][\w'’-]+)?[ \t]*\(\Z"
)
# "arrivé de bamako via tunis": a foreign city along a migrant's journey.
_JOURNEY_BEFORE = re.compile(
    r"(?<![\w'’-])(?:arriv[ée]e?s?[ \t]+(?:de[ \t]+|d['’])|venant[ \t]+(?:de[ \t]+|d['’])|via[ \t]+|puis[ \t]+|"
    r"transit[ée]?e?s?[ \t]+par[ \t]+)\Z"
)
_SAINT = re.compile(r"(st|ste)(?=[ -])")


def _commune(lex: Lexicons, town: str) -> bool:
    """A known commune in lower case that is no ordinary word ("st-brieuc" read as Saint-Brieuc)."""
    if is_protected_word(town):
        return False
    if lower_commune(lex, town):
        return True
    spelled = _SAINT.sub(lambda m: "saint" if m.group(1) == "st" else "sainte", town, count=1)
    return spelled != town and lower_commune(lex, spelled)


def _foreign(lex: Lexicons, town: str) -> bool:
    """A foreign city (15,000+ inhabitants) that is no ordinary word, first name or country."""
    if lex.is_common(town) or lex.is_first_name(town) or is_protected_word(town) or lex.is_country(town):
        return False
    if len(town) < 3:
        return False  # "puis se pose": a pronoun, no city "Se"
    return town.lower() in world_places(lex).cities


_BIG_KEYS: dict[int, frozenset[str]] = {}
# Per folded word: may it be a town here (big town, commune or foreign city)? Asked once per word.
_KINDS: dict[str, tuple[bool, bool, bool]] = {}
_KINDS_LIMIT = 1 << 16


def _big_keys(lex: Lexicons) -> frozenset[str]:
    """Folded one-word names of the large towns, the article cut off ("havre" for "le havre")."""
    keys = _BIG_KEYS.get(id(lex))
    if keys is None:
        keys = frozenset(
            _ARTICLE.sub("", k, count=1) for k in lex.big_cities if " " not in _ARTICLE.sub("", k, count=1)
        )
        _BIG_KEYS[id(lex)] = keys
    return keys


_CANDIDATES: dict[int, frozenset[str]] = {}


def _candidates(lex: Lexicons) -> frozenset[str]:
    """Folded one-word keys that may be a town: large towns, communes ("st-" spellings too) and
    foreign cities; the text's words are intersected with it in C before any word is judged."""
    keys = _CANDIDATES.get(id(lex))
    if keys is None:
        communes = {k for k in lex.communes if " " not in k}
        saints = {re.sub(r"^saint(e?)-", r"st\1-", k) for k in communes if k.startswith("saint")}
        foreign = {fold_key(c) for c in lex.foreign_cities if " " not in c}
        keys = frozenset(communes | saints | foreign | _big_keys(lex))
        _CANDIDATES[id(lex)] = keys
    return keys


def _kinds(lex: Lexicons, key: str) -> tuple[bool, bool, bool]:
    """(large town, commune that is no word, foreign city) for a folded word."""
    kinds = _KINDS.get(key)
    if kinds is None:
        kinds = (key in _big_keys(lex), _commune(lex, key), _foreign(lex, key))
        if len(_KINDS) > _KINDS_LIMIT:
            _KINDS.clear()
        _KINDS[key] = kinds
    return kinds


def _big_town_span(ctx: DetectionContext, start: int, end: int) -> Span | None:
    """A large town written in lower case at ``start:end``: no ordinary word, first name, country or
    medical word (an article kept only when it is part of the name: "le mans")."""
    text, lex = ctx.text, ctx.lexicons
    surface = text[start:end]
    if not surface.islower() or _TITLE_BEFORE.search(text, max(0, start - 12), start):
        return None  # "mme laval": a surname
    article = _ARTICLE.match(surface)
    town = surface[article.end() :] if article else surface
    if lex.is_common(town) or lex.is_first_name(town) or is_protected_word(town) or lex.is_country(town):
        return None
    if article and fold_key(surface) in lex.big_cities:
        return Span(start, end, "VILLE", 0.65, "lower_town")
    if fold_key(town) in lex.big_cities:
        return Span(end - len(town), end, "VILLE", 0.65, "lower_town")
    return None


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:le|la|les)[ \t]+\Z")
_GLUED_BEFORE = re.compile(r"[\w.@/-]")
_GLUED_AFTER = re.compile(r"[\w'’@-]|\.\w")


def _occurrences(folded: str, key: str) -> list[int]:
    """Starts of ``key`` in ``folded`` as a whole word (no letter, digit, hyphen, dot or @ glued)."""
    out = []
    pos = folded.find(key)
    while pos != -1:
        end = pos + len(key)
        if not (pos and _GLUED_BEFORE.match(folded, pos - 1)) and not _GLUED_AFTER.match(folded, end):
            out.append(pos)
        pos = folded.find(key, end)
    return out


def _in_slot(ctx: DetectionContext, start: int, end: int, commune: bool, foreign: bool) -> bool:
    """The town at ``start:end`` sits in one of the note slots of the module docstring."""
    text = ctx.text
    before = text[max(0, start - 60) : start]
    if foreign and _JOURNEY_BEFORE.search(before):
        return True
    if not commune:
        return False
    if (_TIMED_BEFORE.search(before) or start == 0) and _TIMED_AFTER.match(text, end):
        return True
    if _TRIP_BEFORE.search(before) and _CLOSED_AFTER.match(text, end):
        return True
    if _LANDMARK_BEFORE.search(before):
        return True
    if _AT_BEFORE.search(before) and text[start : start + 3] in ("st-", "st ", "ste"):
        return True
    if _TITLED_PAREN_BEFORE.search(before) and text[end : end + 1] == ")":
        return True
    if _BETWEEN_FIRST.search(before):
        second = _AND_AFTER.match(text, end)
        return second is not None and _commune(ctx.lexicons, second.group("b"))
    if (first := _BETWEEN_SECOND.search(before)) is not None:
        return _commune(ctx.lexicons, first.group("a"))
    return False


@recognizer("lower_town", 59)
def find_lower_towns(ctx: DetectionContext) -> list[Span]:
    """Lower-case towns in the note slots listed in the module docstring."""
    if ctx.all_caps:
        return []
    text, folded, lex = ctx.text, ctx.folded, ctx.lexicons
    out: list[Span] = []
    for key in _candidates(lex).intersection(_FOLDED_WORD.findall(folded)):
        if len(key) <= 2:
            continue  # "puis se pose": a two-letter word is never a lower-case town (round 17)
        big, commune, foreign = _kinds(lex, key)
        if not (big or commune or foreign):
            continue
        for start in _occurrences(folded, key):
            end = start + len(key)
            if big:
                article = _ARTICLE_BEFORE.search(folded, max(0, start - 5), start)
                lead = article.start() if article is not None else start
                if (span := _big_town_span(ctx, lead, end)) is not None:
                    out.append(span)
                    continue
            if text[start:end].islower() and _in_slot(ctx, start, end, commune, foreign):
                out.append(Span(start, end, "VILLE", 0.65, "lower_town"))
    return out
