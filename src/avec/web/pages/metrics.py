"""HTML pages: the indicators dashboard (Estimer) and the acknowledgement of alerts.

``/metrics`` itself is the Prometheus endpoint; a browser asking for HTML there is redirected here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from avec.accounts.deps import SessionDep, SettingsDep
from avec.accounts.schemas import Principal
from avec.metrics import charts, dashboard, service
from avec.metrics.indicators import Filters, IndicatorQueryError
from avec.metrics.settings import metrics_settings
from avec.web.csrf import verify_csrf
from avec.web.deps import require_web_roles
from avec.web.i18n import Translator
from avec.web.templating import page_language, render

router = APIRouter()
Reader = Annotated[Principal, Depends(require_web_roles("quality", "admin", "dpo"))]
Acknowledger = Annotated[Principal, Depends(require_web_roles("quality", "admin"))]
SEGMENTS = (
    ("approved", "pat-solid"),
    ("modified", "pat-hatch"),
    ("rejected", "pat-cross"),
    ("escalated", "pat-dots"),
    ("pending", "pat-blank"),
)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _filters(request: Request, ms: Any) -> tuple[Filters, str | None]:
    """Filters from the query string; a bad value gives the default period and an error key."""
    q = request.query_params
    default = dashboard.default_filters(ms)
    try:
        start = dt.date.fromisoformat(q["start"]) if q.get("start") else default.start
        end = dt.date.fromisoformat(q["end"]) if q.get("end") else default.end
        return Filters(
            start, end, _int(q.get("service_id")), _int(q.get("use_case_id")), _int(q.get("ai_system_id"))
        ), None
    except ValueError as exc:
        key = "metrics.error.reversed" if isinstance(exc, IndicatorQueryError) else "metrics.error.bad_date"
        return default, key


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}".replace(".", ",")


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}".replace(",", "\u202f").replace(".", ",")


def _charts(data: dashboard.Dashboard, tr: Translator) -> dict[str, Any]:
    weeks = [r.key.strftime("%d/%m") for r in data.weekly]
    every = max(1, len(weeks) // 9)
    use = charts.bar_chart(
        "chart-use",
        weeks,
        [r.interactions for r in data.weekly],
        title=tr("metrics.chart.use_title"),
        desc=tr("metrics.chart.use_desc"),
        label_every=every,
    )
    energy = charts.bar_chart(
        "chart-energy",
        weeks,
        [r.energy_kwh * 1000 for r in data.weekly],
        title=tr("metrics.chart.energy_title"),
        desc=tr("metrics.chart.energy_desc"),
        label_every=every,
        fmt=lambda v: f"{v:,.1f}".replace(",", " "),
    )
    rows = [
        (data.names.label("use_case", r.key), {k: getattr(r, k) for k, _ in SEGMENTS})
        for r in data.by_use_case
        if r.completed
    ]
    outcomes = charts.stacked_bars(
        "chart-outcomes",
        rows,
        [(k, tr(f"metrics.review.{k}"), p) for k, p in SEGMENTS],
        title=tr("metrics.chart.outcomes_title"),
        desc=tr("metrics.chart.outcomes_desc"),
    )
    reasons = charts.hbar_chart(
        "chart-reasons",
        [tr(f"metrics.reason.{k}") for k in data.reasons],
        list(data.reasons.values()),
        title=tr("metrics.chart.reasons_title"),
        desc=tr("metrics.chart.reasons_desc"),
    )
    labels = {
        k: tr(f"metrics.spc.{k}")
        for k in (
            "baseline",
            "in_control",
            "above",
            "below",
            "too_small",
            "legend_point",
            "legend_out",
            "legend_center",
            "legend_limit",
            "legend_baseline",
        )
    }
    pcharts = []
    for metric, by_system in (
        ("rejection_rate", data.rejection_charts),
        ("modification_rate", data.modification_charts),
    ):
        for sid, chart in sorted(by_system.items()):
            name = data.names.label("ai_system", sid)
            title = tr(f"metrics.spc.title_{metric}", system=name)
            pcharts.append(
                {
                    "metric": metric,
                    "system": name,
                    "chart": chart,
                    "title": title,
                    "svg": charts.p_chart_svg(
                        f"pchart-{metric}-{sid}",
                        chart.points,
                        chart.center,
                        title=title,
                        desc=tr("metrics.spc.desc"),
                        labels=labels,
                    ),
                }
            )
    return {"use": use, "energy": energy, "outcomes": outcomes, "reasons": reasons, "pcharts": pcharts}


@router.get("/metrics/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, principal: Reader, session: SessionDep, settings: SettingsDep) -> Response:
    """The indicators dashboard: use, review, alerts, trends, footprint, training; tables and CSV."""
    ms = metrics_settings(settings)
    filters, error = _filters(request, ms)
    data = dashboard.build(session, ms, filters)
    tr = Translator(page_language(request))
    query = "&".join(
        f"{k}={v}"
        for k, v in (
            ("start", filters.start.isoformat()),
            ("end", filters.end.isoformat()),
            ("service_id", filters.service_id),
            ("use_case_id", filters.use_case_id),
            ("ai_system_id", filters.ai_system_id),
        )
        if v is not None
    )
    context = {
        "d": data,
        "f": filters,
        "error": error,
        "pct": _pct,
        "num": _num,
        "query": query,
        "can_acknowledge": principal.has_role("quality", "admin"),
        "charts": _charts(data, tr),
        "segments": [k for k, _ in SEGMENTS],
        "alert_scope_name": lambda a: data.names.label(a.scope, a.scope_id),
    }
    return render(request, "metrics/dashboard.html", context, status_code=400 if error else 200)


@router.post("/metrics/alerts/{alert_id}/acknowledge", dependencies=[Depends(verify_csrf)])
def acknowledge(alert_id: int, principal: Acknowledger, session: SessionDep) -> Response:
    """Mark an alert as seen (kept in the table); back to the dashboard."""
    try:
        service.acknowledge_alert(session, alert_id, user_id=principal.user_id)
    except service.AlertNotFound:
        return RedirectResponse("/metrics/dashboard?notice=alert_not_found#alerts", status_code=303)
    return RedirectResponse("/metrics/dashboard?notice=acknowledged#alerts", status_code=303)
