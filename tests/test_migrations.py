"""The migrations and the ORM models describe the same schema, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from avec.db import make_engine
from avec.migrations.runner import current, target_metadata


def _diff(url: str) -> list[object]:
    engine = make_engine(url, pool_size=1)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": False})
            return [d for d in compare_metadata(ctx, target_metadata)]
    finally:
        engine.dispose()


def test_models_match_migrations(db_settings):
    diff = _diff(db_settings.resolved_database_url)
    assert diff == [], f"models and migrations differ: {diff}"


def test_database_is_at_head(db_settings):
    engine = make_engine(db_settings.resolved_database_url, pool_size=1)
    try:
        assert current(engine) == "0008_metrics"
    finally:
        engine.dispose()
