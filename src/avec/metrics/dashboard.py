"""Everything one dashboard page shows, gathered in one call (also used by the JSON and CSV exports)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.models import Service
from avec.db import utcnow
from avec.metrics import service
from avec.metrics.indicators import (
    Filters,
    Indicators,
    compute_grouped,
    day_system_sums,
    indicator_columns,
    rejection_reasons,
)
from avec.metrics.models import MetricsAlert
from avec.metrics.settings import MetricsSettings
from avec.metrics.spc import PChart, VersionComparison, p_chart, version_comparisons, weekly_from_day_rows
from avec.registry.models import AISystem, UseCase

SHARES = (
    "share_approved",
    "share_modified",
    "share_rejected",
    "share_escalated",
    "share_api_never_reviewed",
    "share_refused",
    "mean_latency_ms",
    "mean_edit_distance",
    "mean_decision_hours",
    "time_saved_hours",
    "second_reading_agreement",
    "energy_wh_per_interaction",
    "gwp_g_per_interaction",
)


@dataclass
class Names:
    """Display names of the dimensions (ids -> names)."""

    services: dict[int, str] = field(default_factory=dict)
    use_cases: dict[int, str] = field(default_factory=dict)
    systems: dict[int, str] = field(default_factory=dict)

    def label(self, group: str, key: Any) -> str:
        """Readable label of a group key."""
        if key is None:
            return "total"
        table = {"service": self.services, "use_case": self.use_cases, "ai_system": self.systems}.get(group)
        if table is not None:
            return table.get(int(key), "—") if key else "—"
        return key.isoformat() if isinstance(key, dt.date) else str(key)


def names(session: Session) -> Names:
    """Names of services, use cases and AI systems."""
    return Names(
        services={int(k): str(v) for k, v in session.execute(select(Service.id, Service.name))},
        use_cases={int(k): str(v) for k, v in session.execute(select(UseCase.id, UseCase.title))},
        systems={int(k): str(v) for k, v in session.execute(select(AISystem.id, AISystem.name))},
    )


def today(ms: MetricsSettings) -> dt.date:
    """Today in the metrics calendar."""
    return utcnow().astimezone(ZoneInfo(ms.timezone)).date()


def default_filters(ms: MetricsSettings, days: int = 182) -> Filters:
    """The last ``days`` days up to today."""
    end = today(ms)
    return Filters(end - dt.timedelta(days=days - 1), end)


@dataclass
class Dashboard:
    """The figures of the dashboard for one set of filters."""

    filters: Filters
    names: Names
    total: Indicators
    weekly: list[Indicators]
    by_system: list[Indicators]
    by_use_case: list[Indicators]
    by_service: list[Indicators]
    reasons: dict[str, int]
    rejection_charts: dict[int, PChart]
    modification_charts: dict[int, PChart]
    versions: list[VersionComparison]
    alerts: list[MetricsAlert]
    demo_interactions: int
    training: list[Any]


def build(session: Session, ms: MetricsSettings, filters: Filters) -> Dashboard:
    """Refresh the rollups and alerts, then read every figure of the dashboard."""
    service.refresh(session, ms)
    day_rows = day_system_sums(session, filters)
    grouped = compute_grouped(
        session,
        filters,
        ["total", "week", "ai_system", "use_case", "service"],
        users_by_use_case_and_system=False,
        day_rows=day_rows,
    )
    [total] = grouped["total"] or [Indicators()]
    charts: dict[str, dict[int, PChart]] = {"rejection_rate": {}, "modification_rate": {}}
    for sid, by_metric in weekly_from_day_rows(day_rows).items():
        for metric, points in by_metric.items():
            if sid:
                charts[metric][sid] = p_chart(
                    points, baseline_periods=ms.spc_baseline_periods, min_n=ms.spc_min_decisions
                )
    return Dashboard(
        filters=filters,
        names=names(session),
        total=total,
        weekly=grouped["week"],
        by_system=grouped["ai_system"],
        by_use_case=grouped["use_case"],
        by_service=grouped["service"],
        reasons=rejection_reasons(session, filters),
        rejection_charts=charts["rejection_rate"],
        modification_charts=charts["modification_rate"],
        versions=[v for v in version_comparisons(session, ms) if filters.ai_system_id in (None, v.ai_system_id)],
        alerts=service.open_alerts(session),
        demo_interactions=service.demo_interactions(session),
        training=_training_coverage(session),
    )


def _training_coverage(session: Session) -> list[Any]:
    """Per service: active users and fully trained users (from the training domain's register)."""
    from avec.training import register  # the training domain's own service

    try:
        return list(register.coverage(session))
    except (OSError, ValueError):  # the module catalogue could not be read: show no coverage, not a 500
        return []


def row_dict(row: Indicators, group: str, labels: Names) -> dict[str, Any]:
    """A flat dict of one indicators row: group label, counts, sums, shares (None when undefined)."""
    out: dict[str, Any] = {"group": group, "key": labels.label(group, row.key)}
    if group in ("service", "use_case", "ai_system"):
        out["id"] = row.key
    for name in indicator_columns():
        out[name] = getattr(row, name)
    out["decided"] = row.decided
    for name in SHARES:
        value = getattr(row, name)
        out[name] = round(value, 6) if isinstance(value, float) else value
    out["refusals"] = dict(row.refusals)
    return out


def _csv_cell(value: Any) -> Any:
    # A cell starting with = + - @ runs as a formula in spreadsheets (CSV injection): neutralise names.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: list[dict[str, Any]]) -> str:
    """CSV of indicator rows (refusals flattened as ``refusals:<code>`` columns)."""
    codes = sorted({code for r in rows for code in r.get("refusals", {})})
    header = [k for k in (rows[0] if rows else {"group": None, "key": None}) if k != "refusals"]
    header += [f"refusals:{c}" for c in codes]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for r in rows:
        flat = {k: v for k, v in r.items() if k != "refusals"}
        flat.update({f"refusals:{c}": r.get("refusals", {}).get(c, 0) for c in codes})
        writer.writerow([_csv_cell(flat.get(h)) for h in header])
    return buf.getvalue()
