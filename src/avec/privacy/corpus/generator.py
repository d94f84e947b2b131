"""Seeded generation of annotated documents (gold JSONL)."""

from __future__ import annotations

import random
from typing import Any

from faker import Faker

from avec.privacy.corpus.builder import DocBuilder
from avec.privacy.corpus.entities import Identities
from avec.privacy.corpus.templates import KINDS


def generate_document(rng: random.Random, ids: Identities, index: int) -> dict[str, Any]:
    """One document ``{"id", "kind", "text", "spans"}``; some are ALL CAPS or lower case."""
    kind = rng.choice(sorted(KINDS))
    b = DocBuilder()
    KINDS[kind](b, ids, rng)
    variant = rng.random()
    style = "normal"
    if variant < 0.12:
        b = b.transformed(str.upper)
        style = "allcaps"
    elif variant < 0.18 and kind in ("nursing_note", "email"):
        b = b.transformed(str.lower)
        style = "lowercase"
    return {
        "id": f"gen-{index:05d}",
        "kind": kind,
        "style": style,
        "text": b.text,
        "spans": sorted(b.spans, key=lambda s: (s["start"], s["end"])),
    }


def generate(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` documents, the same for the same seed."""
    rng = random.Random(seed)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    ids = Identities(rng, fake)
    return [generate_document(rng, ids, i) for i in range(n)]
