"""Gating: missing_modules says which required modules a user lacks, and why (never, expired, outdated)."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session, sessionmaker
from tests.training.conftest import ALL_CORRECT, module_text

from avec.db import transaction
from avec.training import service
from avec.training.loader import Catalog

T0 = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)


def _pass(sessions: sessionmaker[Session], uid: int, catalog: Catalog, slug: str, at: dt.datetime) -> None:
    with transaction(sessions) as tx:
        attempt = service.start_attempt(
            tx, user_id=uid, slug=slug, catalog=catalog, rng=random.Random(0), at=at
        )
        result = service.submit_attempt(
            tx, attempt_id=attempt.id, user_id=uid, answers=ALL_CORRECT, catalog=catalog, at=at
        )
        assert result.passed


def _missing(sessions, uid, required, catalog, at):  # type: ignore[no-untyped-def]
    with sessions() as s:
        return service.missing_modules(s, user_id=uid, required=required, at=at, catalog=catalog)


def test_never_then_valid_then_expired(sessions, make_user, module_dir) -> None:  # type: ignore[no-untyped-def]
    catalog = module_dir(a=module_text("essai-a", days=365), b=module_text("essai-b"))
    uid = make_user("nouvelle")
    missing = _missing(sessions, uid, ["essai-a", "essai-b"], catalog, T0)
    assert [(m.slug, m.reason, m.url) for m in missing] == [
        ("essai-a", "never", "/formation/essai-a"),
        ("essai-b", "never", "/formation/essai-b"),
    ]
    assert missing[0].title == "Module essai-a"
    _pass(sessions, uid, catalog, "essai-a", T0)
    assert [m.slug for m in _missing(sessions, uid, ["essai-a", "essai-b"], catalog, T0)] == ["essai-b"]
    # Valid until the recertification period is over, expired from then on.
    just_before = T0 + dt.timedelta(days=365) - dt.timedelta(seconds=1)
    assert _missing(sessions, uid, ["essai-a"], catalog, just_before) == []
    expired = _missing(sessions, uid, ["essai-a"], catalog, T0 + dt.timedelta(days=365))
    assert [(m.slug, m.reason) for m in expired] == [("essai-a", "expired")]
    # Taking it again renews it.
    _pass(sessions, uid, catalog, "essai-a", T0 + dt.timedelta(days=400))
    assert _missing(sessions, uid, ["essai-a"], catalog, T0 + dt.timedelta(days=401)) == []


def test_new_version_requiring_retraining_invalidates_older_completions(
    sessions, make_user, module_dir
) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("ancien")
    v1 = module_dir(a=module_text("essai-a", version="1.0.0"))
    _pass(sessions, uid, v1, "essai-a", T0)
    # A minor update that does not require retraining: the 1.0.0 completion still counts.
    v11 = module_dir(a=module_text("essai-a", version="1.1.0", retrain_from="1.0.0"))
    assert _missing(sessions, uid, ["essai-a"], v11, T0 + dt.timedelta(days=1)) == []
    # A major update requiring retraining from 2.0.0: the old completion no longer counts.
    v2 = module_dir(a=module_text("essai-a", version="2.0.0", retrain_from="2.0.0"))
    missing = _missing(sessions, uid, ["essai-a"], v2, T0 + dt.timedelta(days=2))
    assert [(m.slug, m.reason) for m in missing] == [("essai-a", "outdated_version")]
    _pass(sessions, uid, v2, "essai-a", T0 + dt.timedelta(days=3))
    assert _missing(sessions, uid, ["essai-a"], v2, T0 + dt.timedelta(days=4)) == []


def test_completions_are_per_user_and_unknown_modules_fail_closed(sessions, make_user, module_dir) -> None:  # type: ignore[no-untyped-def]
    catalog = module_dir(a=module_text("essai-a"))
    alice, bob = make_user("alice"), make_user("bob")
    _pass(sessions, alice, catalog, "essai-a", T0)
    assert _missing(sessions, alice, ["essai-a"], catalog, T0) == []
    assert [m.reason for m in _missing(sessions, bob, ["essai-a"], catalog, T0)] == ["never"]
    unknown = _missing(sessions, alice, ["n-existe-pas"], catalog, T0)
    assert [(m.slug, m.reason) for m in unknown] == [("n-existe-pas", "never")]
    assert _missing(sessions, alice, [], catalog, T0) == []


def test_external_record_counts_for_gating(sessions, make_user, module_dir) -> None:  # type: ignore[no-untyped-def]
    catalog = module_dir(a=module_text("essai-a"), b=module_text("essai-b"))
    uid = make_user("externe")
    with transaction(sessions) as tx:
        done = service.record_external(
            tx,
            username="externe",
            slugs=["essai-a"],
            evidence="DU IA en santé, 2026, attestation n°42",
            actor="cli",
            catalog=catalog,
            at=T0,
        )
        assert [(c.source, c.evidence) for c in done] == [
            ("external", "DU IA en santé, 2026, attestation n°42")
        ]
    assert [m.slug for m in _missing(sessions, uid, ["essai-a", "essai-b"], catalog, T0)] == ["essai-b"]
