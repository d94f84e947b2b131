"""ledger: entries (canonical JSON + stored subtree hashes), the head row, signed checkpoints.

Revision ID: 0004_ledger
Revises: 0003_gateway
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_ledger"
down_revision = "0003_gateway"
branch_labels = None
depends_on = None

IndexType = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ledger_entries",
        sa.Column("idx", IndexType, autoincrement=False, nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("leaf_hash", sa.LargeBinary(32), nullable=False),
        sa.Column("nodes", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("idx", name="pk_ledger_entries"),
    )
    op.create_index("ix_ledger_entries_event_type", "ledger_entries", ["event_type"])
    head = op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("frontier", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_head"),
    )
    op.bulk_insert(head, [{"id": 1, "size": 0, "frontier": b"", "updated_at": None}])
    op.create_table(
        "ledger_checkpoints",
        sa.Column("size", IndexType, autoincrement=False, nullable=False),
        sa.Column("root", sa.LargeBinary(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("size", name="pk_ledger_checkpoints"),
    )


def downgrade() -> None:
    op.drop_table("ledger_checkpoints")
    op.drop_table("ledger_head")
    op.drop_index("ix_ledger_entries_event_type", table_name="ledger_entries")
    op.drop_table("ledger_entries")
