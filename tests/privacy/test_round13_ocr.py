"""Round 13, OCR: letter-spaced words joined on a copy before the rules, spans mapped back exactly.

Every value below is invented.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.encoding_repair import repair
from avec.privacy.detection.letter_spacing import collapse_letter_spacing


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("spaced", "joined"),
    [
        ("D r  L E F R A N C   B e r t r a n d", "Dr LEFRANC Bertrand"),
        ("4 7  r u e  d e s  T i l l e u l s", "47 rue des Tilleuls"),
        ("2 9 2 0 0  Q U I M P E R - C O R E N T I N", "29200 QUIMPER-CORENTIN"),
        ("Nom :  P E L L E T I E R        Prénom : S o l a n g e", "Nom : PELLETIER        Prénom : Solange"),
        ("C E N T R E   H O S P I T A L I E R   D ' A R L E S", "CENTRE HOSPITALIER D'ARLES"),
        ("Née le : 1 7 / 0 3 / 1 9 4 2  à  L o r i e n t", "Née le : 17/03/1942 à Lorient"),
        ("Prescripteur : D r  G  A  R  N  I  E  R    B .", "Prescripteur : Dr GARNIER B."),  # two spaces apart
        ("Chirurgien : D r  T O U R E  Év e l y n e", "Chirurgien : Dr TOURE Évelyne"),  # partly spaced
        ("C M P  V a l m o n t", "CMP Valmont"),
    ],
)
def test_letter_spaced_words_are_joined(spaced: str, joined: str) -> None:
    result = collapse_letter_spacing(spaced)
    assert result is not None
    text, kept = result
    assert text == joined
    assert all(text[i] == spaced[k] for i, k in enumerate(kept))


@pytest.mark.parametrize(
    "prose",
    [
        "Il y a à peine deux jours, douleur G et D.",  # one-letter words of French
        "Paracétamol 1 g x 4/j, puis 2 à 3 fois par jour, RDV à 9 h 30.",  # doses and times
        "Réponses : a) b) c) ; bilan à J1 J14 ; abcès de 3 x 2 cm.",
        "CRP dosée : la C R P est à 12, V S à 30.",  # an acronym read letter by letter: no vowel
        "Signé A. M.-C., infirmière.",
        "Grille :  S  T  C  H\nLundi     C  C  C  B",  # grades two spaces apart
        "Mme Josiane Garreau, vue à domicile.",
        "Née le 1 7 / 0 3 / 1 9 4 2",  # a spaced date alone: read by the date rules as written
    ],
)
def test_ordinary_single_letters_are_left_alone(prose: str) -> None:
    assert collapse_letter_spacing(prose) is None


def test_short_runs_join_only_in_a_spaced_text_and_never_doses() -> None:
    text = "D r  M O R V A N  A l i x\nTraitement : 1 g x 3/j, 2 à 3 prises ; il y a un mois.\nTél. 0 6 1 1 2 2 3 3 4 4"
    result = collapse_letter_spacing(text)
    assert result is not None
    joined = result[0]
    assert "Dr MORVAN Alix" in joined
    assert "1 g x 3/j, 2 à 3 prises ; il y a un mois" in joined  # doses and prose kept as written
    assert "0611223344" in joined  # digit runs join anywhere in a spaced text


def test_repair_maps_every_joined_word_back_to_its_spaced_letters() -> None:
    text = "FranÃ§ois  L E G A L L   M a ë l l e"  # mojibake and letter spacing together
    fixed = repair(text)
    assert fixed is not None
    assert fixed.text == "François LEGALL Maëlle"
    for word, original in (("François", "FranÃ§ois"), ("LEGALL", "L E G A L L"), ("Maëlle", "M a ë l l e")):
        start = fixed.text.index(word)
        a, b = fixed.original_bounds(start, start + len(word))
        assert text[a:b] == original


def test_detector_masks_the_spaced_letters_exactly(detector: Detector) -> None:
    text = (
        "[Document numérisé – OCR]\n\nD r  L E F R A N C   B e r t r a n d\nMédecine générale\n"
        "4 7  r u e  d e s  T i l l e u l s\n2 9 2 0 0  B R E S T\n\n"
        "Nom :  P E L L E T I E R        Prénom : S o l a n g e\nNé(e) le : 1 7 / 0 3 / 1 9 4 2\n"
    )
    found = _found(detector, text)
    assert found.get("L E F R A N C") == "NOM"
    assert found.get("B e r t r a n d") == "PRENOM"
    assert found.get("2 9 2 0 0") == "ZIP"
    assert found.get("B R E S T") == "VILLE"
    assert found.get("P E L L E T I E R") == "NOM"
    assert found.get("S o l a n g e") == "PRENOM"
    assert "4 7  r u e  d e s  T i l l e u l s" in found
    assert "1 7 / 0 3 / 1 9 4 2" in found


def test_detector_leaves_doses_and_eponyms_in_a_spaced_text(detector: Detector) -> None:
    text = "D r  L E F R A N C   B e r t r a n d\nMaladie de Parkinson, lévodopa 100 mg 3 x / j, Doliprane 1 g à 8 h."
    found = _found(detector, text)
    for word in ("Parkinson", "lévodopa", "Doliprane", "100 mg", "1 g", "8 h"):
        assert not any(word in masked for masked in found), word


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("appel de sa nièce MmeRivoalAnaïs.", "appel de sa nièce Mme Rivoal Anaïs."),
        ("ENMG (DrBellanger, Vannes)", "ENMG (Dr Bellanger, Vannes)"),
        ("Signature : T.Quéméner", "Signature : T. Quéméner"),
        ("Patient:M.Thibaut Carrel", "Patient:M. Thibaut Carrel"),
    ],
)
def test_names_glued_to_a_title_or_an_initial_are_split(glued: str, split: str) -> None:
    fixed = repair(glued)
    assert fixed is not None
    assert fixed.text == split
    assert fixed.original_bounds(0, len(fixed.text)) == (0, len(glued))


@pytest.mark.parametrize(
    "text",
    [
        "Écrire à L.Rivoal@chu-brest.fr ou www.Santé.fr",  # addresses
        "PrEP débutée, recherche MeSH, DrKERJEAN",  # acronyms; capitals are title_ocr_names' job
        "Staphylococcus aureus, E. coli, N.B. rien",
    ],
)
def test_glued_looking_words_that_are_not_names_stay(text: str) -> None:
    fixed = repair(text)
    assert fixed is None or fixed.text == text


def test_glued_names_are_masked_as_written(detector: Detector) -> None:
    text = "Appel de sa nièce MmeRivoalAnaïs ce matin. Avis ENMG (DrBellanger) demandé."
    found = _found(detector, text)
    assert found.get("Rivoal") == "NOM"
    assert found.get("Anaïs") == "PRENOM"
    assert found.get("Bellanger") == "NOM"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("CENTRE H0SPITALIER DE L0RIENT", "CENTRE HOSPITALIER DE LORIENT"),
        ("0bservations : RAS", "Observations : RAS"),
        ("Hôpita1 de la Pitié", "Hôpital de la Pitié"),
    ],
)
def test_ocr_digits_in_words_become_letters(damaged: str, expected: str) -> None:
    text = f"Né le O4/O7/l958, vu le l2/O3/2O24. {damaged}"  # a text with the marks of OCR damage
    fixed = repair(text)
    assert fixed is not None
    assert fixed.text.endswith(expected)


def test_zeros_in_codes_and_clean_texts_stay() -> None:
    assert repair("CENTRE H0SPITALIER, lot AB0CD 120") is None  # no OCR damage elsewhere: untouched
    fixed = repair("Né le O4/O7/l958, vu le l2/O3/2O24, lot 2024 et code 10B0 ; T0 puis T1.")
    assert fixed is not None
    assert "10B0" in fixed.text and "T0" in fixed.text


def test_a_germ_glued_to_its_genus_initial_is_no_name() -> None:
    assert repair("Culture : S.Aureus sensible à l'oxacilline, E.Coli BLSE.") is None


def test_words_in_capitals_count_as_ocr_damage_and_are_repaired() -> None:
    text = "CLlNIQUE SAINT-V1NCENT\nNom : BERTlN, vu le l4/O2/2026 à MONTB0ZON."
    fixed = repair(text)
    assert fixed is not None
    assert fixed.text == "CLINIQUE SAINT-VINCENT\nNom : BERTIN, vu le 14/02/2026 à MONTBOZON."


def test_staging_and_virus_codes_stay_in_a_damaged_text() -> None:
    fixed = repair("Vu le l4/O2/2O26 pour pT1N0M0 ; grippe H1N1 ; CLlNIQUE DU PARC.")
    assert fixed is not None
    assert "pT1N0M0" in fixed.text and "H1N1" in fixed.text


def test_double_spaces_between_words_narrow_only_in_a_scanned_text() -> None:
    scanned = "Vu le l4/O2/2O26.\nDomicile :  8 ,  rue  du  Vieux  Moulin   29OOO   QUIMPER"
    fixed = repair(scanned)
    assert fixed is not None
    assert "8 , rue du Vieux Moulin   29000   QUIMPER" in fixed.text  # columns of three spaces stay
    start = fixed.text.index("rue du Vieux Moulin")
    a, b = fixed.original_bounds(start, start + len("rue du Vieux Moulin"))
    assert scanned[a:b] == "rue  du  Vieux  Moulin"
    # A typed text with double spaces (a fixed-width table) is not touched.
    assert repair("NOM  PRENOM  VILLE  DATE\nRIOU  Anne  Brest  12/03/2024") is None


def test_detector_reads_an_address_with_double_spaces_in_a_scanned_text(detector: Detector) -> None:
    text = "Vu le l4/O2/2O26 et le l8/O2/2O26.\nMme Odile Quéré\n8 ,  rue  du  Vieux  Moulin   29OOO   QUIMPER"
    found = _found(detector, text)
    assert any("rue  du  Vieux  Moulin" in k and v == "ADRESSE" for k, v in found.items()), found
