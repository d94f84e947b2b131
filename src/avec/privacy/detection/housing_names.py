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
        for m in _RESIDENCES.finditer(text):
            out += [Span(m.start(g), m.end(g), "HOPITAL", 0.8, "named_body") for g in ("a", "b")]
    if "logement" in folded or "bailleur" in folded or "locataire" in folded:
        for m in _LANDLORD.finditer(text):
            word = m.group("brand")
            known = lex.is_common(word.lower()) or lex.is_first_name(word) or lex.is_surname(word)
            if not known and not known_commune(lex, word) and not is_protected_word(word) and not lex.is_country(word):
                out.append(Span(m.start("brand"), m.end("brand"), "HOPITAL", 0.8, "named_body"))
    return out
