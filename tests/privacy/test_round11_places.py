"""Round 11, places: communes in residence, kinship, bracket and contact slots; birthplaces of
several words; dated and "grande rue" streets; postal codes after any street or in brackets.

Every value below is invented. Positive cases must come out with the expected label and exact
bounds; negative cases (medical words, drugs, doses, people, ordinary words) must stay unmasked.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start : s.end], s.label) for s in detector.detect(text)}


POSITIVE = [
    # residence, origin and kinship slots (communes that are also words: Rennes, Tours, Vannes)
    ("Son frère vit à Vannes depuis dix ans.", "Vannes", "VILLE"),
    ("La patiente a vécu à Rennes jusqu'en 2002.", "Rennes", "VILLE"),
    ("Fils aîné venu de Porto pour la semaine.", "Porto", "VILLE"),
    ("ANCIEN MARIN, A VECU A LA ROCHELLE PUIS A BREST", "LA ROCHELLE", "VILLE"),
    ("Parents à Tours, peu disponibles.", "Tours", "VILLE"),
    ("originaire de Valence, arrivé en Bretagne en 1990", "Valence", "VILLE"),
    # brackets after a person or a relative, or closing them
    ("Deux enfants : Ronan (Rennes) et Soizic (Lorient).", "Rennes", "VILLE"),
    ("Le père travaille loin (Bordeaux) la semaine.", "Bordeaux", "VILLE"),
    ("Mesure en cours (mandataire Mme Pélardon, Tours).", "Tours", "VILLE"),
    ("Sa nièce Gaëlle (Quimperlé, 29) passe le dimanche.", "Quimperlé", "VILLE"),
    # contact lines: the commune between separators before a phone number
    ("Mme Rioual Annick – fille – Vannes – 06 11 22 33 44", "Vannes", "VILLE"),
    ("M. Pasquet Loïc (neveu), Lausanne – +41 21 555 66 77", "Lausanne", "VILLE"),
    # birthplaces of several words, or with their country after a comma
    ("né le 04/11/1983 à Phnom Penh\nIPP : 5512", "Phnom Penh", "VILLE"),
    ("née le 21/06/1990 à Da Lat (Viêt Nam)", "Da Lat", "VILLE"),
    ("Date de naissance : 12/09/1989 – Port Harcourt, Nigeria", "Port Harcourt", "VILLE"),
    # streets: dated names, "grande rue", a house number after a phone, a colon after the street
    ("Adresse : 9 avenue du 11 Novembre 1918, 21000 Dijon", "9 avenue du 11 Novembre 1918", "ADRESSE"),
    ("Domicile : 4 place du 19 Mars 1962, 26000 Valence", "4 place du 19 Mars 1962", "ADRESSE"),
    ("Cabinet\n57 grande rue de la Guillotière – 69007 LYON", "57 grande rue de la Guillotière", "ADRESSE"),
    ("Contact : M. Troadec, 06 44 55 66 77 – 31 rue Paul Langevin, 29200 Brest", "31 rue Paul Langevin", "ADRESSE"),
    ("Borne place Sainte-Claire : 12 kits déposés", "place Sainte-Claire", "ADRESSE"),
    ("Pharmacie de la Gare\n7 place des Halles – 56000 Vannes", "7 place des Halles", "ADRESSE"),
    ("Arrêté ce matin place de la Mairie après une altercation.", "place de la Mairie", "ADRESSE"),
    # a section, a district, an estate or a named house heading the street: one address
    ("Adresse : Section Bellevue, chemin des Cocotiers, 97180 Sainte-Anne",
     "Section Bellevue, chemin des Cocotiers", "ADRESSE"),
    ("Domicile : Quartier Morne Vert, 6 rue des Hibiscus, 97220 Trinité",
     "Quartier Morne Vert, 6 rue des Hibiscus", "ADRESSE"),
    ("parti chez sa tante (lotissement Caféière, 9 rue des Mangues, 97320)",
     "lotissement Caféière, 9 rue des Mangues", "ADRESSE"),
    ("Dis-lui maison Ibarrola, 120 chemin de Larrun, 64310 Ascain", "maison Ibarrola, 120 chemin de Larrun", "ADRESSE"),
    # a hamlet or a section after the street, the ground floor after a building part
    ("Ils vivent route de Sorbollano, lieu-dit Funtana, 20124 Zonza",
     "route de Sorbollano, lieu-dit Funtana", "ADRESSE"),
    ("Logement : 7 rue Kléber, bâtiment 2, RDC droite, 67000 Strasbourg",
     "7 rue Kléber, bâtiment 2, RDC droite", "ADRESSE"),
    # an estate, its tower, floor, building and flat parts and its street: one address
    ("Domicile : Résidence Les Iris, tour Oslo, 9e étage, appt 9012, 3 rue du Stade, 75019 Paris",
     "Résidence Les Iris, tour Oslo, 9e étage, appt 9012, 3 rue du Stade", "ADRESSE"),
    ("chez lui jusqu'au 3/05, Résidence Les Palmiers, bât D, appt 31, rue Victor Schœlcher, 97200 Fort-de-France",
     "Résidence Les Palmiers, bât D, appt 31, rue Victor Schœlcher", "ADRESSE"),
    ("Domicile : Cité Les Aubépines, bât. G, 3e étage, 93200 Saint-Denis",
     "Cité Les Aubépines, bât. G, 3e étage", "ADRESSE"),
    ("11h00  KAYA Emre          Rés. des Lilas, bât. A, appt 4, 2 rue Pasteur FOUGERES  clés",
     "Rés. des Lilas, bât. A, appt 4, 2 rue Pasteur", "ADRESSE"),
    # an ALL-CAPS commune closing a mixed-case street in a planning table
    ("08h30  LEBRETON Marc    5 rue des Tanneurs FOUGERES    toilette", "5 rue des Tanneurs", "ADRESSE"),
    ("08h30  LEBRETON Marc    5 rue des Tanneurs FOUGERES    toilette", "FOUGERES", "VILLE"),
    # a lieu-dit after a phone number keeps no digit of the phone; a lower-case street before its code
    ("PÈRE : GARDET Luc  06 71 82 93 04  Lieu-dit Les Combes Basses 24150 LALINDE",
     "Lieu-dit Les Combes Basses", "ADRESSE"),
    ("- mr vidal (av de la capelette, 13010) : chute", "av de la capelette", "ADRESSE"),
    # a birthplace of three words, one of them also a medical abbreviation
    ("né le 02/02/1975 à Hô Chi Minh-Ville\nNIR : 1", "Hô Chi Minh-Ville", "VILLE"),
    # postal codes after a street of any type, or in brackets after a town
    ("visite chez mme pichon (22 traverse des pins 13012) demain", "13012", "ZIP"),
    ("Sa sœur habite Propriano (20110), la voit peu.", "20110", "ZIP"),
    ("Sa sœur habite Propriano (20110), la voit peu.", "Propriano", "VILLE"),
]


@pytest.mark.parametrize(("text", "value", "label"), POSITIVE)
def test_places_found(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in _found(detector, text)


NEGATIVE = [
    # medical words, drugs, doses and people in the same slots stay unmasked
    ("Le fils de Martin vit avec sa mère.", "Martin"),
    ("Entourage : fils ABREST Yann (06 11 22 33 44), vit avec elle", "BREST"),
    ("Douleur (Parkinson) ; Kardégic (75) le matin", "Parkinson"),
    ("Traitement : Lovenox (40000) puis Doliprane (1000)", "40000"),
    ("Dosage héparine (12500) contrôlé", "12500"),
    ("Sa fille vient de Marie-Claire Dupuis, l'infirmière.", "Marie-Claire"),
    ("Contact IDE – Florence – 06 11 22 33 44", "Florence"),
    ("Il habite à Domicile Services depuis mars", "Domicile"),
    ("(Tramadol) – Insuline – 06 11 22 33 44", "Insuline"),
    ("rue du 14 mg", "14 mg"),
]


@pytest.mark.parametrize(("text", "word"), NEGATIVE)
def test_places_refused(detector: Detector, text: str, word: str) -> None:
    spans = detector.detect(text)
    start = text.index(word)
    end = start + len(word)
    assert not any(s.label in ("VILLE", "ZIP", "ADRESSE") and s.start < end and start < s.end for s in spans)


def test_street_ends_before_running_text(detector: Detector) -> None:
    text = "Vu ce jour boulevard Gambetta alors qu'il attendait le bus."
    assert ("boulevard Gambetta", "ADRESSE") in _found(detector, text)


def test_street_named_after_a_town_keeps_it(detector: Detector) -> None:
    text = "Vu au 12 rue de PARIS, 35000 Rennes"
    assert ("12 rue de PARIS", "ADRESSE") in _found(detector, text)
    assert ("PARIS", "VILLE") not in _found(detector, text)
