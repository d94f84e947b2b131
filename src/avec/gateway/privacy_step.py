"""The privacy step of the gateway path: pseudonymize what leaves, restore what comes back.

Fails closed: any error here refuses the call and nothing is sent to the provider.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


class PrivacyUnavailable(Exception):
    """Pseudonymization could not be done; the call must be refused."""


class StreamRestoring(Protocol):
    """Restores a streamed answer chunk by chunk."""

    def feed(self, chunk: str) -> str: ...

    def flush(self) -> str: ...


class Restoring(Protocol):
    """Restores the real identifiers in an answer."""

    def restore(self, text: str) -> str: ...

    def stream(self) -> StreamRestoring: ...


class _Identity:
    def restore(self, text: str) -> str:
        return text

    def stream(self) -> _Identity:
        return self

    def feed(self, chunk: str) -> str:
        return chunk

    def flush(self) -> str:
        return ""


@dataclass
class PrivacyOutcome:
    """What will be sent, how many identifiers were replaced, and how to restore the answer."""

    messages: list[dict[str, Any]]
    replacements: dict[str, int] = field(default_factory=dict)
    restorer: Restoring = field(default_factory=_Identity)
    pseudonymized: bool = False


def get_detector(state: Any) -> Any:
    """The application's detector, loaded once (spaCy model) on first use."""
    detector = getattr(state, "detector", None)
    if detector is None:
        from avec.privacy.detection import Detector

        detector = Detector.default()
        state.detector = detector
    return detector


def pseudonymize(
    state: Any,
    session: Session,
    *,
    messages: list[dict[str, Any]],
    patient: dict[str, Any] | None,
    conversation_id: str,
    send_clear_text: bool,
) -> PrivacyOutcome:
    """Pseudonymize ``messages`` unless clear text is allowed (on-premises system and use case)."""
    if send_clear_text:
        return PrivacyOutcome(messages=messages)
    try:
        from avec.privacy.pipeline import pseudonymize_chat

        result = pseudonymize_chat(
            session,
            detector=get_detector(state),
            messages=messages,
            patient=patient,
            conversation_id=conversation_id,
            data_key=state.secrets.data_key,
            settings=state.settings,
        )
    except Exception as exc:
        log.error("pseudonymization failed", extra={"fields": {"error_type": type(exc).__name__}})
        raise PrivacyUnavailable("Pseudonymization failed: nothing was sent to the AI system.") from None
    return PrivacyOutcome(
        messages=result.messages,
        replacements=dict(result.replacements),
        restorer=result.restorer,
        pseudonymized=True,
    )
