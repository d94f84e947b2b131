"""Prompt hints (table-driven) and the preview: exactly the text the gateway's privacy step then sends."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from avec.config import Settings, load_secrets
from avec.privacy.spans import Span
from avec.review.preview import preview_outgoing
from avec.review.prompt_hints import prompt_hints

GOOD = "Contexte : patiente de 82 ans en EHPAD. Tâche : rédige une note de transmission. Format : 5 lignes."


@pytest.mark.parametrize(
    ("text", "missing", "present"),
    [
        (GOOD, set(), {"task", "context", "format"}),
        ("Fais un truc sur la tension", {"too_short", "task", "context", "format", "vague"}, set()),
        ("Résume ce compte rendu pour le médecin traitant en 10 lignes maximum.", set(), {"task", "format"}),
        (
            "Reformule pour une patiente âgée, avec des mots simples et des phrases courtes.",
            set(),
            {"task", "context", "format"},
        ),
        ("Traduis en anglais la consigne de sortie pour un patient, etc.", {"vague", "format"}, {"task", "context"}),
        ("REDIGE une lettre pour la famille du résident, une page.", set(), {"task", "context", "format"}),
    ],
)
def test_hints(text: str, missing: set[str], present: set[str]) -> None:
    hints = {h.code: h for h in prompt_hints(text)}
    for code in missing:
        assert code in hints and not hints[code].ok, (code, text)
    for code in present:
        assert hints[code].ok, (code, text)


def test_identifier_hint_counts_labels() -> None:
    spans = [Span(0, 3, "NOM"), Span(4, 8, "NOM"), Span(9, 19, "TEL")]
    hint = next(h for h in prompt_hints("abc defg 0612345678", spans) if h.code == "identifiers")
    assert hint.detail == "NOM ×2, TEL ×1"
    assert not any(h.code == "identifiers" for h in prompt_hints(GOOD, []))


@pytest.mark.slow
def test_preview_is_exactly_what_the_privacy_step_sends(settings: Settings, sessions: sessionmaker[Session]) -> None:
    from avec.privacy.detection import Detector
    from avec.privacy.pipeline import pseudonymize_chat

    detector = Detector.default()
    key = load_secrets(settings).data_key
    text = "Contexte : M. Paul Martin, né le 03/02/1950, tél 06 11 22 33 44. Tâche : résume son séjour en 5 lignes."
    with sessions() as session, session.begin():
        preview = preview_outgoing(
            session,
            detector=detector,
            text=text,
            conversation_id="ws_same",
            data_key=key,
            settings=settings,
            send_clear_text=False,
        )
    labelled = [s for s in preview.segments if s.label]
    assert {s.label for s in labelled} >= {"NOM", "TEL"}
    assert "Martin" not in preview.text and "06 11 22 33 44" not in preview.text
    with sessions() as session, session.begin():
        sent = pseudonymize_chat(
            session,
            detector=detector,
            messages=[{"role": "user", "content": text}],
            patient=None,
            conversation_id="ws_same",
            data_key=key,
            settings=settings,
        )
    assert sent.messages[0]["content"] == preview.text
    with sessions() as session, session.begin():
        clear = preview_outgoing(
            session,
            detector=detector,
            text=text,
            conversation_id="ws_clear",
            data_key=key,
            settings=settings,
            send_clear_text=True,
        )
    assert clear.clear_text and clear.text == text and any(s.label for s in clear.segments)
