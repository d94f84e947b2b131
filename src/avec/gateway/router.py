"""OpenAI wire-compatible API: ``POST /v1/chat/completions`` (plain and SSE) and ``GET /v1/models``."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError

from avec.accounts.deps import ApiPrincipal
from avec.accounts.schemas import Principal
from avec.gateway import pipeline
from avec.gateway.errors import GatewayError, error_body
from avec.gateway.providers.base import Completion, ProviderError
from avec.gateway.schemas import ChatCompletionRequest
from avec.registry import policy

router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"])


async def _read_request(request: Request, principal: Principal) -> ChatCompletionRequest:
    settings = request.app.state.settings
    allowed, wait = request.app.state.rate_limiter.allow(f"key:{principal.key_id}:{principal.user_id}")
    if not allowed:
        raise GatewayError(429, f"Rate limit reached for this API key; retry in {wait:.1f} s.",
                           code="rate_limit_exceeded", headers={"Retry-After": str(max(1, round(wait)))})
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_request_bytes:
        raise GatewayError(413, f"Request body too large (limit {settings.max_request_bytes} bytes).",
                           code="request_too_large")
    raw = await request.body()
    if len(raw) > settings.max_request_bytes:
        raise GatewayError(413, f"Request body too large (limit {settings.max_request_bytes} bytes).",
                           code="request_too_large")
    try:
        body = json.loads(raw)
    except ValueError:
        raise GatewayError(400, "The request body is not valid JSON.", code="invalid_json") from None
    if not isinstance(body, dict):
        raise GatewayError(400, "The request body must be a JSON object.", code="invalid_json")
    try:
        req = ChatCompletionRequest.model_validate(body)
    except ValidationError as exc:
        err = exc.errors()[0]
        param = ".".join(str(p) for p in err["loc"])
        raise GatewayError(400, f"Invalid request: {param}: {err['msg']}", code="invalid_request",
                           param=param) from None
    if not req.avec.use_case and request.headers.get("x-avec-use-case"):
        req.avec.use_case = request.headers["x-avec-use-case"].strip()
    return req


def _avec_headers(state: Any, public_id: str, review_status: str) -> dict[str, str]:
    return {
        "X-AVEC-Interaction-Id": public_id,
        "X-AVEC-Review-Status": review_status,
        "X-AVEC-Review-Url": pipeline.review_url(state, public_id),
    }


def _avec_field(state: Any, public_id: str, review_status: str) -> dict[str, str]:
    return {"interaction_id": public_id, "review_status": review_status,
            "review_url": pipeline.review_url(state, public_id)}


def _usage(c: Completion) -> dict[str, int]:
    return {"prompt_tokens": c.prompt_tokens, "completion_tokens": c.completion_tokens,
            "total_tokens": c.prompt_tokens + c.completion_tokens}


@router.post("/chat/completions")
async def chat_completions(request: Request, principal: ApiPrincipal) -> Any:
    """Chat completion through AVEC's path (policy, pseudonymization, provider, restore, ledger, review)."""
    req = await _read_request(request, principal)
    state = request.app.state
    if not req.stream:
        result = await pipeline.run_chat(state, principal, req, channel="api")
        body = {
            "id": "chatcmpl-" + result.public_id[4:],
            "object": "chat.completion",
            "created": result.created,
            "model": result.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": result.text},
                         "finish_reason": result.completion.finish_reason, "logprobs": None}],
            "usage": _usage(result.completion),
            "avec": _avec_field(state, result.public_id, result.review_status),
        }
        return JSONResponse(body, headers=_avec_headers(state, result.public_id, result.review_status))
    streamed = await pipeline.stream_chat(state, principal, req, channel="api")
    include_usage = bool(req.stream_options and req.stream_options.include_usage)
    headers = _avec_headers(state, streamed.prep.public_id, "pending")
    return StreamingResponse(
        _sse(state, streamed, include_usage), media_type="text/event-stream",
        headers={**headers, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _sse(state: Any, streamed: pipeline.StreamedChat, include_usage: bool) -> AsyncIterator[str]:
    public_id = streamed.prep.public_id
    base = {"id": "chatcmpl-" + public_id[4:], "object": "chat.completion.chunk", "created": int(time.time()),
            "model": streamed.prep.system_slug}

    def chunk(choices: list[dict[str, Any]], **extra: Any) -> str:
        return "data: " + json.dumps({**base, "choices": choices, **extra}, ensure_ascii=False) + "\n\n"

    yield chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
    try:
        async for item in streamed.events:
            if isinstance(item, str):
                yield chunk([{"index": 0, "delta": {"content": item}, "finish_reason": None}])
            else:
                yield chunk([{"index": 0, "delta": {}, "finish_reason": item.finish_reason}],
                            avec=_avec_field(state, public_id, "pending"))
                if include_usage:
                    yield chunk([], usage=_usage(item))
    except (ProviderError, GatewayError) as exc:
        status = exc.status_code
        yield "data: " + json.dumps(error_body(status, exc.message, "provider_error")) + "\n\n"
        return
    yield "data: [DONE]\n\n"


@router.get("/models")
async def list_models(request: Request, principal: ApiPrincipal) -> dict[str, Any]:
    """The AI systems the caller may use."""

    def load() -> list[dict[str, Any]]:
        with request.app.state.sessions() as session:
            return [
                {"id": s.slug, "object": "model", "created": int(s.created_at.timestamp()),
                 "owned_by": s.vendor or "avec"}
                for s in policy.allowed_systems(session, principal)
            ]

    return {"object": "list", "data": await asyncio.to_thread(load)}
