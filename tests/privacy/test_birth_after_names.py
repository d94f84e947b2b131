"""Dates right after a person's name, years before the document's other dates (invented values)."""

from __future__ import annotations

import pytest

from avec.privacy.detection.birth_after_names import relabel_births_after_names
from avec.privacy.detection.detector import Detector
from avec.privacy.spans import Span


def _labels(text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in Detector.default().detect(text)}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Appel le 04/02/2025 de VERNIER Solange, 17.03.1951, au sujet du transport.\n", "17.03.1951"),
        ("11/06/2024 - ABALLÉA Kévin (02/11/1988) - douleur thoracique, ECG fait le 11/06/2024.\n", "02/11/1988"),
        ("Fratrie au 01/09/2024 :\n  PELLERIN NOA   14/02/2012\n  PELLERIN ELIOTT   30/08/2015\n", "14/02/2012"),
        ("Entrée du 22/10/2023 : GOASDOUÉ Maëlys, 05/04/1979, adressée par son médecin.\n", "05/04/1979"),
    ],
)
def test_date_after_a_name_is_a_birth_date(text: str, date: str) -> None:
    assert _labels(text)[date] == "DATE_NAISSANCE"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a practitioner's visit date
        ("Visites du 03/03/2024 :\n| DR KERVELLA Anne | 12/09/2019 | suivi |\n", "12/09/2019"),
        # as recent as the document's other dates: a signature date
        ("Vu le 10/05/2024, courrier à Mme Jouvet.\nSigné : Hélène PRUNIER, 12/05/2024\n", "12/05/2024"),
    ],
)
def test_other_dates_after_names_stay_dates(text: str, date: str) -> None:
    assert _labels(text)[date] == "DATE"


def test_a_lone_date_gives_no_reference() -> None:
    text = "RIOUAL Anne, 12/03/1960"
    spans = [Span(0, 6, "NOM"), Span(7, 11, "PRENOM"), Span(13, 23, "DATE")]
    assert relabel_births_after_names(spans, text) == spans


def test_a_date_on_the_next_line_is_not_attached() -> None:
    text = "LE DUFF Paul\n12/03/1960 puis 14/05/2024"
    spans = [Span(0, 7, "NOM"), Span(8, 12, "PRENOM"), Span(13, 23, "DATE"), Span(29, 39, "DATE")]
    assert relabel_births_after_names(spans, text) == spans
