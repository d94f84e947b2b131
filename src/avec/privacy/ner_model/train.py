"""Train AVEC's own NER model (NOM, PRENOM, VILLE, HOPITAL, ADRESSE) on generated documents.

Reproduce (1,500 steps: 5-6 min of CPU time, 5-15 min wall clock on the shared 2-core machine,
1 GB RAM; a second run gave bit-identical weights)::

    .venv/bin/python -m avec.privacy.ner_model.train            # writes ner_model/model/
    .venv/bin/python -m avec.privacy.ner_model.train --n-train 300 --max-steps 50 --out /tmp/m

Training data: ``avec.privacy.corpus.generate(n, seed, extended=True)`` (seeds TRAIN_SEEDS, plus
the default corpus with seed PLAIN_SEED); the dev set used to pick the best checkpoint is the
extended corpus with DEV_SEED. No file of ``tests/data/privacy`` is ever read. The evaluation
seeds quoted in docs/privacy-detection.md (4242, 6161 and, extended, 5151) are used by neither.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
MODEL_DIR = HERE / "model"
LABELS = ("NOM", "PRENOM", "VILLE", "HOPITAL", "ADRESSE")
TRAIN_SEEDS = (101, 102)
PLAIN_SEED = 103
DEV_SEED = 104


def to_docbin(nlp: Any, docs: list[dict[str, Any]]) -> tuple[Any, int]:
    """A DocBin of the documents with the LABELS entities (other identifiers are left out)."""
    from spacy.tokens import DocBin

    db = DocBin()
    dropped = 0
    for d in docs:
        doc = nlp.make_doc(d["text"])
        ents: list[Any] = []
        for s in d["spans"]:
            if s["label"] not in LABELS:
                continue
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            if span is None or any(span.start < e.end and e.start < span.end for e in ents):
                dropped += 1
                continue
            ents.append(span)
        doc.ents = ents
        db.add(doc)
    return db, dropped


def build_data(work: Path, n_train: int, n_dev: int) -> None:
    """Write train.spacy and dev.spacy into ``work``."""
    import spacy

    from avec.privacy.corpus import generate

    nlp = spacy.blank("fr")
    per_seed = n_train // (len(TRAIN_SEEDS) + 1)
    docs: list[dict[str, Any]] = []
    for seed in TRAIN_SEEDS:
        docs += generate(per_seed, seed, extended=True)
    docs += generate(n_train - len(docs), PLAIN_SEED)
    train, dropped = to_docbin(nlp, docs)
    train.to_disk(work / "train.spacy")
    dev, _ = to_docbin(nlp, generate(n_dev, DEV_SEED, extended=True))
    dev.to_disk(work / "dev.spacy")
    print(f"train: {len(docs)} documents ({dropped} spans not aligned to tokens), dev: {n_dev}")


def main(argv: list[str] | None = None) -> int:
    """Generate the data, train, and copy the best model to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n-train", type=int, default=4500)
    parser.add_argument("--n-dev", type=int, default=300)
    parser.add_argument("--max-steps", type=int, default=1500)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)

    from spacy.cli.train import train
    from thinc.api import fix_random_seed

    fix_random_seed(17)
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="avec-ner-") as tmp:
        work = Path(tmp)
        build_data(work, args.n_train, args.n_dev)
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "training.max_steps": args.max_steps,
        }
        train(CONFIG, work / "output", overrides=overrides)
        best = work / "output" / "model-best"
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    print(f"model written to {args.out} in {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
