"""Fixtures for the privacy tests: span helpers and the real detector (loaded once)."""

from __future__ import annotations

from collections.abc import Callable

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


@pytest.fixture
def mark() -> Marker:
    """The :func:`mark_spans` helper."""
    return mark_spans


@pytest.fixture(scope="session")
def detector() -> object:
    """The real detector of ``avec.privacy.detection`` (spaCy model loaded once per test session)."""
    detection = pytest.importorskip("avec.privacy.detection", reason="detection package not available")
    return detection.Detector.default()
