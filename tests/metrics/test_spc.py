"""p-chart limits, an injected shift in rejection rate raising an alert, and version before/after."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.metrics.conftest import World, interaction

from avec.metrics import service
from avec.metrics.models import MetricsAlert
from avec.metrics.settings import MetricsSettings
from avec.metrics.spc import p_chart, two_proportion_z, version_comparisons

MS = MetricsSettings(spc_baseline_periods=8, spc_min_decisions=20, version_window_days=28)
START = dt.date(2026, 1, 5)  # a Monday


def test_p_chart_limits_are_three_sigma_around_the_baseline_share() -> None:
    series = [(START + dt.timedelta(weeks=k), 10, 100) for k in range(8)] + [(START + dt.timedelta(weeks=8), 25, 100)]
    chart = p_chart(series, baseline_periods=8, min_n=20)
    assert chart.center == pytest.approx(0.10)
    last = chart.points[-1]
    sigma = math.sqrt(0.1 * 0.9 / 100)
    assert last.ucl == pytest.approx(0.10 + 3 * sigma) and last.lcl == pytest.approx(0.10 - 3 * sigma)
    assert last.state == "above"
    assert [p.state for p in chart.points[:8]] == ["baseline"] * 8
    small = p_chart([(START, 1, 5)] * 10, baseline_periods=8, min_n=20)
    assert small.center is None and {p.state for p in small.points} == {"too_small"}


def test_two_proportion_z() -> None:
    assert two_proportion_z(10, 100, 10, 100) == pytest.approx(0.0)
    z = two_proportion_z(10, 200, 40, 200)
    pooled = 50 / 400
    assert z == pytest.approx((0.2 - 0.05) / math.sqrt(pooled * (1 - pooled) * (2 / 200)))
    assert two_proportion_z(0, 0, 1, 1) is None


def _add_weeks(
    session: Session,
    w: World,
    rates: list[float],
    *,
    first_week: int = 0,
    per_day: int = 12,
    versions: list[str] | None = None,
    seed: int = 3,
) -> None:
    """Decided interactions of AI system A: each week's outputs rejected at the given rate."""
    rng = random.Random(seed)
    rows = []
    for k, rate in enumerate(rates):
        week = first_week + k
        for d in range(7):
            moment = dt.datetime.combine(START + dt.timedelta(weeks=week, days=d), dt.time(10), tzinfo=dt.UTC)
            for _ in range(per_day):
                status = "rejected" if rng.random() < rate else "approved"
                rows.append(
                    interaction(
                        user_id=w.u1,
                        service_id=w.s1,
                        use_case_id=w.uc_x,
                        ai_system_id=w.sys_a,
                        created_at=moment,
                        review_status=status,
                        model_version=versions[k] if versions else "v1",
                    )
                )
    session.add_all(rows)


def test_an_injected_shift_in_rejection_rate_raises_an_alert(db_sessions: sessionmaker[Session], world: World) -> None:
    with db_sessions() as s, s.begin():
        _add_weeks(s, world, [0.05] * 12)
        service.refresh(s, MS)
        assert [a for a in service.open_alerts(s) if a.metric == "rejection_rate" and a.kind == "spc_above"] == []
    shift_week = START + dt.timedelta(weeks=12)
    with db_sessions() as s, s.begin():
        _add_weeks(s, world, [0.30] * 2, first_week=12)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        alerts = [a for a in service.open_alerts(s) if a.metric == "rejection_rate" and a.kind == "spc_above"]
    assert {a.period_start for a in alerts} == {shift_week, shift_week + dt.timedelta(weeks=1)}
    assert {(a.scope, a.scope_id) for a in alerts} == {("ai_system", world.sys_a), ("use_case", world.uc_x)}
    alert = next(a for a in alerts if a.scope == "ai_system")
    assert alert.value > alert.control_limit > alert.center
    # Evaluating again adds nothing (one alert per series and week), and acknowledging keeps the record.
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        service.acknowledge_alert(s, alert.id, user_id=world.reviewer)
    with db_sessions() as s:
        rows = s.scalars(
            select(MetricsAlert).where(MetricsAlert.kind == "spc_above", MetricsAlert.metric == "rejection_rate")
        ).all()
        assert len(rows) == 4  # two weeks, for the AI system and for the use case
        assert sum(1 for r in rows if r.acknowledged_at is not None) == 1


def test_version_change_comparison_flags_a_worse_new_version(db_sessions: sessionmaker[Session], world: World) -> None:
    versions = ["v1"] * 8 + ["v2"] * 4
    with db_sessions() as s, s.begin():
        _add_weeks(s, world, [0.05] * 8 + [0.25] * 4, versions=versions)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        comparisons = [c for c in version_comparisons(s, MS) if c.metric == "rejection_rate"]
        shifts = [a for a in service.open_alerts(s) if a.kind == "version_shift" and a.metric == "rejection_rate"]
    [cmp] = comparisons
    assert (cmp.old_version, cmp.new_version, cmp.changed_on) == ("v1", "v2", START + dt.timedelta(weeks=8))
    assert cmp.before_n == cmp.after_n == 28 * 12
    assert cmp.after_p is not None and cmp.before_p is not None and cmp.after_p > cmp.before_p
    assert cmp.z is not None and cmp.z > 3
    assert len(shifts) == 1 and shifts[0].details["new_version"] == "v2"
