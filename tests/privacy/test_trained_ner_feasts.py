"""Feast days that are also first names are a time after a time word, a person elsewhere."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import masked, persons


@pytest.mark.parametrize(
    "text",
    ["douleur depuis Noël, pas de fièvre", "revoir après Pâques si besoin", "sortie prévue avant la Toussaint"],
)
def test_feast_after_a_time_word_is_not_masked(detector: Any, text: str) -> None:
    assert masked(detector, text) == []


def test_feast_name_of_a_person_is_still_masked(detector: Any) -> None:
    assert persons(detector, "Noël Martin est venu voir sa mère") == ["Noël", "Martin"]
