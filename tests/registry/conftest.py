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
def make_principal(sessions: sessionmaker[Session]) -> Callable[..., Principal]:
    """Create a user (committed) and return its principal."""

    def make(username: str, roles: tuple[str, ...] = ("professional",)) -> Principal:
        with transaction(sessions) as tx:
            user = accounts_service.create_user(
                tx, UserCreate(username=username, roles=list(roles), service="cardio", display_name=username)
            )
            return accounts_service.principal_for(user)

    return make
