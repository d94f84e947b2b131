"""CLI of the metrics domain: `avec metrics ...`."""

import typer

app = typer.Typer(no_args_is_help=True)
