"""The real server driven by the official ``openai`` SDK, against the embedded model."""

from __future__ import annotations

import httpx
import openai
import pytest
from sqlalchemy import select

from avec.cli_support import open_sessions
from avec.gateway.models import Interaction, InteractionContent

USE_CASE = "plain-language-rewrite"
MODEL = "gemma-3-270m-embedded"
PROMPT = "Reformule en langage simple : « bilan lipidique normal, pas de traitement ».\nFormat : 2 phrases."


@pytest.fixture
def client(live_server):
    return openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=live_server.key_for("sdk.user"),
                         max_retries=0, timeout=120)


def _interaction(live_server, public_id):
    with open_sessions(live_server.settings) as tx:
        row = tx.scalar(select(Interaction).where(Interaction.public_id == public_id))
        content = tx.get(InteractionContent, row.id)
        return row, content


def test_models_list_shows_the_approved_embedded_system(client):
    ids = [m.id for m in client.models.list().data]
    assert MODEL in ids


def test_non_streaming_completion_is_answered_and_recorded(client, live_server):
    raw = client.chat.completions.with_raw_response.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], max_tokens=40,
        extra_body={"avec": {"use_case": USE_CASE}},
    )
    completion = raw.parse()
    text = completion.choices[0].message.content
    assert text and text.strip()
    assert completion.usage.completion_tokens > 0 and completion.usage.prompt_tokens > 0
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens
    avec = completion.model_extra["avec"]
    assert avec["review_status"] == "pending"
    assert raw.headers["x-avec-interaction-id"] == avec["interaction_id"]
    assert avec["review_url"].endswith(avec["interaction_id"])
    row, content = _interaction(live_server, avec["interaction_id"])
    assert row.status == "completed" and row.use_case_slug == USE_CASE and row.channel == "api"
    assert row.completion_tokens == completion.usage.completion_tokens
    assert row.model_version and row.latency_ms > 0
    assert content.answer_enc and text.encode() not in content.answer_enc  # stored encrypted


def test_streaming_completion_with_usage(client, live_server):
    with client.chat.completions.with_streaming_response.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], max_tokens=40, stream=True,
        stream_options={"include_usage": True}, extra_body={"avec": {"use_case": USE_CASE}},
    ) as response:
        interaction_id = response.headers["x-avec-interaction-id"]
        pieces, usage = [], None
        for chunk in response.parse():
            if chunk.usage:
                usage = chunk.usage
            for choice in chunk.choices:
                if choice.delta.content:
                    pieces.append(choice.delta.content)
    assert "".join(pieces).strip()
    assert usage is not None and usage.completion_tokens > 0
    row, _content = _interaction(live_server, interaction_id)
    assert row.status == "completed" and row.stream is True


def test_use_case_header_is_accepted(live_server):
    key = live_server.key_for("sdk.header")
    c = openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=key, max_retries=0,
                      default_headers={"X-AVEC-Use-Case": USE_CASE}, timeout=120)
    out = c.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": PROMPT}], max_tokens=10)
    assert out.model_extra["avec"]["interaction_id"].startswith("int_")


def test_missing_or_bad_key_is_401(live_server):
    for key in ("avec_nothing_here", "not-a-key"):
        c = openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=key, max_retries=0)
        with pytest.raises(openai.AuthenticationError) as err:
            c.models.list()
        assert err.value.status_code == 401
    resp = httpx.post(live_server.base_url + "/v1/chat/completions", json={})
    assert resp.status_code == 401 and resp.json()["error"]["type"] == "authentication_error"


def test_revoked_key_is_refused(live_server):
    from avec.accounts import service as accounts

    key = live_server.key_for("sdk.revoked")
    c = openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=key, max_retries=0)
    with open_sessions(live_server.settings) as tx:
        principal = accounts.resolve_api_key(tx, key)
        accounts.revoke_api_key(tx, principal.key_id)
    import time

    time.sleep(5.5)  # other processes' key cache lives 5 s
    with pytest.raises(openai.AuthenticationError):
        c.models.list()


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"model": "no-such-model", "extra_body": {"avec": {"use_case": USE_CASE}}}, "Unknown model"),
        ({"model": MODEL}, "Missing use case"),
        ({"model": MODEL, "extra_body": {"avec": {"use_case": "no-such-case"}}}, "Unknown use case"),
    ],
)
def test_bad_requests_are_400(client, kwargs, needle):
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(messages=[{"role": "user", "content": "Bonjour"}], **kwargs)
    assert needle in err.value.message


def test_malformed_body_is_400(live_server):
    key = live_server.key_for("sdk.malformed")
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    url = live_server.base_url + "/v1/chat/completions"
    resp = httpx.post(url, content=b"{not json", headers=headers)
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "invalid_json"
    resp = httpx.post(url, json={"model": MODEL, "messages": []}, headers=headers)
    assert resp.status_code == 400 and resp.json()["error"]["param"] == "messages"


def test_oversized_body_is_413(client):
    with pytest.raises(openai.APIStatusError) as err:
        client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "x" * 70_000}],
            extra_body={"avec": {"use_case": USE_CASE}},
        )
    assert err.value.status_code == 413 and "too large" in err.value.message


def test_rate_limit_is_429(live_server):
    c = openai.OpenAI(base_url=live_server.base_url + "/v1", api_key=live_server.key_for("sdk.burst"),
                      max_retries=0)
    seen = []
    for _ in range(12):
        try:
            c.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "x"}])
        except openai.RateLimitError as exc:
            seen.append(exc)
            break
        except openai.BadRequestError:
            continue
    assert seen, "no 429 after 12 quick requests with a burst of 8"
    assert seen[0].response.headers.get("retry-after")


def test_health_probes(live_server):
    assert httpx.get(live_server.base_url + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(live_server.base_url + "/readyz").json()
    assert ready["checks"] == {"database": "ok", "provider": "ok"}


def test_on_premises_clear_text_use_case_skips_pseudonymization(client, live_server):
    from avec.registry.models import UseCase, UseCaseSystem
    from avec.registry.policy import find_system, find_use_case

    with open_sessions(live_server.settings) as tx:
        if find_use_case(tx, "internal-clear") is None:
            system = find_system(tx, MODEL)
            uc = UseCase(slug="internal-clear", title="Usage interne en clair", description="", risk_level="low",
                         patient_data_allowed=True, clear_text_allowed=True, allowed_roles=[],
                         required_modules=[], review_required=True, second_reading_share=0.0,
                         prompt_templates=[], patient_information="", embedded_frame="", active=True)
            uc.systems.append(UseCaseSystem(ai_system_id=system.id))
            tx.add(uc)
    out = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], max_tokens=20,
        extra_body={"avec": {"use_case": "internal-clear"}},
    )
    row, content = _interaction(live_server, out.model_extra["avec"]["interaction_id"])
    assert row.pseudonymized is False and row.replacements == {}
    assert row.status == "completed" and row.review_status == "pending"
    assert content.original_enc and b"lipidique" not in content.original_enc


def test_access_log_names_routes_without_content_or_ids(client, live_server):
    import json as _json

    out = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": PROMPT}], max_tokens=5,
        extra_body={"avec": {"use_case": USE_CASE}},
    )
    lines = [_json.loads(line) for line in live_server.log_path.read_text().splitlines() if line.startswith("{")]
    access = [e for e in lines if e.get("logger") == "avec.access"]
    assert any(e["route"] == "/v1/chat/completions" and e["status"] == 200 for e in access)
    text = live_server.log_path.read_text()
    assert "lipidique" not in text and out.model_extra["avec"]["interaction_id"] not in text
