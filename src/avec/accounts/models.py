"""ORM models of the accounts domain."""

from avec.db import Base  # noqa: F401
