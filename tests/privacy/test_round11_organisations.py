"""Table-driven tests of the organisation families of round 11: companies named by a trade word
or a legal form, names after a word that introduces an employer, an insurer or a landlord, national
banks and employers with their branch, clubs, public bodies by their territory (préfectures,
mairies, académies, prisons, universities, fire services), schools whose kind is written, practices
named after a street or a district, services by their département's number, and centres named by
their specialty and a place.

Every value here is invented for these tests (other names, communes and territories than the
development sets); each family has positive cases in several shapes (capitals, lower-case context,
tables, letterheads) and negative neighbours that must stay unmasked: medical words, trades and
kinds without a name, persons after a title, national bodies that name no place.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a trade word inside a capitalised name
        ("arrêt de travail, employé aux Transports Kerhervé et Fils depuis 2019", "Transports Kerhervé et Fils"),
        ("Reprise impossible (Menuiserie Dulac Frères, Pontivy) avant 3 mois", "Menuiserie Dulac Frères"),
        ("transport assuré par les Ambulances Morvandelles, départ 9h", "Ambulances Morvandelles"),
        ("moulage prévu avec Orthopédie Vercors Sud la semaine prochaine", "Orthopédie Vercors Sud"),
        ("devis demandé à Confort Habitat Limousin pour la douche", "Confort Habitat Limousin"),
        ("licencié au Judo Club Aveyronnais depuis ses 8 ans", "Judo Club Aveyronnais"),
        # a legal form before or after the name
        ("Employeur : SARL Charpentes Ardéchoises – ZA du Moulin", "SARL Charpentes Ardéchoises"),
        ("cariste chez Entrepôts Val de Sèvre SAS, arrêt de 3 semaines", "Entrepôts Val de Sèvre SAS"),
        ("BIOVALDAINE — SELAS au capital de 90 000 €", "BIOVALDAINE"),
        # a word that introduces an organisation
        ("Travaille chez Quercy Intérim Services (Cahors).", "Quercy Intérim Services"),
        ("votre employeur, la société Frimabel (entrepôt de Bressuire)", "Frimabel"),
        # national bank or employer with its branch
        ("compte ouvert au Crédit Agricole de la Lozère (agence de Mende)", "Crédit Agricole de la Lozère"),
        ("| Caisse d'Épargne Bourgogne | Livret A | 1 200 € |", "Caisse d'Épargne Bourgogne"),
        ("facture EDF Martinique impayée", "EDF Martinique"),
        # a mutual by its area
        ("MUTUELLE DE LA HAUTE-MARNE\nService adhérents", "MUTUELLE DE LA HAUTE-MARNE"),
        # a club before its town
        ("reprise du rugby (club US Saint-Affrique) en septembre", "US Saint-Affrique"),
        # public bodies by their territory
        ("PRÉFECTURE DE LA CREUSE\nBureau des étrangers", "PRÉFECTURE DE LA CREUSE"),
        ("secrétaire, Mairie de Plouguerneau, en arrêt depuis mars", "Mairie de Plouguerneau"),
        ("Académie de Besançon – service de santé scolaire", "Académie de Besançon"),
        ("USMP – Maison d'arrêt de Saintes – note IDE", "Maison d'arrêt de Saintes"),
        ("licence à l'Université de Brest, abandonnée en 2e année", "Université de Brest"),
        ("amené par les pompiers (SDIS 29) à 3h", "SDIS 29"),
        ("dossier retraite (CARSAT Nord-Est) à compléter", "CARSAT Nord-Est"),
        ("accompagnement Cap emploi 53 si RQTH", "Cap emploi 53"),
        ("L'Assurance Maladie de la Mayenne a répondu", "Assurance Maladie de la Mayenne"),
        # schools whose kind is written
        ("en CE1 à l'école élémentaire Lucie Aubrac, cantine le midi", "école élémentaire Lucie Aubrac"),
        ("Établissement : École maternelle des Hirondelles, 4 rue Haute", "École maternelle des Hirondelles"),
        ("École : Groupe scolaire Condorcet – CP A", "Groupe scolaire Condorcet"),
        ("en CM1 à l'école primaire Les Goélands de Perros-Guirec", "école primaire Les Goélands"),
        # practices named after a street, a district or a place
        ("Pédiatre – Cabinet de pédiatrie des Capucins\n12 rue Haute", "Cabinet de pédiatrie des Capucins"),
        ("ECG à faire (Cabinet de cardiologie Montplaisir), puis avis", "Cabinet de cardiologie Montplaisir"),
        ("Lieu d'exercice : Cabinet d'orthoptie du Vieux Port, Marseille", "Cabinet d'orthoptie du Vieux Port"),
        ("kiné libéral à organiser (Cabinet Kiné du Lac ?)", "Cabinet Kiné du Lac"),
        ("CABINET D'IMAGERIE MÉDICALE ET D'ÉCHOGRAPHIE KERGARO\nTél. 02",
         "CABINET D'IMAGERIE MÉDICALE ET D'ÉCHOGRAPHIE KERGARO"),
        # care and social services by their département's number
        ("adressé au CSAPA 41, non venu", "CSAPA 41"),
        ("PV1|1|I|HADU^^^HAD29||||", "HAD29"),
        ("GHT 77 Sud – USMP", "GHT 77 Sud"),
        # centres named by their specialty and a place or a person
        ("orientation vers le Centre régional du psychotraumatisme Auvergne.",
         "Centre régional du psychotraumatisme Auvergne"),
        ("Mère hébergée à la Maison des Parents de Vannes la 1re semaine", "Maison des Parents de Vannes"),
        ("CENTRE DE MÉDECINE PHYSIQUE ET DE RÉADAPTATION DE KERBIHAN\nRoute de",
         "CENTRE DE MÉDECINE PHYSIQUE ET DE RÉADAPTATION DE KERBIHAN"),
        ("Réseau Périnat Occitanie : suivi des enfants vulnérables", "Réseau Périnat Occitanie"),
    ],
)
def test_organisation_is_one_hopital_span(detector: object, text: str, body: str) -> None:
    assert (body, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Transports sanitaires programmés ; Orthopédie Pédiatrique : avis demandé.",
        "PRESCRIPTION MEDICALE DE TRANSPORT\nTransport en VSL à prévoir.",
        "CABINET DE CHIRURGIE ORALE\nSpécialiste qualifié en chirurgie orale",
        "Il travaille chez M. Durand depuis 2019 ; ancien ouvrier du BTP.",
        "Votre complémentaire (MGEN) a été sollicitée ; facture EDF réglée ; retraité de la SNCF.",
        "dossier de surendettement déposé à la Banque de France le mois dernier",
        "ACCOMPAGNEE DE SA MERE ; LE PATIENT RESIDE CHEZ SA SOEUR",
        "la mairie a appelé ; l'université ; l'école maternelle ; le collège",
        "Inscrit à l'école du quartier, puis au collège de secteur.",  # round 12: named schools are marked
        "Plaie grade 1 de l'Université du Texas, sans ostéite.",
        "Mutuelle : oui ; Mutuelle Entreprise ; Assurance maladie : 100 %",
        "Amoxicilline 1 g x 3 ; kiné respiratoire ; audition normale ; imagerie cérébrale.",
        "CABINET DE CHIRURGIE ORALE\nDr Paul MARTIN – chirurgie orale",
        "HAD 15 jours puis CMP 12 h ; CSAPA 2 fois par mois",
        "Centre de Lutte Contre le Cancer ; Centre de référence des troubles du langage ; Centre mémoire",
        "PLAN PERSONNALISÉ DE COORDINATION EN SANTÉ (PPCS)\nBILAN DE SANTÉ EN ÉCOLE MATERNELLE (3-4 ANS)",
        "Son fils travaille au Luxembourg ; elle travaille chez sa sœur.",
    ],
)
def test_neighbours_stay_free_of_organisations(detector: object, text: str) -> None:
    assert not [v for v, label in found(detector, text) if label == "HOPITAL"], found(detector, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("IDE : Cabinet infirmier Duvernoy, passage le soir", "Duvernoy"),
    ],
)
def test_practice_named_after_its_partner_leaves_the_person(detector: object, text: str, person: str) -> None:
    values = found(detector, text)
    assert not [v for v, label in values if label == "HOPITAL" and person in v]
    assert person in " ".join(masked(detector, text))


def test_medical_words_and_doses_stay_unmasked(detector: object) -> None:
    text = "Kinésithérapie 3 fois par semaine, Doliprane 1 g, bilan orthophonique, audition à contrôler."
    assert masked(detector, text) == []
