"""Round 19 (places): address chains ending at a sentence end, lower-case estates, streets after
"au"; a dwelling noun before a numbered street; road letters before a place; "terrasse" and
"corniche" streets; qualified street types ("ancienne route"); hamlets before a postal code and
its commune (after a comma, opening a line, with a place word); tab-separated
export cells; a known commune closing a bracket after a comma. Examples invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    # a building or floor part closing its sentence ends the chain, with the street before it
    (
        "Il a vécu vingt ans au 8 rue des Tisserands, tour 3, 11e étage. Veuf depuis 2015.\n",
        ("8 rue des Tisserands, tour 3, 11e étage", "ADRESSE"),
    ),
    (
        "Domicile : 14 avenue Pasteur, bât. F, 2e ét. ?\n",
        ("14 avenue Pasteur, bât. F, 2e ét.", "ADRESSE"),
    ),
    # a lower-case estate opens the chain
    (
        "adresse : rés. les tamaris, bât 4, 17 chemin des vignes 13012 marseille, sonner fort\n",
        ("rés. les tamaris, bât 4, 17 chemin des vignes", "ADRESSE"),
    ),
    (
        "vue avec sa fille (ide), cité les pins, bât. C, 3e ét. 84000 avignon, pas d'ascenseur\n",
        ("cité les pins, bât. C, 3e ét.", "ADRESSE"),
    ),
    # a dwelling named as a noun keeps the house number with the street
    ("Il a vendu son appartement 9 rue des Carmes à Orléans l'an dernier.\n", ("9 rue des Carmes", "ADRESSE")),
    ("propriétaire d'un appartement 41 avenue Thiers, Bordeaux\n", ("41 avenue Thiers", "ADRESSE")),
    ("seringues retrouvées dans la cage d'escalier 7 rue du Four.\n", ("7 rue du Four", "ADRESSE")),
    # a road's letters before its number and a place
    ("Lieu : RD 117, lieu-dit Les Essarts – 41100 VENDÔME\n", ("RD 117, lieu-dit Les Essarts", "ADRESSE")),
    ("RN 21, LIEU-DIT LA BORIE – 47300 BIAS\n", ("RN 21, LIEU-DIT LA BORIE", "ADRESSE")),
    # new street types and qualified ones
    ("Siège : Tour Aurore, 18 terrasse Bellini – 92800 PUTEAUX\n", ("Tour Aurore, 18 terrasse Bellini", "ADRESSE")),
    ("Résidence Les Pins (Corniche Fleurie, 06200 Nice)\n", ("Corniche Fleurie", "ADRESSE")),
    ("Clinique X\n45 ancienne route de Vienne – 38200 Seyssuel\n", ("45 ancienne route de Vienne", "ADRESSE")),
    ("Adresse : 6 vieux chemin de Saint-Jean, 26000 Valence\n", ("6 vieux chemin de Saint-Jean", "ADRESSE")),
    # hamlets before a postal code and commune
    ("Tutrice : Mme Roux Odile (nièce), Le Moulinet, 19300 Égletons\n", ("Le Moulinet", "ADRESSE")),
    ("Bien à vous,\nJoël Texier\nLa Brunetière 85500 Les Herbiers\n", ("La Brunetière", "ADRESSE")),
    ("souhaite rentrer au Mas des Cades, 30250 Sommières, avec son fils.\n", ("Mas des Cades", "ADRESSE")),
    ("Adresse d'intervention : plage des Sablons, 56340 CARNAC\n", ("plage des Sablons", "ADRESSE")),
    # an export's tab opens a cell: a house number after a long number, a named place heading its street
    (
        "R25-004\t12/03/2025\tMOREL Anne\t250331209\t4 rue du Lavoir\t26200\tMONTELIMAR\n",
        ("4 rue du Lavoir", "ADRESSE"),
    ),
    (
        "R25-005\t12/03/2025\tVIDAL Paul\t250331210\tLe Clos Fleuri, 12 route de Nyons\t26110\tVINSOBRES\n",
        ("Le Clos Fleuri, 12 route de Nyons", "ADRESSE"),
    ),
]

# A known commune closing a bracket after a comma.
TOWNS_IN_BRACKETS = [
    ("Adressée par : Dr Kerbrat (MG, Landivisiau)\n", ("Landivisiau", "VILLE")),
    ("visite chez Mme Roy (8 allée des Ormes, Chinon) pour un pansement\n", ("Chinon", "VILLE")),
    ("doublon (IPP 5521034, née le 02/02/1950, Angers) à fusionner\n", ("Angers", "VILLE")),
]

# Never a commune there.
NOT_TOWNS_IN_BRACKETS = [
    ("(pas de flexion, adduction, RI)\n", "RI"),
    ("(traitement : Doliprane, Spasfon)\n", "Spasfon"),
    ("(douleur, Fièvre)\n", "Fièvre"),
]

# Never (part of) an address.
NEGATIVE = [
    # a floor part in running text with no street or estate before it stays unmarked
    ("Il vit au 3e étage. Pas d'ascenseur.\n", "3e étage"),
    # the flat's number stays out of a street after a flat word without a determiner
    ("bât C, appt 12, rue des Lilas, 69003 Lyon\n", "appt 12 rue"),
    # ordinary uses of the new street words
    ("Repas pris en terrasse avec sa fille. Plateau repas le soir.\n", "terrasse"),
    ("Balade sur la corniche hier, fatigue.\n", "corniche"),
    ("c'est la petite route qui monte après le vieux chemin de halage\n", "route"),
    # a person's name with its particle before a postal code is no hamlet
    ("Courrier à M. Yann Le Floc'h, 29200 Brest\n", "Le Floc'h"),
    # the commune itself before its postal code is no hamlet
    ("Dr Morvan, Le Conquet, 29217 Le Conquet\n", "Le Conquet, 29217"),
]

# Found whole by the street or facility rules, never cut as a hamlet: (text, whole span, hamlet part).
KEPT_WHOLE = [
    ("Adresse : 5 chemin du Mas de Roux, 30900 Nîmes\n", ("5 chemin du Mas de Roux", "ADRESSE"), "Mas de Roux"),
    (
        "Domicile : 2 hameau de Saint-Éloi, 22190 Plérin\n",
        ("2 hameau de Saint-Éloi", "ADRESSE"),
        "hameau de Saint-Éloi",
    ),
    ("EHPAD La Roseraie, 35000 Rennes\n", ("EHPAD La Roseraie", "HOPITAL"), "La Roseraie"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_found(detector: Any, text: str, value: str) -> None:
    spans = found(detector, text)
    assert all(value not in v for v, label in spans if label == "ADRESSE"), spans


@pytest.mark.parametrize(("text", "whole", "part"), KEPT_WHOLE)
def test_kept_whole(detector: Any, text: str, whole: tuple[str, str], part: str) -> None:
    spans = found(detector, text)
    assert whole in spans
    assert (part, "ADRESSE") not in spans


@pytest.mark.parametrize(("text", "expected"), TOWNS_IN_BRACKETS)
def test_town_in_brackets(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "value"), NOT_TOWNS_IN_BRACKETS)
def test_not_town_in_brackets(detector: Any, text: str, value: str) -> None:
    assert (value, "VILLE") not in found(detector, text)
