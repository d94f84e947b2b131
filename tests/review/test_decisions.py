"""Decisions on AI outputs: rules, refusals that change nothing, ledger entries, second readings."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.review.outputs import DRAFT, make_output, set_second_reading_share

from avec.accounts.schemas import Principal
from avec.config import Settings, load_secrets
from avec.gateway.models import Interaction
from avec.ledger.canonical import sha256_text
from avec.ledger.models import LedgerEntry
from avec.review import second_reading, service
from avec.review.access import ReviewError
from avec.review.models import ReviewDecision, SecondReading
from avec.review.schemas import DecisionCreate, SecondReadingCreate

DB = tuple[Settings, sessionmaker[Session]]


def _decide(
    db: DB, who: Principal, public_id: str, rng: random.Random | None = None, **fields: Any
) -> tuple[ReviewDecision, SecondReading | None]:
    settings, sessions = db
    with sessions() as session, session.begin():
        return service.decide(
            session,
            principal=who,
            public_id=public_id,
            data=DecisionCreate.model_validate(fields),
            data_key=load_secrets(settings).data_key,
            rng=rng or random.Random(1),
        )


def _state(db: DB, public_id: str) -> tuple[str, int, int]:
    """(review status, number of decisions, number of review ledger entries) of an output."""
    _, sessions = db
    with sessions() as session:
        row = session.scalar(select(Interaction).where(Interaction.public_id == public_id))
        assert row is not None
        n = session.scalar(
            select(func.count()).select_from(ReviewDecision).where(ReviewDecision.interaction_id == row.id)
        )
        entries = [
            json.loads(e.body)
            for e in session.scalars(select(LedgerEntry).where(LedgerEntry.event_type == "review.decision"))
        ]
        mine = [e for e in entries if e["subject"] == {"interaction": public_id}]
        return row.review_status, n or 0, len(mine)


def _ledger_entry(db: DB, public_id: str) -> dict:  # type: ignore[type-arg]
    _, sessions = db
    with sessions() as session:
        for e in session.scalars(select(LedgerEntry).where(LedgerEntry.event_type == "review.decision")):
            body = json.loads(e.body)
            if body["subject"] == {"interaction": public_id}:
                return body
    raise AssertionError("no ledger entry")


def test_approve_is_recorded_with_its_ledger_entry(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    row, _ = _decide(demo_db, principal_of("dr.martin"), pid, decision="approve", time_saved_minutes=12)
    assert _state(demo_db, pid) == ("approved", 1, 1)
    entry = _ledger_entry(demo_db, pid)
    assert entry["digests"] == {"draft": sha256_text(DRAFT), "final": sha256_text(DRAFT)}
    assert entry["data"]["decision"] == "approve" and entry["data"]["time_saved_minutes"] == 12
    assert entry["actor"] == principal_of("dr.martin").actor
    assert DRAFT not in json.dumps(entry)  # digests only, never the text
    assert row.time_spent_seconds is not None and row.time_spent_seconds >= 0


def test_modify_keeps_final_text_and_diff(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    final = DRAFT.replace("40 mg", "20 mg")
    author = principal_of("dr.martin")
    _decide(demo_db, author, pid, decision="modify", final_text=final)
    assert _state(demo_db, pid)[0] == "modified"
    assert _ledger_entry(demo_db, pid)["digests"]["final"] == sha256_text(final)
    with sessions() as session:
        text = service.final_text(session, principal=author, public_id=pid, data_key=load_secrets(settings).data_key)
        assert text == final
        row = session.scalar(select(ReviewDecision))
        assert row is not None and row.final_enc is not None and final.encode() not in row.final_enc
        from avec.review.texts import unseal

        diff = unseal(load_secrets(settings).data_key, row, "diff")
        assert diff is not None and "-" + DRAFT in diff and "+" + final in diff
        assert row.edit_distance == 1  # "40 mg" -> "20 mg": one character substituted


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"decision": "modify", "final_text": "   "}, "final_text_required"),
        ({"decision": "modify", "final_text": DRAFT}, "final_text_unchanged"),
        ({"decision": "reject"}, "reason_required"),
        ({"decision": "reject", "reason_codes": ["other"]}, "comment_required"),
        ({"decision": "escalate", "escalate_to": "dr.martin"}, "unknown_reviewer"),  # not a reviewer
        ({"decision": "escalate", "escalate_to": "nobody"}, "unknown_reviewer"),
    ],
)
def test_incomplete_decisions_are_refused_and_change_nothing(
    demo_db: DB, principal_of: Callable[[str], Principal], fields: dict[str, Any], code: str
) -> None:
    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    with pytest.raises(ReviewError) as err:
        _decide(demo_db, principal_of("dr.martin"), pid, **fields)
    assert err.value.code == code and err.value.status_code == 422
    assert _state(demo_db, pid) == ("pending", 0, 0)


def test_second_decision_is_refused(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    _decide(demo_db, principal_of("dr.martin"), pid, decision="approve")
    with pytest.raises(ReviewError) as err:
        _decide(demo_db, principal_of("dr.martin"), pid, decision="reject", reason_codes=["omission"])
    assert err.value.status_code == 409 and err.value.code == "already_decided"
    assert _state(demo_db, pid) == ("approved", 1, 1)


def test_someone_elses_output_cannot_be_decided(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    # another service: not even visible (404, existence not revealed)
    with pytest.raises(ReviewError) as err:
        _decide(demo_db, principal_of("inf.bernard"), pid, decision="approve")
    assert err.value.status_code == 404
    # the service's reviewer sees it but may not decide in the author's place
    with pytest.raises(ReviewError) as err:
        _decide(demo_db, principal_of("rev.leroy"), pid, decision="approve")
    assert err.value.status_code == 403 and err.value.code == "not_your_interaction"
    assert _state(demo_db, pid) == ("pending", 0, 0)


def test_escalation_goes_to_the_named_reviewer_who_decides_once(
    demo_db: DB, principal_of: Callable[[str], Principal]
) -> None:
    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    _decide(
        demo_db,
        principal_of("dr.martin"),
        pid,
        decision="escalate",
        escalate_to="rev.leroy",
        comment="dose ?",
    )
    assert _state(demo_db, pid) == ("escalated", 1, 1)
    with pytest.raises(ReviewError) as err:  # the author cannot take it back
        _decide(demo_db, principal_of("dr.martin"), pid, decision="approve")
    assert err.value.code == "not_escalated_to_you"
    with pytest.raises(ReviewError) as err:  # no second escalation
        _decide(demo_db, principal_of("rev.leroy"), pid, decision="escalate", escalate_to="rev.leroy")
    assert err.value.code in ("already_escalated", "self_escalation")
    _decide(demo_db, principal_of("rev.leroy"), pid, decision="reject", reason_codes=["unsafe"])
    assert _state(demo_db, pid) == ("rejected", 2, 2)
    with pytest.raises(ReviewError) as err:
        _decide(demo_db, principal_of("rev.leroy"), pid, decision="approve")
    assert err.value.code == "already_decided"


def test_final_text_is_refused_before_a_decision_and_after_a_rejection(
    demo_db: DB, principal_of: Callable[[str], Principal]
) -> None:
    settings, sessions = demo_db
    key = load_secrets(settings).data_key
    pid = make_output(sessions, settings, "dr.martin")
    author = principal_of("dr.martin")
    with sessions() as session, pytest.raises(ReviewError) as err:
        service.final_text(session, principal=author, public_id=pid, data_key=key)
    assert err.value.code == "not_decided" and err.value.status_code == 409
    _decide(demo_db, author, pid, decision="reject", reason_codes=["hallucination"])
    with sessions() as session, pytest.raises(ReviewError) as err:
        service.final_text(session, principal=author, public_id=pid, data_key=key)
    assert err.value.code == "rejected"


def test_second_reading_is_drawn_with_the_use_case_share(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    set_second_reading_share(sessions, "discharge-letter-draft", 0.3)
    rng = random.Random(20261130)
    drawn = 0
    for _ in range(60):
        pid = make_output(sessions, settings, "dr.martin")
        _, reading = _decide(demo_db, principal_of("dr.martin"), pid, rng=rng, decision="approve")
        drawn += reading is not None
    assert 8 <= drawn <= 28  # binomial(60, 0.3): mean 18, far outside ±10 is a bug
    set_second_reading_share(sessions, "discharge-letter-draft", 0.0)
    pid = make_output(sessions, settings, "dr.martin")
    assert _decide(demo_db, principal_of("dr.martin"), pid, decision="approve")[1] is None


def test_blind_second_reading_records_agreement(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    set_second_reading_share(sessions, "discharge-letter-draft", 1.0)
    agree_pid = make_output(sessions, settings, "dr.martin")
    disagree_pid = make_output(sessions, settings, "dr.martin")
    _decide(demo_db, principal_of("dr.martin"), agree_pid, decision="approve")
    _decide(demo_db, principal_of("dr.martin"), disagree_pid, decision="approve")
    reviewer, author = principal_of("rev.leroy"), principal_of("dr.martin")
    with sessions() as session:
        todo = second_reading.todo_for(session, reviewer)
        assert {i.public_id for _, i in todo} == {agree_pid, disagree_pid}
        assert second_reading.todo_for(session, author) == []  # not a reviewer
        ids = {i.public_id: r.id for r, i in todo}
    with sessions() as session, session.begin():
        second_reading.record(
            session,
            principal=reviewer,
            reading_id=ids[agree_pid],
            data=SecondReadingCreate(decision="approve"),
        )
        second_reading.record(
            session,
            principal=reviewer,
            reading_id=ids[disagree_pid],
            data=SecondReadingCreate(decision="reject", reason_codes=["omission"]),
        )
    with sessions() as session:
        stats = second_reading.agreement(session)
        assert (stats.completed, stats.agreeing, stats.agreeing_on_acceptance) == (2, 1, 1)
        assert stats.rate == 0.5
        types = session.scalars(select(LedgerEntry.event_type)).all()
        assert types.count("review.second_reading") == 2
    with sessions() as session, session.begin(), pytest.raises(ReviewError) as err:
        second_reading.record(
            session,
            principal=reviewer,
            reading_id=ids[agree_pid],
            data=SecondReadingCreate(decision="approve"),
        )
    assert err.value.code == "second_reading_done"


def test_author_cannot_second_read_own_output(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    settings, sessions = demo_db
    set_second_reading_share(sessions, "record-summary", 1.0)
    pid = make_output(sessions, settings, "rev.leroy", use_case="record-summary")
    reviewer = principal_of("rev.leroy")
    _decide(demo_db, reviewer, pid, decision="approve")
    with sessions() as session:
        assert second_reading.todo_for(session, reviewer) == []
        reading = session.scalar(select(SecondReading))
        assert reading is not None
        with pytest.raises(ReviewError):
            second_reading.get_for_reader(session, reviewer, reading.id)


def test_two_simultaneous_decisions_record_exactly_one(demo_db: DB, principal_of: Callable[[str], Principal]) -> None:
    import threading

    settings, sessions = demo_db
    pid = make_output(sessions, settings, "dr.martin")
    author = principal_of("dr.martin")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def run(decision: dict[str, Any]) -> None:
        start.wait()
        try:
            _decide(demo_db, author, pid, **decision)
            outcomes.append("ok")
        except ReviewError as exc:
            outcomes.append(exc.code)

    threads = [
        threading.Thread(target=run, args=({"decision": "approve"},)),
        threading.Thread(target=run, args=({"decision": "reject", "reason_codes": ["omission"]},)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["already_decided", "ok"]
    status, decisions, entries = _state(demo_db, pid)
    assert (decisions, entries) == (1, 1) and status in ("approved", "rejected")
