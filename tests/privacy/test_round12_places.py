"""Round 12, places: floors between a street and its postal code, named places (lieux-dits) before a
street, a postal code or "à <commune>", localities after a street before a dash, estate parts
("logt", "tour", "ch."), lower-case communes in notes, a commune field, note arrows, and mixed-case
lab terms that are never communes (IgE, HbA1c).

Every value below is invented. Positive cases must come out with the expected label and exact
bounds; negative cases (medical words, lab terms, ordinary words) must stay unmasked.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.place_patterns import has_inner_capital, is_road_direction


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start : s.end], s.label) for s in detector.detect(text)}


POSITIVE = [
    # a floor between a numbered street and its postal code (or a colon) belongs to the address
    ("Adresse : 18 boulevard Carnot, 4e étage, 21000 Dijon", "18 boulevard Carnot, 4e étage", "ADRESSE"),
    (
        "Domicile : 3 rue des Tilleuls, 1er étage gauche – 87000 Limoges",
        "3 rue des Tilleuls, 1er étage gauche",
        "ADRESSE",
    ),
    ("le propriétaire du 9 rue de Brouckère, RDC : travaux à prévoir", "9 rue de Brouckère, RDC", "ADRESSE"),
    # floors after a dash, with a door, in brackets, abbreviated or numbered after the word
    (
        "Adresse : 9 rue Lepic – 4ème étage – porte droite – 75018 Paris",
        "9 rue Lepic – 4ème étage – porte droite",
        "ADRESSE",
    ),
    ("Adresse : 9 rue Lepic (4e étage), 75018 Paris", "9 rue Lepic (4e étage)", "ADRESSE"),
    ("Adresse : 9 rue Lepic, 4e ét., 75018 Paris", "9 rue Lepic, 4e ét.", "ADRESSE"),
    ("Adresse : 9 rue Lepic, étage 4, 75018 Paris", "9 rue Lepic, étage 4", "ADRESSE"),
    # street types abbreviated after a house number
    ("Adr. : 21 r. du Port, 56100 Lorient", "21 r. du Port", "ADRESSE"),
    ("Adresse : 5 chem. des Sables, 85100 Les Sables-d'Olonne", "5 chem. des Sables", "ADRESSE"),
    # a named house alone before its postal code, after an address label
    ("Adresse : Villa Les Tamaris, 06400 Cannes", "Villa Les Tamaris", "ADRESSE"),
    # a named place heading a numbered street after "à" or "chez"
    (
        "envoyer le double à La Noë Verte, 6 chemin des Prés, 44360 Vigneux",
        "La Noë Verte, 6 chemin des Prés",
        "ADRESSE",
    ),
    # a named place, "à" and its commune
    ("Nouvelle entrée : M. Quéinnec, La Garenne Haute à Landivisiau, visite mardi", "La Garenne Haute", "ADRESSE"),
    # a named place after an address key or in a table cell, before the postal code
    ("NOM : KERBRAT YVES\nADR : LE HAMEL 14330 LE MOLAY-LITTRY", "LE HAMEL", "ADRESSE"),
    ("| 3 | Enzo TANGUY | La Basse Cour Neuve, 35133 Lécousse | 8h10 |", "La Basse Cour Neuve", "ADRESSE"),
    ("| 4 | Lou HERVIEU | 12 les Genêts, 35300 Fougères | 8h40 |", "12 les Genêts", "ADRESSE"),
    ("Cabinet du Dr Perrot\n14 Grande Rue – 39100 Dole", "14 Grande Rue", "ADRESSE"),
    # a locality after the street, before a dash and the postal code
    ("Adresse : 9 chemin Lataniers, Bras de Pontho – 97430 Le Tampon", "Bras de Pontho", "ADRESSE"),
    # a street right after a name ending with a number and a spaced dash
    ("Association Entraide 35 – 7 rue du Moulin 35000 Rennes – 02 99 00 00 00", "7 rue du Moulin", "ADRESSE"),
    # a street without number whose name links words with a particle
    ("domiciliée Chemin du Puits de la Roche 30300 Beaucaire", "Chemin du Puits de la Roche", "ADRESSE"),
    # estate parts: a housing unit, a tower, a student's room, a house number
    (
        "Relogement : Résidence Les Tamaris, logt 14, 8 allée Jean-Zay, 37000 Tours",
        "Résidence Les Tamaris, logt 14, 8 allée Jean-Zay",
        "ADRESSE",
    ),
    (
        "Adresse : Résidence Les Peupliers, tour 2, 5 rue Henri-Barbusse, 38100 Grenoble",
        "Résidence Les Peupliers, tour 2, 5 rue Henri-Barbusse",
        "ADRESSE",
    ),
    (
        "logement Résidence Crous Les Lauriers, ch. 2-041, 4 rue Jacquard, 59000 Lille",
        "Résidence Crous Les Lauriers, ch. 2-041, 4 rue Jacquard",
        "ADRESSE",
    ),
    # after an address label, a place word heads the street whatever the case of its name
    ("Adresse : Quartier bas, 4 rue des Écoles, 34000 Montpellier", "Quartier bas, 4 rue des Écoles", "ADRESSE"),
    ("Domicile : Mas d'en Roca, chemin de Vinça, 66320 Joch", "Mas d'en Roca, chemin de Vinça", "ADRESSE"),
    # a business zone or a named building heading its street: one address
    (
        "Livraison : Transports Kerlann, ZA de Pen Ar Valy, 12 rue des Forges, 29800 Landerneau",
        "ZA de Pen Ar Valy, 12 rue des Forges",
        "ADRESSE",
    ),
    (
        "Service de génétique\nBâtiment Marcadé, 4 allée des Tanneurs — 37000 Tours",
        "Bâtiment Marcadé, 4 allée des Tanneurs",
        "ADRESSE",
    ),
    # a named place before a dash and its commune, or before its commune in capitals (planning table)
    ("cahier de liaison de M. et Mme ROUQUETTE – Le Bousquet – Ytrac\n(page 2)", "Le Bousquet", "ADRESSE"),
    (
        "10h20  GALLAIS Yves           La Haute Gautrais MONTAUBAN-DE-BRETAGNE       toilette",
        "La Haute Gautrais",
        "ADRESSE",
    ),
    # an estate and its building closing a line, without a comma; a street ends before "en"
    ("le petit est chez une voisine à la cité des Capucines bât F\n10:05 ok", "cité des Capucines bât F", "ADRESSE"),
    ("jsuis chez un pote 22 bd Rouvier en attendant", "22 bd Rouvier", "ADRESSE"),
    # communes of several hyphenated words written in capitals
    ("  2  PETIT ANNE      FILLE     03 23 00 00 00   VILLERS-COTTERETS - 88 ANS", "VILLERS-COTTERETS", "VILLE"),
    # "la route de" and a commune is the way there: the commune alone
    ("Elle est tombée en panne sur la route de Montluçon hier soir.", "Montluçon", "VILLE"),
    # two streets of a crossing separated by a slash; a street ends before "d'après"
    ("LIEU : angle avenue Foch / rue Pasteur, 33000 Bordeaux", "avenue Foch", "ADRESSE"),
    ("LIEU : angle avenue Foch / rue Pasteur, 33000 Bordeaux", "rue Pasteur", "ADRESSE"),
    ("porte côté rue des Moulins d'après la voisine", "rue des Moulins", "ADRESSE"),
    # a postal code dictated in words right after its commune
    (
        "on a déménagé c'est au trois rue de la mairie à plouzané vingt-neuf deux cent quatre-vingts voilà",
        "vingt-neuf deux cent quatre-vingts",
        "ZIP",
    ),
    # a commune field, a note's arrow, a column gap after a facility
    ("Commune de résidence : Quimperlé\nAntécédents : HTA", "Quimperlé", "VILLE"),
    ("Kiné le jeudi à Vitré → prévenir la famille.", "Vitré", "VILLE"),
    ("Établissement : SESSAD Les Mouettes – Lamballe        Rédigé par : X", "Lamballe", "VILLE"),
    # lower-case notes: "secteur", "a" without its accent, two words without a hyphen, a heading dash
    ("05:10 médecin de garde secteur chinon injoignable", "chinon", "VILLE"),
    ("pharmacie du quai a douarnenez ne dépanne plus", "douarnenez", "VILLE"),
    ("ils habitent maintenant à saint pol de léon depuis mars", "saint pol de léon", "VILLE"),
    ("transmissions HAD – pt le goff anne – la roche-sur-yon\n\nlun 9h passage", "la roche-sur-yon", "VILLE"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_places_found(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in _found(detector, text)


NEGATIVE = [
    # lab terms and units with an inner capital are never communes, whatever the gazetteer holds
    ("Les formes cliniques de l'allergie à IgE peuvent être sévères.", "IgE"),
    ("Contrôle de l'HbA1c à 3 mois ; pH à 7,31 ; PA 130 mmHg", "HbA1c"),
    # a floor followed by anything but a postal code stays out of the address
    ("Vit seule au 14 rue Gambetta, 3e étage sans ascenseur. Passage IDE.", "sans ascenseur"),
    ("Vit seule au 14 rue Gambetta, 3e étage sans ascenseur. Passage IDE.", "3e étage"),
    # a house word before an ordinary phrase is no named place; a classification keeps its grade
    ("Adresse : Maison de retraite, 3 rue Victor Hugo", "retraite"),
    ("Adénopathie classée NICE 2 au scanner", "NICE"),
    # a unit named like a place between dashes, without a word of its own
    ("Pôle psychiatrie – Le Phare – Morlaix", "Le Phare"),
    # an initial is no abbreviated street; a numbered hamlet stays the street rule's
    ("Vu par le Dr R. Dupont ce matin", "R. Dupont"),
    # numbers in words that are no postal code
    ("il a fumé vingt-neuf quatre cent fois", "vingt-neuf quatre cent"),
    # ordinary words after "a" and "secteur"
    ("il a mal au dos depuis hier", "mal"),
    ("secteur nord complet ce soir", "nord"),
    # a road direction keeps its towns unmasked
    ("bouchon sur l A7 sens Lyon -> Marseille ce matin", "Lyon"),
]


def test_numbered_road_to_a_town_stays_an_address(detector: Detector) -> None:
    text = "Adresse : 12 route de Montluçon, 03100 Montluçon"
    assert ("12 route de Montluçon", "ADRESSE") in _found(detector, text)


def test_numbered_hamlet_keeps_its_number(detector: Detector) -> None:
    text = "| Domicile | chez sa fille, 4 hameau de la Ville-Ernou, 22400 Lamballe-Armor |"
    assert ("4 hameau de la Ville-Ernou", "ADRESSE") in _found(detector, text)


@pytest.mark.parametrize(("text", "word"), NEGATIVE)
def test_places_refused(detector: Detector, text: str, word: str) -> None:
    spans = detector.detect(text)
    start = text.index(word)
    end = start + len(word)
    assert not any(s.label in ("VILLE", "ZIP", "ADRESSE") and s.start < end and start < s.end for s in spans)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("IgE", True),
        ("HbA1c", True),
        ("pH", True),
        ("mmHg", True),
        ("Vitré", False),
        ("Saint-Malo", False),
        ("L'Haÿ-les-Roses", False),
    ],
)
def test_inner_capital(word: str, expected: bool) -> None:
    assert has_inner_capital(word) is expected


def test_note_arrow_is_no_road() -> None:
    text = "kiné à Vitré → passer avant 8h"
    start = text.index("Vitré")
    assert not is_road_direction(text, start, start + len("Vitré"))
    road = "A84 sens Rennes → Caen"
    start = road.index("Rennes")
    assert is_road_direction(road, start, start + len("Rennes"))
