"""CLI of the review domain: `avec review ...`."""

import typer

app = typer.Typer(no_args_is_help=True)
