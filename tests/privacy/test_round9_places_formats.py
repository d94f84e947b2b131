"""Table-driven tests of the place and format families of round 9: NIRs, dates and postal codes
damaged by OCR (wide spacing, a lone O or l read for a digit, O for 0 inside a postal code) and a
postal code before a lower-case "st"/"ste" commune.

Every value here is invented for these tests (NIR keys computed, other communes and numbers
than the development sets); each family has positive cases and negative neighbours of the same
shape, including ordinary French and medical text that must stay unmasked.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import masked, values_of

# OCR damage marks so that the OCR repair runs ("O4/O9/2O23", "Tél O2 ...").
_OCR = "Compte rendu du O4/O9/2O23, tél O2 4l 77 O8 19.\n"


# --- NIR widely spaced (OCR, boxes) ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "nir"),
    [
        ("N°  SS  :  2  71  08  69  123  045  69\n", "2  71  08  69  123  045  69"),
        ("Immatriculation  :  1 8 4 0 5 3 3 0 6 3 1 1 8  9 6\n", "1 8 4 0 5 3 3 0 6 3 1 1 8  9 6"),
        ("assurée  2  55  02  31  555  012  11  (régime général)", "2  55  02  31  555  012  11"),
        (_OCR + "N°  SS  :  l  84  O5  33  O63  118  96\n", "l  84  O5  33  O63  118  96"),
        ("NIR  :  2  71  08  69  123  045\nIPP : 4471", "2  71  08  69  123  045"),
    ],
)
def test_widely_spaced_nir_is_secu(detector: object, text: str, nir: str) -> None:
    assert values_of(detector, text, "SECU") == [nir]


@pytest.mark.parametrize(
    "text",
    [
        "Scores  :  2  71  08  69  123  045  12\n",  # 15 digits, bad key, no NIR word
        "Glycémies  1  12  08  14  110  095  13  mmol",  # a series of measures
        "Pas de Babinski, Glasgow  15, EVA  2  puis  1.",
    ],
)
def test_spaced_numbers_without_key_or_word_are_not_secu(detector: object, text: str) -> None:
    assert values_of(detector, text, "SECU") == []


# --- OCR dates with a lone O ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "date"),
    [
        (_OCR + "Madame X, née le O 7/ 1 1/1949 , domiciliée", "O 7/ 1 1/1949"),
        (_OCR + "né le O 2/O4/1961 à Vannes", "O 2/O4/1961"),
    ],
)
def test_ocr_birth_date_with_lone_letter(detector: object, text: str, date: str) -> None:
    assert values_of(detector, text, "DATE_NAISSANCE") == [date]


# --- postal codes damaged by OCR -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "zip_code", "town"),
    [
        ("Domicile  :  Le  Clos  Neuf   2 2 2 3 0   MERDRIGNAC\n", "2 2 2 3 0", "MERDRIGNAC"),
        ("Adresse  :  lieu-dit  Kervern   5 6 5 0 0   LOCMINE\n", "5 6 5 0 0", None),
        ("CH de Pontivy, 12 rue du Fil   563OO   PONTIVY\n", "563OO", "PONTIVY"),
        ("1 place de la Mairie  29l2O  PLOUGUIN\n", "29l2O", "PLOUGUIN"),
    ],
)
def test_ocr_postal_code(detector: object, text: str, zip_code: str, town: str | None) -> None:
    assert values_of(detector, text, "ZIP") == [zip_code]
    if town:
        assert town in masked(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Score  1 2 3 4 5   ECOG non évalué",  # a scale, then an acronym
        "débit  3OO   ML/H sur la voie",  # a dose with an O, no commune after
        "Lot  2O1OO   PARACETAMOL",  # a batch number before a drug
    ],
)
def test_spaced_or_lettered_numbers_are_not_postal_codes(detector: object, text: str) -> None:
    assert values_of(detector, text, "ZIP") == []


# --- postal code before a lower-case "st"/"ste" commune -------------------------------------------
@pytest.mark.parametrize(
    ("text", "zip_code", "town"),
    [
        ("vit seul, 4 allée des saules 35400 st malo\n", "35400", "st malo"),
        ("chez sa fille 69110 ste foy les lyon depuis mars", "69110", "ste foy les lyon"),
        ("adr : 7 rue du port 44600 st nazaire", "44600", "st nazaire"),
    ],
)
def test_postal_code_before_lower_case_saint_commune(detector: object, text: str, zip_code: str, town: str) -> None:
    assert values_of(detector, text, "ZIP") == [zip_code]
    assert values_of(detector, text, "VILLE") == [town]


@pytest.mark.parametrize(
    "text",
    [
        "dosage 12000 st ui par jour",  # not a commune after st
        "prévu 35400 ste unité",
    ],
)
def test_number_before_st_word_is_not_postal_code(detector: object, text: str) -> None:
    assert values_of(detector, text, "VILLE") == []


# --- building part then floor after a street --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Adresse : 9 rue des Tanneurs, bât. F, 1er étage, 21000 DIJON", "9 rue des Tanneurs, bât. F, 1er étage"),
        ("logt : 3 rue pierre sémard, bât c, 4e ét. 38100 grenoble", "3 rue pierre sémard, bât c, 4e ét."),
        (
            "domicile : 17 avenue Jean Jaurès, esc. 4, 6e gauche, 92140 Clamart",
            "17 avenue Jean Jaurès, esc. 4, 6e gauche",
        ),
        ("T2 au 5 rue Lamartine, appt 12, 2e étage droite, 59000 Lille", "5 rue Lamartine, appt 12, 2e étage droite"),
    ],
)
def test_floor_after_building_part_is_address(detector: object, text: str, address: str) -> None:
    assert values_of(detector, text, "ADRESSE") == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("vit 8 rue des Ormes, bât. A, 2e fois qu'il chute", "8 rue des Ormes, bât. A"),
        ("27 cours Vitton, 3e étage sans ascenseur", "27 cours Vitton"),  # a plain street: the floor stays out
    ],
)
def test_floor_not_after_building_part_stays_out(detector: object, text: str, address: str) -> None:
    assert values_of(detector, text, "ADRESSE") == [address]
