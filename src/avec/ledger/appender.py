"""Appending entries: index allocation under the head lock, incremental Merkle state, durability.

The first append of a transaction locks the single ``ledger_head`` row (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already holds the database write lock) and reads the tree
size and compact range. Later appends of the same transaction continue from that state, kept in
``session.info``, and the head row is written once, just before COMMIT (a ``before_commit`` hook):
updating one row hundreds of times in a transaction makes PostgreSQL walk an ever longer chain of
row versions, which made group commit slower than one commit per append.

Savepoints: a unit of work that appends and then rolls back its savepoint takes its entry with it.
After any rollback seen by the session (``after_soft_rollback``), the next append checks (one
primary-key read) that the entry appended last is still there, and rebuilds the state from the
stored entries if not. At COMMIT the hook checks that the entries of this transaction are exactly
``base..size-1`` (no gap, nothing extra) before writing the head, and fails the transaction
otherwise (fail closed), whatever happened in between. The primary key forbids duplicates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import DateTime, Table, bindparam, event, func, select, update
from sqlalchemy.orm import Session, SessionTransaction

from avec.db import utcnow
from avec.ledger import merkle
from avec.ledger.canonical import build_record, canonical_json
from avec.ledger.models import LedgerEntry, LedgerHead

ENTRIES = cast(Table, LedgerEntry.__table__)
HEAD = cast(Table, LedgerHead.__table__)
ENTRY_KEYS = ("idx", "event_type", "actor", "created_at", "body", "leaf_hash", "nodes")
_STATE = "avec.ledger.pending"  # key in session.info
_HOOKED = "avec.ledger.hooked"

_LOCK_HEAD = select(HEAD.c.size, HEAD.c.frontier).where(HEAD.c.id == 1).with_for_update()
_WRITE_HEAD = (
    update(HEAD)
    .where(HEAD.c.id == 1)
    .values(size=bindparam("new_size"), frontier=bindparam("new_frontier"), updated_at=bindparam("new_at"))
)
_LAST_LEAF = select(ENTRIES.c.leaf_hash).where(ENTRIES.c.idx == bindparam("idx"))
_INSERT = ENTRIES.insert()


class LedgerError(RuntimeError):
    """The ledger cannot serve a request (not initialised, bad size, inconsistent state)."""


def split_hashes(blob: bytes) -> list[bytes]:
    """Cut a concatenation of 32-byte hashes."""
    return [blob[i : i + 32] for i in range(0, len(blob), 32)]


@dataclass
class _Pending:
    """The head as this transaction has moved it (written to ``ledger_head`` before COMMIT)."""

    transaction: SessionTransaction
    base: int  # size when the transaction locked the head
    tree: merkle.CompactRange
    last_leaf: bytes | None = None
    at: dt.datetime | None = None
    rolled_back: bool = False  # a rollback (e.g. of a savepoint) happened since the last append


class _DriverStatements:
    """The hot statements of an append, compiled once per dialect, run on the DB-API cursor.

    SQLAlchemy's per-execution machinery costs most of an append (the statements themselves are a
    primary-key read and an insert). They run inside the connection's current transaction and
    savepoint, exactly where SQLAlchemy would have run them; only Python bookkeeping is skipped.
    """

    def __init__(self, dialect: Any) -> None:
        self.insert = self._compile(_INSERT, dialect, list(ENTRY_KEYS))
        self.last_leaf = self._compile(_LAST_LEAF, dialect)
        process = DateTime(timezone=True).bind_processor(dialect)
        self.time: Callable[[Any], Any] = process or (lambda value: value)

    @staticmethod
    def _compile(stmt: Any, dialect: Any, keys: list[str] | None = None) -> tuple[str, Any, dict[str, Any]]:
        compiled = stmt.compile(dialect=dialect, column_keys=keys)
        order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
        fixed = {k: v for k, v in compiled.params.items() if v is not None}  # literals such as id = 1
        return str(compiled), order, fixed

    @staticmethod
    def run(cursor: Any, statement: tuple[str, Any, dict[str, Any]], params: Mapping[str, Any]) -> Any:
        sql, order, fixed = statement
        values = fixed | dict(params)
        cursor.execute(sql, tuple(values[k] for k in order) if order is not None else values)
        return cursor


_DRIVER: dict[str, _DriverStatements] = {}


def _driver(conn: Any) -> tuple[Any, _DriverStatements] | None:
    """A DB-API cursor inside the current transaction, or None to use the SQLAlchemy path."""
    raw = conn.connection.driver_connection
    if conn.dialect.name == "sqlite" and not getattr(raw, "in_transaction", False):
        return None  # never run outside the BEGIN IMMEDIATE transaction
    statements = _DRIVER.get(conn.dialect.name)
    if statements is None:
        statements = _DRIVER[conn.dialect.name] = _DriverStatements(conn.dialect)
    return raw.cursor(), statements


def lock_head(session: Session) -> tuple[int, bytes]:
    """Lock the head row for this transaction and return the committed (size, frontier)."""
    row = session.connection().execute(_LOCK_HEAD).one_or_none()
    if row is None:
        raise LedgerError("the ledger is not initialised: run 'avec db upgrade'")
    return int(row.size), bytes(row.frontier)


def pending_head(session: Session) -> tuple[int, bytes] | None:
    """(size, frontier) appended by the current transaction but not yet written to the head row."""
    state = session.info.get(_STATE)
    if state is None or state.transaction is not session.get_transaction():
        return None
    state = _checked(session, state)
    return state.tree.size, b"".join(state.tree.hashes)


def _rebuild(session: Session, state: _Pending) -> _Pending:
    """Recompute the state from the stored entries (after a rolled-back savepoint)."""
    conn = session.connection()
    top = conn.execute(select(func.max(ENTRIES.c.idx)).where(ENTRIES.c.idx >= state.base)).scalar()
    size = state.base if top is None else int(top) + 1

    def fetch(rows: set[int]) -> Mapping[int, tuple[bytes, bytes]]:
        result = conn.execute(
            select(ENTRIES.c.idx, ENTRIES.c.leaf_hash, ENTRIES.c.nodes).where(ENTRIES.c.idx.in_(sorted(rows)))
        )
        return {int(i): (bytes(leaf), bytes(nodes)) for i, leaf, nodes in result}

    hashes = merkle.resolve([[node] for node in merkle.root_recipe(size)], fetch)
    last = fetch({size - 1})[size - 1][0] if size > state.base else None
    return _Pending(state.transaction, state.base, merkle.CompactRange(size, hashes), last, state.at)


def _checked(session: Session, state: _Pending, *, always: bool = False) -> _Pending:
    """The state, rebuilt if the entry appended last was rolled back with a savepoint."""
    if state.last_leaf is None or not (state.rolled_back or always):
        return state
    state.rolled_back = False
    conn = session.connection()
    driver = _driver(conn)
    params = {"idx": state.tree.size - 1}
    if driver is not None:
        row = driver[1].run(driver[0], driver[1].last_leaf, params).fetchone()
    else:
        row = conn.execute(_LAST_LEAF, params).one_or_none()
    if row is not None and bytes(row[0]) == state.last_leaf:
        return state
    rebuilt = _rebuild(session, state)
    session.info[_STATE] = rebuilt
    return rebuilt


def _state(session: Session) -> _Pending:
    transaction = session.get_transaction()
    state = session.info.get(_STATE)
    if state is not None and state.transaction is transaction:
        return _checked(session, state)
    size, frontier = lock_head(session)
    state = _Pending(cast(SessionTransaction, transaction), size, merkle.CompactRange(size, split_hashes(frontier)))
    session.info[_STATE] = state
    if not session.info.get(_HOOKED):
        event.listen(session, "before_commit", write_head)
        event.listen(session, "after_soft_rollback", _mark_rolled_back)
        session.info[_HOOKED] = True
    return state


def _mark_rolled_back(session: Session, _previous: Any) -> None:
    state = session.info.get(_STATE)
    if state is not None:
        state.rolled_back = True


def write_head(session: Session, explicit: bool = False) -> None:
    """Write this transaction's head (``before_commit`` hook; ``explicit`` before reading the head row)."""
    state = session.info.get(_STATE)
    if state is None or state.transaction is not session.get_transaction() or state.last_leaf is None:
        return
    if session.in_nested_transaction() and not explicit:
        return  # a SAVEPOINT being released: the head is written when the real transaction commits
    state = _checked(session, state, always=True)
    conn = session.connection()
    count = conn.execute(select(func.count()).select_from(ENTRIES).where(ENTRIES.c.idx >= state.base)).scalar()
    if count != state.tree.size - state.base:
        raise LedgerError(f"ledger entries {state.base}..{state.tree.size - 1} are not contiguous; refusing to commit")
    conn.execute(
        _WRITE_HEAD,
        {"new_size": state.tree.size, "new_frontier": b"".join(state.tree.hashes), "new_at": state.at or utcnow()},
    )


def append_record(session: Session, record: dict[str, Any], at: dt.datetime) -> int:
    """Store a validated record as the next entry; returns its index."""
    state = _state(session)
    index = state.tree.size
    record["index"] = index
    body = canonical_json(record)
    leaf = merkle.leaf_hash(body)
    tree = merkle.CompactRange(index, list(state.tree.hashes))
    completed = b"".join(tree.append(leaf))
    row = {
        "idx": index,
        "event_type": record["type"],
        "actor": record["actor"],
        "created_at": at,
        "body": body.decode("utf-8"),
        "leaf_hash": leaf,
        "nodes": completed,
    }
    conn = session.connection()
    driver = _driver(conn)
    if driver is not None:
        row["created_at"] = driver[1].time(at)
        driver[1].run(driver[0], driver[1].insert, row)
    else:
        conn.execute(_INSERT, row)
    # Only after the insert succeeded: a failed insert leaves the state as it was.
    state.tree, state.last_leaf, state.at = tree, leaf, at
    return index


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
    """Append an event in the caller's transaction and return its index (see the module docstring)."""
    at = at or utcnow()
    record = build_record(
        index=0, event_type=event_type, actor=actor, subject=subject, digests=digests, data=data, at=at
    )
    return append_record(session, record, at)


def bulk_append(session: Session, records: list[dict[str, Any]], at: dt.datetime | None = None) -> int:
    """Append many events at once (benchmarks, imports): COPY on PostgreSQL, executemany on SQLite.

    Each record holds the keyword arguments of :func:`append` (without ``at``). Returns the new size.
    """
    at = at or utcnow()
    state = _state(session)
    tree = merkle.CompactRange(state.tree.size, list(state.tree.hashes))
    rows = []
    for item in records:
        record = build_record(
            index=tree.size,
            at=at,
            event_type=item["event_type"],
            actor=item.get("actor"),
            subject=item.get("subject") or {},
            digests=item.get("digests"),
            data=item.get("data"),
        )
        body = canonical_json(record)
        leaf = merkle.leaf_hash(body)
        completed = b"".join(tree.append(leaf))
        rows.append((record["index"], record["type"], record["actor"], at, body.decode("utf-8"), leaf, completed))
    if rows:
        _insert_many(session, rows)
        state.tree, state.last_leaf, state.at = tree, rows[-1][5], at
    return tree.size


def _insert_many(session: Session, rows: list[tuple[Any, ...]]) -> None:
    conn = session.connection()
    driver = _driver(conn)
    if driver is None or (conn.dialect.name != "postgresql" and driver[1].insert[1] != ENTRY_KEYS):
        conn.execute(_INSERT, [dict(zip(ENTRY_KEYS, row, strict=True)) for row in rows])
        return
    cursor, statements = driver
    if conn.dialect.name == "postgresql":
        with cursor.copy(f"COPY ledger_entries ({', '.join(ENTRY_KEYS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    convert = statements.time
    cursor.executemany(statements.insert[0], [(*row[:3], convert(row[3]), *row[4:]) for row in rows])
