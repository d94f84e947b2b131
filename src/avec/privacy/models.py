"""ORM models of the privacy domain."""

from avec.db import Base  # noqa: F401
