"""Evaluation metrics on small hand-computed examples."""

from __future__ import annotations

from typing import Any

from avec.privacy.evaluation import evaluate, format_report

TEXT = "Mme Rose Petit, tel 06 12 34 56 78, vue le 3 mars."
#       0123456789012345678901234567890123456789012345678
GOLD: list[dict[str, Any]] = [
    {
        "id": "d1",
        "text": TEXT,
        "spans": [
            {"start": 4, "end": 8, "label": "PRENOM"},  # Rose
            {"start": 9, "end": 14, "label": "NOM"},  # Petit
            {"start": 20, "end": 34, "label": "TEL"},  # 06 12 34 56 78
            {"start": 43, "end": 49, "label": "DATE"},  # 3 mars
        ],
    }
]


def test_text_offsets_of_the_example() -> None:
    assert [TEXT[s["start"] : s["end"]] for s in GOLD[0]["spans"]] == [
        "Rose",
        "Petit",
        "06 12 34 56 78",
        "3 mars",
    ]


def test_perfect_prediction() -> None:
    r = evaluate(GOLD, {"d1": GOLD[0]["spans"]})
    assert r["token_recall"] == 1.0 and r["entity_leak_rate"] == 0.0
    assert r["documents_fully_redacted"] == 1.0 and r["over_masked_spans"] == 0
    assert r["strict_micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_partial_prediction_hand_computed() -> None:
    pred = [
        {"start": 4, "end": 14, "label": "NOM"},  # "Rose Petit" as one NOM: overlaps both
        {"start": 20, "end": 28, "label": "TEL"},  # "06 12 34" only: 3 of 5 TEL tokens
        {"start": 0, "end": 3, "label": "NOM"},  # "Mme": over-masked
    ]
    r = evaluate(GOLD, {"d1": pred})
    # Gold tokens: Rose, Petit, 06, 12, 34, 56, 78, 3, mars = 9; covered: Rose, Petit, 06, 12, 34 = 5.
    assert r["token_recall"] == round(5 / 9, 4)
    # Leaked entities: TEL (56 78 unmasked) and DATE -> 2 of 4.
    assert r["entity_leak_rate"] == 0.5
    assert r["documents_fully_redacted"] == 0.0
    assert r["over_masked_spans"] == 1
    # Strict: no exact match among 3 predictions and 4 gold spans.
    assert r["strict_micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # Overlap, same label: predictions NOM(Rose Petit) overlaps gold NOM, TEL overlaps TEL -> 2/3;
    # gold NOM and TEL are overlapped by a same-label prediction -> 2/4.
    assert r["overlap_micro"]["precision"] == round(2 / 3, 4)
    assert r["overlap_micro"]["recall"] == 0.5
    assert r["per_label"]["TEL"]["token_recall"] == 0.6
    assert r["per_label"]["PRENOM"]["overlap"]["recall"] == 0.0
    assert "token recall" in format_report(r)


def test_missing_document_counts_as_nothing_masked() -> None:
    r = evaluate(GOLD, {})
    assert r["token_recall"] == 0.0 and r["entity_leak_rate"] == 1.0 and r["strict_micro"]["recall"] == 0.0
