"""Round 18 (places): streets linked by "à/au" ("rue du Moulin à Vent"), a street line before its
postal-code line, clauses and arrows ending a street, a door after a floor, communes with their
article, localities between dashes, labelled lieux-dits in lower case, homes with their flat,
address table cells with their postal code, a comma glued to the house number."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    # a street name linked by "à" or "au" to its last word
    (
        "Domicile : La Hêtraie, 3 chemin du Moulin à Vent, 27300 Menneval\n",
        ("La Hêtraie, 3 chemin du Moulin à Vent", "ADRESSE"),
    ),
    ("EHPAD « Le Clos Fleuri »\n7 rue du Moulin à Vent 85300 Challans\n", ("7 rue du Moulin à Vent", "ADRESSE")),
    ("Dr Lemaire, cabinet 3 place du Marché au Blé, 60200 Compiègne\n", ("3 place du Marché au Blé", "ADRESSE")),
    (
        "EHPAD X\n1 CHEMIN DU MOULIN À TAN 82000 MONTAUBAN - TEL 05 63 20 71 40\n",
        ("1 CHEMIN DU MOULIN À TAN", "ADRESSE"),
    ),
    # "à" before a commune still ends the street
    ("Elle habite 12 rue des Lilas à Lyon.\n", ("12 rue des Lilas", "ADRESSE")),
    ("Elle habite 12 rue des Lilas à Lyon.\n", ("Lyon", "VILLE")),
    # the street's last word is no commune when the postal code comes on the next line
    ("Cabinet\n18 rue Émile Basly\n62300 Lens\n", ("18 rue Émile Basly", "ADRESSE")),
    ("Madame Rolland\n18 rue de la Motte Brûlon\n35700 Rennes\n", ("18 rue de la Motte Brûlon", "ADRESSE")),
    ("Vu au 12 av. Gallieni Bondy, hier.\n", ("Bondy", "VILLE")),
    # a lower-case clause or an arrow ends the street
    ("retrouvée à 23h50 quai de la Fosse par la police (commissariat)\n", ("quai de la Fosse", "ADRESSE")),
    ("j'arrive vers 4h15 (4 route de Lournand c'est bien ça ?)\n", ("4 route de Lournand", "ADRESSE")),
    ("Hébergement : Noailles, rue d'Aubagne → précaire\n", ("rue d'Aubagne", "ADRESSE")),
    # a door after the floor after the building
    (
        "vivent au 17 rue Gabriel Péri, bât. A, 3e étage, porte 32, 93200 Saint-Denis.\n",
        ("17 rue Gabriel Péri, bât. A, 3e étage, porte 32", "ADRESSE"),
    ),
    (
        "domicile : Cité Henri-IV, bât. Acajou, porte 17, 97139 Les Abymes\n",
        ("Cité Henri-IV, bât. Acajou, porte 17", "ADRESSE"),
    ),
    # a commune found by its last word takes its article
    ("M. LAMBERT — né le 03/05/1952 — Les Islettes (55120), 1 rue de la Verrerie\n", ("Les Islettes", "VILLE")),
    ("MEDECIN TRAITANT : DR LE ROUX FRANCOIS, LA BAULE\n", ("LA BAULE", "VILLE")),
    # a locality between dashes before the postal code; lieux-dits after an address label
    ("EHPAD Les Flamboyants – quartier Bois-Carré – 97232 Le Lamentin\n", ("quartier Bois-Carré", "ADRESSE")),
    ("demande passage. adresse : la Borie Basse, 46100 Lunan. tel fille\n", ("la Borie Basse", "ADRESSE")),
    ("Domicile : La Butte aux Loups, 14250 Tilly-sur-Seulles\n", ("La Butte aux Loups", "ADRESSE")),
    # a home for the elderly with its flat after a home label is one address
    (
        "Adresse : Résidence autonomie Le Béguinage, logement 6, 14 rue du Pont-Neuf, 59000 Lille\n",
        ("Résidence autonomie Le Béguinage, logement 6, 14 rue du Pont-Neuf", "ADRESSE"),
    ),
    (
        "Domicile : Résidence autonomie Les Hortensias, 4 allée de Brocéliande, logement 21, 35200 Rennes\n",
        ("Résidence autonomie Les Hortensias, 4 allée de Brocéliande, logement 21", "ADRESSE"),
    ),
    # a birthplace and its country in brackets after a birth date
    ("Mme BENALI Fatima – ch. 19 – DN 01/01/1941 (Tlemcen, Algérie)\n", ("Tlemcen", "VILLE")),
    # capitals exports: an abbreviated street type before the postal code; a numbered road before it
    ("CHI LOIRE-VIENNE - SITE DE SAUMUR\nRTE DE FONTEVRAUD  49400 SAUMUR\n", ("RTE DE FONTEVRAUD", "ADRESSE")),
    ("Centre de Coubert\nRoute Départementale 96 – 77170 Coubert\n", ("Route Départementale 96", "ADRESSE")),
    # a commune in capitals starting with "CH" is no hospital acronym
    ("Court séjour\n1 rue Marengo – 49325 CHOLET Cedex\n", ("CHOLET", "VILLE")),
    # a comma glued to the house number
    ("Médecine générale\n3 ,rue de la Gare   67160  WISSEMBOURG\n", ("3 ,rue de la Gare", "ADRESSE")),
    ("Adresse : 37 ,rue Louis Blanc ,appt 112  76620 LE HAVRE\n", ("37 ,rue Louis Blanc ,appt 112", "ADRESSE")),
]

_TABLE = (
    "| Lien | Nom | Adresse | Téléphone |\n|---|---|---|---|\n"
    "| fils | BOUSQUET Jean | 5 impasse des Cigales, 34500 Béziers | 06 11 47 29 83 |\n"
    "| fille | AUCLAIR Christine | 8 rue des Écoles, 75011 Paris Cedex 11 | 04 73 90 11 26 |\n"
)
TABLE_CELLS = [
    ("5 impasse des Cigales", "ADRESSE"),
    ("34500", "ZIP"),
    ("Béziers", "VILLE"),
    ("8 rue des Écoles", "ADRESSE"),
    ("75011", "ZIP"),
    ("Paris", "VILLE"),
]

NEGATIVE = [
    # an acronym or a commune after "au/à" is no part of the street's name
    ("Rendez-vous 12 rue des Lilas au CHU demain.\n", "12 rue des Lilas au CHU"),
    ("appartement 3 rue Paul Bert à Nogent-sur-Marne dont la vente\n", "rue Paul Bert à Nogent-sur-Marne"),
    # a home for the elderly without a flat stays the facility, apart from its street
    ("Adresse : Résidence autonomie Les Marronniers, 3 rue de la Gare, 35200 Rennes\n", "Marronniers, 3 rue"),
    ("demeurant EHPAD Les Vosges, 3 rue des Lilas, 88000 Épinal\n", "EHPAD Les Vosges, 3 rue des Lilas"),
    # in capitals, an ordinary word after a bare "à" or "de" is no commune
    ("CERTIFICAT MÉDICAL – EXAMEN D'UNE PERSONNE EN GARDE À VUE\n", "VUE"),
    ("  RESTE À CHARGE                 1 700,00 €\n", "CHARGE"),
    # "PL." without a house number is a lumbar puncture; "à" before a commune's first part ends the street
    ("Pas d'indication à EEG ni PL. Reconsulter si récidive\n", "PL. Reconsulter"),
    ("RDV à 10h au centre, 12 rue Marat à Ivry. Bises\n", "12 rue Marat à Ivry"),
    # the clause after the street stays out
    ("retrouvée à 23h50 quai de la Fosse par la police (commissariat)\n", "par la police"),
    # an address cell's postal code and commune stay out of the street
    (_TABLE, "Cigales, 34500"),
    (_TABLE, "Paris Cedex"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize("expected", TABLE_CELLS)
def test_table_cells(detector: Any, expected: tuple[str, str]) -> None:
    assert expected in found(detector, _TABLE)


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_found(detector: Any, text: str, value: str) -> None:
    assert all(value not in v for v, _ in found(detector, text))
