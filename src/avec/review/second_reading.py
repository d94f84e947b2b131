"""Blind second readings: a drawn share of decided outputs is read again by another reviewer.

The second reader sees the request and the draft, never the first decision (blind). Their verdict
is compared with the first one: ``agrees`` (same decision) and ``agrees_on_acceptance`` (both
accepted the output, approve or modify, or both rejected it).
"""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from avec.accounts.schemas import Principal
from avec.db import utcnow
from avec.gateway.models import Interaction
from avec.ledger import service as ledger_service
from avec.review.access import ReviewError
from avec.review.models import ReviewDecision, SecondReading
from avec.review.schemas import AgreementStats, SecondReadingCreate

ACCEPTING = frozenset({"approve", "modify"})


def _eligible(principal: Principal) -> None:
    if not principal.has_role("reviewer") or principal.service_id is None:
        raise ReviewError(403, "reviewer_required", "Second readings are done by the service's reviewers.")


def todo_for(session: Session, principal: Principal) -> list[tuple[SecondReading, Interaction]]:
    """Second readings this reviewer may do: their service, not their own output nor their own decision."""
    if not principal.has_role("reviewer") or principal.service_id is None:
        return []
    stmt = (
        select(SecondReading, Interaction)
        .join(Interaction, Interaction.id == SecondReading.interaction_id)
        .join(ReviewDecision, ReviewDecision.id == SecondReading.first_decision_id)
        .where(
            SecondReading.status == "todo",
            SecondReading.service_id == principal.service_id,
            Interaction.user_id != principal.user_id,
            ReviewDecision.decided_by != principal.user_id,
        )
        .order_by(SecondReading.drawn_at.asc())
    )
    return [(reading, interaction) for reading, interaction in session.execute(stmt)]


def get_for_reader(
    session: Session, principal: Principal, reading_id: int
) -> tuple[SecondReading, Interaction]:
    """A second reading this reviewer may do now (404 if not theirs to do, 409 if already done)."""
    _eligible(principal)
    reading = session.get(SecondReading, reading_id)
    if reading is not None and reading.status != "todo":
        raise ReviewError(409, "second_reading_done", "This second reading is already done.")
    for candidate, interaction in todo_for(session, principal):
        if reading is not None and candidate.id == reading.id:
            return candidate, interaction
    raise ReviewError(404, "second_reading_not_found", "No such second reading for you.")


def record(
    session: Session, *, principal: Principal, reading_id: int, data: SecondReadingCreate
) -> SecondReading:
    """Record a blind second reading, compare it with the first decision, and append it to the ledger."""
    reading, interaction = get_for_reader(session, principal, reading_id)
    first = session.get(ReviewDecision, reading.first_decision_id)
    assert first is not None
    if data.decision == "reject" and not data.reason_codes:
        raise ReviewError(422, "reason_required", "A rejection needs at least one reason code.")
    reading.status = "done"
    reading.reader_id = principal.user_id
    reading.decision = data.decision
    reading.reason_codes = list(dict.fromkeys(data.reason_codes))
    reading.completed_at = utcnow()
    reading.agrees = data.decision == first.decision
    reading.agrees_on_acceptance = (data.decision in ACCEPTING) == (first.decision in ACCEPTING)
    reading.ledger_index = ledger_service.append(
        session,
        event_type="review.second_reading",
        actor=principal.actor,
        subject={"interaction": interaction.public_id},
        data={
            "decision": data.decision,
            "reason_codes": reading.reason_codes,
            "first_decision": first.decision,
            "agrees": reading.agrees,
            "agrees_on_acceptance": reading.agrees_on_acceptance,
        },
        at=reading.completed_at,
    )
    session.flush()
    return reading


def agreement(session: Session, *, service_id: int | None = None) -> AgreementStats:
    """Agreement between first and second readers (one service, or the whole organisation)."""
    stmt = select(
        func.count(),
        func.coalesce(func.sum(case((SecondReading.agrees.is_(True), 1), else_=0)), 0),
        func.coalesce(func.sum(case((SecondReading.agrees_on_acceptance.is_(True), 1), else_=0)), 0),
    ).where(SecondReading.status == "done")
    if service_id is not None:
        stmt = stmt.where(SecondReading.service_id == service_id)
    completed, agreeing, on_acceptance = session.execute(stmt).one()
    return AgreementStats(
        completed=completed or 0, agreeing=int(agreeing or 0), agreeing_on_acceptance=int(on_acceptance or 0)
    )


def done_list(
    session: Session, principal: Principal, *, limit: int = 100
) -> list[tuple[SecondReading, Interaction, ReviewDecision]]:
    """Completed second readings with their first decision (quality: all; reviewers: their service)."""
    if not principal.has_role("quality", "reviewer"):
        raise ReviewError(
            403, "second_readings_forbidden", "Only reviewers and quality staff see second readings."
        )
    stmt = (
        select(SecondReading, Interaction, ReviewDecision)
        .join(Interaction, Interaction.id == SecondReading.interaction_id)
        .join(ReviewDecision, ReviewDecision.id == SecondReading.first_decision_id)
        .where(SecondReading.status == "done")
        .order_by(SecondReading.completed_at.desc())
        .limit(limit)
    )
    if not principal.has_role("quality"):
        stmt = stmt.where(SecondReading.service_id == principal.service_id)
    return [(r, i, d) for r, i, d in session.execute(stmt)]
