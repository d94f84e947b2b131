"""ORM models of the review domain."""

from avec.db import Base  # noqa: F401
