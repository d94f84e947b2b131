"""Appending: indexes, canonical records, validation, atomicity with the caller, proofs from the DB."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import checkpoint, fill, verify

from avec.config import Settings
from avec.db import transaction
from avec.group_commit import GroupCommitter
from avec.ledger import merkle, service
from avec.ledger.canonical import LedgerInputError, sha256_text
from avec.ledger.models import LedgerEntry


def test_indexes_are_sequential_and_root_matches_a_recomputation(db_sessions: sessionmaker[Session]) -> None:
    assert fill(db_sessions, 37) == list(range(37))
    with transaction(db_sessions) as session:
        rows = session.execute(select(LedgerEntry).order_by(LedgerEntry.idx)).scalars().all()
        head = service.head(session)
    assert head.size == 37
    assert head.root == merkle.root_of(merkle.leaf_hash(r.body.encode()) for r in rows)


def test_entry_is_canonical_json_with_digests_and_no_content(sessions: sessionmaker[Session]) -> None:
    at = dt.datetime(2026, 11, 30, 4, 0, tzinfo=dt.UTC)
    with transaction(sessions) as session:
        index = service.append(
            session,
            event_type="review.decision",
            actor="user:12",
            subject={"interaction": "ia_1"},
            digests={"final": sha256_text("Texte validé")},
            data={"decision": "approve"},
            at=at,
        )
        body = service.entry(session, index).body
    assert json.loads(body) == {
        "v": 1,
        "index": 0,
        "type": "review.decision",
        "at": "2026-11-30T04:00:00.000000Z",
        "actor": "user:12",
        "subject": {"interaction": "ia_1"},
        "digests": {"final": sha256_text("Texte validé")},
        "data": {"decision": "approve"},
    }
    assert body == json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert "Texte" not in body


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"event_type": "Interaction"}, "event type"),
        ({"event_type": "policy refusal"}, "event type"),
        ({"event_type": ""}, "event type"),
        ({"actor": "Jean Dupont"}, "actor"),
        ({"subject": "ia_1"}, "subject"),
        ({"subject": {"interaction": "x" * 200}}, "subject"),
        ({"digests": {"prompt": "Bonjour docteur"}}, "digests"),
        ({"data": {"latency": 1.5}}, "float"),
        ({"data": {"note": "Le patient Jean Dupont, né le 12/03/1948, " * 10}}, "digest"),
        ({"data": {"Bad Key": 1}}, "key"),
        ({"data": {"obj": object()}}, "unsupported"),
        ({"data": {"codes": ["abc" * 50] * 40}}, "larger than"),
    ],
)
def test_invalid_events_are_refused_with_a_clear_error(
    sessions: sessionmaker[Session], kwargs: dict, message: str
) -> None:
    event = {"event_type": "interaction", "actor": "user:1", "subject": {"interaction": "ia_1"}} | kwargs
    with transaction(sessions) as session:
        with pytest.raises(LedgerInputError, match=message):
            service.append(session, **event)
        assert service.head(session).size == 0


def test_open_set_of_dotted_event_types(sessions: sessionmaker[Session]) -> None:
    types = [
        "interaction",
        "interaction.completed",
        "policy.refusal",
        "review.decision",
        "registry.change",
        "training.completion",
        "user.change",
        "key.change",
        "config.change",
        "erasure",
        "key.rotation",
        "incident.report.created",
    ]
    with transaction(sessions) as session:
        for t in types:
            service.append(session, event_type=t, actor="system", subject={})
        assert service.head(session).size == len(types)


def test_append_rolls_back_with_the_callers_transaction(sessions: sessionmaker[Session]) -> None:
    fill(sessions, 3)
    with pytest.raises(RuntimeError), transaction(sessions) as session:
        service.append(session, event_type="interaction", actor="user:1", subject={"interaction": "lost"})
        raise RuntimeError("the action failed after its entry was appended")
    with transaction(sessions) as session:
        assert service.head(session).size == 3
        assert service.count_entries(session) == 3
    assert fill(sessions, 1) == [3]


def test_failed_unit_in_group_commit_leaves_no_gap(sessions: sessionmaker[Session], settings: Settings) -> None:
    committer = GroupCommitter(sessions, batch_max=64)

    def good(session: Session) -> int:
        return service.append(session, event_type="interaction", actor="user:1", subject={"interaction": "ok"})

    def bad(session: Session) -> int:
        service.append(session, event_type="interaction", actor="user:1", subject={"interaction": "bad"})
        raise ValueError("the unit fails after appending")

    futures = [committer.submit(bad if i % 3 == 1 else good) for i in range(60)]
    committer.close()
    ok = sorted(f.result() for i, f in enumerate(futures) if i % 3 != 1)
    assert ok == list(range(40))
    for i, f in enumerate(futures):
        if i % 3 == 1:
            assert isinstance(f.exception(), ValueError)
    assert verify(settings, sessions).ok


def test_append_fails_closed_when_the_ledger_is_not_initialised(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        session.execute(text("DELETE FROM ledger_head"))
    with pytest.raises(service.LedgerError, match="not initialised"), transaction(sessions) as session:
        service.append(session, event_type="interaction", actor="user:1", subject={})


def test_proofs_from_the_database_for_every_entry_and_size(db_sessions: sessionmaker[Session]) -> None:
    fill(db_sessions, 21)
    with transaction(db_sessions) as session:
        leaves = [merkle.leaf_hash(service.entry(session, i).body.encode()) for i in range(21)]
        for size in range(1, 22):
            root = merkle.root_of(leaves[:size])
            assert service.root_at(session, size) == root
            for index in range(size):
                p = service.inclusion_proof(session, index, size)
                assert p.leaf_hash == leaves[index] and p.root == root
                merkle.verify_inclusion(index, size, p.leaf_hash, p.proof, root)
            for old in range(1, size + 1):
                c = service.consistency_proof(session, old, size)
                merkle.verify_consistency(old, size, c.proof, merkle.root_of(leaves[:old]), root)
        with pytest.raises(service.LedgerError, match="out of range"):
            service.inclusion_proof(session, 0, 22)
        with pytest.raises(service.LedgerError, match="not in the tree"):
            service.inclusion_proof(session, 5, 5)
        with pytest.raises(service.LedgerError):
            service.consistency_proof(session, 0, 5)


def test_checkpoints_are_signed_notes_and_idempotent(settings: Settings, sessions: sessionmaker[Session]) -> None:
    from avec.config import load_secrets
    from avec.ledger.note import NoteVerifier, open_note, parse_checkpoint

    fill(sessions, 5)
    cp = checkpoint(settings, sessions)
    again = checkpoint(settings, sessions)
    assert (again.size, again.note) == (cp.size, cp.note)
    key = service.verifier_key(settings.ledger_origin, load_secrets(settings).ledger_signing_key)
    assert key.startswith(settings.ledger_origin + "+")
    origin, size, root = parse_checkpoint(open_note(cp.note, NoteVerifier(key)))
    assert (origin, size) == (settings.ledger_origin, 5)
    assert cp.note.splitlines()[4].startswith("\u2014 " + settings.ledger_origin + " ")
    with transaction(sessions) as session:
        assert root == service.head(session).root
        p = service.inclusion_proof(session, 2)
    assert p.size == 5 and p.checkpoint == cp.note


def test_checkpointer_issues_every_n_entries(settings: Settings, sessions: sessionmaker[Session]) -> None:
    from avec.ledger.checkpointer import Checkpointer

    cp = Checkpointer(sessions, origin=settings.ledger_origin, signing_key=b"k" * 32, every=10, seconds=3600)
    fill(sessions, 9)
    assert cp.tick() is None
    fill(sessions, 1)
    issued = cp.tick()
    assert issued is not None and issued.size == 10
    fill(sessions, 2)
    cp.stop()  # a last checkpoint at shutdown
    with transaction(sessions) as session:
        latest = service.latest_checkpoint(session)
    assert latest is not None and latest.size == 12


def test_a_session_whose_head_moved_elsewhere_still_gets_the_next_index(
    db_sessions: sessionmaker[Session],
) -> None:
    """The per-session head cache is only a guess: another writer in between is detected."""
    event: dict[str, Any] = {"event_type": "interaction", "actor": "user:1", "subject": {}}
    with db_sessions() as first:
        with first.begin():
            assert service.append(first, **event) == 0
        assert fill(db_sessions, 3) == [1, 2, 3]  # another session moves the head
        with first.begin():
            assert service.append(first, **event) == 4
            with pytest.raises(RuntimeError), first.begin_nested():
                service.append(first, **event)  # index 5, rolled back with its savepoint
                raise RuntimeError
            assert service.append(first, **event) == 5
    with transaction(db_sessions) as session:
        assert service.count_entries(session) == service.head(session).size == 6


def test_stored_time_reads_back(db_sessions: sessionmaker[Session]) -> None:
    """The fast driver path stores created_at in the dialect's own format."""
    at = dt.datetime(2026, 11, 30, 4, 5, 6, 789, tzinfo=dt.UTC)
    with transaction(db_sessions) as session:
        first = service.append(session, event_type="config.change", actor="system", subject={}, at=at)
        second = service.append(session, event_type="config.change", actor="system", subject={}, at=at)
    with transaction(db_sessions) as session:
        for index in (first, second):
            stored = service.entry(session, index).created_at
            if stored.tzinfo is None:  # SQLite keeps naive UTC
                stored = stored.replace(tzinfo=dt.UTC)
            assert stored == at


def test_bulk_append_matches_one_by_one_appends(db_settings: Settings, db_sessions: sessionmaker[Session]) -> None:
    """The bulk path (COPY / executemany) stores the same entries as single appends would."""
    at = dt.datetime(2026, 11, 30, 5, 0, tzinfo=dt.UTC)
    records: list[dict[str, Any]] = [
        {
            "event_type": "interaction",
            "actor": f"user:{i}",
            "subject": {"interaction": f"b{i}"},
            "digests": {"prompt": sha256_text(str(i))},
            "data": {"n": i},
        }
        for i in range(70)
    ]
    with transaction(db_sessions) as session:
        service.append(session, at=at, **records[0])
        assert service.bulk_append(session, records[1:], at=at) == 70
    with transaction(db_sessions) as session:
        bodies = [service.entry(session, i).body.encode() for i in range(70)]
        stored = service.entry(session, 69).created_at
        assert service.head(session).root == merkle.root_of(merkle.leaf_hash(b) for b in bodies)
    assert json.loads(bodies[42]) | {"index": 0} == json.loads(bodies[0]) | {
        "actor": "user:42",
        "subject": {"interaction": "b42"},
        "digests": {"prompt": sha256_text("42")},
        "data": {"n": 42},
    }
    assert (stored.replace(tzinfo=dt.UTC) if stored.tzinfo is None else stored) == at
    report = verify(db_settings, db_sessions)
    assert report.ok and report.size == 70


def test_commit_fails_closed_when_the_transaction_left_a_gap(sessions: sessionmaker[Session]) -> None:
    """Whatever happens inside a transaction, its head is written only over contiguous entries."""
    fill(sessions, 2)
    event: dict[str, Any] = {"event_type": "interaction", "actor": "user:1", "subject": {}}
    with pytest.raises(service.LedgerError, match="not contiguous"), transaction(sessions) as session:
        service.append(session, **event)
        service.append(session, **event)
        session.execute(text("DELETE FROM ledger_entries WHERE idx = 2"))
    with transaction(sessions) as session:
        assert service.head(session).size == service.count_entries(session) == 2
    assert fill(sessions, 1) == [2]
