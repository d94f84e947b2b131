"""Communes written in lower case in hurried notes: "vit à quimper", "née à lorient", "transfert sur
forbach", "ehpad les tilleuls (saint avold)", "csapa le relais besançon" (a known commune that is no
ordinary word, or a foreign city after a birth or home word)."""

from __future__ import annotations

import re

from avec.privacy.detection.commune_parentheses import facility_spans
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import world_places
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# Lower-case notes: "vit à quimper", "née à lorient" (a known commune that is no ordinary word).
_LOWER_CITY = (
    r"(?P<city>(?:saint|sainte|st|ste)?[ \t-]?[a-zà-ÿ][a-zà-ÿ'’\-]+"
    # a second word: "sur-mer", or "plougastel daoulas" written without its hyphen
    r"(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+|[ \t][a-zà-ÿ][a-zà-ÿ'’\-]+)?)"
)
_LOWER_CONTEXT = re.compile(
    r"(?<![\w-])(?:(?P<home>(?:vit|habite|n[ée]e?|domicili[ée]e?|originaire|r[ée]side|demeurant)[ \t]+"
    r"(?:(?:plus|pas|toujours|encore|maintenant|d[ée]sormais|actuellement)[ \t]+)?(?:à|a|de|d['’])|"
    # "veut rentrer chez lui a réalmont": home, typed without the accent
    r"chez[ \t]+(?:lui|elle|eux|soi)[ \t]+(?:à|a)|"
    # a dictated birth date before the place: "ne le 2 fevrier 1935 a blida"
    r"n[ée]e?[ \t]+le[ \t]+[\w/.\- ]{4,40}?[ \t]+(?:à|a))|"
    # "rendez-vous à douarnenez", "fait à bastia": a bare "à" (the commune must then be no word)
    # (also "a" without its accent, "secteur amboise"; after a dash, a hyphenated commune heading a note)
    r"(?P<at>à|a(?=[ \t])|secteur|"
    # "des urgences de pertuis", "le fils arrive de valenciennes": where a patient or a relative comes from
    r"urgences[ \t]+de|arriv(?:e|ent|er|[ée]e?s?)[ \t]+de|revien(?:t|nent)[ \t]+de)|"
    r"(?P<of>de(?=[ \t]+[a-zà-ÿ]+-[a-zà-ÿ])|[–—](?=[ \t]+(?:l[ae]s?[ \t]+)?[a-zà-ÿ]+-[a-zà-ÿ]))|"
    # a transfer in a night note: "transfert sur forbach", typed fast ("transfert su forbach")
    r"transf[ée]r[ée]?e?s?[ \t]+(?:sur|su|à|a|vers)|transfert[ \t]+(?:sur|su|à|a|vers)|"
    # a street team named after its town: "maraude samu social marseille", "smur dax"
    r"samu[ \t]+social|samu|smur)[ \t]*" + _LOWER_CITY
)
# "ehpad les tilleuls (saint avold)": a lower-case commune in parentheses after a facility.
_LOWER_PAREN = re.compile(r"\((?P<city>[a-zà-ÿ][a-zà-ÿ'’\- ]{2,30})\)")


def lower_case_communes(ctx: DetectionContext) -> list[Span]:
    """Known communes written in lower case after a home, birth, visit or transfer word ("vit à
    quimper", "transfert sur forbach"), in brackets after a facility or a doctor, or right after one."""
    lex = ctx.lexicons
    out = []
    for m in prefixed_finditer(_LOWER_CONTEXT, ctx.text, ctx.folded):
        start, city = m.start("city"), m.group("city")
        for candidate in [" ".join(city.split()[:k]) for k in range(len(city.split()), 0, -1)]:
            if m.group("of") and "-" not in candidate:
                continue  # "pédopsy de saint-brieuc": after a bare "de" only a hyphenated commune
            # "fait à bastia le trente ...", "a blida en algerie": the particle may start the sentence
            if lower_commune(lex, candidate) and not is_protected_word(candidate):
                out.append(Span(start, start + len(candidate), "VILLE", 0.7, "commune"))
                break
            if m.group("home") and _lower_foreign_city(lex, candidate):
                out.append(Span(start, start + len(candidate), "VILLE", 0.7, "commune"))
                break
    text = ctx.text
    ends = {f.end for f in facility_spans(ctx)}
    if "(" in text:
        for m in _LOWER_PAREN.finditer(text):
            j = m.start()
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            doctor = _LOWER_DOCTOR.search(text, max(0, j - 40), j)
            if (j in ends or doctor) and lower_commune(lex, m.group("city")):
                out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.7, "commune"))
    # "csapa le relais besançon", "labo x – site ajaccio", "dr leca f. – porticcio": a lower-case
    # commune right after a facility or a doctor (a dash, "site" or a space between)
    starts = [f.end for f in facility_spans(ctx) if f.label == "HOPITAL"]
    starts += [d.end() for d in prefixed_finditer(_LOWER_DOCTOR_DASH, text, ctx.folded)] if "dr" in text else []
    for end in starts:
        after = _LOWER_AFTER.match(text, end)
        if after is None:
            continue
        city = after.group("city")
        for candidate in (city, city.split()[0]) if " " in city else (city,):
            if lower_commune(lex, candidate) and not is_protected_word(candidate):
                out.append(Span(after.start("city"), after.start("city") + len(candidate), "VILLE", 0.7, "commune"))
                break
    return out


_LOWER_DOCTOR = re.compile(r"\b(?:dr|docteur)\.?[ \t]+[\w][\w'’\-]+(?:[ \t]+[\w'’.\-]+){0,2}[ \t]*\Z")
_LOWER_DOCTOR_DASH = re.compile(r"\b(?:dr|docteur)\.?[ \t]+[a-zà-ÿ][\w'’\-]+(?:[ \t]+[a-zà-ÿ]\.?)?(?=[ \t]+[–—-][ \t])")
_LOWER_AFTER = re.compile(
    r"(?:[ \t]+[–—-])?[ \t]+(?:site[ \t]+|antenne[ \t]+)?"
    r"(?P<city>[a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+)?)"
    r"(?=[ \t]*(?:$|[\n,;.()–—-]|[ \t][a-zà-ÿ]+[ \t]|[ \t]\d))"
)


def _lower_foreign_city(lex: Lexicons, city: str) -> bool:
    """A foreign city in lower case after a birth or residence word ("ne le ... a blida")."""
    if lex.is_common(city) or lex.is_first_name(city) or is_protected_word(city):
        return False
    world = world_places(lex)
    return city.lower() in world.cities and fold_key(city) not in world.countries


def lower_commune(lex: Lexicons, city: str) -> bool:
    """A known commune written in lower case ("saint avold" for Saint-Avold) that is no ordinary word."""
    key = fold_key(city)
    if key not in lex.communes:
        key = fold_key(re.sub(r"[ \t]+", "-", city.strip()))
        if key not in lex.communes:
            return False
    if " " not in city and "-" not in city and (lex.is_common(city) and key not in lex.big_cities):
        return False
    # "à l'hôpital", "à la chapelle": an article and an ordinary word in lower case (L'Hôpital is
    # also a commune, but written so it is the noun).
    article = re.match(r"(?:l['’]|la[ \t]|le[ \t]|les[ \t])[ \t]*", city)
    if article and lex.is_common(city[article.end() :]):
        return False
    return not lex.is_first_name(city)
