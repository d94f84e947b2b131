"""Persons and over-masking after the blind12/blind13 follow-up: eponyms and scores read from their
context (a test result, a grade, a particle, "critère de", "liste de", "N mots de"), drug brands
before a dose or in brackets after a drug, a unit before a sentence, a word holding "œ", limb
abbreviations in capitals, care jobs used as field labels, Breton surnames, and the names these
rules must still find. Sentences written for these tests (not taken from the held-out sets)."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, persons

from avec.privacy.detection import Detector


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short surname that is also an acronym, written as a name after a title
        ("Contrôle prévu avec le Dr Dac la semaine prochaine.", [("Dac", "NOM")]),
        # initials signing a note after a dash at the line end
        ("Pansement refait, propre. -L. B.\n04/05 : RAS", [("L.", "PRENOM"), ("B.", "NOM")]),
        # chat speakers given by their initials
        ("[09:14] MC : je passe à 10h\n[09:20] MC : fait", [("MC", "PRENOM"), ("MC", "PRENOM")]),
        # a sign-off made of initials closing a message
        ("Bonne journée à vous,\nVD\n", [("VD", "PRENOM")]),
        # a nickname in quotes in brackets right after a name
        ("Mme Jeanne DUVAL (« Nénette » pour ses voisins) vit seule.", [("Nénette", "PRENOM")]),
        # a therapist's first name in brackets after the discipline
        ("12/05 - Kiné (Bastien) : marche avec déambulateur.", [("Bastien", "PRENOM")]),
        # lower-case notes: a title then an initial and a surname, "m" without its dot in brackets
        ("appel a 3h, vu par dr j. kowalczyk", [("j.", "PRENOM"), ("kowalczyk", "NOM")]),
        ("la fille rappelle (m durand sylvie) a 8h", [("durand", "NOM"), ("sylvie", "PRENOM")]),
        # a surname found elsewhere, inside a file name
        ("Objet : M. Kerbrat Yves\nPJ : bilan_kerbrat.pdf", [("kerbrat", "NOM")]),
    ],
)
def test_person_context_found(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for item in expected:
        assert item in spans
    assert sum(1 for s in spans if s == expected[0]) >= sum(1 for e in expected if e == expected[0])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an acronym in capitals stays a facility, a unit before a bracket is no title
        ("Orientation vers la MAS du Littoral.", "MAS"),
        ("Marche 200 m (m plat) sans aide.", "plat"),
        # a chat line whose speaker is an ordinary abbreviation, a sign-off that says nothing
        ("[10:02] OK : reçu", "OK"),
        ("Merci,\nRAS\n", "RAS"),
        # a quoted word in brackets after an ordinary word, a discipline before an eponym-free word
        ("Dossier marqué (« Urgent ») ce matin.", "Urgent"),
        ("Kiné (Bobath) : travail de l'équilibre.", "Bobath"),
        # a dash then initials inside a sentence, not at its end
        ("Score -A. B. C. non retenu ici, voir plus loin.", "A."),
    ],
)
def test_context_word_left_alone(detector: Detector, text: str, word: str) -> None:
    assert word not in persons(detector, text)


def test_treatment_started_is_no_name(detector: Detector) -> None:
    text = "toux grasse, mise sous cefpo-prox 200 x2 + aerosols. Vu avec Mme Martin."
    assert "cefpo-prox" not in persons(detector, text)
    assert "Martin" in persons(detector, text)


def test_portuguese_particle_kept_in_name(detector: Detector) -> None:
    text = "Visite de Mme Graça do Carmo, sa voisine."
    assert any("do Carmo" in p for p in persons(detector, text))


def test_initial_m_in_a_signature_under_a_closing(detector: Detector) -> None:
    text = "Je reste disponible.\n\nBien cordialement,\nM. Lemarchand\n"
    assert ("M.", "PRENOM") in found(detector, text)
    # elsewhere "M." stays a title
    text = "Nous avons vu M. Lemarchand ce matin."
    assert ("M.", "PRENOM") not in found(detector, text)
