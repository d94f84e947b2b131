"""Home-help and medical-supply companies named by their area: "Beaune Services à Domicile",
"Dijon Domicile Services", "Aide à Domicile en Limousin", "Médical Services Atlantique",
"Normandie Respiration", "Limousin Santé Services", "NORD OXY SERVICES", "Domicile Services 63".

Their names are built from a place and capitalised trade words ("Médical", "Santé", "Services",
"Domicile", "Respiration", "Oxygène"...): the capitals mark the company's name, the lower-case
"services à domicile" is the activity and stays. The place is a region or a département (the
Faker ``fr_FR`` list plus the historic and coastal areas companies are named after), a big city or
a département number. The span is the whole name, labelled ``HOPITAL`` like every named provider
of care. No offline package lists these companies, hence the hand-written patterns.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’\-]+"
_COMPANY = re.compile(
    r"(?<![\w-])(?<!\w\w['’])(?:"
    r"(?P<place>" + _WORD + r"(?:[ \t]" + _WORD + r")?)[ \t]+"
    r"(?:Services?[ \t]+(?:à|a)[ \t]+Domicile|Domicile[ \t]+Services?|Aide[ \t]+(?:à|a)[ \t]+Domicile)"
    r"|Aide[ \t]+(?:à|a|et)[ \t]+Domicile[ \t]+(?:en|du|des|de[ \t]+la|de|d['’])[ \t]*" + _WORD +
    # "Aide à Domicile Villeurbanne Services": the place inside the name
    r"|Aide[ \t]+(?:à|a)[ \t]+Domicile[ \t]+(?P<inner>" + _WORD + r")[ \t]+Services?" +
    r"|M[ée]dical[ \t]+Services?[ \t]+" + _WORD +
    r")(?![\w'’-])"
)

# Trade words of home-care and medical-supply companies, capitalised (first letter or all caps).
_TRADE = (
    r"(?:M[ée]dical(?:e|es)?|MEDICAL|MÉDICAL|Sant[ée]|SANT[EÉ]|Services?|SERVICES?|Domicile|DOMICILE|"
    r"Respiration|RESPIRATION|Respiratoire|RESPIRATOIRE|Oxy|OXY|Oxyg[èe]ne|OXYG[ÈE]NE|Assistance|ASSISTANCE|"
    r"Perfusions?|PERFUSIONS?|Nutrition|NUTRITION|Soins|SOINS)(?![\w'’-])"
)
_TRADE_RUN = re.compile(r"(?<![\w'’-])" + _TRADE + r"(?:[ \t]+" + _TRADE + r"){0,2}")
_NUMBER_AFTER = re.compile(r"[ \t]+(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w'’-]|[,.]\d|[ \t]*(?:%|h\b|ans\b))")
_AREA_BEFORE = re.compile(r"(?<![\w'’-])(?P<area>[" + UP + r"][\w'’]*(?:-[\w'’]+)*)[ \t]+\Z")
_AREA_AFTER = re.compile(r"[ \t]+(?P<area>[" + UP + r"][\w'’]*(?:-[\w'’]+)*)(?![\w'’-])")
# Areas companies are named after that the region list lacks; "Centre" is left out ("Centre Médical").
_MORE_AREAS = {
    "normandie", "provence", "occitanie", "champagne", "savoie", "touraine", "anjou", "berry", "artois",
    "flandre", "flandres", "hainaut", "gascogne", "bearn", "perigord", "quercy", "armor", "cotentin", "sologne",
    "atlantique", "ouest", "sud", "littoral", "azur", "alpes", "pyrenees", "vendee", "dauphine", "lorraine",
    "rhone-alpes", "auvergne-rhone-alpes", "hauts-de-france", "grand-est", "nouvelle-aquitaine", "bretagne-sud",
}
_NOT_AREA = {"centre", "corse"}


def _area(ctx: DetectionContext, word: str) -> bool:
    """A region, a département or a big city naming a company ("Normandie", "NORD", "Dijon")."""
    key = fold_key(word)
    if key in _NOT_AREA or is_protected_word(word):
        return False
    return is_area_name(word) or key in _MORE_AREAS or key in ctx.lexicons.big_cities


def _regional_spans(ctx: DetectionContext) -> list[Span]:
    """"Normandie Respiration", "Limousin Santé Services", "Domicile Services 63", "Oxygène Bretagne"."""
    text = ctx.text
    out: list[Span] = []
    for m in prefixed_finditer(_TRADE_RUN, text, ctx.folded):
        start, end = m.start(), m.end()
        trades = m.group(0).split()
        before = _AREA_BEFORE.search(text, max(0, start - 40), start)
        after = _AREA_AFTER.match(text, end)
        num = _NUMBER_AFTER.match(text, end)
        if before and _area(ctx, before.group("area")):
            start = before.start("area")
            end = num.end() if num else end
        elif len(trades) >= 2 and num:
            end = num.end()  # "Domicile Services 63"
        elif len(trades) >= 2 and after and _area(ctx, after.group("area")):
            end = after.end()  # "Santé Services Normandie"
        elif len(trades) == 1 and after and fold_key(trades[0]).startswith("oxy") and _area(ctx, after.group("area")):
            end = after.end()  # "Oxygène Bretagne"
        else:
            continue
        if len(trades) == 1 and fold_key(trades[0]) in ("service", "services", "sante", "soins") and end == m.end():
            continue  # "Nord Santé", "Bretagne Services": too thin to tell a company from a phrase
        # a company's name wins over a name read after a field label ("De : Aquitaine Médical Domicile")
        out.append(Span(start, end, "HOPITAL", 0.75, "named_body"))
    return out


def company_spans(ctx: DetectionContext) -> list[Span]:
    """Named home-help and medical-supply companies, as ``HOPITAL`` spans."""
    out: list[Span] = []
    if "Domicile" in ctx.text or "dical Servic" in ctx.text:
        for m in _COMPANY.finditer(ctx.text):
            start, place = m.start(), m.group("place") or m.group("inner")
            words = place.split() if place else []
            # "Association Mauges Services à Domicile": a leading ordinary word is no part of the place
            while len(words) > 1 and ctx.lexicons.is_common(words[0].lower()) and not _area(ctx, words[0]):
                start = ctx.text.index(words[1], start + len(words[0]))
                words = words[1:]
            if any(ctx.lexicons.is_common(w) and not _area(ctx, w) or is_protected_word(w) for w in words):
                continue  # "Nos Services à Domicile", "Les Services à Domicile": no name before them
            out.append(Span(start, m.end(), "HOPITAL", 0.75, "facility"))
    for span in _regional_spans(ctx):
        if not any(x.start < span.end and span.start < x.end for x in out):
            out.append(span)
    return out
