"""CLI: `avec users ...` and `avec keys ...`."""

from __future__ import annotations

import sys

import typer
from pydantic import ValidationError

from avec.accounts import service
from avec.accounts.schemas import UserCreate
from avec.cli_support import open_sessions

users_app = typer.Typer(help="Manage users (roles: professional, reviewer, quality, dpo, admin).", no_args_is_help=True)
keys_app = typer.Typer(help="Manage API keys for programs.", no_args_is_help=True)


@users_app.command("add")
def add_user(
    username: str,
    role: list[str] = typer.Option(..., "--role", help="Role (repeat for several)."),
    service_code: str | None = typer.Option(None, "--service", help="Service or department code."),
    display_name: str = typer.Option("", "--name", help="Display name."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
) -> None:
    """Create a user."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    try:
        data = UserCreate(
            username=username, roles=role, service=service_code, display_name=display_name, password=password
        )
    except ValidationError as exc:
        typer.echo(f"error: invalid user: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}", err=True)
        raise typer.Exit(2) from None
    with open_sessions() as tx:
        try:
            user = service.create_user(tx, data, actor="cli")
        except service.AccountError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"created user {user.username} (id {user.id}) with roles {', '.join(sorted(user.roles))}")


@users_app.command("list")
def list_users() -> None:
    """List users with their roles and service."""
    from sqlalchemy import select

    from avec.accounts.models import User

    with open_sessions() as tx:
        for user in tx.scalars(select(User).order_by(User.username)):
            svc = user.service.code if user.service else "-"
            typer.echo(f"{user.id}\t{user.username}\t{','.join(sorted(user.roles))}\t{svc}")


@keys_app.command("create")
def create_key(username: str, name: str = typer.Option("", "--name", help="A label for the key.")) -> None:
    """Create an API key; prints only the key on stdout (shown once)."""
    with open_sessions() as tx:
        user = service.get_user(tx, username)
        if user is None:
            typer.echo(f"error: no user named {username!r}", err=True)
            raise typer.Exit(1)
        key, clear = service.create_api_key(tx, user, name=name, actor="cli")
        key_id = key.id
    typer.echo(f"key id {key_id} created for {username}; store it now, it will not be shown again", err=True)
    typer.echo(clear)


@keys_app.command("revoke")
def revoke_key(key_id: int) -> None:
    """Revoke an API key by its id."""
    with open_sessions() as tx:
        try:
            service.revoke_api_key(tx, key_id, actor="cli")
        except service.AccountError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    typer.echo(f"key {key_id} revoked")


@keys_app.command("list")
def list_keys(username: str) -> None:
    """List a user's keys (ids, labels, last use; never the keys)."""
    from sqlalchemy import select

    from avec.accounts.models import ApiKey

    with open_sessions() as tx:
        user = service.get_user(tx, username)
        if user is None:
            typer.echo(f"error: no user named {username!r}", err=True)
            raise typer.Exit(1)
        for key in tx.scalars(select(ApiKey).where(ApiKey.user_id == user.id)):
            state = "revoked" if key.revoked_at else "active"
            typer.echo(f"{key.id}\t{key.name or '-'}\t{state}\tlast used {key.last_used_at or 'never'}")
