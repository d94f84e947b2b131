"""Ledger service (placeholder with the final signature; the ledger domain replaces the body)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session


def append(
    session: Session,
    *,
    event_type: str,
    actor: str | None,
    subject: dict[str, Any],
    digests: dict[str, str] | None = None,
    data: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> int:
    """Append an event in the caller's transaction and return its index."""
    return -1
