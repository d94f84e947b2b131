"""Round 12, lead's fixes: a NIR right after its own word beats a phone reading, and OCR-spaced
postal codes before a known commune written in mixed case. Invented values only."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(s.label, text[s.start : s.end]) for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an overseas NIR with a wrong key whose "00" group reads as an international phone
        ("Mère : 31 ans, G2P2 — NIR 2 00 10 97411 118 52\nPère : employé", "2 00 10 97411 118 52"),
        ("N° sécu : 1 00 12 97302 017 45", "1 00 12 97302 017 45"),
    ],
)
def test_a_nir_after_its_own_word_is_a_nir_not_a_phone(detector: Detector, text: str, value: str) -> None:
    assert ("SECU", value) in _found(detector, text)


def test_a_phone_after_a_nir_line_stays_a_phone(detector: Detector) -> None:
    text = "NIR : 1 85 05 78 006 084\nTél. : 00 33 6 41 27 90 15"
    assert ("TEL", "00 33 6 41 27 90 15") in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "zip_code", "town"),
    [
        ("Adresse : 8 rue du Moulin    59 1 70 Croix\n", "59 1 70", "Croix"),
        ("Mme Y\n                      2 9 2 0 0 Brest\n", "2 9 2 0 0", "Brest"),
    ],
)
def test_ocr_spaced_postal_code_before_a_known_mixed_case_commune(
    detector: Detector, text: str, zip_code: str, town: str
) -> None:
    found = _found(detector, text)
    assert ("ZIP", zip_code) in found
    assert ("VILLE", town) in found


@pytest.mark.parametrize(
    "text",
    [
        "Échelle : 1 2 3 4 5 Douleur ressentie\n",  # a scale, the next word no commune
        "EVA 2 3 4 5 6 Fatigue\n",
    ],
)
def test_spaced_digits_before_an_ordinary_word_are_no_postal_code(detector: Detector, text: str) -> None:
    assert not any(label == "ZIP" for label, _ in _found(detector, text))


def test_the_siblings_of_a_lettered_reference_are_references(detector: Detector) -> None:
    text = (
        "Nos réf. : FAC 2024-0517 à FAC 2024-0529\n\nMadame,\n\n"
        "Facture        | Date       | Montant\n"
        "FAC 2024-0518  | 03/02/2024 | 61,20 €\n"
        "FAC 2024-0519  | 05/02/2024 | 61,20 €\n"
    )
    found = _found(detector, text)
    for value in ("FAC 2024-0517", "FAC 2024-0529", "FAC 2024-0518", "FAC 2024-0519"):
        assert ("NDA", value) in found, found


def test_numbers_sharing_only_digits_with_a_reference_stay_unmarked(detector: Detector) -> None:
    text = "Nos réf. : FAC 2024-0517\nExercice 2024-2025, barème 2024-0600 du ministère."
    found = _found(detector, text)
    assert ("NDA", "FAC 2024-0517") in found
    assert not any(value in {"2024-2025", "2024-0600"} for _, value in found), found


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Né le 03/05/1961      N° IPP : 27 0 0 4 1 8 6 5      Séjour : 5 mai\n", "27 0 0 4 1 8 6 5", "IPP"),
        ("Urgences\nN° dossier : 3 1 -UHC- 0 47 2\n", "3 1 -UHC- 0 47 2", "NDA"),
        ("Dossier n° : TP-33-0 5127\nMesure de protection", "TP-33-0 5127", "NDA"),
    ],
)
def test_an_ocr_spaced_number_after_its_key_is_one_span(detector: Detector, text: str, value: str, label: str) -> None:
    assert (label, value) in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("N° de séjour : 24 118 207 du 3 mai", "24 118 207"),  # ordinary groups stay as they are
        ("IPP : 80012345 le 3 mai", "80012345"),
    ],
)
def test_ordinary_numbers_after_a_key_are_not_stretched(detector: Detector, text: str, kept: str) -> None:
    found = _found(detector, text)
    assert any(value == kept for _, value in found), found
    assert ("DATE", "3 mai") in found


def test_a_spaced_date_after_a_key_stays_a_date(detector: Detector) -> None:
    text = "N° de séjour : 2 4 0 8 1 1 7 3\nDate d'entrée : 1 9 / 0 4 / 2 0 2 4\n"
    found = _found(detector, text)
    assert not any(label in {"IPP", "NDA"} and "/" in value for label, value in found), found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mode d'accueil : Crèche collective Les Lucioles, Tourcoing\n", "Crèche collective Les Lucioles"),
        ("mode de garde : crèche parentale Pirouette\n", "crèche parentale Pirouette"),
        ("Accueil : HALTE-GARDERIE MUNICIPALE LES OURSONS\n", "HALTE-GARDERIE MUNICIPALE LES OURSONS"),
    ],
)
def test_a_named_creche_with_its_kind_is_an_organisation(detector: Detector, text: str, value: str) -> None:
    assert ("HOPITAL", value) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "en crèche collective depuis mars",
        "la crèche collective de la ville est pleine",
        "accueil à la crèche familiale d'Auray",  # a kind and its commune: the commune only
    ],
)
def test_a_creche_without_a_name_stays_unmarked(detector: Detector, text: str) -> None:
    assert not any(label == "HOPITAL" for label, _ in _found(detector, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vaccin fait par IPDE Martin ce matin", "Martin"),  # a paediatric nurse (IPDE) before a name
        ("| 12/02/2025 | 4 mois | cuisse G | IPDE Laurent |\n", "Laurent"),
    ],
)
def test_a_name_after_a_paediatric_nurse_acronym(detector: Detector, text: str, value: str) -> None:
    assert any(label in {"PRENOM", "NOM"} and found == value for label, found in _found(detector, text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Assuré : M. Rolland\nKervenou, 29430 Plouescat\n", "Kervenou"),
        ("Adressé par le Dr Huet\nLa Bergerie Haute, 12340 Bozouls\n", "La Bergerie Haute"),
    ],
)
def test_a_lieu_dit_opening_the_postal_code_line_is_an_address(detector: Detector, text: str, place: str) -> None:
    found = _found(detector, text)
    assert ("ADRESSE", place) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Courrier\nService Réclamations, 69003 Lyon\n",  # a department of a body
        "Courrier\nHôpital Nord, 13015 Marseille\n",  # a facility, marked as such
        "Courrier\nCEDEX, 69003 Lyon\n",
    ],
)
def test_a_body_or_facility_before_the_postal_code_is_no_lieu_dit(detector: Detector, text: str) -> None:
    assert not any(label == "ADRESSE" for label, _ in _found(detector, text))
