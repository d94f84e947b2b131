"""Persons and over-masking after the blind12/blind13 follow-up: eponyms and scores read from their
context (a test result, a grade, a particle, "critère de", "liste de", "N mots de"), drug brands
before a dose or in brackets after a drug, a unit before a sentence, a word holding "œ", limb
abbreviations in capitals, care jobs used as field labels, Breton surnames, and the names these
rules must still find. Sentences written for these tests (not taken from the held-out sets)."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector

PERSON_LABELS = {"NOM", "PRENOM"}


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


def persons(detector: Detector, text: str) -> list[str]:
    return [t for t, label in found(detector, text) if label in PERSON_LABELS]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a test result or a grade after the eponym
        ("Examen ORL : Rinne négatif à gauche, Schwabach latéralisé à gauche.", "Schwabach"),
        ("Tonus : Tardieu 3 au triceps, Ashworth 1+ aux fléchisseurs.", "Tardieu"),
        ("Cholangiocarcinome, classification en Bismuth IVb au scanner.", "IVb"),
        # a context word before it, with or without a particle
        ("Pas de signe de von Recklinghausen à l'examen cutané.", "Recklinghausen"),
        ("Médicament inapproprié selon le critère de Lafontaine chez le sujet âgé.", "Lafontaine"),
        ("Molécule présente sur la liste de Bergeron, à réévaluer.", "Bergeron"),
        ("Rappel libre : 3 mots de Gauthier retrouvés sur 5.", "Gauthier"),
        # a brand before its dose, a product in brackets after a drug or a nutrition word
        ("Relais par Pyrantel 250 mg le soir.", "Pyrantel"),
        ("Antalgie par tramadol (Contramal 50 mg si besoin).", "Contramal"),
        ("Biberons de lait enrichi (Nutrigain) toutes les 3 heures.", "Nutrigain"),
    ],
)
def test_medical_word_left_alone(detector: Detector, text: str, word: str) -> None:
    assert not any(word in p for p in persons(detector, text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a unit then a new sentence is no initial + surname
        ("Natrémie 131 mmol/L. Je vérifie demain le ionogramme.", "Je"),
        ("Glycémie 1,8 g/L. On surveille.", "On"),
        # a word holding the "œ" ligature is not cut in two
        ("Sa sœur Josiane passe le mardi.", "œur"),
        ("Prise en charge par le cœur de l'équipe.", "œur"),
        # limbs in capitals in an all-caps note
        ("EXAMEN : PAS DE DEFICIT. OEDEMES DES MS.\nBIO : RAS", "MS."),
        ("EXAMEN : PAS DE DEFICIT. OEDEMES DES MI.\nBIO : RAS", "MI."),
        # a care job used as a field label after a name on the same line
        ("MEDECIN : DR LEBLOND P.     SAGE-FEMME : MORVAN ELODIE", "SAGE-FEMME"),
        ("RESPONSABLE : DUPRE A.    ORTHOPHONISTE : GAUTIER LEA", "ORTHOPHONISTE"),
    ],
)
def test_ordinary_word_left_alone(detector: Detector, text: str, word: str) -> None:
    assert word not in persons(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the same surnames and first names outside these contexts are still found
        ("Patient adressé par le Dr Lafontaine pour avis.", "Lafontaine"),
        ("Sa sœur Josiane passe le mardi.", "Josiane"),
        ("Courrier transmis à Mme Bergeron (fille).", "Bergeron"),
        ("Vu par M. Gauthier, cardiologue, le 3 mars.", "Gauthier"),
        ("Sa cousine (Josiane) vient le dimanche.", "Josiane"),
        ("Vue par J. Martin en consultation.", "J."),
        ("MEDECIN : DR LEBLOND P.     SAGE-FEMME : MORVAN ELODIE", "MORVAN"),
        # an initial is no Roman grade, a capitalised product before brackets is no drug context
        ("Bien à vous,\nDr V. Lemaire", "V."),
        ("14/05 - Ergo (R. Le Goff) : transferts travaillés.", "Le Goff"),
        # Breton surnames with "c'h"
        ("Nous avons revu Mme Gwenola Le Bec'h en consultation.", "Le Bec'h"),
        ("Courrier de M. Yann Kerc'hoz, médecin traitant.", "Kerc'hoz"),
    ],
)
def test_name_still_found(detector: Detector, text: str, name: str) -> None:
    assert name in persons(detector, text)
