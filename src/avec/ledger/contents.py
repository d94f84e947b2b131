"""Content checks: recompute the digests of contents still stored, report erased ones as erased.

The ledger keeps only digests; contents live in each domain's tables (encrypted, erasable). A
domain registers a resolver for its subject kind::

    from avec.ledger.contents import register_content_check, MATCH, MISMATCH, ERASED, MISSING

    @register_content_check("interaction")
    def check_interaction(session, subject_id, digests, ctx) -> dict[str, str]:
        ...  # decrypt with ctx.data_key, recompute sha256_text, return {digest name: status}

and puts it in ``avec/<domain>/ledger_checks.py`` so that ``avec ledger verify --contents``
finds it (:func:`load_domain_checks`). Statuses: ``match`` (content stored, digest equal),
``mismatch`` (content stored but different: tampered), ``erased`` (purged on purpose), ``missing``
(no content and no erasure recorded).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

MATCH = "match"
MISMATCH = "mismatch"
ERASED = "erased"
MISSING = "missing"
STATUSES = (MATCH, MISMATCH, ERASED, MISSING)


@dataclass(frozen=True)
class CheckContext:
    """What a resolver may need: the data key to decrypt contents."""

    data_key: bytes


ContentCheck = Callable[[Session, Any, Mapping[str, str], CheckContext], Mapping[str, str]]
_CHECKS: dict[str, ContentCheck] = {}


def register_content_check(subject_key: str, fn: ContentCheck | None = None) -> Any:
    """Register ``fn`` for entries whose subject has ``subject_key`` (usable as a decorator)."""

    def add(f: ContentCheck) -> ContentCheck:
        _CHECKS[subject_key] = f
        return f

    return add(fn) if fn is not None else add


def unregister_content_check(subject_key: str) -> None:
    """Remove a resolver (tests)."""
    _CHECKS.pop(subject_key, None)


def registered_checks() -> dict[str, ContentCheck]:
    """The resolvers by subject key."""
    return dict(_CHECKS)


def load_domain_checks() -> list[str]:
    """Import every ``avec.<domain>.ledger_checks`` module that exists; returns their names."""
    import avec

    importlib.import_module("avec.ledger.interaction_contents")
    loaded = ["avec.ledger.interaction_contents"]
    for info in pkgutil.iter_modules(avec.__path__):
        if not info.ispkg:
            continue
        name = f"avec.{info.name}.ledger_checks"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        loaded.append(name)
    return loaded


def check_entry(
    session: Session, subject: Mapping[str, Any], digests: Mapping[str, str], ctx: CheckContext
) -> dict[str, str]:
    """Statuses of an entry's digests, by ``subject_key.digest_name``, from the registered resolvers."""
    out: dict[str, str] = {}
    if not digests:
        return out
    for key, value in subject.items():
        fn = _CHECKS.get(key)
        if fn is None:
            continue
        for name, status in fn(session, value, digests, ctx).items():
            if status not in STATUSES:
                raise ValueError(f"content check for {key!r} returned an unknown status {status!r}")
            out[f"{key}.{name}"] = status
    return out
