"""ledger: tables of the ledger domain.

Revision ID: 0004_ledger
Revises: 0003_gateway
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0004_ledger"
down_revision = "0003_gateway"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
