"""Round 16 (speech-to-text output): numbers, e-mails and dictation commands said aloud, names
spelled letter by letter or with the spelling alphabet, lower-case dictated facilities, towns and
persons.

Invented values only. Positive cases assert the exact span and label; negative cases assert that
the given words are left free (ordinary numbers of medical text stay words).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found

from avec.privacy.detection import Detector
from avec.privacy.detection.dictation_view import normalise_dictation

POSITIVE = [
    # a phone said in pairs, "et" and hyphens inside, digits mixed in
    (
        "vous pouvez rappeler au zéro trois quatre-vingt-un vingt-et-un soixante-quatorze douze merci",
        ("zéro trois quatre-vingt-un vingt-et-un soixante-quatorze douze", "TEL"),
    ),
    (
        "son portable c'est le zéro sept 31 quarante-six 09 88 voilà",
        ("zéro sept 31 quarante-six 09 88", "TEL"),
    ),
    # a NIR said in groups, its key checked
    (
        "numéro de sécurité sociale un quatre-vingt-cinq zéro neuf soixante-quinze cent douze zéro "
        "quarante-trois zéro sept point",
        ("un quatre-vingt-cinq zéro neuf soixante-quinze cent douze zéro quarante-trois zéro sept", "SECU"),
    ),
    # record numbers digit by digit, a letter said inside
    (
        "compte rendu virgule numéro de séjour trois un zéro zéro sept cinq deux huit point à la ligne suite",
        ("trois un zéro zéro sept cinq deux huit", "NDA"),
    ),
    # a house number and a postal code in words, the commune after it
    (
        "patiente domiciliée virgule demeurant dix-sept rue des tanneurs trente-cinq deux cents rennes virgule "
        "vue ce jour",
        ("dix-sept rue des tanneurs", "ADRESSE"),
    ),
    (
        "patiente domiciliée virgule demeurant dix-sept rue des tanneurs trente-cinq deux cents rennes virgule "
        "vue ce jour",
        ("trente-cinq deux cents", "ZIP"),
    ),
    # a postal code said after its commune
    ("[ARM] vous êtes bien à quimperlé vingt-neuf trois cents\n[APPELANT] oui", ("vingt-neuf trois cents", "ZIP")),
    # an e-mail said aloud
    (
        "envoyez-le par mail à lucie point garnier quarante-deux arobase orange point fr merci",
        ("lucie point garnier quarante-deux arobase orange point fr", "MAIL"),
    ),
    # a birth date with its year said in two digits
    ("madame est née le quatorze août trente-neuf à la maison", ("quatorze août trente-neuf", "DATE_NAISSANCE")),
    # a name spelled letter by letter after a cue, or right after the name heard
    (
        "monsieur szczepanik je vous épelle S Z C Z E P A N I K né le deux mai mille neuf cent soixante",
        ("S Z C Z E P A N I K", "NOM"),
    ),
    ("Patient : oui c'est ça brzeski B R Z E S K I\nMédecin : très bien", ("B R Z E S K I", "NOM")),
    ("Patient : oui c'est ça brzeski B R Z E S K I\nMédecin : très bien", ("brzeski", "NOM")),
    # the spelling alphabet, and the name heard before it
    (
        "il dit s'appeler kouyaté épelé K comme kilo O comme oscar U comme ursule Y comme yvonne A comme anatole "
        "T comme thérèse E comme eugène prénom moussa",
        (
            "K comme kilo O comme oscar U comme ursule Y comme yvonne A comme anatole T comme thérèse E comme eugène",
            "NOM",
        ),
    ),
    (
        "il dit s'appeler kouyaté épelé K comme kilo O comme oscar U comme ursule Y comme yvonne A comme anatole "
        "T comme thérèse E comme eugène prénom moussa",
        ("kouyaté", "NOM"),
    ),
    # a first name said after "prénom" without a colon
    ("madame ferrando prénom ghislaine née le trois mars", ("ghislaine", "PRENOM")),
    # dictation commands read as punctuation: a town after a doctor's name and a comma said aloud
    ("docteur lemaire virgule paimpol à la ligne objet deux points compte rendu", ("paimpol", "VILLE")),
    # lower-case facilities named after their keyword
    (
        "elle a été hospitalisée au centre hospitalier des pays de lamballe du deux au neuf mars point",
        ("centre hospitalier des pays de lamballe", "HOPITAL"),
    ),
    ("suivi au CMP de vierzon point le traitement est inchangé", ("CMP de vierzon", "HOPITAL")),
    ("ordonnance faxée à la pharmacie du marché point merci", ("pharmacie du marché", "HOPITAL")),
    # lower-case first name and surname before a care job
    ("point à la ligne bérénice quintard psychomotricienne", ("quintard", "NOM")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_spoken_identifiers_found(detector: Detector, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


NEGATIVE = [
    # ordinary numbers of medical dictation stay words
    ("lévodopa cent vingt-cinq milligrammes cinq prises par jour virgule deux comprimés le soir point", "cinq prises"),
    ("tension à dix-huit neuf virgule pouls à quatre-vingt-deux point à la ligne", "dix-huit neuf"),
    ("enfant de dix-huit mois virgule trois fois par jour point", "dix-huit mois"),
    ("revu dans trois mois virgule score à vingt-deux sur trente point", "vingt-deux sur trente"),
    # a point that is a noun, a door code
    ("mise au point virgule deux points de suture à retirer à la ligne", "deux points de suture"),
    ("le code c'est quatre cinq deux un B au troisième étage", "quatre cinq deux un"),
    # a facility keyword followed by ordinary words
    ("il sera revu à l'hôpital de jour la semaine prochaine point", "hôpital de jour"),
    ("passer à la pharmacie de garde ce soir virgule merci", "pharmacie de garde"),
    # acronyms in capitals inside dictation are no spelled names
    ("bilan en faveur d'un AVC ischémique virgule IRM demandée point", "AVC"),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_ordinary_spoken_words_left_free(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)


def test_view_writes_numbers_commands_and_mails() -> None:
    text = (
        "adresse deux points douze rue x virgule quarante-quatre trois cent dix point à la ligne a arobase b point fr"
    )
    written = normalise_dictation(text)
    assert written is not None
    copy, ranges = written
    assert copy == "adresse: 12 rue x, 44310.\na@b.fr"
    assert len(ranges) == len(copy)
    # every written character stands for the words said
    assert text[ranges[copy.index("4")][0] : ranges[copy.index("4")][1]] == "quarante-quatre"


def test_view_leaves_ordinary_text_alone() -> None:
    assert normalise_dictation("Deux comprimés le matin, trois fois par jour pendant dix-huit mois.") is None
