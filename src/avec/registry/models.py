"""ORM models of the registry domain: AI systems, use cases, compliance-grid answers, committee
decisions and the versioned history of every change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from avec.db import Base, utcnow

SYSTEM_STATUSES = ("candidate", "under_evaluation", "approved", "suspended", "retired")
DEPLOYMENTS = ("on_premises", "hds_cloud", "other_cloud")
PROVIDERS = ("embedded", "openai_compatible")
AI_ACT_CLASSES = ("unclassified", "prohibited", "high_risk", "transparency", "minimal")
DPIA_STATUSES = ("not_started", "in_progress", "done", "not_required")
DRIFT_ACTIONS = ("suspend", "flag")
RISK_LEVELS = ("low", "medium", "high")
DECISIONS = ("approve", "suspend", "retire")
# CHAI Applied Model Card sections kept on each system (free text, French first).
MODEL_CARD_SECTIONS = (
    "intended_use",
    "intended_users",
    "out_of_scope",
    "risks_and_biases",
    "performance_evidence",
    "maintenance",
)


class AISystem(Base):
    """An AI system of the organisation's inventory; ``slug`` is the model name clients use."""

    __tablename__ = "ai_systems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    vendor: Mapped[str] = mapped_column(String(200), default="")
    model: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[str] = mapped_column(String(100), default="")
    provider: Mapped[str] = mapped_column(String(32), default="embedded")
    base_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    upstream_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    deployment: Mapped[str] = mapped_column(String(32), default="on_premises")
    status: Mapped[str] = mapped_column(String(32), default="candidate")
    active_params_b: Mapped[float | None] = mapped_column(Float, nullable=True)
    total_params_b: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    # Hosting and certifications.
    hosting_country: Mapped[str] = mapped_column(String(2), default="FR")
    hosting_region: Mapped[str] = mapped_column(String(100), default="")
    hds_certified: Mapped[bool] = mapped_column(Boolean, default=False)
    medical_device: Mapped[bool] = mapped_column(Boolean, default=False)
    ce_marking: Mapped[str] = mapped_column(String(100), default="")
    mdr_class: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # AI Act classification (guided questions, see avec.registry.ai_act).
    ai_act_class: Mapped[str] = mapped_column(String(32), default="unclassified")
    ai_act_answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dpia_status: Mapped[str] = mapped_column(String(32), default="not_started")
    # Contract terms: data_retention_days, trains_on_customer_data, subprocessors, access_outside_eea.
    contract: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    model_card: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Energy parameters (active/total params above).
    hardware: Mapped[str] = mapped_column(String(200), default="")
    pue: Mapped[float | None] = mapped_column(Float, nullable=True)
    electricity_zone: Mapped[str] = mapped_column(String(16), default="FRA")
    # Version approved by the committee, last version reported by the provider, drift handling.
    approved_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reported_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    version_drift_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    drift_action: Mapped[str] = mapped_column(String(16), default="suspend")


class UseCase(Base):
    """A use case of the catalogue (discharge letter draft, record summary…)."""

    __tablename__ = "use_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    risk_level: Mapped[str] = mapped_column(String(16), default="medium")
    patient_data_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    clear_text_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    allowed_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    required_modules: Mapped[list[str]] = mapped_column(JSON, default=list)
    review_required: Mapped[bool] = mapped_column(Boolean, default=True)
    second_reading_share: Mapped[float] = mapped_column(Float, default=0.0)
    prompt_templates: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    patient_information: Mapped[str] = mapped_column(Text, default="")
    embedded_frame: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    systems: Mapped[list[UseCaseSystem]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", back_populates="use_case"
    )


class UseCaseSystem(Base):
    """An AI system allowed (approved) for a use case."""

    __tablename__ = "use_case_systems"

    use_case_id: Mapped[int] = mapped_column(ForeignKey("use_cases.id", ondelete="CASCADE"), primary_key=True)
    ai_system_id: Mapped[int] = mapped_column(ForeignKey("ai_systems.id", ondelete="CASCADE"), primary_key=True)

    use_case: Mapped[UseCase] = relationship(back_populates="systems")
    ai_system: Mapped[AISystem] = relationship(lazy="joined")


class GridAnswer(Base):
    """The committee's answer to one compliance-grid item for one system, with its evidence."""

    __tablename__ = "grid_answers"
    __table_args__ = (UniqueConstraint("ai_system_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ai_system_id: Mapped[int] = mapped_column(ForeignKey("ai_systems.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(64))
    grid_version: Mapped[str] = mapped_column(String(300), default="")
    answer: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    evidence_url: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    evidence_file: Mapped[str | None] = mapped_column(String(300), nullable=True)
    evidence_name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    evidence_sha256: Mapped[str | None] = mapped_column(String(80), nullable=True)
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CommitteeDecision(Base):
    """A recorded decision of the AI steering committee (who, when, minutes reference)."""

    __tablename__ = "committee_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ai_system_id: Mapped[int] = mapped_column(ForeignKey("ai_systems.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    members: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    minutes_ref: Mapped[str] = mapped_column(String(200))
    use_case_slugs: Mapped[list[str]] = mapped_column(JSON, default=list)
    approved_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    rationale: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RegistryChange(Base):
    """One versioned change of the registry: full before/after JSON and the ledger index."""

    __tablename__ = "registry_changes"
    __table_args__ = (Index("ix_registry_changes_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    ledger_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
