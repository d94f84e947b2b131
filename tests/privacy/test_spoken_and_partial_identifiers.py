"""Table-driven tests of the format families: dates and phones spelled out in words, NIR of the
overseas départements, record-number labels, partial dates of chats and headers.

Every sentence here was written for these tests (other names, places and numbers than the
held-out sets); each positive case has a negative neighbour of the same shape.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.patterns import nir_key


def found(detector: Detector, text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if s.label == label]


def masked(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start : s.end]) for s in detector.detect(text)]


# --- dates spelled out ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("vue en consultation le quatorze février virgule", "DATE", "quatorze février"),
        ("opérée en avril deux mille dix-neuf au bloc", "DATE", "avril deux mille dix-neuf"),
        (
            "rendez-vous le trente et un janvier deux mille vingt-sept",
            "DATE",
            "trente et un janvier deux mille vingt-sept",
        ),
        ("le premier mai mille neuf cent soixante", "DATE", "premier mai mille neuf cent soixante"),
        (
            "monsieur né le onze août mille neuf cent cinquante-deux à quimper",
            "DATE_NAISSANCE",
            "onze août mille neuf cent cinquante-deux",
        ),
        (
            "madame née riou le vingt-six mars mille neuf cent soixante-dix",
            "DATE_NAISSANCE",
            "vingt-six mars mille neuf cent soixante-dix",
        ),
        ("sortie prévue le douze octobre, à revoir", "DATE", "douze octobre"),
    ],
)
def test_spoken_dates(detector: Detector, text: str, label: str, value: str) -> None:
    assert value in found(detector, text, label)


def test_spoken_range_marks_both_days(detector: Detector) -> None:
    text = "hospitalisée du cinq au dix-neuf septembre au centre hospitalier"
    assert found(detector, text, "DATE") == ["cinq", "dix-neuf septembre"]


@pytest.mark.parametrize(
    "text",
    [
        "tension à quinze huit ce matin",
        "deux comprimés trois fois par jour pendant un an",
        "en mars deux comprimés de plus",  # a month with a count that is no year
        "douze patients en janvier",  # the number is not right before the month
        "il reste quarante minutes",
    ],
)
def test_numbers_in_words_that_are_no_date(detector: Detector, text: str) -> None:
    assert [lab for lab, _ in masked(detector, text) if lab.startswith("DATE")] == []


# --- phones spelled out -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "rappelez-moi au zéro deux quatre-vingt-dix-huit trente et un douze quarante",
            "zéro deux quatre-vingt-dix-huit trente et un douze quarante",
        ),
        (
            "son fils au zéro sept euh douze soixante-trois euh zéro neuf quatorze",
            "zéro sept euh douze soixante-trois euh zéro neuf quatorze",
        ),
        (
            "le portable c'est zero six onze vingt-deux trente-trois quarante-quatre merci",
            "zero six onze vingt-deux trente-trois quarante-quatre",
        ),
        # a number corrected mid-sentence: six digits only, right after a phone word
        ("joignable au zéro trois vingt et un quarante euh non", "zéro trois vingt et un quarante"),
    ],
)
def test_spoken_phones(detector: Detector, text: str, value: str) -> None:
    assert found(detector, text, "TEL") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "douleur cotée zéro deux heures après",
        "score zéro un deux trois sur l'échelle",
        "zéro quatre douze dix-huit",  # eight digits, no phone word
    ],
)
def test_zero_words_that_are_no_phone(detector: Detector, text: str) -> None:
    assert found(detector, text, "TEL") == []


# --- NIR of the overseas départements ---------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "layout"),
    [
        ("1850397209031", "{s} {yy} {mm} {dep} {com} {ord} {key}"),  # Guadeloupe
        ("2710597603118", "{s}{yy}{mm}{dep}{com}{ord}{key}"),  # Mayotte, compact
        ("2031298801044", "{s} {yy} {mm} {dep} {com} {ord}"),  # no key: needs a context word
    ],
)
def test_overseas_nir(detector: Detector, body: str, layout: str) -> None:
    key = f"{nir_key(body):02d}"
    value = layout.format(
        s=body[0], yy=body[1:3], mm=body[3:5], dep=body[5:8], com=body[8:10], ord=body[10:13], key=key
    )
    assert found(detector, f"N° sécurité sociale : {value}\nAdresse", "SECU") == [value]
    if "{key}" in layout:
        assert found(detector, f"Pièce {value} reçue", "SECU") == [value]
        bad = value[:-2] + f"{(int(key) % 97) + 1:02d}"
        assert found(detector, f"Pièce {bad} reçue", "SECU") == []  # a wrong key needs context


# --- record-number labels ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("N° examen : SCAN-240611-0917   Demandeur : Dr X", "NDA", "SCAN-240611-0917"),
        ("N° de prélèvement : 25B-004417", "NDA", "25B-004417"),
        ("Entrée : 03/02   Séjour : 3120044871   Lit : 12", "NDA", "3120044871"),
        ("Cristal n° 31-11-4410", "NDA", "31-11-4410"),
        ("N° dossier SAMU : 241102-0733", "NDA", "241102-0733"),
        ("N° de dossier AT/MP : 351124007712", "NDA", "351124007712"),
        ("alors euh son dossier K 2021 0388 euh", "NDA", "K 2021 0388"),
        ("mon dossier c'est le 4420917733 je crois", "NDA", "4420917733"),
        ("IPP jumeau-2 : 972-0115408", "IPP", "972-0115408"),
        ("IPP : 0590441287\nAdresse : ", "IPP", "0590441287"),  # shaped like a phone, labelled IPP
    ],
)
def test_record_labels(detector: Detector, text: str, label: str, value: str) -> None:
    assert found(detector, text, label) == [value]
    assert value not in found(detector, text, "TEL")


@pytest.mark.parametrize(
    "text",
    [
        "Séjour du 12/05/2025 au 19/05/2025 en cardiologie",
        "dossier MDPH déposé en 2023",
        "N° examen : 12",  # too few digits
        "Tél. patient : 06 41 22 87 10",  # a phone after a phone label stays a phone
    ],
)
def test_record_label_negatives(detector: Detector, text: str) -> None:
    assert found(detector, text, "NDA") == [] and found(detector, text, "IPP") == []


@pytest.mark.parametrize(
    ("text", "zip_expected"),
    [
        ("4 rue Lamartine – TSA 70412 – 33076 Bordeaux cedex", ["33076"]),
        ("Hôtel de ville, CS 60231, 35000 Rennes", ["35000"]),
        ("BP 40125 – 56000 Vannes", ["56000"]),
        ("Réf. ECHO24-38120 reçue", []),  # digits glued to a code after a dash
    ],
)
def test_mail_sorting_numbers_are_no_zip(detector: Detector, text: str, zip_expected: list[str]) -> None:
    assert found(detector, text, "ZIP") == zip_expected


def test_phone_before_a_colon_is_whole(detector: Detector) -> None:
    text = "03/12/2026 18:02 - +33 7 81 40 22 19: coucou c'est moi"
    assert found(detector, text, "TEL") == ["+33 7 81 40 22 19"]
    assert found(detector, "appel 07 52 19 40 12:30", "TEL") == []  # a time glued after: not a phone


# --- partial dates of chats and headers -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("GARDE WEEK-END 13->14/06 – Pneumologie", ["13", "14/06"]),
        ("stage gestes d'urgence 15 et 16/04 à Brest", ["15", "16/04"]),
        ("NUIT 2/3 mars – Unité A", ["2", "3 mars"]),
        ("congés la semaine du 21, retour ensuite", ["21"]),
        ("elle rentre demain 7/03 au matin", ["7/03"]),
        ("visite effectuée le : 18/06   durée : 20 min", ["18/06"]),
        ("vaccin antitétanique : 04/2019", ["04/2019"]),
        ("les 12 et 13 juillet chez sa sœur", ["12", "13 juillet"]),
        ("Le mardi 14, il est reparti", ["14"]),
    ],
)
def test_partial_dates(detector: Detector, text: str, dates: list[str]) -> None:
    assert found(detector, text, "DATE") == dates


@pytest.mark.parametrize(
    "text",
    [
        "1 et 1/2 comprimé le soir",
        "2 et 3/4 cp au coucher",
        "EVA 6-7/10 au lever",
        "douleur 5 à 6/10",
        "la semaine du 16 h",  # hours, not a day
        "TA 13/8 ce matin",
        "Kardégic 10/2000 mg",
        "mardi 7,5 mg de plus",
    ],
)
def test_partial_date_negatives(detector: Detector, text: str) -> None:
    assert [lab for lab, _ in masked(detector, text) if lab.startswith("DATE")] == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("DDN père : 21/09/1987   Tél : 06 00 00 00 00", "DATE_NAISSANCE", "21/09/1987"),
        ("Date de naissance de la mère : 05/11/1990", "DATE_NAISSANCE", "05/11/1990"),
        ("Date de naissance inconnue, admise le 08/02/2025", "DATE", "08/02/2025"),
        ("kiné à domicile (24/10) puis bilan", "DATE", "24/10"),
        ("écho de contrôle (06/11)", "DATE", "06/11"),
        ("consultation reportée au 7/12 à 10 h", "DATE", "7/12"),
        ("sortie prévue 19/12 si stable", "DATE", "19/12"),
    ],
)
def test_birth_labels_with_whom_and_day_months_in_brackets(
    detector: Detector, text: str, label: str, value: str
) -> None:
    assert found(detector, text, label) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "force (4/5) au membre supérieur",
        "prendre (1/2) comprimé",
        "TA (15/9) au lever",
        "sortie 2/3 de la dose habituelle",
        "reprise 1/2 cp le soir",
    ],
)
def test_fractions_and_pressures_in_brackets_are_no_date(detector: Detector, text: str) -> None:
    assert [lab for lab, _ in masked(detector, text) if lab.startswith("DATE")] == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("portage de repas à partir du 14, le midi", "DATE", "14"),
        ("réponse d'ici le 9.", "DATE", "9"),
        ("fichier CR_consult_20250318.pdf joint", "DATE", "20250318"),
        ("contact : lea.m@free.fr — 05 56 I2 40 O8", "TEL", "05 56 I2 40 O8"),
        ("Cabinet\nT é l : 03 .88.1 2 .40.71\n", "TEL", "03 .88.1 2 .40.71"),  # OCR spaces in the word too
    ],
)
def test_bare_days_file_name_dates_and_ocr_phones(detector: Detector, text: str, label: str, value: str) -> None:
    assert found(detector, text, label) == [value]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("à partir du 3 mg/kg", "DATE"),
        ("à partir du 14e jour", "DATE"),
        ("lot_20251399_a", "DATE"),  # month 13: no date
        ("code porte 02 OO II ll OO", "TEL"),  # letters everywhere: no phone
        ("lot 03 .88.1 2 .40.71", "TEL"),  # a damaged layout needs a phone word
    ],
)
def test_bare_days_file_name_dates_and_ocr_phones_negatives(detector: Detector, text: str, label: str) -> None:
    assert found(detector, text, label) == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("c'est pour quel patient ? son IPP ?\nAude 14:02\n0061234587\n", "IPP", "0061234587"),
        ("N° de séjour ?\n[10:12] Karim\n25-0099127\nmerci", "NDA", "25-0099127"),
    ],
)
def test_identifier_answered_in_a_chat(detector: Detector, text: str, label: str, value: str) -> None:
    assert found(detector, text, label) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "NDA ?\npas encore\nle 12/03 peut-être\nok\n2024-0012345",  # too far from the question
        "Combien de passages ?\n1200345\n",  # the question names no identifier
        "NDA ?\nje regarde 2024-0012345 demain",  # not alone on its line
    ],
)
def test_identifier_answered_in_a_chat_negatives(detector: Detector, text: str) -> None:
    # The chat-answer rule stays silent; a long number may still be masked by its shape
    # (unexplained_numbers.py, round 10), which is not what this test judges.
    assert not [s for s in detector.detect(text) if s.source == "id_answer"]
