"""privacy: tables of the privacy domain.

Revision ID: 0005_privacy
Revises: 0004_ledger
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0005_privacy"
down_revision = "0004_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
