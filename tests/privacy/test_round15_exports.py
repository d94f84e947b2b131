"""Round 15, exports: columns named by a header (with a family or counter qualifier), framed
tables, quoted CSV comments, mainframe listings with detail lines, HL7 fields, file names and
accents broken by the DOS code page.

Invented values only. A positive case asserts that the value is one span with this label; a
negative case asserts that the value is not masked at all.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.field_keys import classify_header, classify_key
from avec.privacy.detection.table_dates import date_column_kind


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _labels_over(detector: Detector, text: str, value: str, nth: int = 0) -> set[tuple[str, str]]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    end = start + len(value)
    return {(text[s.start : s.end], s.label) for s in detector.detect(text) if s.start < end and start < s.end}


_FAMILY_CSV = (
    "NUM_AVIS;NOM_MERE;PRENOM_MERE;DDN_MERE;NOM_ENFANT;PRENOM_ENFANT;DATE_NAISS_ENF;CP;COMMUNE\n"
    "AV25-30418;TROADEC;NOLWENN;14/02/1991;TROADEC-VIGNAL;ELOUAN;02/03/2025;29260;LESNEVEN\n"
)
_PAIR_CSV = (
    "id_paire,score,ipp_1,nom_1,prenom_1,ddn_1,ipp_2,nom_2,prenom_2,ddn_2,decision,commentaire\n"
    "P-117,93,74120583,KERVELLA,Ginette,09/10/1948,74188206,QUERVELLA,Ginette,09/10/1948,FUSION,"
    '"même adresse, même médecin traitant, CNI vue"\n'
)
_FRAMED = (
    "+----+----------------------+------------+--------+\n"
    "| N° | PATIENT              | DDN        | IPP    |\n"
    "+----+----------------------+------------+--------+\n"
    "| 1  | BRULEFERT Annick     | 21/06/1944 | 60417  |\n"
    "| 2  | MADEC Youenn         | 02/11/1987 | 71952  |\n"
    "+----+----------------------+------------+--------+\n"
)
_REGISTER = (
    "| Date | Prénom | Nom / initiale | Kit | Remis par |\n"
    "|------|--------|----------------|-----|-----------|\n"
    "| 04/11 | Dylan | T. | Nyxoid | Margaux |\n"
    "| 18/11 | Solène | FOURNEL | Nyxoid | Margaux |\n"
)
_LISTING = (
    "NUM DOSS    IPP       NOM                NOM USAGE          PRENOM          NE LE\n"
    "-------------------------------------------------------------------------------------\n"
    "25011873    40028817  GOASDOUE           GOASDOUE           MARIE ANNICK    03.04.1950\n"
    "            NIR : NON RENSEIGNE      MED TRAITANT : DR LOZAC'H\n"
    "25011879    40039254  RIVIERE            PENNANEAC'H        JEAN YVES       17.09.1946\n"
    "            NIR : EN ATTENTE         MED TRAITANT : AUCUN\n"
)
_HL7 = (
    "MSH|^~\\&|GAM|350000139|DPI|350000139|20250317081500||ADT^A08^ADT_A01|MSG0091|P|2.5\n"
    "EVN||20250317081200|||tgueguen^GUEGUEN^TIPHAINE\n"
    "PID|1||50781234^^^350000139^PI||LE DUFF^ROZENN^^^MME^^L||19720408|F\n"
    "ZFV|^20250312|||\n"
    "OBX|2|NM|GLY^Glycemie^L||5.4|mmol/L|||||||F|||20250316221000\n"
    "OBX|1|RP|PDF^Compte rendu^L||\\\\srv-doc\\cr\\2025\\50781234_2503120077.pdf^APPLICATION^PDF||||||F\n"
)

# (text, value, label, nth occurrence): the value is one span with this label.
POSITIVE = [
    # columns whose header carries a family qualifier ("_MERE", "_ENFANT") or a counter ("_1")
    (_FAMILY_CSV, "AV25-30418", "NDA", 0),
    (_FAMILY_CSV, "TROADEC", "NOM", 0),
    (_FAMILY_CSV, "TROADEC-VIGNAL", "NOM", 0),
    (_FAMILY_CSV, "14/02/1991", "DATE_NAISSANCE", 0),
    (_FAMILY_CSV, "02/03/2025", "DATE_NAISSANCE", 0),
    (_PAIR_CSV, "74120583", "IPP", 0),
    (_PAIR_CSV, "74188206", "IPP", 0),
    (_PAIR_CSV, "QUERVELLA", "NOM", 0),
    (_PAIR_CSV, "09/10/1948", "DATE_NAISSANCE", 1),
    # a framed table: the "+----+" rule under the header keeps its columns
    (_FRAMED, "60417", "IPP", 0),
    (_FRAMED, "71952", "IPP", 0),
    # a column of surnames or their initials, a column of days
    (_REGISTER, "T.", "NOM", 0),
    (_REGISTER, "FOURNEL", "NOM", 0),
    (_REGISTER, "04/11", "DATE", 0),
    # a mainframe listing whose records take an indented second line
    (_LISTING, "PENNANEAC'H", "NOM", 0),
    (_LISTING, "40039254", "IPP", 0),
    (_LISTING, "JEAN YVES", "PRENOM", 0),
    (_LISTING, "MARIE ANNICK", "PRENOM", 0),
    # HL7: a login heading a person's field, a timestamp in a later component, a file name
    (_HL7, "tgueguen", "NOM", 0),
    (_HL7, "GUEGUEN", "NOM", 0),
    (_HL7, "20250312", "DATE", 0),
    (_HL7, "20250316221000", "DATE", 0),
    (_HL7, "2503120077", "NDA", 0),
    # file names and paths
    ("Pièce jointe : CRH_LE_GUILLOUX_20250114.pdf", "20250114", "DATE", 0),
    ("scan rangé dans /archives/2025/IPP_6603127.pdf", "6603127", "IPP", 0),
    ("voir D:\\scans\\NDA_25004417.pdf", "25004417", "NDA", 0),
    ("PJ : ordonnance_kerjean.pdf (62 Ko)", "kerjean", "NOM", 0),
    ("PJ : ECG_Kerbiriou_20241203.pdf", "Kerbiriou", "NOM", 0),
    # a doctor's cell closed by the commune of the practice
    ("NDA;NOM;MEDECIN_TRAITANT\n25030117;LAOUENAN;KERDONCUFF - LANDIVISIAU\n", "LANDIVISIAU", "VILLE", 0),
    # a login in a staff column (the midwife "SF" of a visit planning)
    ("date_visite;heure;sf;nom_mere\n14/05/2025;09:30;kbernicot;LOAEC\n", "kbernicot", "NOM", 0),
    # an export whose accents were read in the DOS code page
    ("N;NOM;PRENOM\n1;QUÉRÉ;Aur├®lie\n", "Aur├®lie", "PRENOM", 0),
]


@pytest.mark.parametrize(("text", "value", "label", "nth"), POSITIVE)
def test_export_value_found(detector: Detector, text: str, value: str, label: str, nth: int) -> None:
    assert (value, label) in _labels_over(detector, text, value, nth)


# (text, value): never masked.
NEGATIVE = [
    # the facility's FINESS number heading or closing an HL7 identifier, and the message type
    (_HL7, "350000139"),
    (_HL7, "ADT"),
    (_HL7, "PDF"),
    # a file named after what it holds, not after a person
    ("Pièces jointes : bilan_sanguin_complet.pdf ; radio_thorax_face.pdf", "sanguin"),
    ("Pièces jointes : bilan_sanguin_complet.pdf ; radio_thorax_face.pdf", "thorax"),
    ("export_lits_sem12.csv généré à 06:00", "sem12"),
    # a framed table's count and a day column's score-like cells outside a date column
    (_FRAMED, "N°"),
    ("| Score | Motif |\n|---|---|\n| 12/20 | contrôle |\n", "12/20"),
    # an ordinary word in a staff column is no login
    ("date_visite;heure;sf;nom_mere\n14/05/2025;09:30;remplacement;LOAEC\n", "remplacement"),
    # box-drawing characters of a tree are no broken accents
    ("HÔPITAL │ ├── dossier Lemaître", "├──"),
    # the listing's detail lines are no rows: "MED", "TRAITANT", "AUCUN" are no names
    (_LISTING, "TRAITANT"),
    (_LISTING, "AUCUN"),
]


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_export_word_left_alone(detector: Detector, text: str, value: str) -> None:
    assert _labels_over(detector, text, value) == set()


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("NOM_MERE", "nom"),
        ("prenom_enfant", "prenom"),
        ("ipp_2", "IPP"),
        ("NDA_ORIG", "NDA"),
        ("Nom de la mère", "nom"),
        ("MERE", None),
        ("enfant", None),
        ("Motif", None),
    ],
)
def test_qualified_headers(header: str, kind: str | None) -> None:
    assert classify_header(header) == kind


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("DDN_MERE", "DATE_NAISSANCE"),
        ("date_naiss_enf", "DATE_NAISSANCE"),
        ("ddn_1", "DATE_NAISSANCE"),
        ("Date", "DATE"),
        ("date_visite", "DATE"),
        ("Date RDV", "DATE"),
        ("Motif", None),
        ("Dose", None),
    ],
)
def test_date_columns(header: str, kind: str | None) -> None:
    assert date_column_kind(header) == kind


def test_counter_key_is_its_kind() -> None:
    assert classify_key("adresse_2") == "ADRESSE"
