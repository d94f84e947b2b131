"""Wire schemas of the OpenAI-compatible API, plus AVEC's own ``avec`` request/response fields."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ROLES = ("system", "developer", "user", "assistant", "tool")


class AvecRequestFields(BaseModel):
    """AVEC's fields, sent by the OpenAI SDK through ``extra_body={"avec": {...}}``."""

    model_config = ConfigDict(extra="forbid")

    use_case: str | None = Field(default=None, max_length=100)
    patient: dict[str, Any] | None = None
    conversation_id: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")


class ChatMessage(BaseModel):
    """One chat message (string content or the list-of-parts form)."""

    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        """The message's text (text parts joined)."""
        if isinstance(self.content, str):
            return self.content
        return "\n".join(str(p.get("text", "")) for p in self.content or [] if p.get("type", "text") == "text")


class StreamOptions(BaseModel):
    """``stream_options``."""

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """``POST /v1/chat/completions`` body."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(min_length=1, max_length=200)
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    max_tokens: int | None = Field(default=None, ge=1, le=32_000)
    max_completion_tokens: int | None = Field(default=None, ge=1, le=32_000)
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, gt=0, le=1)
    stop: str | list[str] | None = None
    n: int | None = Field(default=None, ge=1, le=1)
    user: str | None = None
    avec: AvecRequestFields = Field(default_factory=AvecRequestFields)

    @field_validator("messages")
    @classmethod
    def _has_text(cls, messages: list[ChatMessage]) -> list[ChatMessage]:
        if not any(m.text().strip() for m in messages):
            raise ValueError("the messages contain no text")
        return messages

    def stops(self) -> list[str]:
        """Stop sequences as a list."""
        if self.stop is None:
            return []
        return [self.stop] if isinstance(self.stop, str) else list(self.stop)

    def output_limit(self) -> int | None:
        """The requested maximum number of output tokens."""
        return self.max_completion_tokens or self.max_tokens
