"""An initial that stands for a surname is a NOM ("Sandrine B.", "Mme R."), a first name's initial
stays a PRENOM ("J. Martin", "Marie J. Dupont"); a surname initial's surrogate is another initial
and comes back on restoration. Invented values only."""

from __future__ import annotations

import random
import re

import pytest
from tests.privacy.conftest import mark_spans

from avec.privacy.detection import Detector
from avec.privacy.detection.surname_initials import relabel_surname_initials
from avec.privacy.restore import Restorer
from avec.privacy.spans import Span
from avec.privacy.transform import Pseudonymizer


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _labels(detector: Detector, text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        ("Pansement refait avec Sandrine B. ce matin.", "B."),
        ("Transmis par Karine V., IDE de nuit.", "V."),
        ("Signé : Nadia K.", "K."),
        ("Ce matin Mme R. a aidé sa voisine.", "R."),
        ("Appel de M. T. pour son rendez-vous.", "T."),
    ],
)
def test_a_surname_initial_is_a_nom(detector: Detector, text: str, initial: str) -> None:
    assert _labels(detector, text).get(initial) == "NOM"


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        ("Dr J. Martin a vu le patient.", "J."),
        ("Marie J. Dupont est venue seule.", "J."),
        ("Vu par le Pr A. Lemoine en consultation.", "A."),
    ],
)
def test_a_first_name_initial_before_the_surname_stays_a_prenom(detector: Detector, text: str, initial: str) -> None:
    assert _labels(detector, text).get(initial) == "PRENOM"


def test_only_the_label_changes_never_the_spans() -> None:
    text = "Karine V. et J. Morel"
    spans = [Span(0, 6, "PRENOM"), Span(7, 9, "PRENOM"), Span(13, 15, "PRENOM"), Span(16, 21, "NOM")]
    out = relabel_surname_initials(spans, text)
    assert [(s.start, s.end) for s in out] == [(s.start, s.end) for s in spans]
    assert [s.label for s in out] == ["PRENOM", "NOM", "PRENOM", "NOM"]


def test_a_surname_initial_is_replaced_by_another_initial_and_restored() -> None:
    text = "Vu avec Sandrine B. ce matin ; Sandrine B. repasse demain."
    marks = [("Sandrine", "PRENOM"), ("B.", "NOM"), ("Sandrine", "PRENOM"), ("B.", "NOM")]
    for seed in range(10):
        pseudo = Pseudonymizer(rng=random.Random(seed))
        result = pseudo.transform(text, mark_spans(text, marks))
        surrogates = [r.surrogate for r in result.replacements if r.label == "NOM"]
        assert surrogates and all(re.fullmatch(r"[A-Z]\.", s) and s != "B." for s in surrogates)
        assert len(set(surrogates)) == 1  # the same initial each time in the conversation
        assert Restorer(pseudo.mapping).restore(result.text) == text
