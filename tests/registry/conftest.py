"""Fixtures of the registry tests: the packaged grid and principals."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session, sessionmaker

from avec.accounts import service as accounts_service
from avec.accounts.schemas import Principal, UserCreate
from avec.db import transaction
from avec.registry.compliance import Grid, active_grid


@pytest.fixture
def grid() -> Grid:
    """The packaged compliance grid."""
    return active_grid(None)


@pytest.fixture
def make_principal(db_sessions: sessionmaker[Session]) -> Callable[..., Principal]:
    """Create a user (committed) and return its principal."""

    def make(username: str, roles: tuple[str, ...] = ("professional",)) -> Principal:
        with transaction(db_sessions) as tx:
            user = accounts_service.create_user(
                tx, UserCreate(username=username, roles=list(roles), service="cardio", display_name=username)
            )
            return accounts_service.principal_for(user)

    return make


@pytest.fixture
def demo_app(settings):  # type: ignore[no-untyped-def]
    """The application on a migrated SQLite file with the demo data (embedded model off)."""
    from avec.app import create_app
    from avec.demo import load_demo

    load_demo(settings)
    return create_app(settings)


@pytest.fixture
def web_client(demo_app):  # type: ignore[no-untyped-def]
    """Factory of TestClients logged in as a demo user through the login form."""
    import re

    from fastapi.testclient import TestClient

    from avec.demo import DEMO_PASSWORD

    opened = []

    def make(username: str):  # type: ignore[no-untyped-def]
        client = TestClient(demo_app, follow_redirects=False)
        client.__enter__()
        opened.append(client)
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
        assert token
        response = client.post(
            "/login",
            data={"username": username, "password": DEMO_PASSWORD, "csrf_token": token.group(1), "next": "/"},
        )
        assert response.status_code == 303
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)
