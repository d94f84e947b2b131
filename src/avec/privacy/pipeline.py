"""Gateway-facing API: pseudonymize an OpenAI chat request and get what restores its answer.

Fails closed: any error in detection, transformation or the vault raises :class:`PrivacyError`, and
the gateway then refuses the call (nothing leaves). Error messages never hold text or identifiers.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from avec.config import Settings
from avec.privacy import vault
from avec.privacy.restore import Restorer
from avec.privacy.spans import Span
from avec.privacy.transform import MODES, Pseudonymizer


class PrivacyError(Exception):
    """Pseudonymization could not be done safely; the request must not be sent."""


class SpanDetector(Protocol):
    """What the pipeline needs from detection (``avec.privacy.detection.Detector``)."""

    def detect(self, text: str, patient: Any = None) -> list[Span]: ...


@dataclass
class PseudonymizedChat:
    """What leaves (pseudonymized messages), replacement counts, and the answer's restorer."""

    messages: list[dict[str, Any]]
    replacements: dict[str, int]
    restorer: Restorer
    conversation_id: str


@dataclass(frozen=True)
class _Slot:
    message: int
    part: int | None  # None: the content is a string; else the index of a text part


def _text_slots(messages: list[dict[str, Any]]) -> list[tuple[_Slot, str]]:
    """Every text of every message (string content or text parts of the list form)."""
    slots: list[tuple[_Slot, str]] = []
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            raise PrivacyError(f"message {i} is not an object")
        content = message.get("content")
        if isinstance(content, str):
            slots.append((_Slot(i, None), content))
        elif isinstance(content, list):
            for j, part in enumerate(content):
                if isinstance(part, dict) and part.get("type") == "text":
                    if not isinstance(part.get("text"), str):
                        raise PrivacyError(f"message {i} part {j}: text must be a string")
                    slots.append((_Slot(i, j), part["text"]))
        elif content is not None:
            raise PrivacyError(f"message {i}: unsupported content type")
    return slots


def message_texts(messages: list[dict[str, Any]]) -> list[str]:
    """The texts pseudonymize_chat will treat, in its order (PrivacyError on a shape it refuses)."""
    return [text for _slot, text in _text_slots(messages)]


def _detect(detector: Any, texts: list[str], patient: dict[str, Any] | None) -> list[list[Span]]:
    if hasattr(detector, "detect_many"):
        found = detector.detect_many(texts, [patient] * len(texts))
    else:
        found = [detector.detect(text, patient=patient) for text in texts]
    if len(found) != len(texts) or not all(isinstance(s, Span) for spans in found for s in spans):
        raise TypeError("the detector did not return spans for every text")
    return [list(spans) for spans in found]


def pseudonymize_chat(
    session: Session,
    *,
    detector: Any,
    messages: list[dict[str, Any]],
    patient: dict[str, Any] | None,
    conversation_id: str,
    data_key: bytes,
    mode: str = "surrogate",
    settings: Settings,
) -> PseudonymizedChat:
    """Pseudonymize every text of every message, consistently with the conversation's earlier turns.

    Loads the conversation's mapping from the vault, extends it and saves it in ``session`` (the
    caller commits). Raises :class:`PrivacyError` on any failure.
    """
    if mode not in MODES:
        raise PrivacyError(f"unknown pseudonymization mode {mode!r}")
    slots = _text_slots(messages)
    texts = [text for _, text in slots]
    for (slot, _), text in zip(slots, texts, strict=True):
        if len(text) > settings.privacy_max_chars:
            raise PrivacyError(
                f"message {slot.message} is longer than the limit of {settings.privacy_max_chars} characters"
            )
    try:
        mapping = vault.load_mapping(session, conversation_id=conversation_id, data_key=data_key)
    except vault.VaultError as exc:
        raise PrivacyError(str(exc)) from None
    except Exception as exc:  # the database failing must not let clear text through either
        raise PrivacyError(f"the privacy vault is unavailable ({type(exc).__name__})") from None
    if mapping is not None and mapping.mode != mode:
        raise PrivacyError(f"this conversation is pseudonymized in {mapping.mode} mode, not {mode}")
    try:
        spans = _detect(detector, texts, patient)
    except Exception as exc:  # fail closed whatever went wrong in detection
        raise PrivacyError(f"identifier detection failed ({type(exc).__name__})") from None
    try:
        pseudonymizer = Pseudonymizer(mapping, mode=mode)
        results = pseudonymizer.transform_many(list(zip(texts, spans, strict=True)))
    except Exception as exc:
        raise PrivacyError(f"pseudonymization failed ({type(exc).__name__})") from None
    out = copy.deepcopy(messages)
    counts: Counter[str] = Counter()
    for (slot, _), result in zip(slots, results, strict=True):
        if slot.part is None:
            out[slot.message]["content"] = result.text
        else:
            out[slot.message]["content"][slot.part]["text"] = result.text
        counts.update(result.counts())
    try:
        vault.save_mapping(
            session,
            pseudonymizer.mapping,
            conversation_id=conversation_id,
            data_key=data_key,
            settings=settings,
        )
    except vault.VaultError as exc:
        raise PrivacyError(str(exc)) from None
    except Exception as exc:
        raise PrivacyError(f"the privacy vault is unavailable ({type(exc).__name__})") from None
    return PseudonymizedChat(
        messages=out,
        replacements=dict(sorted(counts.items())),
        restorer=Restorer(pseudonymizer.mapping),
        conversation_id=conversation_id,
    )
