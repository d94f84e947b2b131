"""registry: AI systems, use cases, allowed systems, grid answers, committee decisions, change history.

Revision ID: 0002_registry
Revises: 0001_accounts
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_registry"
down_revision = "0001_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ai_systems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("vendor", sa.String(200), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("provider", sa.String(32), nullable=False),
        sa.Column("base_url", sa.String(500), nullable=True),
        sa.Column("upstream_model", sa.String(200), nullable=True),
        sa.Column("deployment", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("active_params_b", sa.Float(), nullable=True),
        sa.Column("total_params_b", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hosting_country", sa.String(2), nullable=False),
        sa.Column("hosting_region", sa.String(100), nullable=False),
        sa.Column("hds_certified", sa.Boolean(), nullable=False),
        sa.Column("medical_device", sa.Boolean(), nullable=False),
        sa.Column("ce_marking", sa.String(100), nullable=False),
        sa.Column("mdr_class", sa.String(8), nullable=True),
        sa.Column("ai_act_class", sa.String(32), nullable=False),
        sa.Column("ai_act_answers", sa.JSON(), nullable=False),
        sa.Column("dpia_status", sa.String(32), nullable=False),
        sa.Column("contract", sa.JSON(), nullable=False),
        sa.Column("model_card", sa.JSON(), nullable=False),
        sa.Column("hardware", sa.String(200), nullable=False),
        sa.Column("pue", sa.Float(), nullable=True),
        sa.Column("electricity_zone", sa.String(16), nullable=False),
        sa.Column("approved_version", sa.String(200), nullable=True),
        sa.Column("reported_version", sa.String(200), nullable=True),
        sa.Column("version_drift_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("drift_action", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ai_systems"),
        sa.UniqueConstraint("slug", name="uq_ai_systems_slug"),
    )
    op.create_table(
        "use_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("risk_level", sa.String(16), nullable=False),
        sa.Column("patient_data_allowed", sa.Boolean(), nullable=False),
        sa.Column("clear_text_allowed", sa.Boolean(), nullable=False),
        sa.Column("allowed_roles", sa.JSON(), nullable=False),
        sa.Column("required_modules", sa.JSON(), nullable=False),
        sa.Column("review_required", sa.Boolean(), nullable=False),
        sa.Column("second_reading_share", sa.Float(), nullable=False),
        sa.Column("prompt_templates", sa.JSON(), nullable=False),
        sa.Column("patient_information", sa.Text(), nullable=False),
        sa.Column("embedded_frame", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_use_cases"),
        sa.UniqueConstraint("slug", name="uq_use_cases_slug"),
    )
    op.create_table(
        "use_case_systems",
        sa.Column("use_case_id", sa.Integer(), nullable=False),
        sa.Column("ai_system_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["use_case_id"], ["use_cases.id"], name="fk_use_case_systems_use_case_id_use_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ai_system_id"], ["ai_systems.id"], name="fk_use_case_systems_ai_system_id_ai_systems",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("use_case_id", "ai_system_id", name="pk_use_case_systems"),
    )
    op.create_table(
        "grid_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ai_system_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("grid_version", sa.String(300), nullable=False),
        sa.Column("answer", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence_url", sa.String(1000), nullable=True),
        sa.Column("evidence_file", sa.String(300), nullable=True),
        sa.Column("evidence_name", sa.String(300), nullable=True),
        sa.Column("evidence_sha256", sa.String(80), nullable=True),
        sa.Column("answered_by", sa.String(64), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ai_system_id"], ["ai_systems.id"], name="fk_grid_answers_ai_system_id_ai_systems", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_grid_answers"),
        sa.UniqueConstraint("ai_system_id", "item_id", name="uq_grid_answers_ai_system_id"),
    )
    op.create_index("ix_grid_answers_ai_system_id", "grid_answers", ["ai_system_id"])
    op.create_table(
        "committee_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ai_system_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minutes_ref", sa.String(200), nullable=False),
        sa.Column("use_case_slugs", sa.JSON(), nullable=False),
        sa.Column("approved_version", sa.String(200), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ai_system_id"], ["ai_systems.id"], name="fk_committee_decisions_ai_system_id_ai_systems",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_committee_decisions"),
    )
    op.create_index("ix_committee_decisions_ai_system_id", "committee_decisions", ["ai_system_id"])
    op.create_table(
        "registry_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("ledger_index", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_registry_changes"),
    )
    op.create_index("ix_registry_changes_entity_entity_id", "registry_changes", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_registry_changes_entity_entity_id", table_name="registry_changes")
    op.drop_table("registry_changes")
    op.drop_index("ix_committee_decisions_ai_system_id", table_name="committee_decisions")
    op.drop_table("committee_decisions")
    op.drop_index("ix_grid_answers_ai_system_id", table_name="grid_answers")
    op.drop_table("grid_answers")
    op.drop_table("use_case_systems")
    op.drop_table("use_cases")
    op.drop_table("ai_systems")
