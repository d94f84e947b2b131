"""Round 14, persons and over-masking: headings, acronyms, brands and instrument eponyms are not
names; operator logins of exports, names after plural titles, statement openings, intercom labels,
"pte :" and forensic fields, initials after a time in night logs are names.

Every value below is invented.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in detector.detect(text) if s.label in ("NOM", "PRENOM")}


# (text, words that must not be NOM/PRENOM)
_NOT_NAMES = [
    ("Tél. : 02 40 11 22 33\n\nFAMILLE / INTERVENANTS\n- Fille : Mme Odile LAVERGNE", ["FAMILLE", "INTERVENANTS"]),
    ("Suite de la visite.\n\nBESOINS / OBJECTIFS\n☑ aide au lever", ["BESOINS", "OBJECTIFS"]),
    ("- Postes : 9 agents en SIR/SIA, dont 2 en retard", ["SIR", "SIA"]),
    ("déclaration faite au CLIN / EOH le jour même", ["CLIN", "EOH"]),
    ("Matériel : ☒ PCA/PSE morphine ☐ aspiration", ["PCA", "PSE"]),
    ("Rendez-vous au cabinet ORL du Dr Maréchal, rue Haute.", ["ORL"]),
    ("| S 14/06 | IDE WE Noémie Barbier | – |", ["WE"]),
    ("Equipe : Hugo Lenoir (AS RDC), Léa Faure (AS étage)", ["RDC"]),
    ("Rubéole IgG : 35 UI/mL\nToxoplasmose IgM : négatif", ["Ig", "IgG", "IgM"]),
    ("retour à domicile sortie sous Tanganil.\n- arrêt Tanganil à J3", ["Tanganil"]),
    ("PROPOSITION : ajout Cosopt OG, contrôle PIO à 1 mois", ["Cosopt"]),
    ("anesthésie tronculaire à l'épine de Spix des deux côtés", ["Spix"]),
    ("- adénoïdectomie à la curette de Beckmann sous contrôle", ["Beckmann"]),
    ("Intelligibilité (listes de Fournier) : 40 % à 65 dB", ["Fournier"]),
    ("Nutrition : pompe Nutricia la nuit, boîtier Biotronik contrôlé", ["Nutricia", "Biotronik"]),
    ("\n\nIV. EXAMEN CLINIQUE (au cabinet)\nRAS", ["IV.", "EXAMEN"]),
    ("\n\nV. CONCLUSION\nM. ROCHE ne présente pas", ["V.", "CONCLUSION"]),
    ("OPJ / APJ : Gendarme GIRAUD Paul – tél. 04 00 00 00 00", ["OPJ", "APJ", "Gendarme"]),
    ("enquêtrice : Adjudante PERRIN Sonia", ["Adjudante"]),
    ("Drs du service de garde prévenus", ["Drs"]),
    ("inscription France Travail faite, ARE non ouverte", ["France", "Travail"]),
    ("rétrocession Lonsurf – délai ; consultation USMP demandée", ["Lonsurf", "USMP"]),
    ("24 MM. ADÉNOPATHIE AXILLAIRE DE 14 MM. RATE, PANCRÉAS SANS ANOMALIE", ["ADÉNOPATHIE", "RATE", "PANCRÉAS"]),
]


@pytest.mark.parametrize(("text", "words"), _NOT_NAMES)
def test_headings_acronyms_brands_are_not_names(detector: Detector, text: str, words: list[str]) -> None:
    found = _found(detector, text)
    for w in words:
        assert w not in found, (w, found)


# (text, {word: label}) that must be found
_NAMES = [
    # real caps surnames in the same shapes as the refused pairs and headings
    ("Binôme de nuit : GARNIER / LEFEVRE", {"GARNIER": "NOM", "LEFEVRE": "NOM"}),
    ("\n\nJ. LECLERCQ\nPsychologue", {"LECLERCQ": "NOM"}),
    ("Vu par Dr RAHMOUNI, puis M. KERVELLA", {"RAHMOUNI": "NOM", "KERVELLA": "NOM"}),
    # operator logins in the column of an export
    (
        "DATE        N°FACT   PRODUIT                          QTE  OPERATEUR\n"
        "03/05/2024  551020   PARACETAMOL 1G CPR 8                 2   JBERTIN\n"
        "04/05/2024  551021   AMOXICILLINE 500MG GEL 12            1   AUTO\n",
        {"JBERTIN": "NOM"},
    ),
    ("Drs Kouassi, Delorme et Vidal\n12 rue des Lilas", {"Kouassi": "NOM", "Delorme": "NOM", "Vidal": "NOM"}),
    ("Cabinet de radiologie\nDrs R. Mallet – S. Oukaci", {"Mallet": "NOM", "S.": "PRENOM", "Oukaci": "NOM"}),
    ("Nous, LE FLOCH Erwan, Brigadier de police", {"LE FLOCH": "NOM", "Erwan": "PRENOM"}),
    ("3 rue Neuve – interphone « BOUCHARD-LEROY »\nTéléphone", {"BOUCHARD-LEROY": "NOM"}),
    ("pte : MARCHETTI Josette 82a (ddn 03/04/1942)", {"MARCHETTI": "NOM", "Josette": "PRENOM"}),
    ("Personne examinée : LAURENT Wilson, né le 01/02/1990", {"LAURENT": "NOM", "Wilson": "PRENOM"}),
    ("18/05 1h20 – Thomas V. IDE nuit : patient calme", {"Thomas": "PRENOM", "V.": "NOM"}),
    ("Parents : Gwenaëlle Le Gall et Yannick Morvan, 3 rue", {"Le Gall": "NOM", "Gwenaëlle": "PRENOM"}),
    ("REQUÉRANTE – AVOCAT: ME VANDAMME – AUDIENCE 02/03/2025", {"VANDAMME": "NOM"}),
    ("il doit appeler son avocat (me zerbib, nice) demain", {"zerbib": "NOM"}),
    ("RAS pour la nuit -> c.marchal\n", {"c.marchal": "NOM"}),
]


@pytest.mark.parametrize(("text", "expected"), _NAMES)
def test_real_names_are_found(detector: Detector, text: str, expected: dict[str, str]) -> None:
    found = _found(detector, text)
    for word, label in expected.items():
        assert found.get(word) == label, (word, found)


@pytest.mark.parametrize(
    "text",
    [
        "Nous, soussignés, certifions avoir examiné",
        "le notaire me dit que la vente est signée",
        "interphone « HS » depuis lundi",
        "Date | Acte | Utilisateur | Note\n12/03 | pansement | SYSTEME | RAS",
    ],
)
def test_statement_and_label_layouts_without_names(detector: Detector, text: str) -> None:
    assert _found(detector, text) == {}
