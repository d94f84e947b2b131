"""The vault: per-conversation surrogate mappings, encrypted at rest, kept for a limited time.

Functions take the caller's session and never commit. Nothing here logs a mapping, an original, a
surrogate or a conversation id. The retention is sliding: a mapping expires ``vault_retention_days``
after its last use; :func:`purge_expired` deletes expired rows, and an expired row is never used again
even before the purge runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from cryptography.exceptions import InvalidTag
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from avec.config import Settings
from avec.db import utcnow
from avec.privacy.encryption import decrypt, encrypt
from avec.privacy.models import VaultEntry
from avec.privacy.transform.mapping import ConversationMapping


class VaultError(Exception):
    """The vault could not be read or written (wrong key, altered row, bad conversation id)."""


def conversation_key(data_key: bytes, conversation_id: str) -> str:
    """Keyed hash of a conversation id (the table never holds the id itself)."""
    if not conversation_id or len(conversation_id) > 256:
        raise VaultError("a conversation id of 1 to 256 characters is required")
    return hmac.new(data_key, b"privacy-vault:" + conversation_id.encode("utf-8"), hashlib.sha256).hexdigest()


def _aad(key: str) -> bytes:
    return b"privacy_vault:" + key.encode("ascii")


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _entry(session: Session, key: str) -> VaultEntry | None:
    query = select(VaultEntry).where(VaultEntry.conversation_key == key).with_for_update()
    return session.execute(query).scalar_one_or_none()


def load_mapping(
    session: Session, *, conversation_id: str, data_key: bytes, now: dt.datetime | None = None
) -> ConversationMapping | None:
    """The conversation's mapping, or None if there is none (or it has expired)."""
    key = conversation_key(data_key, conversation_id)
    entry = _entry(session, key)
    if entry is None or _aware(entry.expires_at) <= (now or utcnow()):
        return None
    try:
        return ConversationMapping.from_json(decrypt(data_key, entry.ciphertext, _aad(key)))
    except (InvalidTag, ValueError) as exc:
        raise VaultError("the vault entry of this conversation cannot be decrypted") from exc


def save_mapping(
    session: Session,
    mapping: ConversationMapping,
    *,
    conversation_id: str,
    data_key: bytes,
    settings: Settings,
    now: dt.datetime | None = None,
) -> None:
    """Store (encrypted) the conversation's mapping and push its expiry to now + retention."""
    moment = now or utcnow()
    key = conversation_key(data_key, conversation_id)
    blob = encrypt(data_key, mapping.to_json(), _aad(key))
    expires = moment + dt.timedelta(days=settings.vault_retention_days)
    entry = _entry(session, key)
    if entry is None:
        session.add(
            VaultEntry(
                conversation_key=key,
                ciphertext=blob,
                created_at=moment,
                updated_at=moment,
                expires_at=expires,
            )
        )
    else:
        if _aware(entry.expires_at) <= moment:  # an expired mapping starts afresh, never revived
            entry.created_at = moment
        entry.ciphertext, entry.updated_at, entry.expires_at = blob, moment, expires
    session.flush()


def forget(session: Session, *, conversation_id: str, data_key: bytes) -> bool:
    """Erase one conversation's mapping (right to erasure); True if there was one."""
    key = conversation_key(data_key, conversation_id)
    result = session.execute(delete(VaultEntry).where(VaultEntry.conversation_key == key))
    return bool(getattr(result, "rowcount", 0))


def purge_expired(session: Session, *, now: dt.datetime | None = None) -> int:
    """Delete every mapping past its retention limit; returns how many were deleted."""
    result = session.execute(delete(VaultEntry).where(VaultEntry.expires_at <= (now or utcnow())))
    return int(getattr(result, "rowcount", 0) or 0)
