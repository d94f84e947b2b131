"""``GET /metrics`` in the Prometheus text format, built from the daily rollups.

Labels come only from fixed vocabularies: use case and AI system slugs of the registry, channel,
status, review status, policy refusal codes. No user, service, patient, prompt or answer ever
appears; a label value outside ``[a-z0-9_.-]`` is reported as ``other``. Written with the official
``prometheus_client`` library (a custom collector over the database, a fresh registry per scrape).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric, SummaryMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from avec.gateway.models import REVIEW_STATUSES
from avec.metrics.models import DailyCodeRollup, DailyRollup, MetricsAlert
from avec.registry.models import AISystem, UseCase

_LABEL_VALUE = re.compile(r"^[a-z0-9_.\-]{1,64}$")


def safe_label(value: Any) -> str:
    """``value`` if it belongs to the allowed label alphabet, else ``other`` (``none`` when empty)."""
    if value is None or value == "" or value == 0:
        return "none"
    text = str(value).lower()
    return text if _LABEL_VALUE.match(text) else "other"


class RollupCollector(Collector):
    """Collects the totals of the rollup tables at scrape time."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def collect(self) -> Iterator[Metric]:
        """Yield every AVEC metric family."""
        s = self.session
        systems = {i: safe_label(slug) for i, slug in s.execute(select(AISystem.id, AISystem.slug))}
        cases = {i: safe_label(slug) for i, slug in s.execute(select(UseCase.id, UseCase.slug))}
        r, c = DailyRollup, DailyCodeRollup
        counts = (
            "completed",
            "refused",
            "failed",
            "api_interactions",
            *REVIEW_STATUSES,
            "prompt_tokens",
            "completion_tokens",
            "latency_ms_sum",
            "latency_n",
            "energy_kwh",
            "gwp_kg",
            "pe_mj",
            "wcf_l",
            "measured_energy_kwh",
        )
        stmt = select(r.use_case_id, r.ai_system_id, *[func.sum(getattr(r, name)) for name in counts]).group_by(
            r.use_case_id, r.ai_system_id
        )
        interactions = CounterMetricFamily(
            "avec_interactions", "Calls through AVEC by outcome.", labels=["use_case", "ai_system", "status"]
        )
        api_calls = CounterMetricFamily(
            "avec_api_interactions",
            "Calls made through the OpenAI-compatible API.",
            labels=["use_case", "ai_system"],
        )
        reviews = CounterMetricFamily(
            "avec_review_outcomes",
            "Completed outputs by review status.",
            labels=["use_case", "ai_system", "review_status"],
        )
        tokens = CounterMetricFamily("avec_tokens", "Tokens processed.", labels=["ai_system", "kind"])
        latency = SummaryMetricFamily("avec_request_latency_seconds", "End-to-end latency.", labels=["ai_system"])
        impacts = [
            (
                "energy_kwh",
                CounterMetricFamily(
                    "avec_estimated_energy_kwh", "EcoLogits energy estimate (kWh).", labels=["ai_system"]
                ),
            ),
            (
                "gwp_kg",
                CounterMetricFamily(
                    "avec_estimated_gwp_kgco2eq", "EcoLogits GHG estimate (kgCO2eq).", labels=["ai_system"]
                ),
            ),
            (
                "pe_mj",
                CounterMetricFamily(
                    "avec_estimated_primary_energy_mj", "EcoLogits primary energy (MJ).", labels=["ai_system"]
                ),
            ),
            (
                "wcf_l",
                CounterMetricFamily(
                    "avec_estimated_water_litres", "EcoLogits water consumption (L).", labels=["ai_system"]
                ),
            ),
            (
                "measured_energy_kwh",
                CounterMetricFamily(
                    "avec_measured_cpu_energy_kwh",
                    "Embedded model: CPU time x configured power x PUE (kWh).",
                    labels=["ai_system"],
                ),
            ),
        ]
        per_system: dict[str, dict[str, float]] = {}
        for uc, sysid, *values in s.execute(stmt):
            use_case, system = cases.get(uc, "none"), systems.get(sysid, "none")
            v = {name: float(value or 0) for name, value in zip(counts, values, strict=True)}
            for status in ("completed", "refused", "failed"):
                interactions.add_metric([use_case, system, status], v[status])
            api_calls.add_metric([use_case, system], v["api_interactions"])
            for review_status in REVIEW_STATUSES:
                reviews.add_metric([use_case, system, review_status], v[review_status])
            acc = per_system.setdefault(system, dict.fromkeys(counts, 0.0))
            for name in counts:
                acc[name] += v[name]
        for system, v in sorted(per_system.items()):
            tokens.add_metric([system, "prompt"], v["prompt_tokens"])
            tokens.add_metric([system, "completion"], v["completion_tokens"])
            latency.add_metric([system], count_value=int(v["latency_n"]), sum_value=v["latency_ms_sum"] / 1000)
            for name, family in impacts:
                family.add_metric([system], v[name])
        refusals = CounterMetricFamily("avec_policy_refusals", "Requests refused by the policy.", labels=["code"])
        per_code: dict[str, float] = {}
        code_stmt = select(c.code, func.sum(c.n)).where(c.kind == "refusal").group_by(c.code)
        for code, count in s.execute(code_stmt):
            per_code[safe_label(code)] = per_code.get(safe_label(code), 0.0) + float(count or 0)
        for code, total in sorted(per_code.items()):
            refusals.add_metric([code], total)
        alerts = GaugeMetricFamily("avec_open_alerts", "Alerts not yet acknowledged.", labels=["kind", "metric"])
        open_stmt = (
            select(MetricsAlert.kind, MetricsAlert.metric, func.count())
            .where(MetricsAlert.acknowledged_at.is_(None))
            .group_by(MetricsAlert.kind, MetricsAlert.metric)
        )
        for kind, metric, count in s.execute(open_stmt):
            alerts.add_metric([safe_label(kind), safe_label(metric)], float(count))
        yield from (
            interactions,
            api_calls,
            reviews,
            refusals,
            tokens,
            latency,
            *(f for _, f in impacts),
            alerts,
        )


def exposition(session: Session) -> bytes:
    """The Prometheus text exposition of the current totals."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(RollupCollector(session))
    return generate_latest(registry)
