"""Statistical process control on review outcomes: p-charts, version before/after, alerts.

A p-chart follows the weekly share of decided outputs that were rejected (or modified) for each AI
system and each use case. Its centre line is the pooled share over the first ``spc_baseline_periods``
weeks having at least ``spc_min_decisions`` decisions (Phase I), and each later week is judged
against p̄ ± 3·sqrt(p̄(1-p̄)/n). Around each change of the model version reported for an AI system,
the shares over the ``version_window_days`` before and after are compared with a two-proportion
z-test (|z| ≥ 3 raises an alert). Hand-written because these few formulas are all that is needed and
the charting/statistics libraries would add heavy dependencies for them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from avec.db import utcnow
from avec.metrics.models import DailyRollup, MetricsAlert
from avec.metrics.settings import MetricsSettings

METRIC_STATUS = {"rejection_rate": "rejected", "modification_rate": "modified"}
SCOPES = {"ai_system": DailyRollup.ai_system_id, "use_case": DailyRollup.use_case_id}
Z_LIMIT = 3.0


@dataclass(frozen=True)
class ChartPoint:
    """One period of a p-chart."""

    period_start: dt.date
    events: int
    n: int
    p: float | None
    lcl: float | None
    ucl: float | None
    state: str  # baseline | in_control | above | below | too_small


@dataclass(frozen=True)
class PChart:
    """A p-chart: centre line and the judged points."""

    center: float | None
    points: list[ChartPoint] = field(default_factory=list)

    @property
    def out_of_control(self) -> list[ChartPoint]:
        """Points above or below the 3-sigma limits."""
        return [p for p in self.points if p.state in ("above", "below")]


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def p_chart(series: list[tuple[dt.date, int, int]], *, baseline_periods: int, min_n: int) -> PChart:
    """p-chart of ``series`` = [(period_start, events, n)] sorted by period (see module doc)."""
    eligible = [(d, x, n) for d, x, n in series if n >= min_n]
    baseline = eligible[:baseline_periods]
    if len(baseline) < min(3, baseline_periods):
        return PChart(None, [ChartPoint(d, x, n, x / n if n else None, None, None, "too_small") for d, x, n in series])
    base_n = sum(n for _, _, n in baseline)
    center = sum(x for _, x, _ in baseline) / base_n
    baseline_days = {d for d, _, _ in baseline}
    points = []
    for d, x, n in series:
        if n < min_n or n == 0:
            points.append(ChartPoint(d, x, n, x / n if n else None, None, None, "too_small"))
            continue
        sigma = math.sqrt(center * (1 - center) / n)
        lcl, ucl = max(0.0, center - 3 * sigma), min(1.0, center + 3 * sigma)
        p = x / n
        if d in baseline_days:
            state = "baseline"
        elif p > ucl:
            state = "above"
        elif p < lcl:
            state = "below"
        else:
            state = "in_control"
        points.append(ChartPoint(d, x, n, p, lcl, ucl, state))
    return PChart(center, points)


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """z statistic of p2 - p1 with the pooled variance (None when undefined)."""
    if n1 == 0 or n2 == 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    var = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if var <= 0:
        return None
    return (x2 / n2 - x1 / n1) / math.sqrt(var)


def _decided(r: type[DailyRollup]) -> Any:
    return r.approved + r.modified + r.rejected + r.escalated


def weekly_counts(
    session: Session, scope: str, *, scope_id: int | None = None
) -> dict[int, dict[str, list[tuple[dt.date, int, int]]]]:
    """scope id -> metric -> [(week start, events, decided)], from one query on the daily rollups."""
    r = DailyRollup
    column = SCOPES[scope]
    stmt = select(r.day, column, func.sum(r.rejected), func.sum(r.modified), func.sum(_decided(r)))
    if scope_id is not None:
        stmt = stmt.where(column == scope_id)
    buckets: dict[int, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for day, sid, rejected, modified, n in session.execute(stmt.group_by(r.day, column)):
        if not n:
            continue
        cell = buckets[int(sid)][week_start(day)]
        cell[0] += int(rejected or 0)
        cell[1] += int(modified or 0)
        cell[2] += int(n)
    return {
        sid: {
            "rejection_rate": [(w, c[0], c[2]) for w, c in sorted(weeks.items())],
            "modification_rate": [(w, c[1], c[2]) for w, c in sorted(weeks.items())],
        }
        for sid, weeks in buckets.items()
    }


def weekly_from_day_rows(
    day_rows: list[tuple[dt.date, int, dict[str, Any]]],
) -> dict[int, dict[str, list[tuple[dt.date, int, int]]]]:
    """Same shape as :func:`weekly_counts` (scope ``ai_system``), from ``indicators.day_system_sums`` rows."""
    buckets: dict[int, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for day, sid, sums in day_rows:
        decided = sum(int(sums.get(k) or 0) for k in ("approved", "modified", "rejected", "escalated"))
        if not decided:
            continue
        cell = buckets[sid][week_start(day)]
        cell[0] += int(sums.get("rejected") or 0)
        cell[1] += int(sums.get("modified") or 0)
        cell[2] += decided
    return {
        sid: {
            "rejection_rate": [(w, c[0], c[2]) for w, c in sorted(weeks.items())],
            "modification_rate": [(w, c[1], c[2]) for w, c in sorted(weeks.items())],
        }
        for sid, weeks in buckets.items()
    }


def weekly_series(
    session: Session, scope: str, metric: str, *, scope_id: int | None = None
) -> dict[int, list[tuple[dt.date, int, int]]]:
    """scope id -> [(week start, events, decided)] for ``metric`` from the daily rollups."""
    return {sid: by_metric[metric] for sid, by_metric in weekly_counts(session, scope, scope_id=scope_id).items()}


@dataclass(frozen=True)
class VersionComparison:
    """Shares before and after a model version change of one AI system."""

    ai_system_id: int
    changed_on: dt.date
    old_version: str
    new_version: str
    metric: str
    before_events: int
    before_n: int
    after_events: int
    after_n: int
    z: float | None

    @property
    def before_p(self) -> float | None:
        """Share before the change."""
        return self.before_events / self.before_n if self.before_n else None

    @property
    def after_p(self) -> float | None:
        """Share after the change."""
        return self.after_events / self.after_n if self.after_n else None


def version_comparisons(session: Session, ms: MetricsSettings) -> list[VersionComparison]:
    """Before/after comparison of each metric around each model version change of each AI system."""
    first_seen = (
        select(DailyRollup.ai_system_id, DailyRollup.model_version, func.min(DailyRollup.day))
        .where(DailyRollup.model_version != "", DailyRollup.ai_system_id != 0)
        .group_by(DailyRollup.ai_system_id, DailyRollup.model_version)
    )
    versions: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for sid, version, day in session.execute(first_seen):
        versions[int(sid)].append((day, version))
    window = dt.timedelta(days=ms.version_window_days)
    results = []
    for sid, seen in sorted(versions.items()):
        seen.sort()
        for (_, old), (changed, new) in zip(seen, seen[1:], strict=False):
            counts = _decided_counts(session, sid, changed - window, changed, changed + window)
            for metric, status in METRIC_STATUS.items():
                bx, bn = counts["before"].get(status, 0), counts["before"]["_n"]
                ax, an = counts["after"].get(status, 0), counts["after"]["_n"]
                results.append(
                    VersionComparison(sid, changed, old, new, metric, bx, bn, ax, an, two_proportion_z(bx, bn, ax, an))
                )
    return results


def _decided_counts(
    session: Session, sid: int, start: dt.date, middle: dt.date, end: dt.date
) -> dict[str, dict[str, int]]:
    r = DailyRollup
    stmt = (
        select(r.day, func.sum(r.rejected), func.sum(r.modified), func.sum(_decided(r)))
        .where(r.ai_system_id == sid, r.day >= start, r.day < end)
        .group_by(r.day)
    )
    out: dict[str, dict[str, int]] = {"before": {"_n": 0}, "after": {"_n": 0}}
    for day, rejected, modified, decided in session.execute(stmt):
        side = out["before" if day < middle else "after"]
        side["rejected"] = side.get("rejected", 0) + int(rejected or 0)
        side["modified"] = side.get("modified", 0) + int(modified or 0)
        side["_n"] += int(decided or 0)
    return out


def evaluate_alerts(session: Session, ms: MetricsSettings) -> int:
    """Record an alert per out-of-control week and per significant version shift; returns the new ones."""
    existing = {
        (a.kind, a.metric, a.scope, a.scope_id, a.period_start)
        for a in session.execute(
            select(
                MetricsAlert.kind,
                MetricsAlert.metric,
                MetricsAlert.scope,
                MetricsAlert.scope_id,
                MetricsAlert.period_start,
            )
        )
    }
    new: list[MetricsAlert] = []

    def add(alert: MetricsAlert) -> None:
        key = (alert.kind, alert.metric, alert.scope, alert.scope_id, alert.period_start)
        if key not in existing:
            existing.add(key)
            new.append(alert)

    for scope in SCOPES:
        for sid, by_metric in weekly_counts(session, scope).items():
            for metric, series in by_metric.items():
                if sid == 0:
                    continue
                chart = p_chart(series, baseline_periods=ms.spc_baseline_periods, min_n=ms.spc_min_decisions)
                for point in chart.out_of_control:
                    limit = point.ucl if point.state == "above" else point.lcl
                    add(
                        MetricsAlert(
                            created_at=utcnow(),
                            kind=f"spc_{point.state}",
                            metric=metric,
                            scope=scope,
                            scope_id=sid,
                            period_start=point.period_start,
                            value=point.p or 0.0,
                            center=chart.center or 0.0,
                            control_limit=limit or 0.0,
                            n=point.n,
                            details={"events": point.events},
                        )
                    )
    for cmp in version_comparisons(session, ms):
        enough = min(cmp.before_n, cmp.after_n) >= ms.spc_min_decisions
        if enough and cmp.z is not None and abs(cmp.z) >= Z_LIMIT:
            add(
                MetricsAlert(
                    created_at=utcnow(),
                    kind="version_shift",
                    metric=cmp.metric,
                    scope="ai_system",
                    scope_id=cmp.ai_system_id,
                    period_start=cmp.changed_on,
                    value=cmp.after_p or 0.0,
                    center=cmp.before_p or 0.0,
                    control_limit=Z_LIMIT,
                    n=cmp.after_n,
                    details={
                        "z": round(cmp.z, 3),
                        "old_version": cmp.old_version[:100],
                        "new_version": cmp.new_version[:100],
                        "before_n": cmp.before_n,
                    },
                )
            )
    session.add_all(new)
    return len(new)
