"""Communes in parentheses: "domicile (Valence)", "Pharmacie X (Ramonville)", "(MÉDECIN TRAITANT, LUCCIANA)".

Split from ``communes.py`` (which calls ``in_parentheses``): a commune, a district or a street's
locality written in brackets after a facility, a doctor, a street, a postal town or "domicile".
"""

from __future__ import annotations

import re

from avec.privacy.detection.facilities import find_facilities
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, commune_heads, is_area_name, known_commune
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# "adressée par le Dr Pham (Vitré)": the doctor's town in parentheses.
_DOCTOR_PAREN = re.compile(
    r"\b(?:Dr|DR|Docteur|Pr)\.?[ \t]+[" + UP + r"][\w'’\-]+(?:[ \t]+[" + UP + r"][\w'’\-]+){0,2}\Z"
)
_DOMICILE_BEFORE = re.compile(r"(?i)\bdomicile[ \t]*\Z")
_PAREN = re.compile(r"\((?P<city>[" + UP + r"][\w'’\- ]{1,40}?)\)")


def facility_spans(ctx: DetectionContext) -> list[Span]:
    """The facility spans of this text (the facility rule, registered first, leaves them here)."""
    found = ctx.extra.get("facility_spans")
    if found is None:
        found = find_facilities(ctx)
    return found  # type: ignore[return-value]


def is_word_like(lex: Lexicons, surface: str) -> bool:
    words = surface.replace("-", " ").split()
    return len(words) == 1 and (lex.is_common(surface) or lex.is_first_name(surface))


_ZIP_TOWN_BEFORE = re.compile(r"\b\d{5}[ \t]+[" + UP + r"][\w'’\-]+(?:[ \t][" + UP + r"][\w'’\-]+)?\Z")
_SITE_BEFORE = re.compile(r"(?i)\b(?:site|antenne|secteur)\b[^\n()]{0,30}\Z")

# "(néphrologue, Moulins)": a role in lower case, a comma and the commune in brackets.
_ROLE_PAREN = re.compile(
    r"\((?:[a-zà-ÿ][a-zà-ÿ\-]+[ \t]){0,2}?[a-zà-ÿ][a-zà-ÿ\-]+,[ \t]*(?P<city>[" + UP + r"][\w'’\-]+)\)"
    # "(MÉDECIN TRAITANT, LUCCIANA)": the same in capitals
    r"|\((?:[A-ZÀ-Ý][A-ZÀ-Ý\-]+[ \t]){0,2}?[A-ZÀ-Ý][A-ZÀ-Ý\-]+,[ \t]*(?P<caps>[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+)\)"
)
# "(MG, Séné)", "(16 impasse des Vignes, Vouvray)", "(IPP 3700, né le 30/08/1987, Tours)": a known
# commune closing a bracket after a comma, whatever comes before it (round 19).
_LAST_IN_PAREN = re.compile(r"\([^()\n]{1,60}?,[ \t]*(?P<city>[" + UP + r"][\w'’]+(?:[- ][\w'’]+){0,4})\)")
# "lieu-dit Les Chaumes (Bellenaves)", "rue Paul Bert (Wazemmes)": a place after a street or a lieu-dit.
_STREET_LINE_BEFORE = re.compile(
    r"(?i)\b(?:lieu[ -]dit|hameau|rue|avenue|av\.|chemin|route|impasse|all[ée]e|boulevard|bd|place|quai|"
    r"quartier|r[ée]sidence|lotissement)[ \t][^\n(),;:]{1,40}\Z"
)


def in_parentheses(ctx: DetectionContext, found: list[Span]) -> list[Span]:
    """A commune in parentheses after "domicile" or a facility: "domicile (Valence)"."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    facilities = facility_spans(ctx)
    for m in _ROLE_PAREN.finditer(text) if "," in text else ():
        s, e = m.span("city") if m.group("city") else m.span("caps")
        surface = text[s:e]
        if known_commune(lex, surface) and not lex.is_first_name(surface) and not is_protected_word(surface):
            out.append(Span(s, e, "VILLE", 0.7, "commune"))
    for m in _LAST_IN_PAREN.finditer(text) if "," in text else ():
        s, e = m.span("city")
        surface = text[s:e]
        if len(surface) >= 3 and _closing_commune(lex, surface):
            out.append(Span(s, e, "VILLE", 0.7, "commune"))
    for m in _PAREN.finditer(text):
        s, e = m.span("city")
        surface = text[s:e]
        if any(x.start <= s < x.end for x in found):
            continue
        head = text[: m.start()].rstrip(" \t")
        street = bool(_STREET_LINE_BEFORE.search(head[-60:])) and not _ZIP_TOWN_BEFORE.search(head[-60:])
        word_like = is_word_like(lex, surface) or is_protected_word(surface)
        short = fold_key(surface) in commune_heads(lex) and not lex.is_surname(surface)
        if (street or any(f.end == len(head) for f in facilities)) and short and not word_like:
            out.append(Span(s, e, "VILLE", 0.7, "commune"))  # "Pharmacie X (Ramonville)": a short form
            continue
        if street and not known_commune(lex, surface) and not word_like and not is_area_name(surface):
            if not lex.is_first_name(surface.split()[0]) and not lex.is_country(surface):
                out.append(Span(s, e, "ADRESSE", 0.65, "commune"))  # a district after its street
            continue
        if street and known_commune(lex, surface) and not word_like:
            out.append(Span(s, e, "VILLE", 0.7, "commune"))
            continue
        if not known_commune(lex, surface):
            # "59240 Dunkerque (Rosendaël)": a district or a former commune after a postal address
            district = not (is_word_like(lex, surface) or is_protected_word(surface) or is_area_name(surface))
            if district and not lex.is_country(surface) and _ZIP_TOWN_BEFORE.search(head[-60:]):
                out.append(Span(s, e, "VILLE", 0.7, "commune"))
            elif district and any(f.end == len(head) for f in facilities) and _town_like(lex, surface):
                out.append(Span(s, e, "VILLE", 0.7, "commune"))  # "CENTRE L'ESPOIR (HELLEMMES)": a former commune
            continue
        if _SITE_BEFORE.search(head[-40:]):
            out.append(Span(s, e, "VILLE", 0.75, "commune"))  # "Site Nord (La Tronche)"
            continue
        after_facility = any(f.end == len(head) for f in facilities) and not lex.is_first_name(surface)
        if _DOMICILE_BEFORE.search(head) or after_facility or _DOCTOR_PAREN.search(head[-60:]):
            out.append(Span(s, e, "VILLE", 0.75, "commune"))
    return out


def _closing_commune(lex: Lexicons, surface: str) -> bool:
    """A known commune that is no medical word, first name, surname (but for large cities), country or
    short acronym ("RI"). A capitalised word after a comma in brackets is a name: the commune may also
    be a word of the lemma tables ("Séné", "Tours")."""
    if len(surface) < 4 and surface.isupper() or not known_commune(lex, surface) or is_protected_word(surface):
        return False
    if lex.is_first_name(surface.split()[0]) or lex.is_country(surface):
        return False
    return not lex.is_surname(surface) or fold_key(surface) in lex.big_cities


def _town_like(lex: Lexicons, surface: str) -> bool:
    """One or two words that could be a town missing from the gazetteer: no acronym ("(SSR)"), no
    first name, no country, no unit or ward word."""
    words = re.split(r"[ \t-]+", surface)
    if len(words) > 3 or any(lex.is_first_name(w) or is_protected_word(w) for w in words):
        return False
    letters = re.sub(r"[^\w]", "", surface)
    if surface.isupper() and (len(letters) < 5 or not re.search(r"[AEIOUYÀ-Ý]{1}.*[AEIOUYÀ-Ý]", letters)):
        return False  # "(USLD)", "(SMR)": a unit's acronym
    return not lex.is_country(surface) and not any(lex.is_common(w) for w in words)
