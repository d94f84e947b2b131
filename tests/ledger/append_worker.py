"""Subprocess used by the concurrency and crash tests: appends ledger entries and prints each
acknowledged (committed) index on its own line, flushed, so the parent knows what was durable."""

from __future__ import annotations

import argparse
import sys
import threading

from avec.db import make_engine, make_sessionmaker
from avec.group_commit import GroupCommitter
from avec.ledger import service
from avec.ledger.canonical import sha256_text


def _append(worker: str, n: int):  # type: ignore[no-untyped-def]
    def unit(session):  # type: ignore[no-untyped-def]
        return service.append(
            session,
            event_type="interaction",
            actor=f"user:{worker}",
            subject={"interaction": f"{worker}-{n}"},
            digests={"prompt": sha256_text(f"{worker}-{n}")},
            data={"n": n},
        )

    return unit


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("count", type=int)
    parser.add_argument("--worker", default="w")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--single", action="store_true", help="one append per transaction")
    args = parser.parse_args()
    engine = make_engine(args.url, pool_size=2)
    sessions = make_sessionmaker(engine)
    lock = threading.Lock()

    def ack(index: int) -> None:
        with lock:
            sys.stdout.write(f"{index}\n")
            sys.stdout.flush()

    if args.single:
        for n in range(args.count):
            with sessions() as session, session.begin():
                index = _append(args.worker, n)(session)
            ack(index)
        return
    committer = GroupCommitter(sessions, batch_max=64)

    def submitter(t: int) -> None:
        for n in range(t, args.count, args.threads):
            ack(committer.submit(_append(args.worker, n)).result())

    threads = [threading.Thread(target=submitter, args=(t,)) for t in range(args.threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    committer.close()
    engine.dispose()


if __name__ == "__main__":
    main()
