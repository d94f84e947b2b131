"""Persons and dates after the blind23-24 follow-up, by family: a surname after a health trade
without title ("audioprothésiste X", even when a syndrome bears the name), a bare day after a
scheduling participle ("prévue le 22", "reporté au 14"); and what must stay unmasked: limb
acronyms (MIG, MSD...) after a job-like word ("rotation externe du MIG"), an all-caps form heading
after a field value ending in "veuve" or "née". Sentences written for these tests (names and places
not taken from the held-out sets)."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import masked, persons, values_of

from avec.privacy.detection import Detector

TRADE_SURNAMES = [
    ("Nouvel appareillage (audioprothésiste Schwartz contacté).", ["Schwartz"]),
    ("Soins de pieds par la podologue Ruiz tous les mois.", ["Ruiz"]),
    ("Avis du dentiste Kowalski pour la prothèse.", ["Kowalski"]),
    ("Lunettes refaites chez l'opticien Brunetti.", ["Brunetti"]),
    ("Séances avec l'ostéopathe Vasseur.", ["Vasseur"]),
]


@pytest.mark.parametrize(("text", "expected"), TRADE_SURNAMES)
def test_a_surname_after_a_health_trade_is_a_person(detector: Detector, text: str, expected: list[str]) -> None:
    assert persons(detector, text) == expected


SCHEDULED_DAYS = [
    ("Extraction dentaire prévue le 22 chez le Dr Navarro.", "22"),
    ("Coloscopie programmée le 9, à jeun.", "9"),
    ("Le RDV d'ophtalmologie est reporté au 14.", "14"),
    ("Consultation mémoire planifiée le 1er.", "1er"),
]


@pytest.mark.parametrize(("text", "day"), SCHEDULED_DAYS)
def test_a_bare_day_after_a_scheduling_participle_is_a_date(detector: Detector, text: str, day: str) -> None:
    assert day in values_of(detector, text, "DATE")


NOT_DATES = [
    "Accouchement prévu le 1er trimestre prochain ? Non, terme au 3e trimestre.",
    "Dose fixée le 3 mg matin par erreur : corrigé.",
    "Traitement prévu le soir, pas de changement.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_a_dose_or_a_trimester_after_a_participle_is_no_date(detector: Detector, text: str) -> None:
    assert values_of(detector, text, "DATE") == []


UNMASKED = [
    ("Raccourcissement et rotation externe du MIG.\nTA 130/80.", ["MIG"]),
    ("L'interne du MSD note un œdème ; l'externe du MID aussi.", ["MSD", "MID"]),
    ("Situation familiale : veuve\n\nCOORDONNÉES DE LA PERSONNE À CONTACTER\nNom : LEGRAND", ["COORDONN", "PERSONNE"]),
    ("Statut : divorcée\nRENSEIGNEMENTS SUR LA PERSONNE ACCUEILLIE\nCivilité : Mme", ["RENSEIGNEMENTS", "PERSONNE"]),
    ("Le syndrome de Schwartz-Bartter est revu avec le dentiste.", ["Schwartz"]),
]


@pytest.mark.parametrize(("text", "words"), UNMASKED)
def test_these_words_stay_unmasked(detector: Detector, text: str, words: list[str]) -> None:
    got = " ".join(masked(detector, text))
    assert not [w for w in words if w in got], got


def test_a_married_name_on_the_next_line_is_still_found(detector: Detector) -> None:
    """The heading check must not drop a real name wrapped after "veuve"."""
    assert "MARCHAND" in persons(detector, "Mme Paule, veuve\nMARCHAND depuis 2010.")


@pytest.mark.parametrize(
    "text",
    ["Le pharmacien de Villeneuve ne peut pas livrer.", "Vu par le dentiste du Moulin.", "L'externe du MSG passe."],
)
def test_a_particle_after_a_trade_starts_no_name(detector: Detector, text: str) -> None:
    """ "de X" after a job word without title is a place or a body part ("pharmacien de Talence")."""
    assert persons(detector, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("-----Message d'origine-----\nDe : Pharmacie Dubreuil <contact@pharma-dubreuil.fr>\n", "Pharmacie"),
        ("De : Laboratoire Morvan <accueil@labo-morvan.fr>\nObjet : résultats", "Laboratoire"),
        ("À : Cabinet Renaud\nObjet : courrier", "Cabinet"),
    ],
)
def test_an_organisation_in_a_mail_field_is_no_first_name(detector: Detector, text: str, word: str) -> None:
    spans = [(text[s.start : s.end], s.label) for s in detector.detect(text)]
    assert (word, "PRENOM") not in spans and (word, "NOM") not in spans, spans


def test_a_person_in_a_mail_field_is_still_found(detector: Detector) -> None:
    assert persons(detector, "De : Hélène Garnier <h.garnier@exemple.fr>\n") == ["Hélène", "Garnier"]
