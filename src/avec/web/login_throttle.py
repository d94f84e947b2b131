"""Slowing down password guessing: a sliding window of failed logins per username and per address.

In memory, per process: enough to turn an online guessing attack from thousands of tries per minute
into a handful, without a new store. (Several workers each keep their own window.)
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class LoginThrottle:
    """Refuse a login attempt after ``max_failures`` failures within ``window_seconds`` for a key."""

    def __init__(self, max_failures: int = 5, window_seconds: float = 60.0) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> bool:
        """True if any of ``keys`` has reached the failure limit."""
        now = time.monotonic()
        with self._lock:
            return any(len(self._prune(k, now)) >= self.max_failures for k in keys)

    def failed(self, *keys: str) -> None:
        """Record a failure for each of ``keys``."""
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._prune(k, now).append(now)

    def succeeded(self, username_key: str) -> None:
        """Forget the failures of a username after a successful login."""
        with self._lock:
            self._failures.pop(username_key, None)
