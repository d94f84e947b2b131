"""Round 6 person rules: DAR nursing notes, relatives named by their bond, teams and sign-off
lines, group participants, devices and assays named after people or brands. Names, places and
numbers are invented for these tests."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked, persons

# --- DAR notes: "A:" is the action, not a recipient ------------------------------------------

DAR_ACTIONS = [
    "CIBLE : CHUTE\nD: TROUVEE AU SOL.\nA: BILAN, CONSTANTES.\nR: REPOS AU LIT.",
    "D: REFUS DU REPAS. A: ENRICHI, COMPLEMENT PROPOSE. R: BU A MOITIE.",
    "D : douleur genou EVA 5. A : Appel interne de garde. R : antalgique efficace.",
    "D: AGITATION NOCTURNE A: RETOUR AU CALME APRES TISANE R: DORT A 2H",
    "D: dyspnée. A: Aide au lever, oxygène 2 L. R: SpO2 95 %.",
]


@pytest.mark.parametrize("text", DAR_ACTIONS)
def test_dar_action_is_no_name(detector: object, text: str) -> None:
    assert persons(detector, text) == []


DAR_NAMES_KEPT = [
    ("D: CHUTE. A: APPEL DR VASSEROT. R: PASSAGE A 16H.", "VASSEROT"),
    ("D: douleur. A: prévenu Mme Quillerou (fille). R: rassurée.", "Quillerou"),
]


@pytest.mark.parametrize(("text", "name"), DAR_NAMES_KEPT)
def test_dar_names_after_a_title_are_kept(detector: object, text: str, name: str) -> None:
    assert name in persons(detector, text)


# An e-mail header keeps its recipient: no "D:" / "R:" fields there.
MAIL_RECIPIENTS = [
    "De : Solène Marchetti\nA : Gaëtan Rivoallan\nObjet : sortie du patient",
    "Bilan : vitamine D : 22 ng/ml, facteur R : négatif\nA : Gaëtan Rivoallan\n",
]


@pytest.mark.parametrize("text", MAIL_RECIPIENTS)
def test_mail_recipient_after_a_is_still_a_name(detector: object, text: str) -> None:
    assert {"Gaëtan", "Rivoallan"} <= set(persons(detector, text))


# --- relatives named by their bond ----------------------------------------------------------

RELATIVES = [
    ("Ma sœur Grâce habite à Pointe-Noire depuis dix ans.", "Grâce"),
    ("Sa sœur Violette passe le dimanche.", "Violette"),
    ("Sa soeur Françoise appelle chaque soir.", "Françoise"),
    ("son beau-frère Anatole l'accompagne.", "Anatole"),
    ("pas de fièvre. fils (olivier) d'accord pour la sortie.", "olivier"),
    ("Appel reçu. Fille (Capucine) inquiète pour la nuit.", "Capucine"),
    ("voisine (rose) a les clés de l'appartement.", "rose"),
    ("NUIT CALME. EPOUSE (GERMAINE) PRESENTE AU REVEIL.", "GERMAINE"),
]


@pytest.mark.parametrize(("text", "name"), RELATIVES)
def test_relatives_named_after_the_bond(detector: object, text: str, name: str) -> None:
    assert name in persons(detector, text)


RELATIVE_NEGATIVES = [
    ("Son fils Aîné est venu hier.", "Aîné"),
    ("Vit chez sa mère, Route de la Gare, depuis mai.", "Route"),
    ("En présence de sa fille\nÉvaluatrice : l'équipe APA", "Évaluatrice"),
    ("Personne à prévenir : ma nièce\nDomicilié(e) à : Limoges", "Domicilié"),
    ("fils (aîné) présent à la visite.", "aîné"),
]


@pytest.mark.parametrize(("text", "word"), RELATIVE_NEGATIVES)
def test_words_after_a_bond_that_are_no_name(detector: object, text: str, word: str) -> None:
    assert word not in persons(detector, text)


# --- teams, crews, sign-off lines, group participants ---------------------------------------

TEAMS = [
    ("maraude de nuit\nequipe : tof / nadia / IDE lucas\n", ["tof", "nadia"]),
    ("Journal – Équipage 2 (Vandamme P. / Lefort Coralie)\n", ["Vandamme", "P.", "Lefort", "Coralie"]),
    ("Binôme : Yannick / Sabrina\nTournée du soir", ["Yannick", "Sabrina"]),
    ("Présents : Ghislain, Maëlle et Baptiste.\n", ["Ghislain", "Maëlle", "Baptiste"]),
]


@pytest.mark.parametrize(("text", "names"), TEAMS)
def test_team_members_after_the_label(detector: object, text: str, names: list[str]) -> None:
    got = persons(detector, text)
    for name in names:
        assert name in got


TEAM_NEGATIVES = [
    "Équipe : EMSP / HAD\nsuivi commun",
    "Équipe mobile : gériatrie / soins palliatifs\n",
    "Intervenants : kiné, orthophoniste et diététicienne\n",
]


@pytest.mark.parametrize("text", TEAM_NEGATIVES)
def test_teams_of_services_or_jobs_are_no_names(detector: object, text: str) -> None:
    assert persons(detector, text) == []


SIGN_OFF_LINES = [
    ("ch 3 : RAS, a dormi.\nsolène AS / karim IDE\n", ["solène", "karim"]),
    ("Pensez à vérifier le bracelet.\nMathieu – BDE\n", ["Mathieu"]),
    ("Transmis à l'équipe de jour.\nLaetitia IDE\n", ["Laetitia"]),
]


@pytest.mark.parametrize(("text", "names"), SIGN_OFF_LINES)
def test_sign_off_lines_of_first_names_and_jobs(detector: object, text: str, names: list[str]) -> None:
    got = persons(detector, text)
    for name in names:
        assert name in got


SIGN_OFF_NEGATIVES = ["Admission\nNantes – CHU\n", "Bilan fait.\nRAS – IDE\n", "Retour au\nDomicile – SSIAD\n"]


@pytest.mark.parametrize("text", SIGN_OFF_NEGATIVES)
def test_sign_off_layout_needs_a_first_name(detector: object, text: str) -> None:
    assert persons(detector, text) == []


def test_group_participants_one_per_bullet(detector: object) -> None:
    text = (
        "Atelier cuisine du jeudi\n- Gérald : a épluché les légumes.\n"
        "- Ophélie : arrivée en retard, fatiguée.\n- Bastien : calme.\n"
    )
    assert {"Gérald", "Ophélie", "Bastien"} <= set(persons(detector, text))


PARTICIPANT_NEGATIVES = [
    "Traitement :\n- Paracétamol : 1 g x 3\n- Tramadol : 50 mg si douleur\n",
    "Consignes :\n- Rose : code couleur du plan\n- Matin : toilette au lavabo\n",
]


@pytest.mark.parametrize("text", PARTICIPANT_NEGATIVES)
def test_single_or_non_name_bullets_are_no_participants(detector: object, text: str) -> None:
    assert persons(detector, text) == []


# --- devices and assays ---------------------------------------------------------------------

VOCABULARY = [
    ("Ostéosynthèse par vis de Herbert le 02/02/2024.", "Herbert"),
    ("Mise en place de broches de Kirschner.", "Kirschner"),
    ("Stent de Palmaz posé sans incident.", "Palmaz"),
    ("Signature génomique Oncotype DX : RS 18.", "DX"),
    ("Test MammaPrint à bas risque, FoundationOne CDx demandé.", "CDx"),
]


@pytest.mark.parametrize(("text", "word"), VOCABULARY)
def test_devices_and_assays_are_not_masked(detector: object, text: str, word: str) -> None:
    assert word not in masked(detector, text)


def test_a_person_after_a_device_word_without_de_is_still_found(detector: object) -> None:
    text = "Vu par le Dr Kergoat pour la vis."
    assert ("Kergoat", "NOM") in found(detector, text)


# --- lower-case patient fields, "dr name f.", a job between the field label and the name ----

LOWER_PATIENT_FIELDS = [
    (
        "demande n° 12 du 03/02/25\npatient : vescovali anne-sophie née paoli, ddn 02/03/1979\n",
        [("vescovali", "NOM"), ("anne-sophie", "PRENOM"), ("paoli", "NOM")],
    ),
    ("consult du 04/05\npt : garnier sylvie 52a, adressée par son mg\n", [("garnier", "NOM"), ("sylvie", "PRENOM")]),
    ("résidente : ghislaine kerbrat (ch 12)\n", [("ghislaine", "PRENOM"), ("kerbrat", "NOM")]),
    ("prescripteur : dr albertini j. – bastia\n", [("albertini", "NOM"), ("j.", "PRENOM")]),
]


@pytest.mark.parametrize(("text", "expected"), LOWER_PATIENT_FIELDS)
def test_lower_case_patient_fields(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


LOWER_FIELD_NEGATIVES = [
    "patient : calme ce matin, algique\n",
    "patiente : somnolente agitée la nuit\n",
    "pt : bonne observance, 2 cp\n",
]


@pytest.mark.parametrize("text", LOWER_FIELD_NEGATIVES)
def test_lower_case_patient_field_needs_a_name(detector: object, text: str) -> None:
    assert persons(detector, text) == []


JOB_AFTER_LABEL = [
    ("BILAN SANGUIN\nPRELEVEUR : IDE TREGUER (A DOMICILE)\n", [("TREGUER", "NOM")]),
    ("Préleveuse : IDE Maëlys Quéméner\n", [("Maëlys", "PRENOM"), ("Quéméner", "NOM")]),
]


@pytest.mark.parametrize(("text", "expected"), JOB_AFTER_LABEL)
def test_job_between_label_and_name(detector: object, text: str, expected: list[tuple[str, str]]) -> None:
    spans = found(detector, text)
    for pair in expected:
        assert pair in spans


# --- a column header after "Prénom" ----------------------------------------------------------


def test_column_header_after_first_name_label_is_no_name(detector: object) -> None:
    text = "Obligés alimentaires :\n\n  Nom Prénom                 Lien        Commune     Montant\n"
    assert "Lien" not in persons(detector, text)


def test_first_name_after_its_label_is_still_found(detector: object) -> None:
    assert ("Gwendoline", "PRENOM") in found(detector, "Nom DUCASSE Prénom Gwendoline\n")


# --- a first name then the job in capitals, a shift then a colon ------------------------------

NAMES_BEFORE_JOBS = [
    ("NUIT : VERDIER MAXIME (IDE NUIT) / SOLANGE AS\n", ["SOLANGE"]),
    ("Relève : Amandine (IDE), Quentin (AS)\n", ["Amandine", "Quentin"]),
    ("transmissions : ide jour : bérénice / as : gaëtan\n", ["bérénice", "gaëtan"]),
    ("JOURNAL – ÉQUIPE : ROSELYNE (IDE), THIERRY (AS)\n", ["ROSELYNE", "THIERRY"]),
]


@pytest.mark.parametrize(("text", "names"), NAMES_BEFORE_JOBS)
def test_first_names_before_a_care_job(detector: object, text: str, names: list[str]) -> None:
    got = persons(detector, text)
    for name in names:
        assert name in got


NAME_BEFORE_JOB_NEGATIVES = [
    ("LE PATIENT RESIDE CHEZ SA FILLE.", "RES"),
    ("Séjour à la France IDE libérale ensuite.", "France"),
]


@pytest.mark.parametrize(("text", "word"), NAME_BEFORE_JOB_NEGATIVES)
def test_name_before_job_needs_a_whole_first_name(detector: object, text: str, word: str) -> None:
    assert word not in masked(detector, text)


def test_surname_with_particle_before_a_job_stays_a_surname(detector: object) -> None:
    text = "Intervenants : Mme Roussel (MG) ; Anthony Da Costa (IDEL) ; Cyril Vernet (MK)"
    assert ("Da Costa", "NOM") in found(detector, text)


# --- "M." as "Monsieur": a letter's contact, a driver after "Taxi" ----------------------------

M_TITLES = [
    ("Dossier suivi par M. Quéffelec – 02 98 00 11 22", "Quéffelec"),
    ("Affaire suivie par : M. Lemarié", "Lemarié"),
    ("TAXI M. BOUSQUET : 05 61 00 11 22.", "BOUSQUET"),
    ("Ambulances Mme Ternisien prévenues", "Ternisien"),
]


@pytest.mark.parametrize(("text", "surname"), M_TITLES)
def test_m_dot_is_a_title_before_the_contact_or_driver(detector: object, text: str, surname: str) -> None:
    spans = found(detector, text)
    assert (surname, "NOM") in spans
    assert not [v for v, label in spans if v in ("M.", "Mme") and label == "PRENOM"]


def test_m_dot_after_par_and_an_act_is_still_an_initial(detector: object) -> None:
    assert ("M.", "PRENOM") in found(detector, "Pansement refait par M. Kerlouégan (IDE intérimaire).")


# --- a lower-case ordinary word after a first name and a surname is no part of the name -------

LOWER_NAME_THEN_WORD = [
    ("situation de denise morvan revue ce jour", ["denise", "morvan"], "revue"),
    ("concerne mme françoise roques née le 3 février 1957", ["roques"], "née"),
]


@pytest.mark.parametrize(("text", "names", "word"), LOWER_NAME_THEN_WORD)
def test_lower_case_name_stops_before_an_ordinary_word(
    detector: object, text: str, names: list[str], word: str
) -> None:
    got = persons(detector, text)
    assert set(names) <= set(got)
    assert word not in got
