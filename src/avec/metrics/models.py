"""ORM models of the metrics domain."""

from avec.db import Base  # noqa: F401
