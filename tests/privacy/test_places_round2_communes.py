"""Communes and foreign towns after the blind20-22 round: every French commune (INSEE list, not
only GeoNames' 500+), a town after an emergency team or a road position, a commune closing a street
or a doctor's line, an arrondissement; foreign towns of relatives across a border (country before,
country code or foreign phone after, a repatriation). Road directions, eponyms and areas stay
unmasked. Sentences written for these tests, with other names and places than the held-out sets.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.commune_list import french_commune_keys, is_small_commune


def places(detector: Detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if s.label == "VILLE"]


def test_the_commune_list_holds_small_communes_and_no_area(detector: Detector) -> None:
    keys = french_commune_keys()
    assert len(keys) > 34000  # every commune, not GeoNames' 500+ inhabitants (about 20,000)
    for commune in ("trevenans", "feldbach", "otterswiller", "la tronche", "les deux alpes", "deux alpes"):
        assert commune in keys, commune
    assert "la reunion" not in keys  # a département's name, though also a tiny commune
    assert "tronche" not in keys  # the article stays on a one-word name (an ordinary word)
    detector.detect("Né à Feldbach.")  # the lexicons are built
    assert is_small_commune("feldbach")
    assert not is_small_commune("strasbourg")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a small commune GeoNames lacks, in a usual context
        ("Fait à Wingersheim, le 3 mars.", "Wingersheim"),
        ("Né le 02/05/1950 à Hirsingue.", "Hirsingue"),
        ("Il part à Chalon demain.", "Chalon"),
        # an emergency team, vehicle or dispatch centre named after its town
        ("Engagement VSAV Cluses + SMUR.", "Cluses"),
        ("Départ du VSAV de Saint-Jean-de-Maurienne à 14h.", "Saint-Jean-de-Maurienne"),
        ("SMUR Propriano + hélicoptère demandé.", "Propriano"),
        ("SAMU 38 - Régulation médicale - Grenoble", "Grenoble"),
        # a road position or a trip
        ("Accident à hauteur de Montélimar, voie de gauche.", "Montélimar"),
        ("en venant de Ghisonaccia, prendre la piste à droite", "Ghisonaccia"),
        ("En séjour aux Sables-d'Olonne depuis lundi.", "Sables-d'Olonne"),
        ("Orientation : CH Alpes Léman site Contamine-sur-Arve", "Contamine-sur-Arve"),
        # a commune closing a street or a doctor's line without a postal code
        ("DUPRE Odette – 5 rue des Vergers, Hégenheim – pansement", "Hégenheim"),
        ("Demandeur : Dr ROTH Ph. - Bouxwiller tel 03 88 00 00 00", "Bouxwiller"),
        # a city with its arrondissement
        ("Chute sur la voie publique, Lyon 7e, vers 22h.", "Lyon"),
        ("retrouvé boulevard Voltaire, Paris 11e, par un voisin", "Paris"),
        ("domicilié rue de Sèze, Lyon VIe, depuis 2019", "Lyon"),
        # motorway landmarks named after their commune
        ("Véhicule arrêté sur l'aire de repos de Mornas, sens nord.", "Mornas"),
        ("Accident au péage de Vienne, voie 3.", "Vienne"),
    ],
)
def test_commune_in_context(detector: Detector, text: str, town: str) -> None:
    assert town in places(detector, text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a relative across a border, the country before or a code, a phone after
        ("Son frère frontalier à Genève : +41 22 700 00 00", "Genève"),
        ("Fille à Esch-sur-Alzette (L), joignable le soir.", "Esch-sur-Alzette"),
        ("le fils, qui vit en Suisse à Porrentruy : +41 32 000 00 00", "Porrentruy"),
        ("Neveu en Belgique (Mouscron), 0032 56 00 00 00.", "Mouscron"),
        ("sa sœur, kinésithérapeute à Frankfurt am Main, rappellera", "Frankfurt am Main"),
        ("Transfert : rapatriement Dakar prévu par l'assurance", "Dakar"),
        ("Lieu de naissance déclaré : Bamako (Mali)", "Bamako"),
        ("née le 01/01/1960 à Saarbrücken (Allemagne)", "Saarbrücken"),
    ],
)
def test_foreign_town_of_a_relative(detector: Detector, text: str, town: str) -> None:
    assert town in places(detector, text)


@pytest.mark.parametrize(
    ("text", "not_town"),
    [
        # road directions name no one's place
        ("Lieu : A6 sens Paris -> Lyon, PR 120", "Paris"),
        ("Lieu : A6 sens Paris -> Lyon, PR 120", "Lyon"),
        ("bouchon direction Bordeaux sur la rocade", "Bordeaux"),
        # eponyms and signs, areas, countries
        ("bloc de branche : faisceau de His normal", "His"),
        ("la CGSS de La Réunion a répondu", "La Réunion"),
        ("Son fils travaille au Luxembourg la semaine.", "Luxembourg"),
        # a relative's word before an ordinary word or a first name
        ("les enfants à Noël, la fille à Marie pour les vacances", "Noël"),
        ("la fille à Marie pour les vacances", "Marie"),
        # a lower-case article and a noun that is also a commune
        ("rendez-vous à l'hôpital de jour jeudi", "l'hôpital"),
        ("suivi à la chapelle ardente", "la chapelle"),
    ],
)
def test_not_a_town(detector: Detector, text: str, not_town: str) -> None:
    assert not any(not_town in t for t in places(detector, text)), places(detector, text)
