"""Homes and landlords named alone: "résidences Les Acacias et Le Belvédère", "logement Habitalys".

Families (round 14), each a ``HOPITAL`` (it tells where the person lives):

- two homes of one organisation after the plural "résidences": each name, article included, is a
  span, the plural keyword is not ("EHPAD du CH de X (résidences Les Acacias et Le Belvédère)"); the
  singular keyword is read by the facility rules;
- a social landlord's one-word brand after "logement", "bailleur" or "locataire" ("logement
  Habitalys, 3e étage", "locataire Vilonia"): a word no lexicon knows (no ordinary word, first name,
  surname, commune or drug), with lower-case letters (not a flat type "T3", "RDC").

Safe because: the plural keyword must be followed by two article-led capitalised names joined by
"et"; the brand must be a single unknown word of five letters or more closing on a separator.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

_NAME = r"(?:Les|Le|La|L['’])[ \t]?[" + UP + r"][\w'’]*(?:-[\w'’]+)*(?:[ \t]+[" + UP + r"][\w'’]*(?:-[\w'’]+)*)?"
_RESIDENCES = re.compile(
    r"(?<![\w'’-])(?i:r[ée]sidences)[ \t]+(?P<a>" + _NAME + r")[ \t]+et[ \t]+(?P<b>" + _NAME + r")(?![\w'’-])"
)
_LANDLORD = re.compile(
    r"(?<![\w'’-])(?i:logement|bailleur|locataire)[ \t]+(?:\([ \t]*)?(?P<brand>[" + UP + r"][a-zà-ÿ]{4,})"
    r"(?=[ \t]*[,;.)–—-]|[ \t]*$)",
    re.MULTILINE,
)


def housing_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for homes after "résidences" and landlords' one-word brands."""
    folded, text, lex, out = ctx.folded, ctx.text, ctx.lexicons, []
    if "residences" in folded:
        for m in prefixed_finditer(_RESIDENCES, text, folded):
            out += [Span(m.start(g), m.end(g), "HOPITAL", 0.8, "named_body") for g in ("a", "b")]
    if "logement" in folded or "bailleur" in folded or "locataire" in folded:
        for m in prefixed_finditer(_LANDLORD, text, folded):
            word = m.group("brand")
            known = lex.is_common(word.lower()) or lex.is_first_name(word) or lex.is_surname(word)
            if not known and not known_commune(lex, word) and not is_protected_word(word) and not lex.is_country(word):
                out.append(Span(m.start("brand"), m.end("brand"), "HOPITAL", 0.8, "named_body"))
    return out


# "à l'hôtel Bellevue Plage", "Hôtel Saint-Roch (115)": a hotel named without an article (the hotel
# rule of company_names.py reads "Hôtel Le Relais"); a lower-case keyword stays outside the span.
_HOTEL = re.compile(
    r"(?<![\w-])(?P<kw>H[ôo]tel|h[ôo]tel)[ \t]+(?P<name>[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
    r"(?:[ \t]+[" + UP + r"][\w'’]*(?:-[\w'’]+)*){0,3})"
)
_NOT_HOTEL = frozenset(["dieu", "de", "ville", "social", "sociale", "particulier"])


def hotel_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for hotels named without an article ("hôtel Bellevue Plage")."""
    if "hotel" not in ctx.folded:
        return []
    lex, out = ctx.lexicons, []
    for m in prefixed_finditer(_HOTEL, ctx.text, ctx.folded):
        name = m.group("name")
        words = name.split()
        first = words[0]
        if first in ("Le", "La", "Les") or first.startswith(("L'", "L’")) or first.lower() in _NOT_HOTEL:
            continue  # an article-led name is read by company_names.py; "Hôtel-Dieu" is a hospital
        if "-" in m.group(0)[: m.start("name") - m.start()] or is_protected_word(first):
            continue
        if len(words) == 1 and (known_commune(lex, first) or lex.is_common(first.lower()) or lex.is_first_name(first)):
            continue  # "hôtel Hyères": the commune; "Hôtel Central": an ordinary word
        start = m.start() if m.group("kw")[0] == "H" else m.start("name")
        out.append(Span(start, m.end("name"), "HOPITAL", 0.8, "named_body"))
    return out
