"""Test helper: store AI outputs exactly as the gateway records them (row + encrypted contents).

The gateway's own path needs a model; review tests need many outputs fast, so they write the same
rows the gateway writes (``avec.gateway.recording``), encrypted with the instance's real data key.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from avec.accounts.models import User
from avec.config import Settings, load_secrets
from avec.db import utcnow
from avec.gateway.models import Interaction, InteractionContent
from avec.ledger.canonical import sha256_text
from avec.privacy.encryption import encrypt
from avec.registry.models import AISystem, UseCase

DRAFT = (
    "Monsieur X a été hospitalisé pour une insuffisance cardiaque. Traitement de sortie : furosémide 40 mg."
)


def make_output(
    sessions: sessionmaker[Session],
    settings: Settings,
    username: str,
    *,
    prompt: str = "Rédige une lettre de liaison pour le médecin traitant, 10 lignes.",
    draft: str = DRAFT,
    channel: str = "api",
    use_case: str = "discharge-letter-draft",
    status: str = "completed",
) -> str:
    """Store one completed output of ``username``; returns its public id."""
    key = load_secrets(settings).data_key
    public_id = "int_" + uuid.uuid4().hex
    with sessions() as session, session.begin():
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None, username
        uc = session.scalar(select(UseCase).where(UseCase.slug == use_case))
        system = session.scalars(select(AISystem)).first()
        messages = json.dumps([{"role": "user", "content": prompt}], ensure_ascii=False, sort_keys=True)
        row = Interaction(
            public_id=public_id,
            user_id=user.id,
            service_id=user.service_id,
            channel=channel,
            use_case_id=uc.id if uc else None,
            use_case_slug=use_case,
            ai_system_id=system.id if system else None,
            model_requested=system.slug if system else "x",
            provider="embedded",
            status=status,
            stream=False,
            prompt_tokens=10,
            completion_tokens=20,
            pseudonymized=True,
            replacements={},
            conversation_id=public_id,
            prompt_digest=sha256_text(messages),
            answer_digest=sha256_text(draft),
            review_status="pending",
            completed_at=utcnow(),
        )
        session.add(row)
        session.flush()
        ad = f"interaction:{public_id}".encode()
        session.add(
            InteractionContent(
                interaction_id=row.id,
                original_enc=encrypt(key, messages, ad + b":original"),
                sent_enc=encrypt(key, messages, ad + b":sent"),
                upstream_answer_enc=encrypt(key, draft, ad + b":received"),
                answer_enc=encrypt(key, draft, ad + b":answer"),
            )
        )
    return public_id


def set_second_reading_share(sessions: sessionmaker[Session], slug: str, share: float) -> None:
    """Configure a use case's share of outputs drawn for a second reading."""
    with sessions() as session, session.begin():
        uc = session.scalar(select(UseCase).where(UseCase.slug == slug))
        assert uc is not None
        uc.second_reading_share = share
