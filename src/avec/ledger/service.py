"""Ledger service: append events, issue signed checkpoints, build proofs. Never commits.

Appends serialise on the single ``ledger_head`` row (``SELECT ... FOR UPDATE`` on PostgreSQL; the
database lock taken by ``BEGIN IMMEDIATE`` on SQLite), which holds the tree size and the compact
range, so indexes have no gap, fork or duplicate even with several processes; the primary key on
the entry index is the last guard. An append is O(log n) and writes one entry row and the head.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import DateTime, Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.ledger import merkle
from avec.ledger.canonical import LedgerInputError, build_record, canonical_json
from avec.ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from avec.ledger.note import NoteSigner, checkpoint_text

ENTRIES = cast(Table, LedgerEntry.__table__)
HEAD = cast(Table, LedgerHead.__table__)
CHECKPOINTS = cast(Table, LedgerCheckpoint.__table__)


class LedgerError(RuntimeError):
    """The ledger cannot serve a request (not initialised, bad size)."""


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


def split_hashes(blob: bytes) -> list[bytes]:
    """Cut a concatenation of 32-byte hashes."""
    return [blob[i : i + 32] for i in range(0, len(blob), 32)]


# Statements built once: appends are hot, and a prebuilt statement skips SQLAlchemy's per-call
# compilation work (half of an append's time otherwise).
_LOCK_HEAD = select(HEAD.c.size, HEAD.c.frontier).where(HEAD.c.id == 1).with_for_update()
_INSERT_ENTRY = ENTRIES.insert()
_UPDATE_HEAD = (
    update(HEAD)
    .where(HEAD.c.id == 1)
    .values(size=bindparam("new_size"), frontier=bindparam("new_frontier"), updated_at=bindparam("new_at"))
)
# Compare-and-set on the head: succeeds only if the head is exactly the state we computed from.
_CAS_HEAD = _UPDATE_HEAD.where(HEAD.c.size == bindparam("old_size"), HEAD.c.frontier == bindparam("old_frontier"))
_HEAD_CACHE = "avec.ledger.head"  # key in session.info: the head as this session last wrote it
_ENTRY_KEYS = ("idx", "event_type", "actor", "created_at", "body", "leaf_hash", "nodes")


class _DriverStatements:
    """The two hot statements of an append, compiled once per dialect, run on the DB-API cursor.

    SQLAlchemy's per-execution machinery costs most of an append (the statements themselves are two
    primary-key writes). These run inside the connection's current transaction and savepoint, exactly
    where SQLAlchemy would have run them; only the Python-side bookkeeping is skipped.
    """

    def __init__(self, dialect: Any) -> None:
        self.cas = self._compile(_CAS_HEAD, dialect)
        self.insert = self._compile(ENTRIES.insert(), dialect, list(_ENTRY_KEYS))
        process = DateTime(timezone=True).bind_processor(dialect)
        self.time: Any = process or (lambda value: value)

    @staticmethod
    def _compile(stmt: Any, dialect: Any, keys: list[str] | None = None) -> tuple[str, Any, dict[str, Any]]:
        compiled = stmt.compile(dialect=dialect, column_keys=keys)
        order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
        fixed = {k: v for k, v in compiled.params.items() if v is not None}  # literals such as id = 1
        return str(compiled), order, fixed

    @staticmethod
    def run(cursor: Any, statement: tuple[str, Any, dict[str, Any]], params: dict[str, Any]) -> int:
        sql, order, fixed = statement
        values = fixed | params
        cursor.execute(sql, tuple(values[k] for k in order) if order is not None else values)
        return int(cursor.rowcount)


_DRIVER: dict[str, _DriverStatements] = {}


def _driver_cursor(conn: Any) -> tuple[Any, _DriverStatements] | None:
    """A DB-API cursor inside the current transaction, or None to use the SQLAlchemy path."""
    raw = conn.connection.driver_connection
    if conn.dialect.name == "sqlite" and not getattr(raw, "in_transaction", False):
        return None  # never run outside the BEGIN IMMEDIATE transaction
    statements = _DRIVER.get(conn.dialect.name)
    if statements is None:
        statements = _DRIVER[conn.dialect.name] = _DriverStatements(conn.dialect)
    return raw.cursor(), statements


def _lock_head(session: Session) -> tuple[int, bytes]:
    row = session.connection().execute(_LOCK_HEAD).one_or_none()
    if row is None:
        raise LedgerError("the ledger is not initialised: run 'avec db upgrade'")
    return int(row.size), bytes(row.frontier)


def _advance_head(session: Session, conn: Any, driver: Any, body_for: Any, at: dt.datetime) -> tuple[int, bytes, bytes]:
    """Move the head forward by one leaf; returns (index, leaf hash, completed subtree hashes).

    Fast path: the head this session wrote last is assumed current and checked by a
    compare-and-set UPDATE (which also takes the row lock); if anything else moved the head (another
    process, a rolled-back savepoint), the UPDATE matches no row and the head is re-read under
    ``SELECT ... FOR UPDATE``. Either way the index comes from the locked, current head.
    """
    cached = session.info.get(_HEAD_CACHE)
    for attempt in (0, 1):
        if attempt == 0 and cached is not None:
            size, frontier = cached
        else:
            size, frontier = _lock_head(session)
        cr = merkle.CompactRange(size, split_hashes(frontier))
        body = body_for(size)
        leaf = merkle.leaf_hash(body)
        completed = b"".join(cr.append(leaf))
        new_frontier = b"".join(cr.hashes)
        params = {"new_size": size + 1, "new_frontier": new_frontier, "new_at": at}
        if attempt == 0 and cached is not None:
            params |= {"old_size": size, "old_frontier": frontier}
            if driver is not None:
                params["new_at"] = driver[1].time(at)
                changed = driver[1].run(driver[0], driver[1].cas, params)
            else:
                changed = conn.execute(_CAS_HEAD, params).rowcount
            if changed != 1:
                continue
        else:
            conn.execute(_UPDATE_HEAD, params)
        session.info[_HEAD_CACHE] = (size + 1, new_frontier)
        return size, leaf, completed
    raise AssertionError("unreachable")


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
    """Append an event in the caller's transaction and return its index.

    Raises :class:`LedgerInputError` for an invalid event (type, subject, digests, data) so the
    caller's action fails with it; never stores clear content (digests and metadata only).
    """
    at = at or utcnow()
    record = build_record(
        index=0, event_type=event_type, actor=actor, subject=subject, digests=digests, data=data, at=at
    )
    bodies: dict[int, bytes] = {}

    def body_for(index: int) -> bytes:
        record["index"] = index
        bodies[index] = canonical_json(record)
        return bodies[index]

    conn = session.connection()
    driver = _driver_cursor(conn)
    index, leaf, completed = _advance_head(session, conn, driver, body_for, at)
    row = {
        "idx": index,
        "event_type": event_type,
        "actor": actor,
        "created_at": at,
        "body": bodies[index].decode("utf-8"),
        "leaf_hash": leaf,
        "nodes": completed,
    }
    if driver is not None:
        row["created_at"] = driver[1].time(at)
        driver[1].run(driver[0], driver[1].insert, row)
    else:
        conn.execute(_INSERT_ENTRY, row)
    return index


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
    """Current size and root (from the compact range; no lock)."""
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
        return {
            int(i): (bytes(leaf), bytes(nodes)) for i, leaf, nodes in conn.execute(_FETCH_NODES, {"rows": sorted(rows)})
        }

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
    size, frontier = _lock_head(session)
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


def bulk_append(session: Session, records: list[dict[str, Any]], at: dt.datetime | None = None) -> int:
    """Append many prepared events at once (benchmarks, imports); returns the new size.

    Each record holds the keyword arguments of :func:`append` (without ``at``).
    """
    at = at or utcnow()
    session.info.pop(_HEAD_CACHE, None)
    size, frontier = _lock_head(session)
    cr = merkle.CompactRange(size, split_hashes(frontier))
    rows = []
    for item in records:
        record = build_record(
            index=cr.size,
            at=at,
            event_type=item["event_type"],
            actor=item.get("actor"),
            subject=item.get("subject") or {},
            digests=item.get("digests"),
            data=item.get("data"),
        )
        body = canonical_json(record)
        leaf = merkle.leaf_hash(body)
        completed = cr.append(leaf)
        rows.append(
            (
                record["index"],
                record["type"],
                record["actor"],
                at,
                body.decode("utf-8"),
                leaf,
                b"".join(completed),
            )
        )
    if rows:
        _insert_many(session, rows)
    session.execute(
        update(HEAD).where(HEAD.c.id == 1).values(size=cr.size, frontier=b"".join(cr.hashes), updated_at=at)
    )
    return cr.size


def _insert_many(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Insert entry rows (in ``_ENTRY_KEYS`` order): COPY on PostgreSQL, executemany on SQLite."""
    conn = session.connection()
    driver = _driver_cursor(conn)
    if driver is None:
        session.execute(ENTRIES.insert(), [dict(zip(_ENTRY_KEYS, row, strict=True)) for row in rows])
        return
    cursor, statements = driver
    convert = statements.time
    if conn.dialect.name == "postgresql":
        with cursor.copy(f"COPY ledger_entries ({', '.join(_ENTRY_KEYS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    sql, order, _fixed = statements.insert
    if order != _ENTRY_KEYS:
        session.execute(ENTRIES.insert(), [dict(zip(_ENTRY_KEYS, row, strict=True)) for row in rows])
        return
    cursor.executemany(sql, [(*row[:3], convert(row[3]), *row[4:]) for row in rows])


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
