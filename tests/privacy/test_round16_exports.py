"""Round 16 (exports): identifiers in structured exports that the column rules missed.

key;value field lists, sign-off rows under a CSV, a surname in capitals with a first name or its
bare initial in a cell or opening a listing line, a married name's first surname, the operator's
column closing a fixed-width listing, "PATIENT" columns of fixed-width journals, compact dates
under "DTENT"/"DTSOR" and birth dates under "DNAIS". Every value is invented.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector
from avec.privacy.detection.field_keys import classify_header, classify_key


def _masked(detector: Detector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end for s in detector.detect(text))


_FIELD_LIST = (
    "champ;valeur\n"
    "service;Pneumologie - UF 2210\n"
    "patient_nom;KERVELLA\n"
    "patient_nom_usage;TALBOURDET\n"
    "patient_prenom;Soizic\n"
    "cp;29290\n"
    "ville;Saint-Renan\n"
    "diagnostic;pneumopathie franche lobaire aiguë\n"
)

_SIGN_OFF = (
    "UF;LIT;IPP;NOM;PRENOM;DDN\n"
    "CARD;12;81450022;MORVAN;ALAIN;04/05/1950\n"
    "CARD;14;81450037;QUEMENER;ODILE;19/10/1944\n"
    "REMPLI PAR;GOURVES SOLENNE (CDS);POSTE 3318;;;\n"
)

_CELLS = (
    "IPP,NDA,NOM,PRENOM,DDN,MEDECIN_ADRESSEUR,CP,COMMUNE\n"
    "0000810442,240551203,ABGRALL,YANNICK,02/02/1971,QUINIOU Y,29800,LANDERNEAU\n"
    "0000810457,240551218,CLOAREC,MARINE,30/06/1988,LE BRAS M,29200,BREST\n"
    "UF;LIT;IPP;NOM;PRENOM;CONTACT_FAMILLE\n"
    "MEDA;7;92400117;PHAM;THI HOA;PHAM KHANH\n"
    "MEDA;8;92400125;ROLLAND;JACQUES;ROLLAND AMELIE (FILLE)\n"
)

_LISTING = (
    "ABSENTS DU JOUR - EHPAD\n"
    "  112 KERLEAU RENE - HOSPITALISE CH MORLAIX\n"
    "  ENFANTS : LAGADEC MATHIS  04/04/2016\n"
    "  TANGUY CLEMENT 22/01/2019\n"
    "FIN DE LISTE\n"
)

_FIXED_WIDTH = (
    "DATE/HEURE      MVT  IPP        NDA        PATIENT                          ORIG   DEST   OPERATEUR\n"
    "03/11/24 08:15  ENT  0417725    24051102   LE QUINTREC Annick               URG    3120   tcoatanea\n"
    "03/11/24 09:40  MUT  0588210    24051130   DE KERGARIOU Yves                3120   BLOC   tcoatanea\n"
    "03/11/24 16:02  SOR  0620981    24050877   PRIGENT ep CORRE Maryvonne       3120   DOM    tcoatanea\n"
)

_TRIAGE = (
    "N°PASS     ARRIVEE  NOM PRENOM        DDN         MOTIF                     DEVENIR         IOA\n"
    "2411-20431 20:04    QUERE YANN        11/02/1990  PLAIE MAIN G              RAD 21:40       TGUILLOU\n"
    "2411-20436 21:15    CORRE ANNE        03/10/1958  DOULEUR THORACIQUE        USIC            FLEHIR\n"
    "2411-20440 21:52    BIHAN LOIC        02/03/1977  ENTORSE CHEVILLE          RAD\n"
)

_CALL_LOG = (
    "DATE       HEURE  TYPE                 OPÉR.          COMPTE RENDU\n"
    "02/03/2025 10:12  test cyclique        auto           OK\n"
    "04/03/2025 19:47  appel médaillon      jpenhoat       appui involontaire, abonné va bien.\n"
)

_BILLING = (
    "TYP NUMFAC      NOM                  PRENOM         DNAIS    R DTENT    DTSOR    GHS\n"
    "FAC 24F00291104 GUILLERM             ODETTE         19470512 1 20241103 20241109 5121\n"
)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (_FIELD_LIST, "KERVELLA", "NOM"),
        (_FIELD_LIST, "TALBOURDET", "NOM"),
        (_FIELD_LIST, "Soizic", "PRENOM"),
        (_FIELD_LIST, "29290", "ZIP"),
        (_FIELD_LIST, "Saint-Renan", "VILLE"),
        (_SIGN_OFF, "GOURVES", "NOM"),
        (_SIGN_OFF, "SOLENNE", "PRENOM"),
        (_CELLS, "QUINIOU", "NOM"),
        (_CELLS, "Y", "PRENOM"),
        (_CELLS, "LE BRAS", "NOM"),
        (_CELLS, "KHANH", "PRENOM"),
        (_CELLS, "AMELIE", "PRENOM"),
        (_LISTING, "KERLEAU", "NOM"),
        (_LISTING, "RENE", "PRENOM"),
        (_LISTING, "CLEMENT", "PRENOM"),
        (_FIXED_WIDTH, "LE QUINTREC", "NOM"),
        (_FIXED_WIDTH, "DE KERGARIOU", "NOM"),
        (_FIXED_WIDTH, "PRIGENT", "NOM"),
        (_FIXED_WIDTH, "CORRE", "NOM"),
        (_TRIAGE, "TGUILLOU", "NOM"),
        (_TRIAGE, "FLEHIR", "NOM"),
        (_CALL_LOG, "jpenhoat", "NOM"),
        (_BILLING, "19470512", "DATE_NAISSANCE"),
        (_BILLING, "20241103", "DATE"),
        (_BILLING, "20241109", "DATE"),
    ],
)
def test_export_identifiers_are_found(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a side after a medical abbreviation is no initial
        ("PATIENT|HEURE|ABORD|POIDS\nPERRON Marc|08h00|FAV G|74,0\nSALAUN Lucie|10h30|PTH D|61,5\n", "FAV"),
        ("PATIENT|HEURE|ABORD|POIDS\nPERRON Marc|08h00|FAV G|74,0\nSALAUN Lucie|10h30|PTH D|61,5\n", "PTH"),
        # ordinary words in capitals before a first-name word
        ("UF;ACTE;SITE\nMEDA;ECHOGRAPHIE ROSE;CENTRE FRANCE\nMEDB;BILAN SANGUIN;NORD\n", "ECHOGRAPHIE"),
        ("UF;ACTE;SITE\nMEDA;ECHOGRAPHIE ROSE;CENTRE FRANCE\nMEDB;BILAN SANGUIN;NORD\n", "CENTRE"),
        ("UF;TRAITEMENT;DOSE\nMEDA;VITAMINE D;1 amp\nMEDB;HEPATITE B;vaccin\n", "VITAMINE"),
        # one key;value line alone is no field list; a header row is no value
        ("Note du jour\nprenom;voir dossier papier\n", "voir"),
        ("champ;valeur\nnom;prenom\n", "prenom"),
        # the last token of a listing row whose operator cell is empty
        (_TRIAGE, "RAD\n"),
        # a call-centre robot is no operator
        (_CALL_LOG, "auto"),
    ],
)
def test_export_words_stay(detector: Detector, text: str, value: str) -> None:
    assert not _masked(detector, text, value)


def test_a_sign_off_row_is_no_data_row(detector: Detector) -> None:
    # "POSTE 3318" stands under the IPP column by chance: it is a phone extension
    assert not _masked(detector, _SIGN_OFF, "3318")


_CARE_TABLE = (
    "| Date   | Plaie            | Interv. |\n"
    "|--------|------------------|---------|\n"
    "| 03/02  | 18 x 12, fibrine | KLB     |\n"
    "| 05/02  | 17 x 12          | IDEC    |\n"
    "| 07/02  | 17 x 11          | KLB     |\n"
    "\n"
    "| Date   | Jour   | Séance |\n"
    "|--------|--------|--------|\n"
    "| 04/03  | lundi  | S1     |\n"
    "\n"
    "| Ch. | Nom chef de famille | Prénom | n° domic. |\n"
    "|-----|---------------------|--------|-----------|\n"
    "| 12  | HAKIMI              | Samira | DOM-4471  |\n"
    "\n"
    "TRAIT                 | DOSSIER A      | DOSSIER B\n"
    "Nom de naissance      | LAVENANT       | LAVENAN\n"
    "1er prénom naiss.     | ROZENN         | ROZ\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("KLB", "NOM"),
        ("04/03", "DATE"),
        ("HAKIMI", "NOM"),
        ("DOM-4471", "NDA"),
        ("ROZENN", "PRENOM"),
    ],
)
def test_care_table_columns(detector: Detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, _CARE_TABLE)


@pytest.mark.parametrize(
    "text",
    [
        _CARE_TABLE,  # "IDEC" is a role in a person's column
        "| Score | Date |\n|---|---|\n| 3/10 | IDEC |\n",  # a date column that is not the first
    ],
)
def test_roles_and_scores_in_care_tables_stay(detector: Detector, text: str) -> None:
    result = {value for value, _ in found(detector, text)}
    assert "IDEC" not in result and "3/10" not in result


_ROLE_FIELDS = (
    "PASSAGE N° 25-118204   HEURE ARRIVEE : 22:18    IOA : KERDRAON M\n"
    "MOTIF : DYSPNEE\n"
    "OPERATEUR : ARM LOUARN V\n"
    "SF NUIT : GOASDOUE / AP : LE MEUR C.\n"
    "EQUIPIERS : CPL TREGUER, SAP QUEFFELEC\n"
    "IDE : NON RENSEIGNE\n"
    "MEDECIN RESP : CHU BREST\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("KERDRAON", "NOM"),
        ("M", "PRENOM"),
        ("LOUARN", "NOM"),
        ("V", "PRENOM"),
        ("GOASDOUE", "NOM"),
        ("LE MEUR", "NOM"),
        ("C.", "PRENOM"),
        ("QUEFFELEC", "NOM"),
    ],
)
def test_staff_after_role_keys(detector: Detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, _ROLE_FIELDS)


@pytest.mark.parametrize("value", ["DYSPNEE", "NON RENSEIGNE", "CHU BREST"])
def test_role_keys_values_that_are_no_person_stay(detector: Detector, value: str) -> None:
    result = found(detector, _ROLE_FIELDS)
    assert not any(label in ("NOM", "PRENOM") and text in value for text, label in result)


_IDENTITY_BLOCK = (
    "EXTRACTION DOSSIER ADMINISTRATIF - EDITE LE 02/03/2025\n"
    "IPP           : 29B0071452\n"
    "NOM USAGE     : BERGER\n"
    "NOM USUEL  : TALEC                 NOM NAISS : MARCHAND\n"
    "MOTIF         : DOULEUR THORACIQUE\n"
)


@pytest.mark.parametrize("value", ["BERGER", "TALEC", "MARCHAND"])
def test_padded_name_keys_of_capitals_exports(detector: Detector, value: str) -> None:
    assert (value, "NOM") in found(detector, _IDENTITY_BLOCK)


def test_padded_keys_of_no_name_stay(detector: Detector) -> None:
    assert not _masked(detector, _IDENTITY_BLOCK, "DOULEUR")


_RESIDENTS = (
    "CH  | NOM USAGE / NAISSANCE   | PRENOM     | NE(E) LE   | MED_RESP\n"
    "------------------------------------------------------------------\n"
    "101 | LE DUFF NEE KERGOAT       | ANNICK     | 02/04/1931 | IDRISSI\n"
    "102 | DE LA HAYE-JOUSSELIN      | HERVE      | 28/12/1935 | OUAKI\n"
    "103 | *** CHAMBRE LIBRE - ENTREE PREVUE 18/03/2025 ***\n"
    "104 | PERSON NEE GUILCHER       | GERMAINE   | 30/07/1929 | IDEC\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("LE DUFF", "NOM"),
        ("KERGOAT", "NOM"),
        ("DE LA HAYE-JOUSSELIN", "NOM"),
        ("OUAKI", "NOM"),
        ("PERSON", "NOM"),
        ("GUILCHER", "NOM"),
        ("GERMAINE", "PRENOM"),
    ],
)
def test_resident_list_with_row_notes_and_married_names(detector: Detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, _RESIDENTS)


@pytest.mark.parametrize("value", ["NEE", "IDEC", "CHAMBRE"])
def test_resident_list_words_stay(detector: Detector, value: str) -> None:
    assert not any(value in text.split() for text, _ in found(detector, _RESIDENTS))


_MIXED_CELLS = (
    "Liste des femmes suivies cette semaine, établie par la sage-femme de coordination.\n"
    "| Patiente | Terme | Suivi |\n"
    "|---|---|---|\n"
    "| JEAN-BAPTISTE Wislande (7012100476) | 24 SA | psy |\n"
    "| IRM Cérébrale | 12 SA | BILAN Sanguin |\n"
)


def test_capitals_surname_then_unknown_first_name_in_a_cell(detector: Detector) -> None:
    result = found(detector, _MIXED_CELLS)
    assert ("JEAN-BAPTISTE", "NOM") in result and ("Wislande", "PRENOM") in result


@pytest.mark.parametrize("value", ["Cérébrale", "Sanguin", "BILAN"])
def test_capitals_word_then_ordinary_word_in_a_cell_stays(detector: Detector, value: str) -> None:
    assert not _masked(detector, _MIXED_CELLS, value)


_NUMBERED = (
    "SSIAD DU PAYS BIGOUDEN - LISTE DES PASSAGES PREVUS - TOURNEE 1\n"
    "NUM  NOM PRENOM                  ADRESSE                      HEURE\n"
    "0517 KERNEVEZ MAUD            8 RUE DU PORT                   07:00\n"
    "0522 QUILLIVIC YVON    14 ROUTE DE PENMARCH           07:45\n"
    "\n"
    "ABSENTS :\n"
    "0530 CALVEZ ANNA - HOSPITALISEE\n"
    "2024 BILAN ANNUEL A PREVOIR\n"
)


@pytest.mark.parametrize("value", ["0517", "0522", "0530"])
def test_numbers_opening_the_lines_of_a_numbered_listing(detector: Detector, value: str) -> None:
    assert (value, "IPP") in found(detector, _NUMBERED)


def test_a_year_before_ordinary_words_is_no_number_of_a_person(detector: Detector) -> None:
    assert ("2024", "IPP") not in found(detector, _NUMBERED)


_PAR_LOGINS = (
    "REGISTRE DES DECES - EDITION DU 02/01/2025 PAR JKERVRAN\n"
    "10:02 | PLAIE MAIN | AJOUTE PAR TLOUEDEC\n"
    "COURRIER TRANSMIS PAR MSSANTE\n"
    "VALIDE PAR STRUCTURE\n"
)


@pytest.mark.parametrize("value", ["JKERVRAN", "TLOUEDEC"])
def test_logins_in_capitals_after_par(detector: Detector, value: str) -> None:
    assert (value, "NOM") in found(detector, _PAR_LOGINS)


@pytest.mark.parametrize("value", ["MSSANTE", "STRUCTURE"])
def test_words_after_par_stay(detector: Detector, value: str) -> None:
    assert not _masked(detector, _PAR_LOGINS, value)


_RELATIVES = (
    "NUM_RES;NOM;PRENOM;ENTREE;REFERENT FAMILIAL;MESURE\n"
    "RES0417;QUEAU;MARCEL;12/04/2018;FAMILLE (FILS KERHERVE PATRICE);AUCUNE\n"
    "RES0418;DUPUY;JEANNE;03/09/2021;FILS UNIQUE, VIT A BREST;CURATELLE\n"
)


def test_a_relative_named_in_a_capitals_cell(detector: Detector) -> None:
    result = found(detector, _RELATIVES)
    assert ("KERHERVE", "NOM") in result and ("PATRICE", "PRENOM") in result


def test_a_relative_word_before_ordinary_words_stays(detector: Detector) -> None:
    assert not _masked(detector, _RELATIVES, "UNIQUE")


def test_birth_date_and_first_name_header_abbreviations() -> None:
    assert classify_key("DNAIS") == "DATE_NAISSANCE"
    assert classify_key("DT_NAISS") == "DATE_NAISSANCE"
    assert classify_header("1er prénom naiss.") == "prenom"
    assert classify_key("DENT") is None
