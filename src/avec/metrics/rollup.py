"""Daily rollups of interactions, maintained incrementally.

Every flush that adds or changes an interaction (or a review record pointing at one) appends the
interaction's UTC date to ``metrics_dirty_days`` (a SQLAlchemy ``before_flush`` hook, so the gateway,
the review pages and the CLI need no extra call). ``refresh_rollups`` recomputes the local days that
overlap those dates from the source rows, then deletes exactly the marks it read, so a mark written
by a transaction still in flight survives for the next refresh. Bulk ``UPDATE`` statements bypass
the hook: after one, run ``avec metrics rollup --rebuild``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, delete, event, func, insert, select, text
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.gateway.models import REVIEW_STATUSES, Interaction
from avec.metrics import review_source
from avec.metrics.models import (
    DailyActiveUser,
    DailyCodeRollup,
    DailyRollup,
    DailyUser,
    DirtyDay,
    InteractionFootprint,
    table_of,
)
from avec.metrics.settings import MetricsSettings

_ADVISORY_LOCK_KEY = 80_080_008  # PostgreSQL: one rollup refresher at a time
DIMENSIONS = ("service_id", "use_case_id", "ai_system_id", "model_version")


def utc_date(moment: dt.datetime | None) -> dt.date:
    """UTC date of a stored timestamp (SQLite gives naive UTC)."""
    if moment is None:
        return utcnow().date()
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date()


def local_day_bounds(day: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of local ``day`` as UTC instants."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz).astimezone(dt.UTC)
    return start, end


def local_days_of_utc_date(day: dt.date, tz: ZoneInfo) -> set[dt.date]:
    """The local days that overlap the UTC date ``day``."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    last = start + dt.timedelta(days=1) - dt.timedelta(microseconds=1)
    return {start.astimezone(tz).date(), last.astimezone(tz).date()}


def local_date(moment: dt.datetime, tz: ZoneInfo) -> dt.date:
    """Local date of a stored timestamp."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz).date()


_MARKED = "avec.metrics.marked"  # session.info: (root transaction, days already marked in it)


def mark_dirty(session: Session, days: Iterable[dt.date]) -> None:
    """Append dirty marks for these UTC dates (no read, no lock: safe on the gateway path).

    A day is marked once per transaction: group commit puts hundreds of interactions of the same
    day in one transaction. Any rollback (a savepoint's included) forgets what was marked, since the
    mark may have gone with it; marking again is harmless.
    """
    root = session.get_transaction()
    marked = session.info.get(_MARKED)
    if marked is None or marked[0] is not root:
        marked = session.info[_MARKED] = (root, set[dt.date]())
    rows = [{"day": d} for d in sorted(set(days) - marked[1])]
    if rows:
        session.execute(insert(table_of(DirtyDay)), rows)
        marked[1].update(r["day"] for r in rows)


@event.listens_for(Session, "after_soft_rollback")
def _forget_marks(session: Session, _previous: Any) -> None:
    session.info.pop(_MARKED, None)


@event.listens_for(Session, "before_flush")
def _mark_changed_days(session: Session, _context: Any, _instances: Any) -> None:
    days: set[dt.date] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Interaction):
            days.add(utc_date(obj.created_at))
        elif isinstance(obj, InteractionFootprint):
            days |= _footprint_days(session, obj)
        elif obj.__class__.__module__ == "avec.review.models":
            moment = review_source.interaction_created_at(session, obj)
            if moment is not None:
                days.add(utc_date(moment))
    if days:
        mark_dirty(session, days)


def _footprint_days(session: Session, obj: InteractionFootprint) -> set[dt.date]:
    """UTC date of the footprint's interaction if loaded, else today and yesterday (no query here)."""
    key = session.identity_key(Interaction, obj.interaction_id)
    interaction = session.identity_map.get(key)
    if isinstance(interaction, Interaction):
        return {utc_date(interaction.created_at)}
    today = utcnow().date()
    return {today, today - dt.timedelta(days=1)}


_EMPTY: dict[str, Any] = {"service_id": 0, "use_case_id": 0, "ai_system_id": 0, "model_version": ""}


def _key(values: Any) -> tuple[Any, ...]:
    return tuple(v if v is not None else _EMPTY[name] for v, name in zip(values, DIMENSIONS, strict=True))


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _measures() -> list[tuple[str, Any]]:
    i, f = Interaction, InteractionFootprint
    completed = i.status == "completed"
    api = i.channel == "api"
    measures: list[tuple[str, Any]] = [
        ("interactions", func.count()),
        ("completed", _count_if(completed)),
        ("refused", _count_if(i.status == "refused")),
        ("failed", _count_if(i.status == "failed")),
        ("api_interactions", _count_if(api)),
        ("api_completed", _count_if(and_(api, completed))),
        (
            "api_never_reviewed",
            _count_if(and_(api, completed, i.review_status.in_(("pending", "not_required")))),
        ),
    ]
    for status in REVIEW_STATUSES:
        measures.append((status, _count_if(and_(completed, i.review_status == status))))
    measures += [
        ("prompt_tokens", func.coalesce(func.sum(i.prompt_tokens), 0)),
        ("completion_tokens", func.coalesce(func.sum(i.completion_tokens), 0)),
        ("latency_ms_sum", func.coalesce(func.sum(i.latency_ms), 0.0)),
        ("latency_n", func.count(i.latency_ms)),
        ("footprint_n", func.count(f.energy_kwh)),
        ("energy_kwh", func.coalesce(func.sum(f.energy_kwh), 0.0)),
        ("gwp_kg", func.coalesce(func.sum(f.gwp_kg), 0.0)),
        ("pe_mj", func.coalesce(func.sum(f.pe_mj), 0.0)),
        ("wcf_l", func.coalesce(func.sum(f.wcf_l), 0.0)),
        ("measured_n", func.count(f.measured_energy_kwh)),
        ("measured_energy_kwh", func.coalesce(func.sum(f.measured_energy_kwh), 0.0)),
    ]
    return measures


def recompute_day(session: Session, day: dt.date, tz: ZoneInfo) -> int:
    """Replace the rollup rows of local ``day`` from the source tables; returns the interactions counted."""
    start, end = local_day_bounds(day, tz)
    i, f = Interaction, InteractionFootprint
    dims = [getattr(i, name) for name in DIMENSIONS]
    measures = _measures()
    in_day = (i.created_at >= start, i.created_at < end)
    stmt = (
        select(*dims, *[m[1] for m in measures])
        .select_from(i)
        .outerjoin(f, f.interaction_id == i.id)
        .where(*in_day)
        .group_by(*dims)
    )
    review = review_source.day_aggregates(session, start, end, DIMENSIONS, _EMPTY)
    n = len(DIMENSIONS)
    rows = []
    for r in session.execute(stmt):
        key = _key(r[:n])
        row = dict(zip(DIMENSIONS, key, strict=True), day=day)
        row.update(zip([m[0] for m in measures], r[n:], strict=True))
        row.update(review.get(key, review_source.EMPTY_REVIEW))
        rows.append(row)
    session.execute(delete(DailyRollup).where(DailyRollup.day == day))
    session.execute(delete(DailyCodeRollup).where(DailyCodeRollup.day == day))
    session.execute(delete(DailyUser).where(DailyUser.day == day))
    session.execute(delete(DailyActiveUser).where(DailyActiveUser.day == day))
    if rows:
        session.execute(insert(table_of(DailyRollup)), rows)
    refusal_dims = (i.service_id, i.use_case_id, i.ai_system_id, i.error_code)
    refusals = session.execute(
        select(*refusal_dims, func.count()).where(*in_day, i.status == "refused").group_by(*refusal_dims)
    )
    codes = [
        {
            "day": day,
            "service_id": s or 0,
            "use_case_id": c or 0,
            "ai_system_id": a or 0,
            "kind": "refusal",
            "code": (code or "unknown")[:64],
            "n": count,
        }
        for s, c, a, code, count in refusals
    ]
    codes += [dict(r, day=day, kind="rejection") for r in review_source.day_reasons(session, start, end)]
    if codes:
        session.execute(insert(table_of(DailyCodeRollup)), codes)
    users_stmt = select(i.user_id, i.service_id, i.use_case_id, i.ai_system_id).where(*in_day).distinct()
    users = [
        {"day": day, "user_id": u, "service_id": s or 0, "use_case_id": c or 0, "ai_system_id": a or 0}
        for u, s, c, a in session.execute(users_stmt)
    ]
    if users:
        session.execute(insert(table_of(DailyUser)), users)
        active = {(u["user_id"], u["service_id"]) for u in users}
        week = day - dt.timedelta(days=day.weekday())
        session.execute(
            insert(table_of(DailyActiveUser)),
            [{"day": day, "week": week, "user_id": u, "service_id": s} for u, s in sorted(active)],
        )
    return sum(int(r["interactions"]) for r in rows)


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK_KEY})


def refresh_rollups(session: Session, ms: MetricsSettings) -> list[dt.date]:
    """Recompute the local days marked dirty; returns them, sorted."""
    _lock(session)
    marks = session.execute(select(DirtyDay.id, DirtyDay.day)).all()
    if not marks:
        return []
    tz = ZoneInfo(ms.timezone)
    days: set[dt.date] = set()
    for _id, day in marks:
        days |= local_days_of_utc_date(day, tz)
    for day in sorted(days):
        recompute_day(session, day, tz)
    ids = [m[0] for m in marks]
    for chunk in range(0, len(ids), 500):
        session.execute(delete(DirtyDay).where(DirtyDay.id.in_(ids[chunk : chunk + 500])))
    return sorted(days)


def rebuild_rollups(session: Session, ms: MetricsSettings) -> int:
    """Recompute every day from the first to the last interaction; returns the days recomputed."""
    _lock(session)
    tz = ZoneInfo(ms.timezone)
    first, last = session.execute(select(func.min(Interaction.created_at), func.max(Interaction.created_at))).one()
    session.execute(delete(DailyRollup))
    session.execute(delete(DailyCodeRollup))
    session.execute(delete(DailyUser))
    session.execute(delete(DailyActiveUser))
    session.execute(delete(DirtyDay))
    if first is None:
        return 0
    day, end = local_date(first, tz), local_date(last, tz)
    count = 0
    while day <= end:
        recompute_day(session, day, tz)
        day += dt.timedelta(days=1)
        count += 1
    return count
