"""SQLAlchemy base, engines and sessions.

SQLite runs in WAL mode with ``BEGIN IMMEDIATE`` transactions (so that concurrent writers queue on
the database lock instead of failing on a lock upgrade, and SAVEPOINTs behave); PostgreSQL is used
as is. Services never commit: the HTTP/CLI boundary (or the group committer) owns the transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base shared by every domain's models."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> dt.datetime:
    """Current time, timezone-aware UTC (stored as naive UTC by SQLite)."""
    return dt.datetime.now(dt.UTC)


def is_sqlite(url: str) -> bool:
    """True for a SQLite URL."""
    return url.startswith("sqlite")


def make_engine(url: str, *, pool_size: int = 10, echo: bool = False) -> Engine:
    """Create an engine: SQLite in WAL mode with immediate transactions, or a pooled PostgreSQL one."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if is_sqlite(url):
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=pool_size
        )

        @event.listens_for(engine, "connect")
        def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, emit BEGIN (pysqlite's implicit transactions break SAVEPOINT).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")  # durable at every COMMIT
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_on_begin(conn: Any) -> None:
            # Read-only sessions (make_read_sessionmaker) take no write lock; the others do at once.
            deferred = conn.get_execution_options().get("avec_read_only", False)
            conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

        @event.listens_for(engine.pool, "reset")
        def _sqlite_on_reset(dbapi_conn: Any, _record: Any, _state: Any) -> None:
            # A COMMIT refused by SQLite (e.g. a deferred constraint) leaves the transaction open,
            # and SQLAlchemy then skips its own rollback: never hand such a connection out again.
            if getattr(dbapi_conn, "in_transaction", False):
                dbapi_conn.rollback()

        return engine
    return create_engine(url, echo=echo, pool_size=pool_size, max_overflow=20, pool_pre_ping=True)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Session factory bound to ``engine`` (objects stay usable after commit)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def make_read_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Session factory for reads only: on SQLite its transactions take no write lock (deferred BEGIN),
    so reads never queue behind writers; never write through it."""
    return sessionmaker(bind=engine.execution_options(avec_read_only=True), expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Open a session, commit on success, roll back on error."""
    with factory() as session, session.begin():
        yield session
