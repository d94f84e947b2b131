"""Pseudonymize a batch of independent documents (the ``avec privacy pseudonymize`` command)."""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable
from typing import Any

from avec.privacy.spans import Span
from avec.privacy.transform.pseudonymizer import Pseudonymizer


def pseudonymize_documents(
    documents: Iterable[tuple[str, str, list[dict[str, Any]]]],
    *,
    mode: str = "surrogate",
    seed: int | None = None,
) -> list[dict[str, Any]]:
    """``(id, text, span dicts)`` -> ``{"id", "text", "replacements"}``, one conversation per document.

    With ``seed``, every document's surrogates depend only on the seed and its id (reproducible runs
    whatever the order of the lines); without, they are drawn from the system's randomness.
    """
    out = []
    for doc_id, text, span_dicts in documents:
        rng = random.Random(f"{seed}:{doc_id}") if seed is not None else random.Random(secrets.randbits(64))
        spans = [Span(int(s["start"]), int(s["end"]), str(s["label"]), float(s.get("score", 1.0))) for s in span_dicts]
        result = Pseudonymizer(mode=mode, rng=rng).transform(text, spans)
        out.append({"id": doc_id, "text": result.text, "replacements": [r.to_dict() for r in result.replacements]})
    return out
