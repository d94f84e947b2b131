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
    # A case change that alters the length ("ß".upper() is "SS") would shift the spans: skipped.
    if variant < 0.12 and len(b.text.upper()) == b.length:
        b = b.transformed(str.upper)
        style = "allcaps"
    elif 0.12 <= variant < 0.18 and kind in ("nursing_note", "email") and len(b.text.lower()) == b.length:
        b = b.transformed(str.lower)
        style = "lowercase"
    return {
        "id": f"gen-{index:05d}",
        "kind": kind,
        "style": style,
        "text": b.text,
        "spans": sorted(b.spans, key=lambda s: (s["start"], s["end"])),
    }


def generate_extended_document(rng: random.Random, ids: Identities, index: int) -> dict[str, Any]:
    """One document of any kind (extra kinds included) with more case and OCR-noise variants."""
    from avec.privacy.corpus.templates_extra import EXTRA_KINDS
    from avec.privacy.corpus.variety import reshape, word_salad

    kinds: dict[str, Any] = {**KINDS, **EXTRA_KINDS}
    kind = rng.choice(sorted(kinds) + ["inserted", "inserted", "narrative"])  # the most varied kinds twice
    b = DocBuilder()
    # Lines of ordinary words around the document: the model must learn what is not a name.
    for _ in range(rng.randrange(0, 3)):
        b.add(word_salad(rng) + "\n")
    kinds[kind](b, ids, rng)
    for _ in range(rng.randrange(1, 4)):
        b.add(word_salad(rng) + rng.choice(["\n", " "]))
    variant = rng.random()
    style = "normal"
    case = str.upper if variant < 0.1 else str.lower if variant < 0.2 else None
    if case is not None and len(case(b.text)) == b.length:  # "İ".lower() is longer: keep as is
        b = b.transformed(case)
        style = "allcaps" if case is str.upper else "lowercase"
    text, spans = b.text, list(b.spans)
    if rng.random() < 0.2:
        text, spans = reshape(text, spans, rng)
        style += "+ocr"
    return {
        "id": f"genx-{index:05d}",
        "kind": kind,
        "style": style,
        "text": text,
        "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
    }


def generate(n: int, seed: int, *, extended: bool = False) -> list[dict[str, Any]]:
    """``n`` documents, the same for the same seed.

    ``extended`` adds the extra kinds, name sources and noise of :mod:`.variety` and
    :mod:`.templates_extra` (the training data of the project's NER model); the default corpus is
    unchanged.
    """
    rng = random.Random(seed)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    if not extended:
        ids = Identities(rng, fake)
        return [generate_document(rng, ids, i) for i in range(n)]
    from avec.privacy.corpus.variety import VarietyIdentities

    vids = VarietyIdentities(rng, fake)
    return [generate_extended_document(rng, vids, i) for i in range(n)]
