"""Fixtures of the metrics tests: a small organisation (services, users, use cases, AI systems)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from avec.accounts.models import Service, User, UserRole
from avec.cli_support import open_sessions
from avec.config import Settings
from avec.demo import load_demo
from avec.gateway.models import Interaction
from avec.metrics.demo import seed_activity
from avec.registry.models import AISystem, UseCase
from avec.review.models import ReviewDecision, SecondReading

_ids = itertools.count(1)


@dataclass
class World:
    """Ids of the reference rows created for a test."""

    s1: int
    s2: int
    u1: int
    u2: int
    u3: int
    reviewer: int
    uc_x: int
    uc_y: int
    sys_a: int
    sys_b: int


def make_world(session: Session) -> World:
    """Two services, three professionals and a reviewer, two use cases, two AI systems."""
    s1, s2 = Service(code="cardio", name="Cardiologie"), Service(code="ehpad", name="EHPAD Les Tilleuls")
    session.add_all([s1, s2])
    session.flush()
    users = []
    for name, service, role in (
        ("u1", s1, "professional"),
        ("u2", s1, "professional"),
        ("u3", s2, "professional"),
        ("rev", s1, "reviewer"),
    ):
        user = User(username=name, display_name=name, service_id=service.id)
        user.role_rows.append(UserRole(role=role))
        users.append(user)
    session.add_all(users)
    uc_x = UseCase(slug="discharge-letter", title="Lettre de sortie")
    uc_y = UseCase(slug="care-plan", title="Plan de soins")
    sys_a = AISystem(
        slug="gemma-local",
        name="Gemma local",
        provider="embedded",
        status="approved",
        active_params_b=0.27,
        total_params_b=0.27,
    )
    sys_b = AISystem(
        slug="mistral-hds",
        name="Mistral HDS",
        provider="openai_compatible",
        deployment="hds_cloud",
        status="approved",
        active_params_b=24,
        total_params_b=24,
    )
    session.add_all([uc_x, uc_y, sys_a, sys_b])
    session.flush()
    return World(s1.id, s2.id, users[0].id, users[1].id, users[2].id, users[3].id, uc_x.id, uc_y.id, sys_a.id, sys_b.id)


def interaction(
    *,
    user_id: int,
    service_id: int,
    use_case_id: int,
    ai_system_id: int,
    created_at: dt.datetime,
    status: str = "completed",
    review_status: str = "pending",
    channel: str = "web",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    latency_ms: float | None = 1000.0,
    error_code: str | None = None,
    model_version: str | None = "v1",
) -> Interaction:
    """An interaction row with the given metadata (no contents)."""
    return Interaction(
        public_id=f"t-{next(_ids)}",
        created_at=created_at,
        completed_at=created_at,
        user_id=user_id,
        service_id=service_id,
        channel=channel,
        use_case_id=use_case_id,
        ai_system_id=ai_system_id,
        model_requested="m",
        model_version=model_version,
        status=status,
        error_code=error_code,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        latency_ms=latency_ms,
        review_status=review_status,
        replacements={},
    )


def decision(
    interaction_row: Interaction,
    *,
    by: int,
    decision: str,
    after: dt.timedelta,
    step: int = 1,
    reasons: list[str] | None = None,
    saved_minutes: float | None = None,
) -> ReviewDecision:
    """A review decision taken ``after`` the interaction."""
    return ReviewDecision(
        interaction_id=interaction_row.id,
        step=step,
        decision=decision,
        decided_by=by,
        decided_at=interaction_row.created_at + after,
        reason_codes=reasons or [],
        time_saved_minutes=saved_minutes,
        channel="web",
    )


def second_reading(first: ReviewDecision, *, reader: int, agrees: bool, **extra: Any) -> SecondReading:
    """A completed blind second reading of ``first``."""
    return SecondReading(
        interaction_id=first.interaction_id,
        first_decision_id=first.id,
        status="done",
        reader_id=reader,
        decision="approve",
        agrees=agrees,
        completed_at=first.decided_at + dt.timedelta(hours=1),
        **extra,
    )


@pytest.fixture
def world(db_sessions: sessionmaker[Session]) -> World:
    """The reference organisation, committed (SQLite and PostgreSQL)."""
    with db_sessions() as session, session.begin():
        return make_world(session)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A migrated SQLite database with the demo reference data and two months of demo activity."""
    from tests.conftest import _migrated_settings

    settings = _migrated_settings(tmp_path_factory.mktemp("metrics-seeded") / "data", None)
    load_demo(settings)
    with open_sessions(settings) as session:
        assert seed_activity(session, months=2, seed=7) > 500
    return settings
