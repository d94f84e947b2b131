"""CLI of the ledger domain: `avec ledger ...`."""

import typer

app = typer.Typer(no_args_is_help=True)
