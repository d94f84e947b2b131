"""Alterations made directly in the database with SQL, each detected with the right entry named."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import checkpoint, fill, verify

from avec.config import Settings
from avec.db import transaction
from avec.ledger import merkle
from avec.ledger.canonical import canonical_json

SIZE = 40


@pytest.fixture
def ledger(db_settings: Settings, db_sessions: sessionmaker[Session]) -> tuple[Settings, sessionmaker[Session]]:
    """A ledger of 40 entries with signed checkpoints at 20 and 40, verified clean."""
    fill(db_sessions, 20)
    checkpoint(db_settings, db_sessions)
    fill(db_sessions, SIZE - 20, tag="f")
    checkpoint(db_settings, db_sessions)
    report = verify(db_settings, db_sessions)
    assert report.ok, report.problems
    assert (report.size, report.checkpoints) == (SIZE, 2)
    return db_settings, db_sessions


def _sql(sessions: sessionmaker[Session], *statements: str, **params: object) -> None:
    with transaction(sessions) as session:
        for statement in statements:
            session.execute(text(statement), params)


def _body(sessions: sessionmaker[Session], index: int) -> dict:
    with transaction(sessions) as session:
        return json.loads(
            session.execute(text("SELECT body FROM ledger_entries WHERE idx = :i"), {"i": index}).scalar_one()
        )


def _forge(index: int, like: dict) -> dict[str, object]:
    """A plausible forged row for position ``index`` (canonical body, correct leaf hash)."""
    body = canonical_json(like | {"index": index, "actor": "user:666"})
    return {"i": index, "t": like["type"], "a": "user:666", "b": body.decode(), "h": merkle.leaf_hash(body)}


def _first(ledger: tuple[Settings, sessionmaker[Session]]):  # type: ignore[no-untyped-def]
    report = verify(*ledger)
    assert not report.ok
    return report.first


def test_modified_entry_is_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(
        ledger[1],
        "UPDATE ledger_entries SET body = replace(body, :old, :new) WHERE idx = 17",
        old='"tokens":17',
        new='"tokens":18',
    )
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("modified", 17)
    assert "leaf hash" in problem.detail


def test_modified_entry_with_recomputed_leaf_hash_is_located(
    ledger: tuple[Settings, sessionmaker[Session]],
) -> None:
    forged = _forge(17, _body(ledger[1], 17))
    _sql(ledger[1], "UPDATE ledger_entries SET body = :b, actor = :a, leaf_hash = :h WHERE idx = :i", **forged)
    problem = _first(ledger)
    assert problem.kind == "modified"
    assert problem.index in (16, 17) and "16..17" in problem.detail


def test_full_rewrite_without_the_signing_key_is_caught_by_the_checkpoints(
    ledger: tuple[Settings, sessionmaker[Session]],
) -> None:
    """An administrator rewrites entry 27 and recomputes every stored hash and the head."""
    settings, sessions = ledger
    with transaction(sessions) as session:
        bodies = [r[0] for r in session.execute(text("SELECT body FROM ledger_entries ORDER BY idx"))]
        bodies[27] = canonical_json(json.loads(bodies[27]) | {"actor": "user:666"}).decode()
        cr = merkle.CompactRange()
        for i, body in enumerate(bodies):
            leaf = merkle.leaf_hash(body.encode())
            nodes = b"".join(cr.append(leaf))
            session.execute(
                text("UPDATE ledger_entries SET body = :b, actor = :a, leaf_hash = :h, nodes = :n WHERE idx = :i"),
                {"b": body, "a": json.loads(body)["actor"], "h": leaf, "n": nodes, "i": i},
            )
        session.execute(text("UPDATE ledger_head SET frontier = :f"), {"f": b"".join(cr.hashes)})
    problem = _first(ledger)
    assert problem.kind == "modified"
    assert problem.index == 20 and "checkpoint 40" in problem.detail and "20..39" in problem.detail


def test_deleted_entry_is_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(ledger[1], "DELETE FROM ledger_entries WHERE idx = 17")
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("deleted", 17)


def test_deleted_and_renumbered_entries_are_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(
        ledger[1],
        "DELETE FROM ledger_entries WHERE idx = 17",
        "UPDATE ledger_entries SET idx = idx + 1000 WHERE idx > 17",
        "UPDATE ledger_entries SET idx = idx - 1001 WHERE idx > 1000",
        "UPDATE ledger_head SET size = size - 1",
    )
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("deleted", 17)


def test_deleted_tail_is_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(ledger[1], "DELETE FROM ledger_entries WHERE idx >= 36")
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("deleted", 36)


def test_inserted_entry_is_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    forged = _forge(18, _body(ledger[1], 18))
    _sql(
        ledger[1],
        "UPDATE ledger_entries SET idx = idx + 1000 WHERE idx >= 18",
        "UPDATE ledger_entries SET idx = idx - 999 WHERE idx >= 1000",
        "INSERT INTO ledger_entries (idx, event_type, actor, created_at, body, leaf_hash, nodes) "
        "VALUES (:i, :t, :a, CURRENT_TIMESTAMP, :b, :h, :n)",
        "UPDATE ledger_head SET size = size + 1",
        n=b"",
        **forged,
    )
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("inserted", 18)


def test_entry_inserted_beyond_the_head_is_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    forged = _forge(SIZE, _body(ledger[1], 3))
    _sql(
        ledger[1],
        "INSERT INTO ledger_entries (idx, event_type, actor, created_at, body, leaf_hash, nodes) "
        "VALUES (:i, :t, :a, CURRENT_TIMESTAMP, :b, :h, :n)",
        n=b"".join([b"\0" * 32] * 3),
        **forged,
    )
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("inserted", SIZE)


def test_reordered_entries_are_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(
        ledger[1],
        "UPDATE ledger_entries SET idx = -1 WHERE idx = 17",
        "UPDATE ledger_entries SET idx = 17 WHERE idx = 18",
        "UPDATE ledger_entries SET idx = 18 WHERE idx = -1",
    )
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("reordered", 17)
    assert "position 18" in problem.detail


def test_tampered_checkpoint_is_reported(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(ledger[1], "UPDATE ledger_checkpoints SET note = replace(note, '\n20\n', '\n21\n') WHERE size = 20")
    report = verify(*ledger)
    assert not report.ok
    assert report.problems[0].kind == "checkpoint" and "checkpoint 20" in report.problems[0].detail


def test_tampered_type_column_is_named(ledger: tuple[Settings, sessionmaker[Session]]) -> None:
    _sql(ledger[1], "UPDATE ledger_entries SET event_type = 'config.change' WHERE idx = 5")
    problem = _first(ledger)
    assert (problem.kind, problem.index) == ("modified", 5)
