"""Auditor page /ledger: roles, French first, an entry with its checked inclusion proof."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text
from tests.ledger.ledger_helpers import checkpoint
from tests.web.conftest import login

from avec.app import create_app
from avec.config import Settings
from avec.db import make_engine, make_sessionmaker, transaction
from avec.demo import load_demo


@pytest.fixture
def web_app(settings: Settings) -> FastAPI:
    load_demo(settings)  # demo users and services (their creation is itself in the ledger)
    return create_app(settings)


@pytest.fixture
def client_for(web_app: FastAPI) -> Iterator[Callable[[str], TestClient]]:
    opened: list[TestClient] = []

    def make(username: str) -> TestClient:
        client = TestClient(web_app, follow_redirects=False)
        client.__enter__()
        opened.append(client)
        return login(client, username)

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def _sessions(settings: Settings):  # type: ignore[no-untyped-def]
    return make_sessionmaker(make_engine(settings.resolved_database_url, pool_size=1))


def test_page_is_for_auditors(client_for: Callable[[str], TestClient]) -> None:
    assert client_for("dr.martin").get("/ledger").status_code == 403
    page = client_for("dpo.girard").get("/ledger")
    assert page.status_code == 200
    assert "Journal de preuves" in page.text and 'id="ledger-key"' in page.text
    assert "Evidence ledger" in client_for("qual.moreau").get("/ledger?lang=en").text


def test_entry_with_its_proof_checked(client_for: Callable[[str], TestClient], settings: Settings) -> None:
    sessions = _sessions(settings)
    checkpoint(settings, sessions)
    client = client_for("admin")
    page = client.get("/ledger", params={"index": 0})
    assert page.status_code == 200
    assert "Preuve d&#39;inclusion vérifiée" in page.text or "Preuve d'inclusion vérifiée" in page.text
    assert "user.change" in page.text
    assert client.get("/ledger", params={"index": 10_000}).status_code == 404
    with transaction(sessions) as session:
        session.execute(text("UPDATE ledger_entries SET leaf_hash = :h WHERE idx = 0"), {"h": b"\0" * 32})
    assert "avec ledger verify" in client.get("/ledger", params={"index": 0}).text
