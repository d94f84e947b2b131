"""AVEC's own added latency and throughput, side by side with the LiteLLM proxy, in one run.

All three targets answer from the same fake OpenAI-compatible upstream (``fake_upstream.py``),
which answers instantly, so what is measured is each gateway's own cost:

- ``direct``: the upstream called directly (the floor);
- ``litellm``: the LiteLLM proxy (``litellm[proxy]``, installed into ``.bench-venv``) in front of it;
- ``avec``: AVEC in front of it, with its full path: API key, policy, pseudonymization (spaCy),
  provider call, restoration, and every interaction stored durably (SQLite, synchronous=FULL)
  with its ledger entry, through group commit.

Concurrency 1, 16 and 64; p50/p95/p99 latency and requests/s; AVEC's added latency is its
percentile minus the direct one. Results go to docs/benchmarks.md (section "gateway").
Run: ``.venv/bin/python benchmarks/gateway_overhead.py [--quick]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_support import machine, write_section  # noqa: E402

BENCH_VENV = ROOT / ".bench-venv"
LITELLM_VERSION = os.environ.get("AVEC_BENCH_LITELLM", "")
PROMPT = (
    "Tâche : reformule en langage simple pour un patient la phrase suivante. Format : deux phrases "
    "courtes. Texte : la tension artérielle est normale et le bilan sanguin ne montre pas d'anomalie."
)
MODEL = "bench-upstream"
LITELLM_KEY = "sk-avec-bench-0123456789abcdef"  # LiteLLM refuses to start without a master key
USE_CASE = "bench-overhead"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} not ready")


def ensure_litellm() -> Path:
    exe = BENCH_VENV / "bin" / "litellm"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        spec = f"litellm[proxy]=={LITELLM_VERSION}" if LITELLM_VERSION else "litellm[proxy]"
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "-q", spec], check=True)
    return exe


def litellm_version() -> str:
    out = subprocess.run(
        [str(BENCH_VENV / "bin" / "python"), "-c", "import importlib.metadata as m; print(m.version('litellm'))"],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or "?"


def setup_avec(data_dir: Path, upstream_url: str) -> tuple[dict[str, str], str]:
    """Migrate, load demo data, register the fake upstream as an approved system; returns env and key."""
    from avec.accounts import service as accounts
    from avec.cli_support import open_sessions
    from avec.config import Settings
    from avec.db import make_engine
    from avec.demo import load_demo
    from avec.migrations.runner import upgrade
    from avec.registry.models import AISystem, UseCase, UseCaseSystem

    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir)
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    upgrade(engine)
    engine.dispose()
    load_demo(settings)
    with open_sessions(settings) as tx:
        system = AISystem(
            slug=MODEL,
            name="Bench upstream",
            vendor="bench",
            model="fake",
            version="1",
            provider="openai_compatible",
            base_url=upstream_url,
            upstream_model="fake",
            deployment="on_premises",
            status="approved",
        )
        tx.add(system)
        tx.flush()
        uc = UseCase(
            slug=USE_CASE,
            title="Benchmark",
            description="",
            risk_level="low",
            patient_data_allowed=True,
            clear_text_allowed=False,
            allowed_roles=[],
            required_modules=[],
            review_required=True,
            second_reading_share=0.0,
            prompt_templates=[],
            patient_information="",
            embedded_frame="",
            active=True,
        )
        uc.systems.append(UseCaseSystem(ai_system_id=system.id))
        tx.add(uc)
        user = accounts.get_user(tx, "dr.martin")
        assert user is not None
        _k, key = accounts.create_api_key(tx, user, name="bench")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AVEC_")}
    env.update(
        {
            "AVEC_DATA_DIR": str(data_dir),
            "AVEC_EMBEDDED_ENABLED": "false",
            "AVEC_LOG_LEVEL": "WARNING",
            "AVEC_RATE_LIMIT_PER_MINUTE": "10000000",
            "AVEC_RATE_LIMIT_BURST": "1000000",
        }
    )
    return env, key


def count_interactions(data_dir: Path) -> int:
    from sqlalchemy import func, select

    from avec.cli_support import open_sessions
    from avec.config import Settings
    from avec.gateway.models import Interaction

    with open_sessions(Settings(data_dir=data_dir)) as tx:
        return int(
            tx.scalar(select(func.count()).select_from(Interaction).where(Interaction.status == "completed")) or 0
        )


async def load(
    url: str, headers: dict[str, str], body: dict[str, object], concurrency: int, total: int
) -> dict[str, float]:
    """``total`` POSTs from ``concurrency`` workers; latency percentiles and requests/s.

    The load generator is aiohttp, not httpx: at 64 concurrent requests httpx's pool costs ~3 ms of
    CPU per request on these machines and became the bottleneck of every target alike.
    """
    import aiohttp

    latencies: list[float] = []
    errors = 0
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers) as client:

        async def post() -> int:
            async with client.post(url, json=body) as resp:
                await resp.read()
                return resp.status

        for _ in range(min(20, total)):  # warm-up
            await post()
        remaining = total

        async def worker() -> None:
            nonlocal remaining, errors
            while remaining > 0:
                remaining -= 1
                t0 = time.perf_counter()
                try:
                    status = await post()
                except (aiohttp.ClientError, TimeoutError):  # a dropped connection counts as an error
                    errors += 1
                    continue
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100)
    return {
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
        "rps": len(latencies) / elapsed,
        "errors": errors,
        "n": len(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer requests")
    args = parser.parse_args()
    plan = {1: 150, 16: 600, 64: 1200} if args.quick else {1: 400, 16: 2000, 64: 3000}
    litellm = ensure_litellm()
    tmp = Path(tempfile.mkdtemp(prefix="avec-bench-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        up_port, avec_port, lite_port = free_port(), free_port(), free_port()
        up = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "fake_upstream.py"), str(up_port)])
        procs.append(up)
        upstream = f"http://127.0.0.1:{up_port}/v1"
        wait_ready(upstream + "/models", up)

        env, key = setup_avec(tmp / "avec", upstream)
        avec = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "avec"), "serve", "--port", str(avec_port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp / "avec.log", "wb"),  # noqa: SIM115 - closed with the process
        )
        procs.append(avec)
        wait_ready(f"http://127.0.0.1:{avec_port}/readyz", avec)

        cfg = tmp / "litellm.yaml"
        cfg.write_text(
            "model_list:\n  - model_name: " + MODEL + "\n    litellm_params:\n      model: openai/fake\n"
            f"      api_base: {upstream}\n      api_key: sk-fake\n"
            "litellm_settings:\n  telemetry: false\n  drop_params: true\n"
            f"general_settings:\n  master_key: {LITELLM_KEY}\n"
        )
        lenv = {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False"}
        lite = subprocess.Popen(
            [str(litellm), "--config", str(cfg), "--port", str(lite_port), "--num_workers", "1"],
            env=lenv,
            stdout=open(tmp / "litellm.log", "wb"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
        )
        procs.append(lite)
        wait_ready(f"http://127.0.0.1:{lite_port}/health/liveliness", lite, timeout=180)

        messages = [{"role": "user", "content": PROMPT}]
        targets = {
            "direct": (upstream + "/chat/completions", {}, {"model": "fake", "messages": messages}),
            "litellm": (
                f"http://127.0.0.1:{lite_port}/v1/chat/completions",
                {"Authorization": f"Bearer {LITELLM_KEY}"},
                {"model": MODEL, "messages": messages},
            ),
            "avec": (
                f"http://127.0.0.1:{avec_port}/v1/chat/completions",
                {"Authorization": f"Bearer {key}"},
                {"model": MODEL, "messages": messages, "avec": {"use_case": USE_CASE}},
            ),
        }
        before = count_interactions(tmp / "avec")
        results: dict[tuple[str, int], dict[str, float]] = {}
        for conc, total in plan.items():
            for name, (url, headers, body) in targets.items():
                results[(name, conc)] = asyncio.run(load(url, headers, body, conc, total))
                r = results[(name, conc)]
                print(
                    f"{name:8s} c={conc:3d} n={r['n']:5.0f} p50={r['p50']:7.2f} ms p95={r['p95']:7.2f} "
                    f"p99={r['p99']:7.2f} ms {r['rps']:7.1f} req/s errors={r['errors']:.0f}",
                    flush=True,
                )
        stored = count_interactions(tmp / "avec") - before
        sent = sum(results[("avec", c)]["n"] + min(20, t) for c, t in plan.items())
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
    report(results, plan, stored, int(sent), litellm_version(), args.quick)


def report(
    results: dict[tuple[str, int], dict[str, float]],
    plan: dict[int, int],
    stored: int,
    sent: int,
    lite_version: str,
    quick: bool,
) -> None:
    lines = [
        "## Gateway overhead",
        "",
        f"Machine: {machine()}. Run: `.venv/bin/python benchmarks/gateway_overhead.py{' --quick' if quick else ''}` "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}). LiteLLM proxy {lite_version}, one worker each; "
        "fake upstream answering instantly; load generator on the same 2 cores.",
        "",
        "| target | concurrency | requests | p50 ms | p95 ms | p99 ms | req/s "
        "| added p50 ms | added p95 ms | added p99 ms | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for conc in plan:
        d = results[("direct", conc)]
        for name in ("direct", "litellm", "avec"):
            r = results[(name, conc)]
            added = ("-", "-", "-") if name == "direct" else tuple(f"{r[p] - d[p]:.2f}" for p in ("p50", "p95", "p99"))
            lines.append(
                f"| {name} | {conc} | {r['n']:.0f} | {r['p50']:.2f} | {r['p95']:.2f} | {r['p99']:.2f} | "
                f"{r['rps']:.1f} | {added[0]} | {added[1]} | {added[2]} | {r['errors']:.0f} |"
            )
    a1, l1, d1 = results[("avec", 1)], results[("litellm", 1)], results[("direct", 1)]
    best_rps = max(results[("avec", c)]["rps"] for c in plan)
    lines += [
        "",
        f"- AVEC added p50 at concurrency 1: **{a1['p50'] - d1['p50']:.2f} ms** vs LiteLLM "
        f"**{l1['p50'] - d1['p50']:.2f} ms** (ratio {(a1['p50'] - d1['p50']) / max(l1['p50'] - d1['p50'], 1e-9):.2f}).",
        f"- AVEC best throughput: **{best_rps:.0f} req/s**; interactions stored durably during the run: "
        f"{stored} of {sent} requests sent to AVEC (each with its ledger entry).",
        "- AVEC does more per call than LiteLLM: policy, pseudonymization with spaCy NER, AES-GCM encryption "
        "of contents, ledger append and a durable commit (group commit: one fsync per batch).",
    ]
    body = "\n".join(lines)
    print(body)
    write_section("gateway", body)


if __name__ == "__main__":
    main()
