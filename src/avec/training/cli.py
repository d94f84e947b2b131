"""CLI: `avec training ...` — list and validate modules, record external training, export the register."""

from __future__ import annotations

from pathlib import Path

import typer

from avec.cli_support import open_sessions
from avec.training import register as training_register
from avec.training import service
from avec.training.loader import ModuleFormatError, default_catalog, load_catalog

app = typer.Typer(help="Training modules, quizzes and the AI-literacy register.", no_args_is_help=True)


@app.command("list")
def list_modules() -> None:
    """List the modules (slug, version, recertification period, pass mark)."""
    for module in default_catalog().modules():
        m = module.meta
        typer.echo(f"{m.slug}\t{m.version}\t{m.recertification_days} j\t{m.pass_mark} %\t{m.title}")


@app.command("validate")
def validate(
    directory: Path = typer.Argument(None, help="Folder of module files (default: shipped modules)."),
) -> None:
    """Check every module file; a malformed front matter is reported with the file and the field (exit 2)."""
    try:
        catalog = load_catalog(directory)
    except (ModuleFormatError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{len(catalog.slugs())} module(s) valides")


@app.command("record")
def record(
    username: str,
    modules: list[str] = typer.Argument(None, help="Module slugs (or --all)."),
    all_modules: bool = typer.Option(False, "--all", help="Every module."),
    evidence: str = typer.Option(
        ..., "--evidence", help="Evidence: course title, organiser, date, certificate reference."
    ),
    by: str | None = typer.Option(
        None, "--by", help="Username of the admin recording it (must hold the admin role)."
    ),
) -> None:
    """Record training done outside AVEC for USERNAME, marked as external, with its evidence."""
    if all_modules and modules:
        typer.echo("error: give module slugs or --all, not both", err=True)
        raise typer.Exit(2)
    slugs = default_catalog().slugs() if all_modules else list(modules or [])
    if not slugs:
        typer.echo("error: give at least one module slug, or --all", err=True)
        raise typer.Exit(2)
    with open_sessions() as tx:
        actor = "cli"
        if by:
            from avec.accounts import service as accounts_service

            admin = accounts_service.get_user(tx, by)
            if admin is None or not admin.has_role("admin"):
                typer.echo(f"error: --by {by!r} is not an admin user", err=True)
                raise typer.Exit(1)
            actor = f"user:{admin.id}"
        try:
            done = service.record_external(
                tx, username=username, slugs=slugs, evidence=evidence, actor=actor, recorded_by=by or "cli"
            )
        except service.TrainingError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(1) from None
        lines = [
            f"{c.module_slug} {c.module_version} (externe, jusqu'au {c.expires_at:%Y-%m-%d})" for c in done
        ]
    for line in lines:
        typer.echo(f"recorded for {username}: {line}")


@app.command("status")
def status(username: str) -> None:
    """Show a user's status for each module (valid, expired, outdated_version, never)."""
    from avec.accounts import service as accounts_service

    with open_sessions() as tx:
        user = accounts_service.get_user(tx, username)
        if user is None:
            typer.echo(f"error: no user named {username!r}", err=True)
            raise typer.Exit(1)
        for slug, (state, completion) in service.module_statuses(tx, user_id=user.id).items():
            until = f"\tjusqu'au {completion.expires_at.date()}" if completion is not None else ""
            typer.echo(f"{slug}\t{state}{until}")


@app.command("register")
def export_register(
    output: Path = typer.Option(None, "--output", "-o", help="Write the CSV here (default: stdout)."),
) -> None:
    """Export the AI-literacy register as CSV."""
    with open_sessions() as tx:
        text = training_register.register_csv(training_register.register_rows(tx))
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"register written to {output}", err=True)
    else:
        typer.echo(text, nl=False)
