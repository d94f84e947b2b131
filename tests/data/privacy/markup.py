"""Convert the hand-annotated markup (``⟦value|LABEL⟧``) into gold JSONL with checked offsets.

``python tests/data/privacy/markup.py [NAME...]`` rewrites ``NAME.jsonl`` from ``NAME.txt``
(default ``handwritten``).
Documents are separated by lines ``=== id ===``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
_MARK = re.compile(r"⟦([^⟧|]+)\|([A-Z_]+)⟧")
_HEADER = re.compile(r"^=== (\S+) ===$", re.M)


def parse(source: str) -> list[dict[str, object]]:
    """Documents with plain text and gold spans; raises on a malformed mark."""
    docs = []
    parts = _HEADER.split(source)
    for i in range(1, len(parts), 2):
        doc_id, body = parts[i], parts[i + 1].strip("\n") + "\n"
        text_parts: list[str] = []
        spans: list[dict[str, int | str]] = []
        pos = 0
        length = 0
        for m in _MARK.finditer(body):
            chunk = body[pos : m.start()]
            text_parts.append(chunk)
            length += len(chunk)
            value, label = m.group(1), m.group(2)
            spans.append({"start": length, "end": length + len(value), "label": label})
            text_parts.append(value)
            length += len(value)
            pos = m.end()
        text_parts.append(body[pos:])
        text = "".join(text_parts)
        if "⟦" in text or "⟧" in text:
            raise ValueError(f"{doc_id}: malformed mark")
        for s, m in zip(spans, _MARK.finditer(body), strict=True):
            assert text[int(s["start"]) : int(s["end"])] == m.group(1), doc_id
        docs.append({"id": doc_id, "text": text, "spans": spans})
    return docs


def main() -> int:
    """Rewrite the JSONL of each named set (default: handwritten)."""
    for name in sys.argv[1:] or ["handwritten"]:
        docs = parse((HERE / f"{name}.txt").read_text(encoding="utf-8"))
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{name}: {len(docs)} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
