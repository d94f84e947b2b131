"""Round 17 (precision): medical vocabulary and layouts that are no identifiers stay unmasked.

Vaccine shorthands ("Men C", "Hexa"), medical acronyms ("OMA D.", "sous AG."), shortened drugs
("Amox"), devices and brands of equipment ("Ioban", "drain Blake", "mammographe Hologic"),
eponymous classifications and tests ("selon Kikuchi", "forme de Weil", "Beery VMI"), storm names,
religious feasts, procedures under an "INTERV" column beside "DIAG", a record tag repeated on every
row of a lab export, a slash pair closing a heading in capitals, the job closing a plural title's
list, "Monsieur les urgentistes", Apgar scores after a dotted leader, the emergency number "le 15"
and "le 25 du mois". Each negative case has a positive twin: a real name in the same slot is still
found. Values are invented.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # vaccines of the schedule, by shorthand and serogroup
        ("Vaccins à jour : Hexa + Pneumo + Men B faits ce jour, Rota oral.", "Men"),
        ("Calendrier incomplet (DTP 2 et MenC rappel manquants).", "MenC"),
        ("| 12/05/2022 | NEISVAC (MenC) | lot 77AC | Dr Perrot |", "MenC"),
        ("Rattrapage Men ACWY prévu à 11 ans.", "Men"),
        # medical acronyms and shortened drugs after a finding
        ("Otoscopie : OMA D. Gorge rouge. Auscultation claire.", "OMA"),
        ("Appel de nuit : fièvre 39,2, otite D. Amox. Rappel si besoin.", "Amox"),
        ("Installation en décubitus dorsal, sous AG. Antibioprophylaxie par céfazoline.", "AG."),
        # devices and brands of equipment, eponymous tests and classifications
        ("Champage stérile, Ioban. Incision médiane de 8 cm.", "Ioban"),
        ("Drains : 2 (Blake D et G) séreux.", "Blake"),
        ("Mammographe Hologic 3Dimensions, tomosynthèse.", "Hologic"),
        ("Colonne Olympus, optique 30°. Hémostase par Surgicel. Fermeture Monocryl 3/0.", "Surgicel"),
        ("Vaccins : Hexa, Hib et HepB à jour.", "Hib"),
        ("Infiltration de la sous-muqueuse (sm1 selon Kikuchi), marges saines.", "Kikuchi"),
        ("Anastomose par surjet selon Van Velthoven, étanchéité vérifiée.", "Velthoven"),
        ("Leptospirose ictéro-hémorragique (forme de Weil) d'évolution favorable.", "Weil"),
        ("Copie de figures (Beery VMI) : note standard 80.", "Beery"),
        # storms, feasts, alert cells
        ("Chute au domicile lors du passage de la tempête Belal le 15/01.", "Belal"),
        ("| 3 | absente le 12/09 (Ramadan ? non) |", "Ramadan"),
        ("De: Cellule EVASAN CH Cayenne <evasan@ch-exemple.fr>", "EVASAN"),
        # "en SDT" (care at a third party's request) is no soldier's rank before a name
        ("APPEL IDE : HOSPI EN SDT DEPUIS 12/05 AU CHU DE LAVAL", "DEPUIS"),
        # a pronoun after "puis" is no foreign city of two letters
        ("agitée en début de séance, puis se pose avec étayage.", "se"),
        # "Madame, Monsieur les <job>" addresses readers, not a person
        ("Madame, Monsieur les urgentistes,\n\nJe vous adresse M. Paul Ibarra.", "urgentistes"),
    ],
)
def test_medical_words_are_not_masked(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # the same slots holding real names
        ("Vu avec Mme Men Sokha ce jour pour le suivi.", "Men", "PRENOM"),
        ("Vu par le Dr Amrane, otite droite, rappel si besoin.", "Amrane", "NOM"),
        ("Selon Mme Kerboul, la patiente dort mal.", "Kerboul", "NOM"),
        ("Infirmière référente : Belal Haddad (IDE).", "Haddad", "NOM"),
        ("Madame, Monsieur,\n\nJe vous adresse M. Paul Ibarra, 54 ans.", "Ibarra", "NOM"),
        ("Drs C. Rivalland, P. Onfroy — Radiologues", "Onfroy", "NOM"),
        ("Equipage : Sdt LEBRUN, chef d'agrès.", "LEBRUN", "NOM"),
    ],
)
def test_names_in_the_same_slots_are_found(detector: Detector, text: str, value: str, label: str) -> None:
    assert (value, label) in found(detector, text)


def test_plural_job_closes_the_titled_list(detector: Detector) -> None:
    assert not covers(detector, "Drs C. Rivalland, P. Onfroy — Radiologues", "Radiologues")


_SURGERY_LIST = (
    "PRIO | PATIENT | AGE | DIAG | INTERV | STATUT\n"
    "1 | LEBRETON ALAIN | 41 | APPENDICITE | APPENDICECTOMIE COELIO | AU BLOC 22H\n"
    "2 | GIRODET MARTHE | 77 | OCCLUSION | LAPAROTOMIE EXPLO | A JEUN\n"
    "3 | FAVIER NOAH | 15 | TORSION ? | EXPLORATION SCROTALE | APPEL URO\n"
)


def test_interv_column_beside_diag_is_the_procedure(detector: Detector) -> None:
    for words in ("LAPAROTOMIE", "EXPLO", "EXPLORATION", "APPENDICECTOMIE"):
        assert not covers(detector, _SURGERY_LIST, words)
    assert covers(detector, _SURGERY_LIST, "GIRODET")


def test_interv_column_without_diag_holds_the_staff(detector: Detector) -> None:
    text = (
        "DATE | PATIENT | INTERV | HEURE\n"
        "12/03 | LEBRETON ALAIN | KERGOAT | 8h\n"
        "13/03 | GIRODET MARTHE | LE FUR | 9h\n"
    )
    assert covers(detector, text, "KERGOAT")


_LAB_EXPORT = (
    "****LAB****\n"
    "RES|GLYCEMIE A JEUN|GLY|N|1.05|g/l|0.70|1.10||F\n"
    "RES|CREATININE|CREA|N|71|umol/l|59|104||F\n"
    "RES|POTASSIUM|K|N|4.1|mmol/l|3.5|5.0||F\n"
    "RES|SODIUM|NA|N|139|mmol/l|135|145||F\n"
    "TEX|Compte-rendu validé par S. VERNIER\n"
)


def test_record_tag_repeated_on_every_row_is_no_name(detector: Detector) -> None:
    assert not covers(detector, _LAB_EXPORT, "RES")
    assert covers(detector, _LAB_EXPORT, "VERNIER")


def test_caps_slash_pair_closing_a_heading_is_no_name(detector: Detector) -> None:
    text = "MATERNITE\nSALLE DE NAISSANCE — PARTOGRAMME / RESUME\n\nMERE : Mme Aïssata KONE"
    assert not covers(detector, text, "PARTOGRAMME")
    assert ("KONE", "NOM") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Apgar .................... 9 / 10 / 10\npH cordon : 7,21", "9 / 10"),
        ("En cas de souci : urgences du CH, 04 90 11 22 33, ou le 15.", "15"),
        ("Envoyer vos indisponibilités AVANT le 20 du mois précédent.", "20"),
    ],
)
def test_scores_and_numbers_are_no_dates(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Naissance le 09/10/2010, Apgar 10/10.", "09/10/2010"),
        ("RDV fixé avant le 20, salle 4.", "20"),
        ("Contrôle le 15/04/2025 au CH.", "15/04/2025"),
    ],
)
def test_real_dates_are_still_found(detector: Detector, text: str, value: str) -> None:
    assert value in [v for v, label in found(detector, text) if label.startswith("DATE")]


def test_pathology_practice_is_one_facility(detector: Detector) -> None:
    text = "Pièce adressée au Cabinet d'anatomie pathologique Vauban (n° 24H-05512), points de Prolène 4/0."
    assert ("Cabinet d'anatomie pathologique Vauban", "HOPITAL") in found(detector, text)
    assert not covers(detector, text, "Prolène")
