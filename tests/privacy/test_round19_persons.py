"""Round 19 person rules: a surname in capitals that is also a word or a commune, after a first
name, in a signature, contact or staff frame (first_name_caps.py); lower-case particle surnames
vouched for by the first name after them (lower_particle_surnames.py).
Names are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

# --- first name + surname in capitals that is also a word (first_name_caps.py) -------------------

FRAMED_WORD_SURNAMES = [
    ("Dossier suivi par : Ghislaine SAVONNIER – 04 11 22 33 44", "Ghislaine", "SAVONNIER"),
    ("Rédigé par : Gwenola LE BRAS, IDE, unité Cormoran", "Gwenola", "LE BRAS"),
    ("Copie : Maëlle CHAUDRON (assistante sociale)", "Maëlle", "CHAUDRON"),
    ("Référente : Solène ROSSIGNOL\nPôle enfance", "Solène", "ROSSIGNOL"),
    ("Contact : Ludivine VILLEDIEU / 06 12 34 56 78", "Ludivine", "VILLEDIEU"),
]


@pytest.mark.parametrize(("text", "first", "last"), FRAMED_WORD_SURNAMES)
def test_word_surname_in_a_person_frame(detector: object, text: str, first: str, last: str) -> None:
    spans = found(detector, text)
    assert (first, "PRENOM") in spans
    assert (last, "NOM") in spans


UNFRAMED_OR_ORDINARY = [
    # no frame: the capitals go on into the sentence
    ("Prévenir Nathalie SORTIE demain matin", "SORTIE"),
    # an inflected ordinary word, even in a frame
    ("Prévenir Nathalie URGENT, rappel demain", "URGENT"),
    # too short to be told from a word
    ("Voir Nathalie RAS, puis coucher", "RAS"),
]


@pytest.mark.parametrize(("text", "word"), UNFRAMED_OR_ORDINARY)
def test_word_in_capitals_outside_a_person_frame(detector: object, text: str, word: str) -> None:
    assert (word, "NOM") not in found(detector, text)


# --- lower-case particle surnames vouched by the first name after them ---------------------------

LOWER_PARTICLES = [
    ("prévenir madame du moulin josiane au fixe", "du moulin", "josiane"),
    ("patiente madame de la fontaine ghislaine née le 4 mai", "de la fontaine", "ghislaine"),
    ("appel pour mr le guenc'h jean-yves 91 ans ch 108", "le guenc'h", "jean-yves"),
    ("patient monsieur dos reis joaquim soixante ans", "dos reis", "joaquim"),
]


@pytest.mark.parametrize(("text", "surname", "first"), LOWER_PARTICLES)
def test_lower_particle_surname_then_first_name(detector: object, text: str, surname: str, first: str) -> None:
    spans = found(detector, text)
    assert (surname, "NOM") in spans
    assert (first, "PRENOM") in spans


NOT_LOWER_PARTICLES = [
    # a bond or an office between the title and the first name
    ("madame la voisine sophie dit que le chat est seul", "la voisine"),
    ("monsieur le directeur paul est prévenu", "le directeur"),
    # an ordinary word with no first name to vouch for it
    ("vu par madame la suivante hier", "la suivante"),
    ("madame de garde ce soir", "de garde"),
]


@pytest.mark.parametrize(("text", "words"), NOT_LOWER_PARTICLES)
def test_lower_particle_words_that_are_no_surname(detector: object, text: str, words: str) -> None:
    assert (words, "NOM") not in found(detector, text)


# --- a two-letter Vietnamese or Chinese family name after a title (context_rules.py) -------------

SHORT_EAST_ASIAN = [
    ("particulier Mme Vo - fils 3 ans a avalé une pile", "Vo"),
    ("appel de M. Vo au sujet de sa mère", "Vo"),
]


@pytest.mark.parametrize(("text", "surname"), SHORT_EAST_ASIAN)
def test_two_letter_east_asian_surname_after_title(detector: object, text: str, surname: str) -> None:
    assert (surname, "NOM") in found(detector, text)


NOT_SHORT_EAST_ASIAN = [
    # the acronym without a title stays a word
    ("film en VO sous-titrée au foyer", "VO"),
    ("bilan fait en Vo puis relu", "Vo"),
]


@pytest.mark.parametrize(("text", "word"), NOT_SHORT_EAST_ASIAN)
def test_two_letter_acronym_without_title(detector: object, text: str, word: str) -> None:
    assert (word, "NOM") not in found(detector, text)
