"""gateway: tables of the gateway domain.

Revision ID: 0003_gateway
Revises: 0002_registry
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_gateway"
down_revision = "0002_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
