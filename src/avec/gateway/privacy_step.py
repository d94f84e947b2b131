"""The privacy step of the gateway path: pseudonymize what leaves, restore what comes back.

Fails closed: any error here refuses the call and nothing is sent to the provider.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

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
        from avec.privacy.detection import DetectionConfig, Detector

        settings = getattr(state, "settings", None)
        trained = bool(getattr(settings, "privacy_trained_ner", True))
        detector = Detector.default(DetectionConfig(use_trained_ner=trained))
        state.detector = detector
    return detector


class _KnownSpans:
    """A detector that answers from spans already computed for exactly these texts (no second pass)."""

    def __init__(self, detector: Any, texts: list[str], spans: list[list[Any]]) -> None:
        self._detector, self._texts, self._spans = detector, texts, spans

    def detect_many(self, texts: list[str], patients: list[Any]) -> list[list[Any]]:
        if texts == self._texts:
            return self._spans
        return list(self._detector.detect_many(texts, patients))


def pseudonymize(
    state: Any,
    session_factory: Any,
    *,
    messages: list[dict[str, Any]],
    patient: dict[str, Any] | None,
    conversation_id: str,
    new_conversation: bool,
    send_clear_text: bool,
) -> PrivacyOutcome:
    """Pseudonymize ``messages`` unless clear text is allowed (on-premises system and use case).

    Detection runs first, outside any transaction; a new conversation in which nothing was detected
    has nothing to keep, so the vault (and its write lock) is not touched at all.
    """
    if send_clear_text:
        return PrivacyOutcome(messages=messages)
    try:
        from avec.privacy.pipeline import message_texts, pseudonymize_chat

        detector = get_detector(state)
        texts = message_texts(messages)
        if all(len(t) <= state.settings.privacy_max_chars for t in texts):
            spans = [list(found) for found in detector.detect_many(texts, [patient] * len(texts))]
            if new_conversation and not any(spans):
                return PrivacyOutcome(messages=messages, pseudonymized=True)
            detector = _KnownSpans(detector, texts, spans)
        with session_factory() as session:
            session.begin()
            result = pseudonymize_chat(
                session,
                detector=detector,
                messages=messages,
                patient=patient,
                conversation_id=conversation_id,
                data_key=state.secrets.data_key,
                settings=state.settings,
            )
            session.commit()  # the mapping is durable before anything leaves
    except Exception as exc:
        log.error("pseudonymization failed", extra={"fields": {"error_type": type(exc).__name__}})
        raise PrivacyUnavailable("Pseudonymization failed: nothing was sent to the AI system.") from None
    return PrivacyOutcome(
        messages=result.messages,
        replacements=dict(result.replacements),
        restorer=result.restorer,
        pseudonymized=True,
    )
