"""Round-9 speed changes keep the detector's output: propagation skips only occurrences that a
stronger span already holds; the all-capitals test counts letters as before."""

from __future__ import annotations

import pytest

from avec.privacy.detection.config import DetectionConfig
from avec.privacy.detection.detector import Detector
from avec.privacy.detection.propagation import propagate
from avec.privacy.detection.registry import DetectionContext, priority_of
from avec.privacy.detection.resolve import resolve
from avec.privacy.detection.text import mostly_upper
from avec.privacy.spans import Span

TEXT = "Mme Kervella est venue. Kervella rappellera. Hôpital Kervella. Vu avec Kervella."
FIRST = (4, 12)  # "Kervella" after the title
SECOND = (24, 32)  # alone
FACILITY = (45, 61)  # "Hôpital Kervella"
FOURTH = (71, 79)  # alone
INSIDE = (53, 61)  # "Kervella" inside the facility


def _ctx(detector: Detector, text: str) -> DetectionContext:
    # The shared detector's lexicons (built with spaCy's lemma tables, as in detection).
    return DetectionContext(text=text, lexicons=detector.lexicons, config=DetectionConfig())


def test_offsets_of_the_fixture() -> None:
    assert TEXT[slice(*FIRST)] == TEXT[slice(*SECOND)] == TEXT[slice(*FOURTH)] == TEXT[slice(*INSIDE)] == "Kervella"
    assert TEXT[slice(*FACILITY)] == "Hôpital Kervella"


def test_occurrence_under_a_stronger_span_is_not_proposed(detector: Detector) -> None:
    ctx = _ctx(detector, TEXT)
    found = [Span(*FIRST, "NOM", 0.9, "title"), Span(*FACILITY, "HOPITAL", 0.8, "facility")]
    assert priority_of("facility") > priority_of("propagation")
    got = {(s.start, s.end) for s in propagate(ctx, resolve(found))}
    assert got == {SECOND, FOURTH}


def test_occurrence_under_a_weaker_span_is_still_proposed_and_wins(detector: Detector) -> None:
    ctx = _ctx(detector, TEXT)
    weak = Span(*FOURTH, "VILLE", 0.5, "ner")  # spaCy's guess, priority below propagation
    found = [Span(*FIRST, "NOM", 0.9, "title"), weak]
    assert priority_of("ner") < priority_of("propagation")
    new = propagate(ctx, resolve(found))
    assert (FOURTH[0], FOURTH[1], "NOM") in {(s.start, s.end, s.label) for s in new}
    final = resolve(found + new)
    assert weak not in final
    assert (FOURTH[0], FOURTH[1], "NOM") in {(s.start, s.end, s.label) for s in final}


def test_skipping_gives_the_same_resolution_as_proposing_everything(detector: Detector) -> None:
    """What the skipped occurrences would have added is dropped by resolution anyway."""
    ctx = _ctx(detector, TEXT)
    found = [Span(*FIRST, "NOM", 0.9, "title"), Span(*FACILITY, "HOPITAL", 0.8, "facility")]
    every = found + [Span(a, b, "NOM", 0.7, "propagation") for a, b in (SECOND, INSIDE, FOURTH)]
    with_skip = resolve(found + propagate(ctx, resolve(found)))
    assert [(s.start, s.end, s.label) for s in with_skip] == [(s.start, s.end, s.label) for s in resolve(every)]


# (text, expected): over 70 % of the letters upper case, at least 20 letters
UPPER_CASES = [
    ("COMPTE RENDU DE CONSULTATION DU PATIENT", True),
    ("Compte rendu de consultation du patient", False),
    ("DUPONT", False),  # fewer than 20 letters
    ("12/03/2024 14:10 — 06 12 34 56 78 — m² µg", False),  # digits, symbols, few letters
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ abc", True),  # 26 of 29 letters
    ("ABCDEFGHIJKLMN opqrstu", False),  # 14 of 21 letters: 67 %
    ("ÉLÉONORE ÇA ÆTHER ŒUVRE ÀÉÈÊ ß", True),  # accented capitals; ß is a lower-case letter
    ("ДОКУМЕНТ ПАЦИЕНТА ВАЖНО ok", True),  # any script with case
    ("日本語の文章はここにありますとても長い文章です ABC", False),  # letters without case count as letters
]


@pytest.mark.parametrize(("text", "expected"), UPPER_CASES)
def test_mostly_upper(text: str, expected: bool) -> None:
    letters = [c for c in text if c.isalpha()]
    reference = len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.7
    assert reference == expected  # the case is what its comment says
    assert mostly_upper(text) is expected


def test_resolve_drops_duplicates_and_keeps_the_first_of_equal_rank() -> None:
    a = Span(0, 6, "NOM", 0.8, "initials")
    b = Span(0, 6, "NOM", 0.8, "name_list")  # same priority (56), score, bounds and label
    strong = Span(4, 10, "PRENOM", 0.9, "title")
    assert priority_of("initials") == priority_of("name_list")
    assert resolve([a, a, b]) == [a]
    assert resolve([b, a]) == [b]
    # the stronger source wins the overlap; what does not overlap stays, sorted by start
    later = Span(12, 15, "VILLE", 0.6, "commune")
    assert resolve([later, a, strong]) == [strong, later]
