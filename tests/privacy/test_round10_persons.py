"""Round 10 person rules: first names in the slots of hurried notes and social-work narratives
(names joined by "+", after "par", after a possessive kinship word, before a school class or a short
age, opening a sentence before a verb, after the school), logins after a clock, signatures by
initials. Names are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, persons

# --- first names in person slots (person_slots.py) ------------------------------------------------

SLOTS = [
    ("équipe de nuit : gaëlle (as) + wilfried (ash)", [("wilfried", "PRENOM")]),
    ("relève faite (annabelle + youcef) à 7h", [("annabelle", "PRENOM"), ("youcef", "PRENOM")]),
    ("Nadège + Coralie (accueil)", [("Nadège", "PRENOM"), ("Coralie", "PRENOM")]),
    ("douche faite par wilfried\n- linge", [("wilfried", "PRENOM")]),
    ("trouvé au sol par J-M ce matin", [("J-M", "PRENOM")]),
    ("sa maman dit que son papa jordan rentre tard", [("jordan", "PRENOM")]),
    ("rentrée ok pr souleymane (4e) et aïcha (CM1).", [("souleymane", "PRENOM"), ("aïcha", "PRENOM")]),
    ("enfants : yanis 14a collège, ilyes 8a suivi en cmp", [("ilyes", "PRENOM")]),
    ("- petit noam girardot (2 ans) : otite", [("noam", "PRENOM"), ("girardot", "NOM")]),
    ("Le frère montre ses devoirs. Souleymane pas là (foot).", [("Souleymane", "PRENOM")]),
    ("Lina va mieux. Ilyes est suivi au CMPP.", [("Ilyes", "PRENOM")]),
    ("nous appellerons l'école de Noam et le médecin", [("Noam", "PRENOM")]),
    ("[02/03 07:10] Lucie B.: bjr Tiphaine je suis en retard", [("Tiphaine", "PRENOM")]),
    ("réserve à compléter !!\n\nmaëlle k.\n", [("maëlle", "PRENOM"), ("k.", "NOM")]),
    ("visite à domicile – 14h – puér. a. kerhoas – centre pmi", [("a.", "PRENOM"), ("kerhoas", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), SLOTS)
def test_first_names_in_person_slots(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


NOT_NAMES = [
    "score de Glasgow + Babinski",
    "pansement fait par infirmière de jour",
    "prise en charge par rapport au risque",
    "son papa travaille de nuit",
    "son fils vient demain matin",
    "Alpha est augmentée. Gamma est normale.",
    "Parkinson est évolué",
    "l'école de Saint-Malo et la mairie",
    "revoir dans 2 ans, contrôle",
    "rentrée en 5e (CM2 redoublé)",
    "l'école Jules Ferry",
    "Prévoir CRP + NFS demain.",
    "Merci Docteur pour tout.",
    "Bonjour Madame, je reviens vers vous.",
    "à revoir\n\npour info j.\n",
    "ide a. prendre le relais",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_ordinary_words_stay(detector: object, text: str) -> None:
    assert [v for v in persons(detector, text) if v not in ("Jules", "Ferry")] == []


# --- logins signing a care log line (login_signatures.py) ------------------------------------------

LOGINS = [
    ("03/02/2024 09:20 – gtanguy (Dr TANGUY Gilles)\nExamen.", "gtanguy"),
    ("04/02/2024 22:40 – rkervella (IDE) : douleur 3/10", "rkervella"),
    ("05/02/2024 05:10 – ttranvan (IDE nuit) : calme", "ttranvan"),
    ("doublon corrigé le 12/03 par nlouarn. à revoir", "nlouarn"),
    ("12/03 10:05 [mplouzane] cible: alimentation", "mplouzane"),
]


@pytest.mark.parametrize(("text", "login"), LOGINS)
def test_logins_signing_log_lines(detector: object, text: str, login: str) -> None:
    assert (login, "NOM") in found(detector, text)


NOT_LOGINS = [
    "08:00 – transmission (IDE) : ras",
    "traité par amoxicilline.",
    "geste fait par spécialiste.",
    "10:30 – scanner (urgent) : fait",
    "12/03 10:05 [absent] cible: repas",
]


@pytest.mark.parametrize("text", NOT_LOGINS)
def test_words_in_login_places_stay(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- signatures, names listed with a job, compound given names ------------------------------------
# (person_signatures.py, initial_signatures.py)

SIGNED = [
    ("à transmettre au juge avant le 03/02 (L. G.)\n", [("L.", "PRENOM"), ("G.", "NOM")]),
    ("Identité contrôlée avec le patient.\n— M. Kerbrat\n\nSignature :", [("M.", "PRENOM")]),
    ("Vous me direz qui vient demain ?\nJL Orsoni\n", [("JL", "PRENOM"), ("Orsoni", "NOM")]),
    ("Le fils a été appelé.\nAG\n\n-----Message d'origine-----\nDe : service", [("AG", "PRENOM")]),
    ("je l'envoie.\nSolène Kerjean, IDE\n\nLe lun. 3 juin", [("Solène", "PRENOM"), ("Kerjean", "NOM")]),
    ("EN CAS DE BESOIN : IDE PLOUGASTEL NATHALIE, POSTE 4512", [("PLOUGASTEL", "NOM"), ("NATHALIE", "PRENOM")]),
    ("Intervenants :\n- LE GOFF Tanguy, ergothérapeute\n", [("LE GOFF", "NOM")]),
    ("- 2405001122 – PHAM Thanh Tùng – UHCD", [("PHAM", "NOM"), ("Thanh Tùng", "PRENOM")]),
    ("épouse : Mme DAO née HOANG Thi Lan, 80 ans", [("Thi Lan", "PRENOM")]),
    ("grand-mère : dang thi anh, 70a", [("dang", "NOM"), ("thi anh", "PRENOM")]),
    ("Mme PEREIRA née CARVALHO Ana da Conceição, née le 01/02/1960", [("Ana da Conceição", "PRENOM")]),
    ("Validé par M. Guivarch, biologiste\n", [("M.", "PRENOM")]),
]


@pytest.mark.parametrize(("text", "expected"), SIGNED)
def test_signatures_and_listed_names(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


NOT_SIGNED = [
    ("Résultats revus.\nOK\n", "OK"),
    ("Le fils est venu.\nRAS\n", "RAS"),
    ("le prêt consenti par M. Marchand. Il rembourse.", "M."),
    ("vêtements préparés par M. Perrier | 1/j", "M."),
    ("Patient : M. Tran Van Minh, 70 ans", "Tran Van Minh"),
    ("Intervenants :\n- SSIAD Rose, passage le matin\n", "SSIAD"),
    ("Annie Ernaux, écrivain, citée en atelier", "Ernaux, écrivain"),
]


@pytest.mark.parametrize(("text", "value"), NOT_SIGNED)
def test_words_in_signature_places_stay(detector: object, text: str, value: str) -> None:
    assert value not in [v for v, _ in found(detector, text)]


# --- an elided ordinary word after a care job is no surname (person_contexts.py) --------------------

ELIDED = ["CADRE D'ASTREINTE : voir planning", "appeler l'ide d'astreinte ce soir", "IDE D'ACCUEIL : poste 12"]


@pytest.mark.parametrize("text", ELIDED)
def test_elided_words_after_a_job_stay(detector: object, text: str) -> None:
    assert persons(detector, text) == []


def test_surname_after_a_job_still_found(detector: object) -> None:
    assert ("Kerhervé", "NOM") in found(detector, "IDE Kerhervé vue ce jour")
