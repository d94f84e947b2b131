"""Round 19 (organisations): a number closing a facility's name, associations and crisis units by
their département, child-welfare places and bodies in full, border police and the State's housing
service by their commune, "C.H." with its dots."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

POSITIVE = [
    # a site's digit or Roman numeral, a university's number, a département closing the name
    ("Bilan fait à l'Hôpital Beauregard 3, bâtiment B.\n", ("Hôpital Beauregard 3", "HOPITAL")),
    ("CHU DE TOURS — Hôpital Clocheville 2 — Pédiatrie\n", ("Hôpital Clocheville 2", "HOPITAL")),
    ("Étudiante à l'Université de Lille 3, colocation.\n", ("Université de Lille 3", "HOPITAL")),
    ("Admis à la Polyclinique Les Cèdres II (Rouen).\n", ("Polyclinique Les Cèdres II", "HOPITAL")),
    ("Cours au lycée Henri IV, section générale.\n", ("lycée Henri IV", "HOPITAL")),
    ("Fils scolarisé au collège Louis XIV.\n", ("collège Louis XIV", "HOPITAL")),
    ("Maraude avec le CAARUD Le Phare 59 – mardi soir\n", ("CAARUD Le Phare 59", "HOPITAL")),
    ("relais par le SAMSAH Cap Horizon 62 – Arras\n", ("SAMSAH Cap Horizon 62", "HOPITAL")),
    ("aide humaine par le SAAD Bien Vieillir 44 (ménage, courses)\n", ("SAAD Bien Vieillir 44", "HOPITAL")),
    # child-protection and disability associations, crisis units, guardianship bodies by their number
    ("suivi éducatif par l'ADSEA 27, éducatrice Mme Roux\n", ("ADSEA 27", "HOPITAL")),
    ("AEMO confiée à la Sauvegarde 71 depuis mars.\n", ("Sauvegarde 71", "HOPITAL")),
    ("SAUVEGARDE 2B – SERVICE AEMO\n", ("SAUVEGARDE 2B", "HOPITAL")),
    ("séjour adapté avec Les PEP 38 cet été\n", ("Les PEP 38", "HOPITAL")),
    ("CMPP Jean Itard – Association Les PEP 17\n", ("Association Les PEP 17", "HOPITAL")),
    ("service géré par les PEP 12 depuis 2010\n", ("PEP 12", "HOPITAL")),
    ("soutien psychologique proposé par la CUMP 35 aux témoins\n", ("CUMP 35", "HOPITAL")),
    ("mesure confiée à l'ATP 44, délégué M. Brun\n", ("ATP 44", "HOPITAL")),
    # child-welfare places and bodies in full
    ("visites médiatisées à l'Espace rencontre Les Passerelles (Niort)\n",
     ("Espace rencontre Les Passerelles", "HOPITAL")),
    ("droit de visite au Point rencontre de Valence un samedi sur deux\n", ("Point rencontre de Valence", "HOPITAL")),
    ("accueilli au Foyer départemental de l'enfance de Montauban depuis mai\n",
     ("Foyer départemental de l'enfance de Montauban", "HOPITAL")),
    ("confiée à l'Aide sociale à l'enfance de la Sarthe en 2019\n",
     ("Aide sociale à l'enfance de la Sarthe", "HOPITAL")),
    # border police and the State's housing service by their commune
    ("passeport transmis à la PAF de Hendaye pour expertise\n", ("PAF de Hendaye", "HOPITAL")),
    ("Commission de médiation – DRIHL Versailles\n", ("DRIHL Versailles", "HOPITAL")),
    # a hospital written "C.H." with its dots
    ("C.H. LOUIS PASTEUR - DOLE\nCOMPTE RENDU\n", ("C.H. LOUIS PASTEUR", "HOPITAL")),
]
NEGATIVE = [
    # a phone number, a frequency, a street number, a list's next item after a facility's name
    ("Taxis Lemerle 02 41 88 17 30 pour le retour\n", "Taxis Lemerle 02"),
    ("Passage du SSIAD Les Aulnes 2 fois par jour.\n", "SSIAD Les Aulnes 2"),
    ("rhumatologie CHU Dupuytren 2 avenue Martin Luther King\n", "CHU Dupuytren 2"),
    ("1) Centre de rééducation Les Pins 2) SMR Le Val\n", "Centre de rééducation Les Pins 2"),
    # a quantity after a facility's name
    ("L'EHPAD Les Tilleuls 80 lits, liste d'attente\n", "EHPAD Les Tilleuls 80"),
    # a bare hospital keyword and a building's number
    ("RDV au CHU 2 le 14/03\n", "CHU 2"),
    # a ventilator's setting, a lab value, a mechanical ATP
    ("VAC 6 mL/kg, PEP 10, FiO2 40 %\n", "PEP 10"),
    ("ventilation : PEP 8 cmH2O\n", "PEP 8"),
    ("baisse d'ATP cellulaire\n", "ATP"),
    # the child welfare of no named territory, a meeting point of no name
    ("confié à l'aide sociale à l'enfance du département\n", "aide sociale à l'enfance du département"),
    ("un point rencontre sera proposé\n", "point rencontre"),
    # the border police with no commune
    ("document transmis à la PAF pour analyse\n", "PAF"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_found(detector: Any, text: str, value: str) -> None:
    assert all(value != v for v, label in found(detector, text) if label == "HOPITAL")
