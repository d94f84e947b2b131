"""Overlap resolution: one label per character, stable order."""

from __future__ import annotations

from avec.privacy.detection.registry import priority_of
from avec.privacy.spans import Span


def resolve(spans: list[Span]) -> list[Span]:
    """Keep non-overlapping spans, preferring priority, then score, then length; sorted by start."""
    if not spans:
        return []
    ranked = sorted(
        set(spans),
        key=lambda s: (-priority_of(s.source), -s.score, -(s.end - s.start), s.start, s.label),
    )
    occupied = bytearray(max(s.end for s in spans))
    taken: list[Span] = []
    for span in ranked:
        if any(occupied[span.start : span.end]):
            continue
        taken.append(span)
        occupied[span.start : span.end] = b"\x01" * (span.end - span.start)
    return sorted(taken, key=lambda s: (s.start, s.end))
