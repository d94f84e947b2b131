"""The OpenAI-compatible provider against a real HTTP upstream (uvicorn on a free port).

The upstream here is a test double of a vLLM/Ollama server whose behaviour is chosen by the model
name: a normal answer, a stream with usage, a slow answer, HTTP 500, unreadable JSON, a broken
stream. What is checked is what AVEC promises: the answer and usage as sent, 504 on a timeout, 502
on every other upstream failure, and error messages that never repeat the upstream's body.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from avec.gateway.providers.base import Completion, ProviderError, ProviderRequest, StreamDelta
from avec.gateway.providers.openai_compatible import OpenAICompatibleProvider

SECRET_ECHO = "Mme Jeanne Dupont née le 03/02/1951"  # what a misbehaving upstream might echo
WORDS = ["Le", "bilan", "est", "normal."]


def _chunk(payload: dict[str, Any]) -> bytes:
    return ("data: " + json.dumps(payload) + "\n\n").encode()


async def upstream(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """ASGI upstream whose behaviour depends on the requested model."""
    if scope["type"] != "http":
        return
    body = b""
    more = True
    while more:
        msg = await receive()
        body += msg.get("body", b"")
        more = msg.get("more_body", False)
    request = json.loads(body)
    model = request["model"]
    headers = [(b"content-type", b"application/json")]
    if model == "slow":
        await asyncio.sleep(3)
    if model == "http500":
        await send({"type": "http.response.start", "status": 500, "headers": headers})
        await send({"type": "http.response.body", "body": json.dumps({"error": SECRET_ECHO}).encode()})
        return
    if model == "badjson":
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"{not json " + SECRET_ECHO.encode()})
        return
    if request.get("stream"):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]})
        for word in WORDS:
            delta = {"model": "upstream-v2", "choices": [{"index": 0, "delta": {"content": word + " "}}]}
            await send({"type": "http.response.body", "body": _chunk(delta), "more_body": True})
        if model == "badstream":
            await send({"type": "http.response.body", "body": b"data: {broken\n\n", "more_body": True})
        usage = {"prompt_tokens": len(request["messages"]), "completion_tokens": len(WORDS)}
        await send({"type": "http.response.body", "body": _chunk({"choices": [], "usage": usage}), "more_body": True})
        await send({"type": "http.response.body", "body": b"data: [DONE]\n\n"})
        return
    answer = {
        "model": "upstream-v2",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": " ".join(WORDS)},
                     "finish_reason": "length" if request.get("max_tokens") == 1 else "stop"}],
        "usage": {"prompt_tokens": len(request["messages"]), "completion_tokens": len(WORDS)},
    }
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": json.dumps(answer).encode()})


def _run(coro: Any) -> Any:
    """Run a coroutine on a loop of its own (another test may have left a loop running here)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def upstream_url() -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(upstream, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "test upstream did not start"
    yield f"http://127.0.0.1:{port}/v1"
    server.should_exit = True
    thread.join(timeout=10)


def _request(model: str, **extra: Any) -> ProviderRequest:
    return ProviderRequest(
        upstream_model=model,
        messages=[{"role": "system", "content": "Réponds."}, {"role": "user", "content": "Bilan ?"}],
        **extra,
    )


async def _complete(url: str, model: str, timeout: float = 5.0, **extra: Any) -> Completion:
    provider = OpenAICompatibleProvider(url, "sk-test", timeout=timeout)
    try:
        return await provider.complete(_request(model, **extra))
    finally:
        await provider.close()


async def _stream(url: str, model: str, timeout: float = 5.0) -> tuple[list[str], Completion]:
    provider = OpenAICompatibleProvider(url, "sk-test", timeout=timeout)
    deltas: list[str] = []
    final = Completion("")
    try:
        async for item in provider.stream(_request(model)):
            if isinstance(item, StreamDelta):
                deltas.append(item.text)
            else:
                final = item
    finally:
        await provider.close()
    return deltas, final


def test_completion_carries_answer_usage_and_version(upstream_url: str) -> None:
    done = _run(_complete(upstream_url, "ok"))
    assert done.text == " ".join(WORDS)
    assert (done.prompt_tokens, done.completion_tokens) == (2, len(WORDS))
    assert done.model_version == "upstream-v2"
    assert done.finish_reason == "stop"
    assert _run(_complete(upstream_url, "ok", max_tokens=1)).finish_reason == "length"


def test_stream_yields_deltas_then_usage(upstream_url: str) -> None:
    deltas, final = _run(_stream(upstream_url, "ok"))
    assert "".join(deltas).split() == WORDS
    assert (final.prompt_tokens, final.completion_tokens) == (2, len(WORDS))
    assert final.model_version == "upstream-v2"


@pytest.mark.parametrize(
    ("model", "status"),
    [("http500", 502), ("badjson", 502)],
)
def test_upstream_failures_are_502_without_the_upstream_body(upstream_url: str, model: str, status: int) -> None:
    with pytest.raises(ProviderError) as err:
        _run(_complete(upstream_url, model))
    assert err.value.status_code == status
    assert "Dupont" not in str(err.value) and "1951" not in str(err.value)


def test_broken_stream_is_502(upstream_url: str) -> None:
    with pytest.raises(ProviderError) as err:
        _run(_stream(upstream_url, "badstream"))
    assert err.value.status_code == 502


def test_slow_upstream_is_504(upstream_url: str) -> None:
    started = time.monotonic()
    with pytest.raises(ProviderError) as err:
        _run(_complete(upstream_url, "slow", timeout=0.5))
    assert err.value.status_code == 504
    assert time.monotonic() - started < 2.5  # gave up at the timeout, not when the upstream answered
    with pytest.raises(ProviderError) as err:
        _run(_stream(upstream_url, "slow", timeout=0.5))
    assert err.value.status_code == 504


def test_unreachable_upstream_is_502() -> None:
    closed = f"http://127.0.0.1:{_free_port()}/v1"  # nothing listens there
    with pytest.raises(ProviderError) as err:
        _run(_complete(closed, "ok"))
    assert err.value.status_code == 502
    assert "could not be reached" in str(err.value)
