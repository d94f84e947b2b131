"""Care bodies known by a name of their own, with no facility keyword in front.

Emergency doctors' networks and dispatch centres ("SOS Médecins Lyon", "SAMU 13"), cancer centres
and university hospitals by their acronym ("CGFL", "CMCO", "ICANS") or by their specialty and
area ("Institut de cancérologie Strasbourg Europe", "CENTRE DE RADIOTHÉRAPIE GUILLAUME LE
CONQUÉRANT"), charities named by their local committee ("Ligue contre le cancer — Comité du
Rhône"), interpreting services ("ISM Interprétariat"). By the conventions of
docs/privacy-detection.md each is a ``HOPITAL`` span holding the name and its area. No offline
package lists these bodies, hence the hand-written patterns; ``facilities.py`` calls
``named_body_spans``.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import PRIORITIES, DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_NAME = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_NUMBER = r"(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w'’-]|[,.]\d|[ \t]*(?:%|h\b|ans\b))"
# An emergency network and its town ("SOS Médecins Lyon", "SOS MÉDECINS GRENOBLE"): the town is
# checked against the commune list, the network alone is a body too.
_SOS = re.compile(r"(?<![\w'’-])(?P<core>SOS[ \t-]+(?i:m[ée]decins))(?![\w'’-])(?:[ \t]+(?P<town>" + _NAME + r"))?")
# A dispatch centre or an emergency team by its département's number: "SAMU 13", "SMUR 2B".
_DISPATCH = re.compile(r"(?<![\w'’-])(?:SAMU|SMUR|Samu)[ \t]+" + _NUMBER)
# Care and social services by their département's number, also glued in HL7 codes or with a compass
# area: "CSAPA 29", "HAD64", "GHT 94 Nord", "SAMSAH Horizon 45", "SOS Victimes 72", "Amicale du Nid 13".
_NUMBERED = re.compile(
    r"(?<![\w'’-])(?:CSAPA|CAARUD|CMPP?|CATTP|CAMSP|EMPP|EMPSA|GHT|HAD|SSIAD|SAVS|SAMSAH|EMSP|ANPAA|"
    r"SOS[ \t]+Victimes|France[ \t]+Victimes|Amicale[ \t]+du[ \t]+Nid|"
    r"(?:SAVS-)?(?:SAVS|SAMSAH)[ \t]+" + _NAME + r")[ \t]?" + _NUMBER
    + r"(?![ \t]*(?:j\b|jours?|mois|min|mg|kg|semaines?|fois|ml|cm|mm|x\b|/))"
    r"(?:[ \t]+(?:Nord|Sud|Est|Ouest|Centre)(?![\w'’-]))?"
    # a victims' aid network's local association after a dash: "France Victimes 37 - ADAVI Touraine"
    r"(?:(?<=\d)(?<=Victimes[ \t]\d\d)[ \t]+[–-][ \t]+[A-Z]{3,}[ \t]+" + _NAME + r")?"
)
# Cancer centres, children's cancer institutes and regional units known by their acronym.
_ACRONYMS = re.compile(
    r"(?<![\w-])(?<!\w\w['’])"
    r"(?:CGFL|CMCO|ICANS|IUCT(?:-Oncopole)?|IHOPe|IHOP|IGR|ICO|ISM[ \t]+Interpr[ée]tariat)(?![\w'’-])"
    # a site after the acronym: "ICO SITE RENE GAUDUCHEAU", "ICO site Paul Papin"
    r"(?:[ \t]+(?:SITE|[Ss]ite)[ \t]+" + _NAME + r"(?:[ \t]+" + _NAME + r"){0,2})?"
)
# A regional oncogeriatrics or cancer network named by its region: "UCOG Auvergne", "ONCO Bretagne".
_REGIONAL_UNIT = re.compile(r"(?<![\w'’-])(?:UCOG|UPCOG|ONCO|OncoGeriatrie)[ \t]+(?P<area>" + _NAME + r")")
# A centre named by its specialty and its area or patron: "Institut de cancérologie Strasbourg
# Europe", "Centre de radiothérapie Guillaume le Conquérant", "Institut du cancer de Montpellier".
_SPECIALTY_CENTRE = re.compile(
    r"(?<![\w'’-])(?i:institut|centre|h[ôo]pital|p[ôo]le)[ \t]+(?i:de|du|d['’])[ \t]*"
    r"(?i:canc[ée]rologie|cancer|oncologie|radioth[ée]rapie|protonth[ée]rapie|h[ée]matologie)"
    r"(?P<name>(?:[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|le|la)[ \t]*)?" + _NAME + r"){1,4})"
)
# A national charity and its local committee: "Ligue contre le cancer — Comité du Rhône", "Ligue
# contre le cancer de Côte-d'Or", "Ligue contre le cancer (comité de la Somme)".
_CHARITY_BRANCH = re.compile(
    r"(?<![\w'’-])(?i:ligue[ \t]+(?:nationale[ \t]+)?contre[ \t]+le[ \t]+cancer)"
    r"(?:[ \t]*[–—-][ \t]*|[ \t]*\(|[ \t]*,[ \t]*|[ \t]+)(?:(?i:comit[ée])(?:[ \t]+(?i:d[ée]partemental))?[ \t]+)?"
    r"(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*(?P<place>" + _NAME + r")"
)
# A psychiatric hospital by its acronym and département: "CPA de l'Ain" (never with a number: "CPA 50 mg").
_PSY_ACRONYM = re.compile(
    r"(?<![\w'’-])(?:CPA|CHS|CHSM|CPN)[ \t]+(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*"
    r"(?P<place>" + _NAME + r")"
)
_NUMBERED_GATE = re.compile(r"CSAPA|CAARUD|CMP|CATTP|CAMSP|EMP|GHT|HAD|SSIAD|SAVS|SAMSAH|EMSP|ANPAA|Victimes|Nid")
_GATE = (
    "CPA ", "CHS", "CPN ", "SOS", "SAMU", "SMUR", "Samu", "CGFL", "CMCO", "ICANS", "IUCT", "IHOP", "IGR", "ISM",
    "ICO ", "ICO)", "UCOG", "UPCOG", "ONCO",
)


def _place(ctx: DetectionContext, word: str) -> bool:
    """A known commune, département or region that is no medical word."""
    return (known_commune(ctx.lexicons, word) or is_area_name(word)) and not is_protected_word(word)


def _cut_name(text: str, start: int, end: int) -> int:
    """End of a name before a word that closes it ("Service", "Dr", "Tél")."""
    for w in re.finditer(r"[\w'’\-]+", text[start:end]):
        key = fold_key(w.group(0)).strip("'’")
        if key in FACILITY_STOP or is_protected_word(w.group(0)):
            end = start + w.start()
            break
    tail = re.search(r"(?i)[ \t]*(?:\b(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|le|la))?[ \t]*\Z", text[start:end])
    return start + tail.start() if tail else end


def named_body_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for the bodies above."""
    text, folded = ctx.text, ctx.folded
    out: list[Span] = []
    if any(k in text for k in _GATE):
        for m in prefixed_finditer(_SOS, text, ctx.folded):
            town = m.group("town")
            end = m.end("town") if town and _place(ctx, town) else m.end("core")
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
        dispatch_hits = prefixed_finditer(_DISPATCH, text, ctx.folded)
        out.extend(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body") for m in dispatch_hits)
        acronyms = prefixed_finditer(_ACRONYMS, text, folded)
        out.extend(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body") for m in acronyms)
        for m in prefixed_finditer(_PSY_ACRONYM, text, ctx.folded):
            if _place(ctx, m.group("place")):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
        for m in prefixed_finditer(_REGIONAL_UNIT, text, ctx.folded):
            if _place(ctx, m.group("area")):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
    if _NUMBERED_GATE.search(text):
        numbered_hits = prefixed_finditer(_NUMBERED, text, ctx.folded)
        out.extend(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body") for m in numbered_hits)
    if any(k in folded for k in ("cancer", "oncologie", "radiotherapie", "protontherapie", "hematologie")):
        for m in prefixed_finditer(_SPECIALTY_CENTRE, text, folded):
            end = _cut_name(text, m.start("name"), m.end("name"))
            if end > m.start("name"):
                out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
        for m in prefixed_finditer(_CHARITY_BRANCH, text, ctx.folded):
            if _place(ctx, m.group("place").split("-")[0]) or _place(ctx, m.group("place")):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
    return out


# A body's own name wins over a person's name read after a field label ("Adressé par : SOS Médecins").
PRIORITIES["named_body"] = 85
