"""Places and structures after the blind42-45 round: home-care companies named by their region,
practices named after their commune, emergency networks and dispatch centres, cancer centres, social
bodies, charities' committees, pharmacies and labs named by a commune, lower-case facilities,
communes in new slots, flats and floors in an address. Each family has cases left alone (ordinary
French and medical phrases). Sentences and names invented for these tests.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked, values_of

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # home equipment and home-care companies: a region or a big city, then trade words
        ("concentrateur réglé à 2L par Picardie Respiration ce matin", "Picardie Respiration"),
        ("lit médicalisé livré par Auvergne Santé Services le 4", "Auvergne Santé Services"),
        ("JOURNAL – BRETAGNE OXY SERVICES – agence de Vannes", "BRETAGNE OXY SERVICES"),
        ("prestataire : Lorraine Médical, technicien M. Hollard", "Lorraine Médical"),
        ("aide à domicile 2h/sem (Domicile Services 29)", "Domicile Services 29"),
        ("De : Touraine Médical Domicile <contact@exemple.fr>", "Touraine Médical Domicile"),
        ("relais par Santé Services Normandie pour la nutrition", "Santé Services Normandie"),
        ("aide : Association Quimper Domicile Services, mardi", "Association Quimper Domicile Services"),
        # practices named after a commune
        ("Médecin traitant : Dr Kerbrat, cabinet médical de Plabennec", "cabinet médical de Plabennec"),
        ("passage IDE (cabinet infirmier de Landivisiau)", "cabinet infirmier de Landivisiau"),
        ("séances au cabinet Kiné des Tanneurs à Morlaix", "Kiné des Tanneurs"),
        ("Biopsie (Cabinet d'anatomie pathologique de la Loire, n° 12)", "Cabinet d'anatomie pathologique de la Loire"),
        # emergency networks and dispatch centres
        ("Adressé par : SOS Médecins Nantes (Dr Piquet)", "SOS Médecins Nantes"),
        ("appelle SOS Médecins, ECG sur place", "SOS Médecins"),
        ("Régulation SAMU 29 → accord SAMU 2A à 3h", "SAMU 29"),
        # cancer centres and university hospitals
        ("RCP au Centre François-Baclesse le 3/04", "Centre François-Baclesse"),
        ("transféré de l'Hôpital européen Jean-Moulin (Dr Perrot)", "Hôpital européen Jean-Moulin"),
        ("née à Lille (Hôpitaux universitaires de Lille - maternité)", "Hôpitaux universitaires de Lille"),
        ("Institut de cancérologie Lorraine Sud\n12 rue des Forges", "Institut de cancérologie Lorraine Sud"),
        ("CENTRE DE RADIOTHÉRAPIE JEAN BART — DUNKERQUE", "CENTRE DE RADIOTHÉRAPIE JEAN BART"),
        ("radiochirurgie au CGFL puis suivi", "CGFL"),
        ("Secrétariat UCOG Bretagne <secretariat@exemple.fr>", "UCOG Bretagne"),
        ("hospitalisation CPA de l'Allier, attente de place", "CPA de l'Allier"),
        # social bodies and charities
        ("À : SIAO du Haut-Rhin <siao@exemple.fr>", "SIAO du Haut-Rhin"),
        ("adressé par le CDPS de Maripasoula (Dr Costa)", "CDPS de Maripasoula"),
        ("ITT à l'appréciation de l'UMJ de l'Hôtel-Dieu", "UMJ de l'Hôtel-Dieu"),
        ("suivi à la Maison des adolescents de la Sarthe avec Dr Polo", "Maison des adolescents de la Sarthe"),
        ("[Export – Collectivité européenne d'Alsace – PMI]", "Collectivité européenne d'Alsace"),
        ("Maison du Département Solidarité de Béthune-Bruay", "Maison du Département Solidarité de Béthune-Bruay"),
        (
            "Coordonnées de la Ligue contre le cancer — Comité de la Somme remises",
            "Ligue contre le cancer — Comité de la Somme",
        ),
        ("relais vers la Ligue contre le cancer de Haute-Savoie", "Ligue contre le cancer de Haute-Savoie"),
        ("le cahier du centre PMI de Bellevue (Brest)", "centre PMI de Bellevue"),
        # pharmacies and labs named by a commune without "de"
        ("récupérer le pilulier à la pharmacie Saint-Avold vendredi", "pharmacie Saint-Avold"),
        ("déposer au laboratoire Vichy Biologie avant 11h", "laboratoire Vichy Biologie"),
        # lower-case notes
        ("venue de l'ehpad ker anna (plouha), chute", "ehpad ker anna"),
        ("ch pierre le damany – de dr roux à dr nédélec", "ch pierre le damany"),
    ],
)
def test_structure_found(detector: Detector, text: str, span: str) -> None:
    assert span in values_of(detector, text, "HOPITAL")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # trade words without a company name, or a region alone
        ("Centre Médical de la Gare : consultation", "Centre Médical"),
        # a heading naming an event (round 12: events and campaigns refuse the company rule)
        ("Nord Santé : journée de dépistage", "Nord Santé"),
        ("service de cardiologie, service de soins infirmiers à domicile", "service de cardiologie"),
        ("Services à domicile : aide au lever", "Services à domicile"),
        ("Domicile Services est une expression générique", "Domicile Services"),
        # drugs, doses, scores, stages
        ("cyprotérone CPA 50 mg le soir", "CPA 50"),
        ("SAMU appelé à 3h, pas de SMUR", "SAMU"),
        ("douleur depuis Mardi, stade de Tanner 2", "Tanner"),
        # a nurse's name after "cabinet infirmier" is a person, no practice
        ("Cabinet infirmier Tournier, passage le soir", "Cabinet infirmier Tournier"),
        # an ordinary phrase after a lower-case clinic
        ("vue à la clinique filippi jusqu'au 13/11", "clinique filippi jusqu'au"),
        ("Institut de cancérologie, service de radiothérapie", "Institut de cancérologie"),
    ],
)
def test_no_structure_found(detector: Detector, text: str, word: str) -> None:
    assert word not in values_of(detector, text, "HOPITAL")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("par téléphone depuis Montpellier ce matin", "Montpellier"),
        ("on habite Saint Hilaire de Riez\nmerci", "Saint Hilaire de Riez"),
        ("entorse lors d'un match au stade de Chemillé : réception", "Chemillé"),
        ("Dr Nguyen (médecin traitant, Le Cannet), Dr Abid", "Le Cannet"),
        ("jusqu'au 9 juin, après je rentre à Lisbonne. L'adresse", "Lisbonne"),
        ("après je rentre à Porto, ma fille garde la clé", "Porto"),
    ],
)
def test_commune_in_new_slots(detector: Detector, text: str, span: str) -> None:
    assert (span, "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("douleur depuis Noël, pas de fièvre", "Noël"),
        ("(traitement, Doliprane) à poursuivre", "Doliprane"),
        ("il rentre à Domicile demain", "Domicile"),
        ("stade de Gleason 7 sur la biopsie", "Gleason"),
    ],
)
def test_no_commune_in_new_slots(detector: Detector, text: str, word: str) -> None:
    assert word not in masked(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Adresse : Résidence Les Tilleuls, bât. D, esc. 3, 2e étage, 14 rue Paul Bert, 37000 Tours",
            "Résidence Les Tilleuls, bât. D, esc. 3, 2e étage, 14 rue Paul Bert",
        ),
        (
            "Adresse : Cité Les Oliviers, bât. B, 5e étage, 9 avenue de la Mer\nCP : 06000",
            "Cité Les Oliviers, bât. B, 5e étage, 9 avenue de la Mer",
        ),
        ("Adresse : 8 rue des Vignes, appt 21, 35000 Rennes", "8 rue des Vignes, appt 21"),
        ("domicile : 3 allée du Parc, bât. C, 44300 Nantes", "3 allée du Parc, bât. C"),
    ],
)
def test_address_with_its_flat_parts(detector: Detector, text: str, span: str) -> None:
    assert span in values_of(detector, text, "ADRESSE")


def test_floor_after_a_plain_street_stays_out(detector: Detector) -> None:
    text = "Vit seule au 12 cours Lafayette, 3e étage sans ascenseur."
    assert values_of(detector, text, "ADRESSE") == ["12 cours Lafayette"]
