"""Round 16, places: towns of a person's life, OCR-damaged communes, Breton hamlets, hamlets used
as homes, membership numbers closed by a pair of digits (values invented)."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector

POSITIVE = [
    # a foreign city or a commune after a verb of work, stay, trip or origin
    ("Mon mari travaille à Lausanne depuis deux ans.", "Lausanne", "VILLE"),
    ("Malaise au retour d'un séjour à Séville la semaine dernière.", "Séville", "VILLE"),
    ("Elle répète qu'elle veut rentrer à Đà Lạt.", "Đà Lạt", "VILLE"),
    ("Le père vivrait en Belgique, région de Namur, sans contact.", "Namur", "VILLE"),
    ("Il était magasinier chez Fertalp Distribution SA à Zurich jusqu'en mai.", "Zurich", "VILLE"),
    ('Un homme d\'environ 40 ans, dit "de Odessa", sans papiers.', "Odessa", "VILLE"),
    ("Dyspnée après un trajet en bus depuis\nMadrid (visite à son fils).", "Madrid", "VILLE"),
    ("Examens à regrouper côté Vitré :\n- IRM", "Vitré", "VILLE"),
    ("RAPATRIEMENT DU CORPS VERS PLOUGASTEL-DAOULAS (DOMICILE)", "PLOUGASTEL-DAOULAS", "VILLE"),
    ("très anxieux, il parle de alep toute la nuit", "alep", "VILLE"),
    ("Sa fille Laurence (Quimperlé) appelle le soir.", "Quimperlé", "VILLE"),
    # a town before a country in brackets
    ("Contact : M. DEVOS Marc - FILS - +32 477 12 90 33 - KORTRIJK (BELGIQUE)", "KORTRIJK", "VILLE"),
    # communes damaged by OCR (a word split by a space is joined only in a text showing OCR digits)
    ("audience du tribunal judiciaire de Ch0let le O3/O4/2O23", "Ch0let", "VILLE"),
    ("Maternité du CH - site de Saint-Ama nd-Montrond, le l2/O3/2O24", "Saint-Ama nd-Montrond", "VILLE"),
    ("hébergée chez son frère à Marti gues depuis le O2/O3", "Marti gues", "VILLE"),
    ("logement proposé à Vi lleurbanne le l4/O5/2O24", "Vi lleurbanne", "VILLE"),
    ("courrier reçu de Montbé1iard hier", "Montbé1iard", "VILLE"),
    ("hébergement chez sa tante à Saint-Ra phaël, rupture le O2/O3", "Saint-Ra phaël", "VILLE"),
    # Breton hamlets
    ("Ancien marin (pêche côtière à Kerlouarnec avec son frère).", "Kerlouarnec", "VILLE"),
    ("8h10 mme le bihan (kerdanet) : insuline faite", "kerdanet", "VILLE"),
    ("je passe à toul ar c'hoad vers 10h", "toul ar c'hoad", "VILLE"),
    ("sortie prévue à l'Aber Benoît en juin", "Aber Benoît", "VILLE"),
    # hamlets used as homes, and the commune after them
    ("mar 16/04;14h00;VAD lieu-dit La Basse Noë, Guémené-Penfao;Mme X", "lieu-dit La Basse Noë", "ADRESSE"),
    ("mar 16/04;14h00;VAD lieu-dit La Basse Noë, Guémené-Penfao;Mme X", "Guémené-Penfao", "VILLE"),
    ("jeu 18/04;10h00;VAD Le Pré Gouin, Saint-Mars-la-Jaille;M. Y", "Le Pré Gouin", "ADRESSE"),
    ("Domicile : chez sa tante, La Croix Rabault, 49120 Chemillé-en-Anjou.", "La Croix Rabault", "ADRESSE"),
    ("GUILLOU : 3 rue des Lilas PLOUDALMÉZEAU / MADEC : La Haute Lande LANNILIS (chemin)", "La Haute Lande", "ADRESSE"),
    # an address line's chain: residence or street with its building, floor or flat parts, one span
    (
        "Les Jardins de Bellevue, bât. C2, 14 boulevard des Dames\n13002 Marseille",
        "Les Jardins de Bellevue, bât. C2, 14 boulevard des Dames",
        "ADRESSE",
    ),
    (
        "Mme Rivière Odile, 9 résidence des Mimosas, appt 14, 24100 Bergerac",
        "9 résidence des Mimosas, appt 14",
        "ADRESSE",
    ),
    (
        "  HLM Les Sorbiers, bât. 2, 8 allée des Pins\n  07200 AUBENAS",
        "HLM Les Sorbiers, bât. 2, 8 allée des Pins",
        "ADRESSE",
    ),
    (
        "Adresse : Résidence Le Clos, bât. E, 2e ét., appt 31 – 12 rue Kléber – 67000 Strasbourg",
        "Résidence Le Clos, bât. E, 2e ét., appt 31",
        "ADRESSE",
    ),
    (
        "Adresse : Les Terrasses du Lac, villa 9, 3 allée des Cyprès, 83000 Toulon",
        "Les Terrasses du Lac, villa 9, 3 allée des Cyprès",
        "ADRESSE",
    ),
    (
        "  Adresse : 12 rue Vauban, résidence Le Ponant, bât. B, 1er ét. porte droite   29200 BREST",
        "12 rue Vauban, résidence Le Ponant, bât. B, 1er ét. porte droite",
        "ADRESSE",
    ),
    ("31-0077 LEROUX PAUL        RES. LES PINS, BAT 4, APP 12        18,50", "RES. LES PINS, BAT 4, APP 12", "ADRESSE"),
    (
        "Adresse : Résidence Kervénou, bât. A, 4 rue de Siam, appt 7, 29200 Brest",
        "Résidence Kervénou, bât. A, 4 rue de Siam, appt 7",
        "ADRESSE",
    ),
    # a membership number closed by a pair of digits
    ("N° d'adhérent : 0081 2294 07\nAyant droit : conjoint", "0081 2294 07", "NDA"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_place_is_found(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in found(detector, text)


NEGATIVE = [
    # a département after "côté", a nationality before a country, a unit's Breton name in quotes
    ("Dossier APA à faire côté Vienne, l'AS appelle.", "Vienne"),
    ("Nationalité : Italienne (Italie)", "Italienne"),
    ('Unité de soins palliatifs "Ti an Dud"\n10 rue X', "Ti an Dud"),
    # a split word whose join is a commune but whose tail is short or sits after a particle
    ("panne du véhicule Clio n° 3", "Clio n"),
    ("Drain thoracique D 24 F à 23h58 : 350 mL", "F à"),
    ("domicilié 8 impasse des Gen êts à Roanne", "Gen êts"),
    # a first name after a work verb stays a person's
    ("Elle travaille à Florence le lundi, à Lucie le mardi.", "Lucie"),
    # an ordinary lower-case word after "parle de"
    ("il parle de paris sportifs avec son voisin", "paris"),
    # a floor named in a symptom is no address
    ("Dyspnée d'effort (montée d'escaliers, 4e étage) depuis un mois", "montée d'escaliers, 4e étage"),
    # a town linked by a lower-case particle keeps its whole name, read by the birthplace rule
    ("né le 03/05/1979 à Linz am Rhein (Allemagne)", "Rhein"),
]


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_a_place(detector: Detector, text: str, value: str) -> None:
    assert (value, "VILLE") not in found(detector, text)
    assert (value, "ADRESSE") not in found(detector, text)
