"""Accounts: users, roles, passwords (argon2) and API keys.

API keys are 32 random bytes: they are stored as SHA-256 digests (a slow password hash adds nothing
for a key of that entropy and would cost milliseconds on every API call). Passwords use argon2.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.models import ROLES, ApiKey, Service, User, UserRole
from avec.accounts.schemas import Principal, UserCreate
from avec.db import utcnow
from avec.ledger import service as ledger_service

KEY_PREFIX = "avec_"
_hasher = PasswordHasher()
# A real argon2 hash to verify against when the user does not exist (same timing either way).
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class AccountError(ValueError):
    """A request on accounts that cannot be done (unknown user, bad role…)."""


def get_or_create_service(session: Session, code: str, name: str | None = None) -> Service:
    """Find a service by code, creating it if needed."""
    svc = session.scalar(select(Service).where(Service.code == code))
    if svc is None:
        svc = Service(code=code, name=name or code)
        session.add(svc)
        session.flush()
    elif name and svc.name != name:
        svc.name = name
    return svc


def get_user(session: Session, username: str) -> User | None:
    """The user with this username, or None."""
    return session.scalar(select(User).where(User.username == username))


def create_user(session: Session, data: UserCreate, *, actor: str = "system") -> User:
    """Create a user with roles, service and optional password; recorded in the ledger."""
    unknown = set(data.roles) - set(ROLES)
    if unknown:
        raise AccountError(f"unknown role(s): {', '.join(sorted(unknown))}; expected {', '.join(ROLES)}")
    if get_user(session, data.username) is not None:
        raise AccountError(f"user {data.username!r} already exists")
    service = get_or_create_service(session, data.service) if data.service else None
    user = User(
        username=data.username,
        display_name=data.display_name or data.username,
        service_id=service.id if service else None,
        password_hash=_hasher.hash(data.password) if data.password else None,
    )
    user.role_rows = [UserRole(role=r) for r in sorted(set(data.roles))]
    session.add(user)
    session.flush()
    ledger_service.append(
        session,
        event_type="user.change",
        actor=actor,
        subject={"user": user.id},
        data={"action": "create", "roles": sorted(set(data.roles)), "service": data.service},
    )
    return user


def set_roles(session: Session, user: User, roles: list[str], *, actor: str) -> None:
    """Replace a user's roles (ledger entry)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise AccountError(f"unknown role(s): {', '.join(sorted(unknown))}")
    user.role_rows = [UserRole(role=r) for r in sorted(set(roles))]
    session.flush()
    ledger_service.append(
        session, event_type="user.change", actor=actor, subject={"user": user.id},
        data={"action": "roles", "roles": sorted(set(roles))},
    )


def set_password(session: Session, user: User, password: str, *, actor: str) -> None:
    """Set a user's password (argon2)."""
    if len(password) < 8:
        raise AccountError("password must have at least 8 characters")
    user.password_hash = _hasher.hash(password)
    ledger_service.append(
        session, event_type="user.change", actor=actor, subject={"user": user.id},
        data={"action": "password"},
    )


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user whose password matches, else None (constant work either way)."""
    user = get_user(session, username)
    stored = user.password_hash if user is not None and user.is_active else None
    ok: bool
    try:
        ok = _hasher.verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        ok = False
    return user if (ok and stored is not None) else None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_api_key(session: Session, user: User, *, name: str = "", actor: str = "system") -> tuple[ApiKey, str]:
    """Create an API key; returns the row and the clear key (shown once, never stored)."""
    lookup = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    clear = f"{KEY_PREFIX}{lookup}_{secret}"
    key = ApiKey(user_id=user.id, lookup=lookup, key_hash=_digest(clear), name=name)
    session.add(key)
    session.flush()
    ledger_service.append(
        session, event_type="key.change", actor=actor, subject={"user": user.id, "key": key.id},
        data={"action": "create"},
    )
    return key, clear


def revoke_api_key(session: Session, key_id: int, *, actor: str = "system") -> ApiKey:
    """Revoke an API key (idempotent error if unknown)."""
    key = session.get(ApiKey, key_id)
    if key is None:
        raise AccountError(f"no API key with id {key_id}")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        ledger_service.append(
            session, event_type="key.change", actor=actor, subject={"user": key.user_id, "key": key.id},
            data={"action": "revoke"},
        )
    return key


def principal_for(user: User, key_id: int | None = None) -> Principal:
    """Build the request principal for a user."""
    return Principal(
        user_id=user.id,
        username=user.username,
        roles=frozenset(user.roles),
        service_id=user.service_id,
        service_code=user.service.code if user.service else None,
        key_id=key_id,
    )


def resolve_api_key(session: Session, clear: str) -> Principal | None:
    """The principal owning a valid, unrevoked key of an active user, else None."""
    if not clear.startswith(KEY_PREFIX):
        return None
    lookup, _, _secret = clear[len(KEY_PREFIX) :].partition("_")
    key = session.scalar(select(ApiKey).where(ApiKey.lookup == lookup))
    if key is None or key.revoked_at is not None or not key.user.is_active:
        return None
    if not hmac.compare_digest(key.key_hash, _digest(clear)):
        return None
    return principal_for(key.user, key.id)


def touch_api_key(session: Session, key_id: int, *, at: dt.datetime | None = None) -> None:
    """Record the key's last-used time."""
    key = session.get(ApiKey, key_id)
    if key is not None:
        key.last_used_at = at or utcnow()
