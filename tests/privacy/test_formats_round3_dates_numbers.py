"""Table-driven tests of the format families of round 3: dates listed or named by an event,
the emergency numbers that are no day, a NIR grouped freely, an overseas phone before a comma,
a request reference, a birth date after a maiden name in brackets, a postal code in brackets.

Every sentence here was written for these tests (other names, numbers and places than the
held-out sets); each family has positive cases and negative neighbours of the same shape.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import values_of

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # days listed before one month word
        ("vue en consultation (4, 11 et 25 mars) pour un bilan", ["4", "11", "25 mars"]),
        ("séances les 1er, 8, 15 et 22 juin au CMP", ["1er", "8", "15", "22 juin"]),
        ("passages le 3 ou 9 octobre selon le planning", ["3", "9 octobre"]),
        ("absente les 5, 12 et 26/01 au CATTP", ["5", "12", "26/01"]),
        ("vue les 4 et 18/03 par l'infirmière", ["4", "18/03"]),
        # day/month items of one list holding an unmistakable date
        ("contentions (14/02, 17/02, 2/03, 6/03) tracées", ["14/02", "17/02", "2/03", "6/03"]),
        ("Départ souhaité : 9/12 ou 12/12/2025, en ambulance", ["9/12", "12/12/2025"]),
        ("retour possible 3/11 ou le 5/11/2025 selon les places", ["3/11", "5/11/2025"]),
        # a bare day after the noun of an event
        ("le patient annule son rendez-vous du 14 (fièvre)", ["14"]),
        ("injection du 27 non faite, infirmière prévenue", ["27"]),
        ("RDV du 9 maintenu", ["9"]),
        ("résultats du 6 transmis au médecin", ["6"]),
        ("courrier du 21, ordonnance du 22 refaite", ["21", "22"]),
        ("RDV ven. 14 confirmé par la fille", ["14"]),
        # a short weekday and a day before an hour
        ("-> RDV jeu. 23 14h15 avec le Dr", ["23"]),
        ("Visite ven 7 à 9h au domicile", ["7"]),
    ],
)
def test_listed_and_event_days_are_dates(detector: Detector, text: str, dates: list[str]) -> None:
    assert values_of(detector, text, "DATE") == dates


@pytest.mark.parametrize(
    "text",
    [
        "EVA 4/10, 3/10 puis 2/10 après antalgiques",  # scores out of ten
        "donner 1/2, 1/4 ou 3/4 cp selon la glycémie",  # fractions of a tablet
        "posologies de 5, 10 et 20 mg testées",  # doses, no month
        "dose du 12 mg/kg réduite",  # a dose after "du"
        "sam. 10h-18h, dim. 9h-12h",  # opening hours, no day
        "prises de 3,5 et 7 ml",  # a decimal, no list
        "bilan du 1er trimestre normal",  # an ordinal before a period
        "sam. 9h-12h, dim. 10h-12h",  # opening hours after a dotted weekday
        "prescription du 12 mg/j maintenue",  # a dose
        "items 2, 4 et 12/10 du questionnaire",  # no zero-padded month, no day above 12
        "entre 2 et 16 mois de vie",  # a month count, no month
    ],
)
def test_scores_doses_and_hours_stay(detector: Detector, text: str) -> None:
    assert values_of(detector, text, "DATE") == []


@pytest.mark.parametrize(
    "text",
    [
        "en cas d'urgence, renvoyer vers le 15 ou la maison de santé",
        "orienter vers le 15 si douleur thoracique",
        "appel au 15/au 112 si malaise",
        "prévenir le 15 et attendre",
        "en dehors des heures : le 15 ou le 112.",
        "passer par le 18 pour l'incendie",
    ],
)
def test_emergency_numbers_are_no_day(detector: Detector, text: str) -> None:
    assert values_of(detector, text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("revu le 15, pansement refait", ["15"]),
        ("RDV le 17 ou le 19.", ["17", "19"]),
    ],
)
def test_days_named_like_emergency_numbers_stay_dates(detector: Detector, text: str, dates: list[str]) -> None:
    assert values_of(detector, text, "DATE") == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N° SS : 1820 62A0 1512 383 — carte à jour", ["1820 62A0 1512 383"]),
        ("assurée 2910 72B0 4567 823, mutuelle", ["2910 72B0 4567 823"]),
        ("numéro 165 0429 1400 1180 transmis", ["165 0429 1400 1180"]),
    ],
)
def test_nir_grouped_freely_with_its_key(detector: Detector, text: str, expected: list[str]) -> None:
    assert values_of(detector, text, "SECU") == expected


@pytest.mark.parametrize(
    "text",
    [
        "lot 1820 62A0 1512 384 retiré",  # wrong key, no NIR word
        "colis 3000 1200 4500 777 livré",  # a first digit that is no sex code
    ],
)
def test_grouped_numbers_without_a_key_are_no_nir(detector: Detector, text: str) -> None:
    assert values_of(detector, text, "SECU") == []


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("tél. fille +596 696 41 27 08, voisin joignable", ["+596 696 41 27 08"]),
        ("joindre le frère au +262 692 15 73 44; sinon", ["+262 692 15 73 44"]),
    ],
)
def test_international_phone_before_a_comma(detector: Detector, text: str, phones: list[str]) -> None:
    assert values_of(detector, text, "TEL") == phones


def test_decimal_after_a_plus_stays() -> None:
    detector = Detector.default()
    assert values_of(detector, "poids +12,5 kg en 3 mois", "TEL") == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Réf. demande : TX-25-11-0093\nMotif : avis", ["TX-25-11-0093"]),
        ("Référence de la demande : 2025110487 (transport assis)", ["2025110487"]),
        # a lab request's long number: writers mark it 3 times in 4 (round 17)
        ("N° de demande : 2511040077\nHÉMATOLOGIE", ["2511040077"]),
    ],
)
def test_request_references_are_record_numbers(detector: Detector, text: str, values: list[str]) -> None:
    assert values_of(detector, text, "NDA") == values


@pytest.mark.parametrize(
    "text",
    [
        "Demande : 2 ampoules de 25000 UI",
        "Date de la demande : 04/11/2025 09:30",
        "la demande 12 est close",
        "N° de demande : 2025\nHÉMATOLOGIE",  # a short bare number is a year or a count
    ],
)
def test_request_words_without_a_reference_stay(detector: Detector, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Objet : Mme LEGOFF Annaïg (née KERBRAT), 12/06/1958\n", "DATE_NAISSANCE"),
        ("Objet : Mme LEGOFF Annaïg (CMP Nord), 12/06/2025\n", "DATE"),
    ],
)
def test_date_after_a_maiden_name_in_brackets(detector: Detector, text: str, label: str) -> None:
    spans = [s for s in detector.detect(text) if text[s.start : s.end].startswith("12/06/")]
    assert [s.label for s in spans] == [label]


@pytest.mark.parametrize(
    ("text", "zips"),
    [
        ("Domicile : case 4, Grand-Santi (97340) — pirogue", ["97340"]),
        ("née à Bréal-sous-Montfort (35310), fille unique", ["35310"]),
        ("vit à Saint-Pierre-Quiberon (56510) avec sa soeur", ["56510"]),
    ],
)
def test_postcode_in_brackets_after_a_commune(detector: Detector, text: str, zips: list[str]) -> None:
    assert values_of(detector, text, "ZIP") == zips


@pytest.mark.parametrize(
    "text",
    [
        "Hémoglobine (12500) contrôlée",  # no commune before the bracket
        "Carnet (98000) rangé",
    ],
)
def test_bracketed_numbers_without_a_commune_are_no_postcode(detector: Detector, text: str) -> None:
    assert values_of(detector, text, "ZIP") == []
