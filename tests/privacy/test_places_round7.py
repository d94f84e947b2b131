"""Places after the blind33-41 round: local social-action offices named by their territory
("Maison du Département de X", a city's arrondissement), care and social bodies dictated in lower
case before a commune, student mental-health and youth bureaus, an estate with its building or flat
part before a postal code or a commune with no comma, and "Passage de <first name>" (a visit, not a
street). Each family has cases left alone. Sentences written for these tests (other names, places
and numbers than the documents).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "référente : Mme Roux, Maison du Département de Saint-Dié-des-Vosges",
            "Maison du Département de Saint-Dié-des-Vosges",
        ),
        ("MAISON DU DÉPARTEMENT DE MONTBÉLIARD – accueil social", "MAISON DU DÉPARTEMENT DE MONTBÉLIARD"),
        ("suivie par la maison du département de Guéret", "maison du département de Guéret"),
        (
            "Centre départemental d'action sociale de Vierzon, permanence",
            "Centre départemental d'action sociale de Vierzon",
        ),
        ("Circonscription d'action sociale de Mâcon : dossier ouvert", "Circonscription d'action sociale de Mâcon"),
        ("Unité territoriale d'action sociale de Dole\n", "Unité territoriale d'action sociale de Dole"),
        ("ASS – Maison de la Métropole de Lyon 7e\nDate", "Maison de la Métropole de Lyon 7e"),
        ("Dossier au CCAS de Marseille 13ème pour l'aide", "CCAS de Marseille 13ème"),
        ("Orientée vers le CCAS de Paris 20e", "CCAS de Paris 20e"),
    ],
)
def test_social_action_offices_by_territory_are_hopital(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("rappeler le ccas de figeac pour le colis", "ccas de figeac"),
        ("transmis au ssiad de gourdon fin de dictée", "ssiad de gourdon"),
        ("dossier cpam de quimper en attente", "cpam de quimper"),
        ("relais par la mdph de vesoul", "mdph de vesoul"),
        ("mesure udaf de millau renouvelée", "udaf de millau"),
        ("retour à l'ehpad de montluçon lundi", "ehpad de montluçon"),
        ("vu au chu d'angers hier", "chu d'angers"),
    ],
)
def test_lower_case_bodies_before_a_commune_are_hopital(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("le ccas de garde ce week-end", "ccas de garde"),  # an ordinary word, no commune
        ("appel à la caf de demain matin", "caf de demain"),
        ("le ssiad de nuit passe à 21h", "ssiad de nuit"),
        ("le cas de vierzon", "cas de vierzon"),  # no body
        ("le ssiad de ville voisine", "ssiad de ville"),  # a commune that is an ordinary word
    ],
)
def test_lower_case_bodies_without_commune_left_alone(detector: Detector, text: str, value: str) -> None:
    assert all(v != value for v, _ in found(detector, text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("quelques entretiens au BAPU de Grenoble en 2021", "BAPU de Grenoble"),
        ("orientation vers le PAEJ d'Aurillac", "PAEJ d'Aurillac"),
        ("suivi au bapu de poitiers", "bapu de poitiers"),
    ],
)
def test_student_and_youth_bureaus_are_hopital(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Adresse : Cité Les Mimosas, bât. F 84000 AVIGNON", "Cité Les Mimosas, bât. F"),
        ("Domicile : Résidence Le Verger, esc. 3 59000 Lille", "Résidence Le Verger, esc. 3"),
        (
            "08h10  PERRIN Odile    Résidence Les Tilleuls, appt 14, Vandœuvre-lès-Nancy  Insuline",
            "Résidence Les Tilleuls, appt 14",
        ),
        ("Lotissement Le Clos Fleuri, lot 9, Chambéry\n", "Lotissement Le Clos Fleuri, lot 9"),
        ("Patient : RÉSIDENCE LES PINS, BÂT. B, 13013 MARSEILLE", "RÉSIDENCE LES PINS, BÂT. B"),
    ],
)
def test_estate_and_flat_part_before_postcode_or_commune(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Résidence Le Parc, esc. 2, Douleur au genou", "Résidence Le Parc, esc. 2"),  # no commune follows
        ("Résidence Les Ormes, bât. A, Pansement fait", "Résidence Les Ormes, bât. A"),
    ],
)
def test_estate_and_flat_part_before_an_ordinary_word_not_extended(detector: Detector, text: str, value: str) -> None:
    assert all(v != value for v, _ in found(detector, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Passage de Josiane (aide à domicile) à 11h", "Passage de Josiane"),
        ("passage de Mathéo, infirmier, à 18h", "passage de Mathéo"),
        ("Passage d'Yvette pour la toilette", "Passage d'Yvette"),
        ("Cour de Sandrine : jeux avec les enfants", "Cour de Sandrine"),
    ],
)
def test_visit_by_a_first_name_is_no_street(detector: Detector, text: str, value: str) -> None:
    assert (value, "ADRESSE") not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Adresse : Passage de la Fonderie", "Passage de la Fonderie"),
        ("Domicile : passage Brunoy", "passage Brunoy"),
        ("4 passage de Marie-Rose, 75011 Paris", "4 passage de Marie-Rose"),
    ],
)
def test_passages_that_are_streets_kept(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Bénéficiaires : M. et Mme ROCHE – Le Bourg – 63600 Ambert", "Le Bourg"),
        ("Mme Faure – Les Granges - 15000 Aurillac", "Les Granges"),
        ("M. Vidal – La Croix Haute – 12000 Rodez", "La Croix Haute"),
    ],
)
def test_named_place_before_a_dash_and_postcode_is_address(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CH Le Havre – 76600 Le Havre", "Le Havre"),  # the commune itself
        ("Service social – Le Mans - 72000 Le Mans", "Le Mans"),
    ],
)
def test_commune_repeated_before_its_postcode_is_no_address(detector: Detector, text: str, value: str) -> None:
    assert (value, "ADRESSE") not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "address", "date"),
    [
        (
            "Mme Lebras Odette, née Caradec le 9 juin 1941\nLieu-dit Kervennec, 29260 Lesneven",
            "Lieu-dit Kervennec",
            "9 juin 1941",
        ),
        ("né le 23 avril 1948\nHameau des Bruyères, 48000 Mende", "Hameau des Bruyères", "23 avril 1948"),
        ("né le 3 mai 1952\nChemin des Vignes, 84000 Avignon", "Chemin des Vignes", "3 mai 1952"),
    ],
)
def test_a_year_ending_the_line_above_is_no_house_number(
    detector: Detector, text: str, address: str, date: str
) -> None:
    spans = found(detector, text)
    assert (address, "ADRESSE") in spans
    assert all("\n" not in v for v, label in spans if label == "ADRESSE")
    assert any(v == date for v, _ in spans)


@pytest.mark.parametrize(
    ("text", "span"),
    [("Adresse : 27, rue des Tanneurs", "27, rue des Tanneurs"), ("8 bis avenue Carnot\n", "8 bis avenue Carnot")],
)
def test_house_number_on_the_same_line_kept(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("tournée sur Lamballe demain matin", "Lamballe"),
        ("Tournée de Ploërmel : 9 patients", "Ploërmel"),
        ("tournée secteur Carhaix-Plouguer ce soir", "Carhaix-Plouguer"),
        ("IDE du secteur Guingamp absente", "Guingamp"),
    ],
)
def test_commune_of_a_round_of_visits_is_ville(detector: Detector, text: str, city: str) -> None:
    assert (city, "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("tournée du Matin complète", "Matin"), ("le secteur Nord est couvert", "Nord"), ("tournée de Soins", "Soins")],
)
def test_round_of_visits_without_commune_left_alone(detector: Detector, text: str, value: str) -> None:
    assert all(v != value for v, _ in found(detector, text))
