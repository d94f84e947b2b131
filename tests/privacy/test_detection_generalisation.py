"""Layouts found on blind sets: name lists, initials, social facilities, OCR digits, and the
ordinary words, drugs, eponyms and codes these wider rules must leave alone."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Accompagnants : Romain / Élodie / Kader.", [("Romain", "PRENOM"), ("Élodie", "PRENOM"), ("Kader", "PRENOM")]),
        ("- BOYER, GUERIN, FAURE : aides-soignants de nuit", [("BOYER", "NOM"), ("GUERIN", "NOM"), ("FAURE", "NOM")]),
        ("Bien à vous,\nH. R.\n", [("H.", "PRENOM"), ("R.", "NOM")]),
        ("SIGNE : C. DAVID, IDEC", [("C.", "PRENOM"), ("DAVID", "NOM")]),
        ("Mon frère Jean Pierre et moi viendrons.", [("Jean Pierre", "PRENOM")]),
        ("Entretien avec la psychologue Hélène Grand demain.", [("Hélène", "PRENOM"), ("Grand", "NOM")]),
        ("Trois enfants : Kevin (12 ans), Lina (7 ans).", [("Kevin", "PRENOM"), ("Lina", "PRENOM")]),
        ("Nuit calme. Mathis a fugué vers 22 h.", [("Mathis", "PRENOM")]),
        ("situation de denise morvan revue ce jour", [("denise", "PRENOM"), ("morvan", "NOM")]),
        ("Dr Perret-Service de cardiologie", [("Perret", "NOM")]),
    ],
)
def test_names_without_title(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("Rencontrée au CCAS de Liévin hier.", "CCAS de Liévin"),
        ("Suivi au CSAPA Le Relais depuis mars.", "CSAPA Le Relais"),
        (
            "Réunion à la Maison de santé pluriprofessionnelle des Deux Rives.",
            "Maison de santé pluriprofessionnelle des Deux Rives",
        ),
        ("Avis à l'Hôpital Necker-Enfants malades.", "Hôpital Necker-Enfants malades"),
        ("Hospitalisée dans l'unité Les Cèdres.", "unité Les Cèdres"),
        ("Coordinatrice Santé Service", "Santé Service"),
        ("Consultation à l'Hôpital Cochin.", "Hôpital Cochin"),
    ],
)
def test_facilities(detector: Detector, text: str, facility: str) -> None:
    assert (facility, "HOPITAL") in found(detector, text)


def test_addresses_zip_and_ocr_digits(detector: Detector) -> None:
    text = "Domiciliée 12 Les Hauts de Lorette, 62153 Ablain-Saint-Nazaire."
    assert ("12 Les Hauts de Lorette", "ADRESSE") in found(detector, text)
    assert ("amiens", "VILLE") in found(detector, "dr caron - 23 rue victor hugo 80000 amiens")
    ocr = "Vue le 2 5 / 1 0 / 2 0 2 4. Tél. 0 6 1 2 3 4 5 6 7 8\n"
    assert found(detector, ocr) == [("2 5 / 1 0 / 2 0 2 4", "DATE"), ("0 6 1 2 3 4 5 6 7 8", "TEL")]
    assert ("14/02/1966", "DATE_NAISSANCE") in found(detector, "Patient:M.Olivier LambertNé le:14/02/1966")


@pytest.mark.parametrize(
    "text",
    [
        "Parkinson, Alzheimer et Crohn : trois maladies suivies ici.",
        "Doliprane / Kardégic / Lovenox à poursuivre.",
        # (round 12: a named school is an identifier, "école Jules Ferry" is marked; a school without a name is not)
        "Inscrit à l'école du quartier, puis au collège de secteur.",
        "Prise en charge en unité Alzheimer, unité de soins palliatifs.",
        "Monsieur le Directeur,",
        "Semaine S12 : relance. Ablation des fils à J+7. TA 14/8, 1 / 2 cp le soir.",
        "Rose, Blanc et Marron sont les couleurs retenues.",
        "Codes 1 2 3 4 5 6 7 8 9 0 et 12 34 56.",
        "Orientation par le SAAD, la PMI et l'ASE ; dossier MDPH.",
        "SA FILLE EST PREVENUE.",
        "pt vu ce jour, insuline lantus 12 ui, doliprane si douleur, revoir avec le medecin traitant.",
        "Chute en mars, fracture de Pouteau-Colles, plâtre 6 semaines, consultation Mardi Gras.",
    ],
)
def test_wider_rules_leave_ordinary_text_alone(detector: Detector, text: str) -> None:
    assert found(detector, text) == []
