"""privacy: the vault of per-conversation surrogate mappings (encrypted).

Revision ID: 0005_privacy
Revises: 0004_ledger
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_privacy"
down_revision = "0004_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "privacy_vault",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_key", sa.String(64), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_privacy_vault"),
        sa.UniqueConstraint("conversation_key", name="uq_privacy_vault_conversation_key"),
    )
    op.create_index("ix_privacy_vault_expires_at", "privacy_vault", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_privacy_vault_expires_at", table_name="privacy_vault")
    op.drop_table("privacy_vault")
