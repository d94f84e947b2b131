"""The one path every request takes (DESIGN.md), shared by the API and the web workspace.

    accounts  -> the caller is authenticated before we get here (Principal)
    registry  -> policy.check: system approved, use case allowed, role, training, patient data
    privacy   -> pseudonymize what leaves (privacy_step), restore the answer
    gateway   -> the provider call (embedded llama.cpp or OpenAI-compatible upstream)
    metrics   -> tokens, latency, energy, carbon (recording.py)
    ledger    -> the interaction and its ledger entry commit together (recording.py)
    review    -> the output is a draft, review_status "pending", until a person decides
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from avec.accounts.schemas import Principal
from avec.gateway import privacy_step, recording
from avec.gateway.errors import GatewayError
from avec.gateway.policy_cache import CachedDecision, PolicyCache
from avec.gateway.providers.base import Completion, ProviderError, ProviderRequest, StreamDelta
from avec.gateway.schemas import ChatCompletionRequest
from avec.registry import policy
from avec.registry.models import AISystem, UseCase


@dataclass
class Prepared:
    """A call that passed the policy and the privacy step, ready for the provider."""

    public_id: str
    principal: Principal
    request: ChatCompletionRequest
    channel: str
    decision: policy.PolicyDecision
    system_slug: str
    provider_name: str
    base_url: str | None
    upstream_model: str | None
    frame: str
    conversation_id: str
    original_json: str
    privacy: privacy_step.PrivacyOutcome
    system: Any = None  # detached AI system row from the policy decision (read-only use)
    started: float = field(default_factory=time.perf_counter)

    @property
    def sent_json(self) -> str:
        """The messages as sent to the provider (pseudonymized), canonical JSON."""
        return json.dumps(self.privacy.messages, ensure_ascii=False, sort_keys=True)


@dataclass
class ChatResult:
    """A delivered (restored) answer and how it was recorded."""

    public_id: str
    text: str
    completion: Completion
    model: str
    review_status: str
    created: int


def review_url(state: Any, public_id: str) -> str:
    """Where a person reviews this output."""
    return f"{state.settings.base_url}/interactions/{public_id}"


def _messages(req: ChatCompletionRequest) -> list[dict[str, Any]]:
    return [m.model_dump(exclude_none=True) for m in req.messages]


def _decide(state: Any, session: Any, principal: Principal, req: ChatCompletionRequest) -> CachedDecision:
    key = (principal.user_id, principal.roles, req.model, req.avec.use_case, bool(req.avec.patient))
    cache: PolicyCache | None = getattr(state, "policy_cache", None)
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        return cached
    decision = policy.check(
        session, principal=principal, model=req.model, use_case_slug=req.avec.use_case,
        has_patient_data=bool(req.avec.patient), base_url=state.settings.base_url,
    )
    system = session.get(AISystem, decision.system_id)
    use_case = session.get(UseCase, decision.use_case_id)
    assert system is not None and use_case is not None
    result = CachedDecision(decision, system.slug, system.provider, system.base_url, system.upstream_model,
                            system.model, use_case.embedded_frame, system)
    if cache is not None:
        cache.put(key, result)
    return result


def _prepare_sync(state: Any, principal: Principal, req: ChatCompletionRequest, channel: str) -> Prepared:
    public_id = "int_" + uuid.uuid4().hex
    conversation_id = req.avec.conversation_id or public_id
    messages = _messages(req)
    with getattr(state, "read_sessions", state.sessions)() as session:
        allowed = _decide(state, session, principal, req)
    # The vault key is scoped to the caller: a conversation id chosen by one user must never
    # give access to another user's mapping (which would restore their patient's identifiers).
    outcome = privacy_step.pseudonymize(
        state, state.sessions, messages=messages, patient=req.avec.patient,
        conversation_id=f"u{principal.user_id}:{conversation_id}",
        new_conversation=req.avec.conversation_id is None,
        send_clear_text=allowed.decision.send_clear_text,
    )
    upstream = state.settings.upstreams.get(allowed.system_slug)
    return Prepared(
        public_id=public_id, principal=principal, request=req, channel=channel, decision=allowed.decision,
        system_slug=allowed.system_slug, provider_name=allowed.provider, base_url=allowed.base_url,
        upstream_model=allowed.upstream_model or (upstream.model if upstream else None) or allowed.model,
        frame=allowed.frame, conversation_id=conversation_id,
        original_json=json.dumps(messages, ensure_ascii=False, sort_keys=True), privacy=outcome,
        system=allowed.system,
    )


async def prepare(state: Any, principal: Principal, req: ChatCompletionRequest, channel: str) -> Prepared:
    """Policy then privacy; a refusal is recorded (interaction + ledger) and raised as a GatewayError."""
    try:
        return await asyncio.to_thread(_prepare_sync, state, principal, req, channel)
    except policy.PolicyRefusal as refusal:
        await recording.record_refusal(state, principal, req, channel, refusal)
        raise GatewayError(refusal.status_code, refusal.message, code=refusal.code) from None
    except privacy_step.PrivacyUnavailable as exc:
        raise GatewayError(503, str(exc), code="pseudonymization_failed") from None


def _provider_request(prep: Prepared) -> ProviderRequest:
    req = prep.request
    return ProviderRequest(
        messages=prep.privacy.messages, max_tokens=req.output_limit(), temperature=req.temperature,
        top_p=req.top_p, stop=req.stops(), upstream_model=prep.upstream_model, frame=prep.frame,
    )


async def run_chat(state: Any, principal: Principal, req: ChatCompletionRequest, *, channel: str) -> ChatResult:
    """Non-streaming call through the whole path; returns only once the interaction is durably recorded."""
    prep = await prepare(state, principal, req, channel)
    provider = _provider(state, prep)
    upstream_started = time.perf_counter()
    try:
        completion = await provider.complete(_provider_request(prep))
    except ProviderError as exc:
        await recording.record_failure(state, prep, exc)
        raise GatewayError(exc.status_code, exc.message, code="provider_error") from None
    upstream_s = time.perf_counter() - upstream_started
    answer = prep.privacy.restorer.restore(completion.text)
    await recording.record_completion(state, prep, completion, answer, upstream_s)
    return ChatResult(prep.public_id, answer, completion, prep.system_slug, "pending", int(time.time()))


def _provider(state: Any, prep: Prepared) -> Any:
    try:
        return state.providers.for_system(prep.system_slug, prep.provider_name, prep.base_url)
    except ProviderError as exc:
        raise GatewayError(exc.status_code, exc.message, code="provider_unavailable") from None


@dataclass
class StreamedChat:
    """A streaming call: its id (for headers) and the restored text deltas, then the final completion."""

    prep: Prepared
    events: AsyncIterator[str | Completion]


async def stream_chat(state: Any, principal: Principal, req: ChatCompletionRequest, *, channel: str) -> StreamedChat:
    """Streaming call: the interaction is recorded (status 'streaming') before any text goes out."""
    prep = await prepare(state, principal, req, channel)
    provider = _provider(state, prep)
    await recording.record_stream_start(state, prep)

    async def events() -> AsyncIterator[str | Completion]:
        restorer = prep.privacy.restorer.stream()
        received: list[str] = []
        delivered: list[str] = []
        upstream_started = time.perf_counter()
        final = Completion("")
        try:
            async for item in provider.stream(_provider_request(prep)):
                if isinstance(item, StreamDelta):
                    received.append(item.text)
                    out = restorer.feed(item.text)
                    if out:
                        delivered.append(out)
                        yield out
                else:
                    final = item
        except ProviderError as exc:
            await recording.record_failure(state, prep, exc, streaming=True)
            raise
        tail = restorer.flush()
        if tail:
            delivered.append(tail)
            yield tail
        final.text = "".join(received)
        await recording.record_completion(
            state, prep, final, "".join(delivered), time.perf_counter() - upstream_started, streaming=True
        )
        yield final

    return StreamedChat(prep, events())
