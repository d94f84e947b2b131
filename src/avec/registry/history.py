"""Versioned history of the registry: every change keeps the full before/after JSON and is a ledger entry.

The ledger receives only identifiers, the changed field names and a digest of the new state (never
free text), so that the ledger stays free of content while the history table holds the detail.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.ledger import service as ledger_service
from avec.ledger.canonical import sha256_text
from avec.registry.models import RegistryChange


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def snapshot(obj: object) -> dict[str, Any]:
    """Every column of an ORM object as JSON-ready values (use case links included for use cases)."""
    mapper = inspect(obj).mapper
    data = {col.key: _plain(getattr(obj, col.key)) for col in mapper.column_attrs}
    links = getattr(obj, "systems", None)
    if isinstance(links, list):
        data["allowed_system_ids"] = sorted(link.ai_system_id for link in links)
    return json.loads(json.dumps(data, default=str))


def record_change(
    session: Session,
    *,
    actor: str,
    entity: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> RegistryChange:
    """Store one change and append its ``registry.change`` ledger entry, in the caller's transaction."""
    changed = sorted(k for k in set(before or {}) | set(after or {}) if (before or {}).get(k) != (after or {}).get(k))
    digest = sha256_text(json.dumps(after, sort_keys=True, separators=(",", ":"))) if after is not None else None
    index = ledger_service.append(
        session,
        event_type="registry.change",
        actor=actor,
        subject={"entity": entity, "id": entity_id},
        digests={"after": digest} if digest else None,
        data={"action": action, "changed": changed},
    )
    change = RegistryChange(
        at=utcnow(),
        actor=actor,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=after,
        ledger_index=index if index >= 0 else None,
    )
    session.add(change)
    session.flush()
    return change


def changes_for(session: Session, entity: str, entity_id: int, limit: int = 200) -> list[RegistryChange]:
    """The most recent changes of one entity, newest first."""
    rows = session.scalars(
        select(RegistryChange)
        .where(RegistryChange.entity == entity, RegistryChange.entity_id == entity_id)
        .order_by(RegistryChange.id.desc())
        .limit(limit)
    ).all()
    return list(rows)
