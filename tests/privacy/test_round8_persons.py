"""Round 8 person rules: hurried notes and short messages (relatives without a possessive, first
names addressed or signing, bullet heads, shifts in brackets), "M." before a staff member's
abbreviated job, lower-case titles after a time, and acronyms that are no surnames. Names, places
and numbers are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked, persons, values_of

# --- a relative named without "sa"/"son", in lower case; a child after "maman de" ---------------

BARE_RELATIVES = [
    ("box 3 : rien. fils gaëtan prévenu 06 11 22 33 44", "gaëtan"),
    ("appel famille, fille nolwenn passera demain", "nolwenn"),
    ("10h20 mme le bris (maman de ilyès, 3 mois) rappelle", "ilyès"),
    ("mari yannick d'accord pour le retour", "yannick"),
    ("Appel de la maman de Soan pour décaler le vaccin.", "Soan"),
    ("suivi inchangé, sa fille thuy passe le soir", "thuy"),
]


@pytest.mark.parametrize(("text", "name"), BARE_RELATIVES)
def test_relative_without_possessive(detector: object, text: str, name: str) -> None:
    assert name in values_of(detector, text, "PRENOM")


NO_RELATIVE_NAME = [
    "fils unique, fille aînée partie en Espagne",
    "la mère de famille se plaint de douleurs",
    "(fille se charge de l'installation du lit)",
    "père de trois enfants, retraité",
    "sa mère se déplace avec une canne",
]


@pytest.mark.parametrize("text", NO_RELATIVE_NAME)
def test_bond_before_an_ordinary_word(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- a first name addressed, or signing alone at the end of a message -----------------------------

ADDRESSED = [
    ("Retour prévu demain. Coralie tu peux rappeler la pharmacie ?", "Coralie"),
    ("Le lit est arrivé. Mathis, peux-tu vérifier le matelas ?", "Mathis"),
    ("Bilan fait ce matin.\nNadège tu m'appelles au 02 40 11 22 33 ?", "Nadège"),
]


@pytest.mark.parametrize(("text", "name"), ADDRESSED)
def test_first_name_addressed(detector: object, text: str, name: str) -> None:
    assert name in values_of(detector, text, "PRENOM")


SIGNED_AT_THE_END = [
    ("Planning de la semaine envoyé. Merci de me dire qui vient. Bao", "Bao"),
    ("Je passe vers 14h pour le pansement.\nLéonie", "Léonie"),
    ("il reste 2 boîtes de compresses\n\nK.\n", "K."),
]


@pytest.mark.parametrize(("text", "name"), SIGNED_AT_THE_END)
def test_first_name_or_initial_signing_at_the_end(detector: object, text: str, name: str) -> None:
    assert name in values_of(detector, text, "PRENOM")


NO_SIGNATURE = [
    "Avis favorable au renouvellement.\nA. Rose\n",
    "Relu et validé par T. Ngo\n",
    "Pansement refait, cicatrice propre. Suite",
    "Liste des pièces :\n\nA.\n",
]


@pytest.mark.parametrize("text", NO_SIGNATURE)
def test_surname_after_initial_stays_a_surname(detector: object, text: str) -> None:
    spans = found(detector, text)
    assert ("Rose", "PRENOM") not in spans and ("Ngo", "PRENOM") not in spans
    assert "Suite" not in masked(detector, text)


# --- a first name before a weekday or a shift in brackets ----------------------------------------

SHIFTS = [
    ("ide : Maëlle (sam) / Hugo (dim)", ["Maëlle", "Hugo"]),
    ("week-end : Inès (nuit) et Thomas (jour)", ["Inès", "Thomas"]),
]


@pytest.mark.parametrize(("text", "names"), SHIFTS)
def test_first_name_before_a_shift(detector: object, text: str, names: list[str]) -> None:
    prenoms = values_of(detector, text, "PRENOM")
    assert all(n in prenoms for n in names)
    assert not {"sam", "dim", "nuit", "jour"} & set(masked(detector, text))


# --- a name heading a bullet item before a colon -------------------------------------------------

BULLET_NAMES = [
    ("Points :\n- Schneider : ordonnance renouvelée\n- Selles : RAS", "Schneider", "NOM"),
    ("Points :\n- Da Costa : RDV confirmé le 14/06", "Da Costa", "NOM"),
    ("- DOS SANTOS : bilan à récupérer", "DOS SANTOS", "NOM"),
    ("- Thomas : la clé est chez la voisine", "Thomas", "PRENOM"),
    ("- Kevin : relève de 14h", "Kevin", "PRENOM"),
]


@pytest.mark.parametrize(("text", "name", "label"), BULLET_NAMES)
def test_name_heading_a_bullet(detector: object, text: str, name: str, label: str) -> None:
    assert (name, label) in found(detector, text)


BULLET_HEADINGS = [
    "- Selles : RAS\n- Moral : bon\n- Santé : suivi ORL\n- Glasgow : 15\n- Kiné : 2/sem\n- Poids : 54 kg",
    "- Alimentation : mixée\n- Sommeil : agité\n- Rose : couleur des urines",
    "- France : dossier MDPH en cours\n- Apgar : 9/10",
]


@pytest.mark.parametrize("text", BULLET_HEADINGS)
def test_ordinary_bullet_headings_left_alone(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- "M." before a surname and a staff member's abbreviated job: an initial ----------------------

M_STAFF = [
    ("Consultation faite.\n\nM. Rigaud, SF\n", "Rigaud"),
    ("| 08/11/2024 | M. Dos Reis, IPDE |", "Dos Reis"),
    ("Vaccin fait par M. Lebrun, EJE.", "Lebrun"),
]


@pytest.mark.parametrize(("text", "surname"), M_STAFF)
def test_m_before_staff_abbreviation_is_an_initial(detector: object, text: str, surname: str) -> None:
    spans = found(detector, text)
    assert ("M.", "PRENOM") in spans
    assert (surname, "NOM") in spans


def test_m_without_job_stays_a_title(detector: object) -> None:
    spans = found(detector, "Vu avec M. Renaud, le fils, ce matin.")
    assert ("M.", "PRENOM") not in spans
    assert ("Renaud", "NOM") in spans


# --- a lower-case "m." after a time is a title, not metres ---------------------------------------

LOWER_TITLE_AFTER_TIME = [
    ("9h15 m. wozniak – prise de sang à jeun", "wozniak"),
    ("14:30 m. kerlan, pansement", "kerlan"),
]


@pytest.mark.parametrize(("text", "surname"), LOWER_TITLE_AFTER_TIME)
def test_lower_title_after_a_time(detector: object, text: str, surname: str) -> None:
    assert surname in persons(detector, text)


def test_length_in_metres_is_no_title(detector: object) -> None:
    assert persons(detector, "taille 1,60 m. poids 54 kg, marche 200 m. sans aide") == []


# --- acronyms of care jobs, school plans and contracts; vitals shorthand after a name ------------

ACRONYMS_NOT_SURNAMES = [
    ("Transmission : Dr Hamel + IDE IPDE Morin Léa, 15h07.", {"IPDE"}),
    ("Objet : RE: PAI Maël rentrée + doses cantine", {"PAI"}),
    ("Copie : Dr Guéguen ; Mme Kerbrat SF ; dossier PMI", {"SF"}),
    ("Équipe : Jade RABAUD (CDD), Émilie ROUSSEAU", {"CDD"}),
    ("diabète gestationnel (HGPO), pas de FDR cardio-vasculaire", {"HGPO", "FDR"}),
    ("bjr a tous, mr boudali sat 89% ce matin sous 2L", {"sat"}),
    ("- mme vidal hypo à 0,58 vendredi soir", {"hypo"}),
]


@pytest.mark.parametrize(("text", "words"), ACRONYMS_NOT_SURNAMES)
def test_acronyms_and_shorthand_are_no_names(detector: object, text: str, words: set[str]) -> None:
    assert not words & set(masked(detector, text))


# --- a clock time before a bracket is no measure: the person who comes then ----------------------

TIME_THEN_NAME = [
    ("- dimanche : lever 8h30 (Maëlys Caron), coucher 18h (Samir Bouaziz)", ["Samir", "Bouaziz"]),
    ("passage 12h15 (Gaëlle) pour le repas", ["Gaëlle"]),
]


@pytest.mark.parametrize(("text", "names"), TIME_THEN_NAME)
def test_name_in_brackets_after_a_clock_time(detector: object, text: str, names: list[str]) -> None:
    assert all(n in persons(detector, text) for n in names)


def test_device_after_a_measure_still_no_name(detector: object) -> None:
    assert persons(detector, "sous 2 L (Optiflow), Holter sur 24 h (Spiderview)") == []


# --- a first name opening a sentence before a feeling or speech verb -----------------------------

def test_first_name_before_a_feeling_verb(detector: object) -> None:
    text = "On lui a dit que la maladie n'est plus curable. Ibrahima espère encore un traitement."
    assert "Ibrahima" in values_of(detector, text, "PRENOM")


# --- lower-case notes: n'/o' surnames after a title, a bed or box as patient label ---------------

LOWER_NOTES = [
    ("uhcd 4 : mme n'dongo fatou 31a, douleurs", [("n'dongo", "NOM"), ("fatou", "PRENOM")]),
    ("box 5 : titouan guillou 17a, IMV", [("titouan", "PRENOM"), ("guillou", "NOM")]),
    ("lit 12 : mercier sylvie 82a, chute", [("mercier", "NOM"), ("sylvie", "PRENOM")]),
    ("17h10 maman de ilan rappelle, pas de nouvelles", [("ilan", "PRENOM")]),
]


@pytest.mark.parametrize(("text", "expected"), LOWER_NOTES)
def test_lower_case_note_names(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    assert all(pair in spans for pair in expected)


NO_LOWER_NAME = [
    "mme dupont n'est pas venue",
    "box 2 : libre (nettoyage en cours)",
    "ch 3 : rien à signaler, sommeil calme",
]


@pytest.mark.parametrize("text", NO_LOWER_NAME)
def test_lower_case_note_words_left_alone(detector: object, text: str) -> None:
    assert not {"n'est", "libre", "rien", "nettoyage"} & set(masked(detector, text))


# --- an initial closing a chat message; vitamin K is no initial ----------------------------------

def test_initial_closing_a_chat_message(detector: object) -> None:
    text = "[07/05 08:10] IDE\nBilan fait. Bien le faire boire. R.\n\n[07/05 17:05] Mme Perrot\nRappel"
    assert ("R.", "PRENOM") in found(detector, text)


def test_vitamin_letter_is_no_initial(detector: object) -> None:
    assert masked(detector, "Apport en vitamine K.\n\nSuite du traitement inchangée.") == []


# --- field values and products that are no names -------------------------------------------------

NO_NAME_VALUES = [
    ("VICTIME : HOMME ENV 25 ANS, IDENTITE INCONNUE", {"HOMME", "ENV"}),
    ("VICTIME : FEMME ENV 40 ANS", {"FEMME", "ENV"}),
    (
        "| 3 mois | Bexsero | 07/03/2024 |\nVaccins du jour : Priorix + Nimenrix, bien tolérés.",
        {"Bexsero", "Priorix", "Nimenrix"},
    ),
]


@pytest.mark.parametrize(("text", "words"), NO_NAME_VALUES)
def test_values_and_vaccines_are_no_names(detector: object, text: str, words: set[str]) -> None:
    assert not words & set(masked(detector, text))


# --- particles: "d'" glued to a capital, a capitalised particle opening the surname -------------

PARTICLE_SURNAMES = [
    ("Mère médecin (Dr d'Aubigné Anne-Laure, clinique privée).", [("d'Aubigné", "NOM"), ("Anne-Laure", "PRENOM")]),
    ("20:05 – d'ESTAING Louise, née le 30/05/2011", [("d'ESTAING", "NOM"), ("Louise", "PRENOM")]),
    ("3) Mme Da Costa Maria de Fátima : association", [("Da Costa", "NOM")]),
    ("Appel de Karim Belhadj ce matin.", [("Karim", "PRENOM"), ("Belhadj", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), PARTICLE_SURNAMES)
def test_particles_in_names(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    assert all(pair in spans for pair in expected)


def test_elided_article_before_an_acronym_is_no_name(detector: object) -> None:
    assert persons(detector, "avis d'ORL demandé, retour d'HDJ prévu, Mme Roux d'accord") == ["Roux"]


# --- a short Vietnamese or Chinese surname in capitals that is also a French word ----------------

EAST_ASIAN_CAPS = [
    ("| 6 | VU Thanh Huong | 71 | hémorragie digestive |", "VU"),
    ("Patiente LE Thi Hoa, 64 ans, adressée par son médecin.", "LE"),
]


@pytest.mark.parametrize(("text", "surname"), EAST_ASIAN_CAPS)
def test_short_east_asian_surname_in_capitals(detector: object, text: str, surname: str) -> None:
    assert (surname, "NOM") in found(detector, text)


def test_capitals_before_a_french_word_left_alone(detector: object) -> None:
    assert masked(detector, "VU ET APPROUVÉ LE 12/03\nLU et signé") == ["12/03"]
