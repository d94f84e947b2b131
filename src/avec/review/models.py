"""ORM models of the review domain: decisions on AI outputs and blind second readings.

The queue itself is ``interactions.review_status`` (``pending`` / ``escalated``): every output,
from the workspace or the API, lands there. A decision row is never updated: a first decision is
step 1; after an escalation the named reviewer's decision is step 2; the unique constraint on
``(interaction_id, step)`` makes a second decision at the same step impossible, even under races.
Texts that may hold identifiers (final text, diff, comment) are AES-GCM encrypted with the data key.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from avec.db import Base, utcnow

DECISIONS: tuple[str, ...] = ("approve", "modify", "reject", "escalate")
FINAL_DECISIONS: tuple[str, ...] = ("approve", "modify", "reject")
REVIEW_STATUS_FOR = {
    "approve": "approved",
    "modify": "modified",
    "reject": "rejected",
    "escalate": "escalated",
}
REJECT_REASONS: tuple[str, ...] = (
    "factual_error",
    "hallucination",
    "omission",
    "outdated",
    "bias",
    "unsafe",
    "irrelevant",
    "privacy",
    "other",
)


class ReviewDecision(Base):
    """One person's decision on one AI output (append-only)."""

    __tablename__ = "review_decisions"
    __table_args__ = (
        UniqueConstraint("interaction_id", "step", name="uq_review_decisions_interaction_step"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), index=True)
    step: Mapped[int] = mapped_column(Integer, default=1)
    decision: Mapped[str] = mapped_column(String(16))
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    comment_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    escalated_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    final_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    diff_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    draft_digest: Mapped[str | None] = mapped_column(String(80), nullable=True)
    final_digest: Mapped[str | None] = mapped_column(String(80), nullable=True)
    time_spent_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    time_saved_minutes: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Characters inserted, deleted or substituted from draft to final text (Levenshtein), for "modify".
    edit_distance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    channel: Mapped[str] = mapped_column(String(8), default="web")
    ledger_index: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SecondReading(Base):
    """A decided output drawn at random for a blind second reading by a reviewer."""

    __tablename__ = "second_readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), unique=True
    )
    first_decision_id: Mapped[int] = mapped_column(ForeignKey("review_decisions.id"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"), nullable=True, index=True)
    drawn_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    share: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(16), default="todo", index=True)
    reader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    decision: Mapped[str | None] = mapped_column(String(16), nullable=True)
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    agrees: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    agrees_on_acceptance: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    ledger_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
