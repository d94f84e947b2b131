"""metrics: footprints, daily rollups, dirty-day marks, alerts, demo batches.

Revision ID: 0008_metrics
Revises: 0007_training
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_metrics"
down_revision = "0007_training"
branch_labels = None
depends_on = None

_DIMS = ("service_id", "use_case_id", "ai_system_id")
_COUNTS = (
    "interactions",
    "completed",
    "refused",
    "failed",
    "api_interactions",
    "api_completed",
    "api_never_reviewed",
    "approved",
    "modified",
    "rejected",
    "escalated",
    "pending",
    "not_required",
    "prompt_tokens",
    "completion_tokens",
    "latency_n",
    "footprint_n",
    "measured_n",
    "decisions_n",
    "edit_n",
    "time_saved_n",
    "second_readings_n",
    "second_agree_n",
)
_SUMS = (
    "latency_ms_sum",
    "energy_kwh",
    "gwp_kg",
    "pe_mj",
    "wcf_l",
    "measured_energy_kwh",
    "decision_seconds_sum",
    "edit_distance_sum",
    "time_saved_seconds_sum",
)


def _dims() -> list[sa.Column]:
    return [sa.Column(name, sa.Integer(), nullable=False) for name in _DIMS]


def upgrade() -> None:
    op.create_table(
        "metrics_footprints",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("methodology_version", sa.String(32), nullable=False),
        sa.Column("electricity_zone", sa.String(8), nullable=False),
        *[sa.Column(name, sa.Float(), nullable=True) for name in ("pue", "wue", "active_params_b", "total_params_b")],
        sa.Column("output_tokens", sa.Integer(), nullable=False),
        sa.Column("latency_s", sa.Float(), nullable=False),
        *[
            sa.Column(name, sa.Float(), nullable=True)
            for name in (
                "energy_kwh",
                "gwp_kg",
                "pe_mj",
                "wcf_l",
                "adpe_kgsbeq",
                "cpu_seconds",
                "cpu_watts",
                "measured_energy_kwh",
                "measured_gwp_kg",
            )
        ],
        sa.Column("factors", sa.JSON(), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name="fk_metrics_footprints_interaction_id_interactions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("interaction_id", name="pk_metrics_footprints"),
    )
    op.create_table(
        "metrics_daily",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *_dims(),
        sa.Column("model_version", sa.String(200), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTS],
        *[sa.Column(name, sa.Float(), nullable=False) for name in _SUMS],
        sa.PrimaryKeyConstraint("id", name="pk_metrics_daily"),
        sa.UniqueConstraint(
            "day", "service_id", "use_case_id", "ai_system_id", "model_version", name="uq_metrics_daily_key"
        ),
    )
    op.create_index("ix_metrics_daily_day", "metrics_daily", ["day"])
    op.create_table(
        "metrics_daily_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *_dims(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_metrics_daily_codes"),
        sa.UniqueConstraint(
            "day", "service_id", "use_case_id", "ai_system_id", "kind", "code", name="uq_metrics_daily_codes_key"
        ),
    )
    op.create_index("ix_metrics_daily_codes_day", "metrics_daily_codes", ["day"])
    op.create_table(
        "metrics_daily_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        *_dims(),
        sa.PrimaryKeyConstraint("id", name="pk_metrics_daily_users"),
        sa.UniqueConstraint(
            "day", "user_id", "service_id", "use_case_id", "ai_system_id", name="uq_metrics_daily_users_key"
        ),
    )
    op.create_index("ix_metrics_daily_users_day", "metrics_daily_users", ["day"])
    op.create_table(
        "metrics_daily_active",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_metrics_daily_active"),
        sa.UniqueConstraint("day", "user_id", "service_id", name="uq_metrics_daily_active_key"),
    )
    op.create_index("ix_metrics_daily_active_day", "metrics_daily_active", ["day"])
    op.create_table(
        "metrics_dirty_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_metrics_dirty_days"),
    )
    op.create_table(
        "metrics_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("metric", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("center", sa.Float(), nullable=False),
        sa.Column("control_limit", sa.Float(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_metrics_alerts"),
        sa.UniqueConstraint("kind", "metric", "scope", "scope_id", "period_start", name="uq_metrics_alerts_key"),
    )
    op.create_table(
        "metrics_demo_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("interactions", sa.Integer(), nullable=False),
        sa.Column("first_interaction_id", sa.Integer(), nullable=False),
        sa.Column("last_interaction_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_metrics_demo_batches"),
    )


def downgrade() -> None:
    for table in (
        "metrics_demo_batches",
        "metrics_alerts",
        "metrics_dirty_days",
        "metrics_daily_active",
        "metrics_daily_users",
        "metrics_daily_codes",
        "metrics_daily",
        "metrics_footprints",
    ):
        op.drop_table(table)
