"""Round 13, places: lieux-dits used as homes, streets without a number, a postal code after
"adresse", towns after a country, along a journey, in lists of communes, after a court or a move.
Invented values only."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(s.label, text[s.start : s.end]) for s in detector.detect(text)}


def _masked(detector: Detector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end for s in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Patient demeurant La Combe des Aulnes, 87340 La Jonchère-Saint-Maurice.", "La Combe des Aulnes"),
        ("Mme X, domiciliée Les Vignasses à Saint-Junien, est hospitalisée.", "Les Vignasses"),
        ("Adresse : Le Pré Haut — 23200 Aubusson\nProfession : retraité", "Le Pré Haut"),
        ("VISITE — domicile de M. Y — Chez Rouchaud, 19300 Égletons\n", "Chez Rouchaud"),
        ("| 8h10 | DURAND Paul | La Mazière, Saint-Priest-Taurion | pansement |", "La Mazière"),
    ],
)
def test_a_lieu_dit_used_as_a_home_is_an_address(detector: Detector, text: str, place: str) -> None:
    assert ("ADRESSE", place) in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("| 9h | MARTIN Lise | La Poste, Brest | colis |", "La Poste"),  # ordinary words need a home word
        ("Réunion — Le Centre, Limoges — 14h", "Le Centre"),
        ("| 9h | DUPUY Rose | Le Havre, Rouen | visite |", "Le Havre"),  # a commune itself
    ],
)
def test_ordinary_words_before_a_commune_are_no_lieu_dit(detector: Detector, text: str, value: str) -> None:
    assert ("ADRESSE", value) not in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Service de pneumologie, place du Docteur Aimé Brunel, 34567 Lunel-Viel", "place du Docteur Aimé Brunel"),
        ("Hôpital de jour\nMail Henri Gaudin – 41200 Romorantin-Lanthenay\n", "Mail Henri Gaudin"),
    ],
)
def test_a_street_without_its_number_before_a_postal_code(detector: Detector, text: str, street: str) -> None:
    assert ("ADRESSE", street) in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("maraude : sur place quai de Valmy, 4 personnes", "quai de Valmy"),
        ("campement évacué à la porte de Clichy ce matin", "porte de Clichy"),
        ("21h – pont Lafayette côté gare : homme seul", "pont Lafayette"),
        ("vu hier devant la Porte de la Chapelle, dort dehors", "Porte de la Chapelle"),
    ],
)
def test_streets_gates_and_bridges_of_a_street_note(detector: Detector, text: str, street: str) -> None:
    assert ("ADRESSE", street) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Mise en place du traitement le matin.",
        "6-7 personnes à la rue depuis hier.",
        "pont dentaire à refaire, rendez-vous pris",
        "M. Pont Gérard, 64 ans, vu en consultation",
        "Porte de Mars : rendez-vous le 3 mars.",
    ],
)
def test_ordinary_uses_of_street_words_are_not_addresses(detector: Detector, text: str) -> None:
    assert not any(label == "ADRESSE" for label, _ in _found(detector, text))


def test_a_postal_code_after_adresse_in_a_note(detector: Detector) -> None:
    text = "- mme k. demande domiciliation, dossier fait, adresse 13002 boîte 88\n"
    assert ("ZIP", "13002") in _found(detector, text)


def test_a_dose_after_adresse_is_no_postal_code(detector: Detector) -> None:
    text = "adresse 1 boîte de 30 cp, posologie 1000 mg"
    assert not any(label == "ZIP" for label, _ in _found(detector, text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Parcours : départ du Sénégal (Kaolack) en 2021.", "Kaolack"),
        ("Pays : Tunisie (Sousse)   Langues : arabe", "Sousse"),
        ("Niger → Libye (Sabha) → Lampedusa → Vintimille → Nice en bus.", "Vintimille"),
        ("Niger → Libye (Sabha) → Lampedusa → Vintimille → Nice en bus.", "Sabha"),
    ],
)
def test_a_town_after_its_country_or_along_a_journey(detector: Detector, text: str, town: str) -> None:
    assert ("VILLE", town) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "J1 → J3 → J8 : bilan, scanner, RCP.",
        "Douleur → Morphine → Sédation : protocole.",
        "Italie (Toscane) → Suisse → France : pas de ville ici ? Toscane est une région.",
    ],
)
def test_steps_of_a_protocol_are_no_journey(detector: Detector, text: str) -> None:
    found = _found(detector, text)
    assert ("VILLE", "J3") not in found and ("VILLE", "Morphine") not in found and ("VILLE", "Sédation") not in found


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Garde du secteur Nantiat / Bellac / Folles.", "Folles"),
        ("Pour les visites à Nexon et Auge, prendre la D20.", "Auge"),
        ("Tribunal judiciaire de Gap : audience le 3.", "Gap"),
        ("médecin au CHICAS de Gap, n'exerçant pas ici", "Gap"),
        ("HAD (Pontivy / antenne Carhaix) : 02 97 00 00 00", "Carhaix"),
        ("la grand-mère doit arriver de Kaolack en mars.", "Kaolack"),
        ("paludisme, retour Abidjan il y a 10 jours", "Abidjan"),
        ("M. Paul Brun, fils (Bâle) – par téléphone", "Bâle"),
        ("je travaille à Luxembourg et je rentre le soir", "Luxembourg"),
    ],
)
def test_a_town_in_a_list_after_a_court_or_a_move(detector: Detector, text: str, town: str) -> None:
    assert _masked(detector, text, town)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Score de Glasgow et score NIHSS / Rankin à l'entrée.", "Glasgow"),
        ("retour Glasgow 15 après sédation", "Glasgow"),
        ("il vit au Luxembourg depuis 2010.", "Luxembourg"),
        ("Lavage, Redon aspiratif et pansement.", "Redon"),
        ("Traitement : Kardégic / Lovenox et Doliprane.", "Lovenox"),
        ("Poids / Taille et IMC à surveiller.", "Taille"),
    ],
)
def test_medical_and_ordinary_words_stay(detector: Detector, text: str, word: str) -> None:
    assert ("VILLE", word) not in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("- 10h m. smith (saint-julien-le-petit ? non la chapelle-montbrandeix) rdv", "saint-julien-le-petit"),
        ("- 10h m. smith (saint-julien-le-petit ? non la chapelle-montbrandeix) rdv", "la chapelle-montbrandeix"),
        ("entrée de cette nuit des urgences de carpentras, sdt", "carpentras"),
        ("prévenir la fille qui arrive de valenciennes demain.", "valenciennes"),
    ],
)
def test_lower_case_communes_of_a_hurried_note(detector: Detector, text: str, town: str) -> None:
    assert ("VILLE", town) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "transfert à l'hôpital saint-jean-de-dieu demain",
        "c'est-à-dire une prise en charge au long cours",
        "il est arrivé de bonne heure, vu aux urgences de nuit",
    ],
)
def test_lower_case_words_are_no_communes(detector: Detector, text: str) -> None:
    assert not any(label == "VILLE" for label, _ in _found(detector, text))


def test_an_internal_phone_is_no_postal_code(detector: Detector) -> None:
    text = "par : L. Robin, SF – DECT 45 217   Accord de la mère : oui"
    found = _found(detector, text)
    assert not any(label in ("ZIP", "VILLE") for label, _ in found)


def test_a_hostel_with_its_room_and_street_is_one_address(detector: Detector) -> None:
    text = "demeurant Foyer Les Aubiers, ch. 31, 8 rue Paul Bert 69003 Lyon, comparant"
    assert ("ADRESSE", "Foyer Les Aubiers, ch. 31, 8 rue Paul Bert") in _found(detector, text)


def test_a_hostel_without_a_room_is_not_joined(detector: Detector) -> None:
    text = "il vit au foyer de vie, ch. 12 depuis mars"
    assert not any(label == "ADRESSE" for label, _ in _found(detector, text))


def test_a_numbered_estate_after_the_street_belongs_to_the_address(detector: Detector) -> None:
    text = "Adresse : 4 rue des Forges, cité n°3, 59300 Valenciennes"
    assert ("ADRESSE", "4 rue des Forges, cité n°3") in _found(detector, text)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("JUGEMENT — Minute n° 24/1871", "24/1871", "NDA"),  # a court's act: 24 is no month
        ("RG n° 11/1998 du tribunal", "11/1998", "DATE"),  # a month and a year stay a date
    ],
)
def test_a_court_number_is_not_read_as_a_month(detector: Detector, text: str, value: str, label: str) -> None:
    assert (label, value) in _found(detector, text)


def test_a_lieu_dit_whose_word_is_also_a_medical_acronym(detector: Detector) -> None:
    text = "Adresse : Le Mas Rouge — 23000 Guéret\nEmployeur : EARL"
    assert ("ADRESSE", "Le Mas Rouge") in _found(detector, text)
