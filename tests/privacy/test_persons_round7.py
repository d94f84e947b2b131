"""Round 7 person rules: table cells and field values that are no names, scales and care methods.
Names, places and numbers are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked, persons

# --- a column gap separates two table cells: no "first name + ordinary word" across it ----------

COLUMN_GAP_CELLS = [
    "07h10  GARNIER Odile           9 rue des Lilas, Nancy                 Pansement talon droit\n",
    "08h00  ROUSSEL Henri           2 place du Marché, Lorraine            Toilette au lit\n",
    "TOURNÉE B\n09h30  LE GALL Yvonne   4 impasse Verte, Florence      Prise de sang à jeun\n",
    "Domicile : Lyon\tPilulier hebdomadaire préparé\n",
]


@pytest.mark.parametrize("text", COLUMN_GAP_CELLS)
def test_a_column_gap_ends_the_name(detector: object, text: str) -> None:
    spans = masked(detector, text)
    assert not {"Pansement", "Toilette", "Prise", "Pilulier"} & set(spans)


FIRST_NAME_THEN_ORDINARY_WORD = [
    ("Appel de Hélène Grand ce matin pour le rendez-vous.", "Grand"),
    ("Visite de Sylvie Roux à domicile ce matin.", "Roux"),
    ("Vu avec Martine Boucher, voisine, qui garde les clés.", "Boucher"),
]


@pytest.mark.parametrize(("text", "surname"), FIRST_NAME_THEN_ORDINARY_WORD)
def test_first_name_then_ordinary_surname_still_found(detector: object, text: str, surname: str) -> None:
    assert surname in persons(detector, text)


# --- a marital status as a field value, then a column gap and the next key ----------------------

MARITAL_FIELD_VALUES = [
    "Situation familiale : veuve      Nombre d'enfants : 3\nMesure : aucune",
    "SITUATION : VEUF        NOMBRE DE PETITS-ENFANTS : 5",
    "Statut marital : divorcée\tProfession antérieure : couturière",
    "Situation : épouse    Régime : communauté",
]


@pytest.mark.parametrize("text", MARITAL_FIELD_VALUES)
def test_marital_field_value_then_next_key_is_no_name(detector: object, text: str) -> None:
    assert persons(detector, text) == []


MARRIED_NAMES = [
    ("Mme Rose Vallet veuve Meunier, 81 ans", "Meunier"),
    ("Situation : veuve Fournier depuis 2019", "Fournier"),
    ("Nom : Andrée PICHON épouse LAMBERTIN", "LAMBERTIN"),
]


@pytest.mark.parametrize(("text", "name"), MARRIED_NAMES)
def test_married_names_still_found(detector: object, text: str, name: str) -> None:
    assert (name, "NOM") in found(detector, text)


# --- scales graded by a letter and care methods ---------------------------------------------------

SCALES_AND_METHODS = [
    ("Lésion médullaire (niveau C5, ASIA B) après chute de toit.", "ASIA"),
    ("tétraplégie incomplète niveau T4 ASIA C, rééducation en cours", "ASIA"),
    ("Atelier Snoezelen le mardi pour les résidents de l'UVP.", "Snoezelen"),
    ("Questions diverses : formation Humanitude les 3 et 4 avril.", "Humanitude"),
    ("Communication par Makaton avec l'éducatrice.", "Makaton"),
]


@pytest.mark.parametrize(("text", "word"), SCALES_AND_METHODS)
def test_scales_and_care_methods_are_no_names(detector: object, text: str, word: str) -> None:
    assert word not in masked(detector, text)


def test_asia_as_a_first_name_still_found(detector: object) -> None:
    text = "Mme Asia BENSALEM, née le 02/03/1990, présente ce jour."
    assert ("Asia", "PRENOM") in found(detector, text)


# --- an eponym closing a full name does not make the next person an eponym pair -------------------

TWO_PERSONS_JOINED = [
    ("Parents : Odile Martin et Yanis Le Corre.", ["Yanis", "Le Corre"]),
    ("Présents : Hugo Parkinson et Léna Vasseur", ["Léna", "Vasseur"]),
]


@pytest.mark.parametrize(("text", "expected"), TWO_PERSONS_JOINED)
def test_second_person_after_a_name_ending_with_an_eponym(detector: object, text: str, expected: list[str]) -> None:
    names = persons(detector, text)
    for value in expected:
        assert value in names


EPONYM_PAIRS = [
    "syndrome de Guillain et Barré en 2015",
    "Syndrome Guillain et Barré probable",
    "score de Spetzler et Martin grade III",
]


@pytest.mark.parametrize("text", EPONYM_PAIRS)
def test_eponym_pairs_stay_unmasked(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- an initial, an eponym used as a surname, then a care role -------------------------------------

INITIAL_EPONYM_ROLE = [
    ("Saisie : T. Hoffmann, IDE – validé Dr Ferrand", [("T.", "PRENOM"), ("Hoffmann", "NOM")]),
    ("Transmis par R. Wilson (AS).", [("R.", "PRENOM"), ("Wilson", "NOM")]),
    ("Relevé : M. Horton, infirmière de nuit", [("Horton", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), INITIAL_EPONYM_ROLE)
def test_initial_then_eponym_then_role_is_a_person(
    detector: object, text: str, expected: list[tuple[str, str]]
) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


def test_eponym_sign_before_a_role_word_stays(detector: object) -> None:
    assert persons(detector, "Signe de Hoffmann, IDE prévenue du résultat.") == []


# --- after a care job, a lower-case initial and a surname ------------------------------------------

LOWER_INITIAL_AFTER_JOB = [
    ("equipe du soir : AS nadia / IDE r. lebrun\n", [("r.", "PRENOM"), ("lebrun", "NOM")]),
    ("passage idel p. garnier ce soir pour le pansement", [("p.", "PRENOM"), ("garnier", "NOM")]),
    ("vu par l'ide s. lefort à 14h, TA correcte", [("s.", "PRENOM"), ("lefort", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), LOWER_INITIAL_AFTER_JOB)
def test_lower_initial_and_surname_after_a_job(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


LOWER_INITIAL_NEGATIVES = [
    "IDE p. matin et soir pour les soins",  # an ordinary word after the initial
    "AS r. reste en chambre ce jour",
]


@pytest.mark.parametrize("text", LOWER_INITIAL_NEGATIVES)
def test_lower_initial_then_ordinary_word_is_no_name(detector: object, text: str) -> None:
    assert persons(detector, text) == []
