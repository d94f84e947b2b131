"""ORM models of the ledger domain."""

from avec.db import Base  # noqa: F401
