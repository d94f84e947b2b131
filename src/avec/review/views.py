"""What the review pages show about one output, computed from the rules in ``access`` (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.models import User
from avec.accounts.schemas import Principal
from avec.gateway.models import Interaction
from avec.registry.models import AISystem, UseCase
from avec.review.access import ReviewError, deciding_step, find_visible
from avec.review.models import ReviewDecision, SecondReading
from avec.review.service import as_utc, decisions_of
from avec.review.texts import OutputTexts, output_texts, unseal, word_diff


@dataclass
class DecisionView:
    """A recorded decision as shown on the page."""

    step: int
    decision: str
    decided_by: str
    decided_at: str
    reason_codes: list[str]
    comment: str | None
    escalated_to: str | None
    final: str | None
    diff: list[tuple[str, str]]
    time_spent_seconds: float | None
    time_saved_minutes: float | None


@dataclass
class InteractionView:
    """Everything the interaction page needs."""

    interaction: Interaction
    owner: str
    use_case_title: str
    system_name: str
    created_at: str
    texts: OutputTexts
    decisions: list[DecisionView] = field(default_factory=list)
    decisions_hidden: bool = False
    can_decide: bool = False
    decide_step: int | None = None
    final_text: str | None = None
    second_reading: SecondReading | None = None
    escalation_targets: list[tuple[str, str]] = field(default_factory=list)


def _username(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.username).where(User.id == user_id))


def escalation_targets(session: Session, principal: Principal) -> list[tuple[str, str]]:
    """Reviewers one may escalate to: active reviewers of one's service (else all), not oneself."""
    users = [
        u for u in session.scalars(select(User).where(User.is_active.is_(True))) if u.has_role("reviewer")
    ]
    same = [u for u in users if principal.service_id is not None and u.service_id == principal.service_id]
    chosen = same or users
    return sorted((u.username, u.display_name or u.username) for u in chosen if u.id != principal.user_id)


def blind_for(
    session: Session, principal: Principal, reading: SecondReading | None, interaction: Interaction
) -> bool:
    """True if ``principal`` may still do this blind second reading (so must not see the first decision)."""
    if reading is None or reading.status != "todo" or not principal.has_role("reviewer"):
        return False
    first = session.get(ReviewDecision, reading.first_decision_id)
    return (
        principal.service_id == reading.service_id
        and interaction.user_id != principal.user_id
        and first is not None
        and first.decided_by != principal.user_id
    )


def _decision_view(session: Session, row: ReviewDecision, draft: str | None, data_key: bytes) -> DecisionView:
    final = unseal(data_key, row, "final")
    return DecisionView(
        step=row.step,
        decision=row.decision,
        decided_by=_username(session, row.decided_by) or "?",
        decided_at=as_utc(row.decided_at).isoformat(timespec="minutes"),
        reason_codes=list(row.reason_codes or []),
        comment=unseal(data_key, row, "comment"),
        escalated_to=_username(session, row.escalated_to),
        final=final,
        diff=word_diff(draft, final) if row.decision == "modify" and draft and final else [],
        time_spent_seconds=row.time_spent_seconds,
        time_saved_minutes=row.time_saved_minutes,
    )


def interaction_view(
    session: Session, principal: Principal, public_id: str, data_key: bytes
) -> InteractionView:
    """The interaction page's content for ``principal`` (404 ReviewError if they may not see it)."""
    interaction = find_visible(session, principal, public_id)
    use_case = session.get(UseCase, interaction.use_case_id) if interaction.use_case_id else None
    system = session.get(AISystem, interaction.ai_system_id) if interaction.ai_system_id else None
    texts = output_texts(session, interaction, data_key)
    view = InteractionView(
        interaction=interaction,
        owner=_username(session, interaction.user_id) or "?",
        use_case_title=use_case.title if use_case else (interaction.use_case_slug or "—"),
        system_name=system.name if system else interaction.model_requested,
        created_at=as_utc(interaction.created_at).isoformat(timespec="minutes"),
        texts=texts,
    )
    view.second_reading = session.scalar(
        select(SecondReading).where(SecondReading.interaction_id == interaction.id)
    )
    view.decisions_hidden = blind_for(session, principal, view.second_reading, interaction)
    if not view.decisions_hidden:
        view.decisions = [
            _decision_view(session, row, texts.draft, data_key) for row in decisions_of(session, interaction)
        ]
    try:
        view.decide_step = deciding_step(session, principal, interaction)
        view.can_decide = texts.draft is not None
    except ReviewError:
        view.can_decide = False
    final = next((d for d in reversed(view.decisions) if d.decision in ("approve", "modify")), None)
    view.final_text = final.final if final else None
    if view.can_decide and view.decide_step == 1:
        view.escalation_targets = escalation_targets(session, principal)
    return view
