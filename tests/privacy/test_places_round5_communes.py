"""Communes after the blind25-30 round: a large commune named with "Le" after "au", a contact's
commune before a phone number after a dash or an opening bracket, a role and its commune in capitals.
Each family has cases left alone. Sentences written for these tests (other names, places, numbers).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Son fils, M. Grondin Alain, travaille au Havre la semaine.", "Havre"),
        ("Rendez-vous pris au Mans pour le 4.", "Mans"),
        ("HOSPITALISÉE AU LAMENTIN EN JUIN", "LAMENTIN"),
        ("Personne à prévenir : M. Roche Yves (neveu), Riom – 04 00 11 22 33", "Riom"),
        ("Sa sœur Odile (Châtellerault, 05 00 12 34 56) passe le dimanche", "Châtellerault"),
        ("DR JEAN SANTONI (MÉDECIN TRAITANT, BIGUGLIA)", "BIGUGLIA"),
        ("agitée cette nuit, veut rentrer chez elle a lavaur", "lavaur"),
        ("| Lieu de naissance | Alger (Algérie) |", "Alger"),
    ],
)
def test_commune_in_its_slot(detector: Detector, text: str, span: str) -> None:
    assert (span, "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Il mange au Buffet de la gare le midi.", "Buffet"),  # not a large commune named "Le ..."
        ("passage au Doliprane 1 g si douleur", "Doliprane"),  # a drug
        ("Mme Rivière (IDE), Pôle – 04 00 11 22 33", "Pôle"),  # no commune
        ("(MÉDECIN TRAITANT, AVIS DEMANDÉ)", "DEMANDÉ"),
        ("veut rentrer chez lui a la maison ce soir", "maison"),
        ("il est chez elle a midi", "midi"),
    ],
)
def test_no_commune_in_these_slots(detector: Detector, text: str, word: str) -> None:
    assert not any(word in value and label == "VILLE" for value, label in found(detector, text))
