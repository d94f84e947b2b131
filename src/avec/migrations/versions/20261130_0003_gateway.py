"""gateway: interactions and their encrypted contents.

Revision ID: 0003_gateway
Revises: 0002_registry
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_gateway"
down_revision = "0002_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("api_key_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("use_case_id", sa.Integer(), nullable=True),
        sa.Column("use_case_slug", sa.String(100), nullable=True),
        sa.Column("ai_system_id", sa.Integer(), nullable=True),
        sa.Column("model_requested", sa.String(200), nullable=False),
        sa.Column("model_version", sa.String(200), nullable=True),
        sa.Column("provider", sa.String(32), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.String(64), nullable=True),
        sa.Column("stream", sa.Boolean(), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=True),
        sa.Column("upstream_ms", sa.Float(), nullable=True),
        sa.Column("pseudonymized", sa.Boolean(), nullable=False),
        sa.Column("replacements", sa.JSON(), nullable=False),
        sa.Column("conversation_id", sa.String(64), nullable=True),
        sa.Column("prompt_digest", sa.String(80), nullable=True),
        sa.Column("answer_digest", sa.String(80), nullable=True),
        sa.Column("review_status", sa.String(16), nullable=False),
        sa.Column("ledger_index", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_interactions_user_id_users"),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"], name="fk_interactions_service_id_services"),
        sa.ForeignKeyConstraint(["use_case_id"], ["use_cases.id"], name="fk_interactions_use_case_id_use_cases"),
        sa.ForeignKeyConstraint(
            ["ai_system_id"], ["ai_systems.id"], name="fk_interactions_ai_system_id_ai_systems"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_interactions"),
        sa.UniqueConstraint("public_id", name="uq_interactions_public_id"),
    )
    for col in ("created_at", "user_id", "service_id", "use_case_id", "ai_system_id", "status",
                "conversation_id", "review_status"):
        op.create_index(f"ix_interactions_{col}", "interactions", [col])
    op.create_table(
        "interaction_contents",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("original_enc", sa.LargeBinary(), nullable=True),
        sa.Column("sent_enc", sa.LargeBinary(), nullable=True),
        sa.Column("upstream_answer_enc", sa.LargeBinary(), nullable=True),
        sa.Column("answer_enc", sa.LargeBinary(), nullable=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["interaction_id"], ["interactions.id"], name="fk_interaction_contents_interaction_id_interactions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("interaction_id", name="pk_interaction_contents"),
    )


def downgrade() -> None:
    op.drop_table("interaction_contents")
    op.drop_table("interactions")
