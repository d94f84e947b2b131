"""Reading the encrypted texts of an output (request, what was sent, draft) and of a decision."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from avec.gateway.models import Interaction, InteractionContent
from avec.privacy.encryption import decrypt, encrypt
from avec.review.models import ReviewDecision


@dataclass(frozen=True)
class OutputTexts:
    """Clear texts of one output (None when erased or never stored)."""

    prompt: str | None
    sent: str | None
    draft: str | None
    erased: bool


def _messages_text(blob: str | None) -> str | None:
    """The user-visible text of a JSON list of chat messages (the last user message)."""
    if blob is None:
        return None
    try:
        messages = json.loads(blob)
    except json.JSONDecodeError:
        return blob
    texts = [m.get("content") for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    parts = [t if isinstance(t, str) else json.dumps(t, ensure_ascii=False) for t in texts if t]
    return "\n\n".join(parts) if parts else None


def output_texts(session: Session, interaction: Interaction, data_key: bytes) -> OutputTexts:
    """Decrypt the request, the text sent to the AI system and the draft answer of ``interaction``."""
    content = session.get(InteractionContent, interaction.id)
    if content is None:
        return OutputTexts(None, None, None, erased=False)
    if content.erased_at is not None:
        return OutputTexts(None, None, None, erased=True)
    ad = f"interaction:{interaction.public_id}".encode()

    def read(blob: bytes | None, part: bytes) -> str | None:
        return decrypt(data_key, blob, ad + part) if blob else None

    return OutputTexts(
        prompt=_messages_text(read(content.original_enc, b":original")),
        sent=_messages_text(read(content.sent_enc, b":sent")),
        draft=read(content.answer_enc, b":answer"),
        erased=False,
    )


def decision_ad(interaction_id: int, step: int, part: str) -> bytes:
    """Associated data binding a decision's ciphertext to its interaction, step and field."""
    return f"review:{interaction_id}:{step}:{part}".encode()


def seal(data_key: bytes, text: str | None, interaction_id: int, step: int, part: str) -> bytes | None:
    """Encrypt a decision text (None stays None)."""
    return encrypt(data_key, text, decision_ad(interaction_id, step, part)) if text is not None else None


def unseal(data_key: bytes, decision: ReviewDecision, part: str) -> str | None:
    """Decrypt one of a decision's texts (``final``, ``diff``, ``comment``)."""
    blob = {"final": decision.final_enc, "diff": decision.diff_enc, "comment": decision.comment_enc}[part]
    if not blob:
        return None
    return decrypt(data_key, blob, decision_ad(decision.interaction_id, decision.step, part))


def unified_diff(draft: str, final: str) -> str:
    """Line diff from the AI draft to the final text (kept with a 'modify' decision)."""
    lines = difflib.unified_diff(
        draft.splitlines(keepends=True),
        final.splitlines(keepends=True),
        fromfile="proposition",
        tofile="version finale",
        lineterm="",
    )
    return "\n".join(line.rstrip("\n") for line in lines)


def word_diff(draft: str, final: str) -> list[tuple[str, str]]:
    """Word-level differences for display: ``("same"|"del"|"ins", text)`` pieces."""
    a = re.findall(r"\s+|[^\s]+", draft)
    b = re.findall(r"\s+|[^\s]+", final)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", "".join(b[j1:j2])))
    merged: list[tuple[str, str]] = []
    for kind, text in pieces:  # one <ins>/<del> per run, not one per word
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return merged
