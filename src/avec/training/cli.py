"""CLI of the training domain: `avec training ...`."""

import typer

app = typer.Typer(no_args_is_help=True)
