"""Registry of recognizers: small functions ``(DetectionContext) -> list[Span]``.

Each recognizer is registered with a decorator and a priority; the detector runs them all and
resolves overlaps (see :mod:`avec.privacy.detection.resolve`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from avec.privacy.detection.config import DetectionConfig
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.text import fold, mostly_upper
from avec.privacy.spans import Span


@dataclass
class DetectionContext:
    """What every recognizer sees: the text, its folded copy, the lexicons and settings."""

    text: str
    lexicons: Lexicons
    config: DetectionConfig
    folded: str = ""
    all_caps: bool = False
    protected: frozenset[str] = frozenset()
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self.all_caps = mostly_upper(self.text)


Recognizer = Callable[[DetectionContext], list[Span]]

# Source name -> priority (higher wins an overlap).
PRIORITIES: dict[str, int] = {}
_RECOGNIZERS: list[tuple[str, Recognizer]] = []


def recognizer(source: str, priority: int) -> Callable[[Recognizer], Recognizer]:
    """Register ``func`` under ``source``; spans it returns carry that source."""

    def wrap(func: Recognizer) -> Recognizer:
        PRIORITIES[source] = priority
        _RECOGNIZERS.append((source, func))
        return func

    return wrap


def registered() -> list[tuple[str, Recognizer]]:
    """The recognizers registered so far, in registration order."""
    return list(_RECOGNIZERS)


def priority_of(source: str) -> int:
    """Priority of a source (unknown sources rank lowest)."""
    return PRIORITIES.get(source, 0)
