"""Round 19 (structured): column-aware and segment-aware reading of exports.

- a fixed-width listing one character off its header ("LAN" one column right of "PRENOM") was not
  read as a table at all;
- a carer's column of a fixed-width listing ("IDE", "INTERVENANTE") held logins and first names
  that no rule read; "N ORD NOM / PRENOM" is one surname-then-first-name column;
- theatre lists name their surgeon and anaesthetist columns ("CHIRURGIEN;ANESTHESISTE");
- a transport's address column is "adr_depart"; a facility in such a column is left to the
  facility rules;
- HPRIM: the sampler and the prescriber of a request (OBR-10, OBR-16), a birth name after the
  title in P-5; HL7: a stay number one field off PV1-19 may have 13 digits.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

# Every data row one character right of its header from the second column on.
SHIFTED_LISTING = (
    "LISTE DES PRESENTS - UF 4410\n"
    "NIP        NOM USUEL          PRENOM         DDN        ENTREE     MED.RESP\n"
    "0051234987  FOUQUERAY          ARMELLE        03/05/1944 02/02/2025 TREGUIER\n"
    "0051239911  PENNANEAC'H        ROGATIEN       19/09/1938 04/02/2025 TREGUIER\n"
    "0051241002  MOISAN             NOLWENN        28/11/1960 05/02/2025 QUEMENER\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("0051234987", "IPP"),
        ("FOUQUERAY", "NOM"),
        ("ARMELLE", "PRENOM"),
        ("03/05/1944", "DATE_NAISSANCE"),
        ("TREGUIER", "NOM"),
        ("QUEMENER", "NOM"),
    ],
)
def test_listing_one_character_off_its_header(detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, SHIFTED_LISTING)


# Aligned rows, and a note below them whose words fall near the columns by chance.
CARER_COLUMN = (
    "PLANNING AIDE A DOMICILE - SEMAINE 12\n"
    "\n"
    "JOUR            HORAIRE        PRESTATION                    INTERVENANTE\n"
    "Lundi 17/03     08h30-09h30    Aide au lever                 Perrine\n"
    "Mardi 18/03     17h00-18h00    Repas du soir                 Gaëlle\n"
    "\n"
    "SEANCES\n"
    "DATE        DEBUT FIN   POIDS   IDE\n"
    "03/03/2025  07:15 11:15 72.4    PLEGOFF\n"
    "05/03/2025  07:10 11:05 71.9    KMADEC\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [("Perrine", "PRENOM"), ("Gaëlle", "PRENOM"), ("PLEGOFF", "NOM"), ("KMADEC", "NOM")],
)
def test_carer_column_of_a_fixed_width_listing(detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, CARER_COLUMN)


def test_carer_column_reads_no_word_of_an_overflowing_cell(detector) -> None:
    text = (
        "DATE        HEURE  CIBLE          TRANSMISSION                              AUTEUR\n"
        "03/03/2025  07:40  DOULEUR        EVA 4, PARACETAMOL DONNE. R: A REVOIR  LEGALL YOANN (IDE)\n"
        "03/03/2025  15:10  SOMMEIL        DORT BIEN APRES LE REPAS DU MIDI       RIOU SOLENE (AS)\n"
    )
    values = {v for v, _ in found(detector, text)}
    assert "REVOIR" not in values
    assert "PARACETAMOL" not in values


def test_second_cell_under_a_person_column_is_not_a_name(detector) -> None:
    # the sector's commune drifted left under the "AGENT" column: it is not the agent's name
    text = (
        "TOURNEE   AGENT                      SECTEUR                         NB\n"
        "A         PRIGENT Maëlle            Saint-Pol-de-Léon / Roscoff     9\n"
        "B         GUIVARCH Erwan           Plouescat / Cléder              8\n"
    )
    spans = found(detector, text)
    assert ("Saint-Pol-de-Léon", "NOM") not in spans
    assert ("Plouescat", "NOM") not in spans


def test_numbered_name_then_first_name_column(detector) -> None:
    text = (
        "N ORD NOM / PRENOM                      NE(E) LE    A                 DOMICILE\n"
        "----- --------------------------------- ----------- ----------------- ---------------\n"
        "0041  KERMARREC GILDAS                  14/02/1931  MORLAIX           4 RUE DE BREST\n"
        "0042  LE DUFF ANNE-LAURE                02/08/1940  LANNION           9 RUE DU PORT\n"
    )
    spans = found(detector, text)
    assert ("KERMARREC", "NOM") in spans
    assert ("GILDAS", "PRENOM") in spans
    assert ("KERMARREC GILDAS", "PRENOM") not in spans


THEATRE_LIST = (
    "DATE;SALLE;HEURE;CHIRURGIEN;ANESTHESISTE;NOM;PRENOM;DDN;ACTE\n"
    "14/04/2025;B2;08:00;QUILLEVERE M;SCOUARNEC P;ABGRALL;Tanguy;02/06/2012;AMYGDALECTOMIE\n"
    "14/04/2025;B2;09:30;QUILLEVERE M;SCOUARNEC P;JAOUEN;Clervie;11/10/1987;SEPTOPLASTIE\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [("QUILLEVERE", "NOM"), ("M", "PRENOM"), ("SCOUARNEC", "NOM"), ("P", "PRENOM"), ("ABGRALL", "NOM")],
)
def test_surgeon_and_anaesthetist_columns(detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, THEATRE_LIST)


def test_anaesthesia_technique_column_is_not_a_person(detector) -> None:
    # "Anesth." heads the technique (AG, rachi), not the anaesthetist
    text = (
        "| Heure | Patient | Acte | Anesth. | Remarque |\n"
        "|---|---|---|---|---|\n"
        "| 08:00 | KERBRAT Ewen | PTH G | rachi | à jeun |\n"
        "| 09:30 | LE BRIS Odile | PTG D | AG + BIS | diabète |\n"
    )
    values = {v for v, _ in found(detector, text)}
    assert "rachi" not in values
    assert "AG" not in values


def test_abbreviated_address_column_and_facility_in_it(detector) -> None:
    text = (
        "n_bon\tdate\tpatient\tadr_depart\tcp\tville\n"
        "TB25-00412\t07/04/2025\tCOAT Yannick\t14 impasse des Goélands\t29250\tSAINT-POL-DE-LEON\n"
        "TB25-00413\t07/04/2025\tMEAR Rozenn\tEHPAD Ty Glas\t29680\tROSCOFF\n"
    )
    spans = found(detector, text)
    assert ("14 impasse des Goélands", "ADRESSE") in spans
    assert ("EHPAD Ty Glas", "ADRESSE") not in spans


HPRIM_REQUEST = (
    "H|~^\\&|X0211.HPR||LABO DES ABERS^LDA29|ADM|ORU|||DPI||P|H2.2|20250314101500\n"
    "P|1|0044128790|25011207||TANGUY^MARIVONNE^^^MME^CALVEZ||19480211|F|||3 RUE DU MOULIN^^LANNILIS^^29870\n"
    "OBR|1||L250314-0088|NFS^NUMERATION FORMULE|R||202503140640|||BOZEC^TIPHAINE^IDE|||202503140710||"
    "KERDONCUFF^YVES||||||202503141005|||F\n"
    "OBX|1|NM|HB^HEMOGLOBINE||12.1|g/dL|12.0-16.0|N|||F\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("CALVEZ", "NOM"),
        ("TANGUY", "NOM"),
        ("BOZEC", "NOM"),
        ("TIPHAINE", "PRENOM"),
        ("KERDONCUFF", "NOM"),
        ("YVES", "PRENOM"),
    ],
)
def test_hprim_request_persons_and_birth_name(detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, HPRIM_REQUEST)


def test_hprim_request_codes_and_roles_are_not_names(detector) -> None:
    values = {v for v, _ in found(detector, HPRIM_REQUEST)}
    assert "IDE" not in values
    assert "NUMERATION FORMULE" not in values
    assert "MME" not in values


def test_hl7_stay_number_of_thirteen_digits_off_its_field(detector) -> None:
    text = (
        "MSH|^~\\&|LAB|CHX|DPI|CHX|20250301101500||ORU^R01|M1|P|2.5\n"
        "PID|1||559812301^^^CHX^PI||QUEAU^Loeiz||19700103|M\n"
        "PV1|1|I|MED2^210||||||||||||||||2025030112345\n"
    )
    assert ("2025030112345", "NDA") in found(detector, text)


def test_two_surnames_of_a_surname_cell(detector) -> None:
    text = (
        "IPP|NOM|PRENOM|DDN\n"
        "881204|LE ROUZIC / TALEC|GWENOLA|12/02/1961\n"
        "881207|PHILIPPE|ARMAND|03/09/1950\n"
    )
    spans = found(detector, text)
    assert ("LE ROUZIC", "NOM") in spans
    assert ("TALEC", "NOM") in spans


BILLING_RECORDS = (
    "CH X    ETAT DES LIGNES DE FACTURATION - LOT 0004127\n"
    "SEJOUR 251100873  IPP 000555119  LAGADEC ENORA           NIR 2550934148207 29       DU 24/06/2025\n"
    " GHS 5130     ACCIDENTS VASCULAIRES CEREBRAUX   1   4612.80\n"
    "SEJOUR 251100910  IPP 000555277  ARRIZABALAGA-OTEGUI IÑAKI NIR 178013417232622      DU 27/06/2025\n"
    "  IPP ABSORBE   : 0201999  DA CUNHA RUI LE 25/01/1963 - NANTES\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("LAGADEC", "NOM"),
        ("ARRIZABALAGA-OTEGUI", "NOM"),
        ("IÑAKI", "PRENOM"),
        ("DA CUNHA", "NOM"),
        ("RUI", "PRENOM"),
    ],
)
def test_name_beside_a_keyed_patient_number(detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, BILLING_RECORDS)


def test_words_beside_a_keyed_number_that_are_no_name(detector) -> None:
    text = "SEJOUR 251100873  IPP 000555119  CURE HERNIE OMBILICALE  DU 24/06/2025\n"
    values = {v for v, _ in found(detector, text)}
    assert not values & {"CURE", "HERNIE", "OMBILICALE", "CURE HERNIE OMBILICALE"}


def test_phone_in_international_digits_as_a_csv_cell(detector) -> None:
    text = (
        "id,date,destinataire,statut\n"
        '"S-0091","2025-01-07","33698123456","DELIVRE"\n'
        "S-0092;2025-01-07;0033298765432;ECHEC\n"
    )
    spans = found(detector, text)
    assert ("33698123456", "TEL") in spans
    assert ("0033298765432", "TEL") in spans


def test_long_numbers_that_are_no_phone_cell(detector) -> None:
    # 33 then 0, or inside a longer number: no phone of this layout (a bare 33 + 9 digits in prose
    # is read as a phone by patterns.py, the fail-safe reading, see test_round19_numbers.py)
    text = 'lot "33012345678" ; facture 233612345678 ; commande 3301234567'
    assert not any(label == "TEL" for _, label in found(detector, text))
