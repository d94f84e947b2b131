"""Review service: decisions on AI outputs, with their ledger entries and the second-reading draw.

Plain functions taking the session; they never commit (the HTTP/CLI boundary does), so a decision,
the interaction's new status and the ledger entry commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from avec.accounts.models import User
from avec.accounts.schemas import Principal
from avec.db import utcnow
from avec.gateway.models import Interaction
from avec.ledger import service as ledger_service
from avec.ledger.canonical import sha256_text
from avec.registry.models import UseCase
from avec.review.access import ReviewError, deciding_step, find_visible
from avec.review.models import FINAL_DECISIONS, REVIEW_STATUS_FOR, ReviewDecision, SecondReading
from avec.review.schemas import DecisionCreate
from avec.review.texts import output_texts, seal, unified_diff, unseal

__all__ = [
    "REVIEW_STATUS_FOR",
    "ReviewError",
    "decide",
    "decision_of",
    "final_text",
    "home_summary",
    "as_utc",
]

_system_random = random.SystemRandom()


def as_utc(value: dt.datetime) -> dt.datetime:
    """A stored time as aware UTC (SQLite gives naive datetimes back)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _whole(value: float | None) -> int | None:
    """Whole units for the ledger (it stores integers, not floats)."""
    return None if value is None else round(value)


def _validate(data: DecisionCreate, draft: str, step: int) -> str | None:
    """Check the decision's fields; returns the final text (None for reject/escalate)."""
    if data.decision == "approve":
        return draft
    if data.decision == "modify":
        final = (data.final_text or "").strip()
        if not final:
            raise ReviewError(
                422, "final_text_required", "A 'modify' decision needs the corrected final text."
            )
        if final == draft.strip():
            raise ReviewError(
                422, "final_text_unchanged", "The final text is identical to the draft: choose 'approve'."
            )
        return final
    if data.decision == "reject":
        if not data.reason_codes:
            raise ReviewError(422, "reason_required", "A rejection needs at least one reason code.")
        if "other" in data.reason_codes and not (data.comment or "").strip():
            raise ReviewError(422, "comment_required", "The reason 'other' needs a short explanation.")
        return None
    if step != 1:
        raise ReviewError(409, "already_escalated", "This output was already escalated once; decide on it.")
    return None


def _escalation_target(session: Session, principal: Principal, username: str | None) -> User:
    target = session.scalar(select(User).where(User.username == (username or "").strip()))
    if target is None or not target.is_active or not target.has_role("reviewer"):
        raise ReviewError(422, "unknown_reviewer", "Escalation needs the username of an active reviewer.")
    if target.id == principal.user_id:
        raise ReviewError(422, "self_escalation", "You cannot escalate an output to yourself.")
    return target


def _time_spent(data: DecisionCreate, interaction: Interaction, now: dt.datetime) -> float | None:
    if data.time_spent_seconds is not None:
        return round(data.time_spent_seconds, 1)
    if interaction.completed_at is None:
        return None
    return round(min((now - as_utc(interaction.completed_at)).total_seconds(), 86_400.0), 1)


def _draw_second_reading(
    session: Session, interaction: Interaction, decision: ReviewDecision, rng: random.Random
) -> SecondReading | None:
    """Draw this decided output for a blind second reading with the use case's configured share."""
    use_case = session.get(UseCase, interaction.use_case_id) if interaction.use_case_id else None
    share = float(use_case.second_reading_share) if use_case is not None else 0.0
    if share <= 0 or rng.random() >= share:
        return None
    reading = SecondReading(
        interaction_id=interaction.id,
        first_decision_id=decision.id,
        service_id=interaction.service_id,
        share=share,
        status="todo",
        reason_codes=[],
    )
    session.add(reading)
    session.flush()
    return reading


def decide(
    session: Session,
    *,
    principal: Principal,
    public_id: str,
    data: DecisionCreate,
    data_key: bytes,
    channel: str = "web",
    rng: random.Random | None = None,
) -> tuple[ReviewDecision, SecondReading | None]:
    """Record ``principal``'s decision on output ``public_id`` with its ledger entry.

    Refused (ReviewError, nothing changed) when the output is not visible to them, not theirs to
    decide, already decided, or the decision's fields are incomplete.
    """
    interaction = find_visible(session, principal, public_id)
    step = deciding_step(session, principal, interaction)
    texts = output_texts(session, interaction, data_key)
    if texts.draft is None:
        raise ReviewError(
            409, "no_draft", "The draft of this output is not available (erased); it cannot be decided."
        )
    final = _validate(data, texts.draft, step)
    target = _escalation_target(session, principal, data.escalate_to) if data.decision == "escalate" else None
    now = utcnow()
    comment = (data.comment or "").strip() or None
    diff = unified_diff(texts.draft, final) if data.decision == "modify" and final is not None else None
    row = ReviewDecision(
        interaction_id=interaction.id,
        step=step,
        decision=data.decision,
        decided_by=principal.user_id,
        decided_at=now,
        reason_codes=list(dict.fromkeys(data.reason_codes)),
        comment_enc=seal(data_key, comment, interaction.id, step, "comment"),
        escalated_to=target.id if target else None,
        final_enc=seal(data_key, final, interaction.id, step, "final"),
        diff_enc=seal(data_key, diff, interaction.id, step, "diff"),
        draft_digest=sha256_text(texts.draft),
        final_digest=sha256_text(final) if final is not None else None,
        time_spent_seconds=_time_spent(data, interaction, now),
        time_saved_minutes=data.time_saved_minutes,
        edit_distance=Levenshtein.distance(texts.draft, final) if diff is not None and final is not None else None,
        channel=channel,
    )
    try:
        with session.begin_nested():  # a concurrent decision at the same step loses on the unique key
            session.add(row)
            session.flush()
    except IntegrityError:
        raise ReviewError(
            409, "already_decided", "A decision was already recorded; it cannot be changed."
        ) from None
    interaction.review_status = REVIEW_STATUS_FOR[data.decision]
    digests = {"draft": row.draft_digest or ""}
    if row.final_digest:
        digests["final"] = row.final_digest
    reading = None
    if data.decision in FINAL_DECISIONS:
        reading = _draw_second_reading(session, interaction, row, rng or _system_random)
    row.ledger_index = ledger_service.append(
        session,
        event_type="review.decision",
        actor=principal.actor,
        subject={"interaction": interaction.public_id},
        digests=digests,
        data={
            "decision": data.decision,
            "step": step,
            "channel": channel,
            "reason_codes": row.reason_codes,
            "escalated_to": f"user:{target.id}" if target else None,
            "time_spent_seconds": _whole(row.time_spent_seconds),
            "time_saved_minutes": _whole(row.time_saved_minutes),
            "second_reading_drawn": reading is not None,
        },
        at=now,
    )
    session.flush()
    return row, reading


def decisions_of(session: Session, interaction: Interaction) -> list[ReviewDecision]:
    """The decisions on an output, in order."""
    return list(
        session.scalars(
            select(ReviewDecision)
            .where(ReviewDecision.interaction_id == interaction.id)
            .order_by(ReviewDecision.step)
        )
    )


def decision_of(session: Session, interaction: Interaction) -> ReviewDecision | None:
    """The final (approve/modify/reject) decision on an output, if any."""
    for row in reversed(decisions_of(session, interaction)):
        if row.decision in FINAL_DECISIONS:
            return row
    return None


def final_text(session: Session, *, principal: Principal, public_id: str, data_key: bytes) -> str:
    """The approved or corrected text, for copy/export; refused before a decision or after a rejection."""
    interaction = find_visible(session, principal, public_id)
    decision = decision_of(session, interaction)
    if decision is None:
        raise ReviewError(
            409,
            "not_decided",
            "This AI output is still a draft: approve or modify it before copying or exporting the text.",
        )
    if decision.decision == "reject":
        raise ReviewError(409, "rejected", "This AI output was rejected: it cannot be copied or exported.")
    text = unseal(data_key, decision, "final")
    if text is None:
        raise ReviewError(410, "erased", "The final text was erased (retention period).")
    return text


@dataclass
class HomeSummary:
    """Figures shown on the home page."""

    own_pending: int = 0
    service_pending: int = 0
    escalated_to_me: int = 0
    second_readings_todo: int = 0
    agreement_count: int = 0
    agreement_rate_text: str = ""


def home_summary(session: Session, principal: Principal) -> HomeSummary:
    """Counts for the home page of ``principal``'s roles."""
    from avec.review import queues, second_reading

    summary = HomeSummary()
    summary.own_pending = (
        session.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(
                Interaction.user_id == principal.user_id,
                Interaction.status == "completed",
                Interaction.review_status == "pending",
            )
        )
        or 0
    )
    if principal.has_role("reviewer", "quality") and principal.service_id is not None:
        summary.service_pending = queues.count_service_pending(session, principal.service_id)
    if principal.has_role("reviewer"):
        summary.escalated_to_me = queues.count_escalated_to(session, principal.user_id)
        summary.second_readings_todo = len(second_reading.todo_for(session, principal))
    if principal.has_role("quality", "reviewer"):
        stats = second_reading.agreement(
            session, service_id=None if principal.has_role("quality") else principal.service_id
        )
        summary.agreement_count = stats.completed
        if stats.rate is not None:
            summary.agreement_rate_text = f"{round(stats.rate * 100)} %"
    return summary
