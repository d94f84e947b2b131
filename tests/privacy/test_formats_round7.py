"""Table-driven tests of the format families of round 7: a numbered record in a table cell
("| N° examen | ... |"), an orientation platform's request number ("ViaTrajectoire VT-..."),
and care acts named by a medical suffix after "par" that are no login ("décharge par orthoplastie").

Every sentence here was written for these tests (other names, numbers and places than the
development sets); each family has positive cases and negative neighbours of the same shape.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import values_of


# --- a numbered record in a table cell ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("| N° examen    | TDM2024-118203   |\n| Date | 12/03/2024 |", ["TDM2024-118203"]),
        ("| N° de prélèvement | 25C0047719 |", ["25C0047719"]),
        ("| NUMÉRO D'EXAMEN | 2024IR00913 |", ["2024IR00913"]),
        ("| Numéro de séjour | 883019274 |", ["883019274"]),
        ("| N° d'inscription au registre | RG-2023-55810 |", ["RG-2023-55810"]),
    ],
)
def test_record_number_in_a_table_cell_is_nda(detector: object, text: str, numbers: list[str]) -> None:
    assert values_of(detector, text, "NDA") == numbers


@pytest.mark.parametrize(
    "text",
    [
        "| N° examen | 12 |",  # a short count, no record
        "| N° de prélèvement | 3 |",
        "| N° examen | 14/03/2024 |",  # a date, read elsewhere as a date
    ],
)
def test_short_or_dated_cells_are_no_nda(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


# --- an orientation platform's request number ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Objet : admission de M. Perrin – ViaTrajectoire VT-8830125", ["VT-8830125"]),
        ("demande VIATRAJECTOIRE n° 2023-47-905512 en attente", ["2023-47-905512"]),
        ("Via Trajectoire : 56-2025-004871", ["56-2025-004871"]),
        ("dossier via trajectoire 771904 déposé hier", ["771904"]),
        ("| Trajectoire | TRJ-2024-3318 |", ["TRJ-2024-3318"]),
    ],
)
def test_platform_request_number_is_nda(detector: object, text: str, numbers: list[str]) -> None:
    assert values_of(detector, text, "NDA") == numbers


@pytest.mark.parametrize(
    "text",
    [
        "la trajectoire 2024 de la résidente reste floue",  # a year, no file
        "ViaTrajectoire 2025 : quatre demandes reçues",
        "trajectoire de soins 3 fois revue",
    ],
)
def test_platform_word_without_a_file_number(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


# --- care acts after "par" are no login --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Plaie ouverte. Débridement réalisé, décharge par orthoplastie.",
        "Sténose ouverte. Geste réalisé par angioplastie.",
        "Kyste ouvert. Diagnostic confirmé par coelioscopie.",
        "Dossier validé. Suivi assuré par kinesitherapie.",
        "Drain retiré. Contrôle fait par échographie.",
    ],
)
def test_care_act_after_par_is_no_login(detector: object, text: str) -> None:
    assert values_of(detector, text, "NOM") == []


@pytest.mark.parametrize(
    ("text", "logins"),
    [
        ("Dossier créé le 14/09/2024 par tlemercier.", ["tlemercier"]),
        ("Saisi par : rvasseur", ["rvasseur"]),
        ("Créé le 14.09.2024 par bchevalier", ["bchevalier"]),
        ("Compte rendu validé par pgarnier", ["pgarnier"]),
    ],
)
def test_audit_logins_still_found(detector: object, text: str, logins: list[str]) -> None:
    assert values_of(detector, text, "NOM") == logins


# --- a labelled record number split by OCR around a slash ---------------------------------------
@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("N° dossier : K-31 / 2 4 558\n\nMotif : bilan", ["K-31 / 2 4 558"]),
        ("N° de dossier : 25/0 3 871", ["25/0 3 871"]),
        ("N° dossier : 24/01356 transmis", ["24/01356"]),
    ],
)
def test_labelled_record_split_by_ocr_is_one_nda(detector: object, text: str, numbers: list[str]) -> None:
    assert values_of(detector, text, "NDA") == numbers


@pytest.mark.parametrize(
    "text",
    [
        "N° dossier : 12/3 à compléter",  # too few digits for a record
        "N° examen : 2 / 3 réalisés",
    ],
)
def test_short_slashed_values_are_no_nda(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []
