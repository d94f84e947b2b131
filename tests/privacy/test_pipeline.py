"""Gateway-facing pseudonymize_chat with the real detector: what leaves, consistency, fail closed."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from avec.config import Settings, load_secrets
from avec.db import transaction
from avec.privacy.models import VaultEntry
from avec.privacy.pipeline import PrivacyError, pseudonymize_chat
from avec.privacy.spans import Span

PATIENT = {
    "last_name": "Dupont",
    "first_names": "Jeanne",
    "birth_date": "1984-03-12",
    "nir": "284037512345640",
}
FIRST = (
    "Résume : Mme Jeanne DUPONT, née le 12/03/1984, NIR 2 84 03 75 123 456 40, tél. 06 12 34 56 78, "
    "hospitalisée au CHU de Lyon du 1er avril 2024 au 12 avril 2024."
)
IDENTIFIERS = (
    "Jeanne",
    "DUPONT",
    "Dupont",
    "12/03/1984",
    "2 84 03 75 123 456 40",
    "06 12 34 56 78",
    "Lyon",
    "1er avril 2024",
    "12 avril 2024",
)


def _call(
    session: Session,
    settings: Settings,
    detector: Any,
    messages: list[dict[str, Any]],
    conversation_id: str = "conv-1",
    mode: str = "surrogate",
) -> Any:
    return pseudonymize_chat(
        session,
        detector=detector,
        messages=messages,
        patient=PATIENT,
        conversation_id=conversation_id,
        data_key=load_secrets(settings).data_key,
        mode=mode,
        settings=settings,
    )


def _all_text(messages: list[dict[str, Any]]) -> str:
    out = []
    for m in messages:
        content = m["content"]
        out.extend([content] if isinstance(content, str) else [p.get("text", "") for p in content])
    return "\n".join(out)


def test_nothing_identifying_leaves_and_the_answer_is_restored(
    settings: Settings, sessions: sessionmaker[Session], detector: Any
) -> None:
    messages = [{"role": "system", "content": "Tu es un assistant."}, {"role": "user", "content": FIRST}]
    with transaction(sessions) as session:
        result = _call(session, settings, detector, messages)
    sent = _all_text(result.messages)
    for value in IDENTIFIERS:
        assert value not in sent, value
    assert messages[1]["content"] == FIRST  # the caller's messages are not modified
    assert result.messages[0] == messages[0]
    assert result.replacements["NOM"] >= 1 and result.replacements["SECU"] == 1 and result.replacements["TEL"] == 1
    # a model answer quoting what it received comes back with the real identifiers, streamed too
    answer = "Synthèse : " + result.messages[1]["content"]
    assert result.restorer.restore(answer) == "Synthèse : " + FIRST
    stream = result.restorer.stream()
    pieces = [stream.feed(answer[i : i + 7]) for i in range(0, len(answer), 7)]
    assert "".join(pieces) + stream.flush() == "Synthèse : " + FIRST


def test_later_turns_reuse_the_same_surrogates(
    settings: Settings, sessions: sessionmaker[Session], detector: Any
) -> None:
    with transaction(sessions) as session:
        first = _call(session, settings, detector, [{"role": "user", "content": FIRST}])
    answer = "Mme Dupont est sortie le 12 avril 2024."
    second_turn: list[dict[str, Any]] = [
        {"role": "user", "content": FIRST},
        {"role": "assistant", "content": answer},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Écris à Jeanne DUPONT."},
                {"type": "image_url", "image_url": {"url": "data:,"}},
            ],
        },
    ]
    with transaction(sessions) as session:
        second = _call(session, settings, detector, second_turn)
    assert second.messages[0]["content"] == first.messages[0]["content"]  # history pseudonymized identically
    assert "Dupont" not in _all_text(second.messages) and "Jeanne" not in _all_text(second.messages)
    assert second.messages[2]["content"][1] == second_turn[2]["content"][1]  # non-text parts untouched
    letter = second.messages[2]["content"][0]["text"]
    assert first.restorer.restore(letter) == "Écris à Jeanne DUPONT."  # same surrogates as in turn 1
    with transaction(sessions) as session:
        assert session.scalar(select(func.count()).select_from(VaultEntry)) == 1


def test_placeholder_mode(settings: Settings, sessions: sessionmaker[Session], detector: Any) -> None:
    with transaction(sessions) as session:
        result = _call(session, settings, detector, [{"role": "user", "content": FIRST}], mode="placeholder")
    sent = result.messages[0]["content"]
    assert "[NOM_1]" in sent and "[PRENOM_1]" in sent and "[SECU_1]" in sent
    assert result.restorer.restore("[PRENOM_1] [NOM_1]") == "Jeanne DUPONT"
    with transaction(sessions) as session, pytest.raises(PrivacyError, match="placeholder mode"):
        _call(session, settings, detector, [{"role": "user", "content": FIRST}])


class _BrokenDetector:
    def detect(self, text: str, patient: Any = None) -> list[Span]:
        raise RuntimeError("model crashed")


class _WrongDetector:
    def detect(self, text: str, patient: Any = None) -> list[Span]:
        return [Span(0, len(text) + 10, "NOM")]


@pytest.mark.parametrize("broken", [_BrokenDetector(), _WrongDetector()])
def test_fails_closed_when_detection_fails(settings: Settings, sessions: sessionmaker[Session], broken: Any) -> None:
    with transaction(sessions) as session:
        with pytest.raises(PrivacyError) as caught:
            _call(session, settings, broken, [{"role": "user", "content": FIRST}])
        assert "DUPONT" not in str(caught.value) and caught.value.__cause__ is None
        assert session.scalar(select(func.count()).select_from(VaultEntry)) == 0


def test_fails_closed_on_bad_messages_and_oversized_text(
    settings: Settings, sessions: sessionmaker[Session], detector: Any
) -> None:
    small = settings.model_copy(update={"privacy_max_chars": 50})
    with transaction(sessions) as session:
        with pytest.raises(PrivacyError, match="longer than the limit"):
            _call(session, small, detector, [{"role": "user", "content": FIRST}])
        with pytest.raises(PrivacyError, match="unsupported content"):
            _call(session, settings, detector, [{"role": "user", "content": 42}])
        with pytest.raises(PrivacyError, match="unknown pseudonymization mode"):
            _call(session, settings, detector, [{"role": "user", "content": FIRST}], mode="clear")
