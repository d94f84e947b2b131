"""Occupational-health services and insurers' local bodies named by their territory.

Families (round 14), each a ``HOPITAL`` because its territory tells where the person works or lives:

- occupational-health services by acronym and territory: "AST Val de Sambre", "ASTAM Haute-Loire",
  "SPST Gers Pyrénées", "SIST Vosges Nord", "APST Grand Est", "AST 58" (a département's number only
  in a document about work medicine, never before a unit: "AST 58 UI/L" is a liver enzyme);
- "Santé Travail" with a territory or a lead word on either side, in capitals or capitalised:
  "Santé Travail Bocage", "CORREZE SANTÉ TRAVAIL", "Prévention Santé Travail 47", "Pôle Santé Travail
  Côte Basque" (the lower-case phrase of a sentence, "santé travail", is never read);
- mutual societies by territory: "Mutualité de la Vienne", "Mutualité Française Haute-Garonne"
  ("Mutualité Française" alone is national and tells no place);
- the health insurance's regional medical services: "DRSM Bourgogne" (a local "ELSM de Brive" keeps
  its commune only, as the older sets mark it).

Safe because: every form needs the keyword *and* a territory word (a département, a region, a
commune, a compass point, "Grand X", "Métropole") or a lead word in capitals; the acronyms are
case-sensitive and must be followed by a space (not "AST-2024-112", a file number, nor "AST/ALT").
"""

from __future__ import annotations

import re

from avec.privacy.detection.company_names import merged_bodies
from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAP = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|en|sur)"
# A territory: up to four capitalised words with the links of a place name ("Centre-Val de Loire").
_TERRITORY = r"(?P<terr>" + _CAP + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _CAP + r"){0,3})"
_DEPT = r"(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])"
_OH_ACRONYMS = r"(?:AST|ASTAM|ASTI|AIST|ASTIA|SPST|SPSTI|SIST|SSTI|SSTRN|APST|ACMS|AMETRA|OPSAT|AST[ \t]+BTP|SST)"
_OH_TERRITORY = re.compile(
    r"(?<![\w/-])(?P<kw>" + _OH_ACRONYMS + r")[ \t]+(?:" + _TERRITORY + r"|(?P<dept>" + _DEPT + r"))"
)
# A number is a département only when the name ends there ("AST 58, ", "(AST 58)"), not "AST 58 UI".
_OH_WORD = re.compile(_OH_ACRONYMS)
_DEPT_END = re.compile(r"(?![\w'’-])(?![ \t]*(?:[%/]|[A-Za-zµ]{1,4}\b(?![ \t]*[:–—-])|[.,]\d))")
_WORK_CONTEXT = re.compile(r"m[ée]decin[ea]?[ \t]+du[ \t]+travail|sant[ée][ \t]+au[ \t]+travail|aptitude|inaptitude")
_SANTE_TRAVAIL_FOLDED = re.compile(r"sante[ \t]+(?:au[ \t]+)?travail(?![\w'’-])")
_SANTE_TRAVAIL_CORE = re.compile(r"(?:Sant[ée]|SANT[ÉE])[ \t]+(?:(?:au|AU)[ \t]+)?(?:Travail|TRAVAIL)")
_LEAD_BEFORE = re.compile(r"(?<![\w'’-])(?:(?:" + _CAP + r"|\d{2,3})[ \t]+){1,3}\Z")
_AFTER_SANTE_TRAVAIL = re.compile(r"[ \t]+(?:" + _TERRITORY + r"|(?P<dept>" + _DEPT + r")(?![\w'’-]))")
_MUTUALITE = re.compile(
    r"(?<![\w'’-])(?:Mutualit[ée]|MUTUALIT[ÉE])(?:[ \t]+(?:Fran[çc]aise|FRAN[ÇC]AISE))?"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|DE[ \t]+LA|DU|DES|DE)(?:(?<=['’])|[ \t]+))?[ \t]*"
    + _TERRITORY
)
_INSURER_SERVICE = re.compile(
    r"(?<![\w'’-])(?:DRSM|DCGDR)[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])(?:(?<=['’])|[ \t]+))?"
    + _TERRITORY
)
# Substrings of the folded text without which no family here can match (a cheap gate).
_GATE_WORDS = words_of("ast spst sist ssti sstrn apst acms ametra opsat sst travail mutualite drsm dcgdr")
_STOP = frozenset(
    words_of(
        """service pole unite centre secteur site tel fax mail dr docteur madame monsieur mme cedex objet date
        medecin secretariat visite convocation dossier avis fiche le la les un une pour par avec"""
    )
)
_TERRITORY_WORDS = frozenset(words_of("nord sud est ouest grand grande metropole pays cote littoral val vallee"))
# Historical provinces and natural areas that name a service's territory ("Santé Travail Dauphiné",
# "Mutualité du Rouergue"): not in the lists of départements and regions; none is a person's name.
HISTORIC_AREAS = frozenset(
    words_of(
        """dauphine limousin berry perigord quercy bearn bigorre gascogne lauragais forez velay vivarais cevennes
        sundgau cotentin bocage artois hainaut cambresis boulonnais flandre flandres picardie champagne brie beauce
        sologne touraine anjou poitou saintonge aunis angoumois rouergue gevaudan roussillon cerdagne comminges
        couserans armagnac chalosse medoc bresse bugey beaujolais lyonnais bourbonnais nivernais morvan auxois
        tarentaise maurienne chablais vexin hurepoix gatinais perche leon tregor cornouaille penthievre camargue
        luberon comtat provence lorraine alsace bourgogne normandie bretagne auvergne occitanie aquitaine
        mediterranee atlantique armor argoat cornouailles pays-basque ardenne ardennes vosges jura"""
    )
)


def _place_word(ctx: DetectionContext, word: str) -> bool:
    """A département, a region, a commune or a compass/area word ("Grand", "Métropole", "Nord")."""
    key = fold_key(word)
    if key in _TERRITORY_WORDS or key in HISTORIC_AREAS or is_area_name(word):
        return True
    if any(is_area_name(p) or fold_key(p) in HISTORIC_AREAS for p in word.split("-") if len(p) >= 4):
        return True  # "Haute-Alsace", "Loire-Forez"
    return known_commune(ctx.lexicons, word) and not ctx.lexicons.is_first_name(word)


def _territory_end(ctx: DetectionContext, m: re.Match[str]) -> int | None:
    """End of the territory group cut before a stop word; ``None`` when it holds no place word."""
    start, end = m.start("terr"), m.end("terr")
    words = list(re.finditer(r"[\w'’]+(?:-[\w'’]+)*", ctx.text[start:end]))
    kept = []
    for w in words:
        if fold_key(w.group(0)) in _STOP or is_protected_word(w.group(0)):
            break
        kept.append(w)
    while kept and fold_key(kept[-1].group(0)).strip("'’") in ("de", "du", "des", "la", "l", "d", "et", "en", "sur"):
        kept.pop()
    caps = [w.group(0) for w in kept if w.group(0)[0].isupper()]
    if not caps or not any(_place_word(ctx, w) for w in caps):
        return None
    return start + kept[-1].end()


def _oh_spans(ctx: DetectionContext) -> list[Span]:
    text, out = ctx.text, []
    work = None
    for m in prefixed_finditer(_OH_TERRITORY, text, ctx.folded):
        if m.group("dept"):
            if work is None:
                work = bool(_WORK_CONTEXT.search(ctx.folded))
            if work and _DEPT_END.match(text, m.end()):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
            continue
        end = _territory_end(ctx, m)
        if end is not None:
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out


_LEAD_WORDS = frozenset(words_of("prevention pole action association service"))


def _lead_word(ctx: DetectionContext, word: str) -> bool:
    """A word of the service's own name before "Santé Travail" ("CORSE", "CIHL 45", "Prévention")."""
    lex = ctx.lexicons
    if fold_key(word) in _LEAD_WORDS or word.isdigit() or _place_word(ctx, word) or _OH_WORD.fullmatch(word):
        return True
    if fold_key(word).strip(".") in _STOP or lex.is_first_name(word) or is_protected_word(word):
        return False
    return word.isupper() and len(word) >= 2 or not (lex.is_common(word.lower()) or lex.is_surname(word))


def _sante_travail_spans(ctx: DetectionContext) -> list[Span]:
    text, out = ctx.text, []
    for hit in _SANTE_TRAVAIL_FOLDED.finditer(ctx.folded):
        core = _SANTE_TRAVAIL_CORE.match(text, hit.start())
        if core is None or not _starts_word(text, hit.start()):
            continue  # "santé travail" in a sentence: no name
        line_start = text.rfind("\n", 0, hit.start()) + 1
        before = _LEAD_BEFORE.search(text, max(line_start, hit.start() - 60), hit.start())
        lead = list(re.finditer(r"\S+", before.group(0))) if before else []
        keep = len(lead)
        while keep > 0 and _lead_word(ctx, lead[keep - 1].group(0)):
            keep -= 1  # the lead words next to "Santé", read from right to left
        start = before.start() + lead[keep].start() if before and keep < len(lead) else hit.start()
        end = core.end()
        after = _AFTER_SANTE_TRAVAIL.match(text, end)
        terr_end = _territory_end(ctx, after) if after and after.group("terr") else None
        if terr_end is not None:
            end = terr_end
        elif after and after.group("dept"):
            end = after.end()
        elif keep == len(lead):
            continue  # "Santé Travail" alone: the kind, no territory
        out.append(Span(start, end, "HOPITAL", 0.8, "named_body"))
    return out


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_'’-")


def _territory_spans(ctx: DetectionContext, rx: re.Pattern[str]) -> list[Span]:
    out = []
    for m in prefixed_finditer(rx, ctx.text, ctx.folded):
        end = _territory_end(ctx, m)
        if end is not None:
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out


def work_health_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for occupational-health services, mutual societies and insurers' local services."""
    if not any(k in ctx.folded for k in _GATE_WORDS):
        return []
    spans = _oh_spans(ctx)
    if "sante" in ctx.folded and "travail" in ctx.folded:
        spans += _sante_travail_spans(ctx)
    if "mutualite" in ctx.folded:
        spans += _territory_spans(ctx, _MUTUALITE)
    if "DRSM" in ctx.text or "DCGDR" in ctx.text:
        spans += _territory_spans(ctx, _INSURER_SERVICE)
    return merged_bodies(spans)
