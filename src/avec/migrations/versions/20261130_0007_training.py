"""training: quiz attempts and completions (the AI-literacy register).

Revision ID: 0007_training
Revises: 0006_review
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_training"
down_revision = "0006_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_attempts",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("module_slug", sa.String(100), nullable=False),
        sa.Column("module_version", sa.String(20), nullable=False),
        sa.Column("module_digest", sa.String(80), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("served", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_training_attempts_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_training_attempts"),
    )
    op.create_index("ix_training_attempts_user_id", "training_attempts", ["user_id"])
    op.create_index("ix_training_attempts_module_slug", "training_attempts", ["module_slug"])
    op.create_table(
        "training_completions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("module_slug", sa.String(100), nullable=False),
        sa.Column("module_version", sa.String(20), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempt_id", sa.String(32), nullable=True),
        sa.Column("score_percent", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=True),
        sa.Column("ledger_index", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_training_completions_user_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["training_attempts.id"],
            name="fk_training_completions_attempt_id_training_attempts",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_training_completions"),
        sa.UniqueConstraint("attempt_id", name="uq_training_completions_attempt_id"),
    )
    op.create_index("ix_training_completions_user_id", "training_completions", ["user_id"])
    op.create_index("ix_training_completions_module_slug", "training_completions", ["module_slug"])


def downgrade() -> None:
    op.drop_index("ix_training_completions_module_slug", table_name="training_completions")
    op.drop_index("ix_training_completions_user_id", table_name="training_completions")
    op.drop_table("training_completions")
    op.drop_index("ix_training_attempts_module_slug", table_name="training_attempts")
    op.drop_index("ix_training_attempts_user_id", table_name="training_attempts")
    op.drop_table("training_attempts")
