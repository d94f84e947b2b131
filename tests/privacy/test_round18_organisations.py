"""Round 18 (organisations): quoted structure names, "centre" + acronym, lower-case hotels,
organisations after a field label, departments joined to their hospital,
rehabilitation units with their specialty."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    # a keyword or a shop's kind before a name in « »: one span, quotes included
    ("Résidente de l'EHPAD « Le Clos Fleuri » depuis 2019.\n", ("EHPAD « Le Clos Fleuri »", "HOPITAL")),
    ("SAMSAH « Les Passerelles de l'Isère » – Grenoble\n", ("SAMSAH « Les Passerelles de l'Isère »", "HOPITAL")),
    ("a travaillé au restaurant « Le Saint-Nicolas » à Lyon.\n", ("restaurant « Le Saint-Nicolas »", "HOPITAL")),
    # a name that says its kind itself: the name only
    ("orientée vers l'hôtel social « Hôtel du Parc ».\n", ("Hôtel du Parc", "HOPITAL")),
    # a shop's name in straight quotes: the name only
    ('gérant du restaurant "Le Jardin de Hué" (Lyon 7e)\n', ("Le Jardin de Hué", "HOPITAL")),
    ('Ancien commerçant (bureau de tabac "Le Castillet", vendu en 2016)\n', ("Le Castillet", "HOPITAL")),
    # "centre" + an acronym of four capitals or more, and its commune
    ("j'ai pris contact avec le centre AURAD de Roubaix.\n", ("centre AURAD de Roubaix", "HOPITAL")),
    ("Dialyse 3x/sem au Centre ECHO : transport difficile.\n", ("Centre ECHO", "HOPITAL")),
    # a lower-case hotel before an article-led name: the name
    ("hébergée par le 115 à l'hôtel Les Acacias, chambre 12\n", ("Les Acacias", "HOPITAL")),
    # an organisation after a field label is no person
    ("Mandataire : ATMP du Calvados – délégué : M. HAMEL\n", ("ATMP du Calvados", "HOPITAL")),
    ("De : UTPAS de Tourcoing – Département du Nord\n", ("UTPAS de Tourcoing", "HOPITAL")),
    ("De : Caf de la Loire\nObjet : dossier\n", ("Caf de la Loire", "HOPITAL")),
    ("De : Foyer Les Mouettes\nObjet : sortie\n", ("Foyer Les Mouettes", "HOPITAL")),
    ("Structure référente : Maison du Département de Forbach\n", ("Maison du Département de Forbach", "HOPITAL")),
    # a social service or a mobile team named before its hospital joins it
    ("Émetteur : Service social du CHU de Lille – Mme Agnès Delannoy\n", ("Service social du CHU de Lille", "HOPITAL")),
    ("Ergothérapeute – Équipe mobile de gériatrie du CH d'Abbeville\n",
     ("Équipe mobile de gériatrie du CH d'Abbeville", "HOPITAL")),
    # a rehabilitation unit with its specialty
    ("demande adressée au SMR cardiologique de Saint-Yves (Rennes)\n", ("SMR cardiologique de Saint-Yves", "HOPITAL")),
    ("Vers : SMR respiratoire Le Belvédère – Aix-les-Bains\n", ("SMR respiratoire Le Belvédère", "HOPITAL")),
    # a gendarmerie brigade by its commune, a police unit and its commune in a capitals line
    ("ramené par la gendarmerie (brigade de Chinon) à 23h.\n", ("brigade de Chinon", "HOPITAL")),
    ("PATIENT ADRESSE PAR GENDARMERIE QUILLAN POUR IVRESSE\n", ("GENDARMERIE QUILLAN", "HOPITAL")),
    # cells of a contact log: a school or a structure named after a person
    ("| Date | Interlocuteur | Objet |\n|---|---|---|\n| 12/03/2024 | Collège Louise Michel | absences |\n",
     ("Collège Louise Michel", "HOPITAL")),
    ("| Date | Interlocuteur | Objet |\n|---|---|---|\n| 12/03/2024 | PMI Anatole France | suivi |\n",
     ("PMI Anatole France", "HOPITAL")),
    # a structure's acronym is no surname before the doctor's structure
    ("rempli par le Dr Lecomte du CAMSP de Roubaix hier\n", ("CAMSP de Roubaix", "HOPITAL")),
    # after a lower-case unit's kind, the hospital is the name
    ("Orientation vers l'hôpital de jour de l'Hôpital de la Pitié-Salpêtrière\n",
     ("Hôpital de la Pitié-Salpêtrière", "HOPITAL")),
    # a lab or a practice named by its specialty, then by a name of its own
    ("envoyée au Laboratoire d'anatomie pathologique Cyrnos. Résultat en attente.\n",
     ("Laboratoire d'anatomie pathologique Cyrnos", "HOPITAL")),
    ("vers le Laboratoire de toxicologie Alpes-Expertise, 18 rue Ampère\n",
     ("Laboratoire de toxicologie Alpes-Expertise", "HOPITAL")),
    # a hospital inside its university hospital
    ("aux urgences de l'Hôpital des Enfants du CHU de Bordeaux (CR joint)\n",
     ("Hôpital des Enfants du CHU de Bordeaux", "HOPITAL")),
    # a metropolis, a free-care desk by its commune, a lower-case PMI before its commune
    ("avis favorable transmis à la Métropole de Lyon pour le dossier\n", ("Métropole de Lyon", "HOPITAL")),
    ("orienté vers la PASS de Grenoble le 20/03\n", ("PASS de Grenoble", "HOPITAL")),
    ("Tu as le n° de la pmi de Quimperlé ?\n", ("pmi de Quimperlé", "HOPITAL")),
    # a table cell opening with an organisation under "Nom"
    ("| Fonction | Nom | Téléphone |\n|---|---|---|\n| Pharmacie | Pharmacie du Bourg, Pessac | 05 56 45 07 14 |\n",
     ("Pharmacie du Bourg", "HOPITAL")),
]
NEGATIVE = [
    # three-letter medical acronyms after "centre" are kinds, no names
    ("adressée au centre PMI pour la pesée.\n", "centre PMI"),
    ("suivi au centre SLA du CHU.\n", "centre SLA"),
    # a capitals letterhead: "CENTRE" + a word is read by the keyword grammar, not as an acronym's name
    ("CENTRE HOSPITALIER\nService de cardiologie\n", "CENTRE HOSPITALIER"),
    # a first name and a surname after a practice's kind stay a person
    ("passage par le cabinet infirmier Sophie Martin chaque matin\n", "cabinet infirmier Sophie Martin"),
    # a person after a field label stays a person even when the word is a structure's noun
    ("De : Maison Julie\nObjet : rendez-vous\n", "Maison Julie"),
    # a brigade named by an ordinary word, a gendarmerie before a person's name
    ("la Brigade de Sûreté et la brigade des mineurs\n", "Brigade de Sûreté"),
    ("la gendarmerie Martin est venue\n", "gendarmerie Martin"),
    # a street after a practice's kind is its address
    ("conversation « Cabinet IDE Rue Pasteur »\n", "Cabinet IDE Rue Pasteur"),
    # a date after a body's acronym is no département number
    ("action Mme Touré : RDV PASS 12/09 matin\n", "PASS 12"),
    # a dash or a street ends a practice's name: the person and the address keep their own spans
    ("Cabinet de kinésithérapie - Grégoire LAPALUS\n", "Cabinet de kinésithérapie - Grégoire LAPALUS"),
    ("Dr Thomas Nguyen\nCabinet médical 1 place du Foirail 19250 MEYMAC\n", "Cabinet médical 1 place du Foirail"),
    # a lab's kind without a name
    ("LABORATOIRE DE BIOLOGIE MEDICALE\nCompte rendu\n", "LABORATOIRE DE BIOLOGIE MEDICALE"),
    ("prélèvement au Laboratoire de biologie médicale ce matin\n", "Laboratoire de biologie médicale"),
    # an acronym and one first name in a cell may be a person
    ("| Date | Interlocuteur | Objet |\n|---|---|---|\n| 12/03/2024 | MAS Pierre | suivi |\n", "MAS Pierre"),
    # a lower-case metropolis in a sentence, a PMI of no commune
    ("la métropole de Lyon est grande\n", "métropole de Lyon"),
    ("la pmi de la ville et la pmi de garde\n", "pmi de garde"),
    # quotes after a word that is no kind
    ('il dit "Le Grand Soir" arrivera\n', "Le Grand Soir"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_found(detector: Any, text: str, value: str) -> None:
    assert all(value != v for v, label in found(detector, text) if label == "HOPITAL")
