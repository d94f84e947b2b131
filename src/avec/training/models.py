"""ORM models of the training domain: quiz attempts and completions (the AI-literacy register)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from avec.db import Base, utcnow

ATTEMPT_STATUSES = ("open", "submitted", "abandoned")
COMPLETION_SOURCES = ("quiz", "external")


class TrainingAttempt(Base):
    """One quiz attempt: the questions and choices in the order served, then the answers and score."""

    __tablename__ = "training_attempts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    module_slug: Mapped[str] = mapped_column(String(100), index=True)
    module_version: Mapped[str] = mapped_column(String(20))
    module_digest: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="open")
    # [{"q": question id, "c": [choice ids in the order shown]}]
    served: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    answers: Mapped[dict[str, list[str]] | None] = mapped_column(JSON, nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    total: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool | None] = mapped_column(nullable=True)


class TrainingCompletion(Base):
    """A completed module (quiz passed in AVEC or external training recorded by an admin)."""

    __tablename__ = "training_completions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    module_slug: Mapped[str] = mapped_column(String(100), index=True)
    module_version: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(16))
    completed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    attempt_id: Mapped[str | None] = mapped_column(
        ForeignKey("training_attempts.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    score_percent: Mapped[int | None] = mapped_column(Integer, nullable=True)
    evidence: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    ledger_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
