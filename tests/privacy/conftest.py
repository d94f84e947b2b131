"""Fixtures for the privacy tests: span helpers and the real detector (loaded once)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from avec.privacy.spans import Span

Marker = Callable[[str, list[tuple[str, str]]], list[Span]]


def mark_spans(text: str, marks: list[tuple[str, str]]) -> list[Span]:
    """Spans for ``(substring, label)`` pairs, each taken at its next occurrence after the previous one."""
    spans, cursor = [], 0
    for sub, label in marks:
        start = text.index(sub, cursor)
        spans.append(Span(start, start + len(sub), label))
        cursor = start + len(sub)
    return spans


PERSON_LABELS = frozenset({"NOM", "PRENOM"})
MCQA_DEV = Path(__file__).resolve().parents[1] / "data" / "frenchmedmcqa" / "dev.json"


def found(detector: Any, text: str) -> list[tuple[str, str]]:
    """``(value, label)`` of every span the detector finds in ``text``."""
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


def persons(detector: Any, text: str) -> list[str]:
    """The values labelled as a first name or a surname."""
    return [value for value, label in found(detector, text) if label in PERSON_LABELS]


def values_of(detector: Any, text: str, label: str) -> list[str]:
    """The values of the spans with ``label``."""
    return [value for value, lab in found(detector, text) if lab == label]


def covers(detector: Any, text: str, words: str) -> bool:
    """True when a span overlaps the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    end = start + len(words)
    return any(s.start < end and start < s.end for s in detector.detect(text))


def mcqa_questions() -> list[str]:
    """FrenchMedMCQA dev questions with their options, one text each (identifier-free medical
    text; the same texts as benchmarks/privacy.py)."""
    items = json.loads(MCQA_DEV.read_text(encoding="utf-8"))
    return [it["question"] + "\n" + "\n".join(f"{k}. {v}" for k, v in it["answers"].items()) for it in items]


def masked(detector: Any, text: str) -> list[str]:
    """The values of every span, whatever their label."""
    return [value for value, _ in found(detector, text)]


@pytest.fixture
def mark() -> Marker:
    """The :func:`mark_spans` helper."""
    return mark_spans


@pytest.fixture(scope="session")
def detector() -> object:
    """The real detector of ``avec.privacy.detection`` (spaCy model loaded once per test session)."""
    detection = pytest.importorskip("avec.privacy.detection", reason="detection package not available")
    return detection.Detector.default()
