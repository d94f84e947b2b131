"""Home-care services and equipment providers whose name closes on "Domicile" or on a region.

Families (round 14), each a ``HOPITAL`` (it tells where the person is cared for):

- a home-care service named "<keyword> <name> Domicile": "HAD Vallée Domicile", "Association Morvan
  Présence Domicile", "SSIAD Rance Domicile". The facility rules stop a name at "domicile" (right for
  "SSIAD X domicile du patient"); here a capitalised "Domicile" that closes the name after at least
  one word of its own belongs to it;
- a national oxygen or equipment provider with its region, the region's links included: "Orkyn
  Pays de la Loire", "Vitalaire Centre-Val de Loire", "Air Liquide Santé Domicile", "Linde Homecare
  Île-de-France".

Safe because: the first shape needs a care keyword before the name and a capitalised "Domicile"
closing it, and the name must hold a word that is no kind of care ("Soins", "Aide", "Services",
"Hospitalisation", "Maintien": "HAD Hospitalisation À Domicile" is refused); the second needs a
provider's own name (a closed list) followed by a region of the closed list of French regions.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAP = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_DOMICILE_NAME = re.compile(
    r"(?<![\w'’-])(?:HAD|SSIAD|SAAD|SPASAD|Association|ASSOCIATION)[ \t]+"
    r"(?P<mid>" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,3})[ \t]+(?:Domicile|DOMICILE)(?![\w'’-])"
)
_CARE_KINDS = frozenset(
    words_of("soins aide aides services service hospitalisation maintien infirmiers infirmier a accompagnement")
)
_LINK_WORDS = frozenset(words_of("et a de du des la le les l d en au aux pour"))
_REGIONS = (
    r"(?:Centre[ \t-]+Val[ \t-]+de[ \t-]+Loire|Pays[ \t-]+de[ \t-]+(?:la[ \t-]+)?Loire|Provence[ \t-]+Alpes[ \t-]+"
    r"C[ôo]te[ \t-]+d['’][ \t]?Azur|PACA|Hauts[ \t-]+de[ \t-]+France|[ÎI]le[ \t-]+de[ \t-]+France|"
    r"Nouvelle[ \t-]+Aquitaine|Grand[ \t-]+Est|Auvergne[ \t-]+Rh[ôo]ne[ \t-]+Alpes|"
    r"Bourgogne[ \t-]+Franche[ \t-]+Comt[ée]|Occitanie|Normandie|Bretagne|Corse|Grand[ \t-]+Ouest|"
    r"Sud[ \t-]+(?:Ouest|Est)|Nord[ \t-]+(?:Ouest|Est)|Rh[ôo]ne[ \t-]+Alpes|Midi[ \t-]+Pyr[ée]n[ée]es)"
)
_PROVIDER = re.compile(
    r"(?<![\w'’-])(?:(?P<alone>Air[ \t]+Liquide[ \t]+Sant[ée](?:[ \t]+(?:Domicile|France))?)|"
    r"Orkyn|ORKYN|Vitalaire|VITALAIRE|Linde[ \t]+Homecare|LVL[ \t]+M[ée]dical|SOS[ \t]+Oxyg[èe]ne|Asten[ \t]+Sant[ée]|"
    r"Isis[ \t]+M[ée]dical|Elivie|ELIVIE|Homeperf|Bastide(?:[ \t]+Le[ \t]+Confort[ \t]+M[ée]dical)?)"
    r"(?P<region>[ \t]+(?:[–-][ \t]+)?" + _REGIONS + r")?(?![\w'’-])"
)


def home_provider_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for "<keyword> X Domicile" services and providers with their region."""
    text, folded, out = ctx.text, ctx.folded, []
    if "domicile" in folded:
        for m in prefixed_finditer(_DOMICILE_NAME, text, folded):
            words = re.findall(r"[\w'’]+", m.group("mid"))
            linked = any(fold_key(w) in _LINK_WORDS for w in words)
            plain = [w for w in words if fold_key(w) not in _LINK_WORDS]
            if linked and all(ctx.lexicons.is_common(w.lower()) for w in plain):
                continue  # "SSIAD MATIN ET SOIR A DOMICILE": a sentence in capitals, no name
            if any(fold_key(w) not in _CARE_KINDS for w in words) and not text[m.end() : m.end() + 4].startswith(" de"):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
    if any(
        k in folded
        for k in (
            "orkyn",
            "vitalaire",
            "linde",
            "liquide",
            "lvl",
            "oxyg",
            "asten",
            "isis",
            "elivie",
            "homeperf",
            "bastide",
        )
    ):
        for m in prefixed_finditer(_PROVIDER, text, folded):
            if m.group("region") or m.group("alone"):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
    return out
