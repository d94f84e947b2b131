"""What every user may read about an AI system (transparency page) and the inventory export.

Usage figures come from the gateway's ``interactions`` table (counts only, never contents).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.gateway.models import Interaction
from avec.registry import lifecycle, service
from avec.registry.compliance import Grid
from avec.registry.models import MODEL_CARD_SECTIONS, AISystem

INVENTORY_COLUMNS = (
    "slug",
    "name",
    "vendor",
    "model",
    "version",
    "approved_version",
    "status",
    "provider",
    "deployment",
    "hosting_country",
    "hds_certified",
    "medical_device",
    "ce_marking",
    "mdr_class",
    "ai_act_class",
    "dpia_status",
    "trains_on_customer_data",
    "access_outside_eea",
    "data_retention_days",
    "grid_score",
    "blocking_open",
    "approved_use_cases",
    "active_params_b",
    "total_params_b",
    "version_drift_at",
    "updated_at",
)


def usage_figures(
    session: Session, system_id: int, *, days: int = 30, now: dt.datetime | None = None
) -> dict[str, Any]:
    """Calls, distinct users, tokens, mean latency and review outcomes over the last ``days`` days."""
    since = (now or utcnow()) - dt.timedelta(days=days)
    base = (Interaction.ai_system_id == system_id, Interaction.created_at >= since)
    by_status = dict(
        session.execute(select(Interaction.status, func.count()).where(*base).group_by(Interaction.status)).all()
    )
    totals = session.execute(
        select(
            func.count(func.distinct(Interaction.user_id)),
            func.coalesce(func.sum(Interaction.prompt_tokens), 0),
            func.coalesce(func.sum(Interaction.completion_tokens), 0),
            func.avg(Interaction.latency_ms),
        ).where(*base, Interaction.status == "completed")
    ).one()
    reviews = dict(
        session.execute(
            select(Interaction.review_status, func.count())
            .where(*base, Interaction.status == "completed")
            .group_by(Interaction.review_status)
        ).all()
    )
    per_use_case = dict(
        session.execute(
            select(Interaction.use_case_slug, func.count())
            .where(*base, Interaction.status == "completed")
            .group_by(Interaction.use_case_slug)
        ).all()
    )
    return {
        "days": days,
        "completed": int(by_status.get("completed", 0)),
        "refused": int(by_status.get("refused", 0)),
        "failed": int(by_status.get("failed", 0)),
        "users": int(totals[0] or 0),
        "prompt_tokens": int(totals[1] or 0),
        "completion_tokens": int(totals[2] or 0),
        "mean_latency_ms": round(float(totals[3]), 1) if totals[3] is not None else None,
        "reviews": {str(k): int(v) for k, v in reviews.items()},
        "per_use_case": {str(k): int(v) for k, v in per_use_case.items() if k},
    }


def system_card(session: Session, system: AISystem, grid: Grid) -> dict[str, Any]:
    """The transparency view of one system: model card, compliance, use cases, evidence, usage, decisions."""
    evaluation = service.evaluate_system(session, system, grid)
    answers = service.grid_answers(session, system.id)
    use_cases = service.use_cases_of_system(session, system.id)
    evidence = [
        {
            "item": r.item.id,
            "question": r.item.question,
            "source": r.item.source,
            "status": r.status,
            "answer": r.answer,
            "note": answers[r.item.id].note if r.item.id in answers else "",
            "link": answers[r.item.id].evidence_url if r.item.id in answers else None,
            "file": answers[r.item.id].evidence_name if r.item.id in answers else None,
        }
        for r in evaluation.results
    ]
    return {
        "slug": system.slug,
        "name": system.name,
        "vendor": system.vendor,
        "model": system.model,
        "version": system.version,
        "approved_version": system.approved_version,
        "reported_version": system.reported_version,
        "version_drift_at": system.version_drift_at.isoformat() if system.version_drift_at else None,
        "status": system.status,
        "provider": system.provider,
        "deployment": system.deployment,
        "hosting": {
            "country": system.hosting_country,
            "region": system.hosting_region,
            "hds_certified": system.hds_certified,
        },
        "medical_device": {
            "is_medical_device": system.medical_device,
            "ce_marking": system.ce_marking,
            "mdr_class": system.mdr_class,
        },
        "ai_act": {"class": system.ai_act_class, **(system.ai_act_answers or {})},
        "dpia_status": system.dpia_status,
        "contract": system.contract or {},
        "model_card": {k: (system.model_card or {}).get(k, "") for k in MODEL_CARD_SECTIONS},
        "energy": {
            "active_params_b": system.active_params_b,
            "total_params_b": system.total_params_b,
            "hardware": system.hardware,
            "pue": system.pue,
            "electricity_zone": system.electricity_zone,
        },
        "compliance": {
            "grid_version": grid.version,
            "score": evaluation.score,
            "blocking_open": [r.item.id for r in evaluation.blocking_open],
            "items": evidence,
        },
        "approved_use_cases": [
            {
                "slug": u.slug,
                "title": u.title,
                "patient_data_allowed": u.patient_data_allowed,
                "review_required": u.review_required,
            }
            for u in use_cases
        ],
        "decisions": [
            {
                "decision": d.decision,
                "decided_at": d.decided_at.isoformat(),
                "members": d.members,
                "minutes_ref": d.minutes_ref,
                "use_cases": d.use_case_slugs,
            }
            for d in lifecycle.decisions_for(session, system.id)
        ],
        "usage": usage_figures(session, system.id),
    }


def inventory(session: Session, grid: Grid) -> list[dict[str, Any]]:
    """One flat row per AI system of the inventory (the JSON export; the CSV has the same columns)."""
    rows = []
    for system in service.list_systems(session):
        evaluation = service.evaluate_system(session, system, grid)
        contract = system.contract or {}
        row: dict[str, Any] = {c: getattr(system, c, None) for c in INVENTORY_COLUMNS}
        row.update(
            {
                "trains_on_customer_data": contract.get("trains_on_customer_data"),
                "access_outside_eea": contract.get("access_outside_eea"),
                "data_retention_days": contract.get("data_retention_days"),
                "grid_score": evaluation.score,
                "blocking_open": [r.item.id for r in evaluation.blocking_open],
                "approved_use_cases": [u.slug for u in service.use_cases_of_system(session, system.id)],
                "version_drift_at": system.version_drift_at.isoformat() if system.version_drift_at else None,
                "updated_at": system.updated_at.isoformat() if system.updated_at else None,
            }
        )
        rows.append(row)
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # keep spreadsheets from running a committee-entered text as a formula
    return value


def inventory_csv(rows: list[dict[str, Any]]) -> str:
    """The inventory as CSV (lists joined with ``;``), written by the standard csv module."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(INVENTORY_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()
