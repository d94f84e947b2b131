"""Several processes appending at once, and a writer killed with SIGKILL in the middle of a burst."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import checkpoint, verify

from avec.config import Settings
from avec.db import transaction
from avec.ledger import service
from avec.ledger.models import LedgerEntry

WORKER = Path(__file__).with_name("append_worker.py")


def _worker(url: str, count: int, name: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(count), "--worker", name, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_processes_appending_at_once_leave_no_gap_fork_or_duplicate(
    db_settings: Settings,
    db_sessions: sessionmaker[Session],
) -> None:
    url = db_settings.resolved_database_url
    procs = [_worker(url, 200, f"w{n}", "--threads", "4") for n in range(4)]
    acked: list[int] = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]
        acked += [int(line) for line in out.split()]
    assert sorted(acked) == list(range(800)), "every append got its own index, none lost or repeated"
    with transaction(db_sessions) as session:
        count, low, high = session.execute(
            select(func.count(), func.min(LedgerEntry.idx), func.max(LedgerEntry.idx))
        ).one()
        assert (count, low, high) == (800, 0, 799)
        assert service.head(session).size == 800
        workers = {row.actor for row in session.execute(select(LedgerEntry.actor))}
    assert workers == {"user:w0", "user:w1", "user:w2", "user:w3"}
    checkpoint(db_settings, db_sessions)
    report = verify(db_settings, db_sessions)
    assert report.ok, report.problems
    assert (report.size, report.checkpoints) == (800, 1)


def test_kill_9_in_a_burst_keeps_every_acknowledged_entry(
    db_settings: Settings,
    db_sessions: sessionmaker[Session],
) -> None:
    proc = _worker(db_settings.resolved_database_url, 1_000_000, "crash", "--threads", "8")
    assert proc.stdout is not None
    acked: list[int] = []
    deadline = time.monotonic() + 120
    while len(acked) < 400 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        acked.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(acked) >= 400, proc.stderr.read() if proc.stderr else ""
    acked += [int(x) for x in rest.split("\n")[:-1] if x]  # the last piece may be cut by the kill
    with transaction(db_sessions) as session:
        stored = {int(i) for i in session.execute(select(LedgerEntry.idx)).scalars()}
        size = service.head(session).size
    assert set(acked) <= stored, "every acknowledged entry survived the crash"
    assert stored == set(range(size)), "no gap after the crash"
    report = verify(db_settings, db_sessions)
    assert report.ok, report.problems
    # The ledger keeps working after the crash.
    checkpoint(db_settings, db_sessions)
    assert verify(db_settings, db_sessions).checkpoints == 1
