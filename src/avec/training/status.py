"""Status of a person's completions of a module: valid, expired, or older than the version that counts."""

from __future__ import annotations

import datetime as dt

from avec.training.models import TrainingCompletion
from avec.training.schemas import Module, parse_version


def aware(value: dt.datetime) -> dt.datetime:
    """A timezone-aware UTC datetime (SQLite hands back naive UTC values)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def completion_counts(completion: TrainingCompletion, module: Module, at: dt.datetime) -> bool:
    """True if this completion is still valid for the module's current version at ``at``."""
    floor = parse_version(module.meta.requires_retraining_from)
    version_ok = parse_version(completion.module_version) >= floor
    return version_ok and aware(completion.expires_at) > aware(at)


def completion_status(completion: TrainingCompletion, module: Module | None, at: dt.datetime) -> str:
    """'valid', 'expired' or 'outdated_version' (a retired module's completions count as outdated)."""
    if module is None:
        return "outdated_version"
    if parse_version(completion.module_version) < parse_version(module.meta.requires_retraining_from):
        return "outdated_version"
    return "valid" if aware(completion.expires_at) > aware(at) else "expired"


def best_status(
    completions: list[TrainingCompletion], module: Module, at: dt.datetime
) -> tuple[str, TrainingCompletion | None]:
    """The person's status for a module from their completions (newest first) and the completion shown:
    'valid' (the one lasting longest), else 'expired' (the newest expired), else 'outdated_version',
    or 'never'."""
    if not completions:
        return "never", None
    valid = [c for c in completions if completion_counts(c, module, at)]
    if valid:
        return "valid", max(valid, key=lambda c: aware(c.expires_at))
    current = [c for c in completions if completion_status(c, module, at) == "expired"]
    if current:
        return "expired", current[0]
    return "outdated_version", completions[0]
