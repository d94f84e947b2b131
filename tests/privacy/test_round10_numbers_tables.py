"""Round 10: record numbers of kinds no rule knows by name, table columns, day ranges.

Invented values only. Each positive case asserts the exact span and label; each negative case
asserts that the value is not masked (or not with the given label).
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in detector.detect(text)}


# (text, value, label): a key a few words before a code, or a code explained by its shape.
POSITIVE = [
    ("Objet : réclamation sur la facture n° 2023/FCT/504417 – Mme X", "2023/FCT/504417", "NDA"),
    ("Vu. Titre de recette T-2025-11872 annulé ce jour.", "T-2025-11872", "NDA"),
    # a service's letters before a dated serial belong to it: writers mark them 4 times in 5 (round 17)
    ("Réf. : AS 2025-31-0442", "AS 2025-31-0442", "NDA"),
    ("N° ADMISSION (NDA) : 251107442", "251107442", "NDA"),
    ("le numéro de patient imprimé sur le bracelet est le 7002219843.", "7002219843", "IPP"),
    ("(IPP transmis par le secrétariat : 4700118236).", "4700118236", "IPP"),
    ("mon numéro de séjour noté sur la lettre de liaison : 25031194), merci", "25031194", "NDA"),
    ("- 2507003318 – DURAND Paul – Chirurgie A – sortie le 04/07", "2507003318", "NDA"),
    ("- Q25-113 (Mme Z.) : retard de prise en charge", "Q25-113", "NDA"),
    ("PASSAGE 25-118302 : PATIENT AMENE PAR LES POMPIERS", "25-118302", "NDA"),
    ("| G2024-771203 | 24K55012 | Paul | 11/09/2024 |", "G2024-771203", "NDA"),
    ("| G2024-771203 | 24K55012 | Paul | 11/09/2024 |", "24K55012", "NDA"),
    ("numéro allocataire à la caisse du Val-de-Marne : 3318420.", "3318420", "NDA"),
    ("N° unique de demande de logement : 0940521107733182 (déposée en 2021)", "0940521107733182", "NDA"),
    ("N° DE DOSSIER (si connu) : 77-2020-118204", "77-2020-118204", "NDA"),
    ("factures n° ABC-F-25-441208 et ABC-F-25-441377", "ABC-F-25-441377", "NDA"),
    ("M. X, né le 02/03/1931, IPP KT-2291\nType : chute", "KT-2291", "IPP"),
    ("| N° facture | Montant |\n|---|---|\n| 25-88041 | 125,00 |\n| 25-88102 | 30,00 |", "25-88041", "NDA"),
    ("| Code patient | Nom |\n|---|---|\n| 77120 | ROY |\n| 77121 | GAY |", "77120", "IPP"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_record_numbers_are_found(detector: Detector, text: str, value: str, label: str) -> None:
    start = text.index(value)
    spans = [(s.start, s.end, s.label) for s in detector.detect(text)]
    assert (start, start + len(value), label) in spans


# (text, value): numbers of structures, products, forms, laws, measures, dates, codes, samples.
NEGATIVE = [
    ("N° FINESS : 690781234", "690781234"),
    ("RPPS 10101234567, Dr X", "10101234567"),
    ("charge virale 2350000 copies/mL", "2350000"),
    ("Cerfa n° 12345*02 – volet administratif", "12345"),
    ("GHM 04M053, DP J18.9", "04M053"),
    ("loi n° 2005-102 du 11 février 2005", "2005-102"),
    ("Examen d'entrée : PA 148/92 mmHg", "148/92"),
    ("admission en soins sans consentement (art. L. 3213-1 CSP)", "3213-1"),
    ("N° de demande : 2025\nHÉMATOLOGIE", "2025"),  # a long request number is an NDA since round 17
    ("UF 3310-3320 / OPERATEUR", "3310-3320"),
    ("noyau 13153I instable", "13153I"),
    ("tube n° 25093318871 hémolysé", "25093318871"),
    ("montant 1250000 € au budget 2019-2024", "1250000"),
    ("MSH|^~\\&|APP|SITE|202501011200||ADT^A01|MSG000771203|P|2.5", "MSG000771203"),
    ("date d'entrée : 2025-03-14T08:30:00", "2025-03-14T08"),
    ("| Date | Facture |\n|---|---|\n| 02/03 | 1 250,00 |\n| 03/03 | 980,00 |", "1 250,00"),
    ("IPP en attente, chambre 2114", "2114"),
    ("Dr Morel, gériatre – 10004417723", "10004417723"),  # an RPPS number under a signature
    ("prélevé le 14022025 à 8h", "14022025"),  # a compact date, day first
]


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_other_numbers_are_not_record_numbers(detector: Detector, text: str, value: str) -> None:
    assert _found(detector, text).get(value) not in ("NDA", "IPP")


# (table, value, label): a column named by a role, a person-qualified header, a counted header.
TABLE_COLUMNS = [
    (
        "IPP;NDA;NOM;PRENOM;DATE_ENT;UF;MED_RESP\n31004412;250311001;MARCHAL;Yvon;11/03/2025 02:10;URG;KERBRAT\n"
        "31004413;250311002;COLAS;Inès;11/03/2025 02:40;URG;QUEMENER",
        "KERBRAT",
        "NOM",
    ),
    (
        "| N° | Nom | Prénom | Juge | Référent |\n|---|---|---|---|---|\n| 1 | ROBIN | Léo | MAZET | PONS A. |\n"
        "| 2 | ROBIN | Zoé | MAZET | PONS A. |",
        "MAZET",
        "NOM",
    ),
    (
        "date;praticien;patient_nom;patient_prenom;motif\n03/03/2025;LEROUX B.;VASSEUR;Hugo;entorse\n"
        "03/03/2025;LEROUX B.;PAGES;Lina;lombalgie",
        "VASSEUR",
        "NOM",
    ),
    (
        "Date | Patient (nom prénom) | Prescripteur | Qté\n02/03/2025 | TOURNIER Kevin | Dr ROCHE P. | 7\n"
        "03/03/2025 | BESSON Alice | Dr ROCHE P. | 14",
        "TOURNIER",
        "NOM",
    ),
    (
        "| Patient | DDN | INR 1 | INR 2 |\n|---|---|---|---|\n| MARTEL Jacques | 01/02/1940 | 2,1 | 2,6 |\n"
        "| FONTAINE Lise | 05/06/1938 | 3,0 | — |",
        "MARTEL",
        "NOM",
    ),
]


@pytest.mark.parametrize(("text", "value", "label"), TABLE_COLUMNS)
def test_table_columns_named_by_role_or_qualified(detector: Detector, text: str, value: str, label: str) -> None:
    start = text.index(value)
    spans = [(s.start, s.end, s.label) for s in detector.detect(text)]
    assert (start, start + len(value), label) in spans


# Cells of such columns that are no names stay unmasked: units, roles, acronyms, counts.
TABLE_NEGATIVE = [
    ("IPP;NDA;NOM;DATE_ENT;UF;MED_RESP\n31004412;250311001;MARCHAL;11/03/2025;URG;IDE\n", "URG"),
    ("IPP;NDA;NOM;DATE_ENT;UF;MED_RESP\n31004412;250311001;MARCHAL;11/03/2025;URG;IDEC\n", "IDEC"),
    ("| Patient | INR 1 | INR 2 |\n|---|---|---|\n| MARTEL Jacques | 2,1 | 2,6 |\n", "2,1"),
    ("| Nom | Juge |\n|---|---|\n| ROBIN | SAMU |\n", "SAMU"),
]


@pytest.mark.parametrize(("text", "value"), TABLE_NEGATIVE)
def test_table_cells_that_are_no_names(detector: Detector, text: str, value: str) -> None:
    assert value not in _found(detector, text)


# (text, value): a day before a weekday-led range end, a day/month after a check-up word.
DAY_RANGES = [
    ("garde : nuit du sam 22 au dim 23/03, calme", "22"),
    ("stage du mardi 4 au jeu. 6/02 au foyer", "4"),
    ("TA stable, contrôle 09/04 chez le MT", "09/04"),
    ("prochain bilan 21/05 au labo", "21/05"),
]


@pytest.mark.parametrize(("text", "value"), DAY_RANGES)
def test_day_ranges_and_check_up_days(detector: Detector, text: str, value: str) -> None:
    start = text.index(value)
    spans = [(s.start, s.end, s.label) for s in detector.detect(text)]
    assert (start, start + len(value), "DATE") in spans


# Fractions and scores after the same words stay unmasked.
DAY_NEGATIVE = [
    ("bilan 3/4 des cas favorables", "3/4"),
    ("contrôle 1/2 comprimé le soir", "1/2"),
    ("la nuit du sam au dim 2 fois levé", "2"),
]


@pytest.mark.parametrize(("text", "value"), DAY_NEGATIVE)
def test_fractions_are_no_days(detector: Detector, text: str, value: str) -> None:
    assert _found(detector, text).get(value) != "DATE"


# A column no header names, whose cells are mostly known names: every name-like cell is a name.
UNNAMED_COLUMNS = [
    (
        "NDA;NOM;UF;RESP_GARDE\n250001;ALBERT;URG;MORVAN\n250002;COSTA;URG;MORVAN\n"
        "250003;PIRES;UHCD;KERGOAT\n250004;LEROY;URG;MORVAN",
        "KERGOAT",
    ),
    (
        "| Tournée | Lun | Mar |\n|---|---|---|\n| T1 | Sandrine | Loïc |\n| T2 | Loïc | Gwenola |\n"
        "| T3 | Sandrine | Océane |",
        "Gwenola",
    ),
]


@pytest.mark.parametrize(("text", "value"), UNNAMED_COLUMNS)
def test_unnamed_column_of_names(detector: Detector, text: str, value: str) -> None:
    assert value in _found(detector, text)


# Columns of services, drugs or communes are no person columns, even with name-like cells.
UNNAMED_NEGATIVE = [
    (
        "Date;Service;Acte\n01/03;Cardiologie;ECG\n02/03;Pneumologie;EFR\n03/03;Neurologie;EEG\n04/03;Gériatrie;ECG",
        "Gériatrie",
    ),
    (
        "| J | Matin | Soir |\n|---|---|---|\n| 1 | Doliprane | Lovenox |\n| 2 | Doliprane | Lovenox |\n"
        "| 3 | Kardégic | Lovenox |",
        "Kardégic",
    ),
    ("| N° | Destination |\n|---|---|\n| 1 | Lyon |\n| 2 | Grenoble |\n| 3 | Valence |", "Valence"),
]


@pytest.mark.parametrize(("text", "value"), UNNAMED_NEGATIVE)
def test_columns_of_other_things_are_no_names(detector: Detector, text: str, value: str) -> None:
    assert _found(detector, text).get(value) not in ("NOM", "PRENOM")


FIXED_WIDTH_MOVES = (
    "UF    LIBELLE                      DU          AU          MED RESP\n"
    "2011  MEDECINE POLYVALENTE         02/02/2025  04/02/2025  KERDONCUFF J\n"
    "2015  GERIATRIE AIGUE              04/02/2025  09/02/2025  ABGRALL M.\n"
)


def test_fixed_width_doctor_column_surname_and_initial(detector: Detector) -> None:
    found = _found(detector, FIXED_WIDTH_MOVES)
    assert found.get("KERDONCUFF") == "NOM" and found.get("J") == "PRENOM" and found.get("ABGRALL") == "NOM"


def test_fixed_width_overflowing_text_is_no_author(detector: Detector) -> None:
    text = (
        "DATE        HEURE  CIBLE        TRANSMISSION                      AUTEUR\n"
        "06/01/2025  07:40  CHUTE        D: AU SOL. A: BILAN FAIT, CONSTANTES OK, RELEVE A 2. "
        "R: SURVEILLANCE   LEROY MANON\n"
        "06/01/2025  15:10  REPAS        D: MANGE PEU   N'DIAYE AMINATA\n"
    )
    found = _found(detector, text)
    assert "SURVEILLANCE" not in found and "CONSTANTES" not in found
