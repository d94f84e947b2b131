"""Pydantic schemas of the accounts domain."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, Field


class UserCreate(BaseModel):
    """Input to create a user."""

    username: str = Field(min_length=2, max_length=64, pattern=r"^[a-zA-Z0-9_.\-@]+$")
    roles: list[str] = Field(min_length=1)
    service: str | None = None
    display_name: str = ""
    password: str | None = Field(default=None, min_length=8, max_length=1024)


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of a request (user and, for programs, the API key used)."""

    user_id: int
    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    service_id: int | None = None
    service_code: str | None = None
    key_id: int | None = None

    @property
    def actor(self) -> str:
        """Actor string used in ledger entries (no personal data: an opaque id)."""
        return f"user:{self.user_id}"

    def has_role(self, *roles: str) -> bool:
        """True if the principal holds any of ``roles``."""
        return bool(self.roles.intersection(roles))
