"""CLI: `avec interactions ...` (retention and right to erasure of contents)."""

from __future__ import annotations

import typer

from avec.cli_support import cli_settings, open_sessions
from avec.gateway import retention

app = typer.Typer(help="Interactions: erase contents (retention limit, right to erasure).", no_args_is_help=True)


@app.command("erase")
def erase(
    public_id: str,
    reason: str = typer.Option("request", help="Why: 'request' (right to erasure) or 'retention'."),
) -> None:
    """Erase one interaction's contents; the ledger keeps its digests and records the erasure."""
    with open_sessions() as tx:
        try:
            done = retention.erase_by_public_id(tx, public_id, reason=reason, actor="cli")
        except retention.ErasureError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    typer.echo(f"{public_id}: contents erased" if done else f"{public_id}: contents were already erased")


@app.command("purge")
def purge(
    older_than_days: int = typer.Option(None, "--older-than-days", help="Default: AVEC_CONTENT_RETENTION_DAYS."),
) -> None:
    """Erase the contents of interactions past the retention limit, and expired pseudonymization mappings."""
    from avec.privacy import vault

    settings = cli_settings()
    days = older_than_days or settings.content_retention_days
    total = 0
    try:
        while True:  # in batches, each in its own transaction
            with open_sessions(settings) as tx:
                n = retention.purge_older_than(tx, days, actor="cli", limit=1000)
            total += n
            if n < 1000:
                break
    except retention.ErasureError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    with open_sessions(settings) as tx:
        mappings = vault.purge_expired(tx)
    typer.echo(f"erased the contents of {total} interaction(s) older than {days} days; "
               f"deleted {mappings} expired pseudonymization mapping(s)")
