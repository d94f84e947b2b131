"""Medical vocabulary protection: eponyms, drugs, units and doses are never masked."""

from __future__ import annotations

import pytest

from avec.privacy.detection import DetectionConfig, Detector

SENTENCES = [
    "Maladie de Parkinson évoluée, maladie d'Alzheimer débutante.",
    "Maladie de Crohn iléale, syndrome de Guillain-Barré en 1998.",
    "Signe de Babinski bilatéral, Lasègue négatif, Glasgow 15.",
    "Cirrhose Child-Pugh B7, lymphome de Hodgkin, maladie de Basedow.",
    "Apgar 9/10, score de Wells à 2, Killip 1, NYHA II.",
    "Démence à corps de Lewy, maladie de Horton, syndrome de Cushing.",
    "Traitement : Doliprane 1 g, paracétamol 500 mg, Kardégic 75 mg, Lovenox 4000 UI.",
    "Xarelto 15 mg/j, Eliquis 2,5 mg x2, Levothyrox 75 µg, Seresta 10 mg.",
    "Tramadol 50 mg, Augmentin 1 g, Inexium 20 mg, Lasilix 40 mg.",
    "Hb 11,2 g/dL, créatinine 98 µmol/L, CRP 12 mg/L, INR 2,4.",
    "TA 135/80 mmHg, FC 72 bpm, SpO2 96 %, EVA 3/10.",
    "HTA, AVC, BPCO, IRM, TDM, ECG, NFS.",
    "Score de Braden à 14, échelle de Zarit à 38, test de Berg 38/56.",
    "Pose d'un drain de Redon, sonde de Foley, manœuvre de Heimlich.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_medical_vocabulary_is_not_masked(detector: Detector, sentence: str) -> None:
    assert [sentence[s.start : s.end] for s in detector.detect(sentence)] == []


def test_eponym_next_to_a_real_name(detector: Detector) -> None:
    text = "M. Martin Blanc, suivi pour une maladie de Parkinson par le Dr Charcot."
    got = [(text[s.start : s.end], s.label) for s in detector.detect(text)]
    assert got == [("Martin", "PRENOM"), ("Blanc", "NOM"), ("Charcot", "NOM")]


def test_organisation_protected_terms() -> None:
    text = "Atelier Snoezelen le matin, vu par Mme Kerjean."
    plain = Detector(DetectionConfig(use_ner=False))
    custom = Detector(DetectionConfig(use_ner=False, protected_terms=["Kerjean"]))
    assert "Kerjean" in [text[s.start : s.end] for s in plain.detect(text)]
    assert "Kerjean" not in [text[s.start : s.end] for s in custom.detect(text)]
