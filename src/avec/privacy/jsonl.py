"""Reading and validating JSONL request files, writing results atomically.

Shared by the ``avec privacy`` commands (detect, eval, pseudonymize): every error names the line
number, and outputs are written to a temporary file renamed at the end, so a failure never leaves
a partial file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from avec.privacy.spans import LABELS


class JsonlError(ValueError):
    """A bad input line; ``line`` is 1-based (0 when the file itself is the problem)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass
class Record:
    """One validated input line."""

    line: int
    id: str
    text: str
    patient: dict[str, Any] | None = None
    spans: list[dict[str, Any]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


def read_records(path: Path, *, max_chars: int, gold: bool = False) -> list[Record]:
    """Read and validate every line of ``path`` before anything is processed.

    Each line must be a JSON object with a non-empty string ``id`` (unique) and a non-empty
    ``text`` of at most ``max_chars`` characters; ``patient`` is an optional object; with
    ``gold=True`` a ``spans`` list of ``{"start", "end", "label"}`` inside the text is required.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JsonlError(0, f"cannot read {path}: {exc.strerror}") from exc
    records: list[Record] = []
    seen: set[str] = set()
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonlError(number, f"not valid UTF-8 (byte {exc.start})") from exc
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise JsonlError(number, f"invalid JSON ({exc.msg}, column {exc.colno})") from exc
        records.append(_validate(obj, number, max_chars=max_chars, gold=gold, seen=seen))
    if not records:
        raise JsonlError(0, f"{path} holds no record")
    return records


def _validate(obj: Any, number: int, *, max_chars: int, gold: bool, seen: set[str]) -> Record:
    if not isinstance(obj, dict):
        raise JsonlError(number, "expected a JSON object")
    rid = obj.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise JsonlError(number, 'missing or empty "id" (a non-empty string is required)')
    if rid in seen:
        raise JsonlError(number, f'duplicate "id" {rid!r}')
    seen.add(rid)
    text = obj.get("text")
    if not isinstance(text, str):
        raise JsonlError(number, 'missing "text" (a string is required)')
    if not text.strip():
        raise JsonlError(number, 'empty "text"')
    if len(text) > max_chars:
        raise JsonlError(number, f'"text" has {len(text)} characters, over the limit of {max_chars}')
    patient = obj.get("patient")
    if patient is not None and not isinstance(patient, dict):
        raise JsonlError(number, '"patient" must be an object')
    spans: list[dict[str, Any]] = []
    if gold:
        raw_spans = obj.get("spans")
        if not isinstance(raw_spans, list):
            raise JsonlError(number, 'missing "spans" list')
        for i, s in enumerate(raw_spans):
            spans.append(_validate_span(s, number, i, len(text)))
    return Record(line=number, id=rid, text=text, patient=patient, spans=spans, raw=obj)


def _validate_span(s: Any, number: int, index: int, length: int) -> dict[str, Any]:
    if not isinstance(s, dict):
        raise JsonlError(number, f"span {index} is not an object")
    start, end, label = s.get("start"), s.get("end"), s.get("label")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= length:
        raise JsonlError(number, f"span {index} has invalid bounds ({start!r}, {end!r})")
    if label not in LABELS:
        raise JsonlError(number, f"span {index} has unknown label {label!r}")
    return {"start": start, "end": end, "label": label}


def read_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Read a detect output file: ``{"id", "spans"}`` per line, validated, by id."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JsonlError(0, f"cannot read {path}: {exc.strerror}") from exc
    out: dict[str, list[dict[str, Any]]] = {}
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        try:
            obj = json.loads(raw_line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise JsonlError(number, f"invalid line ({exc})") from exc
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("id"), str)
            or not isinstance(obj.get("spans"), list)
        ):
            raise JsonlError(number, 'expected {"id": str, "spans": [...]}')
        out[obj["id"]] = [_validate_span(s, number, i, 1 << 62) for i, s in enumerate(obj["spans"])]
    return out


def iter_lines(objs: Iterable[dict[str, Any]]) -> Iterator[str]:
    """JSON lines (UTF-8, not ASCII-escaped)."""
    for obj in objs:
        yield json.dumps(obj, ensure_ascii=False) + "\n"


def write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` to ``path`` through a temporary file renamed at the end."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
