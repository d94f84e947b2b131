"""Round 15 (persons and places in ordinary prose, letters and forms).

Invented values only (names made up; real commune names where the rules need a known commune).
Positive cases assert the exact span and label; negative cases assert that the given words are
left free.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.lexicons import get_lexicons
from avec.privacy.detection.prose_persons import defined_acronyms


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _spans(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


def _covered(detector: Detector, text: str, words: str) -> bool:
    start = text.index(words)
    end = start + len(words)
    return any(s.start < end and start < s.end for s in detector.detect(text))


POSITIVE = [
    # a large commune named with "Le" after "du"
    ("Dossier transmis à l'antenne du Havre pour suite à donner.", ("Havre", "VILLE")),
    ("ordonnance du juge des tutelles du Mans en date du 3 mars", ("Mans", "VILLE")),
    # a commune right after "domicile", without a preposition
    ("| 12 | Gaudrel Armand | domicile Trélissac - SSIAD | véhicule 2 |", ("Trélissac", "VILLE")),
    ("207 | LOUVARD | EMILE | DOMICILE VIERZON | PTG DROITE", ("VIERZON", "VILLE")),
    # a titled person's commune closing the line, after a comma or a dash
    ("Sage-femme libérale pour la maman : Mme Quivrel, Le Trait.\n\nBien à vous,", ("Le Trait", "VILLE")),
    ("S.F. libérale : Mme Karvenec - Cléguérec\nDate : 23/02/2025", ("Cléguérec", "VILLE")),
    # both ends of a trip written with a dash
    ("Toux depuis 10 jours, vol Montréal-Paris la semaine passée.", ("Montréal", "VILLE")),
    # a hamlet heading an address field, before its postal code or its street
    ("Adresse : Kervrohen, 29400 Lampaul-Guimiliau", ("Kervrohen", "VILLE")),
    ("Adresse : Penhoadic, route de Plounéour, maison au fond", ("Penhoadic", "VILLE")),
    # a letter's place and date line without the comma
    ("Objet : demande de prise en charge\n\nQuimperlé le 4 février 2025\n\nMadame,", ("Quimperlé", "VILLE")),
    ("                Ambérieu-en-Bugey le douze mai deux mille vingt-quatre", ("Ambérieu-en-Bugey", "VILLE")),
    # a titled person's commune in brackets
    ("Le grand-père (M. Vaudrelle Gaston, Landivisiau) vient le mardi.", ("Landivisiau", "VILLE")),
    ("Suivi orthophonique (Mme Pradeau, Frontignan, qui connaît la famille).", ("Frontignan", "VILLE")),
    # a surname after a social, legal or transport job, without a title
    ("Rencontre avec l'assistante sociale Quivrecourt au sujet du logement.", ("Quivrecourt", "NOM")),
    ("Équipe : Dr Sarrazet / IDE Tavernol / cond. Ferrandou", ("Ferrandou", "NOM")),
    ("Le chauffeur Kerlividic attend devant l'entrée.", ("Kerlividic", "NOM")),
    ("L'infirmière Dastrevigne a refait le pansement.", ("Dastrevigne", "NOM")),
    # clergy named by the surname
    ("Souhaite recevoir l'abbé Kervennic avant l'intervention.", ("Kervennic", "NOM")),
    ("Visite de l'aumônier Le Dantrec à 16h.", ("Le Dantrec", "NOM")),
    # a first name opening a label's value before a verb
    ("Situation : Maëlys vit chez sa grand-mère depuis juin.", ("Maëlys", "PRENOM")),
    # a first name that also names a sign, opening a sentence before a verb of the narrative
    ("Pas de place ce soir. Thomas est avec moi jusqu'à 23h.", ("Thomas", "PRENOM")),
    ("Coussin à changer. Bernard vérifie le gonflage demain.", ("Bernard", "PRENOM")),
    ("Entretien famille. Baptiste propose un séjour de répit.", ("Baptiste", "PRENOM")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_person_or_place_found(detector: Detector, text: str, expected: tuple[str, str]) -> None:
    assert expected in _spans(detector, text)


NEGATIVE = [
    # a lower-case function word after a title is no surname
    ("Madame se montre attentive aux soins du bébé.", "se"),
    ("Il refuse de voir le docteur Favrelle ni d'aller au CMP.", "ni"),
    ("Monsieur nous dit qu'il dort mieux.", "nous"),
    # a test or a sign named after a person, with its result
    ("Examen : Thomas est négatif à droite, Lasègue négatif.", "Thomas"),
    # a town's harbour is no commune; "domicile" before a family name or a word is no commune
    ("Rendez-vous pris à la capitainerie du Port pour le bateau.", "Port"),
    ("Retour à domicile Confort prévu jeudi.", "Confort"),
    # a sentence opening on an ordinary word before "le" and a date is no letter's place
    ("Sortie le 12/03/2024 prévue.\nRetour le 3 mars.", "Sortie"),
    # a job or a word after a titled person in brackets is no commune
    ("Vu avec la référente (Mme Vauclin, Infirmière) ce jour.", "Infirmière"),
    # a job or a word closing a titled person's line is no commune; a ticket's kind is no trip end
    ("Référente : Mme Tabarly, Infirmière.\n", "Infirmière"),
    ("Il a gardé son billet Aller-Retour pour le remboursement.", "Aller"),
    # a form value that is no place
    ("Adresse : Inconnue, 29000 Quimper", "Inconnue"),
    # an acronym the document defines is no first name anywhere in it
    ("ÉQUIPE DE LIAISON ET DE SOINS EN ADDICTOLOGIE (ELSA)\nAvis du 02/04.\nELSA joignable au poste 4512.", "ELSA"),
    ("Jeune suivi en Consultation Jeunes Consommateurs (CJC). Éducateur CJC : M. Rostignac.", "CJC"),
    # an acronym after a job is no surname; a clinic named after a scientist keeps its town
    ("Le père est chauffeur VTC indépendant, sans prévoyance.", "VTC"),
    ("Julie Varenne, conseillère ESF au CCAS, a appelé.", "ESF"),
    ("Livré le 30/11/2024 – réceptionné par l'IDE.", "Livré"),
    # the job word alone, before a body or a qualifier
    ("La conseillère conjugale a été contactée.", "conjugale"),
    ("Le juge des enfants a ordonné une mesure.", "enfants"),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_left_free(detector: Detector, text: str, words: str) -> None:
    assert not _covered(detector, text, words)


def test_defined_acronym_needs_ordinary_words(detector: Detector) -> None:
    """A person's initials in brackets after the name are no defined acronym; a body's are."""
    lex = get_lexicons(detector.ner.lemma_lookups if detector.ner is not None else None)
    assert defined_acronyms("Suivi par Jean-Marc Vautrier (JMV) depuis mars.", lex) == frozenset()
    body = "la Commission des Droits et de l'Autonomie des Personnes Handicapées (CDAPH) a statué"
    assert defined_acronyms(body, lex) == frozenset({"cdaph"})
    assert defined_acronyms("Service de Soins Infirmiers (XYZ)", lex) == frozenset()


def test_surname_after_title_still_found(detector: Detector) -> None:
    """The function-word cut leaves ordinary titled names alone, lower-case notes included."""
    assert ("Lestrohan", "NOM") in _spans(detector, "Madame Lestrohan se montre attentive.")
    assert ("le goarvenec", "NOM") in _spans(detector, "vu mme le goarvenec ce matin")
    assert ("tanvelec", "NOM") in _spans(detector, "mr tanvelec lui dit bonjour")


def test_clinic_named_after_a_scientist_stays_one_span(detector: Detector) -> None:
    """ "Pasteur", "Abbé" written with a capital open a structure's name, not a clergy title."""
    text = "Centre de suivi : Clinique Pasteur Vierzon - rythmologie"
    assert ("Vierzon", "NOM") not in _spans(detector, text)
