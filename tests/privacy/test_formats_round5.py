"""Table-driven tests of the format families of round 5: case and request numbers of social care
and justice, NDA columns named by a case file, table headers over a rule line, fixed-width
headers squeezed by one space, dates under an entry column, deadline days, day/month lists over
different months, emergency numbers after "appelez", a birth date before a street number.

Every sentence here was written for these tests (other names, numbers and places than the
development sets); each family has positive cases and negative neighbours of the same shape.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, values_of


# --- case and request numbers ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("N° Parquet : 25/01442\nMineure placée", ["25/01442"]),
        ("Réf. ASE : 2023-59-11872\nObjet : bilan", ["2023-59-11872"]),
        ("Référence MDPH : 87-2024-00517", ["87-2024-00517"]),
        ("Reçu le 3/02/2025 – N° demande : 972-24-001187", ["972-24-001187"]),
        ("N° de demande : 26B0518812   Prélevé à 8h", ["26B0518812"]),
        ("Demande : K24-771203   Prélèvement : urines", ["K24-771203"]),
        ("(n° de pré-admission PB-25-00412). Bilan avant.", ["PB-25-00412"]),
        ("pièce adressée au cabinet (n° de demande 25P-11874).", ["25P-11874"]),
        ("Consultation n° K25-004411 du service", ["K25-004411"]),
        # a lab request's long number: writers mark it 3 times in 4 (round 17)
        ("N° de demande : 2511030417\nHémoglobine 12,1 g/dL", ["2511030417"]),
    ],
)
def test_case_and_request_numbers_are_nda(detector: object, text: str, numbers: list[str]) -> None:
    assert values_of(detector, text, "NDA") == numbers


@pytest.mark.parametrize(
    "text",
    [
        "N° de demande : 41173\nHémoglobine 12,1 g/dL",  # a short bare number: a count or a year
        "l'ASE 2024 a été saisie par le juge",  # a body and a year, no number mark
        "une consultation 123456 fois répétée",  # no mark after the noun
        "Consultation n° 2 du mois",  # a count
        "la demande 12345 sans numéro",  # no mark
        "ASE : 3 visites",  # no reference, no record number
    ],
)
def test_counts_and_sample_numbers_are_no_nda(detector: object, text: str) -> None:
    assert values_of(detector, text, "NDA") == []


# --- tables ---------------------------------------------------------------------------------
def test_header_over_a_rule_line_is_a_header_not_a_pair(detector: object) -> None:
    text = (
        "Présents :\n| Nom / Prénom        | Fonction              |\n|---------------------|-----------------------|\n"
        "| Perrot Agathe | infirmière scolaire |\n| Marchal Denise | AESH |\n"
    )
    got = found(detector, text)
    assert ("Perrot", "NOM") in got and ("Agathe", "PRENOM") in got
    assert ("Marchal", "NOM") in got and ("Denise", "PRENOM") in got


def test_label_value_pair_without_rule_stays_a_pair(detector: object) -> None:
    text = "Nom\tGUILBERT\nMotif\tchute\n"
    assert ("GUILBERT", "NOM") in found(detector, text)
    assert values_of(detector, text, "NOM") == ["GUILBERT"]


@pytest.mark.parametrize(
    ("text", "nda"),
    [
        (
            "| Nom | Prénom | N° dossier MDPH | Classe |\n|---|---|---|---|\n| GIRAUD | Léna | 130077214 | CE2 |\n",
            ["130077214"],
        ),
        (
            "N° DOSSIER      | NOM        | PRENOM\nASE-59-221045 | MARTEL     | DYLAN\n",
            ["ASE-59-221045"],
        ),
        ("| Réf. demande | Motif |\n|---|---|\n| TR-25-00871 | transport |\n", ["TR-25-00871"]),
        # a column of no case file: a count of files is no identifier
        ("| Service | Nb dossiers |\n|---|---|\n| SSR | 12 |\n", []),
    ],
)
def test_case_file_columns_are_nda(detector: object, text: str, nda: list[str]) -> None:
    assert values_of(detector, text, "NDA") == nda


def test_rota_column_of_the_intern_on_call_holds_names(detector: object) -> None:
    text = (
        "Date        | Garde sur place   | Interne de garde\n------------|-------------------|-----------------\n"
        "Lun 12/01   | Dr Fontaine       | Guerrand\nMar 13/01   | Dr Pichot         | Aubertin\n"
    )
    noms = values_of(detector, text, "NOM")
    assert "Guerrand" in noms and "Aubertin" in noms


# --- fixed-width exports ------------------------------------------------------------------
_EXPORT = (
    "CH  LIT IPP         NDA        NOM                 PRENOM         NE(E) LE     ENTREE\n"
    "-----------------------------------------------------------------------------------\n"
    "112 F   6100452187  930114002  GUILLOT             ROLAND         03/09/1944   11/01/2026\n"
    "114     6100873321  930114275  BERTHIER            ODILE          21/12/1951   12/01/2026\n"
)


def test_fixed_width_header_squeezed_by_one_space_keeps_its_ipp_column(detector: object) -> None:
    assert values_of(detector, _EXPORT, "IPP") == ["6100452187", "6100873321"]
    assert values_of(detector, _EXPORT, "NDA") == ["930114002", "930114275"]


def test_fixed_width_entry_dates_are_no_birth_dates(detector: object) -> None:
    assert values_of(detector, _EXPORT, "DATE_NAISSANCE") == ["03/09/1944", "21/12/1951"]
    assert values_of(detector, _EXPORT, "DATE") == ["11/01/2026", "12/01/2026"]


def test_fixed_width_room_numbers_stay_unmasked(detector: object) -> None:
    masked_values = [v for v, _ in found(detector, _EXPORT)]
    assert "112" not in masked_values and "114" not in masked_values


# --- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("plus de place au SSAD avant le 19 donc merci", ["19"]),
        ("elle reste chez sa sœur jusqu'au 27, puis retour", ["27"]),
        ("à partir du 4 le passage se fera le soir", ["4"]),
        ("consultations aux urgences (6/09 et 14/12) pour malaise", ["6/09", "14/12"]),
        ("chutes le 2/10 et 30/11 au domicile", ["2/10", "30/11"]),
    ],
)
def test_deadline_days_and_lists_over_months_are_dates(detector: object, text: str, dates: list[str]) -> None:
    assert values_of(detector, text, "DATE") == dates


@pytest.mark.parametrize(
    "text",
    [
        "Si glycémie < 0,6 appelez le 15.",  # the SAMU
        "EVA 3/10 et 5/10 puis 2/10",  # scores share their denominator
        "MMSE 24/30 et MoCA 21/30",  # scores
        "prendre 1/2 ou 3/4 cp",  # fractions of a tablet
        "avant le 15 mg la dose était faible",  # a dose
        "avant le 3e jour de traitement",  # an ordinal
    ],
)
def test_scores_doses_and_emergency_numbers_are_no_dates(detector: object, text: str) -> None:
    assert values_of(detector, text, "DATE") == []


def test_birth_date_before_a_street_number_keeps_both(detector: object) -> None:
    text = "RESPONSABLE LEGAL : MARCHAL SANDRINE – DDN 03/07/1987 – 9 RUE DES MINEURS 62300 LENS"
    got = found(detector, text)
    assert ("03/07/1987", "DATE_NAISSANCE") in got
    assert ("9 RUE DES MINEURS", "ADRESSE") in got


def test_key_value_lines_with_wide_gaps_are_no_fixed_width_header(detector: object) -> None:
    text = "Nom d'usage : PERRAULT   Prénom : Gisèle\nNom de naissance : ABADIE    Date de naissance : 02/02/1941\n"
    masked_values = [v for v, _ in found(detector, text)]
    for word in ("Nom", "Prénom", "Date", "de"):
        assert word not in masked_values
    assert "ABADIE" in masked_values and "02/02/1941" in masked_values


# --- phones ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "phones"),
    [
        (
            "rappelez-la au zéro six quatre-vingt-treize, 21 44 07 85 merci",
            ["zéro six quatre-vingt-treize, 21 44 07 85"],
        ),
        ("joignable au 0694 21 33 87 91 le soir", ["0694 21 33 87 91"]),
        ("tél 05 61 22 48 90, 15 ans d'ancienneté", ["05 61 22 48 90"]),
    ],
)
def test_phones_dictated_half_in_words_or_with_an_extra_pair(detector: object, text: str, phones: list[str]) -> None:
    assert values_of(detector, text, "TEL") == phones


@pytest.mark.parametrize(
    "text",
    [
        "tension à dix-huit neuf, 12 14 au repos",  # a pressure in words, then digits
        "zéro six patients, 12 14 lits",  # "zéro" far from any phone word, counts
    ],
)
def test_numbers_in_words_without_phone_context_are_no_phone(detector: object, text: str) -> None:
    assert values_of(detector, text, "TEL") == []


# --- rows with edge pipes, key/value lines, timestamps ----------------------------------------
def test_rows_with_edge_pipes_are_read_by_their_key(detector: object) -> None:
    text = (
        "+----------------------+--------------------------+\n"
        "| Nom d'usage          | MERCIER                  |\n"
        "| Nom de naissance     | BLANC                    |\n"
        "| Lieu de naissance    | Oran (Algérie)           |\n"
        "+----------------------+--------------------------+\n"
    )
    got = found(detector, text)
    assert ("MERCIER", "NOM") in got and ("BLANC", "NOM") in got and ("Oran", "VILLE") in got
    assert not any(v in ("Nom", "Lieu", "naissance") for v, _ in got)


def test_key_value_export_lines_are_no_fixed_width_header(detector: object) -> None:
    text = "PRENOM     : LUCIEN                      SEXE : M\nNE LE      : 19/03/1961                  A : METZ\n"
    got = found(detector, text)
    assert ("19/03/1961", "DATE_NAISSANCE") in got
    assert not any(v in ("NE", "LE") for v, _ in got)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("sejour.date_entree=2025-06-14T09:05:00", "2025-06-14T09:05:00"),
        ("export 2024-01-02T10:11:12Z terminé", "2024-01-02T10:11:12Z"),
        ("examen du 2024-01-02 10:11", "2024-01-02"),  # a space: the time stays apart
    ],
)
def test_iso_timestamps_are_one_date(detector: object, text: str, date: str) -> None:
    assert values_of(detector, text, "DATE") == [date]


# --- logins ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "logins"),
    [
        ("REQUETE : SORTIES  /  UF 1210  /  OPERATEUR : GARNIER_P\n", ["GARNIER_P"]),
        ("DAC AVEYRON – IMPRIMÉ LE 03/06/2025 PAR MFOURNIER\n", ["MFOURNIER"]),
        ("ADMIS PAR  : RKOENIG\n", ["RKOENIG"]),
        ("Légende : lbernard = Léa Bernard (IDE matin) ; tgarcia = Théo Garcia", ["lbernard", "tgarcia"]),
    ],
)
def test_logins_after_an_operator_an_audit_verb_or_in_a_legend(detector: object, text: str, logins: list[str]) -> None:
    noms = values_of(detector, text, "NOM")
    assert all(login in noms for login in logins)


@pytest.mark.parametrize(
    "text",
    [
        "admis par les urgences puis admise par SAMU",  # a service, an acronym
        "Opérateur : chirurgien ; VALIDÉ PAR SERVICE",  # ordinary words
        "dose = Doliprane 1000 ; voie : Per Os",  # a legend of no login
    ],
)
def test_services_and_words_after_audit_labels_are_no_logins(detector: object, text: str) -> None:
    assert values_of(detector, text, "NOM") == []


# --- destination columns ------------------------------------------------------------------
_EXITS = (
    "NDA       ;NOM               ;PRENOM     ;MODE SORTIE ;DESTINATION\n"
    "826011355 ;BERTRAND          ;LOUIS      ;DOMICILE    ;VILLEFRANCHE-DE-ROUERGUE\n"
    "826011402 ;COSTES            ;MARIE      ;DOMICILE    ;RODEZ + HAD DU ROUERGUE\n"
    "826011477 ;VIDAL             ;PAUL       ;MUTATION    ;CARDIOLOGIE\n"
)


def test_destination_column_holds_communes(detector: object) -> None:
    assert values_of(detector, _EXITS, "VILLE") == ["VILLEFRANCHE-DE-ROUERGUE", "RODEZ"]


def test_destination_column_words_that_are_no_commune_stay(detector: object) -> None:
    masked_values = [v for v, _ in found(detector, _EXITS)]
    assert "CARDIOLOGIE" not in masked_values and "DOMICILE" not in masked_values


def test_framed_table_rows_after_a_border_keep_their_keys(detector: object) -> None:
    text = (
        "+----------------------+--------------------------+\n"
        "| Nom d'usage          | MERCIER                  |\n"
        "| Nom de naissance     | BLANC                    |\n"
        "+----------------------+--------------------------+\n"
        "| Médecin adresseur    | Dr Paul VIGNAL, Trets    |\n"
        "| Date de la demande   | 12/06/2024               |\n"
        "+----------------------+--------------------------+\n"
    )
    got = found(detector, text)
    assert ("VIGNAL", "NOM") in got and ("Trets", "VILLE") in got
    assert not any(v in ("Médecin", "adresseur", "Date") for v, _ in got)


def test_rows_keyed_by_a_role_hold_persons(detector: object) -> None:
    text = "| Prescripteur | Dr Anne ROUX | Dr Marc PIC |\n| IPP | 0012345678 | 0012345679 |\n"
    got = found(detector, text)
    assert ("ROUX", "NOM") in got and ("PIC", "NOM") in got
    assert ("0012345679", "IPP") in got


@pytest.mark.parametrize("cell", ["idem", "inconnue", "NC", "SDF", "même adresse"])
def test_address_cells_that_repeat_or_lack_a_value_stay(detector: object, cell: str) -> None:
    text = f"N° ; Nom ; Adresse\n250114 ; KERBRAT Loïc ; 3 rue de Brest\n250115 ; GUEGAN Anne ; {cell}\n"
    assert values_of(detector, text, "ADRESSE") == ["3 rue de Brest"]
