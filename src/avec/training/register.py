"""The AI-literacy register (AI Act art. 4): who completed what, which version, when, until when.

Rows are computed from the completions and the current module catalog (a completion older than a
module's ``requires_retraining_from`` shows as ``outdated_version``); coverage is per service.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.models import User
from avec.db import utcnow
from avec.training.loader import Catalog, default_catalog
from avec.training.models import TrainingCompletion
from avec.training.schemas import RegisterRow, ServiceCoverage
from avec.training.status import aware, best_status, completion_status

NO_SERVICE = "—"
CSV_COLUMNS = (
    "utilisateur",
    "nom",
    "service",
    "module",
    "titre",
    "version",
    "origine",
    "date",
    "echeance",
    "statut",
    "score_pct",
    "preuve",
    "registre_index",
)


def register_rows(
    session: Session,
    *,
    service_id: int | None = None,
    at: dt.datetime | None = None,
    catalog: Catalog | None = None,
) -> list[RegisterRow]:
    """Every completion (optionally of one service's users), newest first, with its status at ``at``."""
    now = at or utcnow()
    cat = catalog or default_catalog()
    query = (
        select(TrainingCompletion, User)
        .join(User, User.id == TrainingCompletion.user_id)
        .order_by(TrainingCompletion.completed_at.desc(), TrainingCompletion.id.desc())
    )
    if service_id is not None:
        query = query.where(User.service_id == service_id)
    rows: list[RegisterRow] = []
    for completion, user in session.execute(query).all():
        module = cat.get(completion.module_slug)
        rows.append(
            RegisterRow(
                username=user.username,
                display_name=user.display_name,
                service=user.service.name if user.service else NO_SERVICE,
                module_slug=completion.module_slug,
                module_title=module.meta.title if module else completion.module_slug,
                module_version=completion.module_version,
                source=completion.source,  # type: ignore[arg-type]
                completed_at=aware(completion.completed_at),
                expires_at=aware(completion.expires_at),
                status=completion_status(completion, module, now),  # type: ignore[arg-type]
                score_percent=completion.score_percent,
                evidence=completion.evidence,
                ledger_index=completion.ledger_index,
            )
        )
    return rows


def register_csv(rows: list[RegisterRow]) -> str:
    """The register as CSV (UTF-8, comma-separated, ISO dates), for spreadsheets and audits."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r.username,
                r.display_name,
                r.service,
                r.module_slug,
                r.module_title,
                r.module_version,
                "externe" if r.source == "external" else "quiz",
                r.completed_at.date().isoformat(),
                r.expires_at.date().isoformat(),
                {"valid": "valide", "expired": "expiree", "outdated_version": "version_depassee"}[r.status],
                "" if r.score_percent is None else r.score_percent,
                _csv_safe(r.evidence or ""),
                "" if r.ledger_index is None else r.ledger_index,
            ]
        )
    return out.getvalue()


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection): neutralise it.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def coverage(
    session: Session, *, at: dt.datetime | None = None, catalog: Catalog | None = None
) -> list[ServiceCoverage]:
    """Per service: active users, users with a valid completion of each module, fully trained users."""
    now = at or utcnow()
    cat = catalog or default_catalog()
    modules = cat.modules()
    users = list(session.scalars(select(User).where(User.is_active.is_(True))))
    completions: dict[int, list[TrainingCompletion]] = {}
    for completion in session.scalars(select(TrainingCompletion)):
        completions.setdefault(completion.user_id, []).append(completion)
    by_service: dict[str, ServiceCoverage] = {}
    for user in users:
        name = user.service.name if user.service else NO_SERVICE
        empty = {m.slug: 0 for m in modules}
        entry = by_service.setdefault(
            name, ServiceCoverage(service=name, users=0, per_module=empty, fully_trained=0)
        )
        entry.users += 1
        mine = completions.get(user.id, [])
        all_valid = True
        for module in modules:
            status, _ = best_status([c for c in mine if c.module_slug == module.slug], module, now)
            if status == "valid":
                entry.per_module[module.slug] += 1
            else:
                all_valid = False
        entry.fully_trained += all_valid
    return sorted(by_service.values(), key=lambda c: c.service)
