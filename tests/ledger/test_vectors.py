"""Peer vectors (transparency-dev/merkle, golang.org/x/mod/sumdb/note) read from ../shared/vectors."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from tests.ledger.ledger_helpers import VECTORS

from avec.ledger import merkle
from avec.ledger.merkle import VerificationError
from avec.ledger.note import NoteSigner, NoteVerifier, open_note


def _b64(values: list[str] | None) -> list[bytes]:
    return [base64.b64decode(v) for v in values or []]


def _cases(kind: str) -> list[Path]:
    return sorted((VECTORS / "merkle" / kind).rglob("*.json")) if VECTORS.is_dir() else []


def test_roots_for_sizes_0_to_8(vectors: Path) -> None:
    data = json.loads((vectors / "merkle" / "roots.json").read_text())
    leaves = [bytes.fromhex(h) for h in data["leaf_inputs_hex"]]
    assert len(data["root_by_size_hex"]) == 9
    for size, want in enumerate(data["root_by_size_hex"]):
        got = merkle.root_of(merkle.leaf_hash(leaf) for leaf in leaves[:size])
        assert got.hex() == want, f"root of size {size}"


def test_stored_subtrees_give_the_reference_roots_and_valid_proofs(vectors: Path) -> None:
    """Proofs built from stored subtree hashes verify and lead to the reference roots."""
    data = json.loads((vectors / "merkle" / "roots.json").read_text())
    rows: dict[int, tuple[bytes, bytes]] = {}
    cr = merkle.CompactRange()
    for i, leaf in enumerate(bytes.fromhex(h) for h in data["leaf_inputs_hex"]):
        lh = merkle.leaf_hash(leaf)
        rows[i] = (lh, b"".join(cr.append(lh)))

    def fetch(wanted: set[int]) -> dict[int, tuple[bytes, bytes]]:
        return {i: rows[i] for i in wanted}

    for size in range(1, 9):
        root = merkle.resolve([merkle.root_recipe(size)], fetch)[0]
        assert root.hex() == data["root_by_size_hex"][size]
        for index in range(size):
            merkle.verify_inclusion(
                index, size, rows[index][0], merkle.resolve(merkle.inclusion_recipe(index, size), fetch), root
            )
        for old in range(1, size + 1):
            old_root = bytes.fromhex(data["root_by_size_hex"][old])
            proof = merkle.resolve(merkle.consistency_recipe(old, size), fetch)
            merkle.verify_consistency(old, size, proof, old_root, root)


@pytest.mark.parametrize("path", _cases("inclusion"), ids=lambda p: str(p.relative_to(VECTORS)))
def test_inclusion_vector(path: Path) -> None:
    case = json.loads(path.read_text())
    args = (
        case["leafIdx"],
        case["treeSize"],
        base64.b64decode(case["leafHash"]),
        _b64(case["proof"]),
        base64.b64decode(case["root"]),
    )
    if case["wantErr"]:
        with pytest.raises(VerificationError):
            merkle.verify_inclusion(*args)
    else:
        merkle.verify_inclusion(*args)


@pytest.mark.parametrize("path", _cases("consistency"), ids=lambda p: str(p.relative_to(VECTORS)))
def test_consistency_vector(path: Path) -> None:
    case = json.loads(path.read_text())
    args = (
        case["size1"],
        case["size2"],
        _b64(case["proof"]),
        base64.b64decode(case["root1"]),
        base64.b64decode(case["root2"]),
    )
    if case["wantErr"]:
        with pytest.raises(VerificationError):
            merkle.verify_consistency(*args)
    else:
        merkle.verify_consistency(*args)


def test_vector_counts(vectors: Path) -> None:
    """Every case is collected, with both accepting and rejecting ones."""
    inclusion, consistency = _cases("inclusion"), _cases("consistency")
    assert len(inclusion) + len(consistency) == len(list((vectors / "merkle").rglob("*.json"))) - 1
    wants = {json.loads(p.read_text())["wantErr"] for p in inclusion + consistency}
    assert wants == {True, False}


def test_note_signature_reproduced_byte_for_byte(vectors: Path) -> None:
    case = json.loads((vectors / "note.json").read_text())["sign"]
    signer = NoteSigner.from_signer_key(case["signer_key"])
    assert signer.verifier_key == case["verifier_key"]
    assert signer.sign(case["text"]) == case["signed_note"]
    assert open_note(case["signed_note"], NoteVerifier(case["verifier_key"])) == case["text"]


def test_example_note_verified_and_alterations_rejected(vectors: Path) -> None:
    case = json.loads((vectors / "note.json").read_text())["verify"]
    verifier = NoteVerifier(case["verifier_key"])
    assert open_note(case["signed_note"], verifier) == case["text"]
    with pytest.raises(VerificationError):
        open_note(case["signed_note"].replace("example message", "example massage"), verifier)
    other = NoteVerifier(json.loads((vectors / "note.json").read_text())["sign"]["verifier_key"])
    with pytest.raises(VerificationError, match="no signature"):
        open_note(case["signed_note"], other)
