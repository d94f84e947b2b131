"""What will leave the organisation: the pseudonymized request, identifiers highlighted by label.

The preview runs the same steps as the gateway's privacy step for one user message (the
conversation's mapping from the vault, detection, surrogates, mapping saved back), under the
conversation id the workspace then sends with. The real call therefore reuses the same mapping and
sends exactly the text shown here. (``avec.privacy.pipeline.pseudonymize_chat`` does not return
where each surrogate sits, which the highlighting needs, hence the pieces used directly.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from avec.config import Settings
from avec.privacy import vault
from avec.privacy.spans import Span
from avec.privacy.transform import Pseudonymizer


class PreviewUnavailable(Exception):
    """The preview could not be made (the request must not be sent either)."""


@dataclass(frozen=True)
class Segment:
    """A piece of the outgoing text; ``label`` is set for a replaced identifier."""

    text: str
    label: str | None = None


@dataclass
class Preview:
    """The outgoing text in segments, the identifiers found, and whether it is sent in clear."""

    segments: list[Segment]
    spans: list[Span]
    clear_text: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The exact outgoing text."""
        return "".join(s.text for s in self.segments)


def _segments_from(text: str, items: list[tuple[int, int, str, str]]) -> list[Segment]:
    out: list[Segment] = []
    cursor = 0
    for start, end, label, replacement in sorted(items):
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(replacement, label))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def preview_outgoing(
    session: Session,
    *,
    detector: Any,
    text: str,
    conversation_id: str,
    data_key: bytes,
    settings: Settings,
    send_clear_text: bool,
) -> Preview:
    """Pseudonymize ``text`` as the gateway will (saving the conversation's mapping in ``session``)."""
    try:
        spans = list(detector.detect(text))
    except Exception as exc:  # fail closed: no preview, no sending
        raise PreviewUnavailable(f"identifier detection failed ({type(exc).__name__})") from None
    if send_clear_text:
        items = [(s.start, s.end, s.label, text[s.start : s.end]) for s in spans]
        counts: dict[str, int] = {}
        for s in spans:
            counts[s.label] = counts.get(s.label, 0) + 1
        return Preview(_segments_from(text, items), spans, clear_text=True, counts=counts)
    try:
        mapping = vault.load_mapping(session, conversation_id=conversation_id, data_key=data_key)
        pseudonymizer = Pseudonymizer(mapping, mode="surrogate")
        result = pseudonymizer.transform(text, spans)
        vault.save_mapping(
            session,
            pseudonymizer.mapping,
            conversation_id=conversation_id,
            data_key=data_key,
            settings=settings,
        )
    except Exception as exc:
        raise PreviewUnavailable(f"pseudonymization failed ({type(exc).__name__})") from None
    items = [(r.start, r.end, r.label, r.surrogate) for r in result.replacements]
    return Preview(_segments_from(text, items), spans, clear_text=False, counts=result.counts())
