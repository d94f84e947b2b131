"""Ledger service: append events, issue signed checkpoints, build proofs. Never commits.

Appending lives in :mod:`avec.ledger.appender` (re-exported here as ``append``, ``bulk_append``):
appends serialise on the single ``ledger_head`` row, so indexes have no gap, fork or duplicate even
with several processes; an append is O(log n) and writes one entry row.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.ledger import merkle
from avec.ledger.appender import (
    LedgerError,
    append,
    bulk_append,
    lock_head,
    pending_head,
    split_hashes,
    write_head,
)
from avec.ledger.canonical import LedgerInputError
from avec.ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from avec.ledger.note import NoteSigner, checkpoint_text

ENTRIES = cast(Table, LedgerEntry.__table__)
HEAD = cast(Table, LedgerHead.__table__)
CHECKPOINTS = cast(Table, LedgerCheckpoint.__table__)


class UnknownEntry(LedgerError):
    """No entry at the requested index."""


@dataclass(frozen=True)
class Head:
    """Current tree size and root."""

    size: int
    root: bytes


@dataclass(frozen=True)
class Checkpoint:
    """A signed checkpoint."""

    size: int
    root: bytes
    note: str
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class InclusionProof:
    """Proof that entry ``index`` (leaf hash ``leaf_hash``) is in the tree of ``size``."""

    index: int
    size: int
    leaf_hash: bytes
    proof: list[bytes]
    root: bytes
    checkpoint: str | None  # the signed note at ``size``, if one was issued


@dataclass(frozen=True)
class ConsistencyProof:
    """Proof that the tree of ``new`` extends the tree of ``old``."""

    old: int
    new: int
    proof: list[bytes]
    old_root: bytes
    new_root: bytes


def b64(data: bytes) -> str:
    """Standard base64 text."""
    return base64.b64encode(data).decode()


def record_erasure(
    session: Session,
    *,
    subject: dict[str, Any],
    reason: str,
    actor: str | None,
    fields: list[str] | None = None,
) -> int:
    """Record that the contents of ``subject`` were purged (``reason``: e.g. 'retention', 'request').

    Purge commands call this in the transaction that deletes the contents; the earlier entries keep
    their digests, and verification then reports those contents as erased rather than tampered.
    """
    data: dict[str, Any] = {"reason": reason}
    if fields:
        data["fields"] = sorted(fields)
    return append(session, event_type="erasure", actor=actor, subject=subject, data=data)


def head(session: Session) -> Head:
    """Current size and root (from the compact range; no lock), including this transaction's appends."""
    pending = pending_head(session)
    if pending is not None:
        cr = merkle.CompactRange(pending[0], split_hashes(pending[1]))
        return Head(size=cr.size, root=cr.root())
    row = session.execute(select(HEAD.c.size, HEAD.c.frontier).where(HEAD.c.id == 1)).one_or_none()
    if row is None:
        raise LedgerError("the ledger is not initialised: run 'avec db upgrade'")
    cr = merkle.CompactRange(int(row.size), split_hashes(bytes(row.frontier)))
    return Head(size=cr.size, root=cr.root())


_FETCH_NODES = select(ENTRIES.c.idx, ENTRIES.c.leaf_hash, ENTRIES.c.nodes).where(
    ENTRIES.c.idx.in_(bindparam("rows", expanding=True))
)
_CHECKPOINT_AT = select(CHECKPOINTS.c.size, CHECKPOINTS.c.root, CHECKPOINTS.c.note, CHECKPOINTS.c.created_at).where(
    CHECKPOINTS.c.size == bindparam("size")
)


def _resolve(session: Session, recipes: list[list[merkle.Node]], size: int) -> list[bytes]:
    """Hashes for proof recipes over the tree of ``size``, read with one query."""
    conn = session.connection()

    def fetch(rows: set[int]) -> Mapping[int, tuple[bytes, bytes]]:
        if not rows:
            return {}
        wanted = sorted(rows)
        raw: Any = conn.connection.driver_connection
        if conn.dialect.name == "postgresql":  # one array parameter: the same prepared statement every time
            cursor = raw.cursor()
            cursor.execute("SELECT idx, leaf_hash, nodes FROM ledger_entries WHERE idx = ANY(%s)", (wanted,))
            found = cursor.fetchall()
        elif conn.dialect.name == "sqlite":
            cursor = raw.cursor()
            marks = ",".join("?" * len(wanted))
            cursor.execute(f"SELECT idx, leaf_hash, nodes FROM ledger_entries WHERE idx IN ({marks})", wanted)
            found = cursor.fetchall()
        else:
            found = conn.execute(_FETCH_NODES, {"rows": wanted}).all()
        return {int(i): (bytes(leaf), bytes(nodes)) for i, leaf, nodes in found}

    if size < 0:
        raise LedgerError(f"tree size {size} is out of range")
    try:
        return merkle.resolve(recipes, fetch)
    except merkle.VerificationError:
        current = head(session).size
        if size > current:
            raise LedgerError(f"tree size {size} is out of range (the ledger holds {current} entries)") from None
        raise LedgerError("entries needed for this proof are missing: run 'avec ledger verify'") from None


def root_at(session: Session, size: int) -> bytes:
    """Root of the tree of the first ``size`` entries."""
    return _resolve(session, [merkle.root_recipe(size)], size)[0]


def entry(session: Session, index: int) -> LedgerEntry:
    """The stored entry at ``index``."""
    row = session.get(LedgerEntry, index)
    if row is None:
        raise UnknownEntry(f"no ledger entry at index {index}")
    return row


def verifier_key(origin: str, signing_key: bytes) -> str:
    """The checkpoint verifier key (note format ``name+keyid+base64(0x01||pubkey)``)."""
    return NoteSigner(origin, signing_key).verifier_key


def issue_checkpoint(session: Session, *, origin: str, signing_key: bytes) -> Checkpoint:
    """Sign and store a checkpoint of the current head (returns the existing one if unchanged)."""
    write_head(session, explicit=True)  # this transaction's own appends, if any
    size, frontier = lock_head(session)
    existing = session.get(LedgerCheckpoint, size)
    if existing is not None:
        return Checkpoint(existing.size, bytes(existing.root), existing.note, existing.created_at)
    root = merkle.CompactRange(size, split_hashes(frontier)).root()
    note = NoteSigner(origin, signing_key).sign(checkpoint_text(origin, size, root))
    now = utcnow()
    session.execute(CHECKPOINTS.insert().values(size=size, root=root, note=note, created_at=now))
    return Checkpoint(size, root, note, now)


def latest_checkpoint(session: Session) -> Checkpoint | None:
    """The most recent checkpoint, if any."""
    row = session.execute(select(LedgerCheckpoint).order_by(LedgerCheckpoint.size.desc()).limit(1)).scalar()
    return None if row is None else Checkpoint(row.size, bytes(row.root), row.note, row.created_at)


def checkpoint_at(session: Session, size: int) -> Checkpoint | None:
    """The checkpoint at exactly ``size``, if one was issued."""
    row = session.connection().execute(_CHECKPOINT_AT, {"size": size}).one_or_none()
    return None if row is None else Checkpoint(int(row.size), bytes(row.root), row.note, row.created_at)


def inclusion_proof(session: Session, index: int, size: int | None = None) -> InclusionProof:
    """Inclusion proof of entry ``index`` in the tree of ``size``, with the checkpoint at that size if any.

    Default size: the latest checkpoint if it covers the entry, else the current head (unsigned).
    """
    if size is None:
        latest = latest_checkpoint(session)
        size = latest.size if latest is not None and latest.size > index else head(session).size
    if not 0 <= index < size:
        raise LedgerError(f"entry {index} is not in the tree of size {size}")
    recipes = [*merkle.inclusion_recipe(index, size), merkle.root_recipe(size), [(0, index)]]
    hashes = _resolve(session, recipes, size)
    cp = checkpoint_at(session, size)
    return InclusionProof(index, size, hashes[-1], hashes[:-2], hashes[-2], cp.note if cp else None)


def consistency_proof(session: Session, old: int, new: int) -> ConsistencyProof:
    """Consistency proof between the trees of sizes ``old`` and ``new`` (0 < old <= new)."""
    if not 0 < old <= new:
        raise LedgerError(f"no consistency proof from size {old} to size {new} (need 0 < old <= new)")
    recipes = [*merkle.consistency_recipe(old, new), merkle.root_recipe(old), merkle.root_recipe(new)]
    hashes = _resolve(session, recipes, new)
    return ConsistencyProof(old, new, hashes[:-2], hashes[-2], hashes[-1])


def count_entries(session: Session) -> int:
    """Number of stored entry rows (equals the head size unless rows were tampered with)."""
    return int(session.execute(select(func.count()).select_from(ENTRIES)).scalar_one())


__all__ = [
    "LedgerError",
    "UnknownEntry",
    "LedgerInputError",
    "append",
    "record_erasure",
    "head",
    "root_at",
    "entry",
    "issue_checkpoint",
    "verifier_key",
    "latest_checkpoint",
    "checkpoint_at",
    "inclusion_proof",
    "consistency_proof",
    "bulk_append",
    "count_entries",
    "Head",
    "Checkpoint",
    "InclusionProof",
    "ConsistencyProof",
]
