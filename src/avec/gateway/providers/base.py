"""The small interface every provider implements (embedded llama.cpp, OpenAI-compatible upstream)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol


class ProviderError(Exception):
    """The provider failed; ``status_code`` is 502 (bad answer/unreachable) or 504 (timeout)."""

    def __init__(self, message: str, *, status_code: int = 502) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


@dataclass
class ProviderRequest:
    """What AVEC asks a provider (messages are already pseudonymized)."""

    messages: list[dict[str, Any]]
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    stop: list[str] = field(default_factory=list)
    upstream_model: str | None = None
    frame: str = ""  # completion-style frame for base models (embedded), with {instruction}
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Completion:
    """A finished answer from a provider."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str = "stop"
    model_version: str | None = None
    cpu_seconds: float | None = None


@dataclass
class StreamDelta:
    """A piece of streamed text."""

    text: str


class Provider(Protocol):
    """A language-model provider."""

    name: str
    ready: bool

    async def complete(self, request: ProviderRequest) -> Completion:
        """Return the whole answer."""
        ...

    def stream(self, request: ProviderRequest) -> AsyncIterator[StreamDelta | Completion]:
        """Yield text deltas, then one final :class:`Completion` (text may be empty) with usage."""
        ...

    async def close(self) -> None:
        """Release resources."""
        ...
