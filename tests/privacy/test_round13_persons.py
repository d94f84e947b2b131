"""Round 13, persons: first names in quick team notes, initials after a surname in capitals,
relatives named after a kinship word, initials signing notes, patients' initials in tables.
Invented values only."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(s.label, text[s.start : s.end]) for s in detector.detect(text)}


def _masked(detector: Detector, text: str) -> set[str]:
    return {text[s.start : s.end] for s in detector.detect(text)}


# --- first names in the lower-case notes of a team or a drop-in centre ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("refuse les soins, finit par accepter. accompagné par ludovic aux urgences 16h.", "ludovic"),
        ("à suivre : rappeler gwendal au csapa lundi matin.", "gwendal"),
        ("mar 3/06\n- kevin revenu, plaie propre, pansement refait.", "kevin"),
        ("ven 6/06 soir (elodie/samir)\n- 12 passages.", "samir"),
        ("clé retrouvée dans la poche de quentin (équipe de nuit).", "quentin"),
        ("date : 12/06 — accueillant : mathis\n", "mathis"),
        ("ven 4/04\nremplaçante jordane (SAAD du canton). clé dans la boîte.", "jordane"),
    ],
)
def test_a_first_name_in_a_team_note_slot_is_masked(detector: Detector, text: str, name: str) -> None:
    assert ("PRENOM", name) in _found(detector, text)


def test_a_first_name_and_an_initial_after_a_dash_are_masked(detector: Detector) -> None:
    found = _found(detector, "chb 4 — ludovic p. : sdt, sortie du cesu à 9h.")
    assert {("PRENOM", "ludovic"), ("NOM", "p.")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "- selles ok, transit repris.\n- tension stable.",
        "remplacé par pierre de taille en 2019.",
        "vu avec voie veineuse périphérique, passage par voie orale.",
        "(matin/soir) : paracétamol 1 g.",
    ],
)
def test_ordinary_words_in_note_slots_stay(detector: Detector, text: str) -> None:
    assert not any(s.label in ("NOM", "PRENOM") for s in detector.detect(text))


# --- an initial after a surname in capitals ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surname", "initial"),
    [
        ("CERTIF INIT.  : DR VERDALLE B (NON PSY ETAB.) 02/03/2026", "VERDALLE", "B"),
        ("CERTIF 24H    : DR ROUQUETTE T 03/03/2026", "ROUQUETTE", "T"),
        ("12/05/2026  DR PAYET K           LISINOPRIL 10MG CPR B/30", "PAYET", "K"),
    ],
)
def test_a_bare_initial_after_a_doctor_s_caps_surname_is_a_first_name(
    detector: Detector, text: str, surname: str, initial: str
) -> None:
    found = _found(detector, text)
    assert ("PRENOM", initial) in found
    assert any(value == surname for _, value in found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("LE DR VERDALLE A VU LE PATIENT CE MATIN.", "A"),
        ("CONSULT DR VERDALLE J+30 POUR CONTROLE", "J"),
    ],
)
def test_a_verb_or_a_day_count_after_a_caps_surname_stays(detector: Detector, text: str, kept: str) -> None:
    assert kept not in _masked(detector, text)


# --- relatives and children after a kinship word, and before a birth date --------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "13-INS-24-00412 : MME KRASNIQI + ENFANTS BLERIM, VJOSA, DARDAN. RECEPISSE EN COURS",
            ["BLERIM", "VJOSA", "DARDAN"],
        ),
        ("LIT 04 : RAS. MERE NAFISSATOU PASSE LA NUIT (CHAMBRE PARENTS).", ["NAFISSATOU"]),
        ("PMI : jumeaux Tharun et Tharsan 6 sem, prise de poids correcte.", ["Tharun", "Tharsan"]),
        ("Fils Gérard (à Bourges) prévenu par téléphone.", ["Gérard"]),
        ("mère de deux enfants, Espérance (née le 03/05/2018) et Joël.", ["Espérance"]),
        ("Composition familiale :\n- Zarmina, née le 11/09/2020\n", ["Zarmina"]),
    ],
)
def test_names_after_a_kinship_word_or_before_a_birth_date(detector: Detector, text: str, names: list[str]) -> None:
    masked = _masked(detector, text)
    for name in names:
        assert name in masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("FILS UNIQUE. MERE PASSE LE SOIR. PERE ABSENT.", {"UNIQUE", "PASSE", "ABSENT"}),
        ("Mère : EPDS à 14, pleurs fréquents.", {"EPDS"}),
        ("fils Aîné scolarisé, fille Cadette en crèche.", {"Aîné", "Cadette"}),
        ("Patiente, née le 04/02/1950, adressée pour bilan.", {"Patiente"}),
    ],
)
def test_ordinary_words_after_a_kinship_word_stay(detector: Detector, text: str, kept: set[str]) -> None:
    assert not kept & _masked(detector, text)


# --- initials signing notes -------------------------------------------------------------------


def test_initials_and_surnames_after_signe_are_masked(detector: Detector) -> None:
    found = _found(detector, "rdv avec la psy le 3/12 à 10h\n\nsigné : t. wendling ide nuit / m. kieffer as\n")
    assert {("PRENOM", "t."), ("NOM", "wendling"), ("NOM", "kieffer")} <= found


def test_an_initial_and_a_surname_in_brackets_are_masked(detector: Detector) -> None:
    found = _found(detector, "appel coord. (c. vandewalle) : médecin prévenu, passe à 18h.")
    assert {("PRENOM", "c."), ("NOM", "vandewalle")} <= found


def test_two_letters_closing_each_entry_are_an_initial_signature(detector: Detector) -> None:
    text = "lun 3/11 9h – toilette faite, bonne humeur. rb\nmar 4/11 9h – a peu mangé. rb\n"
    assert [v for lab, v in _found(detector, text) if lab == "PRENOM"] == ["rb"]
    assert len([s for s in detector.detect(text) if text[s.start : s.end] == "rb"]) == 2


def test_two_letters_before_a_job_in_brackets_are_initials(detector: Detector) -> None:
    assert ("PRENOM", "fd") in _found(detector, "diurèse ok. fd (as de nuit) prévenue.")


@pytest.mark.parametrize(
    "text",
    [
        "Le patient a refusé de signer.\n",
        "prélèvement positif (s. aureus), isolement contact.",
        "lever fait. ok\ncoucher fait. ok\n",
    ],
)
def test_signing_words_and_species_stay(detector: Detector, text: str) -> None:
    assert not any(s.label in ("NOM", "PRENOM") for s in detector.detect(text))


# --- patients' initials heading table cells or bullets -----------------------------------------


def test_patients_initials_in_a_table_and_bullets(detector: Detector) -> None:
    text = (
        "| patient            | commune |\n"
        "| K.D. – HAD-26-0311 | Vannes  |\n"
        "| P.-Y. R. – HAD-26-0318 | Séné |\n"
        "\nRemarques :\n- K.D. : pompe à changer jeudi.\n"
    )
    found = _found(detector, text)
    assert {("PRENOM", "K."), ("NOM", "D."), ("PRENOM", "P.-Y."), ("NOM", "R.")} <= found


def test_dotted_care_abbreviations_heading_bullets_stay(detector: Detector) -> None:
    text = "Constantes :\n- T.A. : 13/8\n- F.C. : 82\n- S.A. : 97 %\n"
    assert not any(s.label in ("NOM", "PRENOM") for s in detector.detect(text))


def test_a_single_initials_head_is_not_enough(detector: Detector) -> None:
    assert not any(s.label in ("NOM", "PRENOM") for s in detector.detect("- Q.R. : code à scanner sur la boîte"))


# --- "M." signing under a closing formula, an initial after "PAR SURNAME", logins in a log column -


@pytest.mark.parametrize(
    "text",
    [
        "Je vous prie d'agréer, Madame, mes salutations distinguées.\n\nM. Verhoeven\n",
        "Pour le Directeur et par délégation,\nM. Castagnol\nResponsable du service",
        "Visa : M. Belkacemi, responsable de circonscription",
    ],
)
def test_m_signing_under_a_closing_formula_is_an_initial(detector: Detector, text: str) -> None:
    assert ("PRENOM", "M.") in _found(detector, text)


def test_m_opening_a_sentence_after_a_closing_formula_stays_a_title(detector: Detector) -> None:
    assert ("PRENOM", "M.") not in _found(detector, "Cordialement,\nM. Verhoeven est venu hier.")


def test_an_initial_after_par_and_a_caps_surname(detector: Detector) -> None:
    found = _found(detector, "EDITE LE 02/03/2026 A 06:10 PAR QUINTARD L (CADRE DE SANTE)")
    assert ("PRENOM", "L") in found


def test_logins_in_the_operator_column_of_a_call_log(detector: Detector) -> None:
    text = (
        "DATE       HEURE  TYPE               OPÉRATEUR  ACTION\n"
        "04/03/2026 10:12  appel volontaire   NPERRIN    abonné va bien.\n"
        "05/03/2026 22:40  appel de courtoisie PGIRARD   RAS\n"
        "06/03/2026 03:05  détecteur chute    URGENCE    pas de réponse\n"
    )
    found = _found(detector, text)
    assert {("NOM", "NPERRIN"), ("NOM", "PGIRARD")} <= found
    assert "URGENCE" not in {v for _, v in found}


def test_m_before_a_job_under_a_closing_formula_is_left_to_the_title_rule(detector: Detector) -> None:
    # writers disagree ("Cordialement,\nM. X, pharmacien" is marked as a title in the older sets)
    assert ("PRENOM", "M.") not in _found(detector, "Cordialement,\nM. Verhoeven, pharmacien titulaire\n")
