"""HTTP API of the metrics domain: ``GET /metrics`` (Prometheus) and the indicator exports.

The indicator endpoints are for quality, admin and DPO roles (API key or web session); they give
aggregate counts only, never contents.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from avec.accounts.deps import SessionDep, SettingsDep, bearer_token, require_roles
from avec.accounts.schemas import Principal
from avec.metrics import dashboard, service
from avec.metrics.indicators import GROUPS, Filters, IndicatorQueryError, compute_indicators
from avec.metrics.prometheus import exposition
from avec.metrics.settings import MetricsSettings, metrics_settings

router = APIRouter()
READERS = ("quality", "admin", "dpo")
Reader = Annotated[Principal, Depends(require_roles(*READERS))]


@router.get("/metrics", include_in_schema=False)
def prometheus_metrics(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Totals in the Prometheus text format (no content, no identifiers in labels).

    A browser (asking for HTML) is sent to the dashboard page instead.
    """
    if "text/html" in request.headers.get("accept", ""):
        return RedirectResponse("/metrics/dashboard", status_code=303)
    expected = metrics_settings(settings).prometheus_token
    if expected:
        given = bearer_token(request) or ""
        if not hmac.compare_digest(given.encode(), str(expected).encode()):
            raise HTTPException(
                status_code=401,
                detail="This endpoint needs the configured scrape token.",
                headers={"WWW-Authenticate": "Bearer"},
            )
    service.refresh(session, settings)
    return Response(exposition(session), media_type=CONTENT_TYPE_LATEST)


def parse_filters(
    ms: MetricsSettings,
    start: dt.date | None,
    end: dt.date | None,
    service_id: int | None,
    use_case_id: int | None,
    ai_system_id: int | None,
) -> Filters:
    """Filters from query parameters (default: the last 182 days); 400 with a message when incoherent."""
    default = dashboard.default_filters(ms)
    try:
        return Filters(
            start or (end - dt.timedelta(days=181) if end else default.start),
            end or default.end,
            service_id,
            use_case_id,
            ai_system_id,
        )
    except IndicatorQueryError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


def _rows(session: Any, settings: Any, filters: Filters, group: str) -> list[dict[str, Any]]:
    ms = metrics_settings(settings)
    service.refresh(session, ms)
    try:
        rows = compute_indicators(session, filters, group)
    except IndicatorQueryError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    labels = dashboard.names(session)
    return [dashboard.row_dict(r, group, labels) for r in rows]


GroupQuery = Annotated[str, Query(description=f"One of: {', '.join(GROUPS)}.")]


@router.get("/api/metrics/indicators")
def indicators_json(
    _: Reader,
    session: SessionDep,
    settings: SettingsDep,
    group: GroupQuery = "total",
    start: dt.date | None = None,
    end: dt.date | None = None,
    service_id: int | None = None,
    use_case_id: int | None = None,
    ai_system_id: int | None = None,
) -> dict[str, Any]:
    """Indicators of a period grouped by ``group`` (JSON)."""
    filters = parse_filters(metrics_settings(settings), start, end, service_id, use_case_id, ai_system_id)
    return {
        "start": filters.start.isoformat(),
        "end": filters.end.isoformat(),
        "group": group,
        "rows": _rows(session, settings, filters, group),
    }


@router.get("/api/metrics/indicators.csv")
def indicators_csv(
    _: Reader,
    session: SessionDep,
    settings: SettingsDep,
    group: GroupQuery = "total",
    start: dt.date | None = None,
    end: dt.date | None = None,
    service_id: int | None = None,
    use_case_id: int | None = None,
    ai_system_id: int | None = None,
) -> PlainTextResponse:
    """Indicators of a period grouped by ``group`` (CSV, one row per group)."""
    filters = parse_filters(metrics_settings(settings), start, end, service_id, use_case_id, ai_system_id)
    body = dashboard.to_csv(_rows(session, settings, filters, group))
    name = f"avec-indicateurs-{group}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return PlainTextResponse(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/api/metrics/alerts")
def alerts_json(_: Reader, session: SessionDep, settings: SettingsDep) -> dict[str, Any]:
    """Open alerts (series out of control, version shifts)."""
    service.refresh(session, settings)
    return {
        "alerts": [
            {
                "id": a.id,
                "kind": a.kind,
                "metric": a.metric,
                "scope": a.scope,
                "scope_id": a.scope_id,
                "period_start": a.period_start.isoformat(),
                "value": a.value,
                "center": a.center,
                "control_limit": a.control_limit,
                "n": a.n,
                "details": a.details,
            }
            for a in service.open_alerts(session)
        ]
    }
