"""Provider for any OpenAI-compatible upstream (vLLM, Ollama, Mistral, Azure OpenAI, LiteLLM…).

One pooled ``aiohttp.ClientSession`` per upstream; timeouts map to 504, connection failures and bad
answers to 502, with messages that never repeat the upstream's body (it may echo content).
aiohttp rather than httpx: under concurrency httpx's pool cost about 3 ms of CPU per call against
0.25 ms for aiohttp (measured at 64 concurrent calls), a quarter of the gateway's CPU under load.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp

from avec.gateway.providers.base import Completion, ProviderError, ProviderRequest, StreamDelta


class OpenAICompatibleProvider:
    """Calls ``POST {base_url}/chat/completions``."""

    name = "openai_compatible"

    def __init__(self, base_url: str, api_key: str = "", *, timeout: float = 60.0, on_premises: bool = False) -> None:
        self.base_url = base_url.rstrip("/")
        self.on_premises = on_premises
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        # Like httpx's timeout: ``timeout`` between two reads (a long stream is fine), 10 s to connect.
        self._timeout = aiohttp.ClientTimeout(total=None, connect=min(10.0, timeout), sock_read=timeout)
        self._url = self.base_url + "/chat/completions"
        self._session: aiohttp.ClientSession | None = None
        self.ready = True

    def _client(self) -> aiohttp.ClientSession:
        # Created on first use, inside the server's event loop (aiohttp binds a session to its loop).
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=200, limit_per_host=200, keepalive_timeout=30)
            self._session = aiohttp.ClientSession(
                headers=self._headers, timeout=self._timeout, connector=connector, raise_for_status=False
            )
        return self._session

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
        if isinstance(exc, TimeoutError):  # aiohttp's timeouts derive from it
            return ProviderError("The AI provider did not answer in time.", status_code=504)
        return ProviderError(f"The AI provider could not be reached ({type(exc).__name__}).", status_code=502)

    async def complete(self, request: ProviderRequest) -> Completion:
        """One non-streaming call."""
        try:
            async with self._client().post(self._url, json=self._body(request, False)) as resp:
                status = resp.status
                raw = await resp.read()
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise self._fail(exc) from None
        if status >= 400:
            raise ProviderError(f"The AI provider answered with HTTP {status}.", status_code=502)
        try:
            data = json.loads(raw)
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
            async with self._client().post(self._url, json=self._body(request, True)) as resp:
                if resp.status >= 400:
                    raise ProviderError(f"The AI provider answered with HTTP {resp.status}.", status_code=502)
                async for raw_line in resp.content:
                    line = raw_line.decode("utf-8", errors="replace").strip()
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
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise self._fail(exc) from None
        yield final

    async def close(self) -> None:
        """Close the connection pool."""
        if self._session is not None:
            await self._session.close()
