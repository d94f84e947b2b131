"""Signed notes and checkpoints (C2SP signed-note, tlog-checkpoint) with Ed25519.

Key formats as in golang.org/x/mod/sumdb/note: verifier key ``name+keyid+base64(0x01||pubkey)``,
signer key ``PRIVATE+KEY+name+keyid+base64(0x01||seed)``; the key id is the first 4 bytes of
SHA-256(name || "\\n" || 0x01 || pubkey). Verification lives in :mod:`avec.ledger.verify`.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from avec.ledger.verify import (
    ALG_ED25519,
    NoteVerifier,
    VerificationError,
    key_id,
    open_note,
    parse_checkpoint,
)

__all__ = [
    "NoteSigner",
    "NoteVerifier",
    "VerificationError",
    "open_note",
    "parse_checkpoint",
    "checkpoint_text",
    "key_id",
]


class NoteSigner:
    """Signs notes with an Ed25519 key (32-byte seed) under a key name."""

    def __init__(self, name: str, seed: bytes) -> None:
        if not name or any(c in name for c in "+ \n\t"):
            raise ValueError("a key name must be non-empty, without '+', spaces or newlines")
        if len(seed) != 32:
            raise ValueError("an Ed25519 seed is 32 bytes")
        self.name = name
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        self.public_bytes = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_hash = key_id(name, bytes([ALG_ED25519]) + self.public_bytes)

    @classmethod
    def from_signer_key(cls, skey: str) -> NoteSigner:
        """Parse ``PRIVATE+KEY+name+keyid+base64(0x01||seed)``."""
        parts = skey.strip().split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise ValueError("malformed signer key")
        try:
            raw = base64.b64decode(parts[4], validate=True)
        except (ValueError, binascii.Error):
            raise ValueError("malformed signer key") from None
        if len(raw) != 33 or raw[0] != ALG_ED25519:
            raise ValueError("signer key is not an Ed25519 key")
        signer = cls(parts[2], raw[1:])
        if f"{signer.key_hash:08x}" != parts[3]:
            raise ValueError("signer key id does not match its key")
        return signer

    @property
    def verifier_key(self) -> str:
        """The public verifier key in note format."""
        b64 = base64.b64encode(bytes([ALG_ED25519]) + self.public_bytes).decode()
        return f"{self.name}+{self.key_hash:08x}+{b64}"

    def verifier(self) -> NoteVerifier:
        """A verifier for this signer's notes."""
        return NoteVerifier(self.verifier_key)

    def sign(self, text: str) -> str:
        """The signed note: text, a blank line, and this key's signature line."""
        if not text.endswith("\n"):
            raise ValueError("note text must end with a newline")
        if any(ord(c) < 0x20 and c != "\n" for c in text) or "\n\n" in text:
            raise ValueError("note text must not hold control characters or blank lines")
        sig = self._key.sign(text.encode("utf-8"))
        b64 = base64.b64encode(self.key_hash.to_bytes(4, "big") + sig).decode()
        return f"{text}\n\u2014 {self.name} {b64}\n"


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    """Body of a C2SP tlog-checkpoint: origin, tree size, base64 root hash."""
    if not origin or "\n" in origin:
        raise ValueError("a checkpoint origin is one non-empty line")
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"
