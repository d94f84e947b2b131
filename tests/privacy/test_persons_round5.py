"""Round 5 person rules: initials, "M." read as an initial, lower-case notes, headings and
vocabulary that are no names. Names, places and numbers are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked, persons

# --- two initials before a role or closing a line ---------------------------------------------

INITIAL_PAIRS = [
    (
        "Compte rendu validé.\n\nRédigé par H. B., éducatrice spécialisée – 04 70 11 22 33",
        [("H.", "PRENOM"), ("B.", "NOM")],
    ),
    ("Relu en équipe.\nSignatures : L. V. (cheffe de service) – les parents.", [("L.", "PRENOM"), ("V.", "NOM")]),
    ("Merci pour ton aide avec les devoirs. A bientôt. P. N.\n", [("P.", "PRENOM"), ("N.", "NOM")]),
    ("Visite faite le matin, rien à signaler – Y. D., IDE", [("Y.", "PRENOM"), ("D.", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), INITIAL_PAIRS)
def test_initial_pairs_signing_or_before_a_role(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


INITIAL_PAIR_NEGATIVES = [
    "Voir la note en bas de page. N. B. : prévoir un interprète\n",  # an abbreviation, not a person
    "Le dossier suit la classification A. B. de la HAS pour ce type de plaie.",  # no role, no line end
    "Séquence de prélèvements T. R. puis analyse.",
]


@pytest.mark.parametrize("text", INITIAL_PAIR_NEGATIVES)
def test_initial_pairs_need_a_role_or_a_signature_place(detector: object, text: str) -> None:
    assert not {"N.", "B.", "A.", "T.", "R."} & set(masked(detector, text))


# --- "M." as a first name's initial ------------------------------------------------------------

M_INITIALS = [
    "Point fait avec la famille.\n\nM. Quintard, puéricultrice de secteur – 03 22 45 67 89",
    "Double contrôle : signé J. Aubertin / M. Lacombe (relève du soir).",
    "Identité vérifiée le 04/05/2024 par M. Fleuriot (CIV) ; bracelet posé.",
    "Jeu 12/09 21h30 – IDE astreinte M. Ravenel\nAppel du fils.",
]


@pytest.mark.parametrize("text", M_INITIALS)
def test_m_read_as_an_initial(detector: object, text: str) -> None:
    assert ("M.", "PRENOM") in found(detector, text)


M_TITLES = [
    "Entretien avec M. Fleuriot, agent de sécurité, le 3 mai.",  # a man's role: "Monsieur"
    "Traduit en arabe par M. Nabil HADDADI (cousin).",  # a full name after the title
    "Appel IDE d'astreinte M. Iker ETCHEBARNE à 2h10.",
    "Consultation de M. Ravenel pour douleur thoracique.",
]


@pytest.mark.parametrize("text", M_TITLES)
def test_m_stays_a_title(detector: object, text: str) -> None:
    assert ("M.", "PRENOM") not in found(detector, text)


# --- lower-case notes --------------------------------------------------------------------------

LOWER_CASES = [
    ("jeunes présents : mathis r. (10 ans) et le groupe", [("mathis", "PRENOM"), ("r.", "NOM")]),
    ("encadrants : m-c (educ spé) et la stagiaire", [("m-c", "PRENOM")]),
    ("fiche rédigée par b. castagnet – foyer", [("b.", "PRENOM"), ("castagnet", "NOM")]),
    ("relève faite\n\nide nuit ludovic / as solène\n", [("ludovic", "PRENOM"), ("solène", "PRENOM")]),
    ("ch 7 mme labastide : dort, rien à signaler", [("labastide", "NOM")]),
    ("mr jean-marc pouget, 64 a, adressé pour bilan", [("jean-marc", "PRENOM"), ("pouget", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), LOWER_CASES)
def test_lower_case_names(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


LOWER_NEGATIVES = [
    ("plaie propre (2 ans de suivi) et pansement refait", ["propre"]),
    ("tu as raison pour la toilette", ["raison"]),
    ("mme fatiguée, repos conseillé", ["fatiguée"]),
    ("ch 3 mme dort paisiblement", ["dort", "paisiblement"]),
    ("a-b (voir schéma) pour la pose", ["a-b"]),
]


@pytest.mark.parametrize(("text", "words"), LOWER_NEGATIVES)
def test_lower_case_words_stay(detector: object, text: str, words: list[str]) -> None:
    assert not set(words) & set(masked(detector, text))


# --- headings, vocabulary ----------------------------------------------------------------------

NOT_NAMES = [
    ("Dossier reçu.\n\nA. IDENTITÉ DU DEMANDEUR\nNom : X", ["A.", "IDENTITÉ"]),
    ("Adresse complète.\n\nC. PROJET DE VIE – ATTENTES\nTexte libre.", ["C.", "PROJET"]),
    ("Bilan fait.\n\n3. Santé\nAsthme bien contrôlé sous traitement de fond depuis 2021.", ["Santé"]),
    ("Objet : point.\n\nSanté\nAucun problème de santé signalé par la famille lors de la visite.", ["Santé"]),
    ("NODULE DE 12 MM. ADÉNOPATHIE HILAIRE DE 9 MM.", ["ADÉNOPATHIE"]),
    ("Diplégie spastique, GMFCS III, MACS II.", ["GMFCS", "MACS"]),
    ("Maintien en IME au titre de l'amendement Creton jusqu'à 21 ans.", ["Creton"]),
    ("MÉDECIN TRAITANT : IDEM\nMOTIF : chute", ["IDEM"]),
    ("D : douleur genou.\nA : Oxycodone LI 5 mg avant la kiné.", ["Oxycodone", "LI"]),
    ("Campagne grippe/Covid à domicile.\nRetour à la CPTS en fin de mois.", ["Covid", "CPTS"]),
    ("Mme Ferrandon Aude, 52 ans, cholécystite → Gastro (lit 9 à 14h)\nMutation Pneumo demain.", ["Gastro", "Pneumo"]),
    ("Plan d'aide.\n\nD. AIDANTS\nLa voisine passe chaque soir.", ["D.", "AIDANTS"]),
]


@pytest.mark.parametrize(("text", "words"), NOT_NAMES)
def test_headings_and_vocabulary_are_no_names(detector: object, text: str, words: list[str]) -> None:
    assert not set(words) & set(persons(detector, text))


STILL_NAMES = [
    ("Visite du jour.\nSandrine Wolff, IDE\nSuite demain.", ["Wolff"]),
    ("Mes salutations.\n\nGisèle Wolff née Brunner\n3 rue X", ["Wolff"]),
    ("Note transmise.\n\nOcéane\n", ["Océane"]),
    ("Relève faite par le Dr Girardot + pharmacie de garde.", ["Girardot"]),
    ("Plan d'aide.\n\nJ. DURAND\n", ["DURAND"]),
    ("Représentants légaux : Heberden Sophie et Marc Aubry", ["Heberden", "Sophie"]),
]


@pytest.mark.parametrize(
    "text",
    [
        "Arthrose digitale avec nodosités d'Heberden. Élodie vient demain.",
        "Nodules d'Heberden, douleur modérée.",
    ],
)
def test_eponyms_in_medical_context_stay(detector: object, text: str) -> None:
    assert not {"Bouchard", "Heberden"} & set(masked(detector, text))


def test_field_value_stops_before_the_next_label(detector: object) -> None:
    text = "Nom : FERRANDIS  Prénom : Anne-Sophie  Lien : tante\nTél : 06 12 34 56 78"
    spans = found(detector, text)
    assert ("Anne-Sophie", "PRENOM") in spans
    assert "Lien" not in " ".join(masked(detector, text))


def test_lower_case_surname_found_again_after_a_title(detector: object) -> None:
    text = "ch 4 mme labastide : dort\nla fille de mme labastide a appelé à 22h"
    assert persons(detector, text) == ["labastide", "labastide"]


@pytest.mark.parametrize(("text", "words"), STILL_NAMES)
def test_names_next_to_these_layouts_still_found(detector: object, text: str, words: list[str]) -> None:
    assert set(words) <= set(persons(detector, text))
