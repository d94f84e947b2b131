"""Facilities after the blind18-19 round: every named pharmacy and lab, resource centres, GP
out-of-hours centres, public mental health bodies, remote health centres, PMI centres, '&' inside a
name, a site or a branch after a dash, a hospital acronym of CH and one letter after 'au'/'du'.
Each family has cases left alone. Sentences written for these tests (other names and places).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("9h10  Pharmacie de la Gare (Julien) : ordonnance à refaire", "Pharmacie de la Gare"),
        ("Pharmacie du Centre - dispensation du 12", "Pharmacie du Centre"),
        ("Appel de la Pharmacie Castaing : rupture de stock", "Pharmacie Castaing"),
        ("LABORATOIRE BIOMEDILAB - Laboratoire de biologie médicale", "LABORATOIRE BIOMEDILAB"),
        ("suivi par le Centre Ressources Autisme Bretagne (Dr Morel)", "Centre Ressources Autisme Bretagne"),
        ("renvoyer vers la Maison médicale de garde de Quimper (sam.)", "Maison médicale de garde de Quimper"),
        (
            "ÉTABLISSEMENT PUBLIC DE SANTÉ MENTALE DE LA MARNE\n2 rue X",
            "ÉTABLISSEMENT PUBLIC DE SANTÉ MENTALE DE LA MARNE",
        ),
        (
            "Dr Roy, Centre délocalisé de prévention et de soins de Grand-Santi",
            "Centre délocalisé de prévention et de soins de Grand-Santi",
        ),
        ("Centre de PMI de Cavani — Rue des Lilas", "Centre de PMI de Cavani"),
        ("GHU NORD PSYCHIATRIE & ADDICTOLOGIE — site Lyon", "GHU NORD PSYCHIATRIE & ADDICTOLOGIE"),
        ("vu au CHU de Pau – site Nord, hier", "CHU de Pau – site Nord"),
        ("CHU DE NANTES – SITE CENTRE\nService de neurologie", "CHU DE NANTES – SITE CENTRE"),
        ("vu au CHU de Bordeaux – site Pellegrin, hier", "Pellegrin"),
        ("CMP de Lille – Wazemmes\n12 rue X", "CMP de Lille – Wazemmes"),
        ("hospitalisé au CHT depuis lundi", "CHT"),
        ("né au CHM (Mamoudzou), 3 kg", "CHM"),
    ],
)
def test_facility_found(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "not_span"),
    [
        ("CHU de Nantes – Pédiatrie", "CHU de Nantes – Pédiatrie"),
        ("CMP de Lens – Centre", "CMP de Lens – Centre"),
        ("CH de Morlaix – Urgences", "CH de Morlaix – Urgences"),
        ("CHU de Brest – Mère-Enfant", "CHU de Brest – Mère-Enfant"),
        ("biopsie du CHC en 2023", "CHC"),
        ("LABORATOIRE DE BIOLOGIE MÉDICALE – Hôpital Nord", "LABORATOIRE"),
        ("CHU de Metz – Site Hôpital de Mercy", "CHU de Metz – Site"),
        ("CLINIQUE DU LITTORAL – IMAGERIE MÉDICALE\n3 rue X", "CLINIQUE DU LITTORAL – IMAGERIE"),
        ("CHU DE LIMOGES – Hôpital Dupuytren\n2 av X", "CHU DE LIMOGES – Hôpital"),
        ("Hôpital Nord – AP-HM\nChemin X", "Hôpital Nord – AP-HM"),
        ("passer à la pharmacie avant 19h", "pharmacie"),
        ("le laboratoire a appelé pour le bilan", "laboratoire"),
        ("Laboratoire de biologie médicale multi-sites", "Laboratoire de biologie"),
    ],
)
def test_not_a_facility(detector: Detector, text: str, not_span: str) -> None:
    assert not any(not_span in s or s.startswith(not_span) for s, _ in found(detector, text) if _ == "HOPITAL")


def test_a_hospital_made_drug_keeps_its_maker_but_the_group_alone_is_masked(detector: Detector) -> None:
    assert found(detector, "Ordonnance — Méthadone AP-HP sirop 70 mg/j") == []
    assert ("AP-HP", "HOPITAL") in found(detector, "suivi à l’AP-HP depuis 2020")


def test_a_pharmacy_named_after_its_commune_leaves_the_commune_to_the_commune_rule(detector: Detector) -> None:
    got = found(detector, "acheté à la pharmacie de Saint-François hier")
    assert ("Saint-François", "VILLE") in got and not any(label == "HOPITAL" for _, label in got)
