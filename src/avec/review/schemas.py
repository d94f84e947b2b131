"""Pydantic schemas of the review domain (API input and output)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

DecisionKind = Literal["approve", "modify", "reject", "escalate"]
ReasonCode = Literal[
    "factual_error",
    "hallucination",
    "omission",
    "outdated",
    "bias",
    "unsafe",
    "irrelevant",
    "privacy",
    "other",
]
MAX_FINAL_CHARS = 100_000


class DecisionCreate(BaseModel):
    """A decision on one AI output."""

    decision: DecisionKind
    final_text: str | None = Field(
        default=None, max_length=MAX_FINAL_CHARS, description="required for 'modify'"
    )
    reason_codes: list[ReasonCode] = Field(
        default_factory=list, max_length=9, description="required for 'reject'"
    )
    comment: str | None = Field(default=None, max_length=2000, description="required with reason 'other'")
    escalate_to: str | None = Field(
        default=None, max_length=64, description="reviewer's username, for 'escalate'"
    )
    time_spent_seconds: float | None = Field(default=None, ge=0, le=86_400)
    time_saved_minutes: float | None = Field(default=None, ge=0, le=1_440)


class DecisionRead(BaseModel):
    """A recorded decision (no text: digests only)."""

    interaction: str
    step: int
    decision: DecisionKind
    review_status: str
    decided_by: str
    decided_at: dt.datetime
    reason_codes: list[str]
    escalated_to: str | None = None
    draft_digest: str | None = None
    final_digest: str | None = None
    time_spent_seconds: float | None = None
    time_saved_minutes: float | None = None
    ledger_index: int | None = None
    second_reading_drawn: bool = False


class ReviewItem(BaseModel):
    """One output in a review queue or in the history."""

    interaction: str
    created_at: dt.datetime
    age_seconds: int
    user: str
    service: str | None
    use_case: str | None
    channel: str
    review_status: str
    review_url: str


class SecondReadingCreate(BaseModel):
    """A blind second reader's verdict."""

    decision: Literal["approve", "modify", "reject"]
    reason_codes: list[ReasonCode] = Field(default_factory=list, max_length=9)


class AgreementStats(BaseModel):
    """Agreement between first and second readers."""

    completed: int
    agreeing: int
    agreeing_on_acceptance: int

    @property
    def rate(self) -> float | None:
        """Share of second readings with the same decision (None when there are none)."""
        return self.agreeing / self.completed if self.completed else None
