"""Round 19 (lead, after the measure): a "Le X" commune after the contraction "au" ("au Croisic",
"au Lorrain") is read whatever its size when written with a capital and small letters; capitals
("AU TITRE"), acronyms ("au CLAT") and words that are no "Le X" commune stay unmarked."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    ("Elle revient au Croisic pour l'été.", "Croisic"),
    ("Il a travaillé trente ans au Lorrain, dans la banane.", "Lorrain"),
    ("Sa sœur habite au Gosier depuis 2019.", "Gosier"),
    ("Installé au Vauclin, il consulte au CMP.", "Vauclin"),
]

NEGATIVE = [
    "DEMANDE D'AIDE AU TITRE DU FSL",
    "Signaler au CLAT sans délai.",
    "Ablation du drain au Redressement de la courbe.",
    "Il passe au Scanner demain matin.",
]


@pytest.mark.parametrize(("text", "city"), POSITIVE)
def test_le_commune_after_au(detector: Any, text: str, city: str) -> None:
    assert (city, "VILLE") in found(detector, text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_commune_after_au(detector: Any, text: str) -> None:
    assert not any(label == "VILLE" for _, label in found(detector, text))
