"""ORM models of the privacy domain: the vault of per-conversation surrogate mappings.

A row holds one conversation's mapping (originals <-> surrogates), AES-GCM encrypted with the
organisation's data key. The conversation is looked up by a keyed hash of its id, so the table holds
no clear identifier at all; ``expires_at`` (last use + retention) drives the purge.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from avec.db import Base, utcnow


class VaultEntry(Base):
    """The encrypted surrogate mapping of one conversation."""

    __tablename__ = "privacy_vault"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_key: Mapped[str] = mapped_column(String(64), unique=True)  # HMAC-SHA256 hex
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
