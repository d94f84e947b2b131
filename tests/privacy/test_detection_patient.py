"""The patient's known identifiers are matched in all their variants."""

from __future__ import annotations

import datetime as dt

import pytest

from avec.privacy.detection import Detector, PatientIdentifiers

PATIENT = {
    "last_name": "Kerhervé",
    "first_names": ["Jean-Yves"],
    "birth_name": "Le Berre",
    "birth_date": "1947-03-12",
    "nir": "147032923812345",
    "ipp": "80045123",
    "phone": "06 12 34 56 78",
    "email": "jy.kerherve@orange.fr",
    "address": "3 impasse des Ajoncs",
    "zip": "29200",
    "city": "Plougastel-Daoulas",
}


def labelled(detector: Detector, text: str, patient: object = PATIENT) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text, patient=patient)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("variant", "label"),
    [
        ("Kerhervé", "NOM"),
        ("KERHERVE", "NOM"),
        ("kerherve", "NOM"),
        ("Kerherve", "NOM"),
        ("Le Berre", "NOM"),
        ("LE BERRE", "NOM"),
        ("Jean-Yves", "PRENOM"),
        ("Jean Yves", "PRENOM"),
        ("JEAN-YVES", "PRENOM"),
        ("jean-yves", "PRENOM"),
    ],
)
def test_name_variants_without_any_context(detector: Detector, variant: str, label: str) -> None:
    text = f"revu ce jour avec {variant} pour le suivi"
    assert (variant, label) in labelled(detector, text)


@pytest.mark.parametrize("initials", ["J.-Y.", "J.Y.", "JY", "J-Y."])
def test_initials_next_to_the_surname(detector: Detector, initials: str) -> None:
    text = f"Courrier pour {initials} Kerhervé, merci."
    assert (initials, "PRENOM") in labelled(detector, text)
    text = f"Courrier pour KERHERVE {initials} merci."
    assert (initials, "PRENOM") in labelled(detector, text)


def test_identifiers_in_other_layouts(detector: Detector) -> None:
    text = (
        "Sécu 1 47 03 29 238 123 45, IPP 800 451 23, tél +33 6 12 34 56 78, "
        "mail JY.Kerherve@orange.fr, 3 IMPASSE DES AJONCS 29200 PLOUGASTEL-DAOULAS."
    )
    got = labelled(detector, text)
    for value, label in [
        ("1 47 03 29 238 123 45", "SECU"),
        ("800 451 23", "IPP"),
        ("+33 6 12 34 56 78", "TEL"),
        ("JY.Kerherve@orange.fr", "MAIL"),
        ("3 IMPASSE DES AJONCS", "ADRESSE"),
        ("29200", "ZIP"),
        ("PLOUGASTEL-DAOULAS", "VILLE"),
    ]:
        assert (value, label) in got


def test_birth_date_in_any_form_becomes_date_naissance(detector: Detector) -> None:
    text = "Consultation le 12/03/2024. Anniversaire : 12 mars 1947. Autre date 12/03/47."
    got = labelled(detector, text)
    assert ("12/03/2024", "DATE") in got
    assert ("12 mars 1947", "DATE_NAISSANCE") in got
    assert ("12/03/47", "DATE_NAISSANCE") in got


def test_common_word_first_name_needs_a_capital(detector: Detector) -> None:
    patient = {"first_names": ["Rose"], "last_name": "Tanguy"}
    text = "Rose Tanguy a une plaque rose sur le bras."
    got = labelled(detector, text, patient)
    assert got == [("Rose", "PRENOM"), ("Tanguy", "NOM")]


def test_patient_accepts_model_dict_and_strings() -> None:
    p = PatientIdentifiers.coerce({"first_names": "Marie Claire", "birth_date": "12/03/1947", "unknown": 1})
    assert p is not None and p.first_names == ["Marie", "Claire"] and p.birth_date == dt.date(1947, 3, 12)
    assert PatientIdentifiers.coerce(None) is None
    with pytest.raises(ValueError):
        PatientIdentifiers.coerce({"birth_date": "not a date"})
