"""find_occurrences: word lookups giving the same matches as one alternation regex per document."""

from __future__ import annotations

import pytest

from avec.privacy.detection.occurrences import _by_pattern, find_occurrences
from avec.privacy.detection.text import fold

# (text, keys, expected surfaces in order)
CASES = [
    ("Mme Kervella est venue. KERVELLA rappellera.", {"kervella"}, ["Kervella", "KERVELLA"]),
    # several words, separated by spaces, hyphens or apostrophes in the text
    ("Jean Luc Morvan, puis Jean-Luc et jean luc.", {"jean luc"}, ["Jean Luc", "Jean-Luc", "jean luc"]),
    ("Mme N'Diaye et Mme N’DIAYE", {"n diaye"}, ["N'Diaye", "N’DIAYE"]),
    # the longest key wins where both start
    ("Le Goff Anne et Le Goff seul", {"le goff", "le goff anne"}, ["Le Goff Anne", "Le Goff"]),
    # no letter or digit on either side: part of a longer word is no occurrence; an underscore separates
    ("Morvanec et Morvan2 mais courrier_morvan.pdf", {"morvan"}, ["morvan"]),
    # accents are folded on the text's side
    ("Hélène puis HELENE", {"helene"}, ["Hélène", "HELENE"]),
    # punctuation between the words of a key is no separator
    ("Jean, Luc", {"jean luc"}, []),
    # a key holding another character than a letter or a digit falls back to the regular expression
    ("voir o.k ici", {"o.k"}, ["o.k"]),
]


@pytest.mark.parametrize(("text", "keys", "expected"), CASES)
def test_occurrences(text: str, keys: set[str], expected: list[str]) -> None:
    found = [text[a:b] for a, b, _ in find_occurrences(fold(text), keys)]
    assert found == expected
    reference = [text[a:b] for a, b, _ in _by_pattern(fold(text), sorted(keys, key=len, reverse=True))]
    assert found == reference


def test_keys_are_reported_in_their_normal_form() -> None:
    text = "Jean-Luc puis JEAN LUC"
    assert [k for _, _, k in find_occurrences(fold(text), {"jean luc"})] == ["jean luc", "jean luc"]
