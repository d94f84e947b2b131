"""Standalone verifier of an AVEC ledger export: ``python -m avec.ledger.verify DIR``.

This file is deliberately self-contained (Python standard library + ``cryptography`` only, no other
AVEC import, no database, no settings) so that an auditor can copy it alone and check a bundle
written by ``avec ledger export`` offline. The rest of the ledger imports its hashing, proof
verification, canonical JSON and signed-note rules from here, so there is one definition of them.

Rules implemented: RFC 6962 / RFC 9162 Merkle trees (leaf ``SHA-256(0x00||data)``, node
``SHA-256(0x01||left||right)``), inclusion and consistency proof verification (as in
transparency-dev/merkle), C2SP signed-note and tlog-checkpoint (Ed25519 keys, ``name+keyid+key``).

Bundle layout: ``entries.jsonl`` (one canonical JSON entry per line, in index order),
``checkpoints.jsonl`` (one ``{"size", "root", "note"}`` object per line), ``verifier_key.txt``
(the note verifier key). Exit code 0 only if everything holds.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()
ALG_ED25519 = 0x01


class VerificationError(Exception):
    """A proof, a note or a bundle does not verify."""


# --- RFC 6962 hashing -------------------------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    """RFC 6962 leaf hash."""
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


class CompactRange:
    """The hashes of the perfect subtrees covering leaves [0, size), largest first.

    Appending is O(log n) and returns the hashes of the subtrees it completed (level 1 upwards),
    which the database stores so that proofs need no recomputation.
    """

    __slots__ = ("size", "hashes")

    def __init__(self, size: int = 0, hashes: Sequence[bytes] = ()) -> None:
        if len(hashes) != bin(size).count("1"):
            raise VerificationError(f"compact range of size {size} needs {bin(size).count('1')} hashes")
        self.size = size
        self.hashes = list(hashes)

    def append(self, leaf: bytes) -> list[bytes]:
        """Add a leaf hash; returns the completed subtree hashes, level 1 first."""
        completed: list[bytes] = []
        cur = leaf
        n = self.size
        while n & 1:
            cur = node_hash(self.hashes.pop(), cur)
            completed.append(cur)
            n >>= 1
        self.hashes.append(cur)
        self.size += 1
        return completed

    def root(self) -> bytes:
        """The tree head hash (the SHA-256 of the empty string for the empty tree)."""
        if not self.hashes:
            return EMPTY_ROOT
        cur = self.hashes[-1]
        for h in reversed(self.hashes[:-1]):
            cur = node_hash(h, cur)
        return cur


def root_of(leaf_hashes: Iterable[bytes]) -> bytes:
    """Root of the tree whose leaves have the given hashes."""
    cr = CompactRange()
    for h in leaf_hashes:
        cr.append(h)
    return cr.root()


# --- proofs (port of transparency-dev/merkle proof/verify.go) --------------------------------


def _decomp_incl_proof(index: int, size: int) -> tuple[int, int]:
    inner = (index ^ (size - 1)).bit_length()
    border = bin(index >> inner).count("1")
    return inner, border


def _chain_inner(seed: bytes, proof: Sequence[bytes], index: int) -> bytes:
    for i, h in enumerate(proof):
        seed = node_hash(seed, h) if (index >> i) & 1 == 0 else node_hash(h, seed)
    return seed


def _chain_inner_right(seed: bytes, proof: Sequence[bytes], index: int) -> bytes:
    for i, h in enumerate(proof):
        if (index >> i) & 1 == 1:
            seed = node_hash(h, seed)
    return seed


def _chain_border_right(seed: bytes, proof: Sequence[bytes]) -> bytes:
    for h in proof:
        seed = node_hash(h, seed)
    return seed


def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root implied by an inclusion proof (raises VerificationError if malformed)."""
    if index < 0 or index >= size:
        raise VerificationError(f"index {index} out of range for tree size {size}")
    if len(leaf) != 32:
        raise VerificationError("leaf hash must be 32 bytes")
    inner, border = _decomp_incl_proof(index, size)
    if len(proof) != inner + border:
        raise VerificationError(f"wrong proof size {len(proof)}, want {inner + border}")
    res = _chain_inner(leaf, proof[:inner], index)
    return _chain_border_right(res, proof[inner:])


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> None:
    """Check that ``leaf`` is at ``index`` in the tree of ``size`` with ``root``."""
    got = root_from_inclusion_proof(index, size, leaf, proof)
    if got != root:
        raise VerificationError("inclusion proof does not lead to the expected root")


def verify_consistency(size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes) -> None:
    """Check that the tree (size2, root2) extends the tree (size1, root1).

    As in the reference vectors, a consistency check from the empty tree is rejected (it proves
    nothing), even 0 -> 0.
    """
    if size2 < size1:
        raise VerificationError(f"size2 ({size2}) < size1 ({size1})")
    if size1 == 0:
        raise VerificationError("consistency proof from an empty tree proves nothing")
    if size1 == size2:
        if proof:
            raise VerificationError("size1 = size2 but the proof is not empty")
        if root1 != root2:
            raise VerificationError("same size but different roots")
        return
    if not proof:
        raise VerificationError("empty consistency proof")
    inner, border = _decomp_incl_proof(size1 - 1, size2)
    shift = (size1 & -size1).bit_length() - 1
    inner -= shift
    if size1 == 1 << shift:
        seed, start = root1, 0
    else:
        seed, start = proof[0], 1
    if len(proof) != start + inner + border:
        raise VerificationError(f"wrong proof size {len(proof)}, want {start + inner + border}")
    rest = proof[start:]
    mask = (size1 - 1) >> shift
    hash1 = _chain_border_right(_chain_inner_right(seed, rest[:inner], mask), rest[inner:])
    if hash1 != root1:
        raise VerificationError("consistency proof does not lead to root1")
    hash2 = _chain_border_right(_chain_inner(seed, rest[:inner], mask), rest[inner:])
    if hash2 != root2:
        raise VerificationError("consistency proof does not lead to root2")


# --- canonical JSON ---------------------------------------------------------------------------


def _refuse_number(text: str) -> object:
    raise VerificationError(f"entry holds a non-integer number ({text[:20]})")


# Encoder and decoder built once (json.dumps/loads with options build new ones on every call).
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
_DECODER = json.JSONDecoder(parse_float=_refuse_number, parse_constant=_refuse_number)


def canonical_json(value: object) -> bytes:
    """Canonical encoding: sorted keys, no spaces, UTF-8.

    Floats are refused when an entry is built (``avec.ledger.canonical.build_record``) and when one
    is parsed (:func:`parse_canonical_entry`), so only integers and strings reach this function.
    """
    return _ENCODER.encode(value).encode("utf-8")


def parse_canonical_entry(body: bytes) -> dict[str, object]:
    """Parse an entry body and check it is exactly its own canonical encoding (no floats)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise VerificationError("entry is not valid UTF-8") from None
    value = parse_entry(text)
    if _ENCODER.encode(value) != text:
        raise VerificationError("entry is not in canonical form")
    return value


def parse_entry(text: str) -> dict[str, object]:
    """Parse an entry body (JSON object, integers and strings only) without the canonical-form check."""
    try:
        value = _DECODER.decode(text)
    except ValueError as exc:
        raise VerificationError(f"entry is not valid JSON ({type(exc).__name__})") from None
    if not isinstance(value, dict):
        raise VerificationError("entry is not a JSON object")
    return value


# --- signed notes (C2SP signed-note, golang.org/x/mod/sumdb/note) -----------------------------


def key_id(name: str, key_bytes: bytes) -> int:
    """Key hash: first 4 bytes (big-endian) of SHA-256(name || '\\n' || alg || key)."""
    return int.from_bytes(hashlib.sha256(name.encode() + b"\n" + key_bytes).digest()[:4], "big")


def _valid_name(name: str) -> bool:
    return bool(name) and all(c not in name for c in "+ \n\t") and name.isprintable()


class NoteVerifier:
    """An Ed25519 note verifier parsed from ``name+keyid+base64(0x01||pubkey)``."""

    def __init__(self, vkey: str) -> None:
        parts = vkey.strip().split("+", 2)
        if len(parts) != 3 or not _valid_name(parts[0]) or len(parts[1]) != 8:
            raise VerificationError("malformed verifier key")
        try:
            self.key_hash = int(parts[1], 16)
            key = base64.b64decode(parts[2], validate=True)
        except (ValueError, binascii.Error):
            raise VerificationError("malformed verifier key") from None
        if len(key) != 33 or key[0] != ALG_ED25519:
            raise VerificationError("verifier key is not an Ed25519 key")
        if key_id(parts[0], key) != self.key_hash:
            raise VerificationError("verifier key id does not match its name and key")
        self.name = parts[0]
        self.public_key = Ed25519PublicKey.from_public_bytes(key[1:])

    def verify(self, msg: bytes, sig: bytes) -> bool:
        """True if ``sig`` is this key's signature of ``msg``."""
        try:
            self.public_key.verify(sig, msg)
        except InvalidSignature:
            return False
        return True


def open_note(note: str, verifier: NoteVerifier) -> str:
    """Verify a signed note with ``verifier`` and return its text (raises VerificationError)."""
    if not note.endswith("\n"):
        raise VerificationError("note does not end in a newline")
    split = note.rfind("\n\n")
    if split < 0:
        raise VerificationError("note has no signature block")
    text, sigs = note[: split + 1], note[split + 2 :]
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise VerificationError("note text holds control characters")
    good = False
    for line in sigs.splitlines():
        if not line.startswith("\u2014 "):
            raise VerificationError("malformed signature line")
        name, _, b64 = line[2:].partition(" ")
        try:
            raw = base64.b64decode(b64, validate=True)
        except (ValueError, binascii.Error):
            raise VerificationError("malformed signature") from None
        if len(raw) < 5 or not _valid_name(name):
            raise VerificationError("malformed signature line")
        if name == verifier.name and int.from_bytes(raw[:4], "big") == verifier.key_hash:
            if not verifier.verify(text.encode("utf-8"), raw[4:]):
                raise VerificationError(f"invalid signature by {name}")
            good = True
    if not good:
        raise VerificationError(f"no signature by {verifier.name} on the note")
    return text


def parse_checkpoint(text: str) -> tuple[str, int, bytes]:
    """Parse a C2SP tlog-checkpoint body into (origin, size, root)."""
    lines = text.split("\n")
    if len(lines) < 4 or not lines[0]:
        raise VerificationError("malformed checkpoint")
    origin, size_line, root_line = lines[0], lines[1], lines[2]
    if not size_line.isdigit() or (size_line != "0" and size_line.startswith("0")):
        raise VerificationError("malformed checkpoint size")
    try:
        root = base64.b64decode(root_line, validate=True)
    except (ValueError, binascii.Error):
        raise VerificationError("malformed checkpoint root") from None
    if len(root) != 32:
        raise VerificationError("checkpoint root is not 32 bytes")
    return origin, int(size_line), root


# --- bundle verification ----------------------------------------------------------------------


def verify_bundle(folder: Path) -> list[str]:
    """Check an export bundle; returns the lines of the report (raises VerificationError)."""
    verifier = NoteVerifier((folder / "verifier_key.txt").read_text())
    checkpoints: dict[int, bytes] = {}
    with (folder / "checkpoints.jsonl").open("rb") as fh:
        for n, line in enumerate(fh, 1):
            record = json.loads(line)
            origin, size, root = parse_checkpoint(open_note(record["note"], verifier))
            if size != record["size"] or base64.b64decode(record["root"]) != root:
                raise VerificationError(f"checkpoint on line {n}: note and record differ")
            checkpoints[size] = root
    cr = CompactRange()
    if 0 in checkpoints and checkpoints[0] != EMPTY_ROOT:
        raise VerificationError("checkpoint 0 does not hold the empty root")
    with (folder / "entries.jsonl").open("rb") as fh:
        for line in fh:
            body = line.rstrip(b"\n")
            index = cr.size
            try:
                entry = parse_canonical_entry(body)
            except VerificationError as exc:
                raise VerificationError(f"entry {index}: {exc}") from None
            if entry.get("index") != index:
                raise VerificationError(
                    f"entry {index}: records index {entry.get('index')} (entries deleted, inserted or reordered)"
                )
            cr.append(leaf_hash(body))
            want = checkpoints.get(cr.size)
            if want is not None and cr.root() != want:
                below = max([s for s in checkpoints if s < cr.size], default=0)
                raise VerificationError(
                    f"checkpoint {cr.size}: root differs; an entry in [{below}, {cr.size - 1}] was altered"
                )
    beyond = [s for s in checkpoints if s > cr.size]
    if beyond:
        raise VerificationError(
            f"entries {cr.size}..{max(beyond) - 1} are missing (signed checkpoint at size {max(beyond)})"
        )
    return [
        f"origin {verifier.name}",
        f"{cr.size} entries, root {base64.b64encode(cr.root()).decode()}",
        f"{len(checkpoints)} signed checkpoints verified",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: verify the bundle in the given folder."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m avec.ledger.verify DIR", file=sys.stderr)
        return 2
    folder = Path(args[0])
    if not (folder / "entries.jsonl").is_file():
        print(f"not a ledger export: {folder}/entries.jsonl is missing", file=sys.stderr)
        return 2
    try:
        lines = verify_bundle(folder)
    except (VerificationError, ValueError, KeyError, OSError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
