"""Round 16, old hospital system exports II: HPRIM lab messages, registers with abbreviated headers
or shifted rows, lower-case logins in capitals printout lines (values invented)."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector

HPRIM = (
    "H|\\^&|||LABO BIOMEDIQUE DES ESTUAIRES|||||CH DU LITTORAL||P|H2.1|202203150722\n"
    "P|1|440781236|22031577||QUINIOU^ROZENN^^MME|KERGOAT|19630214|F|8 RUE DES GOELANDS^^PENMARCH^^29760"
    "|||TREGUER^YANNICK|||||||||||\n"
    "OBR|1|2203150044||HB^HEMOGLOBINE^L||202203150655||||||||SANG\n"
    "OBX|1|NM|HB^HEMOGLOBINE^L||98|g/l|120-160|L|||F\n"
    "L|1|N\n"
)

HPRIM_EXPECTED = [
    ("202203150722", "DATE"),
    ("440781236", "IPP"),
    ("22031577", "NDA"),
    ("QUINIOU", "NOM"),
    ("ROZENN", "PRENOM"),
    ("KERGOAT", "NOM"),
    ("19630214", "DATE_NAISSANCE"),
    ("PENMARCH", "VILLE"),
    ("29760", "ZIP"),
    ("TREGUER", "NOM"),
    ("YANNICK", "PRENOM"),
    ("2203150044", "NDA"),
    ("202203150655", "DATE"),
]


@pytest.mark.parametrize(("value", "label"), HPRIM_EXPECTED)
def test_hprim_fields(detector: Detector, value: str, label: str) -> None:
    assert (value, label) in found(detector, HPRIM)


def test_hprim_results_are_not_identifiers(detector: Detector) -> None:
    result = {value for value, _ in found(detector, HPRIM)}
    assert not result & {"98", "HEMOGLOBINE", "120-160", "SANG", "HB"}


def test_hprim_lookalike_without_header_is_ignored(detector: Detector) -> None:
    # "P|1|..." without the HPRIM header: a pipe table, not a message
    text = "P|1|22|30||A^B|C|5|F\n"
    assert not any(s.source == "hprim" for s in detector.detect(text))


RSS = (
    "LISTE DES RUM EN ERREUR - MOIS MARS 2015\n"
    "\n"
    "NUM RSS   NDA       NOM            PRN    DDN       SX DT ENTREE  DT SORTIE  UM   DP      CODE RETOUR\n"
    "000517733 15022871 GOURMELON      FRA    17041944 1  03032015  11032015  2101 I214    OK\n"
    "000517790 15022904 ABGRALL        YVO    29111957 2  05032015  05032015  4401 ----    ERR 017 DP ABSENT\n"
    "NB RUM : 2 - ERREURS : 1 - TIM : R. JAOUEN\n"
)

REGISTER = (
    "EXPORT RESIDENTS PRESENTS AU 01/03/2019\n"
    "\n"
    "CH  N RESID  NOM                   PRENOM        NE LE       ENTREE\n"
    "--- -------- --------------------- ------------- ----------- -----------\n"
    "201 R00733   LANNUZEL              GWENAELLE     11/05/1929  02/02/2017\n"
    "202 R00741   PRIGENT               ARMAND        27/09/1931  15/06/2018\n"
)

DEATHS = (
    "N ORD NOM / PRENOM                      NE(E) LE    A                 DECEDE(E) LE  HEURE\n"
    "----- --------------------------------- ----------- ----------------- ------------- -----\n"
    "0071  BENSAID MAURICE                    04/06/1931  CONSTANTINE       03/05/2021    05:40\n"
    "0072  FERRARI LUCIA EP MANCINI         21/12/1930  PALERME           12/05/2021    23:05\n"
)

REGISTER_EXPECTED = [
    (RSS, "GOURMELON", "NOM"),
    (RSS, "FRA", "PRENOM"),
    (RSS, "17041944", "DATE_NAISSANCE"),
    (RSS, "03032015", "DATE"),
    (RSS, "11032015", "DATE"),
    (RSS, "ABGRALL", "NOM"),
    (RSS, "29111957", "DATE_NAISSANCE"),
    (REGISTER, "R00733", "IPP"),
    (REGISTER, "R00741", "IPP"),
    (REGISTER, "LANNUZEL", "NOM"),
    (DEATHS, "CONSTANTINE", "VILLE"),
    (DEATHS, "PALERME", "VILLE"),
    (DEATHS, "MANCINI", "NOM"),
    (DEATHS, "BENSAID", "NOM"),
]


@pytest.mark.parametrize(("text", "value", "label"), REGISTER_EXPECTED)
def test_register_columns(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (RSS, "TIM"),  # the summary line under the table
        (RSS, "ERREURS"),
        (RSS, "I214"),
        (DEATHS, "HEURE"),
        (REGISTER, "ENTREE"),
    ],
)
def test_register_words_not_masked(detector: Detector, text: str, word: str) -> None:
    assert word not in {value for value, _ in found(detector, text)}


LOGINS = [
    ("COMPTE RENDU DE CONSULTATION\n\nFRAPPE LE 03/05/2016 PAR tquere\n", "tquere"),
    ("TRAITE PAR : plezoualch LE 12/10/2020 - DOSSIER CLOS\n", "plezoualch"),
    ("REIMPRESSION BRACELET X2 - DEMANDE ykerdoncuff - 04/02/2022 08:15\n", "ykerdoncuff"),
    ("TOTAL : 7 BONS - 912,40 EUR - CONTROLE gsalaun\n", "gsalaun"),
    ("EXEC LE 19/03/2013 PAR mlostanlen SUR BASE PROD\n", "mlostanlen"),
]


@pytest.mark.parametrize(("text", "login"), LOGINS)
def test_caps_line_logins(detector: Detector, text: str, login: str) -> None:
    assert (login, "NOM") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Le dossier a été traité par ailleurs, RAS.\n",  # a sentence, not a printout line
        "TRAITE PAR voie orale\n",  # an ordinary word after PAR
        "FRAPPE LE 03/05/2016 PAR secretariat\n",
    ],
)
def test_caps_line_logins_negative(detector: Detector, text: str) -> None:
    assert not any(s.source == "caps_line_login" for s in detector.detect(text))


TRANSPORTS = (
    "DATE;IPP;PATIENT;ADRESSE_DOMICILE;DESTINATION;TYPE\n"
    "02/03/2020;190044871;MARTINIE GERMAINE;LE BOURG 19320 SAINT-MARTIN-LA-MEANNE;CH DE TULLE;VSL\n"
    "09/03/2020;190051236;BESSE ANDRE;HAMEAU DE LA VERGNE 19160 NEUVIC;CH DE TULLE;AMB\n"
    "11/03/2020;190051236;BESSE ANDRE;CH DE TULLE;CHU DE LIMOGES;AMB\n"
)


@pytest.mark.parametrize("value", ["LE BOURG", "HAMEAU DE LA VERGNE"])
def test_delimited_address_without_number(detector: Detector, value: str) -> None:
    assert (value, "ADRESSE") in found(detector, TRANSPORTS)


def test_delimited_address_other_columns_untouched(detector: Detector) -> None:
    spans = [s for s in detector.detect(TRANSPORTS) if s.source == "delimited_address"]
    assert len(spans) == 2  # not the facility cell without a postal code, not the destination column
    other = "DATE;CODE;LIBELLE;TYPE\n02/03/2020;A12;LE BOURG 19320 NEUVIC;VSL\n"
    assert not any(s.source == "delimited_address" for s in detector.detect(other))


IDENTITY = (
    "FUSION N 2019-0112\n"
    "  IPP CONSERVE  : 0051288  PERRAUDEAU ODILE NEE GIRAUD LE 14/11/1947 - MORTAGNE-SUR-SEVRE\n"
    "  IPP ABSORBE   : 0203317  PERRAUDEAU ODILE LE 14/11/1947 - CASABLANCA\n"
    "  DOSSIER TRAITE LE 03/05/2019 - SANS SUITE\n"
)


@pytest.mark.parametrize("town", ["MORTAGNE-SUR-SEVRE", "CASABLANCA"])
def test_identity_line_birthplace(detector: Detector, town: str) -> None:
    assert (town, "VILLE") in found(detector, IDENTITY)


def test_identity_line_not_a_town(detector: Detector) -> None:
    assert "SANS SUITE" not in {value for value, _ in found(detector, IDENTITY)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11:02:40 E104  620331877  DUFLOT ODETTE 02/03/1941   NOM NAISS. ABSENT (A COMPLETER)\n", None),
        ("ETIQUETTE : NJF INCONNU - VERIFIER CNI\n", None),
        ("11:02:40 E104  620331877  DUFLOT ODETTE   NOM NAISS. VASSEUR\n", "VASSEUR"),
    ],
)
def test_birth_name_key_placeholder(detector: Detector, text: str, expected: str | None) -> None:
    result = {value for value, label in found(detector, text) if label == "NOM"}
    assert not result & {"ABSENT", "INCONNU"}
    if expected:
        assert expected in result
