"""Round 18 (numbers and dates): OCR-damaged month words; birth dates after a maiden name with a
comma or in capitals, "DATE NAISS.", "Nés le", a birth label with a few words; stay numbers in
groups of three digits and after "Séj."; FEI numbers; a person's file of a home as IPP; OCR letters
in IPP/NDA values; a foreign phone with its country code; an address cell with postcode and
commune; a stay number after a NIR line keeps its label."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    # birth dates
    ("Conjoint : POPESCU Elena née MARIN, le 11/12/1987\n", ("11/12/1987", "DATE_NAISSANCE")),
    ("IPP : 0045127  GAUTIER BERNADETTE NEE CHAUVEAU LE 03/06/1940\n", ("03/06/1940", "DATE_NAISSANCE")),
    ("NOM : ALBERTINI\nDATE NAISS : 21/01/1938    LIEU NAISS : AJACCIO\n", ("21/01/1938", "DATE_NAISSANCE")),
    ("Date naiss. : 17.03.1946\n", ("17.03.1946", "DATE_NAISSANCE")),
    ("Nés le 16/12/2024 - hospitalisation en néonatologie\n", ("16/12/2024", "DATE_NAISSANCE")),
    ("DDN saisie au BDE = 11/03/1965 (inversion)\n", ("11/03/1965", "DATE_NAISSANCE")),
    ("ma date de naissance c'est le 02/07/1986, merci\n", ("02/07/1986", "DATE_NAISSANCE")),
    ("| Patient      | FONTAINE Régis |\n| Né le        | 19/12/1975     |\n", ("19/12/1975", "DATE_NAISSANCE")),
    ("M. SANCHEZ Manuel , né Ie O9/11/1983 à Rivesaltes,\n", ("O9/11/1983", "DATE_NAISSANCE")),
    ("patient_nom;CORDIER\ndate_naissance;1985-12-23\n", ("1985-12-23", "DATE_NAISSANCE")),
    # OCR-damaged month words
    ("Perpignan, Ie 24 juiIIet 2O24\n", ("24 juiIIet 2O24", "DATE")),
    ("Gap, le 3 ju1llet 2024\n", ("3 ju1llet 2024", "DATE")),
    ("débiteur depuis le lO aoüt . Virement de 3OO €\n", ("lO aoüt", "DATE")),
    ("opéré le l er mars\npar le Dr Lernaire.\n", ("l er mars", "DATE")),
    # stay and case numbers
    ("IPP 510 487 226 – Séjour 24 003 117 – sortie\n", ("24 003 117", "NDA")),
    ("SSR gériatrique, séjour n° 2024-118 552\n", ("2024-118 552", "NDA")),
    ("IPP 870345921   Séj. 23187456\n", ("23187456", "NDA")),
    ("REF : IPP 07441259 / SEJ 17002206\n", ("07441259", "IPP")),
    ("REF : IPP 07441259 / SEJ 17002206\n", ("17002206", "NDA")),
    ("NIR : 241063306311835\nIPP : 0012874390    NDA : 2023112201447\n", ("2023112201447", "NDA")),
    ("SDRE (arrêté préfectoral n° 2024-45- SDRE-0317)\n", ("2024-45- SDRE-0317", "NDA")),
    ("N° FEI : 2024/0147\n", ("2024/0147", "NDA")),
    ("Chute le 12 mars (FEI 2024-VA-067), sans gravité.\n", ("2024-VA-067", "NDA")),
    ("N° dossier résident : 15482\n", ("15482", "IPP")),
    ("Copie : dossier usager n° AK-0418\n", ("AK-0418", "IPP")),
    # OCR letters for digits after a record's context word
    ("M. Roland Boucher, né le O3/O5/1949, IPP O0l2874S6, sort ce jour\n", ("O0l2874S6", "IPP")),
    ("N° de séjour : 23A0l5562 - Sortie : en cours\n", ("23A0l5562", "NDA")),
    # a foreign phone whose national part looks French
    ("Père | M. Serge KOUASSI | 00 225 07 48 21 36 55 | vit à Abidjan |\n", ("00 225 07 48 21 36 55", "TEL")),
    ("Tél 02 96 0l 7l 23     Fax 02 96 01 70 9S\n", ("02 96 01 70 9S", "TEL")),
    ("sa soeur 06 12 34 56 78, son fils +221 77 123 45 67\n", ("06 12 34 56 78", "TEL")),
    # an address table cell
    (
        "| Lien | Nom | Adresse |\n|---|---|---|\n| fils | AUCLAIR Thierry | 6 rue Jean Jaurès 03100 Montluçon |\n",
        ("03100", "ZIP"),
    ),
    (
        "| Lien | Nom | Adresse |\n|---|---|---|\n| fils | AUCLAIR Thierry | 6 rue Jean Jaurès 03100 Montluçon |\n",
        ("6 rue Jean Jaurès", "ADRESSE"),
    ),
]
NEGATIVE = [
    # OCR digits in a count are no date
    ("Il a 1O ans et mange 12 pommes\n", ("1O ans", "DATE")),
    # a birth label with another date's noun between is no birth date
    ("DDN et date d'entrée le 12/03/2024.\n", ("12/03/2024", "DATE_NAISSANCE")),
    ("NGUYEN,Thi Hoa,01/01/1958,\"DDN fictive 01/01 - adresses\"\n", ("01/01", "DATE_NAISSANCE")),
    ("Mme Vidal, DDN connue, hospitalisée le 12/03/2024.\n", ("12/03/2024", "DATE_NAISSANCE")),
    # a year after FEI, a date after FEI
    ("FEI 2024 faite, revue le 12/03\n", ("2024", "NDA")),
    # groups of two digits do not join a record number
    ("séjour n° 2024-118 55\n", ("2024-118 55", "NDA")),
    # an amount after a file number's noun
    ("Dossier 12 345 € de dette\n", ("12 345", "NDA")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "unexpected"), NEGATIVE)
def test_not_found(detector: Any, text: str, unexpected: tuple[str, str]) -> None:
    assert unexpected not in found(detector, text)
