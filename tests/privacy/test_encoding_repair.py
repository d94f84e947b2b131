"""Mojibake and HTML entities: repaired for detection, spans mapped back to the original characters."""

from __future__ import annotations

from typing import Any

import pytest

from avec.privacy.detection.encoding_repair import repair


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("Mme GÃ©rard Ã‰lodie", "Mme Gérard Élodie"),
        ("FranÃ§oise LefÃ¨vre", "Françoise Lefèvre"),
        ("nÃ©e le 03/04/1950 Ã  Besançon", "née le 03/04/1950 à Besançon"),  # mixed: the good ç stays
        ("Ã  Saint-Malo", "à Saint-Malo"),  # the no-break space of "à" became a plain space
        ("Sortie â€“ retour Ã  domicile", "Sortie – retour à domicile"),
        ("CHU de Pointe-&agrave;-Pitre, H&ocirc;pital", "CHU de Pointe-à-Pitre, Hôpital"),
        ("&Eacute;lise &#201;lise &#xC9;lise", "Élise Élise Élise"),
        ("Ã‰TIENNE CHRÃ‰TIEN", "ÉTIENNE CHRÉTIEN"),
    ],
)
def test_repairs_the_text_and_maps_every_character_back(broken: str, expected: str) -> None:
    fixed = repair(broken)
    assert fixed is not None
    assert fixed.text == expected
    # Each repaired word maps to the characters it was read from.
    for word in expected.split():
        start = fixed.text.index(word)
        a, b = fixed.original_bounds(start, start + len(word))
        assert repair(broken[a:b]) is None or repair(broken[a:b]).text == word  # type: ignore[union-attr]
    assert fixed.original_bounds(0, len(fixed.text)) == (0, len(broken))


@pytest.mark.parametrize(
    "clean",
    [
        "Mme Gérard Élodie, née à Besançon, âgée de 83 ans",
        "R&D, Procter & Gamble, AT&T",  # ampersands that are no entities
        "Ã",  # a lone letter decodes to nothing
        "Contrôle à 3 mois ; déjà vu ; ß œ",
        "&nbsp",  # no semicolon: left alone
    ],
)
def test_leaves_clean_text_alone(clean: str) -> None:
    fixed = repair(clean)
    assert fixed is None or fixed.text == clean


def test_detector_masks_the_broken_characters_exactly(detector: Any) -> None:
    text = (
        "Patient : HOARAU Marie-JosÃ©e   NÃ©e le : 17/08/1959\n"
        "MÃ©decin traitant : Dr TÃ‰CHER, ophtalmo Ã  Saint-Louis, CHU Sud R&eacute;union\n"
    )
    found = {(text[s.start : s.end], s.label) for s in detector.detect(text)}
    assert ("Marie-JosÃ©e", "PRENOM") in found
    assert ("TÃ‰CHER", "NOM") in found
    assert ("17/08/1959", "DATE_NAISSANCE") in found
    assert any(value.startswith("CHU Sud R&eacute;union") and label == "HOPITAL" for value, label in found)


def test_clean_text_gives_the_same_spans_as_before(detector: Any) -> None:
    text = "Mme Élodie Gérard, née le 03/04/1950 à Besançon, tél. 06 12 34 56 78."
    spans = detector.detect(text)
    assert {text[s.start : s.end] for s in spans} >= {"Élodie", "Gérard", "03/04/1950", "Besançon", "06 12 34 56 78"}
