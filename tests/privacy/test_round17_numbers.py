"""Round 17 (numbers): identifiers with a number shape, dates and lab exports the detector missed.

A letter's reference holding a code ("Réf. interne : KLM/24/0562") or a service's letters before a
dated serial ("Réf. à rappeler : DP 2023/07/04418"), a pupil's INE (an IPP), a request number that
is long or spaced by OCR, a day/month after the noun of a contact in a note ("note tel 17/5"), the
parties of an HPRIM header, the identity lines of an HPRIM Médecin file, a lab export's list of
prescribers, the bare initial closing a person's cell, and birth dates told by "DN", OCR "Né( e)
le", a weekday or a sex letter. Every value is invented.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found

from avec.privacy.detection import Detector

_HPRIM_MEDECIN = (
    "   1 250311077\n"
    "KERGOAT\n"
    "MAELYS\n"
    "LIEU-DIT KERVAO\n"
    "\n"
    "29260 PLOUDANIEL\n"
    "21/08/1961\n"
    "261082923412337\n"
    "250311077\n"
    "11/03/2025\n"
    "DR LE ROUX ANNE\n"
    "****LAB****\n"
    "RES|GLYCEMIE A JEUN|GLY|N|1.02|g/l|0.70|1.10||F\n"
    "****FINLAB****\n"
)
_CSV = (
    "ipp;nom;prenom;date_naiss;code;valeur;prescripteur\n"
    "004417820;ROUSSEL;Gaëlle;1975-02-14;NA;139;LE GOFF B\n"
    "004417820;ROUSSEL;Gaëlle;1975-02-14;K;4.1;SAINT-MARTIN E\n"
)

POSITIVE = [
    ("Centre hospitalier\nRéf. interne : KLM/24/0562\n\nMadame,", "KLM/24/0562", "NDA"),
    ("59000 LILLE\n\nRéf. à rappeler : DP 2023/07/04418\nDossier suivi par le service", "DP 2023/07/04418", "NDA"),
    # a court's "RG" is a label, not a prefix of the number
    ("Réf. : RG 12-23-000418 – N° Portalis DBX2-W-B7K-CQ7T\n", "12-23-000418", "NDA"),
    ("Demande  n°  3 1 2 0 4 5 5 8 1 7           Page 1 / 2\n", "3 1 2 0 4 5 5 8 1 7", "NDA"),
    ("Bilan fait au laboratoire (n° demande 2511040387), résultat normal.", "2511040387", "NDA"),
    ("Classe : CM2\nINE : 071234568JT\nAdresse : inconnue", "071234568JT", "IPP"),
    ("note tel 17/5 : la mère rappellera demain.", "17/5", "DATE"),
    ("H|\\^&|||BIOPOLE^NANTES|||||||P|H2.2|20240110090000\nL|1|N\n", "BIOPOLE", "HOPITAL"),
    ("H|\\^&|||BIOPOLE^NANTES|||||||P|H2.2|20240110090000\nL|1|N\n", "NANTES", "VILLE"),
    (_HPRIM_MEDECIN, "KERGOAT", "NOM"),
    (_HPRIM_MEDECIN, "MAELYS", "PRENOM"),
    (_HPRIM_MEDECIN, "LIEU-DIT KERVAO", "ADRESSE"),
    (_HPRIM_MEDECIN, "29260", "ZIP"),
    (_HPRIM_MEDECIN, "PLOUDANIEL", "VILLE"),
    (_HPRIM_MEDECIN, "21/08/1961", "DATE_NAISSANCE"),
    (_HPRIM_MEDECIN, "250311077", "NDA"),
    ("42 LIGNES - PRESCRIPTEUR(S): MOREL C / FAURE J\nFIN EXTRACTION\n", "MOREL", "NOM"),
    ("42 LIGNES - PRESCRIPTEUR(S): MOREL C / FAURE J\nFIN EXTRACTION\n", "C", "PRENOM"),
    ("42 LIGNES - PRESCRIPTEUR(S): MOREL C / FAURE J\nFIN EXTRACTION\n", "J", "PRENOM"),
    (_CSV, "B", "PRENOM"),
    (_CSV, "E", "PRENOM"),
    # birth dates: "DN" without its colon, OCR "Né( e) le", a weekday after "naissance le", a sex
    # letter or a married name's bracket between the name and the date
    ("Patiente : Mme Tessier Odile (DN 02/09/1947)\nVue le 03/02/2025.", "02/09/1947", "DATE_NAISSANCE"),
    ("Patient  :  Mr  GAUTIER   Rémi\nNé( e) le  :  2 7 / 1 1 / 1 9 6 0\n", "2 7 / 1 1 / 1 9 6 0", "DATE_NAISSANCE"),
    (
        "qui a donné naissance le mardi 4 février 2025 à 09 h 12\nFait le 10/02/2025",
        "4 février 2025",
        "DATE_NAISSANCE",
    ),
    (
        "Accueil     12/09/2025  10:05\nPt : LE DANTEC Maël  M  03/04/2019   IPP 290004571\n",
        "03/04/2019",
        "DATE_NAISSANCE",
    ),
    (
        "pte : TRAN Mai (épouse LEROY)   22/01/1968\ndate : 14/03/2025 vu à domicile",
        "22/01/1968",
        "DATE_NAISSANCE",
    ),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_found(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in found(detector, text)


NEGATIVE = [
    # the letters of a reference name nobody
    ("Centre hospitalier\nRéf. interne : KLM/24/0562\n", "KLM", {"NOM", "PRENOM"}),
    # a date after a reference key is no file number
    ("Réf. : AB 12/03/2024\n", "AB 12/03/2024", {"NDA"}),
    # a short bare number after a request is a year or a count
    ("Demande n° 2024 à relancer.", "2024", {"NDA"}),
    # a fraction after a contact noun is no date
    ("sms 3/4 des résidents prévenus", "3/4", {"DATE"}),
    # a phone extension stays unmarked, as the writers leave it (about 80 times in 85)
    ("Bureau des entrées – poste 4471\n", "4471", {"TEL"}),
    # a sender's code in an HPRIM header is no name
    ("H|\\^&|||LABO_NORD_59^Laboratoire du Nord|||||||P|H2.2|20240110090000\n", "LABO_NORD_59", {"HOPITAL"}),
    # a loss of consciousness ("perte de connaissance") is no birth
    ("malaise avec perte de connaissance le 27/12 en montant l'escalier", "27/12", {"DATE_NAISSANCE"}),
    # Apgar scores behind a dotted leader are no date
    ("Poids 3 120 g\nApgar .................... 9 / 10 / 10\n", "9 / 10 / 10", {"DATE"}),
    # a visit's date after a doctor's name is no birth date
    ("Consultation : Dr MARCHAND Luc  M  12/05/2019\nrevu le 14/03/2025\n", "12/05/2019", {"DATE_NAISSANCE"}),
    # a day of every month, and the emergency number offered after a phone number
    ("Envoyez vos demandes de garde AVANT le 20 du mois précédent.\n", "20", {"DATE"}),
    ("- la nuit : urgences du CH, 02 98 34 71 00, ou le 15.\n", "15", {"DATE"}),
    # acronyms after the prescribers' key are services, not persons
    ("PRESCRIPTEUR(S): CHU B / CMP D\n", "B", {"PRENOM", "NOM"}),
]


@pytest.mark.parametrize(("text", "value", "labels"), NEGATIVE)
def test_not_found(detector: Detector, text: str, value: str, labels: set[str]) -> None:
    assert not [(v, lab) for v, lab in found(detector, text) if v == value and lab in labels]


def test_marker_without_the_fixed_lines_reads_nothing(detector: Detector) -> None:
    text = "Résultats du 11/03/2025\nMAELYS\n****LAB****\nRES|GLY|N|1.02|g/l\n"
    assert ("MAELYS", "NOM") not in found(detector, text)
    assert ("11/03/2025", "DATE_NAISSANCE") not in found(detector, text)


def test_court_minute_stays_marked(detector: Detector) -> None:
    # older sets mark a court's minute number (5 of 7): it stays an NDA
    text = "N° Portalis DBZ4-W-B7H-CX3K\nMinute n° 24/712\n\nJUGEMENT"
    assert ("24/712", "NDA") in found(detector, text)


def test_reference_code_is_masked_whole(detector: Detector) -> None:
    text = "Réf. interne : KLM/24/0562\n"
    assert covers(detector, text, "KLM/24/0562")
    assert not covers(detector, text, "interne")
