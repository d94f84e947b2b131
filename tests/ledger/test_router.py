"""Auditor HTTP endpoints: roles dpo/quality/admin only; proofs that verify; clear errors."""

from __future__ import annotations

from base64 import b64decode
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import fill

from avec.accounts import service as accounts
from avec.accounts.schemas import UserCreate
from avec.app import create_app
from avec.config import Settings
from avec.db import transaction
from avec.ledger import merkle
from avec.ledger.note import NoteVerifier, open_note, parse_checkpoint


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def _key(sessions: sessionmaker[Session], username: str, role: str) -> dict[str, str]:
    with transaction(sessions) as session:
        user = accounts.create_user(session, UserCreate(username=username, roles=[role]))
        _, clear = accounts.create_api_key(session, user)
    return {"Authorization": f"Bearer {clear}"}


def test_only_auditor_roles_may_read_the_ledger(client: TestClient, sessions: sessionmaker[Session]) -> None:
    assert client.get("/api/ledger/checkpoint").status_code == 401
    professional = _key(sessions, "pro", "professional")
    assert client.get("/api/ledger/checkpoint", headers=professional).status_code == 403
    for role in ("dpo", "quality", "admin"):
        assert client.get("/api/ledger/checkpoint", headers=_key(sessions, role + "1", role)).status_code == 200


def test_checkpoint_entry_and_proofs(client: TestClient, sessions: sessionmaker[Session]) -> None:
    dpo = _key(sessions, "dpo1", "dpo")
    fill(sessions, 10)
    key = client.get("/api/ledger/key", headers=dpo).json()["verifier_key"]
    created = client.post("/api/ledger/checkpoint", headers=dpo)
    assert created.status_code == 201
    cp = created.json()
    _, size, root = parse_checkpoint(open_note(cp["note"], NoteVerifier(key)))
    assert size == cp["size"] == client.get("/api/ledger/checkpoint", headers=dpo).json()["head"]["size"]

    entry = client.get("/api/ledger/entries/4", headers=dpo).json()
    assert entry["entry"]["index"] == 4 and "digests" in entry["entry"]
    proof = client.get("/api/ledger/proof/inclusion", params={"index": 4}, headers=dpo).json()
    assert proof["size"] == size and proof["checkpoint"] == cp["note"]
    merkle.verify_inclusion(4, size, b64decode(entry["leaf_hash"]), [b64decode(h) for h in proof["proof"]], root)

    cons = client.get("/api/ledger/proof/consistency", params={"from": 3, "to": size}, headers=dpo).json()
    old_root = b64decode(cons["from_root"])
    merkle.verify_consistency(3, size, [b64decode(h) for h in cons["proof"]], old_root, root)


def test_bad_requests(client: TestClient, sessions: sessionmaker[Session]) -> None:
    admin = _key(sessions, "admin1", "admin")
    fill(sessions, 3)
    size = client.get("/api/ledger/checkpoint", headers=admin).json()["head"]["size"]
    assert client.get(f"/api/ledger/entries/{size + 5}", headers=admin).status_code == 404
    assert (
        client.get("/api/ledger/proof/inclusion", params={"index": 1, "size": size + 5}, headers=admin).status_code
        == 400
    )
    assert client.get("/api/ledger/proof/consistency", params={"from": 0, "to": 2}, headers=admin).status_code in (
        400,
        422,
    )
    assert client.get("/api/ledger/checkpoints/999", headers=admin).status_code == 404
