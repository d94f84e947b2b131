"""ORM models of the gateway: every interaction, and its contents stored encrypted apart.

The ``interactions`` row holds metadata only (who, what for, which system, timings, tokens, counts,
digests); contents live in ``interaction_contents``, AES-GCM encrypted with the organisation's data
key, so that they can be erased (retention, right to erasure) while the ledger keeps the digests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from avec.db import Base, utcnow

INTERACTION_STATUSES = ("completed", "refused", "failed", "streaming")
REVIEW_STATUSES = ("pending", "approved", "modified", "rejected", "escalated", "not_required")


class Interaction(Base):
    """One call to a language model through AVEC (API or web workspace)."""

    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"), nullable=True, index=True)
    api_key_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    channel: Mapped[str] = mapped_column(String(8), default="api")
    use_case_id: Mapped[int | None] = mapped_column(ForeignKey("use_cases.id"), nullable=True, index=True)
    use_case_slug: Mapped[str | None] = mapped_column(String(100), nullable=True)
    ai_system_id: Mapped[int | None] = mapped_column(ForeignKey("ai_systems.id"), nullable=True, index=True)
    model_requested: Mapped[str] = mapped_column(String(200), default="")
    model_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    provider: Mapped[str | None] = mapped_column(String(32), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="completed", index=True)
    error_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    stream: Mapped[bool] = mapped_column(Boolean, default=False)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms: Mapped[float | None] = mapped_column(nullable=True)
    upstream_ms: Mapped[float | None] = mapped_column(nullable=True)
    pseudonymized: Mapped[bool] = mapped_column(Boolean, default=False)
    replacements: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    conversation_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    prompt_digest: Mapped[str | None] = mapped_column(String(80), nullable=True)
    answer_digest: Mapped[str | None] = mapped_column(String(80), nullable=True)
    review_status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    ledger_index: Mapped[int | None] = mapped_column(Integer, nullable=True)


class InteractionContent(Base):
    """Encrypted contents of an interaction (original request, what was sent, restored answer)."""

    __tablename__ = "interaction_contents"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    original_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sent_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    upstream_answer_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    answer_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
