"""Addresses, postal codes, communes and care facilities: surrogates that agree with each other.

The commune table is hand-written (real French communes and one of their postal codes) because no
maintained PyPI package ships the postal-code/commune pairs offline; Faker's fr_FR ``postcode()`` and
``city()`` are drawn independently and would give a Lyon postcode with a Breton town.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from avec.privacy.transform.casing import apply_style, norm_key, style_of

# Communes whose name is also a common word (Tours, Valence, Vannes, Nice) are left out: restoring an
# answer would turn "Tours de taille" into the patient's commune.
COMMUNES: tuple[tuple[str, str], ...] = (
    ("75011", "Paris"),
    ("69003", "Lyon"),
    ("13005", "Marseille"),
    ("31000", "Toulouse"),
    ("44000", "Nantes"),
    ("67000", "Strasbourg"),
    ("34000", "Montpellier"),
    ("33000", "Bordeaux"),
    ("59000", "Lille"),
    ("35000", "Rennes"),
    ("51100", "Reims"),
    ("76600", "Le Havre"),
    ("42000", "Saint-Étienne"),
    ("83000", "Toulon"),
    ("38000", "Grenoble"),
    ("21000", "Dijon"),
    ("49000", "Angers"),
    ("30000", "Nîmes"),
    ("69100", "Villeurbanne"),
    ("63000", "Clermont-Ferrand"),
    ("72000", "Le Mans"),
    ("13100", "Aix-en-Provence"),
    ("29200", "Brest"),
    ("80000", "Amiens"),
    ("87000", "Limoges"),
    ("74000", "Annecy"),
    ("66000", "Perpignan"),
    ("57000", "Metz"),
    ("25000", "Besançon"),
    ("45000", "Orléans"),
    ("76000", "Rouen"),
    ("68100", "Mulhouse"),
    ("14000", "Caen"),
    ("54000", "Nancy"),
    ("86000", "Poitiers"),
    ("64000", "Pau"),
    ("17000", "La Rochelle"),
    ("29000", "Quimper"),
    ("28000", "Chartres"),
    ("10000", "Troyes"),
    ("79000", "Niort"),
    ("68000", "Colmar"),
    ("89000", "Auxerre"),
    ("18000", "Bourges"),
    ("81000", "Albi"),
    ("47000", "Agen"),
    ("53000", "Laval"),
    ("49300", "Cholet"),
    ("56100", "Lorient"),
    ("64100", "Bayonne"),
    ("20000", "Ajaccio"),
    ("20200", "Bastia"),
    ("24000", "Périgueux"),
    ("11000", "Carcassonne"),
    ("27000", "Évreux"),
    ("41000", "Blois"),
    ("05000", "Gap"),
    ("82000", "Montauban"),
    ("03200", "Vichy"),
    ("22000", "Saint-Brieuc"),
    ("61000", "Alençon"),
    ("90000", "Belfort"),
    ("88000", "Épinal"),
    ("71000", "Mâcon"),
    ("73000", "Chambéry"),
    ("15000", "Aurillac"),
    ("12000", "Rodez"),
    ("46000", "Cahors"),
    ("65000", "Tarbes"),
    ("09000", "Foix"),
    ("48000", "Mende"),
    ("07000", "Privas"),
    ("43000", "Le Puy-en-Velay"),
    ("23000", "Guéret"),
    ("19000", "Tulle"),
    ("16000", "Angoulême"),
    ("36000", "Châteauroux"),
    ("58000", "Nevers"),
    ("39000", "Lons-le-Saunier"),
    ("70000", "Vesoul"),
    ("52000", "Chaumont"),
    ("55000", "Bar-le-Duc"),
    ("08000", "Charleville-Mézières"),
    ("02000", "Laon"),
    ("60000", "Beauvais"),
    ("62000", "Arras"),
    ("50000", "Saint-Lô"),
    ("01000", "Bourg-en-Bresse"),
)

STREET_TYPES = (
    "rue",
    "avenue",
    "boulevard",
    "chemin",
    "impasse",
    "place",
    "allée",
    "route",
    "quai",
    "cours",
    "square",
    "passage",
    "résidence",
    "lieu-dit",
    "hameau",
    "sentier",
    "voie",
    "rond-point",
)
_STREET_NAMES = (
    "des Lilas",
    "des Tilleuls",
    "de la Gare",
    "du Moulin",
    "des Écoles",
    "de l'Église",
    "du Stade",
    "des Acacias",
    "de la Mairie",
    "des Peupliers",
    "du Château",
    "des Vignes",
    "de la Fontaine",
    "des Prés",
    "du Lavoir",
    "des Jardins",
    "de la Paix",
    "Victor Hugo",
    "Jean Jaurès",
    "Pasteur",
    "Gambetta",
    "de la République",
    "des Marronniers",
    "du Parc",
)
_STREET_RE = re.compile(r"\b(" + "|".join(STREET_TYPES) + r"|av|bd|bld|imp|pl|rte|che?)\b\.?", re.IGNORECASE)
_ZIP_CITY_RE = re.compile(r"(?P<zip>(?<!\d)\d{5}(?!\d))(?P<sep>[\s,]+)(?P<city>[^\W\d_][\w'’\- ]*)$")

FACILITY_TYPES = (
    "centre hospitalier universitaire",
    "centre hospitalier régional",
    "centre hospitalier",
    "groupe hospitalier",
    "hôpital privé",
    "hôpital",
    "hopital",
    "polyclinique",
    "clinique",
    "chru",
    "chu",
    "chr",
    "chi",
    "ch",
    "ehpad",
    "ssiad",
    "ssr",
    "smr",
    "usld",
    "ime",
    "mas",
    "fam",
    "esat",
    "foyer",
    "résidence",
    "maison de santé",
    "centre de santé",
    "institut",
    "centre médico-social",
    "cmp",
    "ccas",
    "gh",
    "ght",
    "aphp",
    "ap-hp",
    "hcl",
    "ap-hm",
)
_FACILITY_RE = re.compile(r"^\s*(" + "|".join(re.escape(t) for t in FACILITY_TYPES) + r")\b", re.IGNORECASE)
_FACILITY_NAMES = (
    "Les Tilleuls",
    "Les Glycines",
    "Les Oliviers",
    "Le Clos Fleuri",
    "Les Magnolias",
    "Saint-Joseph",
    "Saint-Vincent",
    "Sainte-Marie",
    "Saint-Louis",
    "Les Cèdres",
    "La Roseraie",
    "Les Jardins d'Automne",
    "Les Hortensias",
    "Le Parc",
    "Bel Air",
)
_CITY_FACILITIES = {
    "chu",
    "chr",
    "chru",
    "ch",
    "chi",
    "centre hospitalier",
    "centre hospitalier universitaire",
    "centre hospitalier régional",
    "groupe hospitalier",
    "gh",
    "ght",
    "hôpital",
    "hopital",
}


def commune(rng: random.Random, forbidden: set[str]) -> tuple[str, str]:
    """A (postal code, commune) pair whose commune and code are not in ``forbidden`` (normalised keys)."""
    for _ in range(20):
        code, city, key = rng.choice(_commune_keys())
        if key not in forbidden and code not in forbidden:
            return code, city
    candidates = [(c, n) for c, n, k in _commune_keys() if k not in forbidden and c not in forbidden]
    return rng.choice(candidates or list(COMMUNES))


@lru_cache(maxsize=1)
def _commune_keys() -> tuple[tuple[str, str, str], ...]:
    return tuple((code, city, norm_key(city)) for code, city in COMMUNES)


def render_city(original: str, city: str) -> str:
    """The surrogate commune in the original's letter case."""
    return apply_style(style_of(original), city) if style_of(original) != "mixed" else city


def street_address(rng: random.Random, original: str) -> str:
    """A plausible street address shaped like ``original`` (number kept if there was one, street type)."""
    number = re.match(r"\s*(\d+)\s*(bis|ter|b)?\s*,?\s*", original, re.IGNORECASE)
    street = _STREET_RE.search(original)
    kind = street.group(0) if street else rng.choice(("rue", "avenue", "chemin", "allée"))
    parts = []
    if number:
        parts.append(str(rng.randint(1, 120)) + (", " if "," in number.group(0) else " "))
    parts.append(f"{kind} {rng.choice(_STREET_NAMES)}")
    text = "".join(parts)
    style = style_of(original)
    return apply_style(style, text) if style in ("upper", "lower") else text


def split_zip_city(text: str) -> tuple[str, str, str, str] | None:
    """``12 rue X 69003 Lyon`` -> (street part, zip, separator, city); None without a trailing zip+city."""
    match = _ZIP_CITY_RE.search(text)
    if match is None:
        return None
    return text[: match.start()], match.group("zip"), match.group("sep"), match.group("city")


def facility(rng: random.Random, original: str, city: str) -> str:
    """A plausible facility name keeping the original's type (CHU, EHPAD, Clinique…)."""
    match = _FACILITY_RE.match(original)
    kind = match.group(1) if match else ""
    if kind and kind.lower() in _CITY_FACILITIES:
        name = f"{kind} de {city}"
    elif kind:
        name = f"{kind} {rng.choice(_FACILITY_NAMES)}"
    else:
        name = f"Clinique {rng.choice(_FACILITY_NAMES)}"
    style = style_of(original)
    return name.upper() if style == "upper" else name
