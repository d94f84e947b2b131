"""Round 12 person rules: logins where software and chats print them (login_layouts.py), initials
of research and form records (initials_fields.py), OCR-damaged names after a title
(title_ocr_names.py), slots of lower-case notes (lower_note_authors.py), persons named by a slot of
ordinary writing (person_mentions.py), ranks after an elision, signatures after "Signature de ...".
Names are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, persons

# --- logins in chat handles, signed record lines, desk labels, brackets (login_layouts.py) --------

LOGINS = [
    ("[09:41] g.quelennec (IDE coord.) : un lit en chir ?\n", "g.quelennec"),
    ("[14:02] t.ar-gall : je regarde\n", "t.ar-gall"),
    ("[mer. 12/03 08:10] hmoysan : ok pour moi\n", "hmoysan"),
    ("12/03/2025 06:40 – PKERVRAN (AMP)\nCIBLE : TOILETTE", "PKERVRAN"),
    ("12/03/2025 22:15 – GAELTROADEC (AS DE NUIT)\nCIBLE : SOMMEIL", "GAELTROADEC"),
    ("ARM : TQUINIOU          MR : DR X", "TQUINIOU"),
    ("SAISIE : JBOSCHET / MODIF : RPENVERN 02/02/2025\n", "RPENVERN"),
    ("EXTRACTION DU 04/04 – UTILISATEUR YLOZACH\nN;NOM", "YLOZACH"),
    ("REMARQUE SECRETARIAT (GMORVEZEN) : A RAPPELER", "GMORVEZEN"),
    ("secrétariat : nkerhoas\n\n1. Dossier", "nkerhoas"),
    ("19:30 – AS nuit (ljosette)\nmme X a dormi", "ljosette"),
    ("De : Awena Pichavant [apichavant]\nÀ : service", "apichavant"),
]


@pytest.mark.parametrize(("text", "login"), LOGINS)
def test_logins_in_their_slots(detector: object, text: str, login: str) -> None:
    assert (login, "NOM") in found(detector, text)


NOT_LOGINS = [
    ("[10:02] rappel : prévoir le bilan\n", "rappel"),
    ("De : Nathalie Lemoine (aidante)\nObjet : visite", "aidante"),
    ("secrétariat ortho joignable le matin", "ortho"),
    ("SAISIE : SYSTEME 01/02/2025", "SYSTEME"),
    ("12:40 – IDE (AS) : RAS", "IDE"),
    ("MODIF : AUCUNE\n", "AUCUNE"),
    ("ventilation (masque) puis repos", "masque"),
]


@pytest.mark.parametrize(("text", "word"), NOT_LOGINS)
def test_words_in_login_slots_stay(detector: object, text: str, word: str) -> None:
    assert word not in [value for value, _ in found(detector, text)]


# --- initials of research and form records (initials_fields.py) ----------------------------------

INITIALS = [
    ("Patient : 04-017   Initiales (N/P) : K.D.   Sexe : F", [("K.", "NOM"), ("D.", "PRENOM")]),
    ("Sujet : 02-0042   Initiales : FMV   Âge : 66", [("F", "PRENOM"), ("MV", "NOM")]),
    ("la patiente 210-004 (initiales B.E.) viendra le 3/4", [("B.", "NOM"), ("E.", "PRENOM")]),
    ("patient 01-009 (init. R-G, 71 ans) inclus hier", [("R", "NOM"), ("G", "PRENOM")]),
    ("Initiales (P/N) : H.W.", [("H.", "PRENOM"), ("W.", "NOM")]),
    ("Nom (3 premières lettres) : PLO     Prénom (1re lettre) : T", [("PLO", "NOM"), ("T", "PRENOM")]),
    ("  Date/visa : 03/03/2025 MCB\n", [("MC", "PRENOM"), ("B", "NOM")]),
    ("elle l'a confirmé au téléphone. G.H. »\n", [("G.", "PRENOM"), ("H.", "NOM")]),
    ("(vu au domicile). » – F. R., le 02/05/2025", [("F.", "PRENOM"), ("R.", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), INITIALS)
def test_initials_of_records(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for item in expected:
        assert item in spans


NOT_INITIALS = [
    "Initiales : NON RENSEIGNÉES",
    "visa : OK",
    "Date/visa : 03/03/2025 IDE",
    "initiales du médecin à apposer en bas de page",
]


@pytest.mark.parametrize("text", NOT_INITIALS)
def test_no_initials_without_letters(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- OCR-damaged names after a title (title_ocr_names.py) ----------------------------------------

OCR_NAMES = [
    ("Madame le Docteur K E R B O U L Gaëlle\n3 rue X", [("K E R B O U L", "NOM"), ("Gaëlle", "PRENOM")]),
    ("rééducation (Mme P L O U H I N E C, orthophoniste)", [("P L O U H I N E C", "NOM")]),
    ("Cs de suivi DrQUIGUER le 12/05 à 9h", [("QUIGUER", "NOM")]),
    ("Concerne :MmeTANGUAY-RIOU née X", [("TANGUAY-RIOU", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), OCR_NAMES)
def test_ocr_names_after_titles(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for item in expected:
        assert item in spans


NOT_OCR_NAMES = [
    "score A B C D à calculer",
    "Dr IRM à demander",
    "voir avec le DrIRM",
]


@pytest.mark.parametrize("text", NOT_OCR_NAMES)
def test_spaced_capitals_without_title(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- slots of lower-case notes (lower_note_authors.py) -------------------------------------------

LOWER_NOTES = [
    ("mar 11/3 8h20 gwenola IDE : pansement refait\n", [("gwenola", "PRENOM")]),
    ("sam 15/3 ludovic : passage du soir\n", [("ludovic", "PRENOM")]),
    ("lit 6 - maëlys 23a, tc léger\n", [("maëlys", "PRENOM")]),
    ("lit 3 - mr le hir 81a, chute\n", [("le hir", "NOM")]),
    ("appel reçu par le dr n'dongo à 2h.", [("n'dongo", "NOM")]),
    ("14h coordo (annaïg p.) : bilan ok\n", [("annaïg", "PRENOM"), ("p.", "NOM")]),
    ("\nk. ropars, assistante sociale\n", [("k.", "PRENOM"), ("ropars", "NOM")]),
    ("transmissions – pt kerdoncuff yvonne – domicile\n", [("kerdoncuff", "NOM"), ("yvonne", "PRENOM")]),
    ("régulation : parm : solenn / yanis\n", [("solenn", "PRENOM"), ("yanis", "PRENOM")]),
]


@pytest.mark.parametrize(("text", "expected"), LOWER_NOTES)
def test_lower_case_note_slots(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for item in expected:
        assert item in spans


NOT_LOWER_NOTES = [
    "lun 3/2 9h40 rappel : labo\n",
    "mme d'accord pour la sortie",
    "le dr m'a rappelé à 14h",
    "lit 4 - tc 19a\n",
    "(voir p.) : suite",
]


@pytest.mark.parametrize("text", NOT_LOWER_NOTES)
def test_lower_case_words_in_note_slots(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- persons named by a slot of ordinary writing (person_mentions.py), ranks, signatures ----------

MENTIONS = [
    ("Visite : la famille LE CORVEC est venue dimanche.", [("LE CORVEC", "NOM")]),
    ("deux Louis à l'étage (Kermarrec ch 12 et Gourvennec ch 4).", [("Kermarrec", "NOM"), ("Gourvennec", "NOM")]),
    ("3. dossier 22-118 – BOUCHERON épouse KADDOURI Naïma", [("BOUCHERON", "NOM")]),
    ("Objet : RE: suivi\n\nBérénice,\noui c'est noté.", [("Bérénice", "PRENOM")]),
    ("installé en 214 (M. BONSOIR Jean-Marc) après le repas", [("BONSOIR", "NOM"), ("Jean-Marc", "PRENOM")]),
    ("équipiers : Cal TOURNEMINE, Sap X.", [("TOURNEMINE", "NOM")]),
    ("Réquisition de l'OPJ KERANGUEVEN, brigade de X", [("KERANGUEVEN", "NOM")]),
    ("Signature de la résidente : A-M Quintric\n", [("A-M", "PRENOM"), ("Quintric", "NOM")]),
    ("Bien à vous,\nNolwenn Le Bé\nPôle adultes", [("Le Bé", "NOM")]),
    ("PV25-011;03/02/2025;PHARMACO;O;KERGOAT P (IDE)\n", [("KERGOAT", "NOM"), ("P", "PRENOM")]),
    ("MV25-004;N;LE DANTEC R\nMV25-005;O;X", [("LE DANTEC", "NOM"), ("R", "PRENOM")]),
    ("RESIDENT : PRIGENT EP. LOZAC'H MAUD   CH 12", [("PRIGENT", "NOM")]),
    ("9h-10h  Lilou T.          Maxence K. (GS)\n", [("T.", "NOM"), ("K.", "NOM")]),
    ("Objet : moussa keita ch 7\n", [("moussa", "PRENOM"), ("keita", "NOM")]),
    ("jeu 6/3 7h10 claire IDE : glycémie faite\n", [("claire", "PRENOM")]),
    ("boîte aux lettres au nom de KERHERVE (nom d'usage)", [("KERHERVE", "NOM")]),
    ('- mme Quémeneur "Nénette" ch 3 : a bien mangé', [("Nénette", "PRENOM")]),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_persons_in_writing_slots(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for item in expected:
        assert item in spans


NOT_MENTIONS = [
    "la famille d'accueil a appelé",
    "X;VITAMINE D;HEPATITE B;TYPE A\n",
    "arrêté au nom de la Loi",
    "| 1 | LU ME VE | FAV D | TAXI |\n",
    "Cordialement,\nle service",
    "Merci,\nà demain",
    "médecin traitant (M. DUPUIS Jean) : voir",  # the title rule's own span, checked below
]


@pytest.mark.parametrize("text", NOT_MENTIONS[:-1])
def test_no_person_in_ordinary_slots(detector: object, text: str) -> None:
    assert persons(detector, text) == []


def test_title_caps_first_name_keeps_labels(detector: object) -> None:
    spans = found(detector, NOT_MENTIONS[-1])
    assert ("DUPUIS", "NOM") in spans
    assert ("Jean", "PRENOM") in spans


def test_abbreviated_epouse_is_no_initial(detector: object) -> None:
    values = [value for value, _ in found(detector, "RESIDENT : PRIGENT EP. LOZAC'H MAUD   CH 12")]
    assert "EP." not in values
    assert "PRIGENT" in values
