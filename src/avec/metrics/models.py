"""ORM models of the metrics domain: per-call footprint, daily rollups, alerts, demo batches.

The daily rollup tables (``metrics_daily*``) are derived data: they are rebuilt from the
interactions (and review decisions) for every day marked dirty in ``metrics_dirty_days``, so the
dashboards read a few thousand rows instead of scanning millions of interactions. Dimension columns
of the rollups use 0 / "" for "none" so that the unique keys work the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from avec.db import Base, utcnow


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class (for bulk inserts that skip the ORM's unit of work)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class InteractionFootprint(Base):
    """Environmental footprint of one interaction, with the methodology and the factors used."""

    __tablename__ = "metrics_footprints"

    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True)
    method: Mapped[str] = mapped_column(String(32))  # "ecologits" | "unavailable"
    methodology_version: Mapped[str] = mapped_column(String(32), default="")
    electricity_zone: Mapped[str] = mapped_column(String(8), default="")
    pue: Mapped[float | None] = mapped_column(Float, nullable=True)
    wue: Mapped[float | None] = mapped_column(Float, nullable=True)
    active_params_b: Mapped[float | None] = mapped_column(Float, nullable=True)
    total_params_b: Mapped[float | None] = mapped_column(Float, nullable=True)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
    latency_s: Mapped[float] = mapped_column(Float, default=0.0)
    energy_kwh: Mapped[float | None] = mapped_column(Float, nullable=True)
    gwp_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    pe_mj: Mapped[float | None] = mapped_column(Float, nullable=True)
    wcf_l: Mapped[float | None] = mapped_column(Float, nullable=True)
    adpe_kgsbeq: Mapped[float | None] = mapped_column(Float, nullable=True)
    cpu_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    cpu_watts: Mapped[float | None] = mapped_column(Float, nullable=True)
    measured_energy_kwh: Mapped[float | None] = mapped_column(Float, nullable=True)
    measured_gwp_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    factors: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(String(200), default="")


class DailyRollup(Base):
    """Counts and sums of the interactions of one local day, service, use case, AI system, model version."""

    __tablename__ = "metrics_daily"
    __table_args__ = (
        UniqueConstraint(
            "day", "service_id", "use_case_id", "ai_system_id", "model_version", name="uq_metrics_daily_key"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    service_id: Mapped[int] = mapped_column(Integer, default=0)
    use_case_id: Mapped[int] = mapped_column(Integer, default=0)
    ai_system_id: Mapped[int] = mapped_column(Integer, default=0)
    model_version: Mapped[str] = mapped_column(String(200), default="")
    interactions: Mapped[int] = mapped_column(Integer, default=0)
    completed: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    api_interactions: Mapped[int] = mapped_column(Integer, default=0)
    api_completed: Mapped[int] = mapped_column(Integer, default=0)
    api_never_reviewed: Mapped[int] = mapped_column(Integer, default=0)
    approved: Mapped[int] = mapped_column(Integer, default=0)
    modified: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    escalated: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[int] = mapped_column(Integer, default=0)
    not_required: Mapped[int] = mapped_column(Integer, default=0)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms_sum: Mapped[float] = mapped_column(Float, default=0.0)
    latency_n: Mapped[int] = mapped_column(Integer, default=0)
    footprint_n: Mapped[int] = mapped_column(Integer, default=0)
    energy_kwh: Mapped[float] = mapped_column(Float, default=0.0)
    gwp_kg: Mapped[float] = mapped_column(Float, default=0.0)
    pe_mj: Mapped[float] = mapped_column(Float, default=0.0)
    wcf_l: Mapped[float] = mapped_column(Float, default=0.0)
    measured_n: Mapped[int] = mapped_column(Integer, default=0)
    measured_energy_kwh: Mapped[float] = mapped_column(Float, default=0.0)
    decisions_n: Mapped[int] = mapped_column(Integer, default=0)
    decision_seconds_sum: Mapped[float] = mapped_column(Float, default=0.0)
    edit_n: Mapped[int] = mapped_column(Integer, default=0)
    edit_distance_sum: Mapped[float] = mapped_column(Float, default=0.0)
    time_saved_n: Mapped[int] = mapped_column(Integer, default=0)
    time_saved_seconds_sum: Mapped[float] = mapped_column(Float, default=0.0)
    second_readings_n: Mapped[int] = mapped_column(Integer, default=0)
    second_agree_n: Mapped[int] = mapped_column(Integer, default=0)


class DailyCodeRollup(Base):
    """Policy refusal codes (``kind="refusal"``) and rejection reasons (``kind="rejection"``) by day."""

    __tablename__ = "metrics_daily_codes"
    __table_args__ = (
        UniqueConstraint(
            "day",
            "service_id",
            "use_case_id",
            "ai_system_id",
            "kind",
            "code",
            name="uq_metrics_daily_codes_key",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    service_id: Mapped[int] = mapped_column(Integer, default=0)
    use_case_id: Mapped[int] = mapped_column(Integer, default=0)
    ai_system_id: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(64))
    n: Mapped[int] = mapped_column(Integer, default=0)


class DailyUser(Base):
    """One user active on one local day for one combination of dimensions (distinct users)."""

    __tablename__ = "metrics_daily_users"
    __table_args__ = (
        UniqueConstraint(
            "day", "user_id", "service_id", "use_case_id", "ai_system_id", name="uq_metrics_daily_users_key"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    user_id: Mapped[int] = mapped_column(Integer)
    service_id: Mapped[int] = mapped_column(Integer, default=0)
    use_case_id: Mapped[int] = mapped_column(Integer, default=0)
    ai_system_id: Mapped[int] = mapped_column(Integer, default=0)


class DailyActiveUser(Base):
    """One user active on one local day in one service: the compact table behind user counts."""

    __tablename__ = "metrics_daily_active"
    __table_args__ = (UniqueConstraint("day", "user_id", "service_id", name="uq_metrics_daily_active_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    week: Mapped[dt.date] = mapped_column(Date)  # Monday of the day's ISO week, to count weekly users fast
    user_id: Mapped[int] = mapped_column(Integer)
    service_id: Mapped[int] = mapped_column(Integer, default=0)


class DirtyDay(Base):
    """A local day whose rollup must be recomputed (append-only marks, drained by the refresh)."""

    __tablename__ = "metrics_dirty_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)


class MetricsAlert(Base):
    """A series that went out of control (p-chart) or shifted after an AI system version change."""

    __tablename__ = "metrics_alerts"
    __table_args__ = (
        UniqueConstraint("kind", "metric", "scope", "scope_id", "period_start", name="uq_metrics_alerts_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    kind: Mapped[str] = mapped_column(String(32))  # spc_above | spc_below | version_shift
    metric: Mapped[str] = mapped_column(String(32))  # rejection_rate | modification_rate
    scope: Mapped[str] = mapped_column(String(16))  # ai_system | use_case
    scope_id: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    center: Mapped[float] = mapped_column(Float)
    control_limit: Mapped[float] = mapped_column(Float)
    n: Mapped[int] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    acknowledged_by: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DemoBatch(Base):
    """A batch of generated demo activity: its interactions are demo data, not real use."""

    __tablename__ = "metrics_demo_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    seed: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)
    interactions: Mapped[int] = mapped_column(Integer)
    first_interaction_id: Mapped[int] = mapped_column(Integer)
    last_interaction_id: Mapped[int] = mapped_column(Integer)
