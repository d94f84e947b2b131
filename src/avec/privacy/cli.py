"""CLI of the privacy domain: `avec privacy ...`."""

import typer

app = typer.Typer(no_args_is_help=True)
