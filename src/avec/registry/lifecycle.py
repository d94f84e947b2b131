"""Lifecycle of an AI system: candidate -> under_evaluation -> approved -> suspended -> retired.

Guards: approval and suspension need a recorded committee decision (who, when, minutes reference);
approval lists the use cases it covers and is refused while a blocking grid item is open. Approval
fixes the approved model version (see :mod:`avec.registry.drift`). Every transition is a versioned
change with a ledger entry, and the decision itself is stored in ``committee_decisions``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.registry.compliance import Grid
from avec.registry.history import record_change, snapshot
from avec.registry.models import AISystem, CommitteeDecision, UseCase, UseCaseSystem
from avec.registry.schemas import DecisionIn
from avec.registry.service import RegistryError, evaluate_system

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "candidate": ("under_evaluation", "retired"),
    "under_evaluation": ("approved", "candidate", "retired"),
    "approved": ("suspended", "under_evaluation", "retired"),
    "suspended": ("approved", "under_evaluation", "retired"),
    "retired": (),
}
NEEDS_DECISION = {"approved": "approve", "suspended": "suspend"}
DECISION_KINDS = {**NEEDS_DECISION, "retired": "retire"}


def allowed_targets(status: str) -> tuple[str, ...]:
    """Statuses reachable from ``status``."""
    return TRANSITIONS.get(status, ())


def _record_decision(
    session: Session,
    system: AISystem,
    kind: str,
    decision: DecisionIn,
    *,
    actor: str,
    approved_version: str | None = None,
) -> CommitteeDecision:
    row = CommitteeDecision(
        ai_system_id=system.id,
        decision=kind,
        members=decision.members.strip(),
        decided_at=decision.decided_at,
        minutes_ref=decision.minutes_ref.strip(),
        use_case_slugs=sorted(set(decision.use_cases)),
        approved_version=approved_version,
        rationale=decision.rationale,
        recorded_by=actor,
        recorded_at=utcnow(),
    )
    session.add(row)
    session.flush()
    record_change(
        session,
        actor=actor,
        entity="committee_decision",
        entity_id=row.id,
        action=kind,
        before=None,
        after=snapshot(row),
    )
    return row


def _approve(
    session: Session, system: AISystem, grid: Grid, decision: DecisionIn, approved_version: str | None
) -> list[UseCase]:
    if not decision.use_cases:
        raise RegistryError(
            "no_use_case", "An approval lists the use cases it covers: none was given.", status_code=422
        )
    slugs = sorted(set(decision.use_cases))
    cases = list(session.scalars(select(UseCase).where(UseCase.slug.in_(slugs))).all())
    unknown = sorted(set(slugs) - {c.slug for c in cases})
    if unknown:
        raise RegistryError("unknown_use_case", f"Unknown use case(s): {', '.join(unknown)}.", status_code=422)
    evaluation = evaluate_system(session, system, grid, slugs)
    if evaluation.blocking_open:
        names = "; ".join(f"{r.item.id} ({r.item.question})" for r in evaluation.blocking_open)
        raise RegistryError(
            "blocking_items_open",
            f"Approval refused: blocking item(s) of the compliance grid still open: {names}",
            status_code=409,
        )
    version = (approved_version or system.version or "").strip()
    if not version:
        raise RegistryError("no_version", "Approval needs the model version being approved.", status_code=422)
    return cases


def transition(
    session: Session,
    system: AISystem,
    to: str,
    *,
    grid: Grid,
    actor: str,
    decision: DecisionIn | None = None,
    approved_version: str | None = None,
) -> AISystem:
    """Move ``system`` to status ``to`` if the lifecycle and its guards allow it (RegistryError otherwise)."""
    if to not in allowed_targets(system.status):
        raise RegistryError(
            "invalid_transition",
            f"'{system.name}' cannot go from {system.status} to {to} "
            f"(possible: {', '.join(allowed_targets(system.status)) or 'none'}).",
            status_code=409,
        )
    kind = NEEDS_DECISION.get(to)
    if kind and decision is None:
        raise RegistryError(
            "committee_decision_required",
            f"'{to}' needs a recorded committee decision: who decided, when, and the minutes reference.",
            status_code=422,
        )
    before = snapshot(system)
    cases: list[UseCase] = []
    if to == "approved":
        assert decision is not None
        cases = _approve(session, system, grid, decision, approved_version)
        version = (approved_version or system.version).strip()
        system.version = version
        system.approved_version = version
        system.version_drift_at = None
    system.status = to
    system.updated_at = utcnow()
    if to == "approved":
        approved_ids = {c.id for c in cases}
        for uc in session.scalars(select(UseCase)).all():
            linked = any(link.ai_system_id == system.id for link in uc.systems)
            if uc.id in approved_ids and not linked:
                uc.systems.append(UseCaseSystem(ai_system_id=system.id))
            elif uc.id not in approved_ids and linked:
                uc.systems[:] = [link for link in uc.systems if link.ai_system_id != system.id]
    session.flush()
    if decision is not None:
        _record_decision(
            session,
            system,
            DECISION_KINDS.get(to, to),
            decision,
            actor=actor,
            approved_version=system.approved_version if to == "approved" else None,
        )
    session.refresh(system)
    after = snapshot(system)
    if to == "approved":
        after["approved_use_cases"] = sorted(c.slug for c in cases)
    record_change(
        session,
        actor=actor,
        entity="ai_system",
        entity_id=system.id,
        action=f"transition:{to}",
        before=before,
        after=after,
    )
    return system


def decisions_for(session: Session, system_id: int) -> list[CommitteeDecision]:
    """The committee decisions about a system, newest first."""
    rows = session.scalars(
        select(CommitteeDecision)
        .where(CommitteeDecision.ai_system_id == system_id)
        .order_by(CommitteeDecision.decided_at.desc(), CommitteeDecision.id.desc())
    ).all()
    return list(rows)
