"""Erasure without breaking proofs: purged contents are reported as erased, altered ones as tampered."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import checkpoint, verify

from avec.accounts import service as accounts
from avec.accounts.schemas import UserCreate
from avec.config import Settings, load_secrets
from avec.db import transaction, utcnow
from avec.gateway.models import Interaction, InteractionContent
from avec.ledger import contents, service
from avec.ledger.canonical import sha256_text
from avec.privacy.encryption import encrypt

PROMPT = "Résume le compte rendu de Mme Martin, née le 02/04/1950."
ANSWER = "Patiente de 76 ans, hospitalisée pour une pneumopathie."


def _interaction(settings: Settings, sessions: sessionmaker[Session], public_id: str) -> int:
    """Store an interaction the way the gateway does (encrypted contents + ledger digests)."""
    key = load_secrets(settings).data_key
    ad = f"interaction:{public_id}".encode()
    with transaction(sessions) as session:
        user = accounts.get_user(session, "soignant") or accounts.create_user(
            session, UserCreate(username="soignant", roles=["professional"])
        )
        row = Interaction(public_id=public_id, user_id=user.id, replacements={})
        session.add(row)
        session.flush()
        session.add(
            InteractionContent(
                interaction_id=row.id,
                original_enc=encrypt(key, PROMPT, ad + b":original"),
                answer_enc=encrypt(key, ANSWER, ad + b":answer"),
            )
        )
        return service.append(
            session,
            event_type="interaction",
            actor=f"user:{user.id}",
            subject={"interaction": public_id, "use_case": None},
            digests={"prompt": sha256_text(PROMPT), "answer": sha256_text(ANSWER)},
            data={"status": "completed"},
        )


def _purge(sessions: sessionmaker[Session], public_id: str, *, record: bool) -> None:
    with transaction(sessions) as session:
        row = session.query(Interaction).filter_by(public_id=public_id).one()
        content = session.get(InteractionContent, row.id)
        assert content is not None
        content.original_enc = content.answer_enc = None
        content.erased_at = utcnow()
        if record:
            service.record_erasure(
                session,
                subject={"interaction": public_id},
                reason="retention",
                actor="system",
                fields=["answer", "prompt"],
            )


def test_stored_contents_match_their_digests(settings: Settings, sessions: sessionmaker[Session]) -> None:
    contents.load_domain_checks()
    _interaction(settings, sessions, "int_a")
    _interaction(settings, sessions, "int_b")
    report = verify(settings, sessions, contents=True)
    assert report.ok, report.problems
    assert report.contents["match"] == 4 and report.contents["erased"] == 0


def test_erased_contents_are_reported_as_erased_and_proofs_still_hold(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    contents.load_domain_checks()
    index = _interaction(settings, sessions, "int_a")
    _interaction(settings, sessions, "int_b")
    cp = checkpoint(settings, sessions)
    _purge(sessions, "int_a", record=True)
    report = verify(settings, sessions, contents=True)
    assert report.ok, report.problems
    assert (report.contents["match"], report.contents["erased"]) == (2, 2)
    with transaction(sessions) as session:
        proof = service.inclusion_proof(session, index, cp.size)
        erasure = service.entry(session, service.head(session).size - 1)
    assert proof.root == cp.root
    assert erasure.event_type == "erasure" and "Martin" not in erasure.body


def test_contents_deleted_without_an_erasure_record_are_flagged(
    settings: Settings, sessions: sessionmaker[Session]
) -> None:
    contents.load_domain_checks()
    index = _interaction(settings, sessions, "int_a")
    with transaction(sessions) as session:
        session.execute(text("DELETE FROM interaction_contents"))
    report = verify(settings, sessions, contents=True)
    assert not report.ok
    assert report.first is not None and (report.first.kind, report.first.index) == ("content", index)
    assert "no erasure was recorded" in report.first.detail


def test_altered_content_is_reported_as_tampered(settings: Settings, sessions: sessionmaker[Session]) -> None:
    contents.load_domain_checks()
    index = _interaction(settings, sessions, "int_a")
    key = load_secrets(settings).data_key
    with transaction(sessions) as session:
        session.execute(
            text("UPDATE interaction_contents SET answer_enc = :b"),
            {"b": encrypt(key, ANSWER.replace("76", "67"), b"interaction:int_a:answer")},
        )
    report = verify(settings, sessions, contents=True)
    assert [(p.kind, p.index) for p in report.problems] == [("content", index)]
    assert "interaction.answer differs" in report.problems[0].detail
