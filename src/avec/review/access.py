"""Who may see and decide on an AI output (history visibility rules of issue 5).

- the professional who made the request sees it and makes the first decision;
- reviewers and quality staff see their service's outputs (not other services');
- the reviewer an output was escalated to sees it and makes the decision after escalation;
- nobody else sees contents (DPO and admin work on metadata, ledger and registry only).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.schemas import Principal
from avec.gateway.models import Interaction
from avec.review.models import ReviewDecision

SERVICE_READERS: tuple[str, ...] = ("reviewer", "quality")


class ReviewError(Exception):
    """A review action that is refused; ``status_code`` and ``code`` say why."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message


def escalation_of(session: Session, interaction: Interaction) -> ReviewDecision | None:
    """The escalation decision of an output, if it was escalated."""
    return session.scalar(
        select(ReviewDecision).where(
            ReviewDecision.interaction_id == interaction.id, ReviewDecision.decision == "escalate"
        )
    )


def can_view(session: Session, principal: Principal, interaction: Interaction) -> bool:
    """True if ``principal`` may read this output's contents."""
    if interaction.user_id == principal.user_id:
        return True
    if (
        principal.has_role(*SERVICE_READERS)
        and principal.service_id is not None
        and interaction.service_id == principal.service_id
    ):
        return True
    escalation = escalation_of(session, interaction)
    return escalation is not None and escalation.escalated_to == principal.user_id


def find_visible(session: Session, principal: Principal, public_id: str) -> Interaction:
    """The output ``public_id`` if ``principal`` may see it; 404 otherwise (existence is not revealed)."""
    interaction = session.scalar(select(Interaction).where(Interaction.public_id == public_id))
    if interaction is None or not can_view(session, principal, interaction):
        raise ReviewError(404, "interaction_not_found", "No such interaction, or it is not visible to you.")
    return interaction


def deciding_step(session: Session, principal: Principal, interaction: Interaction) -> int:
    """The decision step ``principal`` may take now (1 or 2), or raise why they may not."""
    if interaction.status != "completed":
        raise ReviewError(409, "no_output", "This interaction has no completed output to decide on.")
    status = interaction.review_status
    if status == "pending":
        if interaction.user_id != principal.user_id:
            raise ReviewError(
                403,
                "not_your_interaction",
                "Only the professional who made this request can decide on it "
                "(or the reviewer it is escalated to).",
            )
        return 1
    if status == "escalated":
        escalation = escalation_of(session, interaction)
        if escalation is None or escalation.escalated_to != principal.user_id:
            raise ReviewError(403, "not_escalated_to_you", "This output was escalated to another reviewer.")
        return 2
    raise ReviewError(
        409, "already_decided", f"A decision was already recorded ({status}); it cannot be changed."
    )
