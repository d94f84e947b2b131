"""Review queues and history: what is pending (and for how long), and who may list what.

Lists carry metadata only (no texts); the texts are read one output at a time through
``access.find_visible``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from avec.accounts.models import Service, User
from avec.accounts.schemas import Principal
from avec.db import utcnow
from avec.gateway.models import Interaction
from avec.review.access import SERVICE_READERS, ReviewError
from avec.review.models import ReviewDecision
from avec.review.service import as_utc

Scope = Literal["mine", "service", "escalated"]
SCOPES: tuple[str, ...] = ("mine", "service", "escalated")
OPEN_STATUSES: tuple[str, ...] = ("pending", "escalated")


@dataclass(frozen=True)
class QueueEntry:
    """One output in a list."""

    public_id: str
    created_at: dt.datetime
    created_at_iso: str
    age_seconds: int
    username: str
    service: str | None
    use_case: str | None
    channel: str
    review_status: str

    @property
    def age_text(self) -> str:
        """Age in plain units (``3 min``, ``2 h``, ``4 j``)."""
        s = self.age_seconds
        if s < 3600:
            return f"{max(s // 60, 0)} min"
        if s < 86400:
            return f"{s // 3600} h"
        return f"{s // 86400} j"


def _base() -> Select[Interaction, str, str]:
    return (
        select(Interaction, User.username, Service.code)
        .join(User, User.id == Interaction.user_id)
        .outerjoin(Service, Service.id == Interaction.service_id)
        .where(Interaction.status == "completed")
    )


def _entries(session: Session, stmt: Select[Interaction, str, str]) -> list[QueueEntry]:
    now = utcnow()
    out: list[QueueEntry] = []
    for interaction, username, service in session.execute(stmt):
        created = as_utc(interaction.created_at)
        out.append(
            QueueEntry(
                public_id=interaction.public_id,
                created_at=created,
                created_at_iso=created.isoformat(timespec="seconds"),
                age_seconds=int((now - created).total_seconds()),
                username=username,
                service=service,
                use_case=interaction.use_case_slug,
                channel=interaction.channel,
                review_status=interaction.review_status,
            )
        )
    return out


def _escalated_ids(user_id: int) -> Select[int]:
    return select(ReviewDecision.interaction_id).where(
        ReviewDecision.decision == "escalate", ReviewDecision.escalated_to == user_id
    )


def check_scope(principal: Principal, scope: str) -> None:
    """Refuse a list the person's roles do not open (403)."""
    if scope not in SCOPES:
        raise ReviewError(422, "unknown_scope", f"Unknown scope {scope!r}; expected one of {', '.join(SCOPES)}.")
    if scope == "service" and (not principal.has_role(*SERVICE_READERS) or principal.service_id is None):
        raise ReviewError(
            403, "service_scope_forbidden", "Only reviewers and quality staff see their service's outputs."
        )
    if scope == "escalated" and not principal.has_role("reviewer"):
        raise ReviewError(403, "escalated_scope_forbidden", "Only reviewers receive escalated outputs.")


def pending(session: Session, principal: Principal, scope: str, *, limit: int = 200) -> list[QueueEntry]:
    """Outputs still waiting for a decision, oldest first, in ``scope`` (mine / service / escalated)."""
    check_scope(principal, scope)
    stmt = _base().where(Interaction.review_status.in_(OPEN_STATUSES))
    if scope == "mine":
        stmt = stmt.where(Interaction.user_id == principal.user_id)
    elif scope == "service":
        stmt = stmt.where(Interaction.service_id == principal.service_id)
    else:
        stmt = stmt.where(
            Interaction.review_status == "escalated", Interaction.id.in_(_escalated_ids(principal.user_id))
        )
    return _entries(session, stmt.order_by(Interaction.created_at.asc()).limit(limit))


def history(session: Session, principal: Principal, scope: str, *, limit: int = 200) -> list[QueueEntry]:
    """Past outputs, newest first: one's own, or one's service's for reviewers and quality staff."""
    check_scope(principal, scope)
    stmt = _base()
    if scope == "mine":
        stmt = stmt.where(Interaction.user_id == principal.user_id)
    elif scope == "service":
        stmt = stmt.where(Interaction.service_id == principal.service_id)
    else:
        stmt = stmt.where(Interaction.id.in_(_escalated_ids(principal.user_id)))
    return _entries(session, stmt.order_by(Interaction.created_at.desc()).limit(limit))


def count_service_pending(session: Session, service_id: int) -> int:
    """Number of outputs of a service waiting for a decision."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(
                Interaction.service_id == service_id,
                Interaction.status == "completed",
                Interaction.review_status.in_(OPEN_STATUSES),
            )
        )
        or 0
    )


def count_escalated_to(session: Session, user_id: int) -> int:
    """Number of outputs escalated to this reviewer and not yet decided."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(Interaction.review_status == "escalated", Interaction.id.in_(_escalated_ids(user_id)))
        )
        or 0
    )


def pending_for_operators(session: Session, service_id: int | None = None, *, limit: int = 1000) -> list[QueueEntry]:
    """Pending outputs (metadata only) of one service or of all, oldest first: for the CLI and reports."""
    stmt = _base().where(Interaction.review_status.in_(OPEN_STATUSES))
    if service_id is not None:
        stmt = stmt.where(Interaction.service_id == service_id)
    return _entries(session, stmt.order_by(Interaction.created_at.asc()).limit(limit))
