"""Round 17 (persons in lists, rotas, log lines and notes): class lists and rotas whose header
counts words or weeks, operating and ward list rows, capitals surnames with an initial, logins
after a care role, Creole nicknames, Vietnamese names told by "Thị"/"Văn", on-call lines.

Invented values only. Positive cases assert the exact span and label; negative cases assert that
the given words are left free.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found

from avec.privacy.detection import Detector

_CLASS_LIST = (
    "| N° | NOM        | Prénom   | DDN        | Autoris. 2 parents | Vacciné |\n"
    "|----|------------|----------|------------|--------------------|---------|\n"
    "| 1  | KERVOAZOU  | Titouan  | 03/05/2012 | oui                | oui     |\n"
    "| 2  | ZAMBRESKI  | Ilona    | 11/09/2011 | non                | non     |\n"
)
_ROTA = (
    "NOM            PRENOM        FONCTION   S14        S15\n"
    "KERHERVOT      Maïwenn       IDE        M M R      S S R\n"
    "DUBROVSKA      Oksana        AS         N N R      R M M\n"
)

POSITIVE = [
    # a table header over its rule line may count words ("Autoris. 2 parents")
    (_CLASS_LIST, ("KERVOAZOU", "NOM")),
    (_CLASS_LIST, ("ZAMBRESKI", "NOM")),
    (_CLASS_LIST, ("Ilona", "PRENOM")),
    # a fixed-width rota whose header holds week codes ("S14")
    (_ROTA, ("KERHERVOT", "NOM")),
    (_ROTA, ("DUBROVSKA", "NOM")),
    # an operating list row: clock, surname and first name in capitals, age
    ("  09H30 WROBLEWSKI TOMASZ 47A - COLECTOMIE - HOSPI 5J", ("WROBLEWSKI", "NOM")),
    ("  09H30 WROBLEWSKI TOMASZ 47A - COLECTOMIE - HOSPI 5J", ("TOMASZ", "PRENOM")),
    # a bulleted ward list: surname, known first name, bracket
    ("Hébergés :\n- Quillivic Bernard (cardio) en pneumo ch. 12", ("Quillivic", "NOM")),
    ("Hébergés :\n- Quillivic Bernard (cardio) en pneumo ch. 12", ("Bernard", "PRENOM")),
    # a surname in capitals and an initial after a clock and a dash, or in brackets
    ("03/05/2025 21h40 – KOENIGSMANN B.\nCible : sommeil", ("KOENIGSMANN", "NOM")),
    ("  11H00 ANNULE (STRAUBHAAR L. - FIEVRE) REPORTE", ("STRAUBHAAR", "NOM")),
    ("  11H00 ANNULE (STRAUBHAAR L. - FIEVRE) REPORTE", ("L.", "PRENOM")),
    # a surname and an initial after a verb of contact
    ("Absences : contacter Kerdraon P. en priorité.", ("Kerdraon", "NOM")),
    # a login or a surname in capitals after a care role or a printout's author word
    ("fin 10h05, RAS\nIADE jbernard / MAR Okafor", ("jbernard", "NOM")),
    ("SERVICE: PNEUMO A        EDITEUR: KLQUENTEL\n----", ("KLQUENTEL", "NOM")),
    ("CONTROLE 14H20  -- VALIDE PGIRAUD\n", ("PGIRAUD", "NOM")),
    ("TEX|Prelevement effectue par IDE KERGUELEN\n", ("KERGUELEN", "NOM")),
    # prescribers in capitals with their initial
    ("3 LIGNES - PRESCRIPTEUR(S): LAURENT B / MOREAU C\nFIN", ("MOREAU", "NOM")),
    ("3 LIGNES - PRESCRIPTEUR(S): LAURENT B / MOREAU C\nFIN", ("B", "PRENOM")),
    # a Creole nickname with "Ti"
    ("Patient : M. PAYET Jean-Marc, dit « Ti Marc »\nNé le 02/02/1970", ("Ti Marc", "PRENOM")),
    # Vietnamese names told by "thi" or "van", in lower case after a title
    ("appel pour Mme tran thi hoa 61a, refus du transport", ("tran", "NOM")),
    ("appel pour Mme tran thi hoa 61a, refus du transport", ("thi hoa", "PRENOM")),
    ("fils (Pham Van Long 07 00 00 00 00) prévenu", ("Van Long", "PRENOM")),
    # an on-call line of two surnames; a Breton surname whose second word is a stop word
    ("Astreinte week-end : Mercier puis Le Gall.\n", ("Mercier", "NOM")),
    # a married name in capitals, then two first names
    ("Mme KERGOAT épouse LANNUZEL Annaïg Morgane, née le 02/02/1950", ("Annaïg Morgane", "PRENOM")),
    ("Astreinte cadre : Lemaire et Nadji.", ("Nadji", "NOM")),
    ("selon la voisine, Mme Le Ny, qui passe le soir", ("Le Ny", "NOM")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Detector, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


NEGATIVE = [
    # an operating list row of ordinary words before an age-like number
    ("  08H00 BILAN PREOPERATOIRE 12A - SALLE 3", "PREOPERATOIRE"),
    # a bulleted line of ordinary words before a bracket
    ("- Bilan sanguin (NFS) demain matin", "Bilan"),
    # a word in capitals and a letter after a dash that is no person
    ("14h00 – VITAMINE D. à recontrôler", "VITAMINE"),
    # a role word before an ordinary word or an acronym
    ("IDE REFERENTE joignable, IADE SSPI ce matin", "REFERENTE"),
    ("VALIDE BIOLOGIQUEMENT LE 12/03", "BIOLOGIQUEMENT"),
    ("CARTE VALIDE JUSQU'AU 30/06/2027", "JUSQU"),
    ("OBSERVATION IDE D'ACCUEIL (TEXTE LIBRE) :", "ACCUEIL"),
    # a van is no Vietnamese name in lower case without a title
    ("le van blanc du traiteur est garé devant", "van"),
    # "Nguyen Van" without a given name is left to the other rules: no "Van mardi"
    ("dernière consult avec Dr Nguyen Van mardi.", "mardi"),
    # on-call lines of ordinary words
    ("Astreinte : matin puis soir.", "matin"),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_left_free(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)
