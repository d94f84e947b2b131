"""Per-key rate limit: a token bucket per API key, in memory, per process.

Hand-written (a few lines) rather than a dependency: the limit only needs to protect the server and
the upstream from a runaway client; with several workers each process applies it separately.
"""

from __future__ import annotations

import threading
import time


class RateLimiter:
    """``per_minute`` sustained rate with bursts of up to ``burst`` requests, per key."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, burst))
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> tuple[bool, float]:
        """Take one token for ``key``; returns (allowed, seconds to wait before retrying)."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return True, 0.0
            self._buckets[key] = (tokens, now)
            return False, (1.0 - tokens) / self.rate if self.rate > 0 else 60.0
