"""Table-driven tests of the format families of round 2: record numbers named by the noun of a
stay or a case (and the lists after them).

Every sentence here was written for these tests (other names, numbers and places than the
held-out sets); each family has positive cases and negative neighbours of the same shape.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


def found(detector: Detector, text: str, label: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if label is None or s.label == label]


# --- record numbers after the noun of a stay or a case -----------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "values"),
    [
        ("IPP 7710045521    Séjour H25-00412\nDomicile :", "NDA", ["H25-00412"]),
        ("identité vérifiée - venue n° W25001177 en cours", "NDA", ["W25001177"]),
        ("Venues liées : 318002214 (HDJ du 04/03/2021), 322117405 (hospit.)", "NDA", ["318002214", "322117405"]),
        ("les séjours antérieurs (n° 19044128 et 21100356) restent à part", "NDA", ["19044128", "21100356"]),
        ("IPP : 40025561870 - séjour actuel : 250117733", "NDA", ["250117733"]),
        ("bascule du passage n° E25-004127 vers le dossier définitif", "NDA", ["E25-004127"]),
        ("Intervention n° 2025-117302 - CIS Ploërmel - VSAV 2", "NDA", ["2025-117302"]),
        ("Affaire n° 35-118-00417 - transfert du 18", "NDA", ["35-118-00417"]),
        ("Dossier n° CAP13-2025-004471", "NDA", ["CAP13-2025-004471"]),
        ("SAMU 2B - CRRA Bastia - dossier 2B-25-01194", "NDA", ["2B-25-01194"]),
        ("N° de dossier : SSI24/0917 – suivi infirmier", "NDA", ["SSI24/0917"]),
        ("facture jointe - séjour 26110473 - merci", "NDA", ["26110473"]),
        ("passage au bureau des entrées -> IPP définitif 5500127784.", "IPP", ["5500127784"]),
        ("le dossier patient 44170021983 a été fusionné", "IPP", ["44170021983"]),
        ("Inter n° 2025-004518 - CIS Redon - FPT", "NDA", ["2025-004518"]),
        ("DRM n° 250611-0042 ouvert par l'ARM", "NDA", ["250611-0042"]),
    ],
)
def test_record_numbers_after_stay_or_case_nouns(detector: Detector, text: str, label: str, values: list[str]) -> None:
    assert [v for v in values if v in found(detector, text, label)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("séjour de 12 jours, retour à domicile", "12"),
        ("hospitalisation du 14/05/2024 au 19/05/2024 en médecine", "2024"),
        ("dossier n° 11/2024 classé", "11/2024"),
        ("séjour 2019-2020 en SSR", "2019-2020"),
        ("Séjour : 14 250,00 € à régler", "14 250"),
        ("intervention chirurgicale 24/03/2024 sans incident", "24/03/2024"),
        ("passage 75012 Paris", "75012"),
        ("séjour de 21000 km en voiture", "21000"),
        ("transfert en médecine interne 2025 puis retour", "2025"),
        # "inter" alone needs "n°" or ":" (six digits: eight or more are masked by their shape since round 10)
        ("inter 123456 sans numéro", "123456"),
    ],
)
def test_no_record_number_for_dates_amounts_and_counts(detector: Detector, text: str, value: str) -> None:
    assert not [s for s in detector.detect(text) if s.label in ("NDA", "IPP")], value


# --- OCR letters for digits and digits for letters (scanned forms) -----------------------------
_SCANNED_FORM = (
    "DEMANDE D'ADMISSION - scan_0093.pdf\n"
    "Date de la demande : 1O / O3 / 2O25\n"
    "NOM : BRUNlER      Prénom : Odette\n"
    "Né(e) le : 1 4/O9/1938  à : Co1mar\n"
    "N° SS : 1 85 11 35 238 1l7 78\n"
    "CP : 681OO  Commune : Wintzenheim\n"
    "Tel : O3 89 27 14 O6   Portable fami1le : O6 7O 22 18 49\n"
    "Plâtre jusqu'au 2O/O4, hospitalisée du 12/O3 au 1O/O4"
)


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("DATE", "1O / O3 / 2O25"),
        ("DATE_NAISSANCE", "1 4/O9/1938"),
        ("SECU", "1 85 11 35 238 1l7 78"),
        ("ZIP", "681OO"),
        ("TEL", "O3 89 27 14 O6"),
        ("TEL", "O6 7O 22 18 49"),
        ("DATE", "2O/O4"),
        ("DATE", "1O/O4"),
        ("NOM", "BRUNlER"),
    ],
)
def test_scanned_form_with_ocr_letters(detector: Detector, label: str, value: str) -> None:
    assert value in found(detector, _SCANNED_FORM, label)


def test_ocr_repair_keeps_length_and_fixes_both_ways() -> None:
    from avec.privacy.detection.ocr_digits import repair_ocr

    repaired = repair_ocr(_SCANNED_FORM)
    assert repaired is not None and len(repaired) == len(_SCANNED_FORM)
    assert "10 / 03 / 2025" in repaired and "BRUNIER" in repaired and "Colmar" in repaired
    assert "famille" in repaired and "68100" in repaired


@pytest.mark.parametrize(
    "text",
    [
        # Medical text: oxygen, HbA1c, vertebrae, TNM stages, litres; no OCR damage to repair.
        "Sous O2 3 l/min, SpO2 94 %. HbA1c 7,2 %. Fracture de L1, T1N1M0, boit 1l/j.",
        "Sous O2 2 l/min puis O2 4 l/min ; pT1a N0 ; IIa ; 1O mg",  # too few marks: left as written
    ],
)
def test_ocr_repair_leaves_ordinary_text(text: str) -> None:
    from avec.privacy.detection.ocr_digits import repair_ocr

    assert repair_ocr(text) is None


# --- tables read by rows -----------------------------------------------------------------------
_ROW_TABLE = (
    "Comparatif des deux dossiers :\n"
    "                    | Dossier 1              | Dossier 2\n"
    "IPP                 | 00733104               | 00733140\n"
    "Nom de naissance    | KERMARREC              | KERMAREC\n"
    "Nom utilisé         | TANGUY                 | KERMAREC\n"
    "Prénoms             | Yvonne                 | Yvonne Josée\n"
    "DDN                 | 04/11/1941             | 11/04/1941\n"
    "Statut INS          | qualifiée              | provisoire\n"
)


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("IPP", "00733104"),
        ("IPP", "00733140"),
        ("NOM", "KERMARREC"),
        ("NOM", "TANGUY"),
        ("PRENOM", "Yvonne"),
        ("DATE_NAISSANCE", "04/11/1941"),
        ("DATE_NAISSANCE", "11/04/1941"),
    ],
)
def test_table_read_by_rows(detector: Detector, label: str, value: str) -> None:
    assert value in found(detector, _ROW_TABLE, label)


def test_row_labels_of_a_table_read_by_rows_stay(detector: Detector) -> None:
    masked = found(detector, _ROW_TABLE)
    for label in ("Nom utilisé", "Statut", "Statut INS", "qualifiée", "provisoire", "Prénoms", "DDN"):
        assert label not in masked


def test_column_header_table_is_not_read_by_rows(detector: Detector) -> None:
    # One header row whose first cell is a key, then data rows: read by columns, as before.
    text = "Nom      | Âge | Motif\nRIBEIRO  | 54  | douleur thoracique\nLAMBERT  | 71  | chute\n"
    masked = found(detector, text)
    assert "RIBEIRO" in masked and "LAMBERT" in masked
    assert "Âge" not in masked and "Motif" not in masked


# --- initials in registers and trial lists ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Code | Initiales (N-P) | DDN\n05-S-011 | T-R | 02/03/1961\n05-S-012 | LB-A | 19/07/1979\n",
            [("NOM", "T"), ("PRENOM", "R"), ("NOM", "LB"), ("PRENOM", "A")],
        ),
        (
            "N° séjour | Patient (initiales, DDN) | Entrée\n25031177 | R.T., 14/02/1950 | 03/03/2025\n",
            [("NOM", "R."), ("PRENOM", "T.")],
        ),
        (
            "Date | Visiteur | Signature\n12/02 | MARTIN Paul | P.M.\n13/02 | GARNIER Léa | LG\n"
            "14/02 | HUET Marc | M Huet\n",
            [("PRENOM", "P."), ("NOM", "M."), ("PRENOM", "L"), ("NOM", "G"), ("PRENOM", "M"), ("NOM", "Huet")],
        ),
    ],
)
def test_initials_columns(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    spans = [(s.label, text[s.start : s.end]) for s in detector.detect(text)]
    assert [e for e in expected if e in spans] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Date | Acte | Signature\n12/02 | pansement | IDE\n13/02 | toilette | RAS\n",
        "Date | Patient | Motif\n12/02 | MME | chute\n",  # no dots: capitals count only in a signature column
    ],
)
def test_roles_in_signature_columns_are_no_initials(detector: Detector, text: str) -> None:
    masked = found(detector, text)
    assert not {"IDE", "RAS", "MME", "M", "ME"} & set(masked)


# --- dates: unknown parts, spaces, short weekdays, nights, file names ------------------------
@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("date de naissance 00/00/1948 - lieu 99350", "DATE_NAISSANCE", "00/00/1948"),
        ("identité : née le 00/07/1962 à Moroni", "DATE_NAISSANCE", "00/07/1962"),
        ("Mme TOURE, née le 23 05 1958 à Bamako", "DATE_NAISSANCE", "23 05 1958"),
        ("Mme TOURE, née le 07/1958 à Bamako", "DATE_NAISSANCE", "07/1958"),
        (
            "Défunt (NOM Prénom, nom de naissance) | Né(e) le | Service\nBRIAND Louis | 14.02.31 | SSR\n",
            "DATE_NAISSANCE",
            "14.02.31",
        ),
        ("Code | DDN | Éligible\n03-S-007 | 11/1973 | non\n", "DATE_NAISSANCE", "11/1973"),
        ("Visites réalisées les 1er et 4 mars au domicile", "DATE", "1er"),
        ("sam 14 – Julien : courses faites", "DATE", "14"),
        ("réveillé toute la nuit du 12 au 13 par la toux", "DATE", "13"),
        ("Vu par SOS médecins le 21 -> augmentin", "DATE", "21"),
        ("Depuis le 27 : vomissements", "DATE", "27"),
        ("Pièce jointe : plaie_talon_Rivet_140225.jpg", "DATE", "140225"),
    ],
)
def test_partial_and_unusual_dates(detector: Detector, text: str, label: str, value: str) -> None:
    assert value in found(detector, text, label)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Appel : dim. 14/02/26 21h40 - régulateur", "14/02/26 21"),
        ("la nuit du 12 au 13 mg", "13"),  # a dose, not a day
        ("Fichier scan_0093.pdf et note_123456.txt", "123456"),  # 12/34 is no date
        ("Mercredi 10 mg de plus ; mer 10 mg", "10"),
        ("Tension 12 10 2024 ?", "12 10 2024"),  # spaces for separators need a date word before
    ],
)
def test_no_date_where_the_numbers_say_otherwise(detector: Detector, text: str, value: str) -> None:
    assert value not in found(detector, text)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Nom utilisé", "nom"),
        ("Prénom utilisé", "prenom"),
        ("Liste des prénoms", "prenom"),
        ("Premier prénom de naissance", "prenom"),
        ("Matricule INS", "SECU"),
        ("N° SS", "SECU"),
        ("Initiales (N-P)", "initials"),
        ("Patient (initiales, DDN)", "initials"),
        ("Statut INS", None),
        ("Insuline", None),
        ("Nombre de séjours", None),
    ],
)
def test_identity_vocabulary_of_headers(header: str, kind: str | None) -> None:
    from avec.privacy.detection.field_keys import classify_header

    assert classify_header(header) == kind


def test_nir_cell_in_a_row_table(detector: Detector) -> None:
    text = "Champ | Patient\nNom utilisé | LE BIHAN\nMatricule INS | 1 85 11 35 238 117 78\nStatut INS | provisoire\n"
    assert "1 85 11 35 238 117 78" in found(detector, text, "SECU")
    assert "provisoire" not in found(detector, text)


# --- foreign and incomplete numbers ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Matricule saisi à l'admission : 185113523811 (une clé manque ?)", "SECU", "185113523811"),
        ("N° de sécurité sociale : 2 63 09 75 112 04 (incomplet)", "SECU", "2 63 09 75 112 04"),
        ("sa compagne, joignable au 07911 123456 (portable anglais)", "TEL", "07911 123456"),
    ],
)
def test_incomplete_nir_and_uk_mobile(detector: Detector, text: str, label: str, value: str) -> None:
    assert value in found(detector, text, label)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lot n° 185113523811 du fabricant", "185113523811"),  # no NIR word before
        ("IPP 07911123456", "07911123456"),  # no space between the groups: a record number
    ],
)
def test_no_secu_or_uk_phone_without_their_layout(detector: Detector, text: str, value: str) -> None:
    assert not [s for s in detector.detect(text) if s.label in ("SECU", "TEL")], value


# --- rows of a log without a header, English birth labels, labels nearer than a NIR word -------
def test_identity_rows_of_a_triage_log(detector: Detector) -> None:
    text = (
        "03:05 | TRAORÉ Awa Mariam | née le 4.6.1990 | IPP 8004517712\n"
        "03:40 | KOWALCZYK Piotr | 21/10/1984 | IPP 8004517790\n"
        "04:10 | SAU Nord | 12/03/2024 | IPP 8004517801\n"
    )
    spans = [(s.label, text[s.start : s.end]) for s in detector.detect(text)]
    for expected in [("NOM", "TRAORÉ"), ("NOM", "KOWALCZYK"), ("PRENOM", "Piotr"), ("DATE_NAISSANCE", "21/10/1984")]:
        assert expected in spans
    assert not [v for _, v in spans if v in ("SAU", "Nord", "SAU Nord")]
    assert ("DATE", "12/03/2024") in spans  # after no person's name: an ordinary date


def test_row_without_identity_cell_is_left_to_the_other_rules(detector: Detector) -> None:
    text = "10:05 | ECG Normal | 12/03/2024 | revu\n"
    assert "ECG" not in found(detector, text) and "Normal" not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Victim: HARRIS Emily, DOB 02/08/1994 (passport)", "DATE_NAISSANCE", "02/08/1994"),
        ("Lieu de naissance ....... Morlaix (29) - code INSEE 29151", "VILLE", "Morlaix"),
    ],
)
def test_birth_labels_and_commune_fields(detector: Detector, text: str, label: str, value: str) -> None:
    assert value in found(detector, text, label)


def test_an_ipp_label_nearer_than_a_nir_word_wins(detector: Detector) -> None:
    text = "NIR : 1 85 11 35 238 117 78\nIPP : 35001884561"
    assert found(detector, text, "IPP") == ["35001884561"]
    assert found(detector, text, "SECU") == ["1 85 11 35 238 117 78"]


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("revue le 1ᵉʳ avril 2025 en consultation", "DATE", "1ᵉʳ avril 2025"),
        ("prochain contrôle le 9 oct. 25 au cabinet", "DATE", "9 oct. 25"),
        ("M. BERNIER, né en 07/1944 à Niort", "DATE_NAISSANCE", "07/1944"),
        ("M. BERNIER, né le 17 07 44 à Niort", "DATE_NAISSANCE", "17 07 44"),
        ("arrêt de travail 03/02/2025-14/02/2025 prolongé", "DATE", "14/02/2025"),
        ("congés 22/12 – 02/01, reprise ensuite", "DATE", "02/01"),
    ],
)
def test_more_date_layouts(detector: Detector, text: str, label: str, value: str) -> None:
    assert value in found(detector, text, label)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("le 3 mars 50 mg de plus", "3 mars 50"),
        ("le 12 mars 10 h au bloc", "12 mars 10"),
        ("TA 14/8 - 15/9 aux deux bras", "15/9"),
        ("le 3 10 20 mg", "3 10 20"),
    ],
)
def test_numbers_after_a_date_that_are_no_year(detector: Detector, text: str, value: str) -> None:
    assert value not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("rappeler la fille au 07/61/22/48/90 après 18h", "TEL", "07/61/22/48/90"),
        ("joignable au (+33) 7 61 22 48 90", "TEL", "(+33) 7 61 22 48 90"),
        ("écrire à m.lefort @ orange.fr pour le compte rendu", "MAIL", "m.lefort @ orange.fr"),
    ],
)
def test_phone_and_mail_layouts(detector: Detector, text: str, label: str, value: str) -> None:
    assert value in found(detector, text, label)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vu le 07/06/24 en consultation", "07/06/24"),  # three pairs: a date, not a phone
        ("perfusion 10 @ 12.5 mg/h", "10 @ 12.5"),
    ],
)
def test_no_phone_or_mail_in_dates_and_doses(detector: Detector, text: str, value: str) -> None:
    assert not [s for s in detector.detect(text) if s.label in ("TEL", "MAIL")], value


def test_identity_block_aligned_with_spaces(detector: Detector) -> None:
    text = (
        "IDENTITÉ\n"
        "Nom de naissance      LE BERRE\n"
        "Nom utilisé           GUILLOU\n"
        "Lieu de naissance     Pontivy\n"
        "Traitement            Kardégic 75 mg\n"
    )
    spans = [(s.label, text[s.start : s.end]) for s in detector.detect(text)]
    assert ("NOM", "GUILLOU") in spans and ("VILLE", "Pontivy") in spans
    assert not [v for _, v in spans if "Kardégic" in v or "Traitement" in v]


def test_a_lone_spaced_pair_or_a_header_row_is_no_identity_block(detector: Detector) -> None:
    assert "PRENOM" not in found(detector, "NOM        PRENOM      DDN\n")
    assert "Martin" not in found(detector, "Ville      Martin\n\nSuite du texte.")
