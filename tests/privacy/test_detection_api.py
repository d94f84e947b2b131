"""The Detector contract: non-overlapping, sorted, stable, thread-safe, limits, corpus generator."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from avec.privacy.corpus import generate
from avec.privacy.corpus.__main__ import main as corpus_main
from avec.privacy.detection import DetectionConfig, Detector, TextTooLongError
from avec.privacy.evaluation import evaluate
from avec.privacy.spans import LABELS

DATA = Path(__file__).parents[1] / "data" / "privacy"
HAND = DATA / "handwritten.jsonl"
SETS = ("handwritten", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")


def hand_docs(name: str = "handwritten") -> list[dict[str, object]]:
    path = DATA / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_spans_are_sorted_disjoint_and_valid(detector: Detector) -> None:
    for doc in hand_docs()[:15]:
        text = str(doc["text"])
        spans = detector.detect(text)
        assert spans == sorted(spans, key=lambda s: (s.start, s.end))
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start
        assert all(s.label in LABELS and 0 < s.score <= 1 and s.end <= len(text) for s in spans)


def test_detection_is_stable_and_thread_safe(detector: Detector) -> None:
    texts = [str(d["text"]) for d in hand_docs()[:12]]
    expected = [detector.detect(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(detector.detect, texts * 2))
    assert results == expected * 2
    assert detector.detect_many(texts) == expected


def test_default_is_shared(detector: Detector) -> None:
    assert Detector.default() is Detector.default()
    assert Detector.default({"max_chars": 10}).config.max_chars == 10


def test_limits_and_empty_text() -> None:
    small = Detector(DetectionConfig(use_ner=False, max_chars=50))
    assert small.detect("") == [] and small.detect("   \n") == []
    with pytest.raises(TextTooLongError):
        small.detect("x" * 51)


def test_hand_checked_set_meets_targets(detector: Detector) -> None:
    docs = [d for name in SETS for d in hand_docs(name)]
    preds = {str(d["id"]): [s.to_dict() for s in detector.detect(str(d["text"]))] for d in docs}
    result = evaluate(docs, preds)  # type: ignore[arg-type]
    assert result["token_recall"] >= 0.99
    assert result["strict_micro"]["f1"] >= 0.95
    assert result["documents_fully_redacted"] >= 0.85
    for label in ("SECU", "TEL", "MAIL", "ZIP"):
        assert result["per_label"][label]["token_recall"] >= 0.995


def test_hand_checked_markup_matches_jsonl() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("markup", HAND.parent / "markup.py")
    assert spec and spec.loader
    markup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(markup)
    total = 0
    for name in SETS:
        parsed = markup.parse((DATA / f"{name}.txt").read_text(encoding="utf-8"))
        assert parsed == hand_docs(name)
        total += len(parsed)
    assert total >= 90
    for txt in sorted((DATA / "heldout").glob("blind*.txt")):  # the independent writers' sets
        lines = txt.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
        assert markup.parse(txt.read_text(encoding="utf-8")) == [json.loads(line) for line in lines], txt.name
        total += len(lines)
    assert total >= 1500


def test_corpus_is_reproducible_and_annotated(tmp_path: Path) -> None:
    a, b = generate(30, 5), generate(30, 5)
    assert a == b and generate(30, 6) != a
    kinds = {d["kind"] for d in generate(120, 1)}
    assert {
        "crh",
        "letter",
        "prescription",
        "nursing_note",
        "social_note",
        "ehpad_plan",
        "email",
        "table",
    } <= kinds
    for doc in a:
        for s in doc["spans"]:
            assert doc["text"][s["start"] : s["end"]].strip() == doc["text"][s["start"] : s["end"]]
    out = tmp_path / "c.jsonl"
    assert corpus_main(["--n", "5", "--seed", "1", "--out", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
