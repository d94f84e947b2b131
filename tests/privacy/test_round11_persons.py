"""Round 11 person rules: logins built from a person's name wherever software prints them
(login_tokens.py), a first name followed by a surname in capitals (first_name_caps.py) and
signatures by initials and surname (signature_initials.py).
Names are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, persons

# --- logins made of initials and a surname (login_tokens.py) ------------------------------------

LOGINS = [
    # a known surname after one or two initials, anywhere
    ("02:14 [ARM pgauthier] Appelant : le voisin.", "pgauthier"),
    ("Technicien : tperrin        Biologiste : Dr X", "tperrin"),
    ("requête du 03/02 - r.lemaire - service qualité", "r.lemaire"),
    ("demande faite, prévenir Yanis (y.guillot) pour l'accès", "y.guillot"),
    ("12/05/2024;K;Potassium;5,2;mmol/L;L.GAUTHIER\n", "L.GAUTHIER"),
    ("Tracé DPI : jpguillot – 11/03/2024 10:02", "jpguillot"),
    ("compte créé : hbarbier2 (AS)", "hbarbier2"),
    # a name the document writes elsewhere with capitals, also a compound one
    ("Passage IDE Tanguy Le Quéau : RAS.\nProchain passage jeudi.\ntlequeau\n", "tlequeau"),
    ("\"OKONKWO-BIRD\";\"Ada\";\"aokonkwobird\";\"AS\"", "aokonkwobird"),
    ("Vu par Dr WOJTKOWIAK.\n10:30 — a.wojtkowiak (interne)\nRAS", "a.wojtkowiak"),
    ("MR : Dr CHARPENTIER Hugo\n02:18 [MR hcharpentier] rappel", "hcharpentier"),
    # where a record is signed: a login shape (two consonants no French word opens with)
    ("Visite faite, relais au SSIAD. kzoubiri\n", "kzoubiri"),
    (" SAISI PAR..: mtobrenski   LE 12/04/2024", "mtobrenski"),
    ("dossier clos le 26/09/2024 – nvrekic\n", "nvrekic"),
]


@pytest.mark.parametrize(("text", "login"), LOGINS)
def test_logins_made_of_names(detector: object, text: str, login: str) -> None:
    assert (login, "NOM") in found(detector, text)


NOT_LOGINS = [
    "escarre sacrée stade 2, pansement refait",
    "Consignes de reconsultation données, à jeun depuis minuit.",
    "N.PASSAGE  IPP  NOM",
    "écrire à secretariat.cardio@chu-exemple.fr avant lundi",
    "voir https://intranet.exemple.fr/pages/protocoles pour la suite",
    "remarques : aucune\n",
    "Prochain passage demain.\nbilan\n",
    "pas de proche identifié, alors relogement à prévoir",
    "sous paracetamol et amoxicilline",
]


@pytest.mark.parametrize("text", NOT_LOGINS)
def test_words_and_addresses_are_no_logins(detector: object, text: str) -> None:
    assert [value for value, label in found(detector, text) if label == "NOM"] == []


# --- first name + surname in capitals (first_name_caps.py) --------------------------------------

CAPS_PAIRS = [
    ("Rééducation : ergo (Solène BRUN), psychomotricité.", "Solène", "BRUN"),
    ("Présents : Dr X (interne), Gaspard WEISSKOPF (MK), cadre.", "Gaspard", "WEISSKOPF"),
    ("Cordialement, Apolline HOFFMANN, pharmacienne adjointe", "Apolline", "HOFFMANN"),
    ("l'ergo (Maëlys JEAN-BAPTISTE) passe au domicile", "Maëlys", "JEAN-BAPTISTE"),
    ("compte rendu de Timéo LE BRIZ\nNé le", "Timéo", "LE BRIZ"),
    ("Équipe : Kylian D'ALMEIDA (IDE), Inès KOWALSKA (AS)", "Inès", "KOWALSKA"),
    ("IDE accueil : Ludivine SCHWOERER          Signature", "Ludivine", "SCHWOERER"),
]


@pytest.mark.parametrize(("text", "first", "last"), CAPS_PAIRS)
def test_first_name_then_surname_in_capitals(detector: object, text: str, first: str, last: str) -> None:
    spans = found(detector, text)
    assert (first, "PRENOM") in spans
    assert (last, "NOM") in spans


NOT_CAPS_PAIRS = [
    "Bilan : HTA connue, IDE de nuit prévenue.",
    "Traitement par Doliprane MATIN et SOIR.",
    "Claire URGENT à rappeler",
    "patiente vue en CMRR puis en HDJ",
    "signe de HOFFMANN positif à droite",
]


@pytest.mark.parametrize("text", NOT_CAPS_PAIRS)
def test_capitals_that_are_no_surname(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- signatures by initials and surname (signature_initials.py) -------------------------------

SIGNATURES = [
    ("Lu et approuvé.\nSignature : P-Y Quéméneur\n", "P-Y", "Quéméneur"),
    ("le reste suit.\nGF Abgrall\n\n-----Message d'origine-----", "GF", "Abgrall"),
    ("Fait à Brest\nSignature : A.-S. Kerbrat", "A.-S.", "Kerbrat"),
    ("Signature : L. Thibierge\nVérifié par", "L.", "Thibierge"),
    ("Bien cordialement, E. Pouliquen – 02 98 00 00 00", "E.", "Pouliquen"),
]


@pytest.mark.parametrize(("text", "initials", "surname"), SIGNATURES)
def test_signatures_by_initials(detector: object, text: str, initials: str, surname: str) -> None:
    spans = found(detector, text)
    assert (initials, "PRENOM") in spans
    assert (surname, "NOM") in spans


NOT_SIGNATURES = [
    "I. Antécédents\nII. Histoire de la maladie",
    "A. Bilan biologique\n",
    "IDE Bilan fait",
    "Signature : RAS",
    "Cordialement, Le Service",
]


@pytest.mark.parametrize("text", NOT_SIGNATURES)
def test_headings_and_jobs_are_no_signatures(detector: object, text: str) -> None:
    assert persons(detector, text) == []
