"""CLI of the metrics domain: ``avec metrics ...`` (refresh, rebuild, indicators, alerts, demo, footprint)."""

from __future__ import annotations

import datetime as dt
import json

import typer
from sqlalchemy import select

from avec.cli_support import cli_settings, open_sessions

app = typer.Typer(no_args_is_help=True, help="Indicators, control charts, alerts and footprint.")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command("refresh")
def refresh() -> None:
    """Recompute the rollups of the days that changed, then evaluate the alerts."""
    from avec.metrics.rollup import refresh_rollups
    from avec.metrics.settings import metrics_settings
    from avec.metrics.spc import evaluate_alerts

    settings = cli_settings()
    ms = metrics_settings(settings)
    with open_sessions(settings) as session:
        days = refresh_rollups(session, ms)
        alerts = evaluate_alerts(session, ms)
    typer.echo(f"{len(days)} day(s) recomputed, {alerts} new alert(s)")


@app.command("rebuild")
def rebuild() -> None:
    """Rebuild every daily rollup from the interactions (after bulk edits or an import)."""
    from avec.metrics.rollup import rebuild_rollups
    from avec.metrics.settings import metrics_settings
    from avec.metrics.spc import evaluate_alerts

    settings = cli_settings()
    ms = metrics_settings(settings)
    with open_sessions(settings) as session:
        days = rebuild_rollups(session, ms)
        alerts = evaluate_alerts(session, ms)
    typer.echo(f"{days} day(s) rebuilt, {alerts} new alert(s)")


@app.command("indicators")
def indicators(
    start: str = typer.Option(None, help="First day (YYYY-MM-DD); default 182 days ago."),
    end: str = typer.Option(None, help="Last day (YYYY-MM-DD); default today."),
    group: str = typer.Option("total", help="total, day, week, month, service, use_case or ai_system."),
    output: str = typer.Option("csv", "--format", help="csv or json."),
) -> None:
    """Print the indicators of a period (CSV or JSON on standard output)."""
    from avec.metrics import dashboard, service
    from avec.metrics.indicators import Filters, IndicatorQueryError, compute_indicators
    from avec.metrics.settings import metrics_settings

    if output not in ("csv", "json"):
        _fail("--format must be csv or json")
    settings = cli_settings()
    ms = metrics_settings(settings)
    default = dashboard.default_filters(ms)
    try:
        filters = Filters(
            dt.date.fromisoformat(start) if start else default.start,
            dt.date.fromisoformat(end) if end else default.end,
        )
        with open_sessions(settings) as session:
            service.refresh(session, ms)
            labels = dashboard.names(session)
            rows = [dashboard.row_dict(r, group, labels) for r in compute_indicators(session, filters, group)]
    except IndicatorQueryError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(f"bad date ({exc}); expected YYYY-MM-DD")
    if output == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(dashboard.to_csv(rows), nl=False)


@app.command("alerts")
def alerts() -> None:
    """List the open alerts."""
    from avec.metrics import service

    settings = cli_settings()
    with open_sessions(settings) as session:
        service.refresh(session, settings)
        for a in service.open_alerts(session):
            typer.echo(
                f"#{a.id} {a.period_start} {a.kind} {a.metric} {a.scope}={a.scope_id} "
                f"value={a.value:.3f} centre={a.center:.3f} limit={a.control_limit:.3f} n={a.n}"
            )


@app.command("demo")
def demo(
    months: int = typer.Option(6, min=1, max=36, help="Months of activity to generate."),
    seed: int = typer.Option(1, help="Random seed."),
) -> None:
    """Generate months of demo activity (marked as demo data; needs `avec demo` reference data)."""
    from avec.metrics.demo import DemoReferenceMissing, seed_activity

    settings = cli_settings()
    try:
        with open_sessions(settings) as session:
            count = seed_activity(session, months=months, seed=seed, settings=settings)
    except DemoReferenceMissing as exc:
        _fail(f"{exc} (run `avec demo`)")
    typer.echo(f"{count} demo interactions created" if count else "demo activity already present: nothing added")


@app.command("footprint")
def footprint(
    system: str = typer.Argument(..., help="AI system slug."),
    tokens: int = typer.Option(300, min=0, help="Output tokens."),
    latency: float = typer.Option(5.0, min=0.0, help="Measured latency in seconds."),
    cpu_seconds: float = typer.Option(None, help="Process CPU seconds (embedded model only)."),
) -> None:
    """Show the footprint one call would get (EcoLogits estimate and measured CPU figure)."""
    from avec.metrics.footprint import compute_footprint
    from avec.registry.models import AISystem

    settings = cli_settings()
    with open_sessions(settings) as session:
        found = session.scalar(select(AISystem).where(AISystem.slug == system))
        if found is None:
            _fail(f"no AI system with slug {system!r}")
        fp = compute_footprint(
            system=found, output_tokens=tokens, latency_s=latency, cpu_seconds=cpu_seconds, settings=settings
        )
    typer.echo(json.dumps(fp.as_dict(), ensure_ascii=False, indent=2))
