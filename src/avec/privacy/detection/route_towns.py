"""Communes told by a short layout of care notes rather than by a preposition (round 14).

- the town of a care role in brackets, abbreviated and without the comma the commune rules want:
  "(MG Plouaret)", "(MT, Lézignan)", "(IDEL Saint-Aubin)";
- the commune where a patient lives, alone after "domicile" closing a cell or a clause:
  "| DOMICILE ORVAL |", "domicile Aytré, vit seule";
- the commune after a patient's title, name and a comma, closed by another comma or a bracket:
  "Patient : Mme LEMOINE Odile, Les Rousses, dossier ...", "MME X Y, CAUSSADE (pour information)";
- the birth town in a form after the birth date and "à :" ("Né le : 02/05/1961   à : Trabzon (Turquie)",
  "NE LE......: 03/01/1958   A : CORTE (2B)", "Né à : Kayseri"): the e-mail field "À :" would read
  it as a person; this layout is a birthplace, known commune or not (foreign towns too).

Safe because each layout needs the word to be a known French commune (or "Les/Le/La" + one) that
is no ordinary word, no first name and no medical word; the role list is closed; the person layout
needs a title and a capitalised name before the comma. Hand-written: these are French note
layouts, not something a gazetteer reads.
"""

from __future__ import annotations

import re

from avec.privacy.detection.commune_parentheses import is_word_like
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_W = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_TOWN = r"(?:(?:Les|Le|La|LES|LE|LA|L['’])[ \t]+)?" + _W
_ROLE_TOWN = re.compile(
    r"\((?:MG|MT|MTT|IDEL?|(?i:kin[ée]|pharmacien(?:ne)?|m[ée]decin[ \t]+traitant|g[ée]n[ée]raliste))"
    r"[ \t]*,?[ \t]+(?P<town>" + _TOWN + r")[ \t]*\)"
)
_DOMICILE_TOWN = re.compile(
    r"(?<![\w-])(?i:domicile)[ \t]+(?P<town>" + _TOWN + r")(?=[ \t]*(?:[|,;)]|\n|$|[ \t]\())", re.MULTILINE
)
_TITLED_TOWN = re.compile(
    r"(?<![\w-])(?:Mme|Mlle|M\.|Madame|Monsieur|MME|MLLE|MONSIEUR|MADAME)[ \t]+"
    r"[" + UP + r"][\w'’\-]+(?:[ \t]+[" + UP + r"][\w'’\-]+){1,3}[ \t]*,[ \t]*"
    r"(?P<town>" + _TOWN + r")(?=[ \t]*(?:,|[ \t]\(|\n))"
)


def _is_town(ctx: DetectionContext, town: str) -> bool:
    """A known commune that is no ordinary word, first name or medical word."""
    lex = ctx.lexicons
    if not known_commune(lex, town) or is_protected_word(town.split()[-1]):
        return False
    bare = town.split()[-1] if town.split()[0].lower() in ("les", "le", "la") else town
    return not is_word_like(lex, town) and not lex.is_first_name(bare)


@recognizer("route_town", 62)
def find_layout_towns(ctx: DetectionContext) -> list[Span]:
    """Communes after an abbreviated care role in brackets, after "domicile", after a titled name."""
    text, folded, out = ctx.text, ctx.folded, []
    candidates = []
    if "(" in text:
        candidates += list(_ROLE_TOWN.finditer(text))
    if "domicile" in folded:
        candidates += list(prefixed_finditer(_DOMICILE_TOWN, text, folded))
    if "," in text and ("m" in folded):
        for m in prefixed_finditer(_TITLED_TOWN, text, folded):
            # a surname alone is no commune here: the name run would swallow it otherwise
            if not ctx.lexicons.is_surname(m.group("town")) or " " in m.group("town"):
                candidates.append(m)
    for m in candidates:
        if _is_town(ctx, m.group("town")):
            out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.74, "route_town"))
    return out


_BIRTH_TOWN_FIELD = re.compile(
    r"(?<![\w])(?i:n[ée]e?(?:\(e\))?)(?:[ \t]+(?i:le)[ \t.]*:?[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"(?:[ \t]*\([^()\n]{1,12}\))?)?[ \t]+(?i:à|a)[ \t.]*:[ \t]*"
    r"(?P<town>[" + UP + r"][\w'’]*(?:[- ][" + UP + r"][\w'’]*){0,3}|[" + UP + r"][\w'’]*(?:-[\w'’]+)+)"
    r"(?=[ \t]*(?:\(|\n|$|[ \t]{2}|,))",
    re.MULTILINE,
)


@recognizer("birth_town_field", 86)
def find_birth_town_fields(ctx: DetectionContext) -> list[Span]:
    """The birth town after "Né le : <date>  à :" or "Né à :" in a form (module docstring)."""
    text, out = ctx.text, list[Span]()
    if ":" not in text:
        return out
    for m in prefixed_finditer(_BIRTH_TOWN_FIELD, text, ctx.folded):
        town = m.group("town")
        if is_protected_word(town.split()[0]) or ctx.lexicons.is_common(town.split()[0]) and not _is_town(ctx, town):
            continue
        out.append(Span(m.start("town"), m.end("town"), "VILLE", 0.8, "birth_town_field"))
    return out
