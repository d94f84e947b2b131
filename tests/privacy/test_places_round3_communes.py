"""Communes after the blind18-19 round: a role and the commune in brackets, a commune or a district
in brackets after a street or a lieu-dit, the short form of a compound commune after a facility or
heading a dated line, a listed person's commune after the age or before a phone, a commune alone
under an addressee's line. Each family has cases left alone. Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("suivi par le Dr Martin (cardiologue, Vierzon), ancien fumeur", "Vierzon", "VILLE"),
        ("livraison lieu-dit Les Chaumes (Bellenaves), l'IDE est prévenue", "Bellenaves", "VILLE"),
        ("Pharmacie du Centre, rue Victor Hugo (Wazemmes).", "Wazemmes", "ADRESSE"),
        ("11h45 — Pharmacie Lafon (Cambo) : ordonnance", "Cambo", "VILLE"),
        ("              Cambo, le 2 mai 2025\n\nObjet : suivi", "Cambo", "VILLE"),
        ("3) Mme R. LEROY, 78 ans, Ébreuil - chutes répétées", "Ébreuil", "VILLE"),
        ("tiers : son frère, M. Durand Paul, Gonesse, 06 12 34 56 78", "Gonesse", "VILLE"),
        ("Madame la Directrice\n   MDPH de la Loire\n   Montbrison\n\nObjet : dossier", "Montbrison", "VILLE"),
    ],
)
def test_commune_found(detector: Detector, text: str, span: str, label: str) -> None:
    assert (span, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("avis (cardiologue, Diabète) demandé", "Diabète"),
        ("sa mère, 45 ans, Marie, est présente", "Marie"),
        ("Compte rendu\nDiabète", "Diabète"),
        ("rue de la Paix (Marie)", "Marie"),
        ("traitement, Moins de 3 prises, 06 12 34 56 78", "Moins"),
    ],
)
def test_not_a_commune(detector: Detector, text: str, word: str) -> None:
    assert not any(s == word and label in ("VILLE", "ADRESSE") for s, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Né le 3/2/1990 aux Mureaux — IPP 12", "Mureaux"),
        ("CHU — Site de Pointe-à-Pitre/Abymes", "Abymes"),
        ("28 quai de la Loire - 03150 VARENNES/ALLIER\nStandard", "VARENNES/ALLIER"),
    ],
)
def test_les_communes_and_slash_forms(detector: Detector, text: str, span: str) -> None:
    assert (span, "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("aux Urgences ce soir", "Urgences"),
        ("aux Halles de la ville", "Halles"),
        ("dose 5 mg/Essarts", "Essarts"),
        ("vit à Marie-Galante depuis 2010", "Marie-Galante"),
    ],
)
def test_not_a_les_commune_nor_an_island(detector: Detector, text: str, word: str) -> None:
    assert (word, "VILLE") not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("                 Saint-Amand, le 9 mars 2026\n\nObjet : suivi", "Saint-Amand"),
        ("             Saint-Gaudens, le 2 juin 2025\n\nObjet : suivi", "Saint-Gaudens"),
        ("Lun. 13/01 11h45 — Pharmacie Roques (Castanet) : ordonnance", "Castanet"),
        ("IRC suivie par le Dr Roy (néphrologue, Moulins), ancien fumeur", "Moulins"),
        ("(tiers : son cousin, M. Roy Paul, Sarcelles, 06 58 14 22 97)", "Sarcelles"),
        ("Madame\n   MDPH du Cher\n   Moulins\n\nObjet : dossier", "Moulins"),
    ],
)
def test_short_forms_and_communes_that_are_words_in_strong_slots(detector: Detector, text: str, span: str) -> None:
    assert (span, "VILLE") in found(detector, text)


def test_a_word_alone_under_a_person_line_is_no_commune(detector: Detector) -> None:
    assert ("Moulins", "VILLE") not in found(detector, "Compte rendu du Dr Roy\nMoulins\n\nTexte")


def test_the_ends_of_a_flight_are_places_a_road_direction_is_not(detector: Detector) -> None:
    trip = found(detector, "départ : vol Air Austral Pamandzi → Saint-Denis de 14h05")
    assert ("Pamandzi", "VILLE") in trip and ("Saint-Denis", "VILLE") in trip
    assert ("Lyon", "VILLE") not in found(detector, "A7 sens Lyon -> Marseille, bouchon")
