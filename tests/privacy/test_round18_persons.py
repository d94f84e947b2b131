"""Round 18 (persons): a name opening its line under a line that ends on an eponym context word,
"pat :" as a lower-case patient field, a firm closing its sentence ("par Taxi Jacquet."), first names
of Central and Eastern Europe, the Balkans and the Caucasus, whole persons in a "Nom" table column,
a usual first name in brackets after a care discipline, and the prescribers' lists read by one
reader (``caps_surname_initials``) with the union of the two readers it replaces.

Invented values only. Positive cases assert the exact span and label; negative cases assert that
the given words are left free.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found, persons

from avec.privacy.detection import Detector

_NOM_COLUMN = (
    "PRÉSENTS\n"
    "| Nom                     | Fonction            | Structure        |\n"
    "|-------------------------|---------------------|------------------|\n"
    "| Hélène VARLOTEAU        | Responsable ASE     | MDS Montreuil    |\n"
    "| Mme Léa Quintrec        | Ergothérapeute      | CH de Lens       |\n"
    "| Dr Paul-Henri KERDRAON  | Médecin             | CHU              |\n"
)

POSITIVE = [
    # a name opening its line is no eponym of the word ending the line above ("liste X", "pansement X")
    ("j'en ai 2 sur ma liste\n\nKévin Tran  08:05\nnon toi t'as l'autre", ("Kévin", "PRENOM")),
    ("j'en ai 2 sur ma liste\n\nKévin Tran  08:05\nnon toi t'as l'autre", ("Tran", "NOM")),
    ("+ surveillance pansement\nMickaël Gourvennec IDE", ("Mickaël", "PRENOM")),
    # "pat :" opens a lower-case patient field, surname and first name in either order
    ("pat : lacoste andré, 91 ans, ddn 03/11/1932", ("lacoste", "NOM")),
    ("pat : benali youssef 12/10/1998 IPP 76R2039184", ("youssef", "PRENOM")),
    # a firm ending its sentence keeps its trade word
    ("transport assuré par Taxi Jacquet. Murielle AS", ("Taxi Jacquet", "HOPITAL")),
    # first names of the communities of Central and Eastern Europe and the Balkans
    ("Rédigé par : M. Kaczmarek Tomasz, éducateur", ("Tomasz", "PRENOM")),
    ("Rédigé par : M. Kaczmarek Tomasz, éducateur", ("Kaczmarek", "NOM")),
    ("appel de sa fille Agnieszka ce matin", ("Agnieszka", "PRENOM")),
    ("Présents : la mère et Valbona, sa sœur aînée", ("Valbona", "PRENOM")),
    # a whole person in a "Nom" column is split into first name and surname
    (_NOM_COLUMN, ("Hélène", "PRENOM")),
    (_NOM_COLUMN, ("VARLOTEAU", "NOM")),
    (_NOM_COLUMN, ("Léa", "PRENOM")),
    (_NOM_COLUMN, ("Quintrec", "NOM")),
    (_NOM_COLUMN, ("KERDRAON", "NOM")),
    # a usual first name in brackets after a care discipline, even when a sign bears it
    ("Premier lever avec kiné (Thomas), marche 10 m avec déambulateur.", ("Thomas", "PRENOM")),
    # the prescribers' lists: whole when they fill the line ...
    ("3 LIGNES - PRESCRIPTEUR(S): LAURENT B / MOREAU C\nFIN", ("MOREAU", "NOM")),
    ("3 LIGNES - PRESCRIPTEUR(S): LAURENT B / MOREAU C\nFIN", ("B", "PRENOM")),
    ("Biologiste(s) : KERVELLA P / GOASDOUE M\n", ("GOASDOUE", "NOM")),
    ("Validé par : KERVELLA P\n", ("P", "PRENOM")),
    # ... and, after the key in capitals, item by item with a dot after the initial
    ("PRESCRIPTEUR(S): KERVELLA P. / GOASDOUE M.\n", ("KERVELLA", "NOM")),
    ("PRESCRIPTEUR(S): KERVELLA P. / GOASDOUE M.\n", ("M", "PRENOM")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Detector, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


NEGATIVE = [
    # an eponym context on the same line, or tied by "de" across the line break, still protects
    ("Score de\nGlasgow à 15, pupilles symétriques.", "Glasgow"),
    ("maladie de Parkinson évoluée, chutes.", "Parkinson"),
    # "pat" is no field label inside a word or before ordinary words
    ("pat : bien dormi, rien à signaler.", "bien"),
    # a taxi's initial: the driver's name follows, the firm rule leaves it to the person rules
    ("Taxi M. Kerbrat attend devant le service.", "Taxi"),
    # an eponym in brackets after a discipline, no first name: a method, not a person
    ("rééducation avec kiné (Bobath), bonne tolérance.", "Bobath"),
    # a word in capitals and a letter after the prescribers' key, then a sentence: no list
    ("PRESCRIPTEURS: VOIR B ci-dessous\n", "VOIR"),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_left_free(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)


NO_PERSON = [
    # acronyms after the prescribers' key are services, not persons (read item by item or whole)
    ("PRESCRIPTEUR(S): CHU B / CMP D\n", "B"),
    ("PRESCRIPTEUR(S): CHU B. / CMP D.\n", "CHU"),
    # a list that does not fill its line after a lower-case key is left
    ("Prescripteur : CHU A du secteur nord\n", "A"),
]


@pytest.mark.parametrize(("text", "word"), NO_PERSON)
def test_no_person(detector: Detector, text: str, word: str) -> None:
    assert word not in persons(detector, text)
