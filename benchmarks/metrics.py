"""Benchmark of the metrics dashboards at 10^5 and 10^6 interactions, on SQLite and PostgreSQL.

For each database (a fresh SQLite file; a fresh PostgreSQL schema, dropped afterwards) and size, the
script bulk-loads six months of interactions with their footprints, review decisions and second
readings (executemany on SQLite, COPY on PostgreSQL), rebuilds the daily rollups, then times:

* ``page``: ``GET /metrics/dashboard`` through the real app (login cookie, template, SVG charts);
* ``build``: the dashboard's data alone (``avec.metrics.dashboard.build``);
* ``csv``: ``GET /api/metrics/indicators.csv?group=week``;
* ``prometheus``: ``GET /metrics``;
* ``page+1``: the page right after one new interaction (so it includes the incremental refresh);
* ``raw scan``: for comparison, the same period's review counts by GROUP BY on ``interactions``.

Times are medians of 5 runs (after one warm-up). Results are printed and written to the "Metrics"
section of docs/benchmarks.md. Usage: ``python benchmarks/metrics.py [--sizes 100000 1000000]
[--no-postgres] [--no-docs]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import create_engine, func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_support import machine, write_section  # noqa: E402

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DAYS = 182
SERVICES, USERS = 20, 300
DECIDED = ("approved", "modified", "rejected", "escalated")


def _timed(fn: Callable[[], Any], runs: int = 7) -> tuple[float, float]:
    """(median, best) seconds over ``runs`` calls after a warm-up (best: least disturbed by other load)."""
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def _ms(pair: tuple[float, float]) -> str:
    return f"{pair[0] * 1000:.0f} ({pair[1] * 1000:.0f})"


@lru_cache(maxsize=4096)
def _footprint(system_key: str, tokens: int, latency_s: float, cpu: float | None) -> tuple[Any, ...]:
    from avec.metrics.footprint import compute_footprint

    system = SimpleNamespace(
        provider="embedded" if system_key == "local" else "openai_compatible",
        active_params_b=0.27 if system_key == "local" else 24.0,
        total_params_b=0.27 if system_key == "local" else 24.0,
    )
    fp = compute_footprint(system=system, output_tokens=tokens, latency_s=latency_s, cpu_seconds=cpu, settings=None)
    return (
        fp.method,
        fp.methodology_version,
        fp.electricity_zone,
        fp.pue,
        fp.wue,
        fp.active_params_b,
        fp.total_params_b,
        tokens,
        latency_s,
        fp.energy_kwh,
        fp.gwp_kg,
        fp.pe_mj,
        fp.wcf_l,
        fp.adpe_kgsbeq,
        fp.cpu_seconds,
        fp.cpu_watts,
        fp.measured_energy_kwh,
        fp.measured_gwp_kg,
        json.dumps(fp.factors),
        "",
    )


FOOTPRINT_COLUMNS = (
    "interaction_id",
    "method",
    "methodology_version",
    "electricity_zone",
    "pue",
    "wue",
    "active_params_b",
    "total_params_b",
    "output_tokens",
    "latency_s",
    "energy_kwh",
    "gwp_kg",
    "pe_mj",
    "wcf_l",
    "adpe_kgsbeq",
    "cpu_seconds",
    "cpu_watts",
    "measured_energy_kwh",
    "measured_gwp_kg",
    "factors",
    "note",
)
INTERACTION_COLUMNS = (
    "id",
    "public_id",
    "created_at",
    "completed_at",
    "user_id",
    "service_id",
    "channel",
    "use_case_id",
    "ai_system_id",
    "model_requested",
    "model_version",
    "provider",
    "status",
    "error_code",
    "stream",
    "prompt_tokens",
    "completion_tokens",
    "latency_ms",
    "pseudonymized",
    "replacements",
    "review_status",
)
DECISION_COLUMNS = (
    "id",
    "interaction_id",
    "step",
    "decision",
    "decided_by",
    "decided_at",
    "reason_codes",
    "time_spent_seconds",
    "time_saved_minutes",
    "channel",
)
READING_COLUMNS = (
    "interaction_id",
    "first_decision_id",
    "drawn_at",
    "share",
    "status",
    "reader_id",
    "decision",
    "reason_codes",
    "completed_at",
    "agrees",
)


def _rows(n: int, refs: dict[str, Any], seed: int = 5) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """("interactions" | "metrics_footprints" | "review_decisions" | "second_readings", row) in id order."""
    rng = random.Random(seed)
    end = dt.datetime.now(dt.UTC).replace(microsecond=0)
    start = end - dt.timedelta(days=DAYS)
    span = (end - start).total_seconds()
    decision_id = 0
    verdict = {"approved": "approve", "modified": "modify", "rejected": "reject", "escalated": "escalate"}
    for i in range(1, n + 1):
        created = start + dt.timedelta(seconds=span * (i - 1) / n)
        user_id, service_id = refs["users"][rng.randrange(len(refs["users"]))]
        use_case = refs["use_cases"][rng.randrange(len(refs["use_cases"]))]
        local = rng.random() < 0.7
        system_id = refs["systems"][0 if local else 1]
        channel = "api" if rng.random() < 0.3 else "web"
        roll = rng.random()
        status, code = (
            ("refused", "training_required")
            if roll < 0.03
            else (("failed", "upstream_error") if roll < 0.04 else ("completed", None))
        )
        tokens = rng.randrange(80, 600, 20) if status == "completed" else 0
        latency = (
            round(tokens / (25 if local else 60) + rng.choice((0.3, 0.6, 0.9)), 1) if status != "refused" else 0.02
        )
        if status != "completed":
            review = "not_required"
        else:
            review = rng.choices(
                ("approved", "modified", "rejected", "escalated", "pending"), weights=(60, 26, 7, 2, 5)
            )[0]
        version = "v2" if created > start + dt.timedelta(days=120) else "v1"
        yield (
            "interactions",
            (
                i,
                f"bench-{i}",
                created,
                created + dt.timedelta(seconds=latency),
                user_id,
                service_id,
                channel,
                use_case,
                system_id,
                "m",
                version,
                "embedded" if local else "openai_compatible",
                status,
                code,
                False,
                rng.randrange(150, 1200),
                tokens,
                latency * 1000,
                True,
                "{}",
                review,
            ),
        )
        if status == "completed":
            cpu = round(latency * 1.8, 1) if local else None
            yield "metrics_footprints", (i, *_footprint("local" if local else "cloud", tokens, latency, cpu))
        if review in verdict:
            decision_id += 1
            decided = created + dt.timedelta(minutes=rng.randrange(2, 2000))
            reasons = json.dumps(
                [rng.choice(("factual_error", "hallucination", "omission"))] if review == "rejected" else []
            )
            saved = rng.randrange(3, 25) if channel == "web" and rng.random() < 0.5 else None
            yield (
                "review_decisions",
                (
                    decision_id,
                    i,
                    1,
                    verdict[review],
                    user_id,
                    decided,
                    reasons,
                    rng.uniform(30, 600),
                    saved,
                    channel,
                ),
            )
            if review != "escalated" and rng.random() < 0.1:
                yield (
                    "second_readings",
                    (
                        i,
                        decision_id,
                        decided,
                        0.1,
                        "done",
                        refs["reader"],
                        "approve",
                        "[]",
                        decided + dt.timedelta(hours=3),
                        rng.random() < 0.85,
                    ),
                )


def _references(session: Any) -> dict[str, Any]:
    from avec.accounts import service as accounts
    from avec.accounts.schemas import UserCreate
    from avec.registry.models import AISystem, UseCase

    services = [accounts.get_or_create_service(session, f"svc-{k:02d}", f"Service {k:02d}") for k in range(SERVICES)]
    session.flush()
    quality = accounts.create_user(
        session,
        UserCreate(username="bench.quality", roles=["quality"], password="bench-password-1"),
        actor="bench",
    )
    users = []
    from avec.accounts.models import User, UserRole

    for k in range(USERS):
        user = User(username=f"bench.user{k:03d}", service_id=services[k % SERVICES].id)
        user.role_rows.append(UserRole(role="professional"))
        session.add(user)
        users.append(user)
    use_cases = [UseCase(slug=f"uc-{k}", title=f"Cas d'usage {k}") for k in range(7)]
    systems = [
        AISystem(slug="local-small", name="Local", provider="embedded", active_params_b=0.27, total_params_b=0.27),
        AISystem(
            slug="cloud-medium",
            name="Cloud",
            provider="openai_compatible",
            active_params_b=24,
            total_params_b=24,
        ),
    ]
    session.add_all(use_cases + systems)
    session.flush()
    return {
        "users": [(u.id, u.service_id) for u in users],
        "use_cases": [u.id for u in use_cases],
        "systems": [s.id for s in systems],
        "reader": quality.id,
    }


def _load(engine: Any, n: int, refs: dict[str, Any]) -> None:
    """Bulk-load ``n`` interactions and their children (executemany / COPY)."""
    columns = {
        "interactions": INTERACTION_COLUMNS,
        "metrics_footprints": FOOTPRINT_COLUMNS,
        "review_decisions": DECISION_COLUMNS,
        "second_readings": READING_COLUMNS,
    }
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if engine.dialect.name == "sqlite":
            buffers: dict[str, list[tuple[Any, ...]]] = {t: [] for t in columns}

            def flush(table: str) -> None:
                cols = columns[table]
                sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                cur.executemany(sql, [tuple(_sqlite(v) for v in row) for row in buffers[table]])
                buffers[table].clear()

            cur.execute("BEGIN")
            for table, row in _rows(n, refs):
                buffers[table].append(row)
                if len(buffers[table]) >= 20_000:  # parents first, for the foreign keys
                    for name in ("interactions", "metrics_footprints", "review_decisions", "second_readings"):
                        flush(name)
            for table in ("interactions", "metrics_footprints", "review_decisions", "second_readings"):
                flush(table)
            cur.execute("COMMIT")
        else:
            # One COPY at a time per connection: stream the interactions, keep the children for after.
            children: dict[str, list[tuple[Any, ...]]] = {t: [] for t in columns if t != "interactions"}
            with cur.copy(f"COPY interactions ({', '.join(INTERACTION_COLUMNS)}) FROM STDIN") as copy:
                for table, row in _rows(n, refs):
                    if table == "interactions":
                        copy.write_row(row)
                    else:
                        children[table].append(row)
            for table, rows in children.items():
                with cur.copy(f"COPY {table} ({', '.join(columns[table])}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                rows.clear()
            for table in ("interactions", "review_decisions", "second_readings"):
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            raw.commit()
    finally:
        raw.close()


def _sqlite(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def _run_one(backend: str, url: str, n: int, workdir: Path) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from avec.app import create_app
    from avec.config import Settings
    from avec.db import make_engine, make_sessionmaker
    from avec.metrics import dashboard
    from avec.metrics.rollup import rebuild_rollups
    from avec.metrics.settings import metrics_settings
    from avec.metrics.spc import evaluate_alerts
    from avec.migrations.runner import upgrade

    settings = Settings(data_dir=workdir, database_url=url, embedded_enabled=False, log_json=False)
    engine = make_engine(settings.resolved_database_url, pool_size=2)
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    with sessions() as s, s.begin():
        refs = _references(s)
    t0 = time.perf_counter()
    _load(engine, n, refs)
    load_s = time.perf_counter() - t0
    ms = metrics_settings(settings)
    t0 = time.perf_counter()
    with sessions() as s, s.begin():
        rebuild_rollups(s, ms)
        evaluate_alerts(s, ms)
    rebuild_s = time.perf_counter() - t0
    with sessions() as s:
        rollup_rows = s.scalar(text("SELECT count(*) FROM metrics_daily"))
    filters = dashboard.default_filters(ms)

    def build() -> None:
        with sessions() as s, s.begin():
            dashboard.build(s, ms, filters)

    def raw_scan() -> None:
        from avec.gateway.models import Interaction

        start = dt.datetime.combine(filters.start, dt.time(), tzinfo=dt.UTC)
        with sessions() as s:
            s.execute(
                select(Interaction.review_status, func.count())
                .where(Interaction.created_at >= start)
                .group_by(Interaction.review_status)
            ).all()

    out: dict[str, Any] = {
        "backend": backend,
        "n": n,
        "load_s": load_s,
        "rebuild_s": rebuild_s,
        "rollup_rows": rollup_rows,
        "build_s": _timed(build),
        "raw_s": _timed(raw_scan),
    }
    app = create_app(settings)
    with TestClient(app, follow_redirects=False) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
        assert token
        logged = client.post(
            "/login",
            data={
                "username": "bench.quality",
                "password": "bench-password-1",
                "csrf_token": token.group(1),
                "next": "/",
            },
        )
        assert logged.status_code == 303, logged.text[:300]

        def page() -> None:
            response = client.get("/metrics/dashboard")
            assert response.status_code == 200

        out["page_s"] = _timed(page)
        out["csv_s"] = _timed(lambda: client.get("/api/metrics/indicators.csv?group=week"))
        out["prom_s"] = _timed(lambda: client.get("/metrics"))
        counter = iter(range(10**9))

        def page_after_one() -> None:
            from avec.gateway.models import Interaction

            with sessions() as s, s.begin():
                uid, sid = refs["users"][0]
                s.add(
                    Interaction(
                        public_id=f"bench-new-{next(counter)}-{secrets.token_hex(3)}",
                        user_id=uid,
                        service_id=sid,
                        use_case_id=refs["use_cases"][0],
                        ai_system_id=refs["systems"][0],
                        status="completed",
                        review_status="pending",
                        replacements={},
                    )
                )
            page()

        out["page_after_one_s"] = _timed(page_after_one)
    engine.dispose()
    return out


def _pg_schema() -> tuple[str, str] | None:
    try:
        eng = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        schema = "bench_metrics_" + secrets.token_hex(4)
        with eng.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        eng.dispose()
    except Exception as exc:  # noqa: BLE001 - report and go on without PostgreSQL
        print(f"PostgreSQL skipped: {type(exc).__name__}: {exc}")
        return None
    return f"{PG_URL}?options=-csearch_path%3D{schema}", schema


def _drop(schema: str) -> None:
    eng = create_engine(PG_URL)
    with eng.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    eng.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args()
    results = []
    for n in args.sizes:
        for backend in ("sqlite", "postgresql"):
            if backend == "postgresql" and args.no_postgres:
                continue
            with tempfile.TemporaryDirectory(prefix="avec-bench-metrics-") as tmp:
                work = Path(tmp)
                if backend == "sqlite":
                    url = f"sqlite:///{work / 'bench.db'}"
                    schema = None
                else:
                    made = _pg_schema()
                    if made is None:
                        continue
                    url, schema = made
                try:
                    result = _run_one(backend, url, n, work)
                finally:
                    if schema:
                        _drop(schema)
            results.append(result)
            print(_line(result), flush=True)
    table = _table(results)
    print("\n" + table)
    if not args.no_docs:
        write_section("metrics", _doc(table))


def _line(r: dict[str, Any]) -> str:
    return (
        f"{r['backend']:<10} n={r['n']:>9,} load {r['load_s']:.1f}s rebuild {r['rebuild_s']:.1f}s "
        f"rollup rows {r['rollup_rows']:,} page {_ms(r['page_s'])}ms build {_ms(r['build_s'])}ms "
        f"page+1 {_ms(r['page_after_one_s'])}ms csv {_ms(r['csv_s'])}ms "
        f"prometheus {_ms(r['prom_s'])}ms raw scan {_ms(r['raw_s'])}ms"
    )


def _table(results: list[dict[str, Any]]) -> str:
    head = (
        "| database | interactions | dashboard page, ms | page after 1 new call, ms | data only, ms "
        "| CSV by week, ms | /metrics, ms | raw GROUP BY on interactions, ms | rollup rows | load "
        "| full rollup rebuild |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines = [head]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['n']:,} | {_ms(r['page_s'])} | {_ms(r['page_after_one_s'])} "
            f"| {_ms(r['build_s'])} | {_ms(r['csv_s'])} | {_ms(r['prom_s'])} "
            f"| {_ms(r['raw_s'])} | {r['rollup_rows']:,} | {r['load_s']:.0f} s | {r['rebuild_s']:.0f} s |"
        )
    return "\n".join(lines)


def _load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[1] + " over the last 5 minutes"
    except OSError:
        return "unknown"


def _doc(table: str) -> str:
    return (
        "## Metrics\n\n"
        "`python benchmarks/metrics.py` — dashboards at 10^5 and 10^6 interactions (six months, 20 services, "
        "300 users, 7 use cases, 2 AI systems, with footprints, review decisions and 10 % second readings), "
        "fresh SQLite file and fresh PostgreSQL schema. Times are the median of 7 runs after a warm-up, with the "
        "best run in parentheses (the least disturbed by other work on this shared machine); the dashboard page is "
        "the full `GET /metrics/dashboard` (182 days, charts and tables) through the app with a login cookie. "
        '"Page after 1 new call" adds an interaction before each request, so it includes the incremental '
        'rollup refresh of that day. "Raw GROUP BY" is one review-status count straight on `interactions` for '
        "the same period, for comparison (the dashboard needs about fifteen such figures). Target: under 1 s "
        "per dashboard page at 10^6.\n\n"
        f"Machine: {machine()}; shared with other engineers' builds and tests while it ran (load average "
        f"{_load_average()}), so medians are upper bounds.\n\n"
        f"{table}\n"
    )


if __name__ == "__main__":
    main()
