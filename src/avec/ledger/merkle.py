"""Merkle proofs built from stored subtree hashes (RFC 6962 / RFC 9162).

Storage layout: every complete subtree ("node") is stored once, in the entry row of its rightmost
leaf: level 0 is the row's leaf hash, levels 1.. are the 32-byte hashes concatenated in the row's
``nodes`` column (level 1 first). Appending leaf ``i`` completes as many levels as ``i`` has
trailing one bits, so each append writes exactly one row and a proof at any size reads at most
~2 log2(n) hashes with one query. Hashing and verification rules live in :mod:`avec.ledger.verify`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from avec.ledger.verify import (
    EMPTY_ROOT,
    CompactRange,
    VerificationError,
    leaf_hash,
    node_hash,
    root_from_inclusion_proof,
    root_of,
    verify_consistency,
    verify_inclusion,
)

__all__ = [
    "EMPTY_ROOT",
    "CompactRange",
    "VerificationError",
    "leaf_hash",
    "node_hash",
    "root_of",
    "root_from_inclusion_proof",
    "verify_consistency",
    "verify_inclusion",
    "Node",
    "node_location",
    "perfect_cover",
    "inclusion_recipe",
    "consistency_recipe",
    "root_recipe",
    "resolve",
]

Node = tuple[int, int]  # (level, index at that level)


def node_location(node: Node) -> tuple[int, int]:
    """(entry index, level) where a complete subtree's hash is stored."""
    level, index = node
    return ((index + 1) << level) - 1, level


def perfect_cover(lo: int, hi: int) -> list[Node]:
    """The perfect subtrees covering leaves [lo, hi), largest first (ranges from RFC 6962 recursion)."""
    out: list[Node] = []
    while lo < hi:
        level = (hi - lo).bit_length() - 1
        if lo % (1 << level):
            raise ValueError(f"range [{lo}, {hi}) is not aligned")
        out.append((level, lo >> level))
        lo += 1 << level
    return out


def _split(n: int) -> int:
    """Largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def inclusion_recipe(index: int, size: int) -> list[list[Node]]:
    """For each element of the inclusion proof of ``index`` in ``size``, the subtrees it folds."""
    if not 0 <= index < size:
        raise ValueError(f"index {index} is not in a tree of size {size}")
    out: list[list[Node]] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            out.append(perfect_cover(lo + k, hi))
            hi = lo + k
        else:
            out.append(perfect_cover(lo, lo + k))
            lo = lo + k
    out.reverse()  # deepest sibling first
    return out


def consistency_recipe(old: int, new: int) -> list[list[Node]]:
    """For each element of the consistency proof from ``old`` to ``new``, the subtrees it folds."""
    if not 0 < old <= new:
        raise ValueError(f"no consistency proof from size {old} to size {new}")
    out: list[list[Node]] = []
    lo, m, n, complete = 0, old, new, True
    while m != n:
        k = _split(n)
        if m <= k:
            out.append(perfect_cover(lo + k, lo + n))
            n = k
        else:
            out.append(perfect_cover(lo, lo + k))
            lo, m, n, complete = lo + k, m - k, n - k, False
    if not complete:
        out.append(perfect_cover(lo, lo + m))
    out.reverse()
    return out


def root_recipe(size: int) -> list[Node]:
    """The subtrees whose fold is the root of the tree of ``size``."""
    return perfect_cover(0, size)


def fold(hashes: Sequence[bytes]) -> bytes:
    """Hash of a range from the hashes of its perfect subtrees, largest (leftmost) first."""
    if not hashes:
        return EMPTY_ROOT
    cur = hashes[-1]
    for h in reversed(hashes[:-1]):
        cur = node_hash(h, cur)
    return cur


def resolve(
    recipes: Iterable[Sequence[Node]], fetch: Callable[[set[int]], Mapping[int, tuple[bytes, bytes]]]
) -> list[bytes]:
    """Turn recipes into hashes, reading the needed rows with one ``fetch(entry indexes)`` call.

    ``fetch`` returns, for each entry index, its (leaf hash, nodes blob).
    """
    recipes = [list(r) for r in recipes]
    rows = {node_location(node)[0] for recipe in recipes for node in recipe}
    found = fetch(rows)
    out = []
    for recipe in recipes:
        hashes = []
        for node in recipe:
            row, level = node_location(node)
            if row not in found:
                raise VerificationError(f"entry {row} is missing from the ledger")
            leaf, nodes = found[row]
            h = leaf if level == 0 else nodes[(level - 1) * 32 : level * 32]
            if len(h) != 32:
                raise VerificationError(f"entry {row} lacks the stored hash of level {level}")
            hashes.append(h)
        out.append(fold(hashes))
    return out
