"""Table-driven tests of the format families of round 8: day/month dates without a lead word
(before a clock time, with a late month, in an arrow range), lettered record numbers without
"n°", registration, client and subscriber numbers, codes inside mixed table cells, numbers
repeated after an export, and logins after audit fields and in export columns.

Every sentence here was written for these tests (other names, numbers and places than the
development sets); each family has positive cases and negative neighbours of the same shape,
including ordinary French and medical text that must stay unmasked.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import masked, values_of


# --- day/month dates without a lead word ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("| ROUSSEL | Gaëtan | 22/11 09h40 | Cardiologie |", ["22/11"]),
        ("| BERTIN | Zoé | 3/12 23h05 | Pédiatrie |", ["3/12"]),
        ("arrivée 7/11 à 16h, installée box 3", ["7/11"]),
        ("| 28.10 06:15 | chute |", ["28.10"]),
        ("mutation prévue 05/3 vers 10h30", ["05/3"]),
        ("admis 14/11, 02h50 par le SMUR", ["14/11"]),
        ("PLANNING IDE – SEMAINE 50 (9/12 → 15/12)", ["9/12", "15/12"]),
        ("garde du week-end 28/10 -> 3/11 : Dr Nadal", ["28/10", "3/11"]),
        ("astreinte 27/12 – 2/01 assurée par l'équipe B", ["27/12", "2/01"]),
        ("pansement refait, contrôle 19/10, puis 26/10", ["19/10", "26/10"]),
    ],
)
def test_day_month_without_lead_word_is_a_date(detector: object, text: str, dates: list[str]) -> None:
    assert values_of(detector, text, "DATE") == dates


@pytest.mark.parametrize(
    "text",
    [
        "TA 13/10 à 14h, FC 88",  # a blood pressure in cmHg
        "tension 16/11 ce soir à 20h",
        "EVA 3/10 → 7/10 après la mobilisation",  # a pain score rising
        "Algoplus 1/5 à 10h20, calme",  # a score before a clock time
        "prendre 1/2 cp à 14h si douleur",  # a fraction of a tablet
        "Hb 10.12 à 14h, contrôle demain",  # a lab value with a dot
        "Glasgow 14/15 à 9h",
        "pression 18/12 cmHg",
        "score 13/10 à 14h",
    ],
)
def test_scores_pressures_and_fractions_are_no_date(detector: object, text: str) -> None:
    assert values_of(detector, text, "DATE") == []


def test_day_month_without_year_is_never_a_birth_date(detector: object) -> None:
    text = "Sortie de M. Kerbrat samedi (29/11) vers 15h en VSL."
    assert values_of(detector, text, "DATE_NAISSANCE") == []
    assert values_of(detector, text, "DATE") == ["29/11"]


# --- record numbers without a mark, registration and client numbers ------------------------------
@pytest.mark.parametrize(
    ("text", "label", "numbers"),
    [
        ("Régulation R2511-04417 – appel de la fille", "NDA", ["R2511-04417"]),
        ("Dossier de régulation : 2511-044178 clos à 5h", "NDA", ["2511-044178"]),
        ("Dossier SAMU 2511-044192 transmis au SMUR", "NDA", ["2511-044192"]),
        ("N° d'appel : 25-7731902 (CRRA 44)", "NDA", ["25-7731902"]),
        ("Intervention VSAV INT2025-88104 terminée", "NDA", ["INT2025-88104"]),
        ("N° enreg. CS24-35-2025-00871", "NDA", ["CS24-35-2025-00871"]),
        ("N° d'enregistrement : 2025-77-04418", "NDA", ["2025-77-04418"]),
        ("demande PCH déposée (n° 35-2025-004418), réponse attendue", "NDA", ["35-2025-004418"]),
        ("prescription renouvelée, n° client CLT-0093317 chez le prestataire", "IPP", ["CLT-0093317"]),
        ("reprise du lit médicalisé (dossier client MED-44-10982)", "IPP", ["MED-44-10982"]),
        ("code client 5504871 à rappeler au standard", "IPP", ["5504871"]),
        ("N° abonné : 0088124 (téléassistance)", "IPP", ["0088124"]),
    ],
)
def test_record_registration_and_client_numbers(detector: object, text: str, label: str, numbers: list[str]) -> None:
    assert values_of(detector, text, label) == numbers


@pytest.mark.parametrize(
    "text",
    [
        "hospitalisation 2023-145 pour pneumopathie",  # a year and a count, no mark
        "consultation 2024-2025 du programme",  # a year range
        "la régulation 2025 a été réorganisée",  # a year
        "l'appel 12345 fois répété",  # a count
        "Scellé n° 2026-4471 remis aux enquêteurs",
        "loi n° 2002-303 du 4 mars 2002",  # a law
        "tube n° 25093318871 hémolysé",  # a sample tube, digits alone
        "RPPS n° 10003456789",
        "le client 4 a appelé",  # a count
    ],
)
def test_no_record_number_without_evidence(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == [] and values_of(detector, text, "IPP") == []


# --- codes inside mixed table cells under a number header -----------------------------------------
def test_code_in_a_mixed_cell_under_a_client_header_is_ipp(detector: object) -> None:
    text = (
        "| Heure | Patient / n° client | Motif |\n"
        "|---|---|---|\n"
        "| 22h40 | LEMOINE Huguette / OXY-204418 | alarme |\n"
        "| 01h15 | TARDIEU Paul / OXY-199302 | fuite masque |\n"
    )
    assert values_of(detector, text, "IPP") == ["OXY-204418", "OXY-199302"]


def test_code_in_a_mixed_cell_under_a_file_header_is_nda(detector: object) -> None:
    text = "Bénéficiaire ; N° dossier / statut ; Visite\nRoux Léa ; D25-004871 / ouvert ; 12h\n"
    assert values_of(detector, text, "NDA") == ["D25-004871"]


def test_mixed_cell_without_number_header_keeps_its_codes(detector: object) -> None:
    text = "| Produit / lot | Quantité |\n|---|---|\n| Pansement / LOT-204418 | 3 |\n"
    assert values_of(detector, text, "IPP") == [] and values_of(detector, text, "NDA") == []


# --- numbers repeated after an export --------------------------------------------------------------
def test_number_of_an_export_is_masked_where_it_is_quoted_again(detector: object) -> None:
    text = (
        "NUM_SEJOUR;NOM;PRENOM\n"
        "2511300081;PERRAUD;ODILE\n"
        "2511300093;VIGNAL;HERVÉ\n\n"
        "> 2511300081 : chute dans la nuit, radio faite\n"
        "> 2511300093 PERRAUD? non VIGNAL : douleur thoracique"
    )
    assert values_of(detector, text, "NDA") == ["2511300081", "2511300093", "2511300081", "2511300093"]


def test_repeat_is_whole_number_only(detector: object) -> None:
    text = "IPP : 80044127\nle lot 800441275 et la boîte 180044127 ne sont pas le patient"
    assert values_of(detector, text, "IPP") == ["80044127"]


# --- logins after audit fields and in export columns -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "logins"),
    [
        ("Saisie : tpelletan le 04/12/2025 10:02", ["tpelletan"]),
        ("Rédacteur : mkerdoncuff   Validé : Dr Alvarez", ["mkerdoncuff"]),
        ("Créé par : agouraud", ["agouraud"]),
        ("2025-11-04 08:12:40 | nbarthe | ouverture dossier\nIDE : N. Barthe", ["nbarthe"]),
        ("résultats téléphonés au Dr Ferrand le 02/04 par clabrousse.", ["clabrousse"]),
        ("1;DOULEUR;2;nbarthe\n2;PLAIE;4;nbarthe\nIOA : N. Barthe", ["nbarthe", "nbarthe"]),
        # one cell made of a name ("lemaire") makes the column a login column
        ("10;CHUTE;3;rlemaire\n11;FIEVRE;2;kzowski", ["rlemaire", "kzowski"]),
    ],
)
def test_logins(detector: object, text: str, logins: list[str]) -> None:
    assert [v for v in values_of(detector, text, "NOM") if v.islower()] == logins


@pytest.mark.parametrize(
    "text",
    [
        "Saisie : manuelle ; Validation : effectuée",  # ordinary words after audit labels
        "le courrier reçu le 6, par lequel vous sollicitez une aide",  # a relative pronoun
        "prélèvement effectué par ponction lombaire",  # a care act
        "résultats transmis par messagerie sécurisée",
        "1;CHUTE;3;oui\n2;FIEVRE;2;non\n3;PLAIE;4;ambu",  # ordinary words in an export column
        "1;CHUTE;3;kzowski",  # an unknown lower-case cell with no name evidence in its column
    ],
)
def test_no_login_without_a_name(detector: object, text: str) -> None:
    assert [v for v in masked(detector, text) if v.islower()] == []


def test_no_span_added_on_identifier_free_medical_text(detector: object) -> None:
    text = (
        "Patient de 67 ans, TA 14/9 puis 13/10 à 16h, EVA 6/10 → 3/10 après morphine 1/2 cp.\n"
        "Bilan : Hb 11.2, plaquettes 250 G/L ; ECG : rythme sinusal ; score de Glasgow 15/15 à 9h.\n"
        "Hospitalisation 2019-2020 pour décompensation ; loi n° 2016-87 sur la fin de vie."
    )
    assert masked(detector, text) == []
