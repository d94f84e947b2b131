"""ORM models of the gateway domain."""

from avec.db import Base  # noqa: F401
