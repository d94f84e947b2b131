"""Services of the metrics domain: store a footprint, refresh rollups, read and acknowledge alerts."""

from __future__ import annotations

import time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.metrics.footprint import Footprint
from avec.metrics.models import DemoBatch, InteractionFootprint, MetricsAlert, table_of
from avec.metrics.rollup import refresh_rollups
from avec.metrics.settings import MetricsSettings, metrics_settings
from avec.metrics.spc import evaluate_alerts


def footprint_row(interaction_id: int, footprint: Footprint) -> InteractionFootprint:
    """The ORM row for ``footprint``."""
    return InteractionFootprint(interaction_id=interaction_id, **footprint.as_dict())


def record_footprint(session: Session, interaction_id: int, footprint: Footprint) -> None:
    """Store the footprint of an interaction (inside the caller's transaction; never commits)."""
    session.add(footprint_row(interaction_id, footprint))


_INSERT_FOOTPRINT = insert(table_of(InteractionFootprint))


def insert_footprint(session: Session, interaction_id: int, footprint: Footprint) -> None:
    """Same as :func:`record_footprint` with one Core INSERT (the gateway's hot path; marks no day)."""
    session.connection().execute(_INSERT_FOOTPRINT, {"interaction_id": interaction_id, **footprint.as_dict()})


_LAST_EVALUATION: dict[str, float] = {}  # database URL -> monotonic time of the last alert evaluation


def refresh(session: Session, settings: Any = None) -> MetricsSettings:
    """Bring the rollups up to date and evaluate the alerts; returns the metrics settings used.

    Alerts change only when the rollups do. When only today changed (the steady state under traffic),
    they are evaluated at most every ``alert_interval_seconds``, so that a page view after each new
    call does not pay for the whole evaluation; any change to a past day evaluates at once.
    """
    ms = metrics_settings(settings)
    days = refresh_rollups(session, ms)
    if not days:
        return ms
    key = str(session.get_bind().engine.url)
    now = time.monotonic()
    past_changed = days[0] < utcnow().astimezone(ZoneInfo(ms.timezone)).date()
    if past_changed or now - _LAST_EVALUATION.get(key, -1e18) >= ms.alert_interval_seconds:
        evaluate_alerts(session, ms)
        _LAST_EVALUATION[key] = now
    return ms


def open_alerts(session: Session) -> list[MetricsAlert]:
    """Alerts not yet acknowledged, newest period first."""
    stmt = (
        select(MetricsAlert)
        .where(MetricsAlert.acknowledged_at.is_(None))
        .order_by(MetricsAlert.period_start.desc(), MetricsAlert.id.desc())
    )
    return list(session.scalars(stmt))


class AlertNotFound(LookupError):
    """No such alert."""


def acknowledge_alert(session: Session, alert_id: int, *, user_id: int) -> MetricsAlert:
    """Mark an alert as seen by a quality person (kept, never deleted)."""
    alert = session.get(MetricsAlert, alert_id)
    if alert is None:
        raise AlertNotFound(f"no alert {alert_id}")
    if alert.acknowledged_at is None:
        alert.acknowledged_at = utcnow()
        alert.acknowledged_by = user_id
    return alert


def demo_interactions(session: Session) -> int:
    """How many interactions were generated as demo data (0 when none)."""
    total = session.scalar(select(func.coalesce(func.sum(DemoBatch.interactions), 0)))
    return int(total or 0)
