"""Time missing_modules (the per-request gating check) on SQLite: 4 required modules, 40 completions.

Run: .venv/bin/python tests/training/benchmark_missing_modules.py   (not collected by pytest)
"""

from __future__ import annotations

import pathlib
import statistics
import tempfile
import time

from avec.accounts import service as acc
from avec.accounts.schemas import UserCreate
from avec.config import Settings
from avec.db import make_engine, make_sessionmaker, transaction
from avec.migrations.runner import upgrade
from avec.training import service
from avec.training.loader import default_catalog

d = pathlib.Path(tempfile.mkdtemp())
s = Settings(data_dir=d)
e = make_engine(s.resolved_database_url)
upgrade(e)
f = make_sessionmaker(e)
slugs = default_catalog().slugs()
with transaction(f) as tx:
    u = acc.create_user(tx, UserCreate(username="bench", roles=["professional"]))
    for _ in range(4):
        service.record_external(tx, username="bench", slugs=slugs, evidence="benchmark run", actor="bench")
    uid = u.id
req = slugs[:4]
times = []
with f() as sess:
    for _ in range(2000):
        t = time.perf_counter()
        r = service.missing_modules(sess, user_id=uid, required=req)
        times.append(time.perf_counter() - t)
        assert r == []
times.sort()
p95, p99 = times[int(0.95 * len(times))], times[int(0.99 * len(times))]
med = statistics.median(times)
print(f"n=2000 median={med * 1e3:.3f} ms p95={p95 * 1e3:.3f} ms p99={p99 * 1e3:.3f} ms")
