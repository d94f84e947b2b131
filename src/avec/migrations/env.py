"""Alembic environment: runs against the connection or URL handed over by avec.migrations.runner."""

from __future__ import annotations

from alembic import context

from avec.migrations.runner import target_metadata

config = context.config


def run_migrations() -> None:
    """Run migrations online on the connection given in ``config.attributes['connection']``."""
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("avec migrations run only through avec.migrations.runner.upgrade()")
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
