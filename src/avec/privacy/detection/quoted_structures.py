"""Structures written with their name in quotes or by an acronym after "centre" (round 18).

Three layouts that the keyword grammar (``facility_keywords.py``) does not read, each counted over
every committed set (dev, blind12–146) before it was written:

* a keyword or a shop's kind, then a name in French quotes: "EHPAD « Le Clos Fleuri »", "SAMSAH « Les
  Passerelles de l'Isère »", "restaurant « Le Saint-Nicolas »" — one span, quotes included, as the
  three writers who used them mark it (before, the keyword was lost or the name read as a town);
* a shop's kind, then a name in straight quotes: 'restaurant "Le Jardin de Hué"', 'bureau de tabac
  "Le Castillet"' — the name only, as both writers mark it;
* "centre" then an acronym of four capitals or more, and its commune: "centre AURAD de Roubaix",
  "centre ALTIR de Nancy-Gentilly", "Centre ECHO", "centre AURA de Rezé" (5 of 5 marked, 4 writers;
  the three-letter medical acronyms "centre PMI", "centre SLA", "centre AMP" stay unmarked, 7 of 7).
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_KEYWORDS, words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

_CAP = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|&|en|sur|lès|les|le|la|l['’]|à|aux)"
# A quoted name: capitalised words joined by lower-case links, one to seven words.
_NAME = _CAP + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _CAP + r"){0,6}"
# Shops and businesses that are named in quotes ("restaurant « Le Saint-Nicolas »").
_SHOP_KINDS = (
    r"(?i:restaurant|brasserie|bar|caf[ée]|bureau[ \t]+de[ \t]+tabac|tabac|boulangerie|h[ôo]tel|auberge|"
    r"boutique|magasin|salon(?:[ \t]+de[ \t]+coiffure)?|garage|pizzeria|cr[êe]perie|snack|librairie|pharmacie)"
)
# A keyword or a kind, then « name »: the whole, quotes included.
_FRENCH_QUOTED = re.compile(
    r"(?<![\w-])(?:" + FACILITY_KEYWORDS + r"|" + _SHOP_KINDS + r")[ \t]+«[ \t\u00a0\u202f]*(?P<name>"
    + _NAME + r")[ \t\u00a0\u202f]*»"
)
_KIND_AT = re.compile(r"(?:" + FACILITY_KEYWORDS + r"|" + _SHOP_KINDS + r")(?![\w-])")
# A shop's kind, then "name" in straight or curly quotes: the name only.
_STRAIGHT_QUOTED = re.compile(
    r"(?<![\w-])" + _SHOP_KINDS + r"[ \t]+[\"“](?P<name>" + _NAME + r")[\"”]"
)
# "centre AURAD de Roubaix", "Centre ECHO": an acronym of four capitals or more, then its commune.
_CENTRE_ACRONYM = re.compile(
    r"(?<![\w-])[Cc]entre[ \t]+(?P<acr>[A-Z]{4,}[0-9]*)(?![\w'’-])"
    r"(?P<town>[ \t]+(?:de|d['’]|du)(?:(?<=['’])|[ \t]+)" + _CAP + r")?"
)


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’\-]+", name) if w[:1].isupper()]


def quoted_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for quoted names after a keyword or a shop's kind, and for "centre" + acronym."""
    text, out = ctx.text, []
    if "«" in text:
        for m in prefixed_finditer(_FRENCH_QUOTED, text, ctx.folded):
            words = _name_words(m.group("name"))
            if not words or is_protected_word(words[0]):
                continue
            if _KIND_AT.match(m.group("name")):  # "hôtel social « Hôtel du Parc »": the name says its kind
                out.append(Span(m.start("name"), m.end("name"), "HOPITAL", 0.85, "named_body"))
            else:
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.85, "named_body"))
    if '"' in text or "“" in text:
        for m in prefixed_finditer(_STRAIGHT_QUOTED, text, ctx.folded):
            words = _name_words(m.group("name"))
            if words and not is_protected_word(words[0]):
                out.append(Span(m.start("name"), m.end("name"), "HOPITAL", 0.85, "named_body"))
    if "centre" in ctx.folded:
        for m in prefixed_finditer(_CENTRE_ACRONYM, text, ctx.folded):
            acr = m.group("acr")
            if is_protected_word(acr) or acr in _NOT_A_CENTRE_NAME:  # "centre AFPA de X": the body rule's
                continue
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.85, "named_body"))
    return out


# Capitals after "centre" that are a kind or a specialty, not a name ("CENTRE HOSPITALIER", "centre AVC").
_NOT_A_CENTRE_NAME = frozenset(
    words_of(
        """HOSPITALIER HOSPITALIERE MEDICAL MÉDICAL SOCIAL DE DES DU LA LE LES SANTE SANTÉ VILLE VILLAGE COMMUNAL
        REGIONAL RÉGIONAL NATIONAL DEPARTEMENTAL DÉPARTEMENTAL ANTIPOISON MEMOIRE MÉMOIRE PENITENTIAIRE
        PÉNITENTIAIRE DIALYSE IMAGERIE RADIOLOGIE VACCINATION ACCUEIL SOINS PMI SAMU SMUR CHU CHRU COVID COVID-19
        HOSPITALIERS IRM SCANNER"""
    )
)
