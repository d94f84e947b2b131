"""Structured formats, validated patterns and dates in damaged layouts: positive and negative cases.

Sentences written for these tests (not taken from the blind sets). Each case lists the
(label, text) pairs that must be found, and the strings that must NOT be masked.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.structured import classify_key
from avec.privacy.detection.tables import split_cells


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(s.label, text[s.start : s.end]) for s in detector.detect(text)}


def _masked(detector: Detector, text: str, needle: str) -> bool:
    i = text.index(needle)
    return any(s.start < i + len(needle) and i < s.end for s in detector.detect(text))


POSITIVES = [
    # quoted comma CSV, header names the columns
    (
        '"NIP","NOM","PRENOM","NAISSANCE","CP","VILLE"\n"5501234","GARNIER","Odile","1950-03-02","44000","NANTES"\n',
        {
            ("IPP", "5501234"),
            ("NOM", "GARNIER"),
            ("PRENOM", "Odile"),
            ("DATE_NAISSANCE", "1950-03-02"),
            ("ZIP", "44000"),
            ("VILLE", "NANTES"),
        },
    ),
    # HL7 v2: ids, names, birth date, address, visit number, facility code, timestamps
    (
        "MSH|^~\\&|APP|CH_ANGERS|LAB|LAB|20230105101500||ADT^A04|M1|P|2.5\n"
        "PID|1||5566778899^^^CH_ANGERS^PI||MOREAU^LUCIE^^^MME||19620214|F|||3 RUE DES LICES^^ANGERS^^49100\n"
        "PV1|1|O|CONSULT^12||||ROY^PAUL^^^DR||||||||||||330044556\n",
        {
            ("HOPITAL", "CH_ANGERS"),
            ("DATE", "20230105101500"),
            ("IPP", "5566778899"),
            ("NOM", "MOREAU"),
            ("PRENOM", "LUCIE"),
            ("DATE_NAISSANCE", "19620214"),
            ("ADRESSE", "3 RUE DES LICES"),
            ("VILLE", "ANGERS"),
            ("ZIP", "49100"),
            ("NOM", "ROY"),
            ("PRENOM", "PAUL"),
            ("NDA", "330044556"),
        },
    ),
    # fixed-width columns: names read from the column, even when they are ordinary words
    (
        "HEURE  NOM            PRENOM      DDN          PROVENANCE\n"
        "08H10  BERGER         ROBERT      03.04.1941   CH DE VIENNE - MEDECINE\n"
        "09H30  PETIT          BLANCHE     12.12.1950   DOMICILE (VIENNE)\n",
        {
            ("NOM", "BERGER"),
            ("PRENOM", "ROBERT"),
            ("DATE_NAISSANCE", "03.04.1941"),
            ("HOPITAL", "CH DE VIENNE"),
            ("NOM", "PETIT"),
            ("PRENOM", "BLANCHE"),
            ("DATE_NAISSANCE", "12.12.1950"),
            ("VILLE", "VIENNE"),
        },
    ),
    # dotted leaders
    (
        "NOM USUEL.........: QUEMENER\nNOM DE NAISSANCE..: TANGUY\nIPP...............: 000451122\n"
        "N. SEJOUR.........: 23018877\nADRESSE...........: LIEU-DIT KERVAO\n",
        {
            ("NOM", "QUEMENER"),
            ("NOM", "TANGUY"),
            ("IPP", "000451122"),
            ("NDA", "23018877"),
            ("ADRESSE", "LIEU-DIT KERVAO"),
        },
    ),
    # key=value and XML
    (
        "dossier.ipp=0077441122\ndossier.patient.nom=VOGEL\ndossier.adresse.cp=68100\n",
        {("IPP", "0077441122"), ("NOM", "VOGEL"), ("ZIP", "68100")},
    ),
    (
        '<usager nip="551100223"><nom>ROCHE</nom><adresse>4 impasse des Tanneurs</adresse></usager>',
        {("IPP", "551100223"), ("NOM", "ROCHE"), ("ADRESSE", "4 impasse des Tanneurs")},
    ),
    # HL7 segments separated by carriage returns, as sent
    (
        "MSH|^~\\&|APP|GH_SUD|LAB|LAB|20230105101500||ADT^A04|M1|P|2.5\r"
        "PID|1||7788990011^^^GH_SUD^PI||FAURE^ODILE^^^MME||19580317|F\r",
        {("IPP", "7788990011"), ("NOM", "FAURE"), ("PRENOM", "ODILE"), ("DATE_NAISSANCE", "19580317")},
    ),
    # JSON and CDA-like XML
    (
        '{"usager": {"nom": "LEGRAND", "prenom": "Yves", "ipp": 1234567, "cp": "35000", "traitement": "Doliprane"}}',
        {("NOM", "LEGRAND"), ("PRENOM", "Yves"), ("IPP", "1234567"), ("ZIP", "35000")},
    ),
    (
        "<cda:name><cda:family>MARCHAL</cda:family><cda:given>Anne</cda:given></cda:name>"
        "<postalCode>54000</postalCode>",
        {("NOM", "MARCHAL"), ("PRENOM", "Anne"), ("ZIP", "54000")},
    ),
    # table columns: a signature column, a surname column kept whole, quoted semicolon CSV
    (
        "| Date | Résident | Transmission | Signé |\n|---|---|---|---|\n"
        "| 02/03/2024 | PETIT Louise | Chute sans gravité | L. Ba |\n",
        {("PRENOM", "L."), ("NOM", "Ba"), ("NOM", "PETIT"), ("PRENOM", "Louise")},
    ),
    (
        '"Nom patient";"Prénom";"N° IPP"\n"DE LA TOUR";"Marc";"5566112"\n',
        {("NOM", "DE LA TOUR"), ("PRENOM", "Marc"), ("IPP", "5566112")},
    ),
    # names cut by "-" and a line break
    ("Patient : M. ROUX Marie-\nClaire, née le 02/02/1950", {("PRENOM", "Marie-\nClaire")}),
    ("biopsie (Dr Lefeb-\nvre) sans incident", {("NOM", "Lefeb-\nvre")}),
    # fixed-width export with one "NOM PRENOM" column: surname first
    (
        "NOM PRENOM            DDN          CHAMBRE\nLE GOFF MARIE ANNE    02/02/1933   15\n"
        "ROUSSEL PAUL          01/01/1940   14\n",
        {
            ("NOM", "LE GOFF"),
            ("PRENOM", "MARIE ANNE"),
            ("NOM", "ROUSSEL"),
            ("PRENOM", "PAUL"),
            ("DATE_NAISSANCE", "02/02/1933"),
        },
    ),
    # export date layouts
    ("Admission le 07-févr-2024 par les urgences", {("DATE", "07-févr-2024")}),
    ("DATE SORTIE : 21-NOV-2023", {("DATE", "21-NOV-2023")}),
    ("Examen du 2023/11/21 sans particularité", {("DATE", "2023/11/21")}),
    ("DDN : 19500317 - sexe M", {("DATE_NAISSANCE", "19500317")}),
    # the key names a birth date; a "Prénom(s)" field: one PRENOM span for its given names
    (
        '<naissance date="1961-09-30" lieu="Agen"/><birthTime value="19610930"/>',
        {("DATE_NAISSANCE", "1961-09-30"), ("DATE_NAISSANCE", "19610930"), ("VILLE", "Agen")},
    ),
    ("usager.date_naissance=1961-09-30\n", {("DATE_NAISSANCE", "1961-09-30")}),
    ("PRENOMS...........: LOUISE MARTHE\n", {("PRENOM", "LOUISE MARTHE")}),
    ("la patiente PERRIN Odette née VALLET le 03/01/1929 est", {("DATE_NAISSANCE", "03/01/1929")}),
    # an address cell ending with its commune
    (
        "| Bénéficiaire | Adresse |\n|---|---|\n| Mme ROUX Ida | 5 chemin des Vignes, Saint-Pierre-d'Irube |\n",
        {("ADRESSE", "5 chemin des Vignes"), ("VILLE", "Saint-Pierre-d'Irube")},
    ),
    ("| Adresse |\n|---|\n| Résidence du Lac, Bât. C |\n", {("ADRESSE", "Résidence du Lac, Bât. C")}),
    # label/value pairs separated by tabs, FHIR-like JSON arrays
    ("Nom\tGIRARD\nPrénom\tLéon\nVille\tNiort\n", {("NOM", "GIRARD"), ("PRENOM", "Léon"), ("VILLE", "Niort")}),
    (
        '{"name": [{"family": "GIRARD", "given": ["Léon", "Paul"]}], "address": [{"line": ["3 rue Basse"]}]}',
        {("NOM", "GIRARD"), ("PRENOM", "Léon"), ("PRENOM", "Paul"), ("ADRESSE", "3 rue Basse")},
    ),
    # identifiers with other labels and shapes (IPP = patient, NDA = stay)
    ("IPP père : 8801234567 – groupe O+", {("IPP", "8801234567")}),
    ("N° de passage : 23114455, box 4", {("NDA", "23114455")}),
    ("IPP : 19C0044120\n", {("IPP", "19C0044120")}),
    ("IPP RX-0044120\n", {("IPP", "RX-0044120")}),
    ("N° séjour SSR : 23R00412\n", {("NDA", "23R00412")}),
    ("Référence patient : K0044512\n", {("IPP", "K0044512")}),
    ("N° dossier : 2023-0099871\n", {("NDA", "2023-0099871")}),
    # NIR: key in its own field, one digit per box
    ("N° SS : 1 71 02 75 114 087 Clé : 23\n", {("SECU", "1 71 02 75 114 087"), ("SECU", "23")}),
    ("Sécurité sociale : 1 5 5 0 8 7 5 1 1 2 0 3 4 7 6\n", {("SECU", "1 5 5 0 8 7 5 1 1 2 0 3 4 7 6")}),
    ("N° Sécu : 1 85 05 78 006 084 - 91\n", {("SECU", "1 85 05 78 006 084"), ("SECU", "91")}),
    ("N° d'épisode : 2400123\n", {("NDA", "2400123")}),
    # OCR and layout damage
    ("Date de naissance : 0 3 0 4 1 9 5 2   Sexe : M", {("DATE_NAISSANCE", "0 3 0 4 1 9 5 2")}),
    ("à revoir le 2 7/03/2025 en consultation", {("DATE", "2 7/03/2025")}),
    ("Bordeaux, le 1 4 jan vier 2025\n", {("DATE", "1 4 jan vier 2025")}),
    ("Examen du O3/1l/2023 sans incident", {("DATE", "O3/1l/2023")}),
    ("sortie prévue le 14/02/\n2025 après avis", {("DATE", "14/02/\n2025")}),
    ("Tél. : 05 56 1O 22 41 (domicile)", {("TEL", "05 56 1O 22 41")}),
    ("Tél. portable : 06 71 22\n09 15 heures ouvrables", {("TEL", "06 71 22\n09 15")}),
    ("écrire à jean.roux33@\nfree.fr pour le suivi", {("MAIL", "jean.roux33@\nfree.fr")}),
    # English e-mail headers
    ("Date: Tue, 4 Feb 2025 09:12:44 +0100", {("DATE", "4 Feb 2025")}),
    ("Sent: Monday, March 3, 2025 8:02 AM", {("DATE", "March 3, 2025")}),
    # bare day numbers
    ("absente du 9 au 12/05 (congés)", {("DATE", "9"), ("DATE", "12/05")}),
    ("on repasse mardi 21 comme prévu", {("DATE", "21")}),
    ("vu en consultation jusqu'au 28\n", {("DATE", "28")}),
    ("HbA1c 6,9 en 11/23, stable", {("DATE", "11/23")}),
    ("jeu 6/3 : passage IDE", {("DATE", "6/3")}),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(detector: Detector, text: str, expected: set[tuple[str, str]]) -> None:
    found = _found(detector, text)
    assert expected <= found, f"missing {expected - found} in {found}"


NEGATIVES = [
    ("Apgar 9/10/10 à la naissance, score de Silverman 0.", "9/10/10"),
    ("score de 8/9/10 aux trois évaluations", "8/9/10"),
    ("RDV jeudi 16h30 pour la dialyse", "16"),
    ("lundi 3 mg de plus si besoin", "3"),
    ("MMSE de 12/20 à 15/20", "12/20"),
    ("EVA 7/10 au repos, 9/10 à la mobilisation.", "7/10"),
    ("Créatinine 0,9 mg/dL ; potassium 4,1 mmol/L ; plaquettes 250", "250"),
    ("MSH|^~\\&|APP|LABO|DXCARE|URGENCES|20230105101500||ORU^R01|M2|P|2.5\n", "LABO"),
    ("OBX|1|NM|GLU^Glucose||5,4|mmol/L|||N|||F\n", "Glucose"),
    ("NK1|1|MOREAU^LUCIE|SPO^Conjoint\n", "Conjoint"),
    ("sejour.uf=UF 3120 - CARDIOLOGIE\n", "CARDIOLOGIE"),
    ("traitement=KARDEGIC 75MG 1/J; DONEPEZIL 5MG 1/J\n", "KARDEGIC"),
    ("Le patient va mieux... Parkinson stable, Lasègue négatif.", "Parkinson"),
    (
        "HEURE  NOM            PRENOM      DDN\n08H10  BERGER         ROBERT      03.04.1941\n"
        "TOTAL ENTREES 2 SORTIES 1 DECES 0\n",
        "SORTIES",
    ),
    ('"VACCIN","LOT","DOSE"\n"Efluelda","FL2209","0,5 mL"\n', "Efluelda"),
    ("N° dossier patient : 12345678", "N°"),
    ("Fax : 02 99 28 43 21 ; salle 0 1 2 3", "0 1 2 3"),
    ("| Date | Résident | Signé |\n|---|---|---|\n| 02/03/2024 | PETIT Louise | IDEC |\n", "IDEC"),
    ("une maladie de Parkin-\nson évoluée", "Parkin"),
    ("les anti-\ninflammatoires sont arrêtés", "anti"),
    ("le post-\nopératoire immédiat", "post"),
    ('{"sexe": "F", "service": "Cardiologie", "uf": "3120"}', "Cardiologie"),
    ("Lot 20240312 du vaccin, code 12345678", "20240312"),
    ("NIR 1 85 05 78 006 084 / 12 ans plus tard", "12"),
    ('<evenement date="2024-01-02" type="chute"/>', "chute"),
    ("Nom\tDUPONT\nService\tCardiologie\n", "Cardiologie"),
    ("Nom\tService\tDate\nDUPONT\tCardio\t12/03/2024\n", "Service"),
    # a row of label/value pairs is no header: the lines below it are no name column
    ("Prescripteur\tDr MOREL Anne\tPréleveur\tK. Sow\nAnalyse\tRésultat\nGlycémie\t5,2\n", "Glycémie"),
]


@pytest.mark.parametrize(("text", "needle"), NEGATIVES)
def test_negative(detector: Detector, text: str, needle: str) -> None:
    assert not _masked(detector, text, needle), f"{needle!r} masked in {text!r}"


def test_dossier_patient_is_ipp_and_bare_dossier_is_nda(detector: Detector) -> None:
    assert ("IPP", "12345678") in _found(detector, "N° dossier patient : 12345678")
    assert ("NDA", "12345678") in _found(detector, "N° dossier : 12345678")


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("patient.nom", "nom"),
        ("NOM DE NAISSANCE", "nom"),
        ("PRENOM(S)", "prenom"),
        ("patient.adresse.cp", "ZIP"),
        ("patient.adresse.ligne1", "ADRESSE"),
        ("N. SEJOUR", "NDA"),
        ("ipp", "IPP"),
        ("sejour.medecin_resp", "person"),
        ("patient.sexe", None),
        ("sejour.uf", None),
        ("traitement", None),
        ("LOT", None),
    ],
)
def test_classify_key(key: str, kind: str | None) -> None:
    assert classify_key(key) == kind


def test_split_cells_quoted_csv_keeps_commas_inside_quotes() -> None:
    line = '"1","DUPONT","Efluelda, Comirnaty","x; y"'
    sep, bounds = split_cells(line) or ("", [])
    assert sep == ","
    assert [line[a:b] for a, b in bounds] == ["1", "DUPONT", "Efluelda, Comirnaty", "x; y"]


def test_split_cells_prose_with_commas_is_no_table() -> None:
    assert split_cells("Elle est venue, a mangé, puis est repartie chez sa fille. Elle va bien, merci.") is None


@pytest.mark.parametrize("label", ["IPP", "NDA"])
def test_every_context_word_still_introduces_its_identifier(label: str) -> None:
    """The prefix-tree regex (speed) accepts each configured context word, any case."""
    from avec.privacy.detection.config import DetectionConfig
    from avec.privacy.detection.patterns import _context_regex

    cfg = DetectionConfig()
    words = cfg.ipp_context_words if label == "IPP" else cfg.nda_context_words
    rx = _context_regex(tuple(words), cfg.ipp_value_pattern)
    for word in words:
        for form in (word, word.upper(), word.lower()):
            m = rx.search(f"{form} : 12345678\n")
            assert m is not None and m.group(1) == "12345678", form
    assert rx.search("IPPX : 12345678") is None  # a context word is a whole word


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("joignable au +590 690 35 62 48 (portable)", "+590 690 35 62 48"),
        ("Tél. +32 2 555 12 34.", "+32 2 555 12 34"),
        ("son fils à Londres : +44 20 7946 0958", "+44 20 7946 0958"),
        ("appeler le 00 212 6 12 34 56 78 le soir", "00 212 6 12 34 56 78"),
        ("Réunion : +262 692 12 34 56", "+262 692 12 34 56"),
    ],
)
def test_international_phone_numbers(text: str, phone: str) -> None:
    spans = Detector.default().detect(text)
    # only the phone spans: "son fils à Londres" also names a place
    assert [(text[s.start : s.end], s.label) for s in spans if s.label == "TEL"] == [(phone, "TEL")]


@pytest.mark.parametrize(
    "text",
    ["CRP +12 000 mg/L, +3 mg", "score +2 à J+7", "INR 2,5 ; +0,5 par jour", "Sodium 140 +/- 2", "réf. 00123456789"],
)
def test_plus_signs_and_zeros_that_are_not_phones(text: str) -> None:
    assert not [s for s in Detector.default().detect(text) if s.label == "TEL"]


@pytest.mark.parametrize("header", ["NOM_NAISS", "Nom_usuel", "NOM JF", "nom-de-naissance", "NOM_MARITAL"])
def test_surname_columns_with_abbreviated_headers(header: str) -> None:
    text = f"IPP|{header}|PRENOM|CHAMBRE\n123456789|VERNIER|Odile|12\n"
    spans = [(text[s.start : s.end], s.label) for s in Detector.default().detect(text)]
    assert ("VERNIER", "NOM") in spans


def test_a_column_named_after_something_else_is_not_a_surname_column() -> None:
    text = "NOM_SERVICE|LIT\nCARDIOLOGIE|12\n"
    assert not [s for s in Detector.default().detect(text) if s.label in ("NOM", "PRENOM")]
