"""review: tables of the review domain.

Revision ID: 0006_review
Revises: 0005_privacy
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0006_review"
down_revision = "0005_privacy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
