"""A very short-lived cache of policy decisions, so that a burst of calls does not re-run the same
registry and training queries for every request.

Only allowed decisions are cached, for ``ttl`` seconds (default 2 s): a suspension, a retired
system or an expired training takes effect within that delay on every process. Hand-written: a dict
with expiry is all this needs.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CachedDecision:
    """What the gateway needs from an allowed policy check."""

    decision: Any
    system_slug: str
    provider: str
    base_url: str | None
    upstream_model: str | None
    model: str
    frame: str
    system: Any = None  # the AI system row as loaded (detached): footprint parameters, versions


class PolicyCache:
    """Maps (user, roles, model, use case, patient data?) to an allowed decision for ``ttl`` seconds."""

    def __init__(self, ttl: float = 2.0, max_entries: int = 10_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._items: dict[tuple[Any, ...], tuple[float, CachedDecision]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> CachedDecision | None:
        """The cached decision, or None."""
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] < time.monotonic():
                self._items.pop(key, None)
                return None
            return item[1]

    def put(self, key: tuple[Any, ...], value: CachedDecision) -> None:
        """Cache an allowed decision."""
        if self._ttl <= 0:
            return
        with self._lock:
            if len(self._items) >= self._max:
                self._items.clear()
            self._items[key] = (time.monotonic() + self._ttl, value)

    def clear(self) -> None:
        """Forget every decision (after a registry change in this process)."""
        with self._lock:
            self._items.clear()
