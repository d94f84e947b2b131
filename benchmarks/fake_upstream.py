"""A fake OpenAI-compatible upstream that answers instantly (to measure a gateway's own overhead).

Raw ASGI on uvicorn (no framework) so that it costs as little CPU as possible. Non-streaming and
streaming (SSE with usage). Run: ``python benchmarks/fake_upstream.py PORT``.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

ANSWER = "Voici une réponse courte et immédiate du faux serveur."


def _completion(model: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": ANSWER}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 12, "completion_tokens": 11, "total_tokens": 23},
        }
    ).encode()


def _stream(model: str) -> bytes:
    base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()), "model": model}
    parts = []
    for word in ANSWER.split(" "):
        chunk = {**base, "choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}]}
        parts.append("data: " + json.dumps(chunk) + "\n\n")
    parts.append(
        "data: " + json.dumps({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}) + "\n\n"
    )
    parts.append(
        "data: "
        + json.dumps(
            {**base, "choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 11, "total_tokens": 23}}
        )
        + "\n\n"
    )
    parts.append("data: [DONE]\n\n")
    return "".join(parts).encode()


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """ASGI entry point."""
    if scope["type"] != "http":
        return
    body = b""
    more = True
    while more:
        msg = await receive()
        body += msg.get("body", b"")
        more = msg.get("more_body", False)
    if scope["path"].endswith("/models"):
        payload, ctype = (
            json.dumps({"object": "list", "data": [{"id": "fake", "object": "model"}]}).encode(),
            b"application/json",
        )
    else:
        req = json.loads(body or b"{}")
        model = req.get("model", "fake")
        if req.get("stream"):
            payload, ctype = _stream(model), b"text/event-stream"
        else:
            payload, ctype = _completion(model), b"application/json"
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", ctype), (b"content-length", str(len(payload)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": payload})


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
