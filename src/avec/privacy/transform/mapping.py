"""The per-conversation mapping between original values and their surrogates (JSON-serialisable).

It is what the vault stores (encrypted) and what the restorer is built from. ``pairs`` keeps every
exact ``(label, surrogate text, original text)`` emitted so far, so that restoring a text we produced
gives back the original character for character.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT_VERSION = 1


@dataclass
class Person:
    """A person seen in the conversation, keyed by the normalised surname."""

    first_keys: list[str] = field(default_factory=list)
    gender: str = ""  # "M", "F" or "" when unknown


@dataclass
class ConversationMapping:
    """Everything needed to pseudonymize further turns consistently and to restore answers."""

    mode: str = "surrogate"
    date_offset_days: int = 0
    # label -> normalised original -> surrogate value (base form: Title case for names, ISO for dates)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    # label -> normalised original -> placeholder number
    placeholders: dict[str, dict[str, int]] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    # normalised first name -> "M" / "F" (decided once, then kept)
    genders: dict[str, str] = field(default_factory=dict)
    # exact (label, surrogate, original) strings emitted, in order
    pairs: list[tuple[str, str, str]] = field(default_factory=list)
    _seen: set[tuple[str, str, str]] = field(default_factory=set, repr=False, compare=False)

    def value(self, label: str, key: str) -> str | None:
        """The surrogate already chosen for ``key`` under ``label``, if any."""
        return self.values.get(label, {}).get(key)

    def set_value(self, label: str, key: str, surrogate: str) -> None:
        """Record the surrogate of ``key`` under ``label``."""
        self.values.setdefault(label, {})[key] = surrogate

    def used_surrogates(self) -> set[str]:
        """Every surrogate value already used (normalised by the caller's key function)."""
        return {s for table in self.values.values() for s in table.values()}

    def originals(self) -> set[str]:
        """Every normalised original value known in this conversation."""
        return {k for table in self.values.values() for k in table} | {
            k for table in self.placeholders.values() for k in table
        }

    def add_pair(self, label: str, surrogate: str, original: str) -> None:
        """Remember an exact replacement (deduplicated)."""
        pair = (label, surrogate, original)
        if len(self._seen) != len(self.pairs):
            self._seen = set(self.pairs)
        if pair not in self._seen:
            self.pairs.append(pair)
            self._seen.add(pair)

    def to_json(self) -> str:
        """Serialise (the vault encrypts this text)."""
        data: dict[str, Any] = asdict(self)
        data.pop("_seen")
        data["version"] = FORMAT_VERSION
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ConversationMapping:
        """Inverse of :meth:`to_json`."""
        data = json.loads(text)
        if data.pop("version", None) != FORMAT_VERSION:
            raise ValueError("unsupported mapping format version")
        persons = {k: Person(**v) for k, v in data.pop("persons", {}).items()}
        pairs = [tuple(p) for p in data.pop("pairs", [])]
        mapping = cls(**data)
        mapping.persons = persons
        mapping.pairs = pairs  # type: ignore[assignment]
        return mapping
