"""Places in layouts the first rules missed: facilities without a usual keyword, addresses with a
building lead-in, communes alone after a doctor or a facility, foreign birthplaces — and the
headers, form labels, classifications and ordinary words these wider rules must leave alone.
Sentences written for these tests (not taken from the blind sets)."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector

PLACE_LABELS = {"HOPITAL", "ADRESSE", "VILLE", "ZIP"}


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


def places(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(t, label) for t, label in found(detector, text) if label in PLACE_LABELS]


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("Rééducation prévue au Centre de Kerpape dès lundi.", "Centre de Kerpape"),
        ("Scanner fait au Centre d'imagerie des Tilleuls hier.", "Centre d'imagerie des Tilleuls"),
        ("Transfert vers le SMR Les Trois Chênes demain.", "SMR Les Trois Chênes"),
        ("Courrier adressé aux Nouvelles Cliniques Lyonnaises.", "Nouvelles Cliniques Lyonnaises"),
        ("Prélèvement envoyé à l'Hôpital Saint-Louis – AP-HP.", "AP-HP"),
        ("Accouchement prévu à la Maternité Les Bluets.", "Maternité Les Bluets"),
        ("Suivi au CAMSP de la Roseraie depuis 2022.", "CAMSP de la Roseraie"),
        (
            "Signalement reçu par la Maison départementale des solidarités de Tourcoing.",
            "Maison départementale des solidarités de Tourcoing",
        ),
        ("Hébergée à l'hôtel social « Hôtel des Voyageurs » depuis mai.", "Hôtel des Voyageurs"),
        ("Entrée à l'EHPAD Santa Maria di u Mare la semaine prochaine.", "EHPAD Santa Maria di u Mare"),
        ("mer 5/6 : renouvellement pour ehpad les glycines : 2 boîtes", "ehpad les glycines"),
        ("Arrivée aux urgences de la Source Claire vers 3 h.", "Source Claire"),
        ("Courrier du CHU de Brest, site de la Cavale Blanche.", "Cavale Blanche"),
        ("Expéditeur : Cabinet de kinésithérapie des Remparts", "Cabinet de kinésithérapie des Remparts"),
        ("IPP 00123456\nEHPAD Résidence du Moulin – Dinan", "EHPAD Résidence du Moulin"),
        ("SOR   11H00  DURAND         PIERRE   207  CH DE DOUAI - CHIR VISC", "CH DE DOUAI"),
        ("Stage en clinique aux Hôpitaux Civils de Colmar.", "Hôpitaux Civils de Colmar"),
        ("Relais par HAD Santé Service Ouest dès demain.", "HAD Santé Service Ouest"),
        ("Suivie au CHU de Ren-\nnes depuis 2019.", "CHU de Ren-\nnes"),
        (
            "Transfert au Centre de rééducation fonctionnelle de Kerpape.",
            "Centre de rééducation fonctionnelle de Kerpape",
        ),
        ("Chimiothérapie au Centre Léon Bérard depuis mars.", "Centre Léon Bérard"),
        ("Admise au Foyer d'accueil médicalisé Les Amandiers.", "Foyer d'accueil médicalisé Les Amandiers"),
        ("Orientation vers l'Institut médico-éducatif Les Hirondelles.", "Institut médico-éducatif Les Hirondelles"),
        ("Hébergé à l'hôtel social Le Relais depuis lundi.", "hôtel social Le Relais"),
        ("Elle vit à la résidence autonomie Les Lilas.", "résidence autonomie Les Lilas"),
        ("Entrée à l'EHPAD public de Plabennec.", "EHPAD public de Plabennec"),
        ("Inscrit au Centre d'accueil de jour Les Alizés.", "Centre d'accueil de jour Les Alizés"),
    ],
)
def test_facilities(detector: Detector, text: str, facility: str) -> None:
    assert (facility, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("TYPE  NOM           PRENOM     CH   PROVENANCE / DESTINATION", "PROVENANCE"),
        ("MOUVEMENTS - UF 2210 SSR POLYVALENT - JOURNEE DU 03.04.2024", "POLYVALENT"),
        ("Dossier discuté avec le Centre de Référence des maladies rares.", "Référence"),
        ("Réunion de quartier à l'Hôtel de Ville de Lille.", "Hôtel de Ville"),
        ("Orienter vers l'ehpad le plus proche du domicile.", "plus"),
        ("Glasgow à 15 aux urgences de la nuit, puis retour.", "nuit"),
        ("Maternité : J2, allaitement bien engagé.", "allaitement"),
        ("Cabinet infirmier Morel et Petit : passage à 8 h.", "Cabinet infirmier"),
        ("PASSAGE DU SSIAD MATIN ET SOIR A DOMICILE", "MATIN"),
        ("Vu au centre Pompidou hier avec sa fille.", "Pompidou"),
        ("Centre d'accueil : permanence le mardi.", "permanence"),
    ],
)
def test_not_facilities(detector: Detector, text: str, word: str) -> None:
    assert not any(word in t and label == "HOPITAL" for t, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adresse : Résidence Les Mimosas, bât. D, 7 rue des Acacias, 33000 Bordeaux",
            [("Résidence Les Mimosas, bât. D, 7 rue des Acacias", "ADRESSE")],  # one span (convention)
        ),
        ("Adresse : Appt 12, 5 allée des Saules, 31000 Toulouse", [("Appt 12, 5 allée des Saules", "ADRESSE")]),
        ("Adresse : Bât. A, 18 avenue Foch 69006 Lyon", [("Bât. A, 18 avenue Foch", "ADRESSE")]),
        (
            "Adresse des parents : Maison Arretxea, chemin de Lapurdi, 64500 Ciboure",
            [("Maison Arretxea, chemin de Lapurdi", "ADRESSE")],
        ),
        ("Adresse : Le Moulin Neuf, 4 route de Redon, 35600", [("Le Moulin Neuf, 4 route de Redon", "ADRESSE")]),
        ("vit seule au 12 rés. les Tamaris, code porte 1234", [("12 rés. les Tamaris", "ADRESSE")]),
        ("Nous habitons section Boisripeaux, 97129 Lamentin.", [("section Boisripeaux", "ADRESSE")]),
        ("EHPAD Ti Glas – 3 hent Sant-Herbod – 29000 Quimper", [("3 hent Sant-Herbod", "ADRESSE")]),
        ("<adresse>12 ter rue de la Paix</adresse><cp>", [("12 ter rue de la Paix", "ADRESSE")]),
        ("PATIENT : LE BRIS ANNE\nADRESSE : LIEU-DIT KERVEGUEN\n29800 PLOUDIRY", [("LIEU-DIT KERVEGUEN", "ADRESSE")]),
        ("Madame Garat\nMaison Ithurria\nChemin de Xoko\n64310 Sare", [("Maison Ithurria", "ADRESSE")]),
        ("Domicile – Le Bourg, 29880 Plouguerneau", [("Le Bourg", "ADRESSE"), ("Plouguerneau", "VILLE")]),
        ("Demeurant 12A, résidence Bellevue, 35000 Rennes", [("12A, résidence Bellevue", "ADRESSE")]),
    ],
)
def test_addresses(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    got = places(detector, text)
    for item in expected:
        assert item in got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Inès est en section Moyenne cette année.", "Moyenne"),
        ("Avis de la Maison Médicale de garde ce soir.", "Médicale"),
        ("Le bât. C est fermé pour travaux.", "bât"),
        ("Rencontré ce matin, Appt 6 au 2e étage sans ascenseur.", "Appt"),
    ],
)
def test_not_addresses(detector: Detector, text: str, word: str) -> None:
    assert not any(word in t and label == "ADRESSE" for t, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "commune"),
    [
        ("Médecin traitant : Dr Yann Kervella, Landivisiau\n", "Landivisiau"),
        ("MEDECIN TRAITANT : DR KERVELLA YANN - LANDIVISIAU\nPERSONNE A PREVENIR : FILS", "LANDIVISIAU"),
        ("Entrée depuis l'EHPAD Les Ajoncs, Plouescat\n", "Plouescat"),
        ("Centre hospitalier Bretagne Sud – Site de Lorient\n", "Lorient"),
        ("Sa sœur habite à Beaupréau-en-Mauges depuis peu.", "Beaupréau-en-Mauges"),
        ("Patiente née le 3 mai 1960 à Tlemcen, arrivée en 1988.", "Tlemcen"),
        ("Son frère vit à Varsovie et appelle le dimanche.", "Varsovie"),
        ("Né le 02/02/1950 à Kindia (Guinée), veuf.", "Kindia"),
        ("Retour prévu au domicile (Montélimar) vendredi.", "Montélimar"),
        ("CHU de Martinique, 97261 Fort-de-France Cedex", "Fort-de-France"),
        ("Courrier au Dr Le Gall (Quimperlé) ce jour.", "Quimperlé"),
        ("LIEU DE NAISSANCE : DAKAR (SENEGAL)", "DAKAR"),
        ("La famille vit maintenant à Vila Nova de Gaia (Portugal).", "Vila Nova de Gaia"),
        ("PATIENT : KONE ISSA\nNE LE 12/03/1940 A TUNIS (TUNISIE)\nSEXE : M", "TUNIS"),
        ("MOTIF : CHUTE\nSORTIE A LENS LE 14/03\nDESTINATION : A DOMICILE", "LENS"),
    ],
)
def test_communes(detector: Detector, text: str, commune: str) -> None:
    assert (commune, "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("CP : 35000    Ville : Rennes", "Ville"),
        ("Code postal : 29200    Commune : Brest", "Commune"),
        ("Polype de 8 mm, classification NICE 2, réséqué.", "NICE"),
        ("Information transmise à la CRIP de Loire-Atlantique ce jour.", "Loire-Atlantique"),
        ("Référente ASE : Laure Delannoy\n", "lannoy"),
        ("Né le 3 mai à terme, Apgar 10.", "terme"),
        ("Dossier transmis à la CPAM de Lille-Douai ce jour.", "Lille"),
        ("Il est parti vivre à Rose (Italie)?", "Rose"),
    ],
)
def test_not_communes(detector: Detector, text: str, word: str) -> None:
    assert not any(word in t and label == "VILLE" for t, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rdv au chu de brest le 12/03 pour bilan", ("chu de brest", "HOPITAL")),
        ("transfert hopital st joseph demain matin", ("hopital st joseph", "HOPITAL")),
        ("livraison ehpad résidence les mimosas : ok", ("ehpad résidence les mimosas", "HOPITAL")),
        ("mme vit à quimper avec sa fille", ("quimper", "VILLE")),
        ("habite à lens depuis 2010", ("lens", "VILLE")),
    ],
)
def test_lower_case_notes(detector: Detector, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "vit à domicile avec son fils",
        "née à terme, poids 3 kg",
        "il habite à côté de la pharmacie",
        "vu en ch de garde cette nuit",
        "vit à rose avec sa mère",
    ],
)
def test_lower_case_notes_without_places(detector: Detector, text: str) -> None:
    assert places(detector, text) == []


def test_commune_after_label_still_found(detector: Detector) -> None:
    assert ("Rennes", "VILLE") in found(detector, "CP : 35000    Ville : Rennes")
