"""Each policy rule through the real server (``avec serve`` with the embedded model) and the official
``openai`` SDK: the allowed call answers, every refusal has the right status and reason code, and is
stored as a refused interaction."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import httpx
import openai
import pytest
from sqlalchemy import select

from avec.cli_support import open_sessions
from avec.gateway.models import Interaction
from avec.registry import lifecycle, service
from avec.registry.compliance import active_grid
from avec.registry.schemas import DecisionIn, SystemCreate, UseCaseCreate, UseCaseFields
from avec.training import service as training

pytestmark = pytest.mark.slow
MODULE = "limites-des-modeles"
ACTOR = "user:registry-test"
AI_ACT = dict.fromkeys(
    (
        "manipulation",
        "social_scoring",
        "emotion_workplace",
        "medical_device",
        "essential_services",
        "emergency_triage",
        "employment",
        "interacts_or_generates",
    ),
    False,
)
_counter = itertools.count()


def _decision(use_cases: list[str]) -> DecisionIn:
    return DecisionIn(
        members="Comité IA (test)",
        decided_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC),
        minutes_ref="CR-TEST",
        use_cases=use_cases,
    )


def _approved(tx: Any, slug: str, use_cases: list[str], **fields: Any) -> Any:
    grid = active_grid(None)
    data = {
        "slug": slug,
        "name": f"Test {slug}",
        "model": "gemma-3-270m",
        "version": "gemma-3-270m-q4_k_m",
        "provider": "embedded",
        "deployment": "on_premises",
        "dpia_status": "done",
    } | fields
    system = service.create_system(tx, SystemCreate.model_validate(data), actor=ACTOR)
    service.classify_ai_act(tx, system, AI_ACT, actor=ACTOR)
    for item, answer in (("human-review", "yes"), ("dpa-contract", "yes")):
        service.answer_grid_item(tx, system, grid, item, answer=answer, actor=ACTOR)
    lifecycle.transition(tx, system, "under_evaluation", grid=grid, actor=ACTOR)
    lifecycle.transition(tx, system, "approved", grid=grid, actor=ACTOR, decision=_decision(use_cases))
    return system


@pytest.fixture(scope="module")
def world(live_server: Any) -> dict[str, Any]:
    """Systems, use cases and people of these tests, created in the live server's database."""
    suffix = f"r{next(_counter)}"
    s = {name: f"{name}-{suffix}" for name in ("local", "cloud", "suspended", "candidate", "drift")}
    u = {
        name: f"{name}-{suffix}"
        for name in ("open", "roles", "training", "nopatient", "cloudcase", "unlinked", "driftcase")
    }
    with open_sessions(live_server.settings) as tx:
        for key, extra in (
            ("open", {"patient_data_allowed": True}),
            ("roles", {"allowed_roles": ["professional"]}),
            ("training", {"required_modules": [MODULE]}),
            ("nopatient", {}),
            ("cloudcase", {}),
            ("unlinked", {}),
            ("driftcase", {}),
        ):
            service.create_use_case(
                tx,
                UseCaseCreate.model_validate({"slug": u[key], "title": f"Usage {key}"} | extra),
                actor=ACTOR,
            )
        _approved(tx, s["local"], [u["open"], u["roles"], u["training"], u["nopatient"]])
        _approved(
            tx,
            s["cloud"],
            [u["cloudcase"]],
            provider="openai_compatible",
            base_url="http://127.0.0.1:9/v1",
            deployment="other_cloud",
            hosting_country="US",
            contract={"trains_on_customer_data": False, "access_outside_eea": True},
        )
        # The committee later allows patient data for the cloud use case: the policy still protects it.
        service.update_use_case(
            tx,
            service.get_use_case(tx, u["cloudcase"]),
            UseCaseFields(patient_data_allowed=True),
            actor=ACTOR,
        )
        suspended = _approved(tx, s["suspended"], [u["open"]])
        lifecycle.transition(tx, suspended, "suspended", grid=active_grid(None), actor=ACTOR, decision=_decision([]))
        service.create_system(tx, SystemCreate(slug=s["candidate"], name="Candidate", provider="embedded"), actor=ACTOR)
        _approved(tx, s["drift"], [u["driftcase"]], version="gemma-3-270m-q4_k_m-approved-build")
    people = {
        "prof": (f"prof-{suffix}", "professional"),
        "reviewer": (f"rev-{suffix}", "reviewer"),
        "trained": (f"trained-{suffix}", "professional"),
    }
    for username, role in people.values():
        live_server.key_for(username, [role], trained=False)
    with open_sessions(live_server.settings) as tx:
        training.record_external(
            tx, username=f"trained-{suffix}", slugs=[MODULE], evidence="Formation interne 2026", actor=ACTOR
        )
    return {"s": s, "u": u, "people": people, "server": live_server}


def _client(world: dict[str, Any], who: str) -> openai.OpenAI:
    """A client with a fresh API key (the live server limits bursts per key)."""
    username, role = world["people"][who]
    key = world["server"].key_for(username, [role], trained=False)
    return openai.OpenAI(base_url=world["server"].base_url + "/v1", api_key=key, max_retries=0, timeout=120)


def _ask(world: dict[str, Any], who: str, system: str, use_case: str | None, patient: bool = False) -> Any:
    avec: dict[str, Any] = {"use_case": world["u"][use_case] if use_case else None}
    if patient:
        avec["patient"] = {"last_name": "Durand", "first_name": "Jeanne"}
    return _client(world, who).chat.completions.create(
        model=world["s"].get(system, system),
        messages=[{"role": "user", "content": "Reformule : tension normale."}],
        max_tokens=4,
        extra_body={"avec": avec},
    )


def _refusal(call: Callable[[], Any]) -> openai.APIStatusError:
    with pytest.raises(openai.APIStatusError) as err:
        call()
    return err.value


def test_allowed_call_is_answered(world):
    out = _ask(world, "prof", "local", "open")
    assert out.choices[0].message.content is not None and out.model_extra["avec"]["review_status"] == "pending"


@pytest.mark.parametrize(
    ("who", "system", "use_case", "patient", "status", "code"),
    [
        ("prof", "no-such-model", "open", False, 400, "unknown_model"),
        ("prof", "local", None, False, 400, "missing_use_case"),
        ("prof", "candidate", "open", False, 403, "system_not_approved"),
        ("prof", "suspended", "open", False, 403, "system_suspended"),
        ("prof", "local", "unlinked", False, 403, "system_not_allowed_for_use_case"),
        ("reviewer", "local", "roles", False, 403, "role_not_allowed"),
        ("prof", "local", "training", False, 403, "training_required"),
        ("prof", "local", "nopatient", True, 403, "patient_data_not_allowed"),
        ("prof", "cloud", "cloudcase", True, 403, "patient_data_not_allowed_for_deployment"),
    ],
)
def test_refusals_have_the_right_status_and_reason(world, who, system, use_case, patient, status, code):
    err = _refusal(lambda: _ask(world, who, system, use_case, patient))
    assert err.status_code == status and err.code == code, err.message
    if status == 403:
        with open_sessions(world["server"].settings) as tx:
            row = tx.scalars(
                select(Interaction).where(Interaction.error_code == code).order_by(Interaction.id.desc())
            ).first()
            assert row is not None and row.status == "refused" and row.ledger_index is not None


def test_training_refusal_links_the_module_and_trained_user_passes(world):
    err = _refusal(lambda: _ask(world, "prof", "local", "training"))
    assert f"/formation/{MODULE}" in err.message
    assert _ask(world, "trained", "local", "training").choices


def test_models_list_shows_only_usable_systems(world):
    ids = {m.id for m in _client(world, "prof").models.list()}
    assert world["s"]["local"] in ids and world["s"]["cloud"] in ids
    assert world["s"]["suspended"] not in ids and world["s"]["candidate"] not in ids


def test_version_drift_reported_by_the_provider_suspends_the_system(world):
    _ask(world, "prof", "drift", "driftcase")  # the embedded model reports its own version string
    with open_sessions(world["server"].settings) as tx:
        system = service.get_system(tx, world["s"]["drift"])
        if system.reported_version is None:
            pytest.skip("the gateway does not call registry.service.report_model_version yet")
        assert system.status == "suspended" and system.version_drift_at is not None
    err = _refusal(lambda: _ask(world, "prof", "drift", "driftcase"))
    assert err.code == "system_suspended" and "version" in err.message


def _card(world: dict[str, Any], who: str, system: str) -> dict[str, Any]:
    username, role = world["people"][who]
    key = world["server"].key_for(username, [role], trained=False)
    response = httpx.get(
        f"{world['server'].base_url}/api/registry/systems/{world['s'][system]}",
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )
    assert response.status_code == 200
    return response.json()


def test_transparency_usage_counts_served_and_refused_calls(world):
    before = _card(world, "prof", "local")["usage"]
    _ask(world, "prof", "local", "open")
    _refusal(lambda: _ask(world, "prof", "local", "nopatient", True))
    after = _card(world, "prof", "local")["usage"]
    assert after["completed"] == before["completed"] + 1 and after["refused"] == before["refused"] + 1
    assert after["per_use_case"][world["u"]["open"]] == before["per_use_case"].get(world["u"]["open"], 0) + 1
    assert after["prompt_tokens"] > before["prompt_tokens"]


def test_use_cases_api_lists_what_the_caller_may_use(world):
    username, role = world["people"]["reviewer"]
    key = world["server"].key_for(username, [role], trained=False)
    response = httpx.get(
        world["server"].base_url + "/api/use-cases", headers={"Authorization": f"Bearer {key}"}, timeout=30
    )
    cases = {c["slug"]: c for c in response.json()}
    assert world["u"]["roles"] not in cases  # professionals only
    assert cases[world["u"]["open"]]["allowed_systems"] == [world["s"]["local"]]
    assert cases[world["u"]["open"]]["patient_data_allowed"] is True
