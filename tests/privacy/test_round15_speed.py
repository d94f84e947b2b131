"""Round 15 speed changes give the same answers as the code they replace.

- ``street_addresses.street_matches`` (the street pattern tried only on the runs of number
  characters that end on a street type) yields exactly the matches of ``STREET_ADDRESS.finditer``:
  on a table of invented inputs and on deterministic random mixes of the pieces the pattern cares
  about (numbers, number words, street types, blanks, commas, dashes, line breaks, "/", "_").
- The commune rule's tables fetched once per text are the shared ones.
- The lexicon rule's early exit for a lone excluded word keeps every name the full path finds,
  and still refuses the words it refused.
"""

from __future__ import annotations

import random

import pytest

from avec.privacy.detection import communes
from avec.privacy.detection.config import DetectionConfig
from avec.privacy.detection.detector import Detector
from avec.privacy.detection.place_patterns import commune_first_words, commune_heads, world_places
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.street_addresses import STREET_ADDRESS, street_matches
from avec.privacy.detection.text import fold

STREETS = [
    "Domicile : 12 rue des Acacias, 35000 Rennes",
    "habite au quatre-vingt-dix-sept bis avenue du Lac",
    "vingt et un chemin des Prés",
    "Adresse : 3 bis, boulevard Victor Hugo",
    "Il vit 14-16 allée des Cerisiers depuis 2019",
    "12\nbis rue Pasteur",
    "place de la Mairie",
    "Résidence Les Pins, bât. C, 5 impasse des Roses",
    "lieu-dit Kervennec",
    "06 44 63 – 18 rue Carnot",
    "grande-rue de Vaucelles et grande rue du Bourg",
    "avenue du 8 Mai 1945",
    "B5 12 rue du Port",
    "1/2 rue de la Paix",
    "SIX RUE DE LA GARE",
    "ſix rue Colbert",
    "z.a.c. des Landes, zone industrielle du Moulin",
    "12 rue a 3 rue b 4 rue c",
    # no street at all
    "Le patient est en cours de bilan, voie veineuse posée.",
    "passage de l'IDE à 14h",
    "place en EHPAD demandée",
    "",
    "____ rue",
]
# fmt: off
PIECES = [
    "12", "3", "1er", "bis", "ter", "quater", "b", ",", " ", "  ", "\t", "\n", "-", "–", "/", "_", ".", ":",
    "(", "rue", "Rue", "RUE", "avenue", "av.", "bd", "grande rue", "grande-rue", "quatre-vingt", "douze",
    "dix-sept", "et", "un", "du", "de la", "des", "Le", "à", "Gare", "Lilas", "Mai", "1945", "12/03",
    "06 44 63", "bât.", "cours", "Cours", "passage", "lot.", "section", "zone industrielle", "îlet",
    "ſix", "SIX", "é", "x",
]
# fmt: on


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in STREET_ADDRESS.finditer(text)]


@pytest.mark.parametrize("text", STREETS)
def test_street_matches_are_those_of_finditer(text: str) -> None:
    assert [m.span() for m in street_matches(text, fold(text))] == _spans(text)


def test_street_table_holds_streets_and_non_streets() -> None:
    found = [bool(_spans(t)) for t in STREETS]
    assert any(found) and not all(found)  # the table tests both outcomes


def test_street_matches_on_random_mixes() -> None:
    rnd = random.Random(15)
    with_streets = 0
    for _ in range(3000):
        text = "".join(rnd.choice(PIECES) + rnd.choice(["", " ", "\n", ", "]) for _ in range(rnd.randint(1, 25)))
        expected = _spans(text)
        with_streets += bool(expected)
        assert [m.span() for m in street_matches(text, fold(text))] == expected, text
    assert with_streets > 500


def test_commune_tables_fetched_once_per_text_are_the_shared_ones(detector: Detector) -> None:
    lex = detector.lexicons  # (the detector's: lexicons built without spaCy's lemmas would be cached)
    ctx = DetectionContext(text="Née à Quimper.", lexicons=lex, config=DetectionConfig())
    heads, first_words = communes._commune_shapes(ctx)
    assert heads is commune_heads(lex) and first_words is commune_first_words(lex)
    assert communes._commune_shapes(ctx) is communes._commune_shapes(ctx)
    world = communes._world(ctx)
    assert world.cities is world_places(lex).cities and world.countries == world_places(lex).countries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Appel de Maëlle ce matin.", ["Maëlle"]),
        ("Vu avec Gwenola (IDE) pour le pansement.", ["Gwenola"]),
        ("Noé viendra demain.", ["Noé"]),
        ("Signé : Ambroise", ["Ambroise"]),
        # lone excluded words: drugs, acronyms, ordinary words in capitals
        ("Traitement : Doliprane 1 g.", []),
        ("IRM cérébrale normale.", []),
        ("Conclusion. Surveillance.", []),
    ],
)
def test_lexicon_rule_keeps_names_and_drops_lone_excluded_words(
    detector: Detector, text: str, expected: list[str]
) -> None:
    found = [text[s.start : s.end] for s in detector.detect(text) if s.label in ("PRENOM", "NOM")]
    assert found == expected
