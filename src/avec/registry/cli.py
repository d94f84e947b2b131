"""CLI of the registry: `avec registry ...` (inventory, export, grid validation, committee decisions)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer

from avec.cli_support import cli_settings, open_sessions
from avec.registry import lifecycle, service, transparency
from avec.registry.compliance import GridError, active_grid, load_grid
from avec.registry.schemas import DecisionIn
from avec.registry.service import RegistryError

app = typer.Typer(no_args_is_help=True, help="AI systems, compliance grid, use cases.")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command("list")
def list_systems() -> None:
    """List the AI systems of the inventory with their status."""
    with open_sessions(cli_settings()) as tx:
        for system in service.list_systems(tx):
            typer.echo(f"{system.slug}\t{system.status}\t{system.deployment}\t{system.name}")


@app.command("show")
def show(slug: str) -> None:
    """Print the transparency view of one AI system as JSON."""
    settings = cli_settings()
    with open_sessions(settings) as tx:
        try:
            card = transparency.system_card(tx, service.get_system(tx, slug), active_grid(settings.data_dir))
        except (RegistryError, GridError) as exc:
            _fail(str(exc))
    typer.echo(json.dumps(card, ensure_ascii=False, indent=2))


@app.command("export")
def export(
    fmt: str = typer.Option("json", "--format", help="json or csv"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Export the inventory of AI systems (JSON or CSV)."""
    if fmt not in ("json", "csv"):
        _fail("--format must be json or csv", 2)
    settings = cli_settings()
    with open_sessions(settings) as tx:
        rows = transparency.inventory(tx, active_grid(settings.data_dir))
    text = transparency.inventory_csv(rows) if fmt == "csv" else json.dumps(rows, ensure_ascii=False, indent=2)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{len(rows)} AI systems written to {output}")
    else:
        typer.echo(text)


@app.command("validate-grid")
def validate_grid(
    files: list[Path] = typer.Argument(None, help="Grid files (default: the grid in force)."),
) -> None:
    """Validate compliance grid YAML files; exit 1 with a message naming the faulty item."""
    try:
        grid = load_grid(files) if files else active_grid(cli_settings().data_dir)
    except (GridError, OSError) as exc:
        _fail(str(exc))
    typer.echo(f"grid OK: {len(grid.items)} items ({grid.version})")


@app.command("transition")
def transition(
    slug: str,
    to: str = typer.Option(..., "--to", help="under_evaluation, approved, suspended, retired, candidate"),
    members: str | None = typer.Option(None, help="Committee members who decided (approval, suspension)."),
    decided_on: str | None = typer.Option(None, "--date", help="Date of the decision (YYYY-MM-DD)."),
    minutes: str | None = typer.Option(None, help="Reference of the committee minutes."),
    use_case: list[str] = typer.Option([], "--use-case", help="Use case approved (repeat)."),
    version: str | None = typer.Option(None, help="Model version approved (default: the recorded one)."),
    actor: str = typer.Option("cli", help="Who records the change (e.g. user:12)."),
) -> None:
    """Move an AI system in its lifecycle; approval and suspension need --members, --date and --minutes."""
    decision = None
    if members or decided_on or minutes:
        if not (members and decided_on and minutes):
            _fail("a committee decision needs --members, --date and --minutes", 2)
        try:
            when = dt.datetime.fromisoformat(str(decided_on)).replace(tzinfo=dt.UTC)
        except ValueError:
            _fail(f"--date {decided_on!r} is not a date (YYYY-MM-DD)", 2)
        decision = DecisionIn(members=str(members), decided_at=when, minutes_ref=str(minutes), use_cases=use_case)
    settings = cli_settings()
    try:
        with open_sessions(settings) as tx:
            system = service.get_system(tx, slug)
            lifecycle.transition(
                tx,
                system,
                to,
                grid=active_grid(settings.data_dir),
                actor=actor,
                decision=decision,
                approved_version=version,
            )
            typer.echo(f"{slug}: {system.status}")
    except (RegistryError, GridError) as exc:
        _fail(getattr(exc, "message", str(exc)))
