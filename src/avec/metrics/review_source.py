"""What the metrics read from the review domain (decisions, reasons, second readings).

Kept in one module so that the rollup depends on the review tables' details in one place only.
Review measures are attached to the day of the *interaction* (not of the decision), so that a day's
rollup row says what became of that day's outputs. Aggregation happens in Python over one day of
rows (a few thousand at most), which keeps date arithmetic portable between SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from avec.gateway.models import Interaction
from avec.review.models import ReviewDecision, SecondReading

EMPTY_REVIEW: dict[str, float | int] = {
    "decisions_n": 0,
    "decision_seconds_sum": 0.0,
    "edit_n": 0,
    "edit_distance_sum": 0.0,
    "time_saved_n": 0,
    "time_saved_seconds_sum": 0.0,
    "second_readings_n": 0,
    "second_agree_n": 0,
}
# The review domain may add a numeric edit distance to its decisions; read it when it exists.
_EDIT_DISTANCE = getattr(ReviewDecision, "edit_distance", None)


def interaction_created_at(session: Session, obj: Any) -> dt.datetime | None:
    """Creation time of the interaction a review record points at (None if it points at none)."""
    interaction_id = getattr(obj, "interaction_id", None)
    if interaction_id is None:
        return None
    loaded = session.identity_map.get(session.identity_key(Interaction, interaction_id))
    if isinstance(loaded, Interaction):
        return loaded.created_at
    with session.no_autoflush:
        found: dt.datetime | None = session.scalar(
            select(Interaction.created_at).where(Interaction.id == interaction_id)
        )
    return found


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _dims(i: type[Interaction], dimensions: tuple[str, ...]) -> list[Any]:
    return [getattr(i, name) for name in dimensions]


def _key(values: Any, empty: dict[str, Any], dimensions: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(v if v is not None else empty[name] for v, name in zip(values, dimensions, strict=True))


def day_aggregates(
    session: Session, start: dt.datetime, end: dt.datetime, dimensions: tuple[str, ...], empty: dict[str, Any]
) -> dict[tuple[Any, ...], dict[str, float | int]]:
    """Review measures of the interactions created in [start, end), keyed by the rollup dimensions."""
    i, d = Interaction, ReviewDecision
    n = len(dimensions)
    edit = _EDIT_DISTANCE if _EDIT_DISTANCE is not None else null()
    stmt = (
        select(*_dims(i, dimensions), i.created_at, d.step, d.decision, d.decided_at, d.time_saved_minutes, edit)
        .join(d, d.interaction_id == i.id)
        .where(i.created_at >= start, i.created_at < end)
    )
    out: dict[tuple[Any, ...], dict[str, float | int]] = defaultdict(lambda: dict(EMPTY_REVIEW))
    for row in session.execute(stmt):
        key = _key(row[:n], empty, dimensions)
        created, step, decision, decided_at, saved, distance = row[n:]
        cell = out[key]
        if step == 1:
            cell["decisions_n"] += 1
            cell["decision_seconds_sum"] += max(0.0, (_aware(decided_at) - _aware(created)).total_seconds())
        if saved is not None:
            cell["time_saved_n"] += 1
            cell["time_saved_seconds_sum"] += float(saved) * 60
        if _EDIT_DISTANCE is not None and decision == "modify" and distance is not None:
            cell["edit_n"] += 1
            cell["edit_distance_sum"] += float(distance)
    s = SecondReading
    readings = (
        select(*_dims(i, dimensions), s.agrees)
        .join(s, s.interaction_id == i.id)
        .where(i.created_at >= start, i.created_at < end, s.agrees.is_not(None))
    )
    for row in session.execute(readings):
        cell = out[_key(row[:n], empty, dimensions)]
        cell["second_readings_n"] += 1
        cell["second_agree_n"] += 1 if row[n] else 0
    return dict(out)


def day_reasons(session: Session, start: dt.datetime, end: dt.datetime) -> list[dict[str, Any]]:
    """Rejection reasons of the interactions created in [start, end), counted by dimensions."""
    i, d = Interaction, ReviewDecision
    stmt = (
        select(i.service_id, i.use_case_id, i.ai_system_id, d.reason_codes)
        .join(d, d.interaction_id == i.id)
        .where(i.created_at >= start, i.created_at < end, d.decision == "reject")
    )
    counts: dict[tuple[int, int, int, str], int] = defaultdict(int)
    for service_id, use_case_id, ai_system_id, codes in session.execute(stmt):
        for code in codes or ["other"]:
            counts[(service_id or 0, use_case_id or 0, ai_system_id or 0, str(code)[:64])] += 1
    return [
        {"service_id": s, "use_case_id": c, "ai_system_id": a, "code": r, "n": n} for (s, c, a, r), n in counts.items()
    ]
