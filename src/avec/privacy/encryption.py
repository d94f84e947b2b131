"""Encryption at rest of contents that may hold identifiers (AES-256-GCM, organisation data key).

Format: ``b"v1" + nonce(12) + ciphertext||tag``. The associated data binds a ciphertext to the row
it belongs to (e.g. ``b"interaction:42:prompt"``), so a ciphertext copied to another row fails.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"v1"


def encrypt(key: bytes, plaintext: str, associated_data: bytes = b"") -> bytes:
    """Encrypt UTF-8 text with AES-256-GCM."""
    nonce = os.urandom(12)
    return _VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), associated_data)


def decrypt(key: bytes, blob: bytes, associated_data: bytes = b"") -> str:
    """Decrypt what :func:`encrypt` produced; raises ``cryptography.exceptions.InvalidTag`` if altered."""
    if not blob.startswith(_VERSION):
        raise ValueError("unknown ciphertext version")
    nonce, body = blob[2:14], blob[14:]
    return AESGCM(key).decrypt(nonce, body, associated_data).decode("utf-8")
