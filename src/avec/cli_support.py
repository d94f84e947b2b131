"""What every CLI command needs: settings, a migrated database and a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from avec.config import Settings
from avec.db import make_engine, make_sessionmaker


def cli_settings() -> Settings:
    """Settings for a CLI command (from the environment), data directory created."""
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return settings


@contextmanager
def open_sessions(settings: Settings | None = None) -> Iterator[Session]:
    """A session in a transaction on the configured database, committed on success."""
    settings = settings or cli_settings()
    engine = make_engine(settings.resolved_database_url, pool_size=2)
    try:
        with make_sessionmaker(engine)() as session, session.begin():
            yield session
    finally:
        engine.dispose()
