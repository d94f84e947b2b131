"""Each policy rule, checked directly on the database (live-gateway tests: test_policy_gateway.py)."""

from __future__ import annotations

import pytest
from tests.registry.helpers import COMMITTEE, approve, decision, make_system, make_use_case

from avec.db import transaction
from avec.registry import lifecycle, policy, service
from avec.registry.schemas import SystemFields
from avec.training import service as training

MODULE = "limites-des-modeles"


@pytest.fixture
def world(db_sessions, grid, make_principal):
    """An approved on-premises system for three use cases; a cloud candidate; three people."""
    people = {
        "prof": make_principal("prof"),
        "social": make_principal("social", ("reviewer",)),
        "trained": make_principal("trained"),
    }
    with transaction(db_sessions) as tx:
        make_use_case(tx, "summary", patient_data_allowed=True, clear_text_allowed=True)
        make_use_case(tx, "search")
        make_use_case(
            tx,
            "letters",
            allowed_roles=["professional"],
            required_modules=[MODULE],
            patient_data_allowed=True,
        )
        make_use_case(tx, "unlinked")
        approve(tx, make_system(tx, "local"), grid, ["summary", "search", "letters"])
        cloud = make_system(
            tx,
            "cloud",
            deployment="hds_cloud",
            hds_certified=True,
            hosting_country="FR",
            contract={"trains_on_customer_data": False, "access_outside_eea": False},
        )
        approve(tx, cloud, grid, ["search"])
        make_system(tx, "candidate")
        training.record_external(
            tx, username="trained", slugs=[MODULE], evidence="DU IA en santé 2026", actor=COMMITTEE
        )
    return people


def check(db_sessions, principal, model="local", use_case="summary", patient=False):
    with transaction(db_sessions) as tx:
        return policy.check(
            tx,
            principal=principal,
            model=model,
            use_case_slug=use_case,
            has_patient_data=patient,
            base_url="https://avec.chu.example",
        )


def refused(db_sessions, principal, **kwargs) -> policy.PolicyRefusal:
    with pytest.raises(policy.PolicyRefusal) as err:
        check(db_sessions, principal, **kwargs)
    return err.value


def test_allowed_call_and_clear_text_only_on_premises(db_sessions, world):
    decision_ = check(db_sessions, world["prof"], patient=True)
    assert decision_.system_slug == "local" and decision_.use_case_slug == "summary"
    assert decision_.send_clear_text is True and decision_.review_required is True


@pytest.mark.parametrize(
    ("kwargs", "code", "status"),
    [
        ({"model": "gpt-unknown"}, "unknown_model", 400),
        ({"use_case": None}, "missing_use_case", 400),
        ({"use_case": "horoscope"}, "unknown_use_case", 400),
        ({"model": "candidate"}, "system_not_approved", 403),
        ({"use_case": "unlinked"}, "system_not_allowed_for_use_case", 403),
        ({"model": "cloud", "use_case": "summary"}, "system_not_allowed_for_use_case", 403),
        ({"use_case": "search", "patient": True}, "patient_data_not_allowed", 403),
    ],
)
def test_refusals(db_sessions, world, kwargs, code, status):
    err = refused(db_sessions, world["prof"], **kwargs)
    assert (err.code, err.status_code) == (code, status)


def test_role_is_checked(db_sessions, world):
    err = refused(db_sessions, world["social"], use_case="letters")
    assert err.code == "role_not_allowed" and "professional" in err.message


def test_missing_training_is_refused_with_a_link_to_the_module(db_sessions, world):
    err = refused(db_sessions, world["prof"], use_case="letters")
    assert err.code == "training_required" and err.status_code == 403
    assert f"https://avec.chu.example/formation/{MODULE}" in err.message and "non suivie" in err.message
    assert check(db_sessions, world["trained"], use_case="letters", patient=True).use_case_slug == "letters"


def test_suspended_and_retired_systems_are_refused(db_sessions, world, grid):
    with transaction(db_sessions) as tx:
        lifecycle.transition(
            tx, service.get_system(tx, "local"), "suspended", grid=grid, actor=COMMITTEE, decision=decision()
        )
    assert refused(db_sessions, world["prof"]).code == "system_suspended"
    with transaction(db_sessions) as tx:
        lifecycle.transition(tx, service.get_system(tx, "local"), "retired", grid=grid, actor=COMMITTEE)
    assert refused(db_sessions, world["prof"]).code == "system_retired"


def test_identifiable_patient_data_never_leaves_for_a_non_hds_or_non_eea_host(db_sessions, world, grid):
    # The cloud system is HDS in France: patient data for a use case that allows it would pass ...
    with transaction(db_sessions) as tx:
        make_use_case(tx, "cloud-letters", patient_data_allowed=True)
        cloud = service.get_system(tx, "cloud")
        lifecycle.transition(tx, cloud, "suspended", grid=grid, actor=COMMITTEE, decision=decision())
        lifecycle.transition(
            tx, cloud, "approved", grid=grid, actor=COMMITTEE, decision=decision(["search", "cloud-letters"])
        )
    allowed = check(db_sessions, world["prof"], model="cloud", use_case="cloud-letters", patient=True)
    assert allowed.send_clear_text is False
    # ... but not once its contract allows access from outside the EEA, nor outside the EEA at all.
    for change in (SystemFields(contract={"trains_on_customer_data": False, "access_outside_eea": True}),):
        with transaction(db_sessions) as tx:
            service.update_system(tx, service.get_system(tx, "cloud"), change, actor=COMMITTEE)
        err = refused(db_sessions, world["prof"], model="cloud", use_case="cloud-letters", patient=True)
        assert err.code == "patient_data_not_allowed_for_deployment" and "HDS" in err.message
    assert check(db_sessions, world["prof"], model="cloud", use_case="cloud-letters", patient=False)


def test_models_and_use_cases_listed_are_those_the_caller_may_use(db_sessions, world):
    with transaction(db_sessions) as tx:
        prof_models = [s.slug for s in policy.allowed_systems(tx, world["prof"])]
        assert prof_models == ["cloud", "local"]
        social_cases = {u.slug: u.allowed_systems for u in service.use_cases_for(tx, world["social"])}
        assert social_cases == {"search": ["cloud", "local"], "summary": ["local"]}
        prof_cases = {u.slug: u for u in service.use_cases_for(tx, world["prof"])}
        assert {k: u.patient_data_allowed for k, u in prof_cases.items()} == {
            "letters": True,
            "search": False,
            "summary": True,
        }
        assert [m["url"] for m in prof_cases["letters"].missing_training] == [f"/formation/{MODULE}"]
        assert prof_cases["summary"].missing_training == []
        trained = {u.slug: u for u in service.use_cases_for(tx, world["trained"])}
        assert trained["letters"].missing_training == []
