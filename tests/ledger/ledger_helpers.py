"""Helpers shared by the ledger tests: fill a ledger, sign a checkpoint, verify."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from avec.config import Settings, load_secrets
from avec.db import transaction
from avec.ledger import service
from avec.ledger.canonical import sha256_text

# The peer vectors: ../shared/vectors beside the checkout, else the copy in tests/data/vectors
# (same files, with their licence and attribution in tests/data/vectors/README.md and merkle/LICENSE).
_SHARED = Path(__file__).parents[2].parent / "shared" / "vectors"
VECTORS = _SHARED if (_SHARED / "merkle" / "roots.json").is_file() else Path(__file__).parents[1] / "data" / "vectors"


def fill(sessions: sessionmaker[Session], n: int, *, tag: str = "e") -> list[int]:
    """Append ``n`` varied entries in one transaction; returns their indexes."""
    kinds = ["interaction", "review.decision", "policy.refusal", "registry.change", "user.change"]
    out = []
    with transaction(sessions) as session:
        for i in range(n):
            out.append(
                service.append(
                    session,
                    event_type=kinds[i % len(kinds)],
                    actor=f"user:{i % 7}",
                    subject={"interaction": f"{tag}{i}"},
                    digests={"prompt": sha256_text(f"{tag}-{i}")},
                    data={"tokens": i, "status": "completed"},
                )
            )
    return out


def checkpoint(settings: Settings, sessions: sessionmaker[Session]) -> service.Checkpoint:
    """Sign a checkpoint of the current tree."""
    with transaction(sessions) as session:
        return service.issue_checkpoint(
            session, origin=settings.ledger_origin, signing_key=load_secrets(settings).ledger_signing_key
        )


def verify(settings: Settings, sessions: sessionmaker[Session], **kw):  # type: ignore[no-untyped-def]
    """Run the full database verification."""
    from avec.ledger.integrity import verify_ledger

    secrets = load_secrets(settings)
    with transaction(sessions) as session:
        return verify_ledger(
            session,
            origin=settings.ledger_origin,
            verifier_key=service.verifier_key(settings.ledger_origin, secrets.ledger_signing_key),
            data_key=secrets.data_key,
            **kw,
        )
