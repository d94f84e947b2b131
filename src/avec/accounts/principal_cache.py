"""A short-lived cache of resolved API keys, so that each API call does not hit the database.

Entries live ``ttl`` seconds; revocation clears the cache of the process that revoked, and other
processes see it within ``ttl``. Hand-written: a dict with expiry is all that is needed here.
"""

from __future__ import annotations

import hashlib
import threading
import time

from avec.accounts.schemas import Principal


class PrincipalCache:
    """Maps a digest of the key (never the key itself) to its principal for ``ttl`` seconds."""

    def __init__(self, ttl: float = 5.0, max_entries: int = 10_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._items: dict[str, tuple[float, Principal]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _k(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def get(self, token: str) -> Principal | None:
        """The cached principal, or None if absent or expired."""
        k = self._k(token)
        with self._lock:
            item = self._items.get(k)
            if item is None or item[0] < time.monotonic():
                self._items.pop(k, None)
                return None
            return item[1]

    def put(self, token: str, principal: Principal) -> None:
        """Cache a resolved principal."""
        with self._lock:
            if len(self._items) >= self._max:
                self._items.clear()
            self._items[self._k(token)] = (time.monotonic() + self._ttl, principal)

    def clear(self) -> None:
        """Forget everything (after a revocation)."""
        with self._lock:
            self._items.clear()
