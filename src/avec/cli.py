"""Root command line: `avec ...`; each domain mounts its own sub-commands."""

from __future__ import annotations

import typer

from avec.accounts.cli import keys_app, users_app
from avec.cli_support import cli_settings

app = typer.Typer(help="AVEC: Apprendre, Vérifier, Estimer, Communiquer.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(keys_app, name="keys")


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head")) -> None:
    """Apply the database migrations."""
    from avec.db import make_engine
    from avec.migrations.runner import upgrade

    settings = cli_settings()
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    upgrade(engine, revision)
    engine.dispose()
    typer.echo(f"database at {revision}")


@app.command("serve")
def serve(
    host: str | None = typer.Option(None, help="Address to listen on."),
    port: int | None = typer.Option(None, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes."),
) -> None:
    """Start the AVEC server."""
    import uvicorn

    from avec.app import create_app
    from avec.logging_setup import configure_logging

    settings = cli_settings()
    if host:
        settings.host = host
    if port:
        settings.port = port
    configure_logging(settings)
    typer.echo(f"AVEC listening on http://{settings.host}:{settings.port}/")
    if workers > 1:
        uvicorn.run("avec.app:app_from_env", factory=True, host=settings.host, port=settings.port,
                    workers=workers, log_config=None, access_log=False, timeout_keep_alive=75)
    else:
        # Keep-alive above the usual load-balancer idle timeout (60 s), so the server never closes a
        # connection a balancer or a busy client is about to reuse.
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=None,
                    access_log=False, timeout_keep_alive=75)


@app.command("demo")
def demo() -> None:
    """Load demo data (users, services, the embedded AI system, use cases) idempotently."""
    from avec.demo import load_demo, load_demo_training
    from avec.metrics.demo import seed_for_cli

    settings = cli_settings()
    *lines, login = load_demo(settings)
    for line in [*lines, *load_demo_training(settings)]:
        typer.echo(line)
    typer.echo(seed_for_cli(settings))  # months of demo activity (metrics), marked as demo data
    typer.echo(login)


def _mount_domains() -> None:
    from avec.gateway import cli as gateway_cli
    from avec.ledger import cli as ledger_cli
    from avec.metrics import cli as metrics_cli
    from avec.privacy import cli as privacy_cli
    from avec.registry import cli as registry_cli
    from avec.review import cli as review_cli
    from avec.training import cli as training_cli

    app.add_typer(gateway_cli.app, name="interactions", help="Erase interaction contents (retention, erasure).")
    app.add_typer(ledger_cli.app, name="ledger", help="Tamper-evident ledger.")
    app.add_typer(privacy_cli.app, name="privacy", help="Pseudonymization.")
    app.add_typer(registry_cli.app, name="registry", help="AI systems and use cases.")
    app.add_typer(review_cli.app, name="review", help="Human review of AI outputs.")
    app.add_typer(training_cli.app, name="training", help="Training and AI-literacy register.")
    app.add_typer(metrics_cli.app, name="metrics", help="Indicators and footprint.")


_mount_domains()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
