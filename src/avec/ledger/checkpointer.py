"""Background checkpointer: signs a checkpoint every N entries or T seconds (when the log grew).

``start_checkpointer(app_state)`` is called by the application's lifespan; it runs one daemon
thread that polls the head (cheap: one primary-key read) and issues a checkpoint in its own short
transaction. Several processes may run one each: issuing is idempotent per tree size.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from avec.db import transaction
from avec.ledger import service

log = logging.getLogger(__name__)


class Checkpointer:
    """Periodic checkpoint issuer; call :meth:`stop` at shutdown."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        origin: str,
        signing_key: bytes,
        every: int,
        seconds: float,
        poll: float = 1.0,
    ) -> None:
        self._sessions = sessions
        self._origin = origin
        self._key = signing_key
        self._every = max(1, every)
        self._seconds = max(0.1, seconds)
        self._poll = min(poll, self._seconds)
        self._stop = threading.Event()
        self._last_time = time.monotonic()
        self.issued = 0
        self._thread = threading.Thread(target=self._loop, name="avec-ledger-checkpointer", daemon=True)

    def start(self) -> Checkpointer:
        """Start the thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the thread, issuing a last checkpoint if the log grew."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self.tick(force=True)

    def tick(self, *, force: bool = False) -> service.Checkpoint | None:
        """Issue a checkpoint if due (or if ``force`` and the log grew)."""
        try:
            with transaction(self._sessions) as session:
                size = service.head(session).size
                latest = service.latest_checkpoint(session)
                last = latest.size if latest is not None else 0
                due = size - last >= self._every or time.monotonic() - self._last_time >= self._seconds
                if size <= last or not (due or force):
                    return None
                cp = service.issue_checkpoint(session, origin=self._origin, signing_key=self._key)
        except Exception as exc:  # noqa: BLE001 - keep running; the next tick retries
            log.error("ledger checkpoint failed: %s", type(exc).__name__)
            return None
        self._last_time = time.monotonic()
        self.issued += 1
        return cp

    def _loop(self) -> None:
        while not self._stop.wait(self._poll):
            self.tick()


def start_checkpointer(app_state: Any) -> Checkpointer:
    """Start the checkpointer for an application (``app_state.settings/.secrets/.sessions``)."""
    settings = app_state.settings
    return Checkpointer(
        app_state.sessions,
        origin=settings.ledger_origin,
        signing_key=app_state.secrets.ledger_signing_key,
        every=settings.ledger_checkpoint_every,
        seconds=settings.ledger_checkpoint_seconds,
    ).start()
