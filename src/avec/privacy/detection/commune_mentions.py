"""Communes named in running text by where a person lives, comes from or can be reached.

Three slots the commune rule (:mod:`communes`) leaves to the gazetteer alone, where a commune that
is also an ordinary word ("Rennes", "Tours", "Vannes", "Porto") was refused:

- after a residence, origin or kinship word: "vit à Porto", "a vécu à La Ciotat", "originaire de
  Vannes", "sœur à Vitré", "parents à Rodez", "venu de Bordeaux", "VIT SEUL A LORIENT";
- alone in brackets after a person or a relative, or closing them: "Erwan (Rennes)", "loin
  (Bordeaux)", "(avocate Me X, Bordeaux)", "(Quimperlé, 29)";
- in a contact line between separators before a phone number: "fille – Lille – 06 ...",
  "(nièce), Genève – +41 22 ...".

The place must be a known French commune or foreign city, capitalised (or an ALL-CAPS text), and
not a medical word, a first name or a country. Hand-written: no offline library reads these slots.
"""

from __future__ import annotations

import re

from avec.privacy.detection.foreign_places import known_foreign_city
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune, world_places
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# A place: capitalised words joined by hyphens or spaces, particles inside ("La Ciotat",
# "Saint-Hilaire-du-Touvet", "Aix en Provence", "LA ROCHE-SUR-YON").
_PLACE = (
    r"(?P<place>(?:(?:Le|La|Les|L['’]|LE|LA|LES)[ \t]+)?[" + UP + r"][\w'’]+"
    r"(?:(?:-|[ \t]+(?=(?:sur|sous|en|lès|les|de|du|des|la|le|SUR|SOUS|EN|LES|DE|DU|LA|LE)[ \t-]))"
    r"(?:[\w'’]+)(?:[ \t-][\w'’]+)?){0,4})"
)
# Residence, origin and kinship words, then up to three small words, then the preposition.
_ADVERBS = (
    r"(?:[ \t]+(?:seule?s?|toujours|maintenant|actuellement|d[ée]sormais|aussi|encore|ensemble|habite|vit|"
    r"depuis[ \t]+\d{4}|en[ \t]+couple|avec[ \t]+\w+(?:[ \t]+\w+)?|chez[ \t]+\w+(?:[ \t]+\w+)?)){0,2}"
)
_RESIDENCE = re.compile(
    r"(?i)(?<![\w-])(?:"
    r"(?:vi(?:t|vent|vait|vaient|vant|vre)|v[ée]cu|habit(?:e|es|ent|ait|aient|ant|[ée]e?s?)|r[ée]sid(?:e|ent|ait|ant)|"
    r"install[ée]e?s?|domicili[ée]e?s?|d[ée]m[ée]nag[ée]e?s?|h[ée]berg[ée]e?s?|originaires?|natif|native|"
    r"venue?s?|revenue?s?|arriv[ée]e?s?|rentr[ée]e?s?)" + _ADVERBS
    + r"[ \t]+(?:à|a|de|d['’]|sur|près[ \t]+de|jusqu['’]à)"
    # kinship: "sœur à Vitré", "parents à Rodez" ("fils de X" is a filiation, not a place)
    r"|(?:fils|filles?|s[œo]eurs?|fr[èe]res?|m[èe]re|p[èe]re|parents|enfants?|neveux?|ni[èe]ces?|cousine?s?|"
    r"tante|oncle|grands?-parents|petite?s?-(?:fils|filles?|enfants?)|famille|conjointe?|[ée]poux|[ée]pouse|"
    r"compagne?|mari|belle-(?:fille|s[œo]eur|m[èe]re)|beau-(?:fils|fr[èe]re|p[èe]re))" + _ADVERBS
    + r"[ \t]+(?:à|a|sur|près[ \t]+de)"
    r")[ \t]*\Z"
)
_PLACE_AT = re.compile(_PLACE)
# "(Rennes)", "(Quimperlé, 29)", "(avocate Me X, Bordeaux)": a commune alone or closing brackets.
_BRACKET = re.compile(
    r"\((?:[^()\n]{1,60}?,[ \t]*)?" + _PLACE + r"(?:[ \t]*,[ \t]*(?:\d{2,3}|2[AB]))?[ \t]*\)"
)
# Before the bracket: a person's name, a relative or a distance word ("Erwan (", "fils (", "loin (").
_BRACKET_OWNER = re.compile(
    r"(?:[" + UP + r"][\w'’\-]+|(?i:fils|fille|s[œo]eur|fr[èe]re|m[èe]re|p[èe]re|parents|enfants?|ni[èe]ce|neveu|"
    r"tante|oncle|cousine?|famille|loin|ailleurs|domicile|mutation|chantiers?|travail|[ée]tudes))[ \t]*\Z"
)
# "– Lille – 06 ...", ", Genève – +41 ...": a commune between separators before a phone number.
_CONTACT = re.compile(
    r"(?:[–—|,]|[ \t]-)[ \t]*" + _PLACE + r"[ \t]*(?:[–—|,]|-[ \t])[ \t]*(?:\+\d{2,3}|0\d)[ .]?\d"
)


def _is_place(ctx: DetectionContext, surface: str, *, strong: bool) -> bool:
    """A known commune or foreign city that is no medical word, first name or country.

    ``strong`` slots (a residence word before it) accept a commune that is also an ordinary word.
    """
    lex = ctx.lexicons
    words = re.findall(r"[\w'’]+", surface)
    if not words or any(is_protected_word(w) for w in words) or lex.is_country(surface):
        return False
    if re.search(r"[a-zà-ÿ][A-ZÀ-Ý]", surface) or len(surface) < 3:
        return False  # "IgA", "HbA1c": a capital after a small letter is no place name
    if surface.isupper() and not ctx.all_caps and len(surface) < 5:
        return False  # "(CHU)", "– SAMU –": an acronym
    key = fold_key(surface)
    hyphened = fold_key(re.sub(r"[ \t]+", "-", surface))
    french = known_commune(lex, surface, key) or hyphened in lex.communes
    foreign = not french and known_foreign_city(surface, world_places(lex))
    if not (french or foreign):
        return False
    if len(words) == 1 and lex.is_first_name(surface) and key not in lex.big_cities:
        return False  # "venue de Florence", "(Lourdes)" is a place, but "(Marie)" is a person
    if strong:
        return True
    common = len(words) == 1 and (lex.is_common(surface) or lex.is_surname(surface))
    return not common or key in lex.big_cities


# Where a residence slot may open: a preposition before a capital (cheap scan; the words before it
# are read only there).
_PREP = re.compile(r"(?<![\w'’])(?i:(?:à|a|de|sur|jusqu['’]à)[ \t]+|d['’][ \t]*)(?=[" + UP + r"])")


def _candidates(ctx: DetectionContext) -> list[tuple[int, int, bool]]:
    text = ctx.text
    out: list[tuple[int, int, bool]] = []
    for p in prefixed_finditer(_PREP, text, ctx.folded):
        if _RESIDENCE.search(text, max(0, p.end() - 80), p.end()) and (m := _PLACE_AT.match(text, p.end())):
            out.append((m.start("place"), m.end("place"), True))
    if "(" in text:
        for m in _BRACKET.finditer(text):
            s = m.start("place")
            inner_start = m.start() + 1
            owner = _BRACKET_OWNER.search(text, max(0, m.start() - 40), m.start())
            if owner and owner.group(0)[:1].isupper():
                # "Erwan (Rennes)": the word before is a person's name ("Ann Arbor (Lugano)" is not)
                name = owner.group(0).strip()
                owner = owner if ctx.lexicons.is_first_name(name) or ctx.lexicons.is_surname(name) else None
            # "(avocate Me X, Bordeaux)": the commune closes brackets that name a person
            closing = s > inner_start and re.search(r"[" + UP + r"][a-zà-ÿ]", text[inner_start : s]) is not None
            if owner or closing:
                out.append((s, m.end("place"), False))
    for m in _CONTACT.finditer(text):
        out.append((m.start("place"), m.end("place"), False))
    return out


@recognizer("commune_mention", 60)
def find_commune_mentions(ctx: DetectionContext) -> list[Span]:
    """Communes after a residence or kinship word, in a person's brackets or in a contact line."""
    out: list[Span] = []
    seen: set[tuple[int, int]] = set()
    for s, e, strong in _candidates(ctx):
        surface = ctx.text[s:e]
        if (s, e) in seen or not surface or not (surface[0].isupper()):
            continue
        if not _is_place(ctx, surface, strong=strong):
            # "originaire de Rennes en 2019": the run took words after the commune; its first word alone
            cut = re.match(r"[^ \t]+", surface)
            e = s + (cut.end() if cut else 0)
            surface = ctx.text[s:e]
            if e == s or (s, e) in seen or not _is_place(ctx, surface, strong=strong):
                continue
        seen.add((s, e))
        out.append(Span(s, e, "VILLE", 0.72, "commune_mention"))
    return out
