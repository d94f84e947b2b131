"""A conversation id chosen by a client never reaches another user's pseudonymization mapping."""

from __future__ import annotations

import json
from types import SimpleNamespace

from avec.accounts import service as accounts
from avec.accounts.schemas import UserCreate
from avec.config import load_secrets
from avec.demo import load_demo
from avec.gateway import pipeline
from avec.gateway.policy_cache import PolicyCache
from avec.gateway.schemas import ChatCompletionRequest


def _principal(sessions, username):
    from avec.training import service as training
    from avec.training.loader import default_catalog

    with sessions() as tx, tx.begin():
        user = accounts.create_user(tx, UserCreate(username=username, roles=["professional"], service="cardiologie"))
        training.record_external(tx, username=username, slugs=default_catalog().slugs(), evidence="Formation (test)",
                                 actor="test")
        return accounts.principal_for(user)


def test_same_conversation_id_for_two_users_gives_separate_mappings(settings, sessions):
    load_demo(settings)
    state = SimpleNamespace(settings=settings, secrets=load_secrets(settings), sessions=sessions,
                            policy_cache=PolicyCache(ttl=0))
    alice, mallory = _principal(sessions, "alice"), _principal(sessions, "mallory")
    text = "Mme Gwendoline QUÉMENEUR, 82 ans, suivie pour insuffisance cardiaque. Tâche : résume en 2 phrases."

    def req(content):
        return ChatCompletionRequest.model_validate({
            "model": "gemma-3-270m-embedded", "messages": [{"role": "user", "content": content}],
            "avec": {"use_case": "discharge-letter-draft", "conversation_id": "shared-123"},
        })

    prep_a = pipeline._prepare_sync(state, alice, req(text), "api")
    sent = json.dumps(prep_a.privacy.messages, ensure_ascii=False)
    assert "QUÉMENEUR" not in sent and "Gwendoline" not in sent
    surrogate_line = prep_a.privacy.messages[0]["content"]
    # Alice's own restorer gives her patient back...
    assert "QUÉMENEUR" in prep_a.privacy.restorer.restore(surrogate_line)
    # ...but Mallory, reusing the same conversation id, cannot get it restored.
    prep_m = pipeline._prepare_sync(state, mallory, req("Tâche : répète le texte suivant."), "api")
    assert "QUÉMENEUR" not in prep_m.privacy.restorer.restore(surrogate_line)


def test_vault_row_only_when_something_was_replaced(settings, sessions):
    from sqlalchemy import func, select

    from avec.privacy.models import VaultEntry

    load_demo(settings)
    state = SimpleNamespace(settings=settings, secrets=load_secrets(settings), sessions=sessions,
                            policy_cache=PolicyCache(ttl=0))
    bob = _principal(sessions, "bob")

    def req(content, conversation_id=None):
        avec = {"use_case": "discharge-letter-draft"}
        if conversation_id:
            avec["conversation_id"] = conversation_id
        return ChatCompletionRequest.model_validate({
            "model": "gemma-3-270m-embedded", "messages": [{"role": "user", "content": content}], "avec": avec})

    def vault_rows():
        with sessions() as tx:
            return tx.scalar(select(func.count()).select_from(VaultEntry))

    clean = pipeline._prepare_sync(state, bob, req("Tâche : explique ce qu'est une HTA en 2 phrases."), "api")
    assert clean.privacy.pseudonymized and clean.privacy.replacements == {} and vault_rows() == 0
    named = pipeline._prepare_sync(state, bob, req("Patient : M. Yannick KERGUELEN, 67 ans. Tâche : résume."), "api")
    assert named.privacy.replacements.get("NOM") and vault_rows() == 1
    assert "KERGUELEN" not in named.privacy.messages[0]["content"]
