"""Lifecycle transitions and their guards, history with before/after JSON, ledger entries, version drift."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.registry.helpers import COMMITTEE, approve, decision, grade, make_system, make_use_case

from avec.db import transaction
from avec.ledger import service as ledger_service
from avec.registry import lifecycle, policy, service
from avec.registry.models import CommitteeDecision, RegistryChange
from avec.registry.schemas import SystemFields
from avec.registry.service import RegistryError


def test_approval_path_records_decision_links_history_and_ledger(db_sessions, grid):
    with transaction(db_sessions) as tx:
        make_use_case(tx, "summary")
        make_use_case(tx, "other")
        system = make_system(tx)
        approve(tx, system, grid, ["summary"])
        assert system.status == "approved" and system.approved_version == "1.0"
        linked = {uc.slug for uc in service.use_cases_of_system(tx, system.id)}
        assert linked == {"summary"}
        row = tx.scalar(select(CommitteeDecision).where(CommitteeDecision.ai_system_id == system.id))
        assert row.decision == "approve" and row.minutes_ref == "CR-2026-11-20" and row.use_case_slugs == ["summary"]
        changes = [c for c in service_history(tx, system.id) if c.action == "transition:approved"]
        assert changes[0].before["status"] == "under_evaluation" and changes[0].after["status"] == "approved"
        assert changes[0].after["approved_use_cases"] == ["summary"]
        entry = ledger_service.entry(tx, changes[0].ledger_index)
        assert entry.event_type == "registry.change" and "transition:approved" in entry.body
        assert "CR-2026" not in entry.body  # free text stays in the history table, not in the ledger


def service_history(tx, system_id):
    return list(
        tx.scalars(
            select(RegistryChange).where(RegistryChange.entity == "ai_system", RegistryChange.entity_id == system_id)
        )
    )


def test_approval_without_committee_decision_is_refused(sessions, grid):
    with transaction(sessions) as tx:
        make_use_case(tx)
        system = make_system(tx)
        grade(tx, system, grid)
        lifecycle.transition(tx, system, "under_evaluation", grid=grid, actor=COMMITTEE)
        with pytest.raises(RegistryError) as err:
            lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE)
        assert err.value.code == "committee_decision_required" and "minutes reference" in err.value.message
        assert system.status == "under_evaluation"


def test_approval_with_a_blocking_item_open_is_refused_naming_it(sessions, grid):
    with transaction(sessions) as tx:
        make_use_case(tx, "letters", patient_data_allowed=True)
        system = make_system(tx, deployment="other_cloud", hosting_country="US")
        grade(tx, system, grid)
        lifecycle.transition(tx, system, "under_evaluation", grid=grid, actor=COMMITTEE)
        with pytest.raises(RegistryError) as err:
            lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE, decision=decision(["letters"]))
        assert err.value.code == "blocking_items_open"
        for item_id in ("eea-hosting", "hds-hosting", "no-training-on-our-data"):
            assert item_id in err.value.message
        assert system.status == "under_evaluation"
        assert tx.scalar(select(CommitteeDecision.id)) is None  # nothing recorded for a refused approval


def test_guards_on_transitions(sessions, grid):
    with transaction(sessions) as tx:
        make_use_case(tx)
        system = make_system(tx)
        with pytest.raises(RegistryError, match="cannot go from candidate to approved"):
            lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE, decision=decision(["summary"]))
        lifecycle.transition(tx, system, "under_evaluation", grid=grid, actor=COMMITTEE)
        grade(tx, system, grid)
        with pytest.raises(RegistryError, match="none was given"):
            lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE, decision=decision([]))
        with pytest.raises(RegistryError, match="Unknown use case"):
            lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE, decision=decision(["nope"]))
        lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE, decision=decision(["summary"]))
        with pytest.raises(RegistryError) as err:
            lifecycle.transition(tx, system, "suspended", grid=grid, actor=COMMITTEE)
        assert err.value.code == "committee_decision_required"
        with pytest.raises(RegistryError) as err:
            service.update_system(tx, system, SystemFields(version="2.0"), actor=COMMITTEE)
        assert err.value.code == "approved_system_binding_change"
        lifecycle.transition(tx, system, "suspended", grid=grid, actor=COMMITTEE, decision=decision())
        lifecycle.transition(tx, system, "retired", grid=grid, actor=COMMITTEE)
        with pytest.raises(RegistryError, match="possible: none"):
            lifecycle.transition(tx, system, "under_evaluation", grid=grid, actor=COMMITTEE)
        kinds = [d.decision for d in lifecycle.decisions_for(tx, system.id)]
        assert sorted(kinds) == ["approve", "suspend"]


def test_every_edit_is_versioned_with_before_and_after(sessions, grid):
    with transaction(sessions) as tx:
        system = make_system(tx)
        service.update_system(tx, system, SystemFields(hosting_region="Datacenter Nord", pue=1.3), actor="user:7")
        service.update_system(tx, system, SystemFields(pue=1.3), actor="user:7")  # no change, no entry
        edits = [c for c in service_history(tx, system.id) if c.action == "update"]
        assert len(edits) == 1 and edits[0].actor == "user:7"
        assert edits[0].before["pue"] is None and edits[0].after["pue"] == 1.3
        assert edits[0].after["hosting_region"] == "Datacenter Nord" and edits[0].ledger_index is not None


def test_version_drift_suspends_by_default_until_reapproved(db_sessions, grid, make_principal):
    prof = make_principal("drift.user")
    with transaction(db_sessions) as tx:
        make_use_case(tx)
        system = make_system(tx)
        approve(tx, system, grid, ["summary"])
        system_id = system.id
    with transaction(db_sessions) as tx:
        service.report_model_version(tx, system_id, "1.0")  # the approved version: nothing happens
        assert policy.check(tx, principal=prof, model="local-llm", use_case_slug="summary", has_patient_data=False)
        service.report_model_version(tx, system_id, "1.1")
    with transaction(db_sessions) as tx:
        system = service.get_system(tx, "local-llm")
        assert system.status == "suspended" and system.version_drift_at is not None
        assert system.reported_version == "1.1"
        with pytest.raises(policy.PolicyRefusal) as err:
            policy.check(tx, principal=prof, model="local-llm", use_case_slug="summary", has_patient_data=False)
        assert err.value.code == "system_suspended" and "version" in err.value.message
        assert [c.action for c in service_history(tx, system_id)][-1] == "version_drift_suspended"
        lifecycle.transition(
            tx,
            system,
            "approved",
            grid=grid,
            actor=COMMITTEE,
            decision=decision(["summary"]),
            approved_version="1.1",
        )
        assert system.approved_version == "1.1" and system.version_drift_at is None
    with transaction(db_sessions) as tx:
        service.report_model_version(tx, system_id, "1.1")
        assert service.get_system(tx, "local-llm").status == "approved"


def test_version_drift_only_flags_when_configured(sessions, grid):
    with transaction(sessions) as tx:
        make_use_case(tx)
        system = make_system(tx, drift_action="flag")
        approve(tx, system, grid, ["summary"])
        before = len(service_history(tx, system.id))
        service.report_model_version(tx, system.id, "1.2")
        service.report_model_version(tx, system.id, "1.2")  # same drift again: one entry only
        assert system.status == "approved" and system.version_drift_at is not None
        assert len(service_history(tx, system.id)) == before + 1
