"""Run Alembic migrations programmatically (used by `avec db upgrade`, `make run` and the tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from avec.db import Base

HERE = Path(__file__).parent


def _import_models() -> None:
    # Every domain's models must be imported so that Base.metadata knows all tables.
    import avec.accounts.models
    import avec.gateway.models
    import avec.ledger.models
    import avec.metrics.models
    import avec.privacy.models
    import avec.registry.models
    import avec.review.models
    import avec.training.models  # noqa: F401


_import_models()
target_metadata = Base.metadata


def alembic_config() -> Config:
    """Alembic Config pointing at this package's scripts."""
    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision``."""
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def current(engine: Engine) -> str | None:
    """The revision the database is at (None if never migrated)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
