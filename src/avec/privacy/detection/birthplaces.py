"""Birthplaces the gazetteers miss, told by their form: "NÉ LE 04/05/1970 À TIMISOARA (ROUMANIE)",
"née le 15/08/1940 à Danang (Viêt Nam)", "LIEU NAISS. : THANN (68)", "LIEU NAISS: SETIF ALGERIE".

A birth field or a birth date and "à", then a capitalised place, then a country (in brackets or
right after it) or a département number in brackets: the place is a ``VILLE`` even when neither the
commune list nor the foreign-city list holds it (small towns, transliterations). Without that
country or number after it the commune rules decide alone. Hand-written because no offline library
reads French civil-status lines.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, world_places
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# "né le 12/03/1950 à", "NÉ(E) LE : 12.03.1950 A", "Lieu de naissance :", "LIEU NAISS. :", "né à".
_BIRTH = (
    r"(?i:\bn[ée](?:e|\(e\))?[ \t]+le[ \t]*:?[ \t]*\d{1,2}[ \t]*[/.-][ \t]*\d{1,2}[ \t]*[/.-][ \t]*\d{2,4}"
    r"[ \t]*,?[ \t]*(?:à|a)[ \t]*:?|"
    # "Date de naissance : 22/05/1994 – Benin City, Nigeria": the birth field, a dash, the place
    r"\bdate[ \t]+de[ \t]+naissance[ \t]*:?[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[ \t]*(?:[–—,]|[ \t]-|à|a)[ \t]*|"
    r"\blieu[ \t]+(?:de[ \t]+)?naiss(?:ance|\.)?[ \t]*:?|"
    r"\bn[ée](?:e|\(e\))?[ \t]+(?:à|a)[ \t]*:?)[ \t]*"
)
_PLACE = r"[" + UP + r"][\w'’]*(?:[ \t-][" + UP + r"][\w'’]*){0,3}"
_BIRTHPLACE = re.compile(
    _BIRTH + r"(?P<place>" + _PLACE + r")"
    r"(?:[ \t]*\([ \t]*(?P<paren>[^()\n]{2,30}?)[ \t]*\)|[ \t]+(?P<country>[" + UP + r"][\w'’\-]+(?:[ \t][" + UP
    + r"][\w'’\-]+)?)(?=[ \t]*(?:$|\n|[/|,;–—]|[ \t]{2}))"
    # "à Benin City, Nigeria": the country after a comma
    r"|[ \t]*,[ \t]*(?P<comma>[" + UP + r"][\w'’\-]+(?:[ \t][" + UP + r"][\w'’\-]+)?)(?=[ \t]*(?:$|\n|[/|,;–—(.]))"
    # "à Hô Chi Minh-Ville" closing its line or clause: a place of several words (checked below)
    r"|(?P<alone>)(?=[ \t]*(?:$|\n|[,;(]|[ \t][–—-][ \t])))"
)
# Where a birth field may start, on the folded text (same offsets): the full pattern is tried there only.
_BIRTH_START = re.compile(r"\b(?:nee?(?=[ \t(])|lieu[ \t]|date[ \t]+de[ \t]+naiss)")
# "DN 01/01/1941 (Tlemcen, Algérie)", "DDN : 18/01/1946 (Braga, Portugal)": a birth date, then the
# birthplace and its country in brackets (round 18: 3 such places in 3 sets, 1 found before).
_DATE_PLACE_COUNTRY = re.compile(
    r"(?i:\b(?:d\.?d\.?n|dn|n[ée]e?(?:\(e\))?[ \t]+le|date[ \t]+de[ \t]+naissance)\b)[ \t]*:?[ \t]*"
    r"\d{1,2}[ \t]*[/.-][ \t]*\d{1,2}[ \t]*[/.-][ \t]*\d{2,4}[ \t]*\([ \t]*(?P<place>" + _PLACE + r")"
    r"[ \t]*,[ \t]*(?P<country>[^()\n,]{2,30}?)[ \t]*\)"
)
_DEPARTMENT = re.compile(r"(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])")


@recognizer("birthplace", 62)
def find_birthplaces(ctx: DetectionContext) -> list[Span]:
    """A birthplace followed by its country or its département number, as ``VILLE``."""
    folded = ctx.folded
    if "naiss" not in folded and not any(k in folded for k in ("ne le", "nee le", "ne a ", "nee a ", "ne(e)", "dn")):
        return []
    countries = world_places(ctx.lexicons).countries
    out = []
    if ", " in ctx.text:
        for m in _DATE_PLACE_COUNTRY.finditer(ctx.text):
            place = m.group("place")
            known = fold_key(m.group("country")) in countries and fold_key(place) not in countries
            if known and not any(is_protected_word(w) for w in place.split()):
                out.append(Span(m.start("place"), m.end("place"), "VILLE", 0.75, "birthplace"))
    starts = (_BIRTHPLACE.match(ctx.text, w.start()) for w in _BIRTH_START.finditer(folded))
    for m in (m for m in starts if m is not None):
        place = m.group("place")
        words = place.split()
        protected = [w for w in words if is_protected_word(w)]
        # one protected word inside a run of three ("Hô Chi Minh-Ville") is no medical term
        if fold_key(place) in countries or protected and (len(words) < 3 or len(protected) > 1):
            continue
        after = m.group("paren") or m.group("country") or m.group("comma") or ""
        country = fold_key(after) in countries or fold_key(after).replace(" ", "") in countries  # "Viêt Nam"
        if _DEPARTMENT.fullmatch(after) or country:
            out.append(Span(m.start("place"), m.end("place"), "VILLE", 0.75, "birthplace"))
        elif (m.group("country") or m.group("alone") is not None) and fold_key(words[-1]) in countries and words[1:]:
            # "LIEU NAISS: SETIF ALGERIE": the place run took the country in
            cut = m.start("place") + place.rindex(words[-1])
            out.append(Span(m.start("place"), cut - 1, "VILLE", 0.75, "birthplace"))
        elif m.group("alone") is not None and _many_words(ctx, place):
            out.append(Span(m.start("place"), m.end("place"), "VILLE", 0.75, "birthplace"))
    return out


def _many_words(ctx: DetectionContext, place: str) -> bool:
    """A birthplace of several words after a full birth date ("à Hô Chi Minh-Ville"), not all of
    them ordinary French words ("à Domicile Sans Suite")."""
    words = re.split(r"[ \t-]+", place)
    return len(words) >= 2 and not all(ctx.lexicons.is_common(w) for w in words)
