"""CLI of the ledger domain: ``avec ledger key|status|show|checkpoint|prove|verify|export``.

Exit codes: 0 success, 1 verification failed (something differs), 2 bad request (unknown entry,
size out of range, unusable folder).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from avec.cli_support import cli_settings, open_sessions
from avec.config import load_secrets
from avec.ledger import service
from avec.ledger.merkle import verify_consistency, verify_inclusion

app = typer.Typer(no_args_is_help=True, help="Tamper-evident ledger (RFC 6962 log, signed checkpoints).")
prove_app = typer.Typer(no_args_is_help=True, help="Inclusion and consistency proofs.")
app.add_typer(prove_app, name="prove")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _print(obj: dict[str, Any]) -> None:
    typer.echo(json.dumps(obj, indent=2, ensure_ascii=False))


@app.command("key")
def key() -> None:
    """Print the checkpoint verifier key (note format name+keyid+base64 key)."""
    settings = cli_settings()
    typer.echo(service.verifier_key(settings.ledger_origin, load_secrets(settings).ledger_signing_key))


@app.command("status")
def status() -> None:
    """Print the tree size, the root and the latest checkpoint."""
    with open_sessions() as session:
        head = service.head(session)
        latest = service.latest_checkpoint(session)
    _print(
        {
            "size": head.size,
            "root": service.b64(head.root),
            "latest_checkpoint": None if latest is None else latest.size,
        }
    )


@app.command("show")
def show(index: int = typer.Argument(..., help="Entry index (0-based).")) -> None:
    """Print an entry (canonical JSON: digests and metadata, never content)."""
    try:
        with open_sessions() as session:
            typer.echo(service.entry(session, index).body)
    except service.LedgerError as exc:
        _fail(str(exc))


@app.command("checkpoint")
def checkpoint() -> None:
    """Sign a checkpoint of the current tree now and print it."""
    settings = cli_settings()
    secrets = load_secrets(settings)
    with open_sessions(settings) as session:
        cp = service.issue_checkpoint(session, origin=settings.ledger_origin, signing_key=secrets.ledger_signing_key)
    typer.echo(cp.note, nl=False)


@prove_app.command("inclusion")
def prove_inclusion(
    index: int = typer.Argument(..., help="Entry index (0-based)."),
    size: int | None = typer.Option(None, help="Tree size (default: latest checkpoint covering it)."),
) -> None:
    """Print the inclusion proof of an entry (checked before printing)."""
    try:
        with open_sessions() as session:
            p = service.inclusion_proof(session, index, size)
    except service.LedgerError as exc:
        _fail(str(exc))
        return
    verify_inclusion(p.index, p.size, p.leaf_hash, p.proof, p.root)
    _print(
        {
            "index": p.index,
            "size": p.size,
            "leaf_hash": service.b64(p.leaf_hash),
            "proof": [service.b64(h) for h in p.proof],
            "root": service.b64(p.root),
            "checkpoint": p.checkpoint,
        }
    )


@prove_app.command("consistency")
def prove_consistency(
    old: int = typer.Argument(..., help="Older tree size (> 0)."),
    new: int = typer.Argument(..., help="Newer tree size."),
) -> None:
    """Print the consistency proof between two tree sizes (checked before printing)."""
    try:
        with open_sessions() as session:
            p = service.consistency_proof(session, old, new)
            old_cp, new_cp = service.checkpoint_at(session, old), service.checkpoint_at(session, new)
    except service.LedgerError as exc:
        _fail(str(exc))
        return
    verify_consistency(p.old, p.new, p.proof, p.old_root, p.new_root)
    _print(
        {
            "old": p.old,
            "new": p.new,
            "proof": [service.b64(h) for h in p.proof],
            "old_root": service.b64(p.old_root),
            "new_root": service.b64(p.new_root),
            "old_checkpoint": old_cp.note if old_cp else None,
            "new_checkpoint": new_cp.note if new_cp else None,
        }
    )


@app.command("verify")
def verify(
    contents: bool = typer.Option(
        False,
        "--contents",
        help="Also recompute the digests of stored contents (erased ones are reported as erased).",
    ),
) -> None:
    """Recompute everything from the stored entries; exit 0 only if all holds."""
    from avec.ledger import contents as content_checks
    from avec.ledger.integrity import verify_ledger

    settings = cli_settings()
    secrets = load_secrets(settings)
    if contents:
        content_checks.load_domain_checks()
    with open_sessions(settings) as session:
        report = verify_ledger(
            session,
            origin=settings.ledger_origin,
            verifier_key=service.verifier_key(settings.ledger_origin, secrets.ledger_signing_key),
            contents=contents,
            data_key=secrets.data_key,
        )
    typer.echo(f"entries: {report.size}  root: {service.b64(report.root)}  signed checkpoints: {report.checkpoints}")
    if contents:
        typer.echo("contents: " + ", ".join(f"{k} {v}" for k, v in report.contents.items()))
    for problem in report.problems:
        typer.echo(f"FAILED {problem}")
    if not report.ok:
        raise typer.Exit(1)
    typer.echo("OK")


@app.command("export")
def export(out: Path = typer.Option(..., "--out", help="Folder to write the bundle into.")) -> None:
    """Write entries, checkpoints, the verifier key and the standalone verifier into a folder."""
    from avec.ledger.export import export_bundle

    settings = cli_settings()
    secrets = load_secrets(settings)
    if out.exists() and not out.is_dir():
        _fail(f"{out} exists and is not a folder")
    with open_sessions(settings) as session:
        counts = export_bundle(
            session,
            out,
            verifier_key=service.verifier_key(settings.ledger_origin, secrets.ledger_signing_key),
        )
    typer.echo(f"exported {counts['entries']} entries and {counts['checkpoints']} checkpoints to {out}")
    typer.echo(f"check offline with: python {out / 'verify.py'} {out}")
