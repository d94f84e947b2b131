"""metrics: tables of the metrics domain.

Revision ID: 0008_metrics
Revises: 0007_training
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0008_metrics"
down_revision = "0007_training"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
