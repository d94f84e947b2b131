"""registry: AI systems, use cases and which systems each use case may use.

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


def downgrade() -> None:
    op.drop_table("use_case_systems")
    op.drop_table("use_cases")
    op.drop_table("ai_systems")
