"""Full verification of the ledger stored in the database (``avec ledger verify``).

Recomputes everything from the stored entries, in index order: each body's canonical form, its
recorded index, its leaf hash, the subtree hashes it completes, the root at every checkpoint, each
checkpoint's signature, and finally the head row. The first entry where anything differs is
reported with the kind of alteration (modified, deleted, inserted, reordered). With contents, the
digests of contents still stored are recomputed through the registered content checks, and
purged contents are reported as erased, not as tampered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from hashlib import sha256 as _sha256
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.ledger import contents as content_checks
from avec.ledger.merkle import CompactRange, VerificationError, leaf_hash
from avec.ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from avec.ledger.note import NoteVerifier, open_note, parse_checkpoint
from avec.ledger.verify import parse_canonical_entry, parse_entry

ENTRIES = LedgerEntry.__table__
PAGE = 5000
LOOKAHEAD = 10_000


@dataclass(frozen=True)
class Problem:
    """What differs, and at which entry (``index`` is the first entry concerned)."""

    kind: str  # modified | deleted | inserted | reordered | checkpoint | head | content
    index: int | None
    detail: str

    def __str__(self) -> str:
        where = f"entry {self.index}" if self.index is not None else "ledger"
        return f"{where}: {self.kind} - {self.detail}"


@dataclass
class Report:
    """Outcome of a verification."""

    size: int = 0
    root: bytes = b""
    checkpoints: int = 0
    problems: list[Problem] = field(default_factory=list)
    contents: dict[str, int] = field(default_factory=dict)  # status -> count

    @property
    def ok(self) -> bool:
        """True when nothing differs."""
        return not self.problems

    @property
    def first(self) -> Problem | None:
        """The first problem found."""
        return self.problems[0] if self.problems else None


def _rows(session: Session, start: int = 0) -> Iterator[Any]:
    conn = session.connection()
    stmt = (
        select(
            ENTRIES.c.idx,
            ENTRIES.c.event_type,
            ENTRIES.c.actor,
            ENTRIES.c.body,
            ENTRIES.c.leaf_hash,
            ENTRIES.c.nodes,
        )
        .order_by(ENTRIES.c.idx)
        .limit(PAGE)
    )
    while True:
        page = conn.execute(stmt.where(ENTRIES.c.idx >= start)).all()
        yield from page
        if len(page) < PAGE:
            return
        start = int(page[-1].idx) + 1


def _recorded_index(body: str) -> int | None:
    try:
        value = json.loads(body)
    except ValueError:
        return None
    index = value.get("index") if isinstance(value, dict) else None
    return index if isinstance(index, int) else None


def _classify(session: Session, position: int, recorded: int, next_rows: Iterator[Any]) -> Problem:
    """Name an out-of-place entry at ``position`` whose body records index ``recorded``."""
    if recorded > position:
        for n, row in enumerate(next_rows):
            if n >= LOOKAHEAD:
                break
            if _recorded_index(row.body) == position:
                return Problem(
                    "reordered",
                    position,
                    f"entry {position} is stored at position {row.idx}; position {position} holds entry {recorded}",
                )
        return Problem(
            "deleted",
            position,
            f"entries {position}..{recorded - 1} are missing (the following entries were renumbered)",
        )
    following = next(next_rows, None)
    if following is not None and _recorded_index(following.body) == position + 1:
        return Problem("modified", position, f"position {position} holds a copy of entry {recorded}")
    return Problem(
        "inserted",
        recorded,
        f"{position - recorded} entry(ies) inserted at position {recorded}; "
        f"the original entry {recorded} now sits at position {position}",
    )


def _load_checkpoints(session: Session, verifier: NoteVerifier, origin: str, report: Report) -> dict[int, bytes]:
    roots: dict[int, bytes] = {}
    for cp in session.execute(select(LedgerCheckpoint).order_by(LedgerCheckpoint.size)).scalars():
        try:
            note_origin, size, root = parse_checkpoint(open_note(cp.note, verifier))
        except VerificationError as exc:
            report.problems.append(Problem("checkpoint", None, f"checkpoint {cp.size}: {exc}"))
            continue
        if note_origin != origin or size != cp.size or root != bytes(cp.root):
            report.problems.append(
                Problem(
                    "checkpoint",
                    None,
                    f"checkpoint {cp.size}: the signed note and the stored size/root/origin differ",
                )
            )
            continue
        roots[size] = root
    report.checkpoints = len(roots)
    return roots


def verify_ledger(
    session: Session, *, origin: str, verifier_key: str, contents: bool = False, data_key: bytes | None = None
) -> Report:
    """Verify the whole ledger; the report names the first entry where anything differs."""
    report = Report()
    roots = _load_checkpoints(session, NoteVerifier(verifier_key), origin, report)
    cr = CompactRange()
    ctx = content_checks.CheckContext(data_key or b"")
    erased_subjects: set[tuple[str, str]] = set()
    pending: list[tuple[int, dict[str, Any], dict[str, str]]] = []
    rows = _rows(session)
    problem: Problem | None = None
    head_size = session.execute(select(LedgerHead.size).where(LedgerHead.id == 1)).scalar()
    limit = head_size if head_size is not None else -1
    for idx, event_type, actor, text, stored_leaf, stored_nodes in rows:
        position = cr.size
        # Fast path: the checks every entry must pass. On any doubt, _check_row redoes them
        # thoroughly (including the canonical form) and names what differs.
        entry = None
        if idx == position and position < limit:
            body = text.encode("utf-8")
            try:
                entry = parse_entry(text)
            except VerificationError:
                entry = None
            if (
                entry is None
                or entry.get("index") != position
                or entry.get("type") != event_type
                or entry.get("actor") != actor
                or _sha256(b"\x00" + body).digest() != stored_leaf
            ):
                entry = None
        if entry is None:
            problem, entry = _check_row(session, position, idx, event_type, actor, text, stored_leaf, rows)
            if problem is None and position >= limit:
                problem = Problem(
                    "inserted",
                    position,
                    f"entries from {position} were added behind the ledger's back (the head holds {head_size})",
                )
            if problem is None:
                problem = Problem("modified", position, "the entry is not in canonical form")
            break
        completed = b"".join(cr.append(bytes(stored_leaf)))
        if completed != stored_nodes:
            problem = _node_problem(position, completed, bytes(stored_nodes))
            break
        if cr.size in roots and cr.root() != roots[cr.size]:
            below = max((s for s in roots if s < cr.size), default=0)
            problem = Problem(
                "modified",
                below,
                f"root at signed checkpoint {cr.size} differs: an entry in "
                f"{below}..{cr.size - 1} was rewritten together with the stored hashes",
            )
            break
        if contents:
            subject = cast(dict[str, Any], entry.get("subject") or {})
            if entry.get("type") == "erasure":
                erased_subjects.update((k, str(v)) for k, v in subject.items())
            if entry.get("digests"):
                pending.append((position, subject, cast(dict[str, str], entry["digests"])))
    if problem is None:
        problem = _check_end(session, cr, roots)
    if problem is not None:
        report.problems.append(problem)
    report.size, report.root = cr.size, cr.root()
    if contents:
        _check_contents(session, pending, erased_subjects, ctx, report)
    return report


def _node_problem(position: int, completed: bytes, stored: bytes) -> Problem:
    level = next(
        (i // 32 + 1 for i in range(0, len(completed), 32) if stored[i : i + 32] != completed[i : i + 32]),
        len(completed) // 32 + 1,
    )
    first = position - (1 << level) + 1
    return Problem(
        "modified",
        first,
        f"stored subtree hash over entries {first}..{position} differs: one of "
        "them was rewritten together with its leaf hash",
    )


def _check_row(
    session: Session,
    position: int,
    idx: int,
    event_type: str,
    actor: str | None,
    text: str,
    stored_leaf: bytes,
    rows: Iterator[Any],
) -> tuple[Problem | None, dict[str, Any]]:
    if idx != position:
        return Problem("deleted", position, f"entries {position}..{idx - 1} are missing"), {}
    body = text.encode("utf-8")
    try:
        entry = parse_canonical_entry(body)
    except VerificationError as exc:
        return Problem("modified", position, str(exc)), {}
    recorded = entry.get("index")
    if not isinstance(recorded, int):
        return Problem("modified", position, "the entry records no index"), entry
    if recorded != position:
        return _classify(session, position, recorded, rows), entry
    if leaf_hash(body) != stored_leaf:
        return Problem("modified", position, "the content does not match its leaf hash"), entry
    if entry.get("type") != event_type or entry.get("actor") != actor:
        return Problem("modified", position, "the type or actor columns differ from the entry"), entry
    return None, entry


def _check_end(session: Session, cr: CompactRange, roots: dict[int, bytes]) -> Problem | None:
    head = session.execute(select(LedgerHead).where(LedgerHead.id == 1)).scalar_one_or_none()
    beyond = [s for s in roots if s > cr.size]
    if beyond:
        return Problem(
            "deleted",
            cr.size,
            f"entries {cr.size}..{max(beyond) - 1} are missing (signed checkpoint at size {max(beyond)})",
        )
    if head is None:
        return Problem("head", None, "the head row is missing")
    if head.size > cr.size:
        return Problem("deleted", cr.size, f"entries {cr.size}..{head.size - 1} are missing")
    if head.size < cr.size:
        return Problem(
            "inserted",
            head.size,
            f"entries {head.size}..{cr.size - 1} were added behind the ledger's back (the head holds {head.size})",
        )
    if bytes(head.frontier) != b"".join(cr.hashes):
        return Problem("head", None, "the head's compact range differs from the entries")
    return None


def _check_contents(
    session: Session,
    pending: list[tuple[int, dict[str, Any], dict[str, str]]],
    erased_subjects: set[tuple[str, str]],
    ctx: content_checks.CheckContext,
    report: Report,
) -> None:
    counts = dict.fromkeys(content_checks.STATUSES, 0)
    for position, subject, digests in pending:
        for name, status in content_checks.check_entry(session, subject, digests, ctx).items():
            key = name.split(".", 1)[0]
            if status == content_checks.MISSING and (key, str(subject[key])) in erased_subjects:
                status = content_checks.ERASED
            counts[status] += 1
            if status == content_checks.MISMATCH:
                report.problems.append(Problem("content", position, f"{name} differs from its digest"))
            elif status == content_checks.MISSING:
                report.problems.append(Problem("content", position, f"{name} is gone and no erasure was recorded"))
    report.contents = counts
