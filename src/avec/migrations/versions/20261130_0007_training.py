"""training: tables of the training domain.

Revision ID: 0007_training
Revises: 0006_review
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0007_training"
down_revision = "0006_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
