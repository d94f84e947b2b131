"""ORM models of the ledger: entries (with their stored subtree hashes), the head, checkpoints."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from avec.db import Base, utcnow

# SQLite needs INTEGER (not BIGINT) for a rowid primary key; its integers are 64-bit anyway.
IndexType = BigInteger().with_variant(Integer(), "sqlite")


class LedgerEntry(Base):
    """One event; ``body`` is its canonical JSON, ``nodes`` the subtree hashes it completes."""

    __tablename__ = "ledger_entries"

    idx: Mapped[int] = mapped_column(IndexType, primary_key=True, autoincrement=False)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    actor: Mapped[str | None] = mapped_column(String(128), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    body: Mapped[str] = mapped_column(Text)
    leaf_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    nodes: Mapped[bytes] = mapped_column(LargeBinary)


class LedgerHead(Base):
    """The single head row: tree size and compact range, locked by every append."""

    __tablename__ = "ledger_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    size: Mapped[int] = mapped_column(BigInteger)
    frontier: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class LedgerCheckpoint(Base):
    """A signed checkpoint (C2SP tlog-checkpoint note) of the tree at ``size``."""

    __tablename__ = "ledger_checkpoints"

    size: Mapped[int] = mapped_column(IndexType, primary_key=True, autoincrement=False)
    root: Mapped[bytes] = mapped_column(LargeBinary(32))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
