"""Fixtures for page tests: the real app on a migrated SQLite file with demo data, and logged-in clients."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from avec.app import create_app
from avec.config import Settings
from avec.demo import DEMO_PASSWORD, load_demo

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    """The CSRF token embedded in a page."""
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


@pytest.fixture
def demo_settings(settings: Settings) -> Settings:
    """Migrated SQLite settings with the demo users, services, system and use cases."""
    load_demo(settings)
    return settings


@pytest.fixture
def web_app(demo_settings: Settings) -> FastAPI:
    """The application (embedded model off)."""
    return create_app(demo_settings)


@pytest.fixture
def anon(web_app: FastAPI) -> Iterator[TestClient]:
    """A client that is not logged in."""
    with TestClient(web_app, follow_redirects=False) as client:
        yield client


def login(client: TestClient, username: str, password: str = DEMO_PASSWORD) -> TestClient:
    """Log ``client`` in through the login form (asserting success)."""
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token, "next": "/"}
    )
    assert response.status_code == 303, response.text[:500]
    return client


@pytest.fixture
def client_for(web_app: FastAPI) -> Iterator[Callable[[str], TestClient]]:
    """Factory of logged-in clients, one per demo username."""
    opened: list[TestClient] = []

    def make(username: str) -> TestClient:
        client = TestClient(web_app, follow_redirects=False)
        client.__enter__()
        opened.append(client)
        return login(client, username)

    yield make
    for client in opened:
        client.__exit__(None, None, None)
