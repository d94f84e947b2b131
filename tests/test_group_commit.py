"""Group commit: one transaction per batch, failing units roll back alone, results after commit."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select, text

from avec.accounts.models import Service
from avec.group_commit import GroupCommitter


def test_units_are_batched_and_committed(db_sessions):
    committer = GroupCommitter(db_sessions, batch_max=64)
    gate = threading.Event()
    blocker = committer.submit(lambda s: gate.wait(5))  # holds the writer so the others queue up
    futures = [committer.submit(lambda s, i=i: s.add(Service(code=f"s{i}", name=f"S{i}"))) for i in range(50)]
    gate.set()
    blocker.result(timeout=10)
    for f in futures:
        f.result(timeout=10)
    committer.close()
    assert committer.units == 51 and committer.batches <= 3  # 50 queued units shared few commits
    with db_sessions() as s:
        assert s.scalar(select(func.count()).select_from(Service)) == 50


def test_a_failing_unit_rolls_back_alone(db_sessions):
    committer = GroupCommitter(db_sessions)
    gate = threading.Event()
    blocker = committer.submit(lambda s: gate.wait(5))

    def bad(session):
        session.add(Service(code="bad", name="Bad"))
        session.flush()
        raise ValueError("refused")

    ok1 = committer.submit(lambda s: s.add(Service(code="ok1", name="1")))
    failing = committer.submit(bad)
    ok2 = committer.submit(lambda s: s.add(Service(code="ok2", name="2")))
    gate.set()
    blocker.result(timeout=10)
    ok1.result(timeout=10)
    ok2.result(timeout=10)
    with pytest.raises(ValueError, match="refused"):
        failing.result(timeout=10)
    committer.close()
    with db_sessions() as s:
        codes = set(s.scalars(select(Service.code)))
    assert codes == {"ok1", "ok2"}


def test_failed_commit_fails_every_unit_of_the_batch(sessions):
    committer = GroupCommitter(sessions)
    gate = threading.Event()
    blocker = committer.submit(lambda s: gate.wait(5))
    # A deferred check that only fails at COMMIT time makes the whole batch fail.
    with sessions() as s, s.begin():
        s.execute(text("CREATE TABLE guard (v INTEGER REFERENCES services(id) DEFERRABLE INITIALLY DEFERRED)"))
    one = committer.submit(lambda s: s.add(Service(code="a", name="A")))
    two = committer.submit(lambda s: s.execute(text("INSERT INTO guard (v) VALUES (424242)")))
    gate.set()
    assert blocker.result(timeout=10) is True  # its own, earlier batch committed
    with pytest.raises(Exception):  # noqa: B017 - the driver's integrity error
        one.result(timeout=10)
    with pytest.raises(Exception):  # noqa: B017
        two.result(timeout=10)
    committer.close()
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Service)) == 0


def test_a_unit_alone_commits_or_fails_cleanly(db_sessions):
    committer = GroupCommitter(db_sessions)

    def bad(session):
        session.add(Service(code="solo-bad", name="x"))
        session.flush()
        raise ValueError("solo refused")

    with pytest.raises(ValueError, match="solo refused"):
        committer.submit(bad).result(timeout=10)
    committer.submit(lambda s: s.add(Service(code="solo-ok", name="y"))).result(timeout=10)
    committer.close()
    with db_sessions() as s:
        assert set(s.scalars(select(Service.code))) == {"solo-ok"}
