"""Round 17 (lead): a postcode after "rue de la Poste", a flat part after a street without a comma,
OCR letters in spaced phone and NIR runs."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

# An OCR-damaged letterhead (several numbers holding O or l): the repair is switched on by the text.
_OCR_HEAD = "CENTRE HOSPITALIER\n9l1O6 Ville\nle O8 mai 2O24, né le O4/ll/l96l\n"

POSITIVE = [
    ("12 rue de la Poste 23000 Guéret\n", ("23000", "ZIP")),
    # a building or flat part without a comma after the street ends its name and joins the address
    ("vu à domicile 8 allée des Cytises bat D appt 21 à Bron\n", ("8 allée des Cytises bat D appt 21", "ADRESSE")),
    ("vit au 4 rue Jean Macé appt 3, seule\n", ("4 rue Jean Macé appt 3", "ADRESSE")),
    # a street named "Porte ..." keeps its whole name ("porte" is no flat part here)
    ("12 rue de la Porte Rouge 35000 Rennes\n", ("12 rue de la Porte Rouge", "ADRESSE")),
    ("350 boulevard Paul Escande – 71000 Mâcon\n", ("350 boulevard Paul Escande", "ADRESSE")),
    ("12 rue de la Poste 23000 Guéret\n", ("Guéret", "VILLE")),
    ("Place de La Poste 35000 Rennes – 02 99 12 34 56\n", ("35000", "ZIP")),
    (_OCR_HEAD + "Tél. Ol 4l 69 5l 3l\n", ("Ol 4l 69 5l 3l", "TEL")),
    (_OCR_HEAD + "N° SS l 8l ll 69 l23 456 42\n", ("l 8l ll 69 l23 456 42", "SECU")),
]
NEGATIVE = [
    # an internal extension after "poste" is no postcode
    ("Secrétariat 02 41 49 60 00 poste 13 204\n", "13 204"),
    # without OCR damage elsewhere, a pronoun before numbers stays a word
    ("Il 12 34 et 56 sont notés.\n", "Il"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_found(detector: Any, text: str, value: str) -> None:
    assert all(value not in v for v, _ in found(detector, text))
