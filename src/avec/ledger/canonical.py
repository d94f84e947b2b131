"""Ledger entry records: validation, canonical JSON encoding and content digests.

An entry is ``{"v", "index", "type", "at", "actor", "subject", "digests", "data"}`` encoded as
canonical JSON (sorted keys, no spaces, UTF-8, integers and strings only: no floats, whose textual
form is ambiguous across languages). Entries never hold clear content: contents are represented by
their digests (``sha256:<hex>``), and ``data`` holds short metadata only (codes, counts, ids):
strings longer than :data:`MAX_DATA_STRING` characters are refused as likely free text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from avec.ledger.verify import canonical_json

__all__ = [
    "LedgerInputError",
    "sha256_text",
    "sha256_bytes",
    "canonical_json",
    "build_record",
    "format_time",
    "check_event_type",
    "check_subject",
]

RECORD_VERSION = 1
MAX_DATA_STRING = 200
MAX_DATA_BYTES = 4096
EVENT_TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
ACTOR_RE = re.compile(r"^[A-Za-z0-9_.:@/-]{1,128}$")
DIGEST_RE = re.compile(r"^sha256:[0-9a-f]{64}$")
CONTROL_RE = re.compile(r"[\x00-\x1f]")
MAX_INT = 2**63 - 1


class LedgerInputError(ValueError):
    """An event cannot be recorded as given (the caller's action must fail)."""


def sha256_text(text: str) -> str:
    """Digest of a text as ``sha256:<hex>`` (UTF-8)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    """Digest of bytes (e.g. a document) as ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def format_time(at: dt.datetime) -> str:
    """UTC timestamp with microseconds, e.g. ``2026-11-30T04:00:00.000000Z``."""
    if at.tzinfo is None:
        raise LedgerInputError("event time must be timezone-aware")
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def check_event_type(event_type: str) -> str:
    """A dotted lowercase name such as ``review.decision`` (the set of types is open)."""
    if not isinstance(event_type, str) or len(event_type) > 64 or not EVENT_TYPE_RE.match(event_type):
        raise LedgerInputError(
            f"invalid ledger event type {event_type!r}: use a dotted lowercase name such as "
            "'review.decision' (letters, digits, '_', at most 64 characters)"
        )
    return event_type


_KNOWN_KEYS: set[str] = set()  # keys already validated (the same few names recur in every event)


def _check_key(key: Any, where: str) -> str:
    if key in _KNOWN_KEYS:
        return key
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise LedgerInputError(f"invalid key {key!r} in {where}: use lowercase names like 'interaction'")
    if len(_KNOWN_KEYS) < 10_000:
        _KNOWN_KEYS.add(key)
    return key


def _check_string(value: str, where: str) -> None:
    if len(value) > MAX_DATA_STRING:
        raise LedgerInputError(
            f"string of {len(value)} characters in {where}: the ledger keeps metadata only; "
            "record a digest (sha256_text) instead of content"
        )
    if CONTROL_RE.search(value):
        raise LedgerInputError(f"control character in a string of {where}")


def _check_scalar(value: Any, where: str) -> None:
    kind = type(value)
    if kind is str:
        _check_string(value, where)
    elif kind is int:
        if not -MAX_INT <= value <= MAX_INT:
            raise LedgerInputError(f"integer out of range in {where}")
    elif value is None or kind is bool:
        return
    elif isinstance(value, float):
        raise LedgerInputError(
            f"float in {where}: the ledger stores integers or decimal strings only (e.g. milli-units)"
        )
    else:
        raise LedgerInputError(f"unsupported value of type {kind.__name__} in {where}")


def _check_data(value: Any, where: str, depth: int = 0) -> int:
    """Validate metadata; returns an upper estimate of its encoded size in characters."""
    if depth > 4:
        raise LedgerInputError(f"{where} is nested too deeply")
    kind = type(value)
    if kind is dict:
        size = 2
        for k, v in value.items():
            _check_key(k, where)
            size += len(k) + 4 + _check_data(v, where, depth + 1)
        return size
    if kind is list or kind is tuple:
        return 2 + sum(_check_data(v, where, depth + 1) + 1 for v in value)
    _check_scalar(value, where)
    return len(value) * 6 + 2 if kind is str else 20


def check_subject(subject: object) -> dict[str, Any]:
    """Subject ids: ``{"interaction": "..."}``; values are ids (int or short string) or None."""
    if not isinstance(subject, dict):
        raise LedgerInputError("subject must be a dict of ids, e.g. {'interaction': 'ia_...'}")
    for key, value in subject.items():
        _check_key(key, "subject")
        kind = type(value)
        if value is None or (kind is int and -MAX_INT <= value <= MAX_INT):
            continue
        if kind is not str or not 0 < len(value) <= 128:
            raise LedgerInputError(f"subject.{key} must be an id (integer or string of 1-128 characters)")
        _check_string(value, f"subject.{key}")
    return dict(subject)


def build_record(
    *,
    index: int,
    event_type: str,
    actor: str | None,
    subject: dict[str, Any],
    digests: dict[str, str] | None,
    data: dict[str, Any] | None,
    at: dt.datetime,
) -> dict[str, Any]:
    """Validate an event and return its record (raises LedgerInputError with a clear message)."""
    check_event_type(event_type)
    if actor is not None and (not isinstance(actor, str) or not ACTOR_RE.match(actor)):
        raise LedgerInputError("actor must look like 'user:12' or 'system' (no spaces, at most 128 characters)")
    digests = dict(digests or {})
    for key, value in digests.items():
        _check_key(key, "digests")
        if not isinstance(value, str) or not DIGEST_RE.match(value):
            raise LedgerInputError(f"digests.{key} must be 'sha256:' followed by 64 hex digits")
    data = dict(data or {})
    if _check_data(data, "data") > MAX_DATA_BYTES and len(canonical_json(data)) > MAX_DATA_BYTES:
        raise LedgerInputError(f"data is larger than {MAX_DATA_BYTES} bytes: keep metadata only")
    record = {
        "v": RECORD_VERSION,
        "index": index,
        "type": event_type,
        "at": format_time(at),
        "actor": actor,
        "subject": check_subject(subject),
        "digests": digests,
        "data": data,
    }
    return record
