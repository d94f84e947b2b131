"""Canonical JSON and content digests (placeholder until the ledger domain lands)."""

import hashlib


def sha256_text(text: str) -> str:
    """Digest of a text as ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
