"""Round 15 (lower case): streets, towns and persons typed in lower case in hurried notes
(street-outreach logs, home-care messages, team chats). Every value here is invented."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found, values_of

STREETS = [
    ("21h15 bd gambetta : mr seul, refuse le 115", "bd gambetta"),
    ("- avenue mercadier : personne, duvet vide.", "avenue mercadier"),
    ("ils dorment dans un hall d'immeuble rue des tanneurs. on repasse demain", "rue des tanneurs"),
    ("22h05 place des cordeliers : jeune femme seule, refuse de parler", "place des cordeliers"),
    ("camion aménagé (chemin des vignes) : 2 chiens, ok", "chemin des vignes"),
    ("10h lieu-dit la croix blanche, caravane de mr x", "lieu-dit la croix blanche"),
    ("départ local 8 rue de la paix 19h30 retour 23h", "8 rue de la paix"),
    ("- rue émile dussart : tente repliée, personne", "rue émile dussart"),
]


@pytest.mark.parametrize(("text", "street"), STREETS)
def test_a_lower_case_street_in_a_note_is_an_address(detector: Any, text: str, street: str) -> None:
    assert street in values_of(detector, text, "ADRESSE")


NO_STREETS = [
    "il est à la rue depuis trois mois, pas de domiciliation.",
    "pas de place ce soir, place proposée demain au chrs.",
    "au cours de la nuit, cours de français annulé.",
    "passage de l'ide à 8h, passage ide matin fait.",
    "elle est allée voir sa fille, en route pour la pharmacie.",
    "le couple vit dans un hameau isolé, sans voiture.",
    "promenade jardin l'après-midi, calme.",
]


@pytest.mark.parametrize("text", NO_STREETS)
def test_street_words_used_as_ordinary_nouns_stay(detector: Any, text: str) -> None:
    assert values_of(detector, text, "ADRESSE") == []


TOWNS = [
    ("maraude dijon centre – ven 12/04", "dijon"),
    ("9h20 plouha, parking de la salle des fêtes : 2 personnes", "plouha"),
    ("17h retour lannion. km 48 211", "lannion"),
    ("camion garé entre paimpol et plouha depuis lundi", "paimpol"),
    ("mineur isolé, arrivé de dakar il y a deux mois", "dakar"),
    ("7h40 mme le gall (paimpol) : insuline faite", "paimpol"),
    ("vu ce matin devant la gare de guingamp, assis sur un banc", "guingamp"),
    ("maraude sur lannion ce soir avec le bénévole", "lannion"),
    ("hébergée chez sa tante à st-malo depuis lundi", "st-malo"),
    ("jeune majeur arrivé d'alger en septembre", "alger"),
]


@pytest.mark.parametrize(("text", "town"), TOWNS)
def test_a_lower_case_town_in_a_note_slot_is_a_commune(detector: Any, text: str, town: str) -> None:
    assert town in values_of(detector, text, "VILLE")


NO_TOWNS = [
    "il aime les paris sportifs et les tours de cartes.",
    "jus d'orange au goûter, plaisir partagé.",
    "il faudrait qu'elle puisse venir demain.",
    "retour domicile prévu vendredi après le repas.",
    "dit s'être perdu entre la gare et le marché.",
    "soins faits sur place vers 14h, prochain passage sur rdv.",
]


@pytest.mark.parametrize("text", NO_TOWNS)
def test_ordinary_words_are_no_lower_case_towns(detector: Any, text: str) -> None:
    assert values_of(detector, text, "VILLE") == []


PERSONS = [
    ("jeune homme, dit s'appeler karim benslimane, 30 ans ?", [("karim", "PRENOM"), ("benslimane", "NOM")]),
    (
        "couple dragan et mira petrovic + chien, pas de place",
        [("dragan", "PRENOM"), ("mira", "PRENOM"), ("petrovic", "NOM")],
    ),
    ("rédigé par nina c.", [("nina", "PRENOM"), ("c.", "NOM")]),
    ("rédaction j. pelletier – transmis à l'AS", [("j.", "PRENOM"), ("pelletier", "NOM")]),
    ("sous la tente : kevin marchadier (ddn 03/04/1999), fatigué", [("kevin", "PRENOM"), ("marchadier", "NOM")]),
    ("inès bouaziz née le 12/03/2001, enceinte", [("inès", "PRENOM"), ("bouaziz", "NOM")]),
    ("binôme du soir : gaëlle kerbiriou (ide) + bénévole", [("gaëlle", "PRENOM"), ("kerbiriou", "NOM")]),
    ("irina popa (sa sœur, ddn 02/02/1990) passe demain", [("irina", "PRENOM"), ("popa", "NOM")]),
    ("il dort chez sa copine maëva depuis une semaine", [("maëva", "PRENOM")]),
    ("mer soir (tristan quéméner) : appel du siao", [("tristan", "PRENOM"), ("quéméner", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), PERSONS)
def test_a_lower_case_name_with_its_evidence_is_a_person(
    detector: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    spans = found(detector, text)
    for item in expected:
        assert item in spans


NO_PERSONS = [
    "le couple va bien et dort au chaud.",
    "rédigé par l'équipe de nuit, rien à signaler.",
    "pansement fait par ide libérale (ide) ce matin.",
    "situation stable (ddn inconnue), à revoir.",
    "sa fille aînée passe demain, son fils cadet aussi.",
    "(prise en charge) (bilan sanguin fait)",
]


@pytest.mark.parametrize("text", NO_PERSONS)
def test_ordinary_words_around_the_evidence_are_no_persons(detector: Any, text: str) -> None:
    assert [v for v, label in found(detector, text) if label in ("NOM", "PRENOM")] == []
