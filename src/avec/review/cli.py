"""CLI of the review domain: `avec review pending` and `avec review agreement` (metadata only, no texts)."""

from __future__ import annotations

import json

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.models import Service
from avec.cli_support import open_sessions
from avec.review import queues, second_reading

app = typer.Typer(no_args_is_help=True, help="Human review of AI outputs.")


def _service_id(tx: Session, code: str | None) -> int | None:
    if code is None:
        return None
    service_id = tx.scalar(select(Service.id).where(Service.code == code))
    if service_id is None:
        typer.echo(f"error: unknown service {code!r} (see `avec users list`)", err=True)
        raise typer.Exit(2)
    return int(service_id)


@app.command("pending")
def pending(
    service: str | None = typer.Option(None, "--service", help="Service code (default: all services)."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Outputs still waiting for a decision, oldest first, with their age."""
    with open_sessions() as tx:
        entries = queues.pending_for_operators(tx, _service_id(tx, service))
    for e in entries:
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "interaction": e.public_id,
                        "created_at": e.created_at_iso,
                        "age_seconds": e.age_seconds,
                        "user": e.username,
                        "service": e.service,
                        "use_case": e.use_case,
                        "channel": e.channel,
                        "review_status": e.review_status,
                    }
                )
            )
        else:
            typer.echo(
                f"{e.public_id}\t{e.age_text}\t{e.username}\t{e.service or '-'}\t{e.use_case or '-'}"
                f"\t{e.channel}\t{e.review_status}"
            )
    if not as_json:
        typer.echo(f"{len(entries)} pending", err=True)


@app.command("agreement")
def agreement(service: str | None = typer.Option(None, "--service", help="Service code (default: all).")) -> None:
    """Agreement between first and second readers."""
    with open_sessions() as tx:
        stats = second_reading.agreement(tx, service_id=_service_id(tx, service))
    rate = f"{stats.rate:.0%}" if stats.rate is not None else "n/a"
    typer.echo(
        f"second readings: {stats.completed}; same decision: {stats.agreeing} ({rate}); "
        f"same acceptance: {stats.agreeing_on_acceptance}"
    )
