"""Indicators computed from a seeded set of interactions match values computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.metrics.conftest import World, decision, interaction, second_reading

from avec.gateway.models import Interaction
from avec.metrics import service
from avec.metrics.footprint import Footprint
from avec.metrics.indicators import Filters, IndicatorQueryError, compute_indicators, rejection_reasons
from avec.metrics.models import DailyRollup, DirtyDay
from avec.metrics.rollup import rebuild_rollups
from avec.metrics.settings import MetricsSettings

D1 = dt.date(2026, 3, 2)  # a Monday; Paris is UTC+1 then
D2 = dt.date(2026, 3, 3)
T = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
MS = MetricsSettings()


def _fp(energy_kwh: float, gwp_kg: float) -> Footprint:
    return Footprint(
        method="ecologits",
        methodology_version="test",
        electricity_zone="FRA",
        pue=1.5,
        wue=0.0,
        active_params_b=1.0,
        total_params_b=1.0,
        output_tokens=10,
        latency_s=1.0,
        energy_kwh=energy_kwh,
        gwp_kg=gwp_kg,
        pe_mj=1.0,
        wcf_l=0.5,
    )


def seed(sessions: sessionmaker[Session], w: World) -> dict[int, int]:
    """The reference set (numbers in comments are the row numbers used in the expectations)."""
    a = dict(service_id=w.s1, use_case_id=w.uc_x, ai_system_id=w.sys_a)
    b = dict(service_id=w.s2, use_case_id=w.uc_y, ai_system_id=w.sys_b)
    with sessions() as s, s.begin():
        rows = {
            1: interaction(user_id=w.u1, created_at=T, review_status="approved", **a),
            2: interaction(
                user_id=w.u1,
                created_at=T,
                review_status="approved",
                prompt_tokens=200,
                completion_tokens=80,
                latency_ms=3000.0,
                **a,
            ),
            3: interaction(user_id=w.u2, created_at=T, review_status="modified", **a),
            4: interaction(user_id=w.u2, created_at=T, review_status="rejected", **a),
            5: interaction(user_id=w.u1, created_at=T, channel="api", prompt_tokens=50, completion_tokens=20, **a),
            6: interaction(user_id=w.u1, created_at=T, channel="api", review_status="approved", **a),
            7: interaction(
                user_id=w.u2,
                created_at=T,
                status="refused",
                error_code="training_required",
                prompt_tokens=0,
                completion_tokens=0,
                latency_ms=None,
                review_status="not_required",
                **a,
            ),
            8: interaction(user_id=w.u3, created_at=T, channel="api", review_status="rejected", **b),
            9: interaction(user_id=w.u3, created_at=T, channel="api", review_status="not_required", **b),
            10: interaction(user_id=w.u3, created_at=T, channel="api", review_status="escalated", **b),
            11: interaction(
                user_id=w.u3,
                created_at=T,
                status="failed",
                completion_tokens=0,
                review_status="not_required",
                **b,
            ),
            # 23:30 UTC on March 2 is 00:30 on March 3 in Paris: counted on D2.
            12: interaction(
                user_id=w.u1,
                created_at=dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.UTC),
                review_status="approved",
                **a,
            ),
        }
        s.add_all(rows.values())
        s.flush()
        d = {
            1: decision(rows[1], by=w.reviewer, decision="approve", after=2 * H, saved_minutes=10),
            2: decision(rows[2], by=w.reviewer, decision="approve", after=4 * H),
            3: decision(rows[3], by=w.u2, decision="modify", after=1 * H, saved_minutes=5),
            4: decision(rows[4], by=w.u2, decision="reject", after=3 * H, reasons=["hallucination", "omission"]),
            6: decision(rows[6], by=w.u1, decision="approve", after=6 * H),
            8: decision(rows[8], by=w.u3, decision="reject", after=2 * H, reasons=["hallucination"]),
            10: decision(rows[10], by=w.u3, decision="escalate", after=1 * H),
        }
        s.add_all(d.values())
        s.flush()
        s.add_all(
            [
                second_reading(d[2], reader=w.reviewer, agrees=True),
                second_reading(d[4], reader=w.reviewer, agrees=False),
            ]
        )
        service.record_footprint(s, rows[1].id, _fp(0.001, 0.0001))
        service.record_footprint(s, rows[2].id, _fp(0.003, 0.0003))
        return {k: r.id for k, r in rows.items()}


def test_totals_match_hand_computed_values(db_sessions: sessionmaker[Session], world: World) -> None:
    seed(db_sessions, world)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        [total] = compute_indicators(s, Filters(D1, D1))
        reasons = rejection_reasons(s, Filters(D1, D1))
    assert (total.interactions, total.completed, total.refused, total.failed) == (11, 9, 1, 1)
    assert total.users == 3
    assert (total.prompt_tokens, total.completion_tokens) == (1050, 450)
    assert (total.approved, total.modified, total.rejected, total.escalated) == (3, 1, 2, 1)
    assert (total.pending, total.not_required) == (1, 1)
    assert total.share_rejected == pytest.approx(2 / 7)
    assert total.share_approved == pytest.approx(3 / 7)
    assert total.share_api_never_reviewed == pytest.approx(2 / 5)
    assert total.refusals == {"training_required": 1}
    assert total.share_refused == pytest.approx(1 / 11)
    assert total.decisions_n == 7
    assert total.mean_decision_hours == pytest.approx(19 / 7)
    assert total.time_saved_hours == pytest.approx(0.25)
    assert total.second_reading_agreement == pytest.approx(0.5)
    assert reasons == {"hallucination": 2, "omission": 1}
    assert total.footprint_n == 2
    assert total.energy_kwh == pytest.approx(0.004)
    assert total.energy_wh_per_interaction == pytest.approx(2.0)
    assert total.gwp_g_per_interaction == pytest.approx(0.2)
    # latency: rows 1..6, 8..11 have a latency (1000 ms each, row 2 3000 ms); row 7 has none
    assert total.mean_latency_ms == pytest.approx((9 * 1000 + 3000) / 10)


def test_groupings_and_local_days(db_sessions: sessionmaker[Session], world: World) -> None:
    seed(db_sessions, world)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        by_day = compute_indicators(s, Filters(D1, D2), "day")
        by_system = compute_indicators(s, Filters(D1, D1), "ai_system")
        by_service = compute_indicators(s, Filters(D1, D2), "service")
        by_week = compute_indicators(s, Filters(D1, D2), "week")
        only_b = compute_indicators(s, Filters(D1, D2, ai_system_id=world.sys_b))
    assert [(r.key, r.interactions, r.users) for r in by_day] == [(D1, 11, 3), (D2, 1, 1)]
    assert [(r.key, r.interactions, r.users) for r in by_system] == [(world.sys_a, 7, 2), (world.sys_b, 4, 1)]
    assert [(r.key, r.interactions) for r in by_service] == [(world.s1, 8), (world.s2, 4)]
    assert [(r.key, r.interactions, r.users) for r in by_week] == [(D1, 12, 3)]
    assert [(r.interactions, r.rejected, r.escalated) for r in only_b] == [(4, 1, 1)]


def test_a_later_decision_updates_the_rollup_incrementally(db_sessions: sessionmaker[Session], world: World) -> None:
    ids = seed(db_sessions, world)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        assert s.scalar(select(DirtyDay.id).limit(1)) is None
    with db_sessions() as s, s.begin():
        row = s.get(Interaction, ids[5])
        assert row is not None
        row.review_status = "approved"
        s.flush()
        s.add(decision(row, by=world.u1, decision="approve", after=8 * H))
    with db_sessions() as s, s.begin():
        assert s.scalar(select(DirtyDay.id).limit(1)) is not None
        service.refresh(s, MS)
        [total] = compute_indicators(s, Filters(D1, D1))
        incremental = sorted(
            tuple(r)
            for r in s.execute(
                select(DailyRollup.day, DailyRollup.approved, DailyRollup.pending, DailyRollup.interactions)
            )
        )
        rebuild_rollups(s, MS)
        rebuilt = sorted(
            tuple(r)
            for r in s.execute(
                select(DailyRollup.day, DailyRollup.approved, DailyRollup.pending, DailyRollup.interactions)
            )
        )
    assert (total.approved, total.pending) == (4, 0)
    assert total.share_api_never_reviewed == pytest.approx(1 / 5)
    assert total.decisions_n == 8
    assert incremental == rebuilt


def test_bad_filters_are_refused(db_sessions: sessionmaker[Session], world: World) -> None:
    with pytest.raises(IndicatorQueryError, match="before its start"):
        Filters(D2, D1)
    with db_sessions() as s, pytest.raises(IndicatorQueryError, match="unknown grouping"):
        compute_indicators(s, Filters(D1, D2), "year")


def test_deleting_an_interaction_updates_the_rollup(db_sessions: sessionmaker[Session], world: World) -> None:
    ids = seed(db_sessions, world)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
    with db_sessions() as s, s.begin():
        row = s.get(Interaction, ids[9])  # the API output not requiring review
        s.delete(row)
    with db_sessions() as s, s.begin():
        service.refresh(s, MS)
        [total] = compute_indicators(s, Filters(D1, D1))
    assert (total.interactions, total.not_required) == (10, 0)
    assert total.share_api_never_reviewed == pytest.approx(1 / 4)


def test_a_day_is_marked_once_per_transaction_and_again_after_a_rolled_back_savepoint(
    db_sessions: sessionmaker[Session],
) -> None:
    from sqlalchemy import func

    from avec.metrics.rollup import mark_dirty

    def marks(s: Session) -> list[dt.date]:
        return sorted(s.scalars(select(DirtyDay.day)))

    with db_sessions() as s, s.begin():
        before = s.scalar(select(func.count()).select_from(DirtyDay))
    with db_sessions() as s, s.begin():
        for _ in range(50):  # group commit: many interactions of the same day in one transaction
            mark_dirty(s, [D1])
        mark_dirty(s, [D1, D2])
        assert s.scalar(select(func.count()).select_from(DirtyDay)) == (before or 0) + 2
    with db_sessions() as s, s.begin():
        s.execute(DirtyDay.__table__.delete())
    with db_sessions() as s, s.begin():
        nested = s.begin_nested()
        mark_dirty(s, [D1])
        nested.rollback()  # the mark went with the savepoint: it must be written again
        mark_dirty(s, [D1])
    with db_sessions() as s:
        assert marks(s) == [D1]
