"""Alembic migrations (one revision per domain; see docs/architecture.md)."""
