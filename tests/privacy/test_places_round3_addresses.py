"""Addresses after the blind18-19 round: localities without a number in brackets or after a home
field ('section X', 'village X'), a numbered national road as the home's street, a named place
('Le Bourg') between an address field and a postal code. Each family has cases left alone.
Sentences written for these tests, with other names and places than the held-out sets.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("agressé à Sainte-Rose (section Bois-de-Rose). Accepte", "section Bois-de-Rose"),
        ("Domicile : village Saint-Jean, Papaïchton", "village Saint-Jean"),
        ("Domicile : chez sa mère, Route nationale 2, Dembéni", "Route nationale 2"),
        ("Adresse : Le Bourg - 03500 Saulcet", "Le Bourg"),
        ("Domicile : chez sa mère, Route nationale 2, Kangani-Bas, 97620 Chirongui", "Route nationale 2"),
        ("Domicile : chez sa mère, Route nationale 2, Kangani-Bas, 97620 Chirongui", "Kangani-Bas"),
        ("Adresse : La Croix Blanche, 35230 Noyal", "La Croix Blanche"),
    ],
)
def test_address_found(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("la section Oncologie du service", "section Oncologie"),
        ("voir la RN 12 fermée par la neige", "RN 12"),
        ("le village Vacances (section Pédiatrie)", "section Pédiatrie"),
        ("Accident sur la Route nationale 7 hier", "Route nationale 7"),
    ],
)
def test_not_an_address(detector: Detector, text: str, word: str) -> None:
    assert (word, "ADRESSE") not in found(detector, text)
