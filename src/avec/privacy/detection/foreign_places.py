"""Evidence that a capitalised name is a foreign town: a relative living there, a country around it.

"Sa fille frontalière à Bâle", "fille à Arlon (B) +32 63 ...", "vit en Belgique à Quiévrain",
"Nièce en Allemagne (Pirmasens)", "rapatriement Abidjan": families across a border name the town
of a relative with the country before it, a country code in brackets or a foreign phone number
after it. The commune rule asks these helpers only for a name that is no French commune.
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP, WorldPlaces
from avec.privacy.detection.text import fold_key

# A relative (or the job of one) earlier in the same clause, then "à": "Fils Didier Loup à".
_KIN_AT = re.compile(
    r"(?i)\b(?:fils|filles?|fr[èe]res?|s[œo]e?urs?|ni[èe]ces?|neveux?|[ée]poux|[ée]pouse|mari|conjointe?|"
    r"compagnon|compagne|parents|m[èe]re|p[èe]re|cousine?s?|oncles?|tantes?|petite?s?-(?:fils|filles?|enfants?)|"
    r"enfants?|famille|proches?|frontali[èe]re?s?|expatri[ée]e?s?)\b[^.;!?\n]{0,40}?[ \t](?:à|a)[ \t]*\Z"
)
# "en Belgique à Quiévrain", "en Allemagne (Pirmasens)", "au Luxembourg, à Esch": the country first.
_COUNTRY_BEFORE = re.compile(
    r"(?i:\b(?:en|au|aux))[ \t]+(?P<country>[" + UP + r"][\w'’\-]+(?:[ \t][" + UP + r"][\w'’\-]+)?)"
    r"[ \t]*,?[ \t]*(?:(?:à|a)[ \t]+|\([ \t]*)\Z"
)
# A repatriation names the foreign town: "rapatriement Abidjan", "rapatriée depuis Dakar".
_REPATRIATION = re.compile(
    r"(?i)\brapatri(?:ement|[ée]e?s?)(?:[ \t]+(?:à|a|de|d['’]|vers|sur|depuis|en[ \t]+provenance[ \t]+de))?[ \t]*\Z"
)
# A country code in brackets after the town, as on cross-border forms: "Arlon (B)", "Lörrach (D)".
_COUNTRY_CODE_AFTER = re.compile(r"[ \t]*\((?:B|D|CH|L|I|E|P|NL|GB|UK|PL|MC|AND|LUX|BEL|DEU|CHE)\)")
# A foreign phone number right after the town: "à Bâle : +41 61 ...", "(+49 761 ...)".
_FOREIGN_PHONE_AFTER = re.compile(r"[ \t]*[:(,]?[ \t]*(?:\+|00)(?!33\b)[1-9]\d{0,2}[ \t.]\d")
# German and English town names with a lower-case link: "Freiburg im Breisgau", "Frankfurt am Main".
_LINKED_NAME = re.compile(r"[ \t](?:im|am|an[ \t]der|ob[ \t]der|upon|on)[ \t]")


def foreign_hints(text: str, start: int, end: int, world: WorldPlaces) -> tuple[bool, bool]:
    """(a relative or a repatriation before the name, a country named around it) for ``text[start:end]``."""
    before = text[max(0, start - 70) : start]
    country = _COUNTRY_BEFORE.search(before)
    in_country = bool(country and fold_key(country.group("country")) in world.countries)
    in_country = (
        in_country or bool(_COUNTRY_CODE_AFTER.match(text, end)) or bool(_FOREIGN_PHONE_AFTER.match(text, end))
    )
    context = in_country and country is not None
    context = context or bool(_KIN_AT.search(before) or _REPATRIATION.search(before[-40:]))
    return context, in_country


def known_foreign_city(surface: str, world: WorldPlaces) -> bool:
    """A known foreign city, also with its linked qualifier ("Freiburg im Breisgau")."""
    key = fold_key(surface)
    if key in world.countries:
        return False
    if key in world.cities or surface.lower() in world.cities:
        return True
    link = _LINKED_NAME.search(surface)
    return link is not None and surface[: link.start()].lower() in world.cities
