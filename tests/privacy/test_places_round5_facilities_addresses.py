"""Places after the blind25-30 round: named schools, childcare and child-protection homes, named
associations, numbered coordination bodies, lower-case homes, pharmacies and nursing practices with
an article, and estates written with their building, flat or lot parts. Each family has cases left
alone. Sentences written for these tests (other names, places and numbers than the documents).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Scolarisée en CE1 à l'école Louise-Michel depuis la rentrée.", "école Louise-Michel"),
        ("Établissement : Lycée Gaston-Bachelard, 4 rue X", "Lycée Gaston-Bachelard"),
        ("ÉCOLE MATERNELLE GEORGE-SAND – classe de PS", "ÉCOLE MATERNELLE GEORGE-SAND"),
        ("École : École primaire Saint-Exupéry, 24100 Bergerac", "École primaire Saint-Exupéry"),
        ("en CM2 à l'école publique de Chaudes-Aigues avec une AESH", "école publique de Chaudes-Aigues"),
        ("inscrit au collège Charles-de-Gaulle en 5e", "collège Charles-de-Gaulle"),
        ("Elle va à la crèche Les Petits Mousses trois matins.", "crèche Les Petits Mousses"),
        ("| 2 | DIOP | AWA | MICRO-CRECHE DE BRIVE | OPP |", "MICRO-CRECHE DE BRIVE"),
        ("Accueil en pouponnière du Grand Chêne depuis mars.", "pouponnière du Grand Chêne"),
        ("Association Les Amis du Phare – visites médiatisées", "Association Les Amis du Phare"),
        ("ASSOCIATION TREMPLIN SOLIDAIRE\n4 rue X", "ASSOCIATION TREMPLIN SOLIDAIRE"),
        ("orientation vers le SESSAD moteur de Saint-Flour", "SESSAD moteur de Saint-Flour"),
        ("ime les genêts - compte rendu de synthèse", "ime les genêts"),
        ("Signalement transmis au DAC 19 ce jour.", "DAC 19"),
        ("Délivrance par la Pharmacie de la Vézère, Montignac", "Pharmacie de la Vézère"),
        ("DE : CABINET INFIRMIER DES TILLEULS – Marmande", "CABINET INFIRMIER DES TILLEULS"),
        ("IDEL   CABINET INFIRMIER SAINTE-ODILE  03 00 00 00 00", "CABINET INFIRMIER SAINTE-ODILE"),
    ],
)
def test_named_places_of_care_school_and_childcare_are_facilities(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # round 12: "école Jules Ferry" is now marked (a named school tells where a child lives); no name, no mark
        ("Inscrit à l'école du quartier, puis au collège de secteur.", "école"),
        ("Référent : secteur collège de Pontivy, joignable le matin", "collège de Pontivy"),  # a sector
        ("Retour à l'école publique de musique mardi.", "école"),  # no commune, an ordinary word
        ("Né à Saint-Maixent-l'École, scolarisé en ULIS.", "Saint-Maixent-l'École"),
        ("Association Eliquis + Kardégic sans indication retrouvée", "Association"),  # a drug pairing
        ("accueil à la crèche familiale de Vannes", "crèche"),  # the commune only
        ("Le DAC a été sollicité ; dossier MDPH ; la CPAM relance", "DAC"),  # no name, no territory
    ],
)
def test_schools_associations_and_bodies_left_alone(detector: Detector, text: str, value: str) -> None:
    assert not any(value in v and label == "HOPITAL" for v, label in found(detector, text))


def test_pharmacy_named_after_its_commune_keeps_the_commune_rule(detector: Detector) -> None:
    got = found(detector, "acheté à la pharmacie de Saint-Gilles hier")
    assert ("Saint-Gilles", "VILLE") in got and not any(label == "HOPITAL" for _, label in got)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Adresse : Résidence des Mimosas, bât. F, 06400 Cannes", "Résidence des Mimosas, bât. F"),
        ("domiciliée Cité Jean-Moulin, escalier 3, 69200 Vénissieux", "Cité Jean-Moulin, escalier 3"),
        (
            "Adresse : Lotissement Les Manguiers, lot 8, section Fonds Rousseau, 97170 Petit-Bourg",
            "Lotissement Les Manguiers, lot 8, section Fonds Rousseau",
        ),
        (
            "à son domicile (Cité Floréal, résidence Les Cèdres, bât. 2, 93200 Saint-Denis)",
            "Cité Floréal, résidence Les Cèdres, bât. 2",
        ),
        ("Domicile : Résidence Le Parc, bât. A2, 3e étage, 31000 Toulouse", "Résidence Le Parc, bât. A2, 3e étage"),
        ("Résidence Bellevue, bât. C, appt 14\n13008 Marseille", "Résidence Bellevue, bât. C, appt 14"),
    ],
)
def test_estate_with_building_or_lot_parts_is_one_address(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


def test_estate_join_stops_before_a_street_and_needs_an_estate_name(detector: Detector) -> None:
    got = found(detector, "Adresse : Résidence Les Pins, bât. B, 8 avenue Foch, 64000 Pau")
    assert ("Résidence Les Pins, bât. B, 8 avenue Foch", "ADRESSE") in got  # one address (convention)
    unit = found(detector, "EHPAD Les Glycines, unité 2, 87000 Limoges")
    assert not any("unité" in v for v, label in unit if label == "ADRESSE")
    civic = found(detector, "Cité administrative, bât. B, 2e étage, 87000 Limoges")
    assert not any("Cité" in v for v, _ in civic)  # no proper name after the estate word


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("prélèvement envoyé au laboratoire Bio Armor ce matin", "laboratoire Bio Armor", "HOPITAL"),
        ("| 03/02/2024 | 5,2 | Laboratoire Alsace Biologie |", "Laboratoire Alsace Biologie", "HOPITAL"),
        ("Biologie (Laboratoire Bio-Vallée, 12/01/2024) : CRP 8", "Laboratoire Bio-Vallée", "HOPITAL"),
        ("LABORATOIRE BIOPYRENEES - Laboratoire de biologie médicale", "LABORATOIRE BIOPYRENEES", "HOPITAL"),
        ("transfert au CHD Loire demain matin", "CHD Loire", "HOPITAL"),
        ("Hôpital Bicêtre — Le Kremlin-Bicêtre — Service de Neurologie", "Le Kremlin-Bicêtre", "VILLE"),
        ("| Lieu de naissance | Sfax (Tunisie) |", "Sfax", "VILLE"),
    ],
)
def test_labs_departmental_hospitals_and_birthplace_cells(detector: Detector, text: str, span: str, label: str) -> None:
    assert (span, label) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Laboratoire de Biochimie et Biologie Moléculaire – bilan demandé",
        "LABORATOIRE DE BIOLOGIE MEDICALE – résultats ci-joints",
        "résultats du laboratoire d'analyses médicales demain",
    ],
)
def test_a_lab_named_by_its_kind_is_no_facility(detector: Detector, text: str) -> None:
    assert not any(label == "HOPITAL" for _, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("AD (Julie, Vierzon Services à Domicile) : ménage fait", "Vierzon Services à Domicile"),
        ("responsable de secteur Tarbes Domicile Services", "Tarbes Domicile Services"),
        ("Responsable de secteur – Aide à Domicile en Quercy", "Aide à Domicile en Quercy"),
        ("fauteuil loué chez Médical Services Armor jusqu'en mai", "Médical Services Armor"),
    ],
)
def test_home_help_and_supply_companies_named_by_area(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nos Services à Domicile sont ouverts le samedi.",
        "mise en place d'une aide à domicile en Gironde",
        "Les Services à Domicile du CCAS passent le matin.",
    ],
)
def test_the_activity_alone_is_no_company(detector: Detector, text: str) -> None:
    assert not any("Domicile" in v or "domicile" in v for v, _ in found(detector, text))
