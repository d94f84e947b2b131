"""Quiz, register and gating on SQLite and PostgreSQL; concurrent submissions of one attempt."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.training.conftest import ALL_CORRECT, module_text

from avec.accounts import service as accounts_service
from avec.accounts.schemas import UserCreate
from avec.db import transaction
from avec.training import register, service
from avec.training.loader import Catalog
from avec.training.models import TrainingCompletion


def _user(sessions: sessionmaker[Session], username: str) -> int:
    with transaction(sessions) as tx:
        return accounts_service.create_user(
            tx, UserCreate(username=username, roles=["professional"], service="ssiad")
        ).id


def test_quiz_register_and_gating(db_sessions, module_dir: Callable[..., Catalog]) -> None:  # type: ignore[no-untyped-def]
    catalog = module_dir(a=module_text("essai-a"))
    uid = _user(db_sessions, "pg.user")
    assert [m.reason for m in _missing(db_sessions, uid, catalog)] == ["never"]
    with transaction(db_sessions) as tx:
        attempt = service.start_attempt(
            tx, user_id=uid, slug="essai-a", catalog=catalog, rng=random.Random(2)
        )
        attempt_id = attempt.id
    with transaction(db_sessions) as tx:
        result = service.submit_attempt(
            tx, attempt_id=attempt_id, user_id=uid, answers=ALL_CORRECT, catalog=catalog
        )
        assert result.passed and result.expires_at is not None
    assert _missing(db_sessions, uid, catalog) == []
    with db_sessions() as s:
        rows = register.register_rows(s, catalog=catalog)
        assert [(r.username, r.module_slug, r.status, r.service) for r in rows] == [
            ("pg.user", "essai-a", "valid", "ssiad")
        ]
        cover = register.coverage(s, catalog=catalog)
        assert [(c.service, c.users, c.fully_trained) for c in cover] == [("ssiad", 1, 1)]


def _missing(sessions, uid, catalog):  # type: ignore[no-untyped-def]
    with sessions() as s:
        return service.missing_modules(s, user_id=uid, required=["essai-a"], catalog=catalog)


def test_concurrent_submissions_of_one_attempt_record_one_completion(db_sessions, module_dir) -> None:  # type: ignore[no-untyped-def]
    catalog = module_dir(a=module_text("essai-a"))
    uid = _user(db_sessions, "racer")
    with transaction(db_sessions) as tx:
        attempt_id = service.start_attempt(tx, user_id=uid, slug="essai-a", catalog=catalog).id
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def submit() -> None:
        barrier.wait()
        try:
            with transaction(db_sessions) as tx:
                service.submit_attempt(
                    tx, attempt_id=attempt_id, user_id=uid, answers=ALL_CORRECT, catalog=catalog
                )
            outcomes.append("ok")
        except service.AttemptClosed:
            outcomes.append("closed")

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["closed", "closed", "closed", "ok"]
    with db_sessions() as s:
        assert s.scalar(select(func.count()).select_from(TrainingCompletion)) == 1
