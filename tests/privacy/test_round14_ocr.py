"""Round 14, OCR: words and numbers broken by one stray space in scanned texts, joined on the
repaired copy (ocr_fragments, ocr_number_breaks), OCR digits for double l, spans mapped back.

Every value below is invented.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.encoding_repair import repair
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.ocr_digits import repair_ocr
from avec.privacy.detection.ocr_fragments import join_fragments
from avec.privacy.detection.ocr_number_breaks import number_joins


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


@pytest.fixture(scope="module")
def lex(detector: Detector) -> Lexicons:
    return detector.lexicons


def _joined(text: str, lex: Lexicons, damaged: bool = True) -> str:
    result = join_fragments(text, lex, damaged)
    if result is None:
        return text
    joined, kept = result
    assert all(joined[i] == text[k] for i, k in enumerate(kept))  # only spaces dropped, offsets kept
    return joined


@pytest.mark.parametrize(
    ("broken", "whole"),
    [
        ("Vu par le Dr Clém ence Gauth ier ce jour.", "Dr Clémence Gauthier"),  # known names
        ("Adresse : rue des Lilas, 3 1 0 0 0 TOUL OUSE", "TOULOUSE"),  # a commune in capitals
        ("Lettre du 3 févr ier, patiente Mme Jos ette Ber nard.", "février, patiente Mme Josette Bernard"),
        ("Copie au Dr Qu elven (pneumologue).", "Dr Quelven"),  # a name slot: fragment + lower fragment
        ("PATIENT : KERZ ERHO Y annick", "KERZERHO"),  # capitals after a patient field
        ("Mme Ma rie-Hélène Rou x, née Lambert", "Mme Marie-Hélène Roux"),
        ("CENTRE MEDICAL D U PORT", "CENTRE MEDICAL DU PORT"),  # an article split in its letters
        ("Mme Ma rceline Dubois", "Mme Marceline Dubois"),  # a capitalised function word opening a name
        ("Prénom : G é rald", "Prénom : Gérald"),  # single letters are evidence too
    ],
)
def test_broken_words_are_joined_in_a_scanned_text(lex: Lexicons, broken: str, whole: str) -> None:
    assert whole in _joined(broken, lex)


@pytest.mark.parametrize(
    "prose",
    [
        "Il y a à peine deux jours, il est à la maison de la famille.",
        "Prise en charge en cours ; à voir en fin de semaine.",
        "Paracétamol 1 g x 4/j, 2 x 3 cp, 5 mg le soir.",
        "IRM à prévoir, FO OD normal, TA à 13/8.",  # acronyms never pieces
        "Vu par DR MARTIN PH et M. DUPONT JEAN.",  # two words in capitals after a title
        "Dr Wu a vu la patiente ; Dr Li dit que tout va bien.",  # short surnames before verbs
        "Biologiste : DR QUEMARD R. ; MME LE BRAS EP. CORRE",  # initials and abbreviations
        "Le Dr Keller est-il informé ? M. Weiss n'est pas là.",
        "GROUPE A POSITIF, HEPATITE B NEGATIVE, VITAMINE D BASSE",  # a letter after a word in capitals
        "SERVICE DE MEDECINE INTERNE - CHU DE NICE - UNITE B",
    ],
)
def test_ordinary_words_are_never_joined(lex: Lexicons, prose: str) -> None:
    assert _joined(prose, lex) == prose


def test_nothing_is_joined_without_a_mark_of_ocr(lex: Lexicons) -> None:
    typed = "Mme Jos ette Ber nard vue ce jour par le Dr Qu elven."
    assert join_fragments(typed, lex, damaged=False) is None  # no scan mark, no spaced digits
    faxed = "Télécopie reçue\n" + typed
    assert "Mme Josette Bernard" in _joined(faxed, lex, damaged=False)  # a fax mark and two broken words


@pytest.mark.parametrize(
    ("broken", "whole"),
    [
        ("né le 0 8/1 1/1 9 4 7 à Brest", "08/11/1947"),
        ("RDV le 2 3/0 9 à 10h", "23/09"),
        ("fax +33 2 9 8 4 4 1 2 3 3 merci", "+33298441233"),
        ("tél 0 6 7 1 2 2 4 4 9 0", "0671224490"),
        ("3 6 rue des Ajoncs 2 9 8 9 0 PLOUNEOUR", "36 rue des Ajoncs 29890 PLOUNEOUR"),
        ("courrier de nov embre 2 0 2 2", "2022"),
        ("le 1 4 mars", "14 mars"),
        ("1 8,  rue du Port", "18,  rue du Port"),
        ("enregistré 1 6/0 3/2 0 2 5 1 1 :4 2", "16/03/2025 1 1 :4 2"),  # the hour stays apart
    ],
)
def test_broken_numbers_are_joined_by_their_shape(broken: str, whole: str) -> None:
    drop = number_joins(broken)
    joined = "".join(ch for i, ch in enumerate(broken) if i not in drop)
    assert whole in joined


@pytest.mark.parametrize(
    "numbers",
    [
        "TO : OD 1 8 mmHg, OG 2 1 mmHg",  # measures
        "PREVISCAN 1 1/2 cp le soir",  # a dose: no two-digit day
        "Dents 3 6 , 3 7 et 4 6 extraites",
        "NIR 2 8 5 0 6 7 5 1 1 2 3 4 5 6 7",  # a NIR spelled digit by digit is no phone
        "Scores : 1 2 3 4 5 6 7 8 9 1 0",
    ],
)
def test_numbers_of_other_shapes_are_left_as_written(numbers: str) -> None:
    assert number_joins(numbers) == set()


def test_ocr_digits_for_double_l_and_initial_capital() -> None:
    text = "Dr TANGUY A1ain, 5 a11ée des Pins 29O0O, tél O2 98 4l 22 1O, contrôle le lO/Ol, Dr Gi11et ; HbA1c 7 %"
    fixed = repair_ocr(text)
    assert fixed is not None
    assert "Dr TANGUY Alain, 5 allée des Pins" in fixed
    assert "le 10/01" in fixed and "Dr Gillet" in fixed
    assert "HbA1c" in fixed  # a lab code keeps its digit


def test_detector_masks_the_broken_identifiers_as_written(detector: Detector) -> None:
    text = (
        "[Télécopie reçue le 0 3/0 2/2 0 2 5 – OCR]\n"
        "PATIENT : M. DEST RAUX Fern and   né le 0 7/1 1/1 9 4 8\n"
        "Adresse : 1 2 rue des Ajoncs 2 9 8 9 0 PLOU NEOUR\n"
        "Médecin traitant : Dr Qu elven. Épouse : Mme Jos ette Destraux.\n"
    )
    spans = detector.detect(text)
    covered = {text[s.start : s.end]: s.label for s in spans}
    for value in ("DEST RAUX", "Fern and", "Qu elven", "Jos ette"):
        assert any(value in c for c in covered), value
    assert any("0 7/1 1/1 9 4 8" in c for c in covered)
    fixed = repair(text, detector.lexicons)
    assert fixed is not None
    start = fixed.text.index("Quelven")
    a, b = fixed.original_bounds(start, start + len("Quelven"))
    assert text[a:b] == "Qu elven"
