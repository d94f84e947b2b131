"""Ledger benchmark: durable appends/s, proof and full-verification times, against pymerkle.

    .venv/bin/python benchmarks/ledger.py            # SQLite and PostgreSQL, 10^4, 10^5, 10^6 entries
    .venv/bin/python benchmarks/ledger.py --quick    # smaller runs (10^4, 10^5), about a minute

Durable appends go through avec.group_commit.GroupCommitter with concurrent submitters (as the
gateway does), and one append per transaction for reference. Large ledgers are built with the bulk
path (``service.bulk_append``), then proofs and ``verify_ledger`` are timed on them. pymerkle
(PyPI) builds the same tree from the same entry bodies in the same run; its root must equal ours.
Results are printed and written into docs/benchmarks.md between the ledger markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import secrets as pysecrets
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from avec.config import Settings, load_secrets
from avec.db import make_engine, make_sessionmaker, transaction
from avec.group_commit import GroupCommitter
from avec.ledger import merkle, service
from avec.ledger.canonical import sha256_text
from avec.ledger.integrity import verify_ledger
from avec.ledger.models import LedgerEntry
from avec.migrations.runner import upgrade

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- ledger:start -->", "<!-- ledger:end -->"
PG_URL = os.environ.get("AVEC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def event(n: int) -> dict[str, object]:
    """A realistic interaction event (digests and metadata, as the gateway records)."""
    return {"event_type": "interaction", "actor": f"user:{n % 50}",
            "subject": {"interaction": f"int_{n:012d}", "use_case": "synthese-crh", "user": n % 50},
            "digests": {"prompt": sha256_text(f"p{n}"), "answer": sha256_text(f"a{n}")},
            "data": {"status": "completed", "prompt_tokens": 120 + n % 40, "completion_tokens": 80}}


def machine() -> str:
    """CPU model, cores, Python, SQLite and PostgreSQL versions."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, load average at start {os.getloadavg()[0]:.1f}")


@contextmanager
def backend(name: str, folder: Path) -> Iterator[tuple[Settings, sessionmaker[Session]] | None]:
    """A migrated database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    schema = None
    if name == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{folder / 'bench.db'}"
    else:
        schema = "bench_" + pysecrets.token_hex(4)
        try:
            admin = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        except Exception as exc:  # noqa: BLE001 - report and skip PostgreSQL
            print(f"PostgreSQL skipped: not reachable at {PG_URL} ({type(exc).__name__})")
            yield None
            return
        url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    settings = Settings(data_dir=folder / name, database_url=url, embedded_enabled=False)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url, pool_size=40)
    upgrade(engine)
    try:
        yield settings, make_sessionmaker(engine)
    finally:
        engine.dispose()
        if schema:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def appends_group(sessions: sessionmaker[Session], total: int, submitters: int) -> tuple[float, float]:
    """Durable appends/s through the group committer with concurrent submitters, and CPU us/append."""
    committer = GroupCommitter(sessions, batch_max=256)
    per = total // submitters

    def submitter(k: int) -> None:
        for n in range(per):
            e = event(k * per + n)
            committer.submit(lambda s, e=e: service.append(s, **e)).result()  # type: ignore[misc]

    threads = [threading.Thread(target=submitter, args=(k,)) for k in range(submitters)]
    t0, c0 = time.perf_counter(), time.process_time()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    committer.close()
    return per * submitters / elapsed, cpu / (per * submitters) * 1e6


def appends_single(sessions: sessionmaker[Session], total: int) -> float:
    """Durable appends/s with one transaction (one COMMIT) per append."""
    t0 = time.perf_counter()
    for n in range(total):
        with transaction(sessions) as session:
            service.append(session, **event(n))  # type: ignore[arg-type]
    return total / (time.perf_counter() - t0)


def grow(settings: Settings, sessions: sessionmaker[Session], target: int, chunk: int = 20_000) -> float:
    """Extend the ledger to ``target`` entries with the bulk path; a checkpoint every 100,000."""
    key = load_secrets(settings).ledger_signing_key
    t0 = time.perf_counter()
    with transaction(sessions) as session:
        size = service.head(session).size
    while size < target:
        n = min(chunk, target - size)
        with transaction(sessions) as session:
            size = service.bulk_append(session, [event(size + i) for i in range(n)])  # type: ignore[misc]
            if size % 100_000 == 0 or size == target:
                service.issue_checkpoint(session, origin=settings.ledger_origin, signing_key=key)
    return time.perf_counter() - t0


def median_ms(fn: Callable[[int], object], size: int, repeat: int) -> float:
    """Median time of ``fn(random index)`` in milliseconds."""
    rng = random.Random(7)
    times = []
    for _ in range(repeat):
        i = rng.randrange(size)
        t0 = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def proofs(sessions: sessionmaker[Session], size: int) -> tuple[float, float]:
    """Median inclusion and consistency proof times (database read + hashing), in ms."""
    with sessions() as session:
        incl = median_ms(lambda i: service.inclusion_proof(session, i, size), size, 300)
        cons = median_ms(lambda i: service.consistency_proof(session, i + 1, size), size, 300)
        p = service.inclusion_proof(session, size // 3, size)
        merkle.verify_inclusion(p.index, p.size, p.leaf_hash, p.proof, p.root)
    return incl, cons


def full_verify(settings: Settings, sessions: sessionmaker[Session]) -> tuple[float, float, bytes]:
    """Wall and CPU seconds to verify the whole ledger (leaf hashes, tree, checkpoints, head)."""
    secrets = load_secrets(settings)
    key = service.verifier_key(settings.ledger_origin, secrets.ledger_signing_key)
    t0, c0 = time.perf_counter(), time.process_time()
    with sessions() as session:
        report = verify_ledger(session, origin=settings.ledger_origin, verifier_key=key)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if not report.ok:
        raise SystemExit(f"verification failed: {report.problems}")
    return elapsed, cpu, report.root


def pymerkle_same_tree(sessions: sessionmaker[Session], size: int, our_root: bytes) -> tuple[float, float]:
    """pymerkle builds the same tree from the same bodies; returns (build s, inclusion proof ms)."""
    from pymerkle import InmemoryTree

    with sessions() as session:
        bodies = [row[0].encode() for row in session.execute(
            select(LedgerEntry.body).order_by(LedgerEntry.idx).limit(size))]
    tree = InmemoryTree(algorithm="sha256")
    t0 = time.perf_counter()
    for body in bodies:
        tree.append_entry(body)
    build = time.perf_counter() - t0
    if tree.get_root() != our_root:
        raise SystemExit("pymerkle and AVEC disagree on the root")
    proof_ms = median_ms(lambda i: tree.prove_inclusion(i + 1, size), size, 50)
    return build, proof_ms


def run(args: argparse.Namespace) -> str:
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    appends = 2_000 if args.quick else 10_000
    lines = [f"Machine: {machine()}.", "",
             f"Command: `.venv/bin/python benchmarks/ledger.py{' --quick' if args.quick else ''}`", ""]
    table = ["| backend | measure | value |", "|---|---|---|"]
    backends = ["sqlite"] if args.sqlite_only else ["sqlite", "postgresql"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in backends:
            with backend(name, Path(tmp) / "appends") as db:
                if db is None:
                    table.append(f"| {name} | skipped | not reachable |")
                    continue
                for submitters in (int(n) for n in args.submitters.split(",")):
                    rate, cpu_us = appends_group(db[1], appends, submitters)
                    table.append(f"| {name} | durable appends/s, group commit, {submitters} submitters "
                                 f"(CPU per append, all threads) | {rate:,.0f} ({cpu_us:.0f} µs) |")
                    print(table[-1], flush=True)
                rate = appends_single(db[1], appends // 10)
                table.append(f"| {name} | durable appends/s, one transaction each | {rate:,.0f} |")
                print(table[-1], flush=True)
            with backend(name, Path(tmp) / "ladder") as db:
                assert db is not None
                settings, sessions = db
                for size in sizes:
                    built = grow(settings, sessions, size)
                    incl, cons = proofs(sessions, size)
                    seconds, cpu, root = full_verify(settings, sessions)
                    row = [f"| {name} | {size:,} entries: bulk build (s) | {built:.1f} |",
                           f"| {name} | {size:,} entries: inclusion proof, median (ms) | {incl:.3f} |",
                           f"| {name} | {size:,} entries: consistency proof, median (ms) | {cons:.3f} |",
                           f"| {name} | {size:,} entries: full verification, wall (CPU) s "
                           f"| {seconds:.1f} ({cpu:.1f}) |"]
                    if name == "sqlite":
                        pm_build, pm_proof = pymerkle_same_tree(sessions, size, root)
                        row += [f"| pymerkle 7 (in memory) | {size:,} entries: build, same root (s) "
                                f"| {pm_build:.1f} |",
                                f"| pymerkle 7 (in memory) | {size:,} entries: inclusion proof, median (ms) "
                                f"| {pm_proof:.3f} |"]
                    table += row
                    print("\n".join(row), flush=True)
    return "\n".join(lines + table)


def write_docs(section: str) -> None:
    """Replace (or add) the ledger section of docs/benchmarks.md, leaving the rest untouched."""
    block = (f"{START}\n## Ledger\n\n{section}\n\nTargets: >= 2,000 durable appends/s on SQLite, inclusion "
             "proofs under 1 ms at 10^6 entries, full verification of 10^6 entries under 30 s. The machine was "
             "shared with other work during the run (see the load average): wall times are upper bounds, CPU "
             "times show the work itself. Durable = SQLite `synchronous=FULL` in WAL mode, PostgreSQL default "
             "`synchronous_commit=on`; every acknowledged append is committed. Proof times include the "
             f"database read; pymerkle builds the same tree in memory from the same entry bodies.\n{END}")
    text_ = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if START in text_ and END in text_:
        head, rest = text_.split(START, 1)
        text_ = head + block + rest.split(END, 1)[1]
    else:
        text_ = text_.rstrip("\n") + "\n\n" + block + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text_, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10^4 and 10^5 entries only, fewer appends")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--submitters", default="64,256",
                        help="concurrent submitters for group commit (comma-separated runs)")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()
    t0 = time.perf_counter()
    section = run(args)
    total = time.perf_counter() - t0
    section += f"\n\nTotal run time {total:.0f} s; load average at the end {os.getloadavg()[0]:.1f}."
    print(f"total {total:.0f} s", file=sys.stderr)
    if not args.no_docs:
        write_docs(section)
        print(f"written to {DOCS}")


if __name__ == "__main__":
    main()
