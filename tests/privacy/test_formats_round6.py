"""Table-driven tests of the format families of round 6: reference numbers of letters, courts and
social bodies (NDA, the lead's convention), a residence's own person number (IPP), identifier
labels in a table cell, lists of numbers under a label, OCR-spaced and foreign postal codes.

Every sentence here was written for these tests (other names, numbers and places than the
development sets); each family has positive cases, in capitals, lower case, tables and running
text, and negative neighbours of the same shape.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, values_of


# --- a letter's reference -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Réf. : SP/2023/0917\n\nMadame,", "SP/2023/0917"),
        ("Nos réf. : TUT/2021/1148\nObjet : compte de gestion", "TUT/2021/1148"),
        ("N/Réf. : AS-2025-0871\nV/Réf. : votre courrier du 3 mai", "AS-2025-0871"),
        ("V/réf : 2024/7713", "2024/7713"),
        ("Votre référence : CL-88-40215", "CL-88-40215"),
        ("Notre référence à rappeler : PA-2022-0093", "PA-2022-0093"),
        ("objet : demande de dossier – réf. DM-2026-0318\n", "DM-2026-0318"),
        ("REF : MJ/2020/5521", "MJ/2020/5521"),
        ("| Référence dossier | SAD-2024-1187 |", "SAD-2024-1187"),
    ],
)
def test_letter_references_are_nda(detector: object, text: str, number: str) -> None:
    assert number in values_of(detector, text, "NDA")


@pytest.mark.parametrize(
    "text",
    [
        "Réf. : recommandations HAS 2019",  # a publication, no file number
        "références bibliographiques 2021",  # a year after a bare word
        "Réf. produit : 3400936512288",  # a product's code
        "Réf. article 4471203",  # an article's code
        "Référente : Agnès Poulet, 14 ans d'ancienneté",  # a referent, no reference
        "Réf. : 12/03/2024",  # a date
    ],
)
def test_references_that_name_no_file_are_left(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


def test_patient_reference_stays_an_ipp(detector: object) -> None:
    text = "Votre référence patient : Q0071452"
    assert values_of(detector, text, "IPP") == ["Q0071452"]
    assert values_of(detector, text, "NDA") == []


# --- a court's numbers ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Tribunal judiciaire de Vesoul\nRG n° 23/04471\n", ["23/04471"]),
        ("N° RG : 21/00873 — N° Portalis DBWK-W-B7F-LQ2M", ["21/00873", "DBWK-W-B7F-LQ2M"]),
        ("(RG n° 18/02265) et renouvelée le 4 juin", ["18/02265"]),
        ("Dossier RG n° 25/00119 – audience du 3 mars", ["25/00119"]),
        ("R.G. : 12-22-004718", ["12-22-004718"]),
        ("rg n° 24/11902", []),  # "rg" in lower case is no court's mark
        ("Parquet n° 26/00418\nMinute n° 25/1187", ["26/00418", "25/1187"]),
        ("N° de procédure : 2024-118734-P", ["2024-118734-P"]),
        ("PV n° 01187/2025/004412", ["01187/2025/004412"]),
    ],
)
def test_court_references_are_nda(detector: object, text: str, numbers: list[str]) -> None:
    assert values_of(detector, text, "NDA") == numbers


@pytest.mark.parametrize(
    "text",
    [
        "une minute 12345 plus tard",  # no mark
        "la procédure 2024 est en cours",  # a year
        "Jugement du 12/03/2023",  # a date
        "loi n° 2007-308 du 5 mars 2007",  # a law's number
    ],
)
def test_court_words_without_a_case_number_are_left(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


# --- social bodies and services ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("N° allocataire CAF : 7712054 – suivi ASS", "7712054"),
        ("Votre numéro allocataire : 5503918", "5503918"),
        ("allocataire MSA n° 0441872", "0441872"),
        ("RSA, CAF (allocataire n° 6610473).", "6610473"),
        ("Allocataire Caf n° 3390218 (changement de situation)", "3390218"),
        ("N° de contrat : HAB-0057142\nEntrée : 01/02/2019", "HAB-0057142"),
        ("n° SI-SIAO : 33-2025-004417", "33-2025-004417"),
        ("N° SIAO : 2024-07-8812", "2024-07-8812"),
        ("N° ADHÉRENT : 88120476", "88120476"),
        ("| N° d'accès | RXL2604110087 |", "RXL2604110087"),
        ("N° D'ACCESSION : ACC-26-118204", "ACC-26-118204"),
        ("assis | bon n° A-260311-042\n", "A-260311-042"),
        ("bon de transport n° 2025-TR-08841", "2025-TR-08841"),
        ("N° de mesure : MJ-2017-00412", "MJ-2017-00412"),
        ("N° de signalement : IP-93-2024-1187", "IP-93-2024-1187"),
        ("N° de prise en charge : PEC-26-004127", "PEC-26-004127"),
    ],
)
def test_social_and_service_file_numbers_are_nda(detector: object, text: str, number: str) -> None:
    assert number in values_of(detector, text, "NDA")


@pytest.mark.parametrize(
    "text",
    [
        "contrat 12345 signé",  # the noun alone, no mark
        "Prise en charge : 3 séances par semaine",  # a count
        "Prise en charge : 12 500,00 €",  # an amount
        "accès n° 4 par la cour",  # a door number
        "Code d'accès : 4512B",  # a door code
        "Pension : 1 150,00 € par mois",  # an amount
        "N° FINESS : 690781810",  # a facility's public number
        "RPPS 10101234567",  # a professional's public number
        "lot n° AB47121 du vaccin",  # a batch
        "décret n° DGS-2016-1234",  # a rule's number
    ],
)
def test_amounts_counts_and_public_numbers_are_no_nda(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


def test_a_lone_mark_before_a_lettered_code_is_a_case_number(detector: object) -> None:
    text = "Pièce confiée au vestiaire (fiche de dépôt n° VS-2026-0114) ; laboratoire Biolam, n° BL25-40118."
    assert values_of(detector, text, "NDA") == ["VS-2026-0114", "BL25-40118"]


# --- a residence's or a service's own person number ---------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("RESIDENT : GARNIER PAUL   NE LE 04/07/1936   ID RESIDENT : 008817   CH 12", "008817"),
        ("Identifiant usager : U-2024-0412", "U-2024-0412"),
        ("code résident : 41207", "41207"),
        ("N° de bénéficiaire : 0098812", "0098812"),
        ("| ID résidente | 2207714 |", "2207714"),
        ("Résident n° 88041", "88041"),
    ],
)
def test_person_numbers_of_a_structure_are_ipp(detector: object, text: str, number: str) -> None:
    assert values_of(detector, text, "IPP") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "ID RESIDENT : 12",  # too short for a number
        "Usager : DUPRAT Léon",  # a name, not a number
        "le résident 2024 de la chambre",  # no mark
    ],
)
def test_person_labels_without_a_number_give_no_ipp(detector: object, text: str) -> None:
    assert values_of(detector, text, "IPP") == []


# --- configured labels in a table cell ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "number"),
    [
        ("| Sexe | M |\n| N° dossier | CLB-2025-004418 |\n", "NDA", "CLB-2025-004418"),
        ("| IPP | 40071829 |\n| Nom | LEROUX |\n", "IPP", "40071829"),
        ("N° de séjour\t|\t261104877\n", "NDA", "261104877"),
    ],
)
def test_configured_labels_in_a_table_cell(detector: object, text: str, label: str, number: str) -> None:
    assert number in values_of(detector, text, label)


# --- a list of numbers under a label --------------------------------------------------------
def test_numbers_listed_under_a_label(detector: object) -> None:
    text = "M. ROUX a 3 IPP :\n- 260114418 créé en 2026\n• 190071254 ancien dossier\n- 88004127\nMerci de fusionner."
    assert values_of(detector, text, "IPP") == ["260114418", "190071254", "88004127"]
    text = "Séjours à rattacher :\nN° de séjours :\n241100871\n241100952 (HDJ)\n"
    assert values_of(detector, text, "NDA") == ["241100871", "241100952"]


def test_a_list_under_a_label_stops_at_a_date_or_a_dose(detector: object) -> None:
    text = "IPP :\n- 12/03/2024 rendez-vous\n- 250 mg matin\n"
    assert values_of(detector, text, "IPP") == []


# --- postal codes -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "zip_code"),
    [
        ("1 2 , rue Pasteur — 6 9 0 0 3 LYON\n", "6 9 0 0 3"),
        ("Centre X\n2 1 0 0 0 DIJON CEDEX\n", "2 1 0 0 0"),
        ("3 5 7 0 0 RENN ES\n", "3 5 7 0 0"),
    ],
)
def test_ocr_spaced_postcodes(detector: object, text: str, zip_code: str) -> None:
    assert zip_code in values_of(detector, text, "ZIP")


@pytest.mark.parametrize(
    "text",
    [
        "Score 1 2 3 4 5 ECOG",  # a scale
        "EVA (0 1 2 3 4 TRES FORT)",  # a scale in brackets
        "Tension 1 2 1 3 4",  # no town after
    ],
)
def test_spaced_digits_that_are_no_postcode(detector: object, text: str) -> None:
    assert values_of(detector, text, "ZIP") == []


@pytest.mark.parametrize(
    ("text", "zip_code", "town"),
    [
        ("Rue des Glycines 4\n6700 Arlon – BELGIQUE\n", "6700", "Arlon"),
        ("Chemin des Vignes 9, 1260 Nyon (Suisse)", "1260", "Nyon"),
        ("L-3401 Dudelange, Luxembourg", "3401", "Dudelange"),
        ("15 Hauptgasse\n4051 Basel – SUISSE\n", "4051", "Basel"),
        ("Avenue des Tilleuls 17, 4000 Liège, Belgique.", "4000", "Liège"),
    ],
)
def test_foreign_postcodes_before_a_country(detector: object, text: str, zip_code: str, town: str) -> None:
    got = found(detector, text)
    assert (zip_code, "ZIP") in got
    assert (town, "VILLE") in got


def test_a_number_before_a_town_and_a_word_that_is_no_country_is_left(detector: object) -> None:
    text = "4200 Glycémie – CONTRÔLE\n"
    assert values_of(detector, text, "ZIP") == []


# --- a body's decision or referral, "à rappeler" ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("À rappeler dans toute correspondance : SOC/2023/00418", "SOC/2023/00418"),
        ("a rappeler : DPA-2026-1187", "DPA-2026-1187"),
        ("Décision n° 2025-0418-CDAPH du 7 mai", "2025-0418-CDAPH"),
        ("N° de saisine : S-26-0931", "S-26-0931"),
        ("REQUÊTE N° 25/01174", "25/01174"),
    ],
)
def test_referrals_and_decisions_are_nda(detector: object, text: str, number: str) -> None:
    assert number in values_of(detector, text, "NDA")


@pytest.mark.parametrize(
    "text",
    [
        "une décision 12345 prise en équipe",  # no mark
        "Décision du 14/02/2025",  # a date
        "A rappeler : 3 fois par jour",  # a count
        "requête de la famille 2024",  # a year
    ],
)
def test_decision_words_without_a_number_are_left(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


# --- tables and key=value exports keyed by a case file or a structure's person number -------------
@pytest.mark.parametrize(
    ("text", "label", "number"),
    [
        (
            "| Nom de naissance | RIVIERE |\n| Prénom | Lucile |\n| N° dossier | IRC-2023-11872 |\n",
            "NDA",
            "IRC-2023-11872",
        ),
        ("N° ALLOCATAIRE | NOM | PRENOM\n6610247 | FAURE | KEVIN\n", "NDA", "6610247"),
        ("| N° RG | Mesure | Juge |\n|---|---|---|\n| 24/00917 | curatelle | Mme X |\n", "NDA", "24/00917"),
        ("| ID résident | Nom | Chambre |\n|---|---|---|\n| 300518 | Garnier | 7 |\n", "IPP", "300518"),
        ("n_dossier=QX-5512047\nnom=ROUSSEL\n", "NDA", "QX-5512047"),
    ],
)
def test_case_file_columns_and_keys(detector: object, text: str, label: str, number: str) -> None:
    assert number in values_of(detector, text, label)


@pytest.mark.parametrize(
    "text",
    [
        "Contrat : CDI\nDossier : complet\n",  # words, no numbers
        "| N° dossier | Statut |\n|---|---|\n| en cours | ouvert |\n",  # no number in the column
        "| Réf | Désignation |\n|---|---|\n| 3400930011 | compresses |\n",  # a product's reference column
    ],
)
def test_case_file_keys_without_numbers_give_nothing(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


def test_a_decision_numbered_like_an_act_is_left(detector: object) -> None:
    assert values_of(detector, "DÉCISION N° 2025-0917\nportant admission", "NDA") == []


# --- e-mails with the "@" and the dots as words, phones without their leading zero ---------------
@pytest.mark.parametrize(
    ("text", "mail"),
    [
        ("mail : t.garnier [at] sfr [dot] fr", "t.garnier [at] sfr [dot] fr"),
        ("écrire à p.morvan(at)ch-morlaix(dot)fr.", "p.morvan(at)ch-morlaix(dot)fr"),
        ("contact : l.briand (arobase) free (point) fr", "l.briand (arobase) free (point) fr"),
        ("A.COLIN[AT]GHT[DOT]FR", "A.COLIN[AT]GHT[DOT]FR"),
    ],
)
def test_mails_with_words_for_at_and_dot(detector: object, text: str, mail: str) -> None:
    assert values_of(detector, text, "MAIL") == [mail]


@pytest.mark.parametrize("text", ["the cat [at] night", "rendez-vous (at) home"])
def test_an_at_word_without_a_domain_is_no_mail(detector: object, text: str) -> None:
    assert values_of(detector, text, "MAIL") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("tel: 6 12 34 56 78", "6 12 34 56 78"),
        ("Tél. portable : 7 81 22 40 19", "7 81 22 40 19"),
        ("FAX 1.45.22.31.08", "1.45.22.31.08"),
    ],
)
def test_phones_without_their_leading_zero_after_a_phone_word(detector: object, text: str, phone: str) -> None:
    assert values_of(detector, text, "TEL") == [phone]


@pytest.mark.parametrize(
    "text",
    ["au 3 10 20 30 40 mg", "Tél : 3 10 20 30 40 mg", "score 6 12 34 56 78", "numéro 5 11 22 33 44"],
)
def test_digit_pairs_without_a_phone_word_or_with_a_unit_are_no_phone(detector: object, text: str) -> None:
    assert values_of(detector, text, "TEL") == []


# --- dates in rarer numeric layouts -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "date", "label"),
    [
        ("Entrée le 14 VIII 2025 par les urgences", "14 VIII 2025", "DATE"),
        ("Vu le 2/XI/2024.", "2/XI/2024", "DATE"),
        ("née le 27.IV.1939 à Dole", "27.IV.1939", "DATE_NAISSANCE"),
        ("Sortie prévue le 1er/07/2026", "1er/07/2026", "DATE"),
        ("Prélèvement du 2025.11.04", "2025.11.04", "DATE"),
        ("Né le 08 02 1951 à Nevers", "08 02 1951", "DATE_NAISSANCE"),
        ("RDV 23 06 2026 à 10h", "23 06 2026", "DATE"),
    ],
)
def test_dates_in_rarer_numeric_layouts(detector: object, text: str, date: str, label: str) -> None:
    assert (date, label) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "classe III 2024 du protocole",  # a class, no day
        "stade IV 2023",  # a stage
        "31 II 2024",  # no 31st of February
        "version 2.10.4 du logiciel",  # a version
        "2024.13.01",  # no thirteenth month
        "lot 12 14 2024",  # no fourteenth month
    ],
)
def test_numbers_that_are_no_date_variants(detector: object, text: str) -> None:
    assert [v for v, lab in found(detector, text) if lab in ("DATE", "DATE_NAISSANCE")] == []


# --- qualified nouns and references holding initials --------------------------------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("N/Réf. : AL/PB/2025-0871", "AL/PB/2025-0871"),
        ("N° de mesure de protection : 2018/0442", "2018/0442"),
        ("N° d'ordonnance de placement : 25/00871", "25/00871"),
        ("N° de la décision CDAPH : 2025/004417", "2025/004417"),
        ("n° de dossier CAF : 7140882", "7140882"),
    ],
)
def test_qualified_nouns_and_initials_in_references(detector: object, text: str, number: str) -> None:
    assert number in values_of(detector, text, "NDA")


@pytest.mark.parametrize(
    "text",
    [
        "mesure de protection 2019/0734 évoquée",  # a qualified noun without a mark
        "ordonnance n° 2020-1234 du 25 mars 2020",  # a law's number
        "Ordonnance : Doliprane 1000 mg",  # a prescription's content
    ],
)
def test_qualified_nouns_without_a_mark_or_with_a_law_number_are_left(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


@pytest.mark.parametrize("text", ["Tension 12 10 2024 ?", "poids 61 08 2025 kg", "lot 12 03 2024 reçu"])
def test_spaced_digits_without_a_date_word_are_no_date(detector: object, text: str) -> None:
    assert [v for v, lab in found(detector, text) if lab in ("DATE", "DATE_NAISSANCE")] == []


@pytest.mark.parametrize(
    "text",
    [
        "NE LE 12/03/1940 A TUNIS (TUNISIE)",  # a year, then "à" and the birthplace
        "né en 1952 à Oran (Algérie)",
        "entrée 14.2019 Genève (Suisse)",  # digits after a dot
    ],
)
def test_a_year_before_a_foreign_town_is_no_postcode(detector: object, text: str) -> None:
    assert values_of(detector, text, "ZIP") == []
