"""Table-driven tests of the number families of round 9: allowance numbers written short
("n° alloc caf"), a housing request's regional number (NUR), a prefecture's individual act
numbered département-date-serial, an upper-case "N°" before a lettered code, a body's letters
glued to its file number, and a CSV export whose header names fields with a digit ("contact1").

All values are invented for these tests; negative neighbours of the same shape stay unmasked.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import values_of


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("pièces à fournir : attestation CAF (n° alloc 4418265).", "4418265"),
        ("n° alloc caf 5930127, rdv pris le 3/12", "5930127"),
        ("N° alloc. MSA : 0871134", "0871134"),
        ("demande de logement social active, NUR 0350118023456789B ;", "0350118023456789B"),
        ("ARRÊTÉ N° 33-2025-03-14-00112\nportant admission en soins", "33-2025-03-14-00112"),
        ("arrêté préfectoral n° 2B-2024-07-02-0451 du 2 juillet", "2B-2024-07-02-0451"),
        ("FICHE DE SIGNALEMENT (FSEI) N° FSEI-25-0412\nÉtablissement", "FSEI-25-0412"),
        ("dossier déposé le 03/02/2025 (n° SIAO29-2025-00417), en attente", "SIAO29-2025-00417"),
    ],
)
def test_social_and_act_numbers_are_nda(detector: object, text: str, number: str) -> None:
    assert values_of(detector, text, "NDA") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "selon l'arrêté n° 2016-1234 du 5 mars 2016 relatif aux soins",  # a regulation, no person
        "allocation de 2500 € versée en mars",  # an amount after an allowance word
        "la CAF versera 350 euros",
        "N° FINESS 330781196",  # a facility's registration
        "décret n° 2002-303 du 4 mars 2002",
    ],
)
def test_rules_amounts_and_registrations_are_not_nda(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


def test_csv_header_with_numbered_fields_reads_the_id_column(detector: object) -> None:
    text = (
        "id_resident;nom;prenom;ddn;ch;contact1;tel_contact1\n"
        "R0071234;MARCHAND;Huguette;1934-02-17;B12;MARCHAND Luc (fils);0611223344\n"
        "R0071290;PEREIRA;Fernando;1941-09-05;B14;PEREIRA Ana (fille);0622334455\n"
    )
    assert values_of(detector, text, "IPP") == ["R0071234", "R0071290"]
    assert values_of(detector, text, "PRENOM")[:1] == ["Huguette"]


def test_csv_rows_of_values_are_not_headers(detector: object) -> None:
    text = "code;libelle;dose1;dose2\nA12;paracétamol;500;1000\nB07;ibuprofène;200;400\n"
    assert values_of(detector, text, "IPP") == []
    assert values_of(detector, text, "NDA") == []
