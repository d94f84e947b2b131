"""Round 12, numbers and dates: study subject codes, registered letters, references of letters and
bodies, OCR dates, and what is no identifier (emergency numbers, page numbers, insurers' numbers).

Invented values only. A positive case asserts the exact span and label; a negative case asserts
that the value is not masked (or not with the given label).
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.field_keys import classify_header
from avec.privacy.detection.ocr_digits import repair_ocr


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _spans(detector: Detector, text: str) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in detector.detect(text)}


def _covered(detector: Detector, text: str, value: str) -> set[str]:
    start = text.index(value)
    end = start + len(value)
    return {s.label for s in detector.detect(text) if s.start < end and start < s.end}


# (text, value, label): the value is one span with this label.
POSITIVE = [
    # a study's subject codes after a subject word or a numbered key
    ("Objet : écart de visite pt 014-027 – V3 hors fenêtre", "014-027", "IPP"),
    ("bonjour,\n\npatient 05-118 (init. R-T) inclus le 02/02", "05-118", "IPP"),
    ("En revanche, la patiente 231-011 doit revenir pour sa V4.", "231-011", "IPP"),
    ("Sujet : 06-0412     Initiales : KPR     Sexe : F", "06-0412", "IPP"),
    ("Participante : R.D.       N° participant : NAN-BOR-027", "NAN-BOR-027", "IPP"),
    ("Mme X, née le 04/09/1950 — n° d'inclusion 0071-004\n", "0071-004", "IPP"),
    ("Investigateur : Dr Y          N° d'étude : 17-305\n", "17-305", "IPP"),
    ("Q-0902 | Patient 04-021 | Visite M6 | Champ : poids", "04-021", "IPP"),
    # a home's lettered resident code after "IPP", and a stay number with a spaced tail
    ("IPP EHPAD : KER-0518    Chambre 12", "KER-0518", "IPP"),
    ("du 02/05 au 20/05 (HDJ) – n° de séjour 25-301 884.\n", "25-301 884", "NDA"),
    # registered letters
    ("Lettre recommandée avec AR n° 2C 154 330 7781 6\n\nObjet : recours", "2C 154 330 7781 6", "NDA"),
    ("envoyé en LRAR n° 1A 209 884 1150 3 le 3 mai", "1A 209 884 1150 3", "NDA"),
    ("| 12/05/25 | LRAR 1A 177 402 6618 9 — père absent", "1A 177 402 6618 9", "NDA"),
    # references of letters and bodies
    ("Réf. dossier : NOT/PCH/25/71209\nAffaire suivie par", "NOT/PCH/25/71209", "NDA"),
    ("N° allocataire CAF : 5512087 B\n\nMadame,", "5512087 B", "NDA"),
    ("facture d'eau impayée, réf client 7120 558 341, 212 € dus", "7120 558 341", "NDA"),
    ("V/Réf : TR/MB 2025-0771\nObjet : demande de dossier", "TR/MB 2025-0771", "NDA"),
    ("voir fiche chute n° 2024-088, famille prévenue", "2024-088", "NDA"),
    ("Réquisition n° PV 2025/004417 du 02/06/2025", "PV 2025/004417", "NDA"),
    ("ouverture d'information judiciaire n° JI 24/000871, transmise", "JI 24/000871", "NDA"),
    ("PV25-0112;04/03/2025;PHARMACO;DURAND", "PV25-0112", "NDA"),
    ("Référence à rappeler : 44-0081-7723104\n", "44-0081-7723104", "NDA"),
    # plain subject and resident numbers after a numbered key; events declared
    ("Code sujet : 0031 — initiales L-P", "0031", "IPP"),
    ("randomisée sous le n° 2207 le 14/02", "2207", "IPP"),
    ("Résident n° 218 – Mme Y, chambre 4", "218", "IPP"),
    ("N° de déclaration : 25-0417 (matériovigilance)", "25-0417", "NDA"),
    # the first of a month without a year
    ("vu le 1er/04 puis le 8/04", "1er/04", "DATE"),
    # dates next to a body named by its territory, and OCR dates
    ("notification MDPH du Finistère du 14/03/2023, valable 5 ans", "14/03/2023", "DATE"),
    ("décision de la MDPH de la Sarthe le 02/07 pour", "02/07", "DATE"),
    ("Les marques d'OCR : 2O24, l2O, 1O4O.\nhospitaliséedu O9/O4au l2/O4/2O24\n", "O9/O4", "DATE"),
    ("Scan l2O 4O1 2O3 :\nJ'ai  hospita1isé  du  23/Ol  au  27/Ol/2O24  votre", "23/Ol", "DATE"),
    ("Rennes , Ie  2 O  mars  2O24\nMarques 1O5, 2O3", "2 O  mars  2O24", "DATE"),
    ("présente depuis sept embre 2018 une dysphagie", "sept embre 2018", "DATE"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_numbers_and_dates_are_found(detector: Detector, text: str, value: str, label: str) -> None:
    start = text.index(value)
    assert (start, start + len(value), label) in _spans(detector, text)


# (text, value): the value is not masked at all.
NEGATIVE = [
    # emergency numbers, not days
    ("Contactez le service de jour ou, la nuit et le week-end, le 15.\nDocument remis", "15"),
    ("doit appeler le cabinet ou\nle 15. Une IDE passera", "15"),
    ("joignable au 04 71 22 33 10 ou le 15\n\nDr Z", "15"),
    ("transféré à 21h10 via le 15.\n", "15"),
    # page numbers
    ("Bien à vous,\nDr Q\n                                                  1 / 2\n", "1 / 2"),
    ("Labo\n- 1/1 -                  Reçu le 09 NOV. 2023", "1/1"),
    # a weekday closing its line above a table row
    ("Visites : elle vient le samedi\n3 | MARTIN Paule | voisine", "3"),
    # lab ranges, lots and kits in a study's paper; ranges after a subject word
    ("Étude randomisée, promoteur X, investigateur Y, eCRF à jour. Potassium 4,1 (135-145).", "135-145"),
    ("Protocole, randomisation, inclusion : lot 2207-118 reçu par l'investigateur", "2207-118"),
    ("Étude : inclusion, randomisation, promoteur : kits n° 50112 à 50120 en quarantaine", "50112"),
    ("Ouvert aux patients 18-75 ans", "18-75"),
    # plain numbers need a numbered key, a mark or a study's paper
    ("Étude randomisée, promoteur X, investigateur Y : sujet 12 du questionnaire", "12"),
    ("résident 147 en chambre double", "147"),
    ("Patient n° 3 : Mme X, chute la nuit", "3"),
    # insurers', creditors' and devices' own numbers
    ("tiers payant : oui (n° AMC 554433)\n", "554433"),
    ("www.payfip.gouv.fr — identifiant collectivité : 004417 — ", "004417"),
    ("pompe Medix, n° d'inventaire biomédical 07-PSE-0128 ; seringue", "07-PSE-0128"),
    # a number of a body, or a regulation's
    ("la Mission locale du 93 a orienté", "93"),
    ("selon la loi n° 2002-303 du 4 mars 2002", "2002-303"),
]


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_no_identifier_is_found(detector: Detector, text: str, value: str) -> None:
    assert _covered(detector, text, value) == set()


def test_subject_codes_of_a_list_and_of_the_same_centre(detector: Detector) -> None:
    text = (
        "RAPPORT DE MONITORING\nSite 212\nVérifiés pour la patiente 212-003 et 212-005.\n"
        "212-004 : date de signature manquante.\nSDV pour 212-006 (V1 à V3)."
    )
    found = {text[s.start : s.end] for s in detector.detect(text) if s.label == "IPP"}
    assert found == {"212-003", "212-005", "212-004", "212-006"}


def test_bare_subject_codes_in_a_study_paper(detector: Detector) -> None:
    text = (
        "CAHIER URC – essai randomisé, promoteur informé\n- 05-219 pas venu à la V4, EIG ?\n"
        "- reconsentement pour 05-203, 05-207 avant le 30/06\nPotassium (3,5-5,0)\n"
    )
    found = {text[s.start : s.end] for s in detector.detect(text) if s.label == "IPP"}
    assert found == {"05-219", "05-203", "05-207"}


def test_no_bare_code_outside_a_study_paper(detector: Detector) -> None:
    text = "Chambres 03-112 à 03-118 : réfection des peintures.\n"
    assert not [s for s in detector.detect(text) if s.label == "IPP"]


@pytest.mark.parametrize(
    ("header", "kind"),
    [("N° random.", "IPP"), ("N° d'inclusion", "IPP"), ("Code participant", "IPP"), ("N° sujet", "IPP")],
)
def test_study_number_headers(header: str, kind: str) -> None:
    assert classify_header(header) == kind


def test_randomisation_column_is_read(detector: Detector) -> None:
    text = "N° screen | Initiales | N° random. | Commentaire\nS04-011   | P-L       | 2207       | ok\n"
    assert (text.index("2207"), text.index("2207") + 4, "IPP") in _spans(detector, text)


def test_ocr_repair_keeps_length_and_fixes_date_parts() -> None:
    text = "marques 2O24 1O4O l2O\ndu O8/O5au l6/O5/2O24 et le 3 O  janvier"
    repaired = repair_ocr(text)
    assert repaired is not None and len(repaired) == len(text)
    assert "08/05au 16/05/2024" in repaired and "3 0  janvier" in repaired


def test_subject_number_after_a_subject_word_in_a_study_paper(detector: Detector) -> None:
    text = "Essai randomisé (promoteur X, investigateur Y) : le patient n° 14 de l'étude a été revu."
    assert (text.index("14"), text.index("14") + 2, "IPP") in _spans(detector, text)


def test_combined_record_key_of_a_table_read_by_rows(detector: Detector) -> None:
    text = "| Champ | Valeur |\n|---|---|\n| Nom | GARNIER |\n| IPP / venue | 31-0099172 / V2502030117 |\n"
    spans = _spans(detector, text)
    assert (text.index("31-0099172"), text.index("31-0099172") + 10, "IPP") in spans
    assert (text.index("V2502030117"), text.index("V2502030117") + 11, "NDA") in spans


@pytest.mark.parametrize(
    ("text", "number", "street"),
    [
        (
            "Patient : M. Varenne\nNDA 2031866402\n14 rue des Tanneurs\n21000 Dijon\n",
            "2031866402",
            "14 rue des Tanneurs",
        ),
        ("IPP : 8841207\n3 allée du Moulin\n44300 Nantes\n", "8841207", "3 allée du Moulin"),
    ],
)
def test_a_record_number_closing_a_line_keeps_off_the_next_lines_address(
    detector: Detector, text: str, number: str, street: str
) -> None:
    spans = _spans(detector, text)
    start = text.index(number)
    assert any(s == start and e == start + len(number) and lab in {"NDA", "IPP"} for s, e, lab in spans), spans
    s_start = text.index(street)
    assert (s_start, s_start + len(street), "ADRESSE") in spans, spans
