"""Places after the blind31-39 round: bodies named by their territory (HOPITAL by the convention of
docs/privacy-detection.md), a residence with its building and its street as one address, care and
social structures in lower case and in capitals, practices, transport, occupational health, youth
and food-aid structures, dialysis units, communes after a facility or a doctor. Each family has
cases left alone. Sentences written for these tests (other names, places and numbers than the
documents).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Mesure exercée par l'UDAF de la Haute-Marne depuis 2021.", "UDAF de la Haute-Marne"),
        ("MDPH DU CANTAL – ÉQUIPE D'ÉVALUATION", "MDPH DU CANTAL"),
        ("Dossier transmis à la CPAM de l'Aude le 02/05.", "CPAM de l'Aude"),
        ("Caf de la Vendée\nVotre dossier", "Caf de la Vendée"),
        ("Conseil départemental de la Manche – Direction de l'autonomie", "Conseil départemental de la Manche"),
        ("CONSEIL DÉPARTEMENTAL DE L'ARIÈGE - Pôle solidarités", "CONSEIL DÉPARTEMENTAL DE L'ARIÈGE"),
        ("Retraite CARSAT Bourgogne-Franche-Comté, complémentaire", "CARSAT Bourgogne-Franche-Comté"),
        ("droits ouverts à la CGSS de la Guadeloupe ce matin", "CGSS de la Guadeloupe"),
        ("orientée vers le CIDFF du Morbihan pour un conseil", "CIDFF du Morbihan"),
        ("Suivi CSAPA ANPAA 47 le jeudi", "CSAPA ANPAA 47"),
        ("Mandataire : UDAF 59, service des majeurs", "UDAF 59"),
        (
            "avec la Maison de la Métropole pour les Solidarités de Bron (Mme X)",
            "Maison de la Métropole pour les Solidarités de Bron",
        ),
        ("DÉPARTEMENT DE LA LOZÈRE\nDirection de l'enfance", "DÉPARTEMENT DE LA LOZÈRE"),
        ("ASSOCIATION TUTÉLAIRE DU BAS-RHIN – Service MJPM", "ASSOCIATION TUTÉLAIRE DU BAS-RHIN"),
    ],
)
def test_bodies_named_by_their_territory_are_hopital(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dossier MDPH en cours ; relance de la CAF prévue.", "MDPH"),  # no territory
        ("Le département de la Drôme compte 500 000 habitants.", "département"),  # a sentence, lower case
        ("Prise en charge par la CPAM de rattachement du patient.", "CPAM"),  # an ordinary word
        ("Tribunal judiciaire de Tulle\nService des tutelles", "Tribunal"),  # courts: the commune only
        ("MSA 2024 : bilan annuel des adhérents", "MSA"),  # a year, no département number
    ],
)
def test_bodies_without_territory_are_left_alone(detector: Detector, text: str, value: str) -> None:
    assert not any(value in v and label == "HOPITAL" for v, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Adresse : Résidence Les Mimosas, bât. B, 12 rue Pasteur, 26000 Valence",
            "Résidence Les Mimosas, bât. B, 12 rue Pasteur",
        ),
        (
            "Domicile : résidence du Parc, bâtiment 3, 8 avenue Foch, 51100 Reims",
            "résidence du Parc, bâtiment 3, 8 avenue Foch",
        ),
        (
            "Adresse : Résidence Belle Rive, esc. 2, 40 boulevard Carnot, 06000 Nice",
            "Résidence Belle Rive, esc. 2, 40 boulevard Carnot",
        ),
    ],
)
def test_residence_building_and_street_are_one_address(detector: Detector, text: str, span: str) -> None:
    assert (span, "ADRESSE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("usld les acacias – transmissions de nuit", "usld les acacias"),
        ("ssiad les bruyères : passage à 8h", "ssiad les bruyères"),
        ("cmpp la sauvegarde - synthèse du 03/04", "cmpp la sauvegarde"),
        ("cabinet infirmier des glycines - transmissions", "cabinet infirmier des glycines"),
        ("Passage IDE (cabinet infirmier Croix-Rousse) le soir.", "cabinet infirmier Croix-Rousse"),
        ("CABINET DE SAGES-FEMMES DU LITTORAL – 05 00 00 00 00", "CABINET DE SAGES-FEMMES DU LITTORAL"),
        ("prélèvement déposé au labo bio ardennes ce matin", "labo bio ardennes"),
        ("dictée – clinique paul picard – à taper", "clinique paul picard"),
        ("CENTRE HENRI BECQUEREL — Rouen", "CENTRE HENRI BECQUEREL"),
        ("transfert à l'EPSMD, site de Tulle", "EPSMD"),
        ("rdv à la PASS du CH de Dax demain", "PASS du CH de Dax"),
        ("l'association Les Petits Frères des Pauvres passe le mardi", "association Les Petits Frères des Pauvres"),
        ("IMAGERIE MÉDICALE DU BOCAGE\nScanner – IRM", "IMAGERIE MÉDICALE DU BOCAGE"),
        ("Transport : Ambulances de la Vallée, 05 00 00 00 00", "Ambulances de la Vallée"),
        ("Service de Santé au Travail de la Mayenne\nVisite", "Service de Santé au Travail de la Mayenne"),
        ("atelier à la MJC des Trois Cités le mercredi", "MJC des Trois Cités"),
        ("colis de l'Épicerie solidaire La Corbeille chaque semaine", "Épicerie solidaire La Corbeille"),
        ("Centre d'hémodialyse Les Tamaris – séance du 04/05", "Centre d'hémodialyse Les Tamaris"),
        ("UNITÉ D'AUTODIALYSE DE MAULÉON – PLANNING", "UNITÉ D'AUTODIALYSE DE MAULÉON"),
    ],
)
def test_structures_in_lower_case_capitals_and_new_kinds(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("le ssiad le passage de l'infirmière est prévu.", "ssiad"),  # an ordinary word after "le"
        ("au labo ce matin pour bilan sanguin", "labo"),
        ("le cmp la semaine prochaine ; cabinet infirmier le matin", "cmp"),
        ("Cabinet infirmier Lebrun, passage à 8h.", "Cabinet"),  # the nurse's name
        ("Cabinet infirmier Julie-Martin, passage à 8h.", "Cabinet"),  # a first name: the nurses
        ("Cabinet infirmier Orsini-Leca – tournée du soir", "Cabinet"),  # two surnames: the nurses
        ("prélèvement au labo de Dannemarie ce matin", "labo"),  # the commune only
        ("service d'imagerie médicale, scanner réalisé", "imagerie"),
        ("appel des ambulances pour le retour", "ambulances"),
        ("une clinique privée a été contactée", "clinique"),
        ("Au centre la plaie est propre, bords Les plus nets.", "centre"),
    ],
)
def test_ordinary_words_after_structure_keywords_left_alone(detector: Detector, text: str, value: str) -> None:
    assert not any(value in v and label == "HOPITAL" for v, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("ADMIS AU CENTRE LES GENÊTS (LOMMELET) LE 02/03", "LOMMELET"),
        ("csapa le relais vesoul - consultation 03/09", "vesoul"),
        ("adressée par son médecin dr Grosjean (pontarlier)\nalcool ++", "pontarlier"),
        ("labo analyses plus – site bastia rue x", "bastia"),
    ],
)
def test_commune_after_a_facility_or_a_doctor(detector: Detector, text: str, city: str) -> None:
    assert (city, "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Admis à l'EHPAD Les Tilleuls (USLD) le 3 mars.", "USLD"),
        ("Admis à l'EHPAD Les Tilleuls (CHIRURGIE) le 3 mars.", "CHIRURGIE"),
        ("résidence les hortensias apt 12 à cambo", "apt"),
    ],
)
def test_unit_words_after_a_facility_are_not_communes(detector: Detector, text: str, value: str) -> None:
    assert not any(v == value and label == "VILLE" for v, label in found(detector, text))


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("suivie par l'association Solidarité Femmes 35.", "association Solidarité Femmes 35", "HOPITAL"),
        ("CAHIER – association Bien Chez Nous (aide à domicile)", "association Bien Chez Nous", "HOPITAL"),
        (
            "attestation Croix-Rouge française Saint-Laurent-du-Maroni du 02/02",
            "Croix-Rouge française Saint-Laurent-du-Maroni",
            "HOPITAL",
        ),
        ("colis des Restos du Cœur de Guéret le jeudi", "Restos du Cœur de Guéret", "HOPITAL"),
        (
            "Site : CHS – Centre Hospitalier Spécialisé de Sarreguemines, unité B",
            "CHS – Centre Hospitalier Spécialisé de Sarreguemines",
            "HOPITAL",
        ),
        (
            "vit à la Résidence autonomie Les Tamaris, 4 rue Haute, 26000 Valence",
            "Résidence autonomie Les Tamaris",
            "HOPITAL",
        ),
        ("vit à la Résidence autonomie Les Tamaris, 4 rue Haute, 26000 Valence", "4 rue Haute", "ADRESSE"),
        ("retour chez son fils, quartier Bois-Rouge, 97460 Saint-Paul.", "quartier Bois-Rouge", "ADRESSE"),
        (
            "Hébergée : lotissement Les Flamboyants, rue 5, 97310 Kourou.",
            "lotissement Les Flamboyants, rue 5",
            "ADRESSE",
        ),
        ("22h40 angle rue de brignoles : mr x, connu", "rue de brignoles", "ADRESSE"),
        ("Avenue des Tilleuls 41\n1300 Wavre – BELGIQUE", "Avenue des Tilleuls 41", "ADRESSE"),
        ("Chaussée de Louvain 220, 1030 Schaerbeek", "Chaussée de Louvain 220", "ADRESSE"),
        ("Marion Petit, psychomotricienne – Vannes", "Vannes", "VILLE"),
        ("Paul Roux, kinésithérapeute libéral – Quimper", "Quimper", "VILLE"),
    ],
)
def test_branches_acronyms_homes_estates_and_signature_towns(
    detector: Detector, text: str, span: str, label: str
) -> None:
    assert (span, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("L'association Les Amis 2 fois par semaine", "2"),  # a count, no département number
        ("CH – Service de pneumologie, 3e étage", "CH – Service"),  # initials do not match
        ("angle rue de la gare : rendez-vous", "rue de la gare"),  # an ordinary word
        ("Rue de la Paix 12 est fermée", "Rue de la Paix 12"),  # no postcode after
        ("Marion Petit, psychomotricienne – Lundi", "Lundi"),
    ],
)
def test_new_place_families_left_alone(detector: Detector, text: str, value: str) -> None:
    assert not any(value in v for v, _ in found(detector, text))


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("=> avis au chu rennes sud (dr x), courrier fait", "chu rennes sud", "HOPITAL"),
        ('groupe "cabinet IDE Les Mimosas" – 03/03', "cabinet IDE Les Mimosas", "HOPITAL"),
        ("Retour à domicile (La Croix, 43100 Brioude), où vit son fils", "La Croix", "ADRESSE"),
        ("écho au cabinet d'imagerie de Mulhouse demain", "Mulhouse", "VILLE"),
        ("séance au centre de dialyse de Vichy le mardi", "centre de dialyse de Vichy", "HOPITAL"),
        ("maraude samu social toulouse - nuit du 3 au 4", "samu social toulouse", "HOPITAL"),  # round 13: the body
    ],
)
def test_lower_case_hospitals_practices_and_team_towns(detector: Detector, text: str, span: str, label: str) -> None:
    assert (span, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("l'ide passe le matin ; cabinet ide le soir", "ide"),
        ("maladie de Paget, centre de référence de Paget", "Paget"),  # an eponym, no town
        ("la maraude est passée ce soir", "maraude"),
    ],
)
def test_lower_case_rules_leave_ordinary_words(detector: Detector, text: str, value: str) -> None:
    assert not any(v == value for v, _ in found(detector, text))


def test_residence_and_street_without_building_parts_stay_two_addresses(detector: Detector) -> None:
    got = found(detector, "Adresse : Résidence Ar Men, 9 chemin des Dunes, 29900 Concarneau")
    assert ("Résidence Ar Men", "ADRESSE") in got
    assert ("9 chemin des Dunes", "ADRESSE") in got
