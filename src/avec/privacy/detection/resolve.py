"""Overlap resolution: one label per character, stable order."""

from __future__ import annotations

from avec.privacy.detection.registry import PRIORITIES
from avec.privacy.spans import Span


def resolve(spans: list[Span]) -> list[Span]:
    """Keep non-overlapping spans, preferring priority, then score, then length; sorted by start.

    Spans equal on all of these (and on start and label) keep their input order; a duplicate
    is dropped by the occupancy test, so no set is built (hashing a span runs in Python).
    """
    if not spans:
        return []
    priority = PRIORITIES.get  # unknown sources rank lowest, as ``priority_of``
    ranked = sorted(spans, key=lambda s: (-priority(s.source, 0), -s.score, s.start - s.end, s.start, s.label))
    occupied = bytearray(max(s.end for s in spans))
    taken: list[Span] = []
    for span in ranked:
        start, end = span.start, span.end
        if occupied.find(1, start, end) >= 0:
            continue
        taken.append(span)
        occupied[start:end] = b"\x01" * (end - start)
    taken.sort(key=lambda s: (s.start, s.end))
    return taken
