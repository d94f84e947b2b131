"""Facility and address candidates cut at a column gap (invented values)."""

from __future__ import annotations

import pytest

from avec.privacy.detection.column_gaps import cut_at_column_gaps
from avec.privacy.detection.detector import Detector
from avec.privacy.spans import Span


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("CPAM de la Haute-Vienne      Mutuelle", "CPAM de la Haute-Vienne"),
        ("CLINIQUE DES ORMEAUX  FINESS", "CLINIQUE DES ORMEAUX"),
        ("MUTUELLE DU POITOU  ADHERENT", "MUTUELLE DU POITOU"),
        ("HAMEAU DES TROIS CHENES\tCP", "HAMEAU DES TROIS CHENES"),
        ("7 rue des Vanneaux    Tel", "7 rue des Vanneaux"),
    ],
)
def test_candidate_cut_before_the_next_column(value: str, kept: str) -> None:
    text = f"xx {value} yy"
    span = Span(3, 3 + len(value), "HOPITAL", 0.8, "facility")
    (out,) = cut_at_column_gaps(text, [span])
    assert text[out.start : out.end] == kept
    assert (out.label, out.source) == ("HOPITAL", "facility")


@pytest.mark.parametrize(
    "value",
    [
        "C E N T R E   H O S P I T A L I E R   D E   V I R E",  # spaced-out letters
        "CEN TRE H OSPITA LIER   S AINT   JEAN",  # OCR fragments
        "CENTRE HOSPITALIER   GEORGES   SAND   DE   BOURGES",  # every word spaced out alike
        "PHARMACIE  DES QUATRE VENTS",  # the keyword alone before the gap
        "12 rue de  la  Paix",  # doubled spaces of OCR, lower-case last word
        "CLINIQUE SAINT-ROCH",  # no gap at all
    ],
)
def test_spaced_out_text_is_not_a_column(value: str) -> None:
    text = f"{value}\n"
    span = Span(0, len(value), "HOPITAL", 0.8, "facility")
    assert cut_at_column_gaps(text, [span]) == [span]


def test_other_labels_are_left_alone() -> None:
    text = "Marchal  Odile Vernet"
    span = Span(0, len(text), "NOM", 0.8, "x")
    assert cut_at_column_gaps(text, [span]) == [span]


def test_detector_keeps_the_next_column_out_of_the_body() -> None:
    text = "Organisme : CPAM de la Haute-Vienne       Mutuelle : aucune\nPatient suivi en ville.\n"
    spans = Detector.default().detect(text)
    found = [(text[s.start : s.end], s.label) for s in spans]
    assert ("CPAM de la Haute-Vienne", "HOPITAL") in found
    assert not any("Mutuelle" in value for value, _ in found)
