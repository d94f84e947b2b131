"""Quiz attempts: server-side shuffling, scoring against the pass mark, and refused submissions."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.training.conftest import ALL_CORRECT, module_text

from avec.db import transaction
from avec.ledger.models import LedgerEntry
from avec.training import service
from avec.training.loader import Catalog
from avec.training.models import TrainingAttempt, TrainingCompletion


@pytest.fixture
def catalog(module_dir: Callable[..., Catalog]) -> Catalog:
    return module_dir(essai=module_text())


def _start(sessions: sessionmaker[Session], user_id: int, catalog: Catalog, seed: int = 1) -> str:
    with transaction(sessions) as tx:
        attempt = service.start_attempt(
            tx, user_id=user_id, slug="essai", catalog=catalog, rng=random.Random(seed)
        )
        return attempt.id


def _submit(sessions: sessionmaker[Session], attempt_id: str, user_id: int, answers: dict, catalog: Catalog):  # type: ignore[no-untyped-def]
    with transaction(sessions) as tx:
        return service.submit_attempt(
            tx, attempt_id=attempt_id, user_id=user_id, answers=answers, catalog=catalog
        )


def _counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as s:
        completions = s.scalar(select(func.count()).select_from(TrainingCompletion)) or 0
        ledger = (
            s.scalar(
                select(func.count())
                .select_from(LedgerEntry)
                .where(LedgerEntry.event_type == "training.completion")
            )
            or 0
        )
        return completions, ledger


def test_order_is_shuffled_server_side_and_stored_with_the_attempt(sessions, make_user, catalog) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    orders = set()
    for seed in range(6):
        attempt_id = _start(sessions, uid, catalog, seed=seed)
        with sessions() as s:
            attempt = s.get(TrainingAttempt, attempt_id)
            assert attempt is not None
            served = service.served_questions(attempt, catalog=catalog)
            # What is shown is exactly the stored order, questions and choices.
            assert [q.id for q in served] == [item["q"] for item in attempt.served]
            assert [[c.id for c in q.choices] for q in served] == [item["c"] for item in attempt.served]
            orders.add(tuple(q.id for q in served))
    assert len(orders) > 1  # different attempts get different orders


def test_all_correct_passes_records_completion_and_ledger_entry(sessions, make_user, catalog) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    attempt_id = _start(sessions, uid, catalog)
    result = _submit(sessions, attempt_id, uid, ALL_CORRECT, catalog)
    assert (result.score, result.total, result.percent, result.passed) == (5, 5, 100, True)
    assert all(q.explanation for q in result.questions)
    with sessions() as s:
        completion = s.scalar(select(TrainingCompletion))
        assert completion is not None
        assert (completion.source, completion.module_version, completion.score_percent) == (
            "quiz",
            "1.0.0",
            100,
        )
        assert completion.attempt_id == attempt_id
        entry = s.get(LedgerEntry, completion.ledger_index)
        assert entry is not None and entry.event_type == "training.completion"
        assert "essai" in entry.body and "Question" not in entry.body


def test_exactly_the_pass_mark_passes_and_one_below_fails(sessions, make_user, catalog) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    four_of_five = {**ALL_CORRECT, "q1": ["b"]}
    result = _submit(sessions, _start(sessions, uid, catalog), uid, four_of_five, catalog)
    assert (result.score, result.percent, result.passed) == (4, 80, True)
    three_of_five = {**ALL_CORRECT, "q1": ["b"], "multi": ["a"]}  # partial multi-answer counts as wrong
    result = _submit(sessions, _start(sessions, uid, catalog), uid, three_of_five, catalog)
    assert (result.score, result.percent, result.passed) == (3, 60, False)
    wrong = next(q for q in result.questions if q.id == "multi")
    assert not wrong.is_correct and wrong.correct == ["a", "b"] and "deux premières" in wrong.explanation
    assert _counts(sessions) == (1, 1)  # only the passing attempt made a completion


def test_replaying_a_submitted_attempt_is_refused_and_changes_nothing(sessions, make_user, catalog) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    attempt_id = _start(sessions, uid, catalog)
    _submit(sessions, attempt_id, uid, {**ALL_CORRECT, "q1": ["b"], "q2": ["b"]}, catalog)
    with pytest.raises(service.AttemptClosed, match="déjà été soumise") as err:
        _submit(sessions, attempt_id, uid, ALL_CORRECT, catalog)
    assert err.value.status == 409
    with sessions() as s:
        attempt = s.get(TrainingAttempt, attempt_id)
        assert attempt is not None and attempt.score == 3 and attempt.passed is False
    assert _counts(sessions) == (0, 0)


def test_submitting_for_another_user_is_refused(sessions, make_user, catalog) -> None:  # type: ignore[no-untyped-def]
    alice, mallory = make_user("alice"), make_user("mallory")
    attempt_id = _start(sessions, alice, catalog)
    with pytest.raises(service.AttemptNotYours, match="autre personne") as err:
        _submit(sessions, attempt_id, mallory, ALL_CORRECT, catalog)
    assert err.value.status == 403
    with sessions() as s:
        attempt = s.get(TrainingAttempt, attempt_id)
        assert attempt is not None and attempt.status == "open"
    assert _counts(sessions) == (0, 0)
    # Alice can still submit her own attempt.
    assert _submit(sessions, attempt_id, alice, ALL_CORRECT, catalog).passed


def test_a_new_attempt_closes_the_previous_open_one(sessions, make_user, catalog) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    first = _start(sessions, uid, catalog)
    second = _start(sessions, uid, catalog)
    with pytest.raises(service.AttemptClosed):
        _submit(sessions, first, uid, ALL_CORRECT, catalog)
    assert _submit(sessions, second, uid, ALL_CORRECT, catalog).passed


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({k: v for k, v in ALL_CORRECT.items() if k != "q3"}, "sans réponse"),
        ({**ALL_CORRECT, "q2": ["z"]}, "Choix inconnu"),
        ({**ALL_CORRECT, "q2": ["a", "b"]}, "Une seule réponse"),
        ({**ALL_CORRECT, "intrus": ["a"]}, "ne fait pas partie"),
    ],
)
def test_malformed_answers_are_refused_and_the_attempt_stays_open(
    sessions, make_user, catalog, answers, message
) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    attempt_id = _start(sessions, uid, catalog)
    with pytest.raises(service.InvalidAnswers, match=message):
        _submit(sessions, attempt_id, uid, answers, catalog)
    assert _submit(sessions, attempt_id, uid, ALL_CORRECT, catalog).passed


def test_module_changed_during_the_attempt_is_refused(sessions, make_user, module_dir) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    old = module_dir(essai=module_text())
    attempt_id = _start(sessions, uid, old)
    new = module_dir(essai=module_text(version="1.1.0"))
    with pytest.raises(service.ModuleChanged, match="recommencez"):
        _submit(sessions, attempt_id, uid, ALL_CORRECT, new)


def test_ledger_failure_records_no_completion(sessions, make_user, catalog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    attempt_id = _start(sessions, uid, catalog)

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("ledger unavailable")

    monkeypatch.setattr(service.ledger_service, "append", broken)
    with pytest.raises(RuntimeError):
        _submit(sessions, attempt_id, uid, ALL_CORRECT, catalog)
    assert _counts(sessions) == (0, 0)
    with sessions() as s:
        attempt = s.get(TrainingAttempt, attempt_id)
        assert attempt is not None and attempt.status == "open"  # the whole transaction rolled back
