"""Round 9 person rules: "de" after an ordinary noun is a preposition, not the particle of a
surname ("Visite de Marie Merlin"); a very usual first name before a word hardly ever given as a
first name comes first; an eponym right after a usual first name is a surname; a shortened first
name after the surname and a title ("Dr Morel Th."); Romanian letters inside names. Names are
invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, persons

# --- "de" opening a name after an ordinary noun is the preposition ------------------------------

PREPOSITION_DE = [
    ("Visite de Marie Merlin ce matin.", [("Marie", "PRENOM"), ("Merlin", "NOM")]),
    ("Courrier de Paul Martin reçu hier.", [("Paul", "PRENOM"), ("Martin", "NOM")]),
    ("Appel de MERLIN Marie ce jour.", [("MERLIN", "NOM"), ("Marie", "PRENOM")]),
    ("passage de Lucie Barrault à 14h.", [("Lucie", "PRENOM"), ("Barrault", "NOM")]),
    ("Message de Jean-Marc Dupuis pour le service.", [("Jean-Marc", "PRENOM"), ("Dupuis", "NOM")]),
    ("compte rendu de GARNIER Hélène transmis", [("GARNIER", "NOM"), ("Hélène", "PRENOM")]),
]


@pytest.mark.parametrize(("text", "expected"), PREPOSITION_DE)
def test_de_after_a_noun_is_a_preposition(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans
    assert not any(value.startswith(("de ", "du ")) for value, _ in spans)


PARTICLE_KEPT = [
    ("M. Jean de La Fontaine est venu.", ("de La Fontaine", "NOM")),
    ("Visite de Mme de La Tour.", ("de La Tour", "NOM")),
    ("rdv avec Marie de Lorme", ("de Lorme", "NOM")),
]


@pytest.mark.parametrize(("text", "pair"), PARTICLE_KEPT)
def test_particle_of_a_surname_stays(detector: object, text: str, pair: tuple[str, str]) -> None:
    assert pair in found(detector, text)


# --- a usual first name before a name hardly ever given as a first name ---------------------------

FIRST_NAME_FIRST = [
    ("Vu avec Marie Merlin.", [("Marie", "PRENOM"), ("Merlin", "NOM")]),
    ("Merlin Marie ce jour.", [("Merlin", "NOM"), ("Marie", "PRENOM")]),
    ("Mme Marie Merlin", [("Marie", "PRENOM"), ("Merlin", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), FIRST_NAME_FIRST)
def test_usual_first_name_order(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


# --- an eponym after a usual first name is a surname -------------------------------------------

EPONYM_SURNAMES = [
    ("avec l'infirmière de coordination (Céline Hoffmann, 03 83 59 84 61)", "Hoffmann"),
    ("appel de Paul Parkinson, voisin", "Parkinson"),
    ("Sophie Babinski passera demain.", "Babinski"),
]


@pytest.mark.parametrize(("text", "surname"), EPONYM_SURNAMES)
def test_eponym_after_first_name_is_surname(detector: object, text: str, surname: str) -> None:
    assert (surname, "NOM") in found(detector, text)


EPONYMS_KEPT = [
    "le signe de Hoffmann est positif à droite",
    "syndrome de Gilles de la Tourette connu",
    "maladie de Parkinson évoluée, score de Glasgow à 15",
    "réflexe de Babinski bilatéral",
]


@pytest.mark.parametrize("text", EPONYMS_KEPT)
def test_eponyms_stay(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- a shortened first name after the surname and a title -----------------------------------------

TITLE_SURNAME_INITIAL = [
    ("Accord du Dr Morel Th. (neurochir de garde)", [("Morel", "NOM"), ("Th.", "PRENOM")]),
    ("Dr Lefèvre Ch., chirurgien", [("Lefèvre", "NOM"), ("Ch.", "PRENOM")]),
    ("vu par Dr Martin Ph. ; RAS", [("Martin", "NOM"), ("Ph.", "PRENOM")]),
    ("Mme Nathalie G. a appelé", [("Nathalie", "PRENOM"), ("G.", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_SURNAME_INITIAL)
def test_surname_then_initial_after_title(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


# --- Romanian letters with a comma below ------------------------------------------------------

def test_romanian_letters_stay_inside_the_name(detector: object) -> None:
    spans = found(detector, "Vu avec Ștefan Popescu ce matin.")
    assert ("Ștefan", "PRENOM") in spans
    assert any(value == "Popescu" for value, _ in spans)
    values = [v for v, _ in found(detector, "Contact : conjoint M. Popescu Ionuț 07 52 33 19 84")]
    assert "Ionuț" in values


# --- Breton "c'h" in capitals, Kabyle "Aït" surnames ------------------------------------------

CAPITAL_SURNAMES = [
    ("Mandataire : Gaëlle LE FLOC'H, déléguée MJPM", "LE FLOC'H"),
    ("Mme KERC'HOZ Annie, aide à domicile", "KERC'HOZ"),
    ("Secrétariat : Kenza AÏT OUARAB.", "AÏT OUARAB"),
    ("Vu avec Karim Aït Belkacem hier", "Aït Belkacem"),
]


@pytest.mark.parametrize(("text", "surname"), CAPITAL_SURNAMES)
def test_whole_surname_is_masked(detector: object, text: str, surname: str) -> None:
    assert (surname, "NOM") in found(detector, text)


def test_verb_ait_stays(detector: object) -> None:
    assert persons(detector, "IL FAUT QU'IL AIT UN AVIS DU MEDECIN") == []
    assert persons(detector, "Bien qu'elle ait mangé, la glycémie reste basse.") == []


# --- a first name opening a sentence before what a member of staff does -------------------------

STAFF_VERBS = [
    ("Lina propose le groupe TCD à partir de février.", "Lina"),
    ("Suivi en HDJ. Marine propose un atelier cuisine.", "Marine"),
    ("Prise en charge. Yanis a vu la famille hier.", "Yanis"),
    ("Pierre remplace l'IDE de nuit ce soir.", "Pierre"),
]


@pytest.mark.parametrize(("text", "name"), STAFF_VERBS)
def test_first_name_before_a_staff_verb(detector: object, text: str, name: str) -> None:
    assert (name, "PRENOM") in found(detector, text)


NO_STAFF_NAME = [
    "Olive fait partie du repas thérapeutique.",
    "Note signale une chute dans la nuit.",
    "Colin fait partie des poissons autorisés.",
    "Suite propose par le service : retour à domicile.",
]


@pytest.mark.parametrize("text", NO_STAFF_NAME)
def test_ordinary_word_before_a_verb(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- lower-case doctors joined by "ou"/"et", hyphenated initials, dash signatures ---------------

SIGNED_OR_LISTED = [
    ("la fille souhaite parler au médecin (dr castagné ou dr Lemaire).", ("castagné", "NOM")),
    ("notif envoyée.\n\nJ-M. Guérin, IDE", ("J-M.", "PRENOM")),
    ("Vu par J-P. Martin ce jour", ("J-P.", "PRENOM")),
    ("rappeler sa fille. – tiphaine", ("tiphaine", "PRENOM")),
    ("rdv suivant : 04/12 10h.\n\n– claire m.", ("claire", "PRENOM")),
]


@pytest.mark.parametrize(("text", "pair"), SIGNED_OR_LISTED)
def test_signed_or_listed_names(detector: object, text: str, pair: tuple[str, str]) -> None:
    assert pair in found(detector, text)


NOT_SIGNED = [
    "vu (mme mieux) ce matin",
    "mme bien ou mme mal selon les jours",
    "- plaie propre\n- pansement refait",
    "douleur calmée. - morphine arrêtée",
    "– voir p.",
]


@pytest.mark.parametrize("text", NOT_SIGNED)
def test_no_name_in_ordinary_notes(detector: object, text: str) -> None:
    assert persons(detector, text) == []


def test_title_inside_hyphenated_initials(detector: object) -> None:
    assert ("Guérin", "NOM") in found(detector, "J-M. Guérin, IDE")
    assert ("Guérin", "NOM") in found(detector, "avec M. Guérin")


# --- staff user names signing notes ----------------------------------------------------------

LOGIN_SIGNATURES = [
    ("rdv pris le 11/01. – spetitjean\nsuite", "spetitjean"),
    ("10/06 06:45 [amartins] cible: sommeil — nuit calme", "amartins"),
    ("14/10/24 11h05 – CMS – AS : aklein\n\nappelante", "aklein"),
    ("prévenir le médecin\n\ntndiaye\n", "tndiaye"),
    ("fin. – cboulanger", "cboulanger"),
]


@pytest.mark.parametrize(("text", "login"), LOGIN_SIGNATURES)
def test_login_signs_a_note(detector: object, text: str, login: str) -> None:
    assert (login, "NOM") in found(detector, text)


NO_LOGIN = [
    "douleur calmée. – paracetamol",
    "10/06 06:45 [matin] cible : sommeil",
    "\nsurveillance\n",
    "AS : toilette faite",
    "pansement refait. – abattement",
]


@pytest.mark.parametrize("text", NO_LOGIN)
def test_ordinary_word_in_a_signing_place(detector: object, text: str) -> None:
    assert persons(detector, text) == []
