"""Gating through the real gateway with the official ``openai`` SDK: refused until trained, refused again
when a module's new version requires retraining. The refusal names and links the missing modules."""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from fastapi.testclient import TestClient

from avec.accounts import service as accounts_service
from avec.app import create_app
from avec.config import Settings
from avec.db import make_engine, make_sessionmaker, transaction
from avec.demo import load_demo
from avec.registry.demo import EMBEDDED_SLUG
from avec.training import service
from avec.training.loader import DEFAULT_DIR, Catalog, default_catalog, load_catalog

USE_CASE = "literature-search-help"  # demo use case requiring the three base modules
REQUIRED = ["fonctionnement-des-modeles-de-langage", "limites-des-modeles", "verifier-une-reponse"]


@pytest.fixture
def world(settings: Settings) -> Iterator[tuple[TestClient, str, Settings]]:
    load_demo(settings)
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    with transaction(make_sessionmaker(engine)) as tx:
        user = accounts_service.get_user(tx, "dr.martin")
        assert user is not None
        _, key = accounts_service.create_api_key(tx, user)
    engine.dispose()
    with TestClient(create_app(settings)) as http:
        yield http, key, settings


def _sdk(http: TestClient, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url="http://testserver/v1", api_key=key, http_client=http, max_retries=0)


def _ask(http: TestClient, key: str) -> openai.APIStatusError | None:
    try:
        _sdk(http, key).chat.completions.create(
            model=EMBEDDED_SLUG,
            messages=[{"role": "user", "content": "Liste trois bases de données bibliographiques en santé."}],
            extra_body={"avec": {"use_case": USE_CASE}},
        )
    except openai.APIStatusError as exc:
        return exc
    return None


def _pass_all(settings: Settings, slugs: list[str], catalog: Catalog | None = None) -> None:
    cat = catalog or default_catalog()
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    with transaction(make_sessionmaker(engine)) as tx:
        user = accounts_service.get_user(tx, "dr.martin")
        assert user is not None
        for slug in slugs:
            module = cat.get(slug)
            assert module is not None
            attempt = service.start_attempt(tx, user_id=user.id, slug=slug, catalog=cat, rng=random.Random(1))
            answers = {q.id: q.correct for q in module.meta.quiz}
            result = service.submit_attempt(
                tx, attempt_id=attempt.id, user_id=user.id, answers=answers, catalog=cat
            )
            assert result.passed
    engine.dispose()


def _allowed(error: openai.APIStatusError | None) -> bool:
    """The policy let the call through (it may still fail later, e.g. no embedded model in tests: 503)."""
    return error is None or error.status_code != 403


def _training_refusal(error: openai.APIStatusError | None) -> dict | None:  # type: ignore[type-arg]
    if error is None or error.status_code != 403:
        return None
    body = error.body if isinstance(error.body, dict) else {}
    inner = body.get("error", body)
    return inner if inner.get("code") == "training_required" else None


def test_untrained_professional_is_refused_with_links_then_allowed(world) -> None:  # type: ignore[no-untyped-def]
    http, key, settings = world
    refusal = _training_refusal(_ask(http, key))
    assert refusal is not None, "an untrained professional must be refused"
    for slug in REQUIRED:
        assert f"/formation/{slug}" in refusal["message"]
    # Partly trained: still refused, and only the remaining modules are listed.
    _pass_all(settings, REQUIRED[:2])
    refusal = _training_refusal(_ask(http, key))
    assert refusal is not None and f"/formation/{REQUIRED[2]}" in refusal["message"]
    assert f"/formation/{REQUIRED[0]}" not in refusal["message"]
    _pass_all(settings, REQUIRED[2:])
    assert _allowed(_ask(http, key))  # the policy lets the call through


def test_new_version_requiring_retraining_is_refused_at_the_gateway(
    world, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    http, key, settings = world
    _pass_all(settings, REQUIRED)
    assert _allowed(_ask(http, key))
    # Publish version 2.0.0 of one required module, marked as requiring retraining.
    folder = tmp_path / "modules"
    shutil.copytree(DEFAULT_DIR, folder)
    target = folder / "02-limites-des-modeles.fr.md"
    text = target.read_text(encoding="utf-8")
    text = text.replace("version: 1.0.0\n", "version: 2.0.0\n", 1)
    text = text.replace("requires_retraining_from: 1.0.0", "requires_retraining_from: 2.0.0", 1)
    target.write_text(text, encoding="utf-8")
    new_catalog = load_catalog(folder)
    monkeypatch.setattr(service, "default_catalog", lambda: new_catalog)
    # The gateway reuses an allowed decision for `policy_cache_seconds`: the new version applies after that.
    time.sleep(settings.policy_cache_seconds + 0.2)
    refusal = _training_refusal(_ask(http, key))
    assert refusal is not None and "/formation/limites-des-modeles" in refusal["message"]
    assert "nouvelle version" in refusal["message"]
    _pass_all(settings, ["limites-des-modeles"], new_catalog)
    assert _allowed(_ask(http, key))
