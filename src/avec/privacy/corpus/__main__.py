"""``python -m avec.privacy.corpus --n 500 --seed 1 --out FILE [--extended]``: write gold JSONL."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from avec.privacy.corpus.generator import generate


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus and write it atomically."""
    parser = argparse.ArgumentParser(description="Generate annotated French documents (gold JSONL).")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--extended",
        action="store_true",
        help="more kinds, name sources, case and OCR noise (the NER model's training data)",
    )
    args = parser.parse_args(argv)
    docs = generate(args.n, args.seed, extended=args.extended)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=args.out.parent, prefix=".corpus-", suffix=".jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    os.replace(tmp, args.out)
    print(f"wrote {len(docs)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
