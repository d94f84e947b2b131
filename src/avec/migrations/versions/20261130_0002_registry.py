"""registry: tables of the registry domain.

Revision ID: 0002_registry
Revises: 0001_accounts
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0002_registry"
down_revision = "0001_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
