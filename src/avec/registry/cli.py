"""CLI of the registry domain: `avec registry ...`."""

import typer

app = typer.Typer(no_args_is_help=True)
