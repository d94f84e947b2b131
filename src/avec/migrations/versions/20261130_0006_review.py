"""review: decisions on AI outputs and blind second readings.

Revision ID: 0006_review
Revises: 0005_privacy
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_review"
down_revision = "0005_privacy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason_codes", sa.JSON(), nullable=False),
        sa.Column("comment_enc", sa.LargeBinary(), nullable=True),
        sa.Column("escalated_to", sa.Integer(), nullable=True),
        sa.Column("final_enc", sa.LargeBinary(), nullable=True),
        sa.Column("diff_enc", sa.LargeBinary(), nullable=True),
        sa.Column("draft_digest", sa.String(80), nullable=True),
        sa.Column("final_digest", sa.String(80), nullable=True),
        sa.Column("time_spent_seconds", sa.Float(), nullable=True),
        sa.Column("time_saved_minutes", sa.Float(), nullable=True),
        sa.Column("edit_distance", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("ledger_index", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name="fk_review_decisions_interaction_id_interactions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name="fk_review_decisions_decided_by_users"),
        sa.ForeignKeyConstraint(
            ["escalated_to"], ["users.id"], name="fk_review_decisions_escalated_to_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_decisions"),
        sa.UniqueConstraint("interaction_id", "step", name="uq_review_decisions_interaction_step"),
    )
    for col in ("interaction_id", "decided_by", "decided_at", "escalated_to"):
        op.create_index(f"ix_review_decisions_{col}", "review_decisions", [col])
    op.create_table(
        "second_readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("first_decision_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("share", sa.Float(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reader_id", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(16), nullable=True),
        sa.Column("reason_codes", sa.JSON(), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agrees", sa.Boolean(), nullable=True),
        sa.Column("agrees_on_acceptance", sa.Boolean(), nullable=True),
        sa.Column("ledger_index", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name="fk_second_readings_interaction_id_interactions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["first_decision_id"],
            ["review_decisions.id"],
            name="fk_second_readings_first_decision_id_review_decisions",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name="fk_second_readings_service_id_services"
        ),
        sa.ForeignKeyConstraint(["reader_id"], ["users.id"], name="fk_second_readings_reader_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_second_readings"),
        sa.UniqueConstraint("interaction_id", name="uq_second_readings_interaction_id"),
    )
    for col in ("first_decision_id", "service_id", "drawn_at", "status", "reader_id"):
        op.create_index(f"ix_second_readings_{col}", "second_readings", [col])


def downgrade() -> None:
    op.drop_table("second_readings")
    op.drop_table("review_decisions")
