"""Round 11: numbers of the papers about a person, compact dates of exports, HL7 orders, staff columns.

Invented values only. Each positive case asserts the exact span and label; each negative case
asserts that the value is not masked (or not with the given label).
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _spans(detector: Detector, text: str) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in detector.detect(text)}


def _covered(detector: Detector, text: str, value: str) -> set[str]:
    start = text.index(value)
    end = start + len(value)
    return {s.label for s in detector.detect(text) if s.start < end and start < s.end}


# (text, value, label): prison registers, acts, invoices, events, short lettered files, references.
POSITIVE = [
    # prison register numbers, with or without a mark, in groups or with a year
    ("Vu en salle de soins – écrou 73518, bât. C", "73518", "NDA"),
    ("N° d'écrou : 2022/8841    quartier arrivants", "2022/8841", "NDA"),
    ("ÉCROU : 52 907 – QH femmes", "52 907", "NDA"),
    ("Détenu Paul X, numéro d'écrou 118 420, cellule 14", "118 420", "NDA"),
    ("né le 01/02/1970 – écrou n° 6603", "6603", "NDA"),
    # individual acts, invoices, events and contracts after a mark
    ("ARRÊTÉ N° 2025-DT-SDRE-00912 portant admission en soins", "2025-DT-SDRE-00912", "NDA"),
    ("arrêté préfectoral n° ARS-44-2025-0318 du 2 mai", "ARS-44-2025-0318", "NDA"),
    ("Acte n° 2025-2207\n\nLe deux mai", "2025-2207", "NDA"),
    ("joindre la facture de l'ambulance n° 2022-4410.", "2022-4410", "NDA"),
    ("FEI déclarée (n° 2025-207), cadre prévenu", "2025-207", "NDA"),
    ("- Abonnement gaz impayé (contrat n° 7731 2290 118) : 88,00 €", "7731 2290 118", "NDA"),
    ("envoyé au labo : n° de prélèvement AP25-03318", "AP25-03318", "NDA"),
    # files with a short lettered code; the patient's own code
    ("Consultation du 02/02/2025 – Dossier KB-5512", "KB-5512", "NDA"),
    ("Dossier : NEU-T.C-7710 – suivi", "NEU-T.C-7710", "NDA"),
    ("N° dossier cabinet : K-4471", "K-4471", "NDA"),
    ("Dossier n° 2503110098 — Code patient RX-550812", "RX-550812", "IPP"),
    ("IPP maternité attribué ce jour : 5500213377", "5500213377", "IPP"),
    # references opening with an acronym
    ("V/Réf : JLD 2025/00771 – audience", "JLD 2025/00771", "NDA"),
    ("Réf. SPIP : PRB 44/2024/002918", "PRB 44/2024/002918", "NDA"),
    ("pièces demandées (réf CPIP29-2025-0871)", "CPIP29-2025-0871", "NDA"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_document_numbers_are_found(detector: Detector, text: str, value: str, label: str) -> None:
    start = text.index(value)
    assert (start, start + len(value), label) in _spans(detector, text)


# (text, value): regulations, acts of care, doses, samples without a case code, counts.
NEGATIVE = [
    ("selon l'arrêté n° 2016-1234 relatif aux normes", "2016-1234"),
    ("Arrêté du 12 mars 2024 n° 2024-118 fixant les tarifs", "2024-118"),
    ("acte CCAM n° NFKA008 réalisé sous AG", "NFKA008"),
    ("prélèvement n° 3 à 8h, puis n° 4 à 10h", "3"),
    ("Kardégic 75 mg : contrat n° 1 de soins", "1"),
    ("la facture n° 12 de 45,00 €", "12"),
    ("Dossier HTA-2 à revoir", "HTA-2"),
    ("voir le dossier ARS-2024 sur les fugues", "ARS-2024"),
    ("sortie de l'écrou prévue en 2026 ; écrou levé", "2026"),
]


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_non_identifiers_stay(detector: Detector, text: str, value: str) -> None:
    assert not ({"NDA", "IPP"} & _covered(detector, text, value))


_FIXED = (
    "EXTRACTION SEJOURS CLOS\n"
    "REC IPP       NDA        NOM            PRENOM      DDN      SX ENTREE   SORTIE   GHM\n"
    "01  551204778 2502003318 MARCHETTI      LUCIE       04111983 F  03022025 07022025 06C041\n"
    "01  551330912 2502004410 OZTURK         KEREM       19650721 M  10022025 12022025 05M092\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [("04111983", "DATE_NAISSANCE"), ("03022025", "DATE"), ("07022025", "DATE"), ("19650721", "DATE_NAISSANCE")],
)
def test_compact_dates_of_fixed_width_exports(detector: Detector, value: str, label: str) -> None:
    start = _FIXED.index(value)
    assert (start, start + len(value), label) in _spans(detector, _FIXED)


def test_compact_number_outside_a_date_column_is_no_date(detector: Detector) -> None:
    # "06C041" (a GHM) and the NDA are no dates; a compact date needs a date column
    assert "DATE" not in _covered(detector, _FIXED, "06C041")
    assert "DATE" not in _covered(detector, _FIXED, "2502003318")


_HL7 = (
    "MSH|^~\\&|LAB|CHX|DPI|CHX|20250301101500||ORU^R01|M250301-0042|P|2.5\n"
    "PID|1||880123456^^^CHX^PI||MORVAN^LENA||19880514|F\n"
    "ORC|RE|Q2503010077|||CM\n"
    "OBR|1|Q2503010077|F2503010123|GLY^GLYCEMIE|||202503010745\n"
)


@pytest.mark.parametrize("value", ["Q2503010077", "F2503010123"])
def test_hl7_order_numbers(detector: Detector, value: str) -> None:
    assert "NDA" in _covered(detector, _HL7, value)


def test_hl7_test_code_is_no_number(detector: Detector) -> None:
    assert _covered(detector, _HL7, "GLY^GLYCEMIE") == set()


# Staff columns of session logs and exports: the cells are persons; roles and drugs stay.
_SESSIONS = (
    "| Date | Heure | MK | Durée | Exercices |\n"
    "|---|---|---|---|---|\n"
    "| 03/02 | 9h30 | Lemarchal | 20' | marche, Doliprane avant |\n"
    "| 05/02 | 10h00 | T. Ferrandi | 25' | idem |\n"
    "| 06/02 | 10h00 | IDEC | 25' | idem |\n"
)
_LOGINS = (
    '"NOM";"PRENOM";"LOGIN";"FONCTION";"SERVICE";"ARRIVEE"\n'
    '"QUEMENER";"Gaëlle";"gquemener";"IDE";"CARDIO 3B";"02/09/2019"\n'
    '"ABADIE";"Rémi";"rabadie2";"AS";"CARDIO 3B";"02/11/2023"\n'
)
_VALIDATED = (
    "NUM;DATE;NOM;PRENOM;CODE;RESULTAT;VALIDE_PAR\n"
    "2501;01/02/2025;PAGES;Lou;K;4,1;B.TISSERAND\n"
    "2502;01/02/2025;ROCHE;Ana;NA;139;B.TISSERAND\n"
)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (_SESSIONS, "Lemarchal", "NOM"),
        (_SESSIONS, "Ferrandi", "NOM"),
        (_LOGINS, "gquemener", "NOM"),
        (_LOGINS, "rabadie2", "NOM"),
        (_VALIDATED, "B.TISSERAND", "NOM"),
    ],
)
def test_staff_columns(detector: Detector, text: str, value: str, label: str) -> None:
    assert label in _covered(detector, text, value)


@pytest.mark.parametrize(
    ("text", "value"), [(_SESSIONS, "IDEC"), (_SESSIONS, "Doliprane"), (_LOGINS, "IDE"), (_VALIDATED, "RESULTAT")]
)
def test_staff_columns_keep_roles_and_drugs(detector: Detector, text: str, value: str) -> None:
    assert _covered(detector, text, value) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Plateforme d'écoute - 0800 471 902\n", "0800 471 902"),
        ("numéro vert : 0 805 221 340 (gratuit)", "0 805 221 340"),
        ("Allô Service Public 0.806.338.110", "0.806.338.110"),
    ],
)
def test_special_rate_phones(detector: Detector, text: str, value: str) -> None:
    start = text.index(value)
    assert (start, start + len(value), "TEL") in _spans(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("01  551204778 MARTIN  04111983 F  03022025 07022025 06C041", "07022025"),
        ("lot 0812 334 556 789 g", "0812 334 556"),
        ("poids 0845 123 456,5 kg", "0845 123 456"),
    ],
)
def test_phone_shapes_refused(detector: Detector, text: str, value: str) -> None:
    assert "TEL" not in _covered(detector, text, value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Entretiens avec le père les 04/11 et 18/11 (IDE présente).", ["04/11", "18/11"]),
        ("Séances les 3/12, 10/12 puis 17/12 au CMP.", ["3/12", "10/12", "17/12"]),
        ("convention signée 05/11 avec la famille", ["05/11"]),
        ("courrier reçu le 3/12, classé", ["3/12"]),
    ],
)
def test_day_month_lists_and_participles(detector: Detector, text: str, values: list[str]) -> None:
    spans = _spans(detector, text)
    for value in values:
        start = text.index(value)
        assert (start, start + len(value), "DATE") in spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kardégic : prise 1/2 cp le soir", "1/2"),
        ("TA mesurée 13/10 couché", "13/10"),
        ("EVA cotée les 3/10 et 5/10 selon le moment", "3/10"),
        ("les 1/2 et 1/4 de comprimé restants", "1/4"),
        ("scores notés 2/3 puis 3/3", "2/3"),
    ],
)
def test_fractions_scores_and_pressures_stay(detector: Detector, text: str, value: str) -> None:
    assert "DATE" not in _covered(detector, text, value)


_PLANNING = (
    "HEURE  IPP        NOM                 PRENOM          DDN         MOTIF\n"
    "08:30  300187345  LE GALL             ANNAIG          12/08/1949  SUIVI DT2\n"
    "09:10  ** ANNULE ** MME X - REPORTE\n"
    "09:50  300012876  DE LA TOUR D'AVAL   MAELLE          14/07/1982  THYROIDE\n"
)
_ROSTER = (
    "CH  NOM USUEL          NOM NAISS.         PRENOM(S)          NE(E) LE\n"
    "01  CARADEC            LE DROGO           MAIWENN            14/02/1931\n"
    "02  TANGUY             KERBIRIOU          ERWAN              03/11/1936\n"
)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (_PLANNING, "LE GALL", "NOM"),
        (_PLANNING, "DE LA TOUR", "NOM"),  # after a row turned into a note
        (_PLANNING, "MAELLE", "PRENOM"),
        (_ROSTER, "LE DROGO", "NOM"),  # under an abbreviated birth-name header
        (_ROSTER, "KERBIRIOU", "NOM"),
    ],
)
def test_fixed_width_name_cells(detector: Detector, text: str, value: str, label: str) -> None:
    start = text.index(value)
    assert (start, start + len(value), label) in _spans(detector, text)


def test_fixed_width_note_row_keeps_motive(detector: Detector) -> None:
    assert _covered(detector, _PLANNING, "THYROIDE") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("GUILLOU Maëlle\nNom naiss. TREGUER\nNé(e) le 02/05/1951   F", "TREGUER"),
        ("Nom usuel : LARHER   Nom naiss. : LE MEUR", "LE MEUR"),
        ("Mme PASCO Aline, nom de naiss. HELIAS, 80 ans", "HELIAS"),
        ("NJF KERVAREC", "KERVAREC"),
        ("Nom JF : Le Gall, deux enfants", "Le Gall"),
    ],
)
def test_birth_names_after_abbreviated_keys(detector: Detector, text: str, value: str) -> None:
    start = text.index(value)
    assert (start, start + len(value), "NOM") in _spans(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Nom naiss. Inconnu", "Inconnu"), ("Nom JF : Parkinson ?", "Parkinson"), ("nom de naiss. non renseigné", "non")],
)
def test_birth_name_keys_refuse_words(detector: Detector, text: str, value: str) -> None:
    assert "NOM" not in _covered(detector, text, value)


def test_glued_day_range_is_one_span(detector: Detector) -> None:
    text = "Permissions les 7-8/06 et 14-15/06 au domicile."
    spans = _spans(detector, text)
    for value in ("7-8/06", "14-15/06"):
        start = text.index(value)
        assert (start, start + len(value), "DATE") in spans


def test_birth_name_key_in_a_header_row_takes_no_header(detector: Detector) -> None:
    text = "CH  NOM USUEL   NOM NAISS.   PRENOM(S)   NE(E) LE\n01  TANGUY      KERBIRIOU    ERWAN       03/11/1936\n"
    assert _covered(detector, text, "PRENOM(S)") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mesure conforme aux critères FMF, opérateur certifié n° 118830)", "118830"),
        ("[ORDONNANCE SÉCURISÉE — n° 2502B 0071234]", "0071234"),
        ("transporteur agréé n° 4471203, véhicule 2", "4471203"),
    ],
)
def test_numbers_of_professionals_and_pads_stay(detector: Detector, text: str, value: str) -> None:
    assert not ({"NDA", "IPP"} & _covered(detector, text, value))
