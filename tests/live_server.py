"""A real AVEC server (``avec serve`` in a subprocess, uvicorn on a free port) for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from avec.accounts import service as accounts
from avec.accounts.schemas import UserCreate
from avec.cli_support import open_sessions
from avec.config import Settings
from avec.db import make_engine
from avec.demo import load_demo
from avec.migrations.runner import upgrade


def free_port() -> int:
    """A TCP port free on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    """A running server and the settings of its database."""

    base_url: str
    settings: Settings
    process: subprocess.Popen[bytes]
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)

    def key_for(self, username: str, roles: list[str] | None = None, service: str = "cardiologie",
                *, trained: bool = True) -> str:
        """An API key for ``username`` (created if needed; with every training module recorded unless
        ``trained`` is False)."""
        with open_sessions(self.settings) as tx:
            user = accounts.get_user(tx, username)
            if user is None:
                user = accounts.create_user(
                    tx, UserCreate(username=username, roles=roles or ["professional"], service=service,
                                   password="password-" + username)
                )
                if trained:
                    from avec.training import service as training
                    from avec.training.loader import default_catalog

                    training.record_external(tx, username=username, slugs=default_catalog().slugs(),
                                             evidence="Formation institutionnelle (tests)", actor="test")
            _key, clear = accounts.create_api_key(tx, user)
        return clear

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_live_server(data_dir: Path, *, extra_env: dict[str, str] | None = None, embedded: bool = True,
                      timeout: float = 120.0) -> LiveServer:
    """Migrate, load the demo data, start ``avec serve`` and wait until /readyz answers 200."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AVEC_")}
    env.update({
        "AVEC_DATA_DIR": str(data_dir), "AVEC_PORT": str(port), "AVEC_HOST": "127.0.0.1",
        "AVEC_EMBEDDED_ENABLED": "true" if embedded else "false", "AVEC_LOG_JSON": "true",
        # Tests change the registry and training from outside the server and expect the very next
        # call to see it: no policy cache here (tests/gateway/test_policy_cache.py covers the cache).
        "AVEC_POLICY_CACHE_SECONDS": "0",
    })
    env.update(extra_env or {})
    settings = Settings(data_dir=data_dir, database_url=env.get("AVEC_DATABASE_URL"), port=port)
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    upgrade(engine)
    engine.dispose()
    load_demo(settings)
    log_path = data_dir / "server.log"
    log_file = open(log_path, "wb")  # noqa: SIM115 - kept open for the server's lifetime
    process = subprocess.Popen(
        [sys.executable, "-m", "avec.cli", "serve", "--port", str(port)], env=env, stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log_path.read_text()[-3000:]}")
        try:
            if httpx.get(base_url + "/readyz", timeout=2).status_code == 200:
                return LiveServer(base_url, settings, process, log_path, env)
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"server not ready after {timeout} s: {log_path.read_text()[-3000:]}")
