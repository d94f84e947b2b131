"""Shared fixtures: real SQLite files and a real PostgreSQL (fresh schema per test), migrated.

PostgreSQL tests are skipped with a printed reason when no server is reachable at
``AVEC_TEST_POSTGRES_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from avec.config import Settings
from avec.db import make_engine, make_sessionmaker
from avec.migrations.runner import upgrade

PG_URL = os.environ.get("AVEC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_pg_reason: str | None = None


def postgres_unavailable_reason() -> str | None:
    """Why PostgreSQL tests cannot run here (None if a server answers)."""
    global _pg_reason
    if _pg_reason is None:
        try:
            eng = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with eng.connect() as conn:
                conn.execute(text("select 1"))
            eng.dispose()
            _pg_reason = ""
        except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
            _pg_reason = f"no PostgreSQL reachable at {PG_URL} ({type(exc).__name__})"
    return _pg_reason or None


def make_pg_schema() -> tuple[str, str]:
    """Create a fresh schema; returns (url with search_path set, schema name)."""
    schema = "t_" + secrets.token_hex(6)
    eng = create_engine(PG_URL)
    with eng.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng.dispose()
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


def drop_pg_schema(schema: str) -> None:
    """Drop a schema made by make_pg_schema."""
    eng = create_engine(PG_URL)
    with eng.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    eng.dispose()


def _migrated_settings(data_dir: Path, url: str | None) -> Settings:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir, database_url=url, embedded_enabled=False, log_json=False)
    engine = make_engine(settings.resolved_database_url, pool_size=2)
    upgrade(engine)
    engine.dispose()
    return settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on a fresh, migrated SQLite file (embedded model off)."""
    return _migrated_settings(tmp_path / "data", None)


@pytest.fixture
def pg_settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings on a fresh, migrated PostgreSQL schema; skipped with a reason if none is reachable."""
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    url, schema = make_pg_schema()
    try:
        yield _migrated_settings(tmp_path / "data", url)
    finally:
        drop_pg_schema(schema)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Parametrised over SQLite and PostgreSQL (the latter skipped with a reason if unreachable)."""
    if request.param == "sqlite":
        yield _migrated_settings(tmp_path / "data", None)
        return
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    url, schema = make_pg_schema()
    try:
        yield _migrated_settings(tmp_path / "data", url)
    finally:
        drop_pg_schema(schema)


def _sessions_for(settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(settings.resolved_database_url, pool_size=5)
    try:
        yield make_sessionmaker(engine)
    finally:
        engine.dispose()


@pytest.fixture
def sessions(settings: Settings) -> Iterator[sessionmaker[Session]]:
    """Session factory on the migrated SQLite database of ``settings``."""
    yield from _sessions_for(settings)


@pytest.fixture
def db_sessions(db_settings: Settings) -> Iterator[sessionmaker[Session]]:
    """Session factory on SQLite and on PostgreSQL (parametrised)."""
    yield from _sessions_for(db_settings)


def pytest_report_header(config: pytest.Config) -> str:
    reason = postgres_unavailable_reason()
    return f"PostgreSQL tests: {'SKIPPED - ' + reason if reason else 'enabled at ' + PG_URL}"


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real server (subprocess) with the embedded model and demo data; shared by the session.

    Small limits so the 413 and 429 paths can be exercised: 64 KB bodies, bursts of 8 per key.
    """
    from tests.live_server import start_live_server

    server = start_live_server(
        tmp_path_factory.mktemp("live"),
        extra_env={"AVEC_MAX_REQUEST_BYTES": "65536", "AVEC_RATE_LIMIT_BURST": "8",
                   "AVEC_RATE_LIMIT_PER_MINUTE": "60"},
    )
    yield server
    server.stop()
