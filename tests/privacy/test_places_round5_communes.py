"""Communes after the blind25-30 round: a large commune named with "Le" after "au", a contact's
commune before a phone number after a dash or an opening bracket, a role and its commune in capitals.
Each family has cases left alone. Sentences written for these tests (other names, places, numbers).
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector
from avec.privacy.detection.commune_slots import cell_communes
from avec.privacy.detection.registry import DetectionContext


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


def test_a_commune_alone_in_an_export_cell_is_found(detector: Detector) -> None:
    rows = "NDA ;NOM ;SORTIE ;DEST\n700112 ;RIVIERE ;DOMICILE ;GAILLAC\n700113 ;ROUX ;DOMICILE ;LAVAUR + SSIAD X\n"
    got = found(detector, rows)
    assert ("GAILLAC", "VILLE") in got and ("LAVAUR", "VILLE") in got


@pytest.mark.parametrize(
    "text",
    [
        "CODE ;LIBELLE ;UNITE ;VALEUR\nK ;POTASSIUM ;mmol/L ;4,1\n",  # no commune in the cells
        "sortie : DOMICILE ; GAILLAC",  # one separator: no export row
        "NDA ;NOM ;SORTIE ;DEST\n700112 ;RIVIERE ;DOMICILE ;NICE ET CALME\n",  # a phrase, not a commune
    ],
)
def test_no_export_cell_commune_outside_rows(detector: Detector, text: str) -> None:
    ctx = DetectionContext(text=text, lexicons=detector.lexicons, config=detector.config)
    assert cell_communes(ctx) == []
