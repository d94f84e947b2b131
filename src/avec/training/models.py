"""ORM models of the training domain."""

from avec.db import Base  # noqa: F401
