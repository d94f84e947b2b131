"""Export bundle for offline audit (``avec ledger export --out DIR``).

Writes ``entries.jsonl`` (the canonical bodies, one per line, in index order),
``checkpoints.jsonl``, ``verifier_key.txt`` and a copy of the standalone verifier ``verify.py``,
so that ``python verify.py DIR`` (or ``python -m avec.ledger.verify DIR``) checks it with no
database and no AVEC installation.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.ledger import verify as standalone
from avec.ledger.models import LedgerCheckpoint, LedgerEntry

ENTRIES = LedgerEntry.__table__
PAGE = 10_000


def export_bundle(session: Session, out: Path, *, verifier_key: str) -> dict[str, int]:
    """Write the bundle into ``out`` (created if needed); returns counts."""
    out.mkdir(parents=True, exist_ok=True)
    conn = session.connection()
    entries = 0
    with (out / "entries.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        start = 0
        while True:
            page = conn.execute(
                select(ENTRIES.c.idx, ENTRIES.c.body).where(ENTRIES.c.idx >= start).order_by(ENTRIES.c.idx).limit(PAGE)
            ).all()
            for row in page:
                fh.write(row.body + "\n")
            entries += len(page)
            if len(page) < PAGE:
                break
            start = int(page[-1].idx) + 1
    checkpoints = 0
    with (out / "checkpoints.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for cp in session.execute(select(LedgerCheckpoint).order_by(LedgerCheckpoint.size)).scalars():
            fh.write(
                json.dumps({"size": cp.size, "root": base64.b64encode(bytes(cp.root)).decode(), "note": cp.note}) + "\n"
            )
            checkpoints += 1
    (out / "verifier_key.txt").write_text(verifier_key + "\n", encoding="utf-8")
    shutil.copyfile(standalone.__file__, out / "verify.py")
    return {"entries": entries, "checkpoints": checkpoints}
