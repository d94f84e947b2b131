"""Fixtures of the review tests: demo data on SQLite and PostgreSQL, principals by username."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session, sessionmaker

from avec.accounts import service as accounts_service
from avec.accounts.schemas import Principal
from avec.config import Settings
from avec.demo import load_demo


@pytest.fixture
def demo_db(
    db_settings: Settings, db_sessions: sessionmaker[Session]
) -> tuple[Settings, sessionmaker[Session]]:
    """Demo data loaded, on SQLite and on PostgreSQL."""
    load_demo(db_settings)
    return db_settings, db_sessions


@pytest.fixture
def principal_of(demo_db: tuple[Settings, sessionmaker[Session]]) -> Callable[[str], Principal]:
    """The principal of a demo username."""
    _, sessions = demo_db

    def get(username: str) -> Principal:
        with sessions() as session:
            user = accounts_service.get_user(session, username)
            assert user is not None
            return accounts_service.principal_for(user)

    return get
