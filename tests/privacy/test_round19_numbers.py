"""Round 19 (numbers and dates): birth dates right after a name across an em dash, a slash, a padded
column or with a two-digit year; day/month dates "9/05" and "04/12" without an introducing word (not
after a measure's name); dates glued to "le" / "du" / a weekday by OCR; a yearless day after a
maiden name is no birth; a court register's "RG" stays outside a file number; a French phone in
international form without "+" in an export."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    # a birth date right after a person's name, years before the document's other dates
    (
        "BLOC OPÉRATOIRE du 14/10/2026\nDELACROIX-MARTEL Yannick — 02/05/1971 — séj. B26-004411\n",
        ("02/05/1971", "DATE_NAISSANCE"),
    ),
    (
        "Convocations du 09/11/2026\n08H20  BERTHELOT JEAN-NOEL                 23/03/1962   0612457890\n",
        ("23/03/1962", "DATE_NAISSANCE"),
    ),
    (
        "Arrivées du 04/06/2026\n| 09:40 | LAMBERTIN CORALIE                  | 11/02/1988 | 0645781236 |\n",
        ("11/02/1988", "DATE_NAISSANCE"),
    ),
    (
        "Liste au 02/02/2026\n   CHARPENTIER       AUDE             F 17/09/1939 205  01/02/2026\n",
        ("17/09/1939", "DATE_NAISSANCE"),
    ),
    (
        "Étiquettes du 21/05/2026, prélevé le 21/05/2026\n┌ VASSEUR MARIE-LAURE 30/11/67 ┐\n",
        ("30/11/67", "DATE_NAISSANCE"),
    ),
    (
        "Contrôle du 05/03/2026\n  INSi : LEBRETON / GASPARD ANTOINE / 19/08/1954 / M\n",
        ("19/08/1954", "DATE_NAISSANCE"),
    ),
    # a day and a month without an introducing word
    ("Trois passages (03/11, 05/11 et 08/11) au domicile.\n", ("05/11", "DATE")),
    ("Trois passages (03/11, 05/11 et 08/11) au domicile.\n", ("08/11", "DATE")),
    ("Signé : Hugo IDE — 7/04\n", ("7/04", "DATE")),
    ("avis du cardiologue (Dr Ferrand, 02/10) : pas de contre-indication\n", ("02/10", "DATE")),
    # OCR glued the introducing word to the date
    ("courrier renvoyé le14/11.\n", ("14/11", "DATE")),
    ("Admis par le SAMU le3 novembre pour chute.\n", ("3 novembre", "DATE")),
    ("Le mardi18 mars à 9h, visite de la curatrice.\n", ("18 mars", "DATE")),
    ("Hospitalisée du04/02/2026 au 09/02/2026\n", ("04/02/2026", "DATE")),
    # a bare day of the month before a time, "puis le", "!" or a bracketed note
    ("l'assistante sociale passe le 26 à 14h, je serai là\n", ("26", "DATE")),
    ("on m'a annoncé le 9 puis le 11.\n", ("9", "DATE")),
    ("et il est sorti le 23 !\n", ("23", "DATE")),
    ("je la revois le 8 [NB : à confirmer]\n", ("8", "DATE")),
    # a stay label, a colon, then "N°" before each number of a list
    ("Séjours : N° 5512904 / N° 5512905\n", ("5512904", "NDA")),
    ("Séjours : N° 5512904 / N° 5512905\n", ("5512905", "NDA")),
    # a maiden name then a full date stays a birth
    ("Mme Odile BRUNEAU née LAPORTE, le 12/07/1948, veuve\n", ("12/07/1948", "DATE_NAISSANCE")),
    # a court register's acronym stays outside the number after a file label
    ("Réf. dossier : RG 21/00415 – curatelle\n", ("21/00415", "NDA")),
    ("N° dossier : PV 2025/00873\n", ("2025/00873", "NDA")),
    # a French phone in international form without "+", in an SMS export
    ('"RDV-0412","2026-03-02","33698127455","HUBERT Lina"\n', ("33698127455", "TEL")),
    ("sms envoyé au 33145871290 ce matin\n", ("33145871290", "TEL")),
]
NEGATIVE = [
    # a practitioner's visit or a recent date after a name is no birth date
    ("Compte rendu du 12/03/2026\nDr LEMAIRE — 14/03/2024 — relu\n", ("14/03/2024", "DATE_NAISSANCE")),
    ("Transmis le 02/12/2026\nRelu par MARTIN Paul — 02/12/2026\n", ("02/12/2026", "DATE_NAISSANCE")),
    (
        "Planning du 03/12/2026\n  MOREAU Paul    (IDE de nuit)    14/03/2020\n",
        ("14/03/2020", "DATE_NAISSANCE"),
    ),
    # a measure, an acuity or a score is no day and month
    ("EVA 07/10 au lever, 03/10 après antalgique\n", ("07/10", "DATE")),
    ("AV OD 08/10 avec correction\n", ("08/10", "DATE")),
    ("Acuité 09/10 à droite\n", ("09/10", "DATE")),
    ("Vision 10/10 ODG\n", ("10/10", "DATE")),
    ("TA 12/11 au repos\n", ("12/11", "DATE")),
    ("Acuité sans correction : D 08/10, G 07/10\n", ("07/10", "DATE")),
    # an emergency number before a time stays a phone number's call, not a day
    ("Son voisin a appelé le 15 à 21h40.\n", ("15", "DATE")),
    ("le 3 mg du matin est arrêté\n", ("3", "DATE")),
    # a stay label then a colon and words: no number
    ("Séjour : nouvelle orientation à prévoir\n", ("nouvelle", "NDA")),
    # "le" inside a word is no introducing word
    ("le modèle12/08 du fabricant\n", ("12/08", "DATE")),
    # a maiden name then a day without its year: a meeting, not a birth
    ("Fille : Mme Anne ROUX née PELLETIER, le 19/02 à 10h30\n", ("19/02", "DATE_NAISSANCE")),
    # the register's name is no part of the number
    ("Réf. dossier : RG 21/00415 – curatelle\n", ("RG 21/00415", "NDA")),
    # an 11-digit number after a record label is no phone
    ("IPP : 33612480375\n", ("33612480375", "TEL")),
    ("N° de séjour : 33412345678\n", ("33412345678", "TEL")),
    # a longer run of digits is no phone
    ("lot 3361248037512 livré\n", ("33612480375", "TEL")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "unexpected"), NEGATIVE)
def test_not_found(detector: Any, text: str, unexpected: tuple[str, str]) -> None:
    assert unexpected not in found(detector, text)
