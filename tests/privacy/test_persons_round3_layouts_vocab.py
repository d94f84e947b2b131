"""Persons after the blind18-19 follow-up, by family: a liaison notebook's writer in brackets after
the time, signatures side by side in columns, nicknames after "connu sous le nom de", a first name
before the person's trade ("X le taxi"), "Dr X + IDE Y", surnames with one-letter parts between
hyphens, logins after a qualified label; and what must stay unmasked: a body side after "à"
("à G."), a shop's "Chez", a drink's brand after a drinking verb, a score's acronym and value.
Sentences written for these tests (names and places not taken from the held-out sets)."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import PERSON_LABELS, masked, persons

from avec.privacy.detection import Detector

POSITIVES = [
    # a liaison notebook: the writer's first name in brackets after the time, then a colon
    ("Cahier de liaison\nJeu 8h (Ludivine) : glycémie 1,32, RAS.\n", ["Ludivine"]),
    ("Ven 04.07 18h45 (J-Marc) : pansement refait, plaie propre.", ["J-Marc"]),
    # two signatures side by side, separated by a column gap
    (
        "Les médecins du service\n\nP. Ravenel                     M.-L. Cerisier\n",
        ["P.", "Ravenel", "M.-L.", "Cerisier"],
    ),
    ("\nSolène Verdier          Tanguy Brossard\n", ["Solène", "Verdier", "Tanguy", "Brossard"]),
    # a nickname after "connu sous le nom de" / "son surnom"
    ("M. Ravel, connu sous le nom de « Titou » au foyer.", ["Ravel", "Titou"]),
    ("Elle est connue sous le surnom de « Loulou » dans la rue.", ["Loulou"]),
    # a first name before the person's trade
    ("Le voisin conseille de demander la case de Soumaïla le pêcheur.", ["Soumaïla"]),
    ("Elle passe par Josette la coiffeuse pour les courses.", ["Josette"]),
    # a doctor and a nurse joined by "+"
    ("Avis transmis Dr Lacombe + IDE Peyrot ce matin.", ["Lacombe", "Peyrot"]),
    # surnames with one-letter parts between hyphens (Chinese-Guyanese families)
    ("Bien confraternellement,\nMarius LI-A-YOUNG, pédiatre", ["Marius", "LI-A-YOUNG"]),
    ("Rendez-vous avec Mme Chong-A-Ting jeudi.", ["Chong-A-Ting"]),
    # a login after a label with two qualifier words
    ("Compte ouvert - identifiant messagerie créé : plefranc (à changer).", ["plefranc"]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_names_in_these_contexts_are_found(detector: Detector, text: str, expected: list[str]) -> None:
    got = persons(detector, text)
    for name in expected:
        assert name in got, (name, got)


NEGATIVES = [
    # a body side after "à", not an initial; the word after it no surname
    ("Réflexes achilléens présents à D, abolis à G. Sensibilité conservée.", ["G.", "Sensibilité"]),
    ("Pouls pédieux perçus à G. Diapason 6/8.", ["G.", "Diapason"]),
    # a time then an ordinary word or a drug in brackets
    ("12h (Repas) : mange seul.\n20h (Lovenox) : fait.", ["Repas", "Lovenox"]),
    # column headers made of ordinary words
    ("Tension artérielle      Fréquence cardiaque\n", ["Tension", "Fréquence"]),
    # a shop named "Chez" + first name: "Chez" is no name
    ("On se retrouve devant le bar Chez Marcel.", ["Chez"]),
    # a drink named by its brand after a drinking verb
    ("Il dit qu'il boit surtout du Vittel, et il boit parfois de la Valérie.", ["Vittel", "Valérie"]),
    ("Elle ne boit que du Martin (vin de table).", ["Martin"]),
    # a score's acronym and its value
    ("Fils : HAD à 14 (anxiété), sommeil perturbé.", ["HAD"]),
    ("Mère : MADRS = 22 ; suivi proposé.", ["MADRS"]),
    # a clinical sign "+" stays a sign
    ("Examen : Giordano + à droite.", ["Giordano"]),
    # a commune or an ordinary word before "le taxi"
    ("Arrivé à Paris le taxi attendait. Ensuite le taxi est reparti.", ["Ensuite"]),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVES)
def test_these_words_stay_unmasked(detector: Detector, text: str, words: list[str]) -> None:
    got = " ".join(masked(detector, text))
    for word in words:
        assert word not in got.split(), (word, got)


def test_a_name_after_the_side_letter_is_still_a_person(detector: Detector) -> None:
    text = "Courrier adressé à G. Fontaine, kinésithérapeute."
    assert persons(detector, text) == ["G.", "Fontaine"]


def test_a_known_surname_after_a_time_in_brackets_is_a_surname(detector: Detector) -> None:
    text = "Lun 9h (Dupont) : toilette faite."
    spans = [s for s in detector.detect(text) if s.label in PERSON_LABELS]
    assert [(text[s.start : s.end], s.label) for s in spans] == [("Dupont", "NOM")]


def test_a_name_shared_by_a_drink_is_a_person_elsewhere(detector: Detector) -> None:
    assert "Didier" in persons(detector, "Il parle souvent de Didier, son frère.")


def test_initials_of_practice_partners_are_first_names(detector: Detector) -> None:
    text = "Cabinet infirmier B. Lemercier - T. Morvan - C-M. Roux   Tél : 05 55 12 34 56"
    got = [(text[s.start : s.end], s.label) for s in detector.detect(text) if s.label in PERSON_LABELS]
    assert got == [
        ("B.", "PRENOM"),
        ("Lemercier", "NOM"),
        ("T.", "PRENOM"),
        ("Morvan", "NOM"),
        ("C-M.", "PRENOM"),
        ("Roux", "NOM"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        ("Appel de Mme Carrel de la Maison de retraite Les Ormes (Tulle).", "Carrel", "de la Maison"),
        ("Avis du Dr Maupin du Centre de rééducation de Kerpape.", "Maupin", "du Centre"),
    ],
)
def test_a_workplace_after_the_name_is_no_particle(detector: Detector, text: str, name: str, not_name: str) -> None:
    got = persons(detector, text)
    assert name in got and not any(not_name in g for g in got), got


def test_a_real_particle_still_belongs_to_the_surname(detector: Detector) -> None:
    assert "de la Fontaine" in persons(detector, "Courrier de Mme Hélène de la Fontaine, kinésithérapeute.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name that is also a surname, then an initial: the first name stays first
        ("On en reparle lundi.\nMerci, Mathieu F.\n", [("Mathieu", "PRENOM"), ("F.", "NOM")]),
        # a surname in capitals then an initial: the surname
        ("Bien à vous,\nLEGRIS J.\n", [("LEGRIS", "NOM"), ("J.", "PRENOM")]),
    ],
)
def test_a_name_then_an_initial(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    got = [(text[s.start : s.end], s.label) for s in detector.detect(text) if s.label in PERSON_LABELS]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La famille a contacté les Pompes funèbres Vasseur.", ["Vasseur"]),
    ],
)
def test_a_family_firm_is_named_after_its_owner(detector: Detector, text: str, expected: list[str]) -> None:
    assert persons(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Transfert par Ambulances Saint-Malo, retour prévu.", "Bon de transport : Taxi Conventionné, aller-retour."],
)
def test_a_firm_named_after_a_place_or_a_word_is_no_person(detector: Detector, text: str) -> None:
    assert persons(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coucou c solenn, je serai en retard ce matin", ["solenn"]),
        ("bonjour c'est yannick, tu peux me rappeler ?", ["yannick"]),
        ("salut ici nadège, la clé est chez la voisine", ["nadège"]),
        # "c'est" then an ordinary word or a pronoun: no name
        ("bonjour c'est moi, je passe à 10h", []),
        ("coucou c bon pour demain", []),
        ("bonjour c'est fait, merci", []),
    ],
)
def test_a_writer_introducing_themself_in_a_message(detector: Detector, text: str, expected: list[str]) -> None:
    assert persons(detector, text) == expected
