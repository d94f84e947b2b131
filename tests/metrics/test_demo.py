"""Demo activity: marked as demo data, coherent with the review tables, idempotent, fails clearly."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from avec.cli_support import open_sessions
from avec.config import Settings
from avec.gateway.models import Interaction
from avec.metrics.demo import DemoReferenceMissing, seed_activity
from avec.metrics.models import DailyRollup, DemoBatch, InteractionFootprint, MetricsAlert
from avec.review.models import ReviewDecision


def test_demo_activity_is_marked_and_coherent(seeded: Settings) -> None:
    with open_sessions(seeded) as s:
        batch = s.scalars(select(DemoBatch)).one()
        interactions = s.scalar(select(func.count()).select_from(Interaction))
        demo = s.scalar(select(func.count()).where(Interaction.public_id.like("demo-%")))
        assert interactions == demo == batch.interactions
        decided = s.scalar(
            select(func.count()).where(Interaction.review_status.in_(("approved", "modified", "rejected", "escalated")))
        )
        assert s.scalar(select(func.count()).select_from(ReviewDecision)) == decided
        completed = s.scalar(select(func.count()).where(Interaction.status == "completed"))
        assert s.scalar(select(func.count()).select_from(InteractionFootprint)) == completed
        assert s.scalar(select(func.sum(DailyRollup.interactions))) == interactions
        shifts = s.scalars(select(MetricsAlert).where(MetricsAlert.kind == "version_shift")).all()
        assert any(a.metric == "rejection_rate" and a.value > a.center for a in shifts)
        assert seed_activity(s, months=2, seed=7) == 0  # already seeded: nothing added


def test_demo_needs_reference_data(sessions: sessionmaker[Session]) -> None:
    with sessions() as s, s.begin(), pytest.raises(DemoReferenceMissing, match="load them first"):
        seed_activity(s, months=1)
    with sessions() as s, s.begin(), pytest.raises(ValueError, match="between 1 and 36"):
        seed_activity(s, months=0)
