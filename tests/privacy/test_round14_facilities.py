"""Round 14 (organisations II): care and public facilities with their site, commune or territory.

Invented values only (facility names made up, real commune names since the rules need a known
commune). Each positive case asserts the exact ``HOPITAL`` span; each negative case asserts that a
text holds no ``HOPITAL`` span over the given words.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _hopital(detector: Detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if s.label == "HOPITAL"]


POSITIVE = [
    # a hospital group acronym before its site
    ("rattachement GHXY SITE DE MELUN pour les extractions", "GHXY SITE DE MELUN"),
    # structures known by an acronym with their commune or territory
    ("Transfert vers l'UHSI de Nancy prévu lundi.", "UHSI de Nancy"),
    ("élève infirmière à l'IFSI de Vesoul (2e année)", "IFSI de Vesoul"),
    ("Le détenu est suivi à l'USMP, MA DIJON – consultation IDE.", "MA DIJON"),
    ("Demande de l'EDSR de la Somme pour un dépistage.", "EDSR de la Somme"),
    ("Unité requérante : Peloton motorisé de Wasselonne", "Peloton motorisé de Wasselonne"),
    ("Mme Y, mandataire (ATG Hérault), présente.", "ATG Hérault"),
    ("| GHXY VESOUL – RADIOLOGIE | C1 |", "GHXY VESOUL"),
    # a home-care service's closing word (a school keeps its commune apart, as the older sets mark it)
    ("Relais de nuit par HAD Vallée Douce Domicile à partir du 12.", "HAD Vallée Douce Domicile"),
    ("scolarisé à l'école élémentaire Paul-Verlaine de Quimperlé en CE2",
     "école élémentaire Paul-Verlaine"),
    ("Urgences de l'Hôtel-Dieu du Puy-en-Velay, puis retour.", "Hôtel-Dieu du Puy-en-Velay"),
    # practices named after a place with "Mail" or "pôle médical"
    ("RDV à la Clinique du Mail (ophtalmologie) le 4.", "Clinique du Mail"),
    ("Adressé par le Pôle médical de la Fontaine, Dr Z.", "Pôle médical de la Fontaine"),
    # rehabilitation centres and units before a hospital's own name
    ("Séjour au CRF Les Goélands du 2 au 20 mars.", "CRF Les Goélands"),
    ("Entrée en Clinique de rééducation Les Pervenches lundi.", "Clinique de rééducation Les Pervenches"),
    ("Hospitalisation à l'UHSI Bichat pour bilan.", "UHSI Bichat"),
    # specialty practices, mobile teams and paediatric units named after their area
    ("Vu au Cabinet de rhumatologie de Landivisiau le 2.", "Cabinet de rhumatologie de Landivisiau"),
    ("suivie par l'équipe mobile de soins palliatifs du Léon", "équipe mobile de soins palliatifs du Léon"),
    ("transport par le SMUR pédiatrique de Brest", "SMUR pédiatrique de Brest"),
    # a letterhead in capitals naming a structure and its area
    ("CABINET DE CYTOLOGIE ET D'ANATOMIE PATHOLOGIQUES DU PAYS NANTAIS\n3 rue X",
     "CABINET DE CYTOLOGIE ET D'ANATOMIE PATHOLOGIQUES DU PAYS NANTAIS"),
    ("ÉQUIPE MOBILE RÉGIONALE DE SOINS PALLIATIFS DE NORMANDIE\nDr Y",
     "ÉQUIPE MOBILE RÉGIONALE DE SOINS PALLIATIFS DE NORMANDIE"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_facility_with_site_or_town(detector: Detector, text: str, expected: str) -> None:
    assert expected in _hopital(detector, text)


NEGATIVE = [
    # a street in capitals is no hospital group ("CH" + a word)
    ("Domicile : 12 CHEMIN DU GRAND PRÉ, 88000 ÉPINAL", "CHEMIN DU GRAND"),
    ("CHAMBRE DE BREST : néant", "CHAMBRE DE BREST"),
    # a marker or a grade is no structure
    ("taux de CD4 de Nancy : 350/mm3", "CD4 de Nancy"),
    ("Elle est en CP à l'école, lit bien.", "CP"),
    # lower-case "domicile" still ends a name; a facility and its site stay two spans (committed tests)
    ("Prélèvement au CHU de Rennes – site de Laval", "site de Laval"),
    ("Passage de l'HAD Vallée Douce à domicile le 12.", "domicile"),
    # an acronym before a word that is no commune
    ("IFSI de Formation continue : dossier", "IFSI de Formation"),
    # a ward heading in capitals ends with no place; a school grade is no prison
    ("UNITÉ DE SOINS INTENSIFS DE CARDIOLOGIE\nCompte rendu", "UNITÉ DE SOINS"),
    ("Elle est en CP de Saint-Malo depuis septembre.", "CP de Saint-Malo"),
    # "mail" as a contact field still ends a facility name; a lower-case pôle médical is a hospital division
    ("Clinique Les Ajoncs mail : secretariat@example.org", "mail"),
    ("chef du pôle médical de gériatrie", "pôle médical"),
    # a specialty centre of the hospital, without a place name
    ("avis du centre de cardiologie de l'hôpital", "centre de cardiologie"),
    # a lung volume is no rehabilitation centre
    ("EFR : CRF de 2,4 L, VEMS 1,9 L", "CRF"),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_no_facility_read(detector: Detector, text: str, words: str) -> None:
    assert not any(words in span for span in _hopital(detector, text))
