"""Provider for any OpenAI-compatible upstream (vLLM, Ollama, Mistral, Azure OpenAI, LiteLLM…).

One pooled ``httpx.AsyncClient`` per upstream; timeouts map to 504, connection failures and bad
answers to 502, with messages that never repeat the upstream's body (it may echo content).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from avec.gateway.providers.base import Completion, ProviderError, ProviderRequest, StreamDelta


class OpenAICompatibleProvider:
    """Calls ``POST {base_url}/chat/completions``."""

    name = "openai_compatible"

    def __init__(self, base_url: str, api_key: str = "", *, timeout: float = 60.0, on_premises: bool = False) -> None:
        self.base_url = base_url.rstrip("/")
        self.on_premises = on_premises
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=100),
        )
        self.ready = True

    def _body(self, request: ProviderRequest, stream: bool) -> dict[str, Any]:
        body: dict[str, Any] = {"model": request.upstream_model, "messages": request.messages}
        if request.max_tokens is not None:
            body["max_tokens"] = request.max_tokens
        if request.temperature is not None:
            body["temperature"] = request.temperature
        if request.top_p is not None:
            body["top_p"] = request.top_p
        if request.stop:
            body["stop"] = request.stop
        body.update(request.extra)
        if stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        return body

    @staticmethod
    def _fail(exc: Exception) -> ProviderError:
        if isinstance(exc, httpx.TimeoutException):
            return ProviderError("The AI provider did not answer in time.", status_code=504)
        return ProviderError(f"The AI provider could not be reached ({type(exc).__name__}).", status_code=502)

    async def complete(self, request: ProviderRequest) -> Completion:
        """One non-streaming call."""
        try:
            resp = await self._client.post("/chat/completions", json=self._body(request, False))
        except httpx.HTTPError as exc:
            raise self._fail(exc) from None
        if resp.status_code >= 400:
            raise ProviderError(f"The AI provider answered with HTTP {resp.status_code}.", status_code=502)
        try:
            data = resp.json()
            choice = data["choices"][0]
            usage = data.get("usage") or {}
            return Completion(
                text=choice["message"].get("content") or "",
                prompt_tokens=int(usage.get("prompt_tokens", 0)),
                completion_tokens=int(usage.get("completion_tokens", 0)),
                finish_reason=choice.get("finish_reason") or "stop",
                model_version=data.get("model"),
            )
        except (ValueError, KeyError, IndexError, TypeError):
            raise ProviderError("The AI provider sent an answer AVEC cannot read.", status_code=502) from None

    async def stream(self, request: ProviderRequest) -> AsyncIterator[StreamDelta | Completion]:
        """Stream an upstream SSE answer; the last item is a Completion with usage."""
        final = Completion("")
        try:
            async with self._client.stream("POST", "/chat/completions", json=self._body(request, True)) as resp:
                if resp.status_code >= 400:
                    raise ProviderError(f"The AI provider answered with HTTP {resp.status_code}.", status_code=502)
                async for line in resp.aiter_lines():
                    if not line.startswith("data:"):
                        continue
                    payload = line[5:].strip()
                    if payload == "[DONE]":
                        break
                    try:
                        chunk = json.loads(payload)
                    except ValueError:
                        raise ProviderError("The AI provider sent a malformed stream.", status_code=502) from None
                    final.model_version = chunk.get("model") or final.model_version
                    usage = chunk.get("usage")
                    if usage:
                        final.prompt_tokens = int(usage.get("prompt_tokens", 0))
                        final.completion_tokens = int(usage.get("completion_tokens", 0))
                    for choice in chunk.get("choices") or []:
                        text = (choice.get("delta") or {}).get("content")
                        if text:
                            yield StreamDelta(text)
                        if choice.get("finish_reason"):
                            final.finish_reason = choice["finish_reason"]
        except httpx.HTTPError as exc:
            raise self._fail(exc) from None
        yield final

    async def close(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()
