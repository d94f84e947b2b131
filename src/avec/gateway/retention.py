"""Erasure of interaction contents (retention limit, right to erasure) without breaking the ledger.

The encrypted contents (request, what was sent, what came back, answer, and the review's final
text, diff and comment) are cleared; the interaction row keeps its metadata and digests, and an
``erasure`` ledger entry records what was purged, in the same transaction, so that verification
reports these contents as erased, not as tampered.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.gateway.models import Interaction, InteractionContent
from avec.ledger import service as ledger_service
from avec.review.models import ReviewDecision

CONTENT_FIELDS = ("original_enc", "sent_enc", "upstream_answer_enc", "answer_enc")
REVIEW_FIELDS = ("final_enc", "diff_enc", "comment_enc")
REASONS = ("retention", "request")


class ErasureError(ValueError):
    """The erasure cannot be done as asked."""


def erase_interaction(session: Session, interaction: Interaction, *, reason: str, actor: str) -> bool:
    """Clear one interaction's contents; returns False if they were already erased."""
    if reason not in REASONS:
        raise ErasureError(f"unknown reason {reason!r}: use one of {', '.join(REASONS)}")
    content = session.get(InteractionContent, interaction.id)
    if content is None or content.erased_at is not None:
        return False
    for name in CONTENT_FIELDS:
        setattr(content, name, None)
    content.erased_at = utcnow()
    for decision in session.scalars(select(ReviewDecision).where(ReviewDecision.interaction_id == interaction.id)):
        for name in REVIEW_FIELDS:
            setattr(decision, name, None)
    ledger_service.record_erasure(
        session, subject={"interaction": interaction.public_id}, reason=reason, actor=actor,
        fields=["answer", "answer_received", "prompt", "prompt_sent", "review_texts"],
    )
    return True


def erase_by_public_id(session: Session, public_id: str, *, reason: str, actor: str) -> bool:
    """Erase the contents of the interaction ``public_id`` (ErasureError if unknown)."""
    row = session.scalar(select(Interaction).where(Interaction.public_id == public_id))
    if row is None:
        raise ErasureError(f"no interaction {public_id!r}")
    return erase_interaction(session, row, reason=reason, actor=actor)


def purge_older_than(session: Session, days: int, *, actor: str, now: dt.datetime | None = None,
                     limit: int = 10_000) -> int:
    """Erase the contents of interactions created more than ``days`` ago; returns how many."""
    if days < 1:
        raise ErasureError("the retention period must be at least one day")
    cutoff = (now or utcnow()) - dt.timedelta(days=days)
    rows = session.scalars(
        select(Interaction)
        .join(InteractionContent, InteractionContent.interaction_id == Interaction.id)
        .where(Interaction.created_at < cutoff, InteractionContent.erased_at.is_(None))
        .order_by(Interaction.id)
        .limit(limit)
    ).all()
    return sum(erase_interaction(session, row, reason="retention", actor=actor) for row in rows)
