"""Table-driven tests of the organisation families of round 12: police, gendarmerie and fire stations,
public finance, debt and housing-aid bodies named by their territory (``public_bodies.py``); social
landlords, family firms, "Ets X", new trade words, credit companies after "crédit", firms closing
with a département number (``company_names.py``); named schools without a written kind
(``school_names.py``); regions of 2016 after a body, "Région X", a commune and its compass part,
lower-case "sdis 59" / "siao 94" / "croix-rouge lyon" (``territorial_bodies.py``); home-help
associations (``care_companies.py``).

Every value is invented for these tests (other names, communes and territories than the sets);
each family has positive cases and negative neighbours that must stay unmarked: headings and events,
kinds without a name, housing words in forms, courts, phone numbers after a firm.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found


def hopital(detector: object, text: str) -> list[str]:
    return [v for v, label in found(detector, text) if label == "HOPITAL"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # police, gendarmerie, fire stations
        ("plainte déposée au commissariat de Vierzon hier soir", "commissariat de Vierzon"),
        ("Réquisition — Commissariat de police de Fougères, OPJ MARTEL", "Commissariat de police de Fougères"),
        (
            "GENDARMERIE NATIONALE\nBrigade territoriale autonome de Quintin\nTél",
            "Brigade territoriale autonome de Quintin",
        ),
        ("entendue par la brigade de gendarmerie de Langeais demain", "brigade de gendarmerie de Langeais"),
        ("officier de police judiciaire à la BTA de Lamastre,", "BTA de Lamastre"),
        ("3;DUPUIS;ANNE;VICTIME;CSP VIERZON;2024/0101;2 J", "CSP VIERZON"),
        ("départ VSAV CIS Landivisiau à 02:10", "CIS Landivisiau"),
        ("appel du commissariat du 14e arrondissement à 3h", "commissariat du 14e arrondissement"),
        ("transmise par la Sûreté urbaine de Tourcoing.", "Sûreté urbaine de Tourcoing"),
        # public finance, debt, housing aid, municipal services
        ("à régler au Service de gestion comptable de Quimperlé, 3 rue", "Service de gestion comptable de Quimperlé"),
        ("SERVICE DE GESTION COMPTABLE DE DOUAI\nAvis", "SERVICE DE GESTION COMPTABLE DE DOUAI"),
        (
            "Destinataire : Commission de surendettement des particuliers de la Creuse",
            "Commission de surendettement des particuliers de la Creuse",
        ),
        ("aide demandée au FSL du Calvados le 3 mars", "FSL du Calvados"),
        ("une aide du FSL de la Métropole de Rouen", "FSL de la Métropole de Rouen"),
        ("saisine de la CCAPEX du Val-d'Oise", "CCAPEX du Val-d'Oise"),
        ("relance auprès de la DRIHL 94 le 2 mai", "DRIHL 94"),
        ("Service saisissant : Service social municipal de Pantin", "Service social municipal de Pantin"),
        ("Référente : Mme X – MDD TULLE NORD\n", "MDD TULLE NORD"),
        ("Prescripteur : Maison du Département Blois Sud – Mme Y", "Maison du Département Blois Sud"),
        ("contact avec l'AFPA de Brive pour le CACES", "AFPA de Brive"),
        # regions, lower-case bodies
        ("signalement à l'ARS Hauts-de-France ce jour", "ARS Hauts-de-France"),
        ("pension CARSAT Centre-Val de Loire et MSA", "CARSAT Centre-Val de Loire"),
        ("- Région Occitanie – transports scolaires", "Région Occitanie"),
        ("amené par le sdis 42 depuis son domicile", "sdis 42"),
        ("demande siao 13 envoyée ce matin", "siao 13"),
        ("maraude croix-rouge lyon cette nuit", "croix-rouge lyon"),
        # social landlords, firms, credit companies
        ("bailleur : Kerlann Habitat, contrat n° 12", "Kerlann Habitat"),
        ("dette de loyer auprès de Rance Logis et relance", "Rance Logis"),
        ("loyer Habitat Monts du Lyonnais impayé", "Habitat Monts du Lyonnais"),
        ("ancien cariste aux Transports Guégan et Fils à Loudéac", "Transports Guégan et Fils"),
        ("granulés livrés par ETS KERBRAT ce soir", "ETS KERBRAT"),
        ("second devis : Ets Lucas & Fils, 2 400 €", "Ets Lucas & Fils"),
        ("il travaillait pour l'entreprise Morvan & Fils depuis 1990", "Morvan & Fils"),
        ("crédit renouvelable Finalis 80 € par mois", "Finalis"),
        ("abonnement Trégor Téléassistance depuis 2021", "Trégor Téléassistance"),
        ("Fournisseur : Vosges Énergies Services\nN° client", "Vosges Énergies Services"),
        ("CDI chez Nettoyage Services 29 depuis janvier", "Nettoyage Services 29"),
        ("ouvrier agricole (EARL des Vergers du Lot), sans emploi", "EARL des Vergers du Lot"),
        ("envoi ambulance Ambulances Morlaisiennes.", "Ambulances Morlaisiennes"),
        ("je préviens le taxi (Taxi Quimperlé Services 06 11 22 33 44)", "Taxi Quimperlé Services"),
        # undertakers, hotels, restaurants, firms with two trade words, national networks with a branch
        ("contrat auprès des Pompes funèbres Kerlévan de Guipavas, n° 12", "Pompes funèbres Kerlévan de Guipavas"),
        ("choisies par la famille : PF Roc-Eclerc Carhaix. – Dr X", "PF Roc-Eclerc Carhaix"),
        ("3 nuits, Hôtel Le Relais des Remparts (adresse donnée)", "Hôtel Le Relais des Remparts"),
        ("cuisinier au restaurant Le Grand Cormoran à Vannes", "Le Grand Cormoran"),
        ("Devis : SARL Kerouédan Plomberie-Zinguerie, n° D-12", "SARL Kerouédan Plomberie-Zinguerie"),
        ("apprenti chez Garage Durand Automobiles à Redon", "Garage Durand Automobiles"),
        ("aller au Judo Club Lorientais le mercredi", "Judo Club Lorientais"),
        ("(Taxi Catalan Services) pour la séance", "Taxi Catalan Services"),
        ("Eaux de Rennes Métropole – abonné n° 12", "Eaux de Rennes Métropole"),
        ("découvert Crédit du Nord agence de Lens → prélèvements", "Crédit du Nord agence de Lens"),
        ("Téléassistance | Présence Verte Morbihan | 1 abonnement", "Présence Verte Morbihan"),
        ("Le labo est Synlab Vannes ; matelas livré par Bastide Quimper", "Synlab Vannes"),
        ("Promoteur : Laboratoires Vendée-Santé ; le fabricant BoneLink Medical", "Laboratoires Vendée-Santé"),
        # care structures: cancer network, MPR centre, IMPro, social space, victims' aid, charities, districts
        ("(RCP labellisée, 3C Rennes Sud)", "3C Rennes Sud"),
        ("ESSAI OUVERT A L'ICO SITE PAUL PAPIN (ARC)", "ICO SITE PAUL PAPIN"),
        (
            "Centre de Médecine Physique et de Réadaptation Les Goélands\n29200",
            "Centre de Médecine Physique et de Réadaptation Les Goélands",
        ),
        ("depuis 2023 à l'IMPro Les Mouettes). Stages", "IMPro Les Mouettes"),
        ("Service social\nEspace social Louis-Aragon\n3 rue", "Espace social Louis-Aragon"),
        ("orientée vers France Victimes 56 pour la mère", "France Victimes 56"),
        ("bons Croix-Rouge de Kervénanec plus que 3 carnets", "Croix-Rouge de Kervénanec"),
        ("dossier APA au CDAS de Quimper Rive gauche, n° 12", "CDAS de Quimper Rive gauche"),
        ("Établissement : Collège Anne de Bretagne, 12 rue", "Collège Anne de Bretagne"),
        # home-help associations
        ("aide à domicile (Aurore, Creuse Aide à Domicile)\n", "Creuse Aide à Domicile"),
        ("auprès de l'Aide à Domicile Vénissieux Services, en arrêt", "Aide à Domicile Vénissieux Services"),
        # named schools
        ("les grands sont à l'école Marcel Pagnol jusqu'à 16h30", "école Marcel Pagnol"),
        ("scolarisée au lycée Kerichen (2nde)", "lycée Kerichen"),
        ("au collège des Hauts-de-Penfeld depuis septembre", "collège des Hauts-de-Penfeld"),
        ("SCOLARISE ULIS ECOLE VOLTAIRE EN ATTENDANT", "ECOLE VOLTAIRE"),
        ("rentrée au collège Les Tamaris de Sète", "collège Les Tamaris"),
    ],
)
def test_organisation_is_one_hopital_span(detector: object, text: str, body: str) -> None:
    assert body in hopital(detector, text), found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # headings, events and campaigns are no organisation
        "Nord Santé : journée de dépistage",
        "Bretagne Santé – campagne de vaccination 2025",
        "Normandie Santé : forum des aidants",
        # housing words in forms and notes
        "LOGEMENT ACTUEL\nLOGEMENT RECHERCHÉ : T3",
        "Logement T2 pour 4 personnes ; Logement RDC mais non adapté",
        "Plan Habitat Inclusif ; Habitat Indigne ; garantie Action Logement",
        "ÉTABLISSEMENTS SOLLICITÉS\n1. EHPAD",
        # kinds without a place, courts, schools without a name
        "la gendarmerie est passée pour le PV ; la brigade des mineurs ; le commissariat",
        "dossier de surendettement déposé ; aide du FSL demandée",
        "Inscrit à l'école du quartier, puis au collège de secteur.",
        "Collège des familles : avis favorable ; Collège des résidents",
        "la région de Lyon ; Région : Occitanie",
        "sdis appelé ; la caf 2 fois par mois",
        "Hôtel de Ville ; en PF le 12/03 ; rentrée au restaurant le soir",
        "Services Santé Publique ; Réseau Santé Mentale ; Habitat Indigne",
    ],
)
def test_neighbours_stay_free_of_organisations(detector: object, text: str) -> None:
    assert hopital(detector, text) == [], found(detector, text)


def test_a_phone_after_a_firm_is_no_departement_number(detector: object) -> None:
    got = found(detector, "PF choisies : Pompes Funèbres Landernéennes 02 98 21 43 65 |")
    assert ("Pompes Funèbres Landernéennes", "HOPITAL") in got
    assert ("02 98 21 43 65", "TEL") in got


def test_police_station_keeps_its_commune_inside_and_stops_before_ordinary_capitals(detector: object) -> None:
    got = hopital(detector, "PARTI A 05H10, GENDARMERIE DE CARHAIX PREVENUE. FICHE")
    assert got == ["GENDARMERIE DE CARHAIX"]
