"""Content check for interactions: the gateway's encrypted contents against the ledger's digests.

Follows the gateway's storage convention (``avec.gateway.recording``): ``interaction_contents``
holds AES-GCM blobs with associated data ``interaction:<public id>:<part>``; the ledger entry's
digests are ``sha256_text`` of each part. Registered for the ``interaction`` subject key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.ledger.canonical import sha256_text
from avec.ledger.contents import ERASED, MATCH, MISMATCH, MISSING, CheckContext, register_content_check

# ledger digest name -> (column of interaction_contents, associated-data suffix)
PARTS = {
    "prompt": ("original_enc", "original"),
    "prompt_sent": ("sent_enc", "sent"),
    "answer_received": ("upstream_answer_enc", "received"),
    "answer": ("answer_enc", "answer"),
}


@register_content_check("interaction")
def check_interaction(
    session: Session, public_id: Any, digests: Mapping[str, str], ctx: CheckContext
) -> dict[str, str]:
    """Recompute the digests of an interaction's stored contents (erased ones reported as erased)."""
    from avec.gateway.models import Interaction, InteractionContent
    from avec.privacy.encryption import decrypt

    wanted = {name: PARTS[name] for name in digests if name in PARTS}
    if not wanted:
        return {}
    row = session.execute(
        select(InteractionContent)
        .join(Interaction, Interaction.id == InteractionContent.interaction_id)
        .where(Interaction.public_id == str(public_id))
    ).scalar_one_or_none()
    out: dict[str, str] = {}
    for name, (column, part) in wanted.items():
        blob = getattr(row, column) if row is not None else None
        if blob is None:
            out[name] = ERASED if row is not None and row.erased_at is not None else MISSING
            continue
        try:
            clear = decrypt(ctx.data_key, bytes(blob), f"interaction:{public_id}:{part}".encode())
        except (InvalidTag, ValueError):
            out[name] = MISMATCH
            continue
        out[name] = MATCH if sha256_text(clear) == digests[name] else MISMATCH
    return out
