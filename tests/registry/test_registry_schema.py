"""The registry's models and its migration agree (Alembic's compare_metadata), on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from avec.config import Settings
from avec.db import make_engine
from avec.migrations.runner import target_metadata

REGISTRY_TABLES = {
    "ai_systems",
    "use_cases",
    "use_case_systems",
    "grid_answers",
    "committee_decisions",
    "registry_changes",
}


def _table_of(diff: object) -> str | None:
    """Best-effort name of the table a compare_metadata diff entry is about."""
    items = diff if isinstance(diff, list) else [diff]
    for item in items:
        for part in item if isinstance(item, tuple) else (item,):
            name = getattr(part, "table", None)
            if name is not None and hasattr(name, "name"):
                return str(name.name)
            if hasattr(part, "name") and hasattr(part, "columns") and hasattr(part, "metadata"):
                return str(part.name)
            if isinstance(part, str) and part in REGISTRY_TABLES:
                return part
    return None


def test_registry_models_match_migration(db_settings: Settings) -> None:
    engine = make_engine(db_settings.resolved_database_url, pool_size=1)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(ctx, target_metadata)
    finally:
        engine.dispose()
    ours = [d for d in diffs if _table_of(d) in REGISTRY_TABLES]
    assert ours == [], ours
