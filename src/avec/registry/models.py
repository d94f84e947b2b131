"""ORM models of the registry domain."""

from avec.db import Base  # noqa: F401
