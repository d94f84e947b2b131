"""Demo activity: several months of plausible interactions, decisions, second readings and footprints.

Everything generated here is demo data and says so: interaction public ids start with ``demo-``,
each run is recorded in ``metrics_demo_batches`` (the dashboards show a "demo data" banner while one
exists), no content is stored (metadata only) and no ledger entry is written. The story told: use
grows over the months; after two thirds of the period the AI system starts reporting another model build
(for the embedded model: q8_0 -> q4_k_m quantization) and its outputs are rejected more often
afterwards, which the p-chart and the before/after version comparison catch. Eighteen passwordless
``demo.*`` professionals (who cannot log in) are added so that use looks like a hospital's.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from avec.accounts.models import User, UserRole
from avec.db import utcnow
from avec.gateway.models import Interaction
from avec.metrics.footprint import compute_footprint
from avec.metrics.models import DemoBatch, InteractionFootprint, table_of
from avec.metrics.rollup import mark_dirty, refresh_rollups, utc_date
from avec.metrics.settings import metrics_settings
from avec.metrics.spc import evaluate_alerts
from avec.registry.models import AISystem, UseCase, UseCaseSystem
from avec.review.models import REJECT_REASONS, ReviewDecision, SecondReading

REFUSAL_CODES = (
    "training_required",
    "patient_data_not_allowed",
    "system_not_allowed_for_use_case",
    "role_not_allowed",
)
DEMO_USERS = 18
_DECISIONS = {"approved": "approve", "modified": "modify", "rejected": "reject", "escalated": "escalate"}


class DemoReferenceMissing(LookupError):
    """The demo needs users, use cases and AI systems: run ``avec demo`` (reference data) first."""


@dataclass(frozen=True)
class _Refs:
    users: list[tuple[int, int | None]]  # (user id, service id) of professionals
    reviewers: list[int]
    use_cases: list[UseCase]
    systems: dict[int, AISystem]
    allowed: dict[int, list[int]]  # use case id -> AI system ids


def _refs(session: Session) -> _Refs:
    rows = session.execute(
        select(User.id, User.service_id, UserRole.role).join(UserRole, UserRole.user_id == User.id)
    ).all()
    users = sorted({(uid, sid) for uid, sid, role in rows if role == "professional"})
    reviewers = sorted({uid for uid, _, role in rows if role in ("reviewer", "quality")})
    use_cases = list(session.scalars(select(UseCase).where(UseCase.active.is_(True)).order_by(UseCase.id)))
    systems = {s.id: s for s in session.scalars(select(AISystem).order_by(AISystem.id))}
    if not users or not use_cases or not systems:
        raise DemoReferenceMissing("demo activity needs professionals, use cases and AI systems: load them first")
    allowed: dict[int, list[int]] = {}
    for uc_id, sys_id in session.execute(select(UseCaseSystem.use_case_id, UseCaseSystem.ai_system_id)):
        allowed.setdefault(uc_id, []).append(sys_id)
    return _Refs(users, reviewers or [users[0][0]], use_cases, systems, allowed)


def _version_of(system: AISystem, moment: dt.datetime, change_at: dt.datetime) -> str:
    """The version the provider reported: the current one since ``change_at``, an older build before."""
    current = system.version or "1"
    if moment >= change_at:
        return current
    return current.replace("q4_k_m", "q8_0") if "q4_k_m" in current else f"{current}-previous"


def _demo_users(session: Session, refs: _Refs, rng: random.Random, count: int) -> _Refs:
    """Add passwordless professionals (``demo.*``, who cannot log in) so that use looks like a hospital's."""
    from faker import Faker

    fake = Faker("fr_FR")
    fake.seed_instance(rng.randint(0, 10**6))
    services: list[int | None] = [*sorted({sid for _, sid in refs.users if sid is not None})] or [None]
    users = list(refs.users)
    for k in range(count):
        service_id = services[k % len(services)]
        user = User(username=f"demo.pro{k + 1:02d}", display_name=f"{fake.name()} (démo)", service_id=service_id)
        user.role_rows.append(UserRole(role="professional"))
        session.add(user)
        session.flush()
        users.append((user.id, service_id))
    return _Refs(users, refs.reviewers, refs.use_cases, refs.systems, refs.allowed)


def seed_activity(session: Session, *, months: int = 6, seed: int = 1, settings: Any = None) -> int:
    """Generate ``months`` of demo activity up to now; returns the interactions made (0 if already seeded)."""
    if months < 1 or months > 36:
        raise ValueError("months must be between 1 and 36")
    if session.scalar(select(func.count()).select_from(DemoBatch)):
        return 0
    rng = random.Random(seed)
    refs = _demo_users(session, _refs(session), rng, DEMO_USERS)
    ms = metrics_settings(settings)
    now = utcnow().replace(microsecond=0)
    start = now - dt.timedelta(days=30 * months)
    change_at = start + (now - start) * 2 / 3
    days = (now - start).days
    interactions: list[dict[str, Any]] = []
    meta: list[dict[str, Any]] = []
    for d in range(days + 1):
        day = start + dt.timedelta(days=d)
        weekend = day.weekday() >= 5
        volume = int((12 + 45 * d / max(days, 1)) * (0.2 if weekend else 1.0) * rng.uniform(0.8, 1.2))
        for _ in range(volume):
            moment = day.replace(hour=7, minute=0, second=0) + dt.timedelta(minutes=rng.randint(0, 11 * 60))
            if moment > now:
                continue
            row, extra = _one(rng, refs, moment, change_at, now, len(interactions), seed)
            interactions.append(row)
            meta.append(extra)
    if not interactions:
        return 0
    ids = list(
        session.scalars(
            insert(table_of(Interaction)).returning(table_of(Interaction).c.id, sort_by_parameter_order=True),
            interactions,
        )
    )
    _children(session, rng, refs, ids, interactions, meta, ms)
    session.add(
        DemoBatch(
            seed=seed,
            months=months,
            interactions=len(ids),
            first_interaction_id=min(ids),
            last_interaction_id=max(ids),
        )
    )
    session.flush()
    mark_dirty(session, {utc_date(r["created_at"]) for r in interactions})
    refresh_rollups(session, ms)
    evaluate_alerts(session, ms)
    return len(ids)


def _one(
    rng: random.Random,
    refs: _Refs,
    moment: dt.datetime,
    change_at: dt.datetime,
    now: dt.datetime,
    n: int,
    seed: int,
) -> tuple[dict[str, Any], dict[str, Any]]:
    user_id, service_id = rng.choice(refs.users)
    use_case = rng.choice(refs.use_cases)
    system = refs.systems[rng.choice(refs.allowed.get(use_case.id) or list(refs.systems))]
    channel = "api" if rng.random() < 0.3 else "web"
    status, code = "completed", None
    roll = rng.random()
    if roll < 0.03:
        status, code = "refused", rng.choice(REFUSAL_CODES)
    elif roll < 0.04:
        status, code = "failed", "upstream_error"
    completion = rng.randint(80, 600) if status == "completed" else 0
    speed = 25.0 if system.provider == "embedded" else 60.0
    latency = (completion / speed + rng.uniform(0.2, 1.0)) * 1000 if status != "refused" else rng.uniform(5, 40)
    version = _version_of(system, moment, change_at)
    review = "not_required" if status != "completed" else _review_status(rng, channel, system, version, moment, now)
    row = {
        "public_id": f"demo-{seed}-{n}",
        "created_at": moment,
        "completed_at": moment + dt.timedelta(milliseconds=latency),
        "user_id": user_id,
        "service_id": service_id,
        "channel": channel,
        "use_case_id": use_case.id,
        "use_case_slug": use_case.slug,
        "ai_system_id": system.id,
        "model_requested": system.slug,
        "model_version": version if status == "completed" else None,
        "provider": system.provider,
        "status": status,
        "error_code": code,
        "stream": False,
        "prompt_tokens": rng.randint(150, 1200),
        "completion_tokens": completion,
        "latency_ms": latency,
        "upstream_ms": latency * 0.95 if status == "completed" else None,
        "pseudonymized": True,
        "replacements": {},
        "review_status": review,
    }
    return row, {"system": system}


def _review_status(
    rng: random.Random, channel: str, system: AISystem, version: str, moment: dt.datetime, now: dt.datetime
) -> str:
    if now - moment < dt.timedelta(days=2) and rng.random() < 0.5:
        return "pending"
    if channel == "api" and rng.random() < 0.25:
        return "pending"
    worse = version == (system.version or "1")  # the current build is the worse one in this story
    # A contrast wide enough that two months of demo activity show the shift whatever the day it is
    # generated (z about 6; with 0.13 vs 0.05 it hovered around the 3.0 limit and depended on the date).
    reject = 0.16 if worse else 0.05
    weights = {
        "approved": 0.64 - (reject - 0.06),
        "modified": 0.26,
        "rejected": reject,
        "escalated": 0.02,
        "pending": 0.02,
    }
    if system.provider == "embedded":
        weights["modified"] += 0.04
        weights["approved"] -= 0.04
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _children(
    session: Session,
    rng: random.Random,
    refs: _Refs,
    ids: list[int],
    rows: list[dict[str, Any]],
    meta: list[dict[str, Any]],
    ms: Any,
) -> None:
    decisions: list[dict[str, Any]] = []
    footprints: list[dict[str, Any]] = []
    for interaction_id, row, extra in zip(ids, rows, meta, strict=True):
        if row["status"] == "completed":
            system = extra["system"]
            cpu = row["latency_ms"] / 1000 * 1.8 if system.provider == "embedded" else None
            fp = compute_footprint(
                system=system,
                output_tokens=row["completion_tokens"],
                latency_s=row["latency_ms"] / 1000,
                cpu_seconds=cpu,
                settings=ms,
            )
            footprints.append({"interaction_id": interaction_id, **fp.as_dict()})
        decision = _DECISIONS.get(row["review_status"])
        if decision is None:
            continue
        web = row["channel"] == "web"
        delay = dt.timedelta(minutes=rng.uniform(2, 40)) if web else dt.timedelta(hours=rng.uniform(1, 48))
        decisions.append(
            {
                "interaction_id": interaction_id,
                "step": 1,
                "decision": decision,
                "decided_by": row["user_id"] if web else rng.choice(refs.reviewers),
                "decided_at": row["created_at"] + delay,
                "reason_codes": _reasons(rng) if decision == "reject" else [],
                "time_spent_seconds": rng.uniform(30, 600),
                "time_saved_minutes": round(rng.uniform(3, 25))
                if web and decision in ("approve", "modify") and rng.random() < 0.6
                else None,
                "edit_distance": round(rng.lognormvariate(3.5, 0.8)) if decision == "modify" else None,
                "channel": row["channel"],
            }
        )
    if footprints:
        session.execute(insert(table_of(InteractionFootprint)), footprints)
    if not decisions:
        return
    decision_ids = list(
        session.scalars(
            insert(table_of(ReviewDecision)).returning(table_of(ReviewDecision).c.id, sort_by_parameter_order=True),
            decisions,
        )
    )
    readings = []
    for decision_id, d in zip(decision_ids, decisions, strict=True):
        if d["decision"] in ("approve", "modify", "reject") and rng.random() < 0.1:
            agrees = rng.random() < 0.85
            readings.append(
                {
                    "interaction_id": d["interaction_id"],
                    "first_decision_id": decision_id,
                    "drawn_at": d["decided_at"],
                    "share": 0.1,
                    "status": "done",
                    "reader_id": rng.choice(refs.reviewers),
                    "decision": d["decision"] if agrees else rng.choice(["modify", "reject"]),
                    "reason_codes": [],
                    "completed_at": d["decided_at"] + dt.timedelta(hours=rng.uniform(2, 72)),
                    "agrees": agrees,
                    "agrees_on_acceptance": agrees,
                }
            )
    if readings:
        session.execute(insert(table_of(SecondReading)), readings)


def _reasons(rng: random.Random) -> list[str]:
    weights = [5, 4, 4, 1, 1, 1, 2, 1, 1][: len(REJECT_REASONS)]
    first = rng.choices(REJECT_REASONS, weights=weights)[0]
    return [first] if rng.random() < 0.8 else sorted({first, rng.choice(REJECT_REASONS)})


def seed_for_cli(settings: Any, *, months: int = 6, seed: int = 1) -> str:
    """Seed demo activity in its own transaction (for ``avec demo``); returns the line to print."""
    from avec.cli_support import open_sessions

    with open_sessions(settings) as session:
        count = seed_activity(session, months=months, seed=seed, settings=settings)
    if not count:
        return "demo activity already present (metrics)"
    return f"demo activity: {count} interactions over {months} months, marked as demo data"
