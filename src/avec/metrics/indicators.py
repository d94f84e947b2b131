"""Indicators by period, service, use case and AI system, read from the daily rollups.

Every figure is a sum over rollup rows (GROUP BY in SQL on the indexed ``day``), so a dashboard
reads at most a few thousand rows whatever the number of interactions. Shares are computed here,
from the counts, so that a table and its CSV always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Date, cast, func, select
from sqlalchemy.orm import Session

from avec.metrics.models import DailyActiveUser, DailyCodeRollup, DailyRollup, DailyUser

GROUPS = ("total", "day", "week", "month", "service", "use_case", "ai_system")
_DIM_COLUMNS = {"service": "service_id", "use_case": "use_case_id", "ai_system": "ai_system_id"}
_SUMS = (
    "interactions",
    "completed",
    "refused",
    "failed",
    "api_interactions",
    "api_completed",
    "api_never_reviewed",
    "approved",
    "modified",
    "rejected",
    "escalated",
    "pending",
    "not_required",
    "prompt_tokens",
    "completion_tokens",
    "latency_ms_sum",
    "latency_n",
    "footprint_n",
    "energy_kwh",
    "gwp_kg",
    "pe_mj",
    "wcf_l",
    "measured_n",
    "measured_energy_kwh",
    "decisions_n",
    "decision_seconds_sum",
    "edit_n",
    "edit_distance_sum",
    "time_saved_n",
    "time_saved_seconds_sum",
    "second_readings_n",
    "second_agree_n",
)


class IndicatorQueryError(ValueError):
    """Bad filters (unknown grouping, reversed period)."""


@dataclass(frozen=True)
class Filters:
    """Period (local days, both ends included) and optional dimensions."""

    start: dt.date
    end: dt.date
    service_id: int | None = None
    use_case_id: int | None = None
    ai_system_id: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise IndicatorQueryError("the end of the period is before its start")


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


@dataclass
class Indicators:
    """Counts and sums for one group; shares and means are properties."""

    key: Any = None
    interactions: int = 0
    completed: int = 0
    refused: int = 0
    failed: int = 0
    users: int | None = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    approved: int = 0
    modified: int = 0
    rejected: int = 0
    escalated: int = 0
    pending: int = 0
    not_required: int = 0
    api_interactions: int = 0
    api_completed: int = 0
    api_never_reviewed: int = 0
    latency_ms_sum: float = 0.0
    latency_n: int = 0
    footprint_n: int = 0
    energy_kwh: float = 0.0
    gwp_kg: float = 0.0
    pe_mj: float = 0.0
    wcf_l: float = 0.0
    measured_n: int = 0
    measured_energy_kwh: float = 0.0
    decisions_n: int = 0
    decision_seconds_sum: float = 0.0
    edit_n: int = 0
    edit_distance_sum: float = 0.0
    time_saved_n: int = 0
    time_saved_seconds_sum: float = 0.0
    second_readings_n: int = 0
    second_agree_n: int = 0
    refusals: dict[str, int] = field(default_factory=dict)

    @property
    def decided(self) -> int:
        """Completed outputs with a decision (approved, modified, rejected or escalated)."""
        return self.approved + self.modified + self.rejected + self.escalated

    @property
    def share_approved(self) -> float | None:
        """Approved / decided."""
        return _share(self.approved, self.decided)

    @property
    def share_modified(self) -> float | None:
        """Modified / decided."""
        return _share(self.modified, self.decided)

    @property
    def share_rejected(self) -> float | None:
        """Rejected / decided."""
        return _share(self.rejected, self.decided)

    @property
    def share_escalated(self) -> float | None:
        """Escalated / decided."""
        return _share(self.escalated, self.decided)

    @property
    def share_api_never_reviewed(self) -> float | None:
        """API outputs with no decision (pending or not required) / API outputs."""
        return _share(self.api_never_reviewed, self.api_completed)

    @property
    def share_refused(self) -> float | None:
        """Requests refused by the policy / all requests."""
        return _share(self.refused, self.interactions)

    @property
    def mean_latency_ms(self) -> float | None:
        """Mean end-to-end latency."""
        return _share(self.latency_ms_sum, self.latency_n)

    @property
    def mean_edit_distance(self) -> float | None:
        """Mean edit distance between draft and final text, over modified outputs."""
        return _share(self.edit_distance_sum, self.edit_n)

    @property
    def mean_decision_hours(self) -> float | None:
        """Mean time from the output to its decision, in hours."""
        mean = _share(self.decision_seconds_sum, self.decisions_n)
        return mean / 3600 if mean is not None else None

    @property
    def time_saved_hours(self) -> float:
        """Declared time saved, in hours."""
        return self.time_saved_seconds_sum / 3600

    @property
    def second_reading_agreement(self) -> float | None:
        """Share of second readings that agreed with the first decision."""
        return _share(self.second_agree_n, self.second_readings_n)

    @property
    def energy_wh_per_interaction(self) -> float | None:
        """Estimated energy per interaction with a footprint, in Wh."""
        mean = _share(self.energy_kwh, self.footprint_n)
        return mean * 1000 if mean is not None else None

    @property
    def gwp_g_per_interaction(self) -> float | None:
        """Estimated greenhouse gases per interaction with a footprint, in gCO2eq."""
        mean = _share(self.gwp_kg, self.footprint_n)
        return mean * 1000 if mean is not None else None

    def add(self, sums: dict[str, Any]) -> None:
        """Add the sums of one rollup group."""
        for name in _SUMS:
            setattr(self, name, getattr(self, name) + (sums.get(name) or 0))


def bucket(day: dt.date, group: str) -> dt.date:
    """Start of the day's period for ``group`` (day, ISO week starting Monday, month)."""
    if group == "week":
        return day - dt.timedelta(days=day.weekday())
    if group == "month":
        return day.replace(day=1)
    return day


def _where(model: Any, filters: Filters) -> list[Any]:
    clauses = [model.day >= filters.start, model.day <= filters.end]
    for dim, column in _DIM_COLUMNS.items():
        value = getattr(filters, f"{dim}_id")
        if value is not None:
            clauses.append(getattr(model, column) == value)
    return clauses


PERIODS = ("day", "week", "month")
_DIMS3 = ("service_id", "use_case_id", "ai_system_id")


def period_start(session: Session, column: Any, group: str) -> Any:
    """SQL expression of the first day of ``column``'s day, ISO week (Monday) or month."""
    if group == "day":
        return column
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.date_trunc(group, column), Date)
    return func.date(column, "weekday 0", "-6 days") if group == "week" else func.date(column, "start of month")


def _as_date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _sorted(out: dict[Any, Indicators]) -> list[Indicators]:
    return [out[k] for k in sorted(out, key=lambda k: (k is None, k))]


def day_system_sums(session: Session, filters: Filters) -> list[tuple[dt.date, int, dict[str, Any]]]:
    """(day, AI system id, sums) of the period: feeds period groupings and control charts in one query."""
    r = DailyRollup
    stmt = (
        select(r.day, r.ai_system_id, *[func.sum(getattr(r, name)) for name in _SUMS])
        .where(*_where(r, filters))
        .group_by(r.day, r.ai_system_id)
    )
    return [(row[0], int(row[1]), dict(zip(_SUMS, row[2:], strict=True))) for row in session.execute(stmt)]


def compute_grouped(
    session: Session,
    filters: Filters,
    groups: Sequence[str],
    *,
    users_by_use_case_and_system: bool = True,
    day_rows: list[tuple[dt.date, int, dict[str, Any]]] | None = None,
) -> dict[str, list[Indicators]]:
    """Several groupings of the period with few queries.

    The total and the service / use case / AI system groupings come from one query grouped by the three
    dimensions (sums are additive); the period groupings (day, week, month) from one query by day, or
    from ``day_rows`` (see :func:`day_system_sums`) when the caller already has them. Distinct
    users are counted on the compact ``metrics_daily_active`` table unless a use case or AI system is
    involved; ``users_by_use_case_and_system=False`` leaves those counts out (``None``) for speed.
    """
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        raise IndicatorQueryError(f"unknown grouping {unknown[0]!r}; expected one of {', '.join(GROUPS)}")
    r, c = DailyRollup, DailyCodeRollup
    result: dict[str, dict[Any, Indicators]] = {g: {} for g in groups}
    sums = [func.sum(getattr(r, name)) for name in _SUMS]
    dims_wanted = [g for g in groups if g == "total" or g in _DIM_COLUMNS]
    if dims_wanted:
        dims = [getattr(r, name) for name in _DIMS3]
        code_dims = [getattr(c, name) for name in _DIMS3]
        rows = session.execute(select(*dims, *sums).where(*_where(r, filters)).group_by(*dims)).all()
        codes = session.execute(
            select(*code_dims, c.code, func.sum(c.n))
            .where(*_where(c, filters), c.kind == "refusal")
            .group_by(*code_dims, c.code)
        ).all()
        for g in dims_wanted:
            for row in rows:
                key = None if g == "total" else row[_DIMS3.index(_DIM_COLUMNS[g])]
                result[g].setdefault(key, Indicators(key=key)).add(dict(zip(_SUMS, row[3:], strict=True)))
            for row in codes:
                key = None if g == "total" else row[_DIMS3.index(_DIM_COLUMNS[g])]
                refusals = result[g].setdefault(key, Indicators(key=key)).refusals
                refusals[row[3]] = refusals.get(row[3], 0) + int(row[4])
    periods = [g for g in groups if g in PERIODS]
    if periods:  # one query by day; weeks and months are summed here (cheaper than date functions in SQL)
        if day_rows is None:
            stmt = select(r.day, *sums).where(*_where(r, filters)).group_by(r.day)
            day_rows = [(row[0], 0, dict(zip(_SUMS, row[1:], strict=True))) for row in session.execute(stmt)]
        for day, _system, day_sums in day_rows:
            for g in periods:
                key = bucket(day, g)
                result[g].setdefault(key, Indicators(key=key)).add(day_sums)
        code_stmt = (
            select(c.day, c.code, func.sum(c.n)).where(*_where(c, filters), c.kind == "refusal").group_by(c.day, c.code)
        )
        for day, code, n in session.execute(code_stmt):
            for g in periods:
                refusals = result[g].setdefault(bucket(day, g), Indicators(key=bucket(day, g))).refusals
                refusals[code] = refusals.get(code, 0) + int(n)
    for g in groups:
        if g in ("use_case", "ai_system") and not users_by_use_case_and_system:
            for indicators in result[g].values():
                indicators.users = None
            continue
        for key, users in _distinct_users(session, filters, g).items():
            if key in result[g] or users:
                result[g].setdefault(key, Indicators(key=key)).users = users
    return {g: _sorted(result[g]) for g in groups}


def compute_indicators(session: Session, filters: Filters, group: str = "total") -> list[Indicators]:
    """Indicators of the period grouped by ``group`` (one of GROUPS), sorted by group key."""
    return compute_grouped(session, filters, [group])[group]


def _distinct_users(session: Session, filters: Filters, group: str) -> dict[Any, int]:
    narrow = filters.use_case_id is None and filters.ai_system_id is None and group not in ("use_case", "ai_system")
    u: Any = DailyActiveUser if narrow else DailyUser
    where = [u.day >= filters.start, u.day <= filters.end]
    for dim in ("service",) if narrow else tuple(_DIM_COLUMNS):
        value = getattr(filters, f"{dim}_id")
        if value is not None:
            where.append(getattr(u, _DIM_COLUMNS[dim]) == value)
    distinct = func.count(func.distinct(u.user_id))
    if group == "total":
        return {None: int(session.scalar(select(distinct).where(*where)) or 0)}
    if group == "week" and narrow:
        column = u.week
    elif group in PERIODS:
        column = period_start(session, u.day, group)
    else:
        column = getattr(u, _DIM_COLUMNS[group])
    stmt = select(column, distinct).where(*where).group_by(column)
    return {_as_date(k): int(n) for k, n in session.execute(stmt)}


def rejection_reasons(session: Session, filters: Filters) -> dict[str, int]:
    """Rejection reason codes of the period, most frequent first."""
    r = DailyCodeRollup
    stmt = select(r.code, func.sum(r.n)).where(*_where(r, filters), r.kind == "rejection").group_by(r.code)
    counts = {reason: int(n) for reason, n in session.execute(stmt)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def indicator_columns() -> list[str]:
    """Names of the count/sum fields, for CSV headers."""
    return [f.name for f in fields(Indicators) if f.name not in ("key", "refusals")]
