"""ORM models of the registry domain: AI systems and use cases (the registry engineer extends them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from avec.db import Base, utcnow

SYSTEM_STATUSES = ("candidate", "under_evaluation", "approved", "suspended", "retired")
DEPLOYMENTS = ("on_premises", "hds_cloud", "other_cloud")
PROVIDERS = ("embedded", "openai_compatible")


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
