"""Table-driven tests of the format families of round 2: record numbers named by the noun of a
stay or a case (and the lists after them).

Every sentence here was written for these tests (other names, numbers and places than the
held-out sets); each family has positive cases and negative neighbours of the same shape.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


def found(detector: Detector, text: str, label: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if label is None or s.label == label]


# --- record numbers after the noun of a stay or a case -----------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "values"),
    [
        ("IPP 7710045521    Séjour H25-00412\nDomicile :", "NDA", ["H25-00412"]),
        ("identité vérifiée - venue n° W25001177 en cours", "NDA", ["W25001177"]),
        ("Venues liées : 318002214 (HDJ du 04/03/2021), 322117405 (hospit.)", "NDA", ["318002214", "322117405"]),
        ("les séjours antérieurs (n° 19044128 et 21100356) restent à part", "NDA", ["19044128", "21100356"]),
        ("IPP : 40025561870 - séjour actuel : 250117733", "NDA", ["250117733"]),
        ("bascule du passage n° E25-004127 vers le dossier définitif", "NDA", ["E25-004127"]),
        ("Intervention n° 2025-117302 - CIS Ploërmel - VSAV 2", "NDA", ["2025-117302"]),
        ("Affaire n° 35-118-00417 - transfert du 18", "NDA", ["35-118-00417"]),
        ("Dossier n° CAP13-2025-004471", "NDA", ["CAP13-2025-004471"]),
        ("SAMU 2B - CRRA Bastia - dossier 2B-25-01194", "NDA", ["2B-25-01194"]),
        ("N° de dossier : SSI24/0917 – suivi infirmier", "NDA", ["SSI24/0917"]),
        ("facture jointe - séjour 26110473 - merci", "NDA", ["26110473"]),
        ("passage au bureau des entrées -> IPP définitif 5500127784.", "IPP", ["5500127784"]),
        ("le dossier patient 44170021983 a été fusionné", "IPP", ["44170021983"]),
    ],
)
def test_record_numbers_after_stay_or_case_nouns(detector: Detector, text: str, label: str, values: list[str]) -> None:
    assert [v for v in values if v in found(detector, text, label)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("séjour de 12 jours, retour à domicile", "12"),
        ("hospitalisation du 14/05/2024 au 19/05/2024 en médecine", "2024"),
        ("dossier n° 11/2024 classé", "11/2024"),
        ("séjour 2019-2020 en SSR", "2019-2020"),
        ("Séjour : 14 250,00 € à régler", "14 250"),
        ("intervention chirurgicale 24/03/2024 sans incident", "24/03/2024"),
        ("passage 75012 Paris", "75012"),
        ("séjour de 21000 km en voiture", "21000"),
    ],
)
def test_no_record_number_for_dates_amounts_and_counts(detector: Detector, text: str, value: str) -> None:
    assert not [s for s in detector.detect(text) if s.label in ("NDA", "IPP")], value


# --- OCR letters for digits and digits for letters (scanned forms) -----------------------------
_SCANNED_FORM = (
    "DEMANDE D'ADMISSION - scan_0093.pdf\n"
    "Date de la demande : 1O / O3 / 2O25\n"
    "NOM : BRUNlER      Prénom : Odette\n"
    "Né(e) le : 1 4/O9/1938  à : Co1mar\n"
    "N° SS : 1 85 11 35 238 1l7 78\n"
    "CP : 681OO  Commune : Wintzenheim\n"
    "Tel : O3 89 27 14 O6   Portable fami1le : O6 7O 22 18 49\n"
    "Plâtre jusqu'au 2O/O4, hospitalisée du 12/O3 au 1O/O4"
)


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("DATE", "1O / O3 / 2O25"),
        ("DATE_NAISSANCE", "1 4/O9/1938"),
        ("SECU", "1 85 11 35 238 1l7 78"),
        ("ZIP", "681OO"),
        ("TEL", "O3 89 27 14 O6"),
        ("TEL", "O6 7O 22 18 49"),
        ("DATE", "2O/O4"),
        ("DATE", "1O/O4"),
        ("NOM", "BRUNlER"),
    ],
)
def test_scanned_form_with_ocr_letters(detector: Detector, label: str, value: str) -> None:
    assert value in found(detector, _SCANNED_FORM, label)


def test_ocr_repair_keeps_length_and_fixes_both_ways() -> None:
    from avec.privacy.detection.ocr_digits import repair_ocr

    repaired = repair_ocr(_SCANNED_FORM)
    assert repaired is not None and len(repaired) == len(_SCANNED_FORM)
    assert "10 / 03 / 2025" in repaired and "BRUNIER" in repaired and "Colmar" in repaired
    assert "famille" in repaired and "68100" in repaired


@pytest.mark.parametrize(
    "text",
    [
        # Medical text: oxygen, HbA1c, vertebrae, TNM stages, litres; no OCR damage to repair.
        "Sous O2 3 l/min, SpO2 94 %. HbA1c 7,2 %. Fracture de L1, T1N1M0, boit 1l/j.",
        "Sous O2 2 l/min puis O2 4 l/min ; pT1a N0 ; IIa ; 1O mg",  # too few marks: left as written
    ],
)
def test_ocr_repair_leaves_ordinary_text(text: str) -> None:
    from avec.privacy.detection.ocr_digits import repair_ocr

    assert repair_ocr(text) is None
