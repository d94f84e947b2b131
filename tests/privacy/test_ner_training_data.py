"""Training data of AVEC's own NER: the hand-written sets are split per set into training and dev
documents, case copies keep the spans valid, the final blind sets are never read, and the shipped
model does well on the held-back hand-written documents it was not trained on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from avec.privacy.evaluation import evaluate
from avec.privacy.ner_model.train import (
    DEV_EVERY,
    HAND_DIR,
    HANDWRITTEN_SETS,
    LABELS,
    case_copies,
    dev_split,
    handwritten,
    to_docbin,
)


def test_every_fifth_document_of_each_set_is_held_back() -> None:
    train, dev = dev_split([{"id": str(i)} for i in range(12)])
    assert [d["id"] for d in dev] == ["4", "9"]
    assert len(train) == 10 and not {d["id"] for d in train} & {d["id"] for d in dev}


def test_the_lead_final_blind_sets_are_never_read() -> None:
    stems = {Path(name).stem for name in HANDWRITTEN_SETS}
    assert stems >= {"handwritten", "blind", "blind11", "blind17", "blind45", "blind102", "blind122"}
    # blind123 and later are round 16's measures and learning sets, kept from the model so that it
    # can be measured on writing it has not seen
    assert not [s for s in stems if re.fullmatch(r"blind(12[3-9]|1[3-9]\d|[2-9]\d\d)\w*", s)]


def test_case_copies_keep_the_spans_on_the_same_words() -> None:
    doc: dict[str, Any] = {
        "id": "d",
        "text": "Dr Élodie Kœnig, Saint-Étienne",
        "spans": [{"start": 3, "end": 9, "label": "PRENOM"}],
    }
    lower, upper = case_copies([doc])
    assert lower["text"][3:9] == "élodie" and upper["text"][3:9] == "ÉLODIE"
    assert lower["spans"] == doc["spans"] and doc["text"].startswith("Dr Élodie")
    # "Straße".upper() is "STRASSE": the offsets would shift, so only the lower-case copy is made.
    assert [c["text"] for c in case_copies([{"id": "e", "text": "Straße", "spans": []}])] == ["straße"]


def test_hand_written_documents_become_training_examples() -> None:
    spacy = pytest.importorskip("spacy")
    train, dev = handwritten(HAND_DIR)
    assert len(dev) >= 50 and len(train) >= (DEV_EVERY - 1) * len(dev) - len(HANDWRITTEN_SETS)
    assert not {d["id"] for d in train} & {d["id"] for d in dev}
    db, dropped = to_docbin(spacy.blank("fr"), train)
    kept = sum(len(doc.ents) for doc in db.get_docs(spacy.blank("fr").vocab))
    wanted = sum(1 for d in train for s in d["spans"] if s["label"] in LABELS)
    assert kept + dropped == wanted and dropped < 0.05 * wanted


def test_shipped_model_on_held_back_hand_written_documents() -> None:
    from avec.privacy.detection.trained_ner import load_trained_ner

    _, dev = handwritten(HAND_DIR)
    gold = [{**d, "spans": [s for s in d["spans"] if s["label"] in LABELS]} for d in dev]
    entities = load_trained_ner().entities([d["text"] for d in dev])
    pred = {
        d["id"]: [{"start": a, "end": b, "label": lab} for a, b, lab in ents]
        for d, ents in zip(dev, entities, strict=True)
    }
    result = evaluate(gold, pred)
    # The raw model alone, no rule, on the held-back documents (every 5th of each set up to
    # blind122: 518 documents): measured token recall 0.926, strict F1 0.895, 307 over-masked spans
    # (0.59 per document) with the model of round 16. On the 61 held-back documents of 2026-11-30 the
    # model trained on generated documents only had 0.838 and 0.642 (307 spans, 5 per document).
    assert result["token_recall"] >= 0.90, result["token_recall"]
    assert result["strict_micro"]["f1"] >= 0.85, result["strict_micro"]
    assert result["over_masked_spans"] <= 0.8 * len(dev), (result["over_masked_spans"], len(dev))
