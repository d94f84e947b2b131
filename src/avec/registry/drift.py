"""Model version drift: the provider reports a version that differs from the one the committee approved.

The gateway calls :func:`report_model_version` after each provider response. The common case (same
version as last time) costs one primary-key lookup, usually served by the session's identity map.
On drift the system is flagged and, when its ``drift_action`` is ``suspend`` (the default), suspended
until the committee re-approves it; both are versioned changes with a ledger entry.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.registry.history import record_change, snapshot
from avec.registry.models import AISystem

DRIFT_ACTOR = "system:avec"


def report_model_version(session: Session, system_id: int, reported_version: str | None) -> None:
    """Record the version a provider reported; flag (and by default suspend) on drift from the approved."""
    if not reported_version:
        return
    system = session.get(AISystem, system_id)
    if system is None:
        return
    reported = reported_version.strip()[:200]
    already_seen = system.reported_version == reported
    drifted = bool(system.approved_version) and reported != system.approved_version
    must_suspend = drifted and system.drift_action == "suspend" and system.status == "approved"
    if already_seen and (not drifted or system.version_drift_at is not None) and not must_suspend:
        return
    before = snapshot(system)
    system.reported_version = reported
    action = "version_reported"
    if drifted:
        action = "version_drift"
        if system.version_drift_at is None:
            system.version_drift_at = utcnow()
        if system.drift_action == "suspend" and system.status == "approved":
            system.status = "suspended"
            action = "version_drift_suspended"
    system.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        actor=DRIFT_ACTOR,
        entity="ai_system",
        entity_id=system.id,
        action=action,
        before=before,
        after=snapshot(system),
    )
