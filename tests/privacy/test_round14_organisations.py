"""Round 14, organisations that are no care facility: employers in form fields and after a job,
occupational-health services, mutual societies, home-care providers, company letterheads.

Every value below is invented.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _hospitals(detector: Detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if s.label == "HOPITAL"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # employers in a labelled field, whatever the words of their name
        ("Employeur : Tonnellerie de la Vallée, 4 rue du Port, 33000 Bordeaux", "Tonnellerie de la Vallée"),
        ("Employeur concerné : Compagnie des Bacs du Ponant, quai Est", "Compagnie des Bacs du Ponant"),
        ("Employeur d'origine : Ateliers Réunis Garonne – poste : soudeur", "Ateliers Réunis Garonne"),
        ("Entreprise d'accueil : Serrurerie du Bocage, ZA Nord", "Serrurerie du Bocage"),
        ("Nom, prénom ou raison sociale : CAVES ET DOMAINES VERCHAMP\nAdresse : 2 rue X", "CAVES ET DOMAINES VERCHAMP"),
        ("Mandant : Négoce Alpin Matériaux – Parc d'activités des Pins", "Négoce Alpin Matériaux"),
        ("ENTREPRISE\nConserverie Atlantique du Ponant (CAP)\nZI Sud", "Conserverie Atlantique du Ponant (CAP)"),
        # employer after a job and "chez"
        ("ancien soudeur chez Forges Ardennaises Réunies, exposition aux fumées", "Forges Ardennaises Réunies"),
        ("secrétaire comptable chez Tissage Vernier & Fils à Cluses", "Tissage Vernier & Fils"),
        # occupational health by acronym or "Santé Travail" and a territory
        ("Le médecin du travail de l'ASTAM Haute-Loire a été contacté.", "ASTAM Haute-Loire"),
        ("Dr Marc Olivier, médecin du travail, AST Grand Valenciennes, 3 rue X", "AST Grand Valenciennes"),
        ("avis transmis au médecin du travail (Dr Pons, Santé Travail Quercy) ce jour", "Santé Travail Quercy"),
        ("PLANNING – BRIE 77 SANTE TRAVAIL – CENTRE DE MELUN", "BRIE 77 SANTE TRAVAIL"),
        ("Visite de reprise prévue avec le médecin du travail de l'AST 58.", "AST 58"),
        # mutual societies and insurers' regional services by territory
        ("Organisme gestionnaire : Mutualité de la Haute-Vienne", "Mutualité de la Haute-Vienne"),
        ("contact Mutualité Française Bourgogne pour la tutelle", "Mutualité Française Bourgogne"),
        ("Dr Anne Roy, médecin conseil, DRSM Bretagne", "DRSM Bretagne"),
        # home-care services closing on "Domicile", providers with their region
        ("relais de nuit par l'Association Morvan Présence Domicile dès lundi", "Association Morvan Présence Domicile"),
        ("HAD Vallée Domicile – astreinte de nuit", "HAD Vallée Domicile"),
        ("- Vitalaire Pays de la Loire – reprise du concentrateur", "Vitalaire Pays de la Loire"),
        # a firm's name in capitals heading the letter
        ("MENUISERIE INDUSTRIELLE DU QUERCY\nService du personnel\n12 rue X", "MENUISERIE INDUSTRIELLE DU QUERCY"),
        ("MUTUELLE DU PAYS DE BRAY\nService Prestations\n", "MUTUELLE DU PAYS DE BRAY"),
    ],
)
def test_organisation_is_found(detector: Detector, text: str, expected: str) -> None:
    assert expected in _hospitals(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Employeur : non renseigné", "non"),
        ("Employeur : Néant (sans emploi)", "Néant"),
        ("Employeur : entreprise de transport routier, Nice", "entreprise"),
        ("Employeur : BTP", "BTP"),
        ("Employeur : Intérim", "Intérim"),
        ("Employeur : Mme Sandrine Lavergne (particulier employeur)", "Sandrine"),
        ("Employeur / exploitation : EARL Lefebvre (non salarié)", "EARL"),
        ("elle est suivie chez le médecin traitant", "médecin"),
        ("il dort chez Martine depuis lundi", "Martine"),
        ("ancien menuisier chez Dupont, retraité", "Dupont"),
        ("ALAT 40 UI/L, AST 58 UI/L, GGT 120 UI/L", "AST 58"),
        ("AST-2024-118 à AST-2024-121 : dossiers vus", "AST-2024-118"),
        ("Santé Travail : orientation à discuter", "Santé Travail"),
        ("La Mutualité Française a publié un guide", "Mutualité Française"),
        ("HAD Hospitalisation À Domicile – astreinte", "HAD Hospitalisation À Domicile"),
        ("PASSAGE DU SSIAD MATIN ET SOIR A DOMICILE", "MATIN"),
        ("COMPTE RENDU DE VISITE – TRANSPORTS\nPatient : X", "COMPTE RENDU"),
        ("Doliprane 1 g chez le pharmacien", "Doliprane"),
    ],
)
def test_no_organisation_is_read(detector: Detector, text: str, word: str) -> None:
    assert not any(word in found for found in _hospitals(detector, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EHPAD du CH de Vire (résidences Les Acacias et Le Belvédère)", ["Les Acacias", "Le Belvédère"]),
        ("Adresse : 3 rue X (logement Habitalys, 2e étage)", ["Habitalys"]),
    ],
)
def test_homes_and_landlords_named_alone(detector: Detector, text: str, expected: list[str]) -> None:
    found = _hospitals(detector, text)
    assert all(name in found for name in expected)


@pytest.mark.parametrize(
    "text",
    ["logement T3, 2e étage", "logement Social à revoir", "locataire Martin, voisin du dessus", "bailleur Rennes."],
)
def test_no_landlord_in_ordinary_words(detector: Detector, text: str) -> None:
    assert _hospitals(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je travaille comme veilleuse à l'hôtel Marina Corail aux Anses", "Marina Corail"),
        ("mise à l'abri ce soir, Hôtel Saint-Amand (115), nuitées payées", "Hôtel Saint-Amand"),
        ("Étude Castagnet & Lherm\n4 place du Marché", "Étude Castagnet & Lherm"),
        ("secrétaire au cabinet Verdier & Associés, Bayonne", "Verdier & Associés"),
        ("SCP Raynal et Bouscatel, notaires associés", "SCP Raynal et Bouscatel"),
    ],
)
def test_hotels_and_partner_firms(detector: Detector, text: str, expected: str) -> None:
    assert expected in _hospitals(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("famille logée à l'hôtel Vannes depuis lundi", "Vannes"),
        ("réunion à l'hôtel de ville de Lorient", "ville"),
        ("Étude PRIMA et DELTA : inclusion refusée", "PRIMA"),
        ("IDE : cabinet Perrot & Lagarde, passage le soir", "Perrot"),
    ],
)
def test_no_hotel_or_firm_is_read(detector: Detector, text: str, word: str) -> None:
    assert not any(word in found for found in _hospitals(detector, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a travaillé vingt ans pour l'Entreprise Quillec & Fils (maçonnerie)", "Entreprise Quillec & Fils"),
        ("chauffeur chez Transports Morvan et Fils à Gourin", "Transports Morvan et Fils"),
    ],
)
def test_family_firms(detector: Detector, text: str, expected: str) -> None:
    assert expected in _hospitals(detector, text)


@pytest.mark.parametrize("text", ["Le père et fils arrivent ensemble", "Dupont et fils sont passés"])
def test_no_family_firm_in_a_sentence(detector: Detector, text: str) -> None:
    assert not any("fils" in found.lower() for found in _hospitals(detector, text))
