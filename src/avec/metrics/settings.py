"""Settings of the metrics domain, with defaults; each can be overridden by a ``metrics_<name>`` field
of :class:`avec.config.Settings` when the lead adds one (e.g. ``AVEC_METRICS_ELECTRICITY_ZONE``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class MetricsSettings(BaseModel):
    """Footprint factors, local calendar and control-chart parameters."""

    model_config = {"frozen": True}

    electricity_zone: str = Field(default="FRA", description="ISO 3166-1 alpha-3 electricity mix zone (ecologits).")
    pue: float = Field(default=1.5, gt=0.9, description="Power usage effectiveness when the AI system gives none.")
    wue: float = Field(default=0.0, ge=0, description="On-site water usage effectiveness (L/kWh) when none is given.")
    embedded_cpu_watts: float = Field(
        default=30.0,
        gt=0,
        description="Power drawn by one busy CPU core (W), for the measured embedded figure.",
    )
    timezone: str = Field(default="Europe/Paris", description="Calendar used to cut days, weeks and months.")
    spc_baseline_periods: int = Field(default=8, ge=3, description="Weeks used to set the p-chart centre line.")
    spc_min_decisions: int = Field(default=20, ge=1, description="Fewest decisions in a week for a p-chart point.")
    alert_interval_seconds: int = Field(
        default=300, ge=0, description="Least time between alert evaluations when only today changed."
    )
    prometheus_token: str | None = Field(default=None, description="Bearer token required on /metrics if set.")
    version_window_days: int = Field(default=28, ge=7, description="Days compared before/after a version change.")


def metrics_settings(settings: Any = None) -> MetricsSettings:
    """The metrics settings: ``settings`` itself if already one, else ``metrics_*`` fields or defaults."""
    if isinstance(settings, MetricsSettings):
        return settings
    if settings is None:
        return _DEFAULT
    values = {}
    for name in MetricsSettings.model_fields:
        value = getattr(settings, f"metrics_{name}", None)
        if value is not None:
            values[name] = value
    return MetricsSettings(**values) if values else _DEFAULT


_DEFAULT = MetricsSettings()
