"""INSEE's first-name file: the names of today's children and young adults are known first names,
ordinary words, surnames and medical terms in the file are not."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import persons

from avec.privacy.detection.first_name_sources import _insee_first_names, _insee_frequency


@pytest.fixture(scope="module")
def lexicons(detector: Any) -> Any:
    return detector.lexicons


def test_the_file_is_read_with_births_and_gender() -> None:
    rows = {key: (births, boys) for key, _, births, boys in _insee_first_names()}
    assert len(rows) > 3000
    births, boys = rows["louane"]
    assert births > 10_000 and boys < 5
    assert rows["titouan"][1] > 95


@pytest.mark.parametrize(
    ("name", "male", "female"),
    [
        ("Louane", False, True),
        ("Titouan", True, False),
        ("Kenza", False, True),
        ("Luna", False, True),
        ("Eliott", True, False),
        ("Sasha", True, True),
        ("Maëlys", False, True),
        ("Ilyès", True, False),
    ],
    # Louane is not a boy's name, Titouan not a girl's
)
def test_recent_names_are_first_names_with_their_gender(lexicons: Any, name: str, male: bool, female: bool) -> None:
    assert lexicons.is_first_name(name)
    key = name.lower().replace("ë", "e").replace("è", "e")
    # the gender INSEE gives is known (a name may keep the other one from another source)
    assert key in lexicons.first_names_male or not male
    assert key in lexicons.first_names_female or not female


@pytest.mark.parametrize("word", ["Vanille", "Conception", "Marin", "Colin", "Toussaint", "Samba", "Neo", "Don"])
def test_words_and_surnames_of_the_file_are_not_added(lexicons: Any, word: str) -> None:
    # ordinary words (vanille, conception, marin, don), known surnames (Colin, Toussaint): they
    # stay out, as the other sources' names that are also words, so they need a name context.
    assert not lexicons.is_first_name(word) or lexicons.french_first_name_frequency(word) > 6


def test_frequency_scale_grows_with_births() -> None:
    levels = [_insee_frequency(b) for b in (500, 2_500, 8_000, 30_000, 60_000, 150_000, 500_000)]
    assert levels == sorted(levels) and levels[0] < levels[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enfants au domicile : Louane (9 ans) et Titouan (6 ans), scolarisés.", ["Louane", "Titouan"]),
        ("Kenza MERLIN, la sœur, a appelé ce matin.", ["Kenza", "MERLIN"]),
        ("Vu avec Eliott et sa mère ce jour.", ["Eliott"]),
    ],
)
def test_recent_names_are_masked_in_context(detector: Any, text: str, expected: list[str]) -> None:
    assert persons(detector, text) == expected


def test_words_among_the_names_stay_in_ordinary_text(detector: Any) -> None:
    text = "Crème à la vanille, conception du projet de soins, marin pêcheur à la retraite."
    assert persons(detector, text) == []


@pytest.mark.parametrize(
    ("name", "other"),
    [("louane", "first_names_male"), ("titouan", "first_names_female"), ("kenza", "first_names_male")],
)
def test_new_names_do_not_get_the_other_gender(lexicons: Any, name: str, other: str) -> None:
    assert name not in getattr(lexicons, other)
