"""Round 17 (places): hamlets, lieux-dits and quarters used as homes, address complements.

Landform places of the overseas départements ("Ravine des X"), a place followed by its commune
("X, commune de Y"), lieux-dits without article and OCR-spaced capitals, a flat or a kilometre point
before the street, a lot number after an estate, the street type "r", a "Complément" key, a commune in
lower case with its article after a postal code, a town in brackets after a phone, a commune after a
letterhead's last dash. Every value is invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import covers, found

_SPACED = "DEMEURANT LIEU-DIT  MORNE  ROUGEAU\n97140 CAPESTERRE  DE  MARIE-GALANTE ,"

POSITIVES = [
    # (text, value, label)
    ("Vit seule chez sa fille (Ravine des Goyaviers), autonome.", "Ravine des Goyaviers", "ADRESSE"),
    ("Antenne de santé Saint-Paul – Plaine des Tamarins\n\nBilan du jour", "Plaine des Tamarins", "ADRESSE"),
    ("Lieu : îlet à Vanille, sentier des Fougères, 97413 Cilaos", "îlet à Vanille", "ADRESSE"),
    ("Domicile : Mbouzini, commune de Kani-Kéli (97625)", "Mbouzini", "VILLE"),
    ("Famille installée à Saülvert (commune de Roura). Pas d'infirmière à Saülvert le soir.", "Saülvert", "VILLE"),
    ("demeurant lieu dit Kervaziou Plouguin\n\nLa patiente", "lieu dit Kervaziou", "ADRESSE"),
    ("demeurant lieu dit Kervaziou Plouguin\n\nLa patiente", "Plouguin", "VILLE"),
    (_SPACED, "LIEU-DIT  MORNE  ROUGEAU", "ADRESSE"),
    (_SPACED, "CAPESTERRE  DE  MARIE-GALANTE", "VILLE"),
    ("CENTRE HOSPITALIER DU NORD\nSECTI0N BELLEVUE - 97112 GRAND-BOURG", "SECTI0N BELLEVUE", "ADRESSE"),
    ("ADRESSE : APPT 31 - 8 BD DES PLATANES 44300 NANTES", "APPT 31 - 8 BD DES PLATANES", "ADRESSE"),
    ("Adresse : PK 7 route de Montsinéry, 97355 Macouria.", "PK 7 route de Montsinéry", "ADRESSE"),
    ("Adr : lotissement Les Colibris, 17 97354 Remire-Montjoly", "lotissement Les Colibris, 17", "ADRESSE"),
    ("domicilié 22 r de la Forge Rennes\n", "22 r de la Forge", "ADRESSE"),
    ("Complément ......... : ESC B – 3E ETAGE – PORTE DROITE\nCP / Ville ....... : 94000 CRETEIL",
     "ESC B – 3E ETAGE – PORTE DROITE", "ADRESSE"),
    ("Adresse : chemin Morne Vert, 97232 le lamentin (près de l'église)", "le lamentin", "VILLE"),
    ("Joindre son cousin au +55 96 99123-4567 (Macapá).", "Macapá", "VILLE"),
    ("chez sa tante, rue Mbalé, village de Mtsangadoua, 97615 Pamandzi", "village de Mtsangadoua", "ADRESSE"),
    ("Mme Payet Josiane\nChemin des Cannes, Mare Longue\n\nTraitement :", "Mare Longue", "ADRESSE"),
    ("Les deux frères vivaient ensemble à Petit Serré jusqu'en 2019.", "Petit Serré", "ADRESSE"),
    ("Sa fille vit à Cracovie depuis 2015.", "Cracovie", "VILLE"),
    ("CMP de la Sarthe — Pôle enfants secteur 72I01 — Allonnes\n\nPatient : M. X", "Allonnes", "VILLE"),
]

NEGATIVES = [
    # (text, words that no span may touch)
    ("Ablation de l'anse de Henle sans complication.", "anse de Henle"),
    ("La Plaine est une région naturelle ; examen clinique normal.", "examen clinique"),
    ("Complément : néant\nCP : 35000", "néant"),
    ("Complément d'information : le patient reviendra demain.", "le patient reviendra demain"),
    ("Tension 12/8 (Normal), pouls 72.", "Normal"),
    ("Appeler le 06 12 34 56 78 (Travail) après 18h.", "Travail"),
    ("Le patient a 2 r de plus au bilan.", "2 r de plus"),
    ("Adresse : 12 rue des Lilas, France\n", "France"),
    ("Elle vit à La Réunion depuis 2010, suivie en ville.", "La Réunion"),
    ("Il vit seul à Domicile avec passage infirmier.", "Domicile"),
    ("Séance : agitée au début, puis se pose avec étayage.", "se pose"),
    ("Une commune de la côte ; la Commune de Paris en 1871 fut évoquée.", "côte"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVES)
def test_places_found(detector: Any, text: str, value: str, label: str) -> None:
    assert (value, label) in found(detector, text)


@pytest.mark.parametrize(("text", "words"), NEGATIVES)
def test_places_not_invented(detector: Any, text: str, words: str) -> None:
    assert not covers(detector, text, words)


def test_chemin_morne_stays_one_street(detector: Any) -> None:
    # a landform after a street type is the street's name, not a second place
    text = "Adresse : 12 chemin Morne Vert, 97232 Le Lamentin"
    assert ("12 chemin Morne Vert", "ADRESSE") in found(detector, text)


def test_lieu_dit_with_postcode_keeps_whole_name(detector: Any) -> None:
    # a commune-looking last word before a postal code belongs to the lieu-dit ("Rouge" is a word)
    text = "convocation : lieu-dit Puech Rouge, 15120 Montsalvy"
    assert ("lieu-dit Puech Rouge", "ADRESSE") in found(detector, text)
