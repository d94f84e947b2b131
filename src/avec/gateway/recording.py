"""Recording an interaction: the row, its encrypted contents, its ledger entry, its footprint and its
place in the review queue, all in ONE unit of work of the group committer (one transaction), so that
an AI output is never delivered untraced: if anything here fails, the caller gets an error instead.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from avec.accounts import service as accounts_service
from avec.accounts.schemas import Principal
from avec.db import utcnow
from avec.gateway.errors import GatewayError
from avec.gateway.models import Interaction, InteractionContent
from avec.gateway.providers.base import Completion, ProviderError
from avec.gateway.schemas import ChatCompletionRequest
from avec.ledger import service as ledger_service
from avec.ledger.canonical import LedgerInputError, sha256_text
from avec.metrics.rollup import mark_dirty, utc_date
from avec.privacy.encryption import encrypt
from avec.registry.policy import PolicyRefusal

if TYPE_CHECKING:
    from avec.gateway.pipeline import Prepared

log = logging.getLogger(__name__)
_KEY_TOUCH_SECONDS = 60.0
_last_touch: dict[int, float] = {}
_INTERACTIONS = cast(Table, Interaction.__table__)
_INSERT_INTERACTION = insert(_INTERACTIONS).returning(_INTERACTIONS.c.id)
_INSERT_CONTENTS = insert(cast(Table, InteractionContent.__table__))


async def _commit(state: Any, fn: Any) -> Any:
    try:
        return await state.committer.run(fn)
    except GatewayError:
        raise
    except Exception as exc:
        fields = {"error_type": type(exc).__name__}
        if isinstance(exc, LedgerInputError):  # our own message, naming fields only, never content
            fields["reason"] = str(exc)
        log.error("interaction could not be recorded", extra={"fields": fields})
        raise GatewayError(
            500, "The interaction could not be recorded in the ledger; no AI output is delivered.",
            code="recording_failed",
        ) from None


def _touch_key(session: Session, principal: Principal) -> None:
    # Last-used time of the API key, written at most once a minute per key (not one write per call).
    if principal.key_id is None:
        return
    now = time.monotonic()
    if now - _last_touch.get(principal.key_id, -1e9) >= _KEY_TOUCH_SECONDS:
        _last_touch[principal.key_id] = now
        accounts_service.touch_api_key(session, principal.key_id)


def _base_values(prep: Prepared, status: str) -> dict[str, Any]:
    p = prep.principal
    return {
        "public_id": prep.public_id, "user_id": p.user_id, "service_id": p.service_id, "api_key_id": p.key_id,
        "channel": prep.channel, "use_case_id": prep.decision.use_case_id,
        "use_case_slug": prep.decision.use_case_slug, "ai_system_id": prep.decision.system_id,
        "model_requested": prep.request.model, "provider": prep.provider_name, "status": status,
        "stream": prep.request.stream, "pseudonymized": prep.privacy.pseudonymized,
        "replacements": prep.privacy.replacements, "conversation_id": prep.conversation_id,
        "prompt_digest": sha256_text(prep.sent_json),
        "review_status": "pending" if prep.decision.review_required else "not_required",
    }


def _base_row(prep: Prepared, status: str) -> Interaction:
    return Interaction(**_base_values(prep, status))


def _counts(prep: Prepared) -> dict[str, int]:
    """Replacement counts per label, with the ledger's lowercase keys."""
    return {label.lower(): n for label, n in prep.privacy.replacements.items()}


def _subject(prep: Prepared) -> dict[str, Any]:
    return {
        "interaction": prep.public_id,
        "user": prep.principal.user_id,
        "use_case": prep.decision.use_case_slug,
        "ai_system": prep.decision.system_slug,
    }


def _encrypted_contents(state: Any, public_id: str, prep: Prepared, received: str | None,
                        answer: str | None) -> dict[str, bytes]:
    key = state.secrets.data_key
    ad = f"interaction:{public_id}".encode()
    values = {
        "original_enc": encrypt(key, prep.original_json, ad + b":original"),
        "sent_enc": encrypt(key, prep.sent_json, ad + b":sent"),
    }
    if received is not None:
        values["upstream_answer_enc"] = encrypt(key, received, ad + b":received")
    if answer is not None:
        values["answer_enc"] = encrypt(key, answer, ad + b":answer")
    return values


def _store_contents(session: Session, state: Any, row: Interaction, prep: Prepared,
                    received: str | None, answer: str | None, *, update: bool = False) -> None:
    existing = session.get(InteractionContent, row.id) if update else None
    content = existing or InteractionContent(interaction_id=row.id)
    for name, value in _encrypted_contents(state, row.public_id, prep, received, answer).items():
        setattr(content, name, value)
    session.add(content)


def _version_unchanged(system: Any, reported: str | None) -> bool:
    """True when the provider reports the version already recorded and approved (nothing to do)."""
    if not reported:
        return True  # the registry records nothing for an unreported version
    if system is None:
        return False
    reported = reported.strip()[:200]
    approved = getattr(system, "approved_version", None)
    return getattr(system, "reported_version", None) == reported and (not approved or approved == reported)


def _after_completion(session: Session, state: Any, interaction_id: int, prep: Prepared, completion: Completion,
                      upstream_s: float, *, core: bool = False) -> None:
    """Metrics (footprint) and registry (model version drift) hooks, inside the same transaction.

    The AI system row read by the policy check (at most ``policy_cache_seconds`` old) serves both
    when the provider reports the version already known: no extra query on the hot path.
    """
    from avec.metrics import service as metrics_service
    from avec.metrics.footprint import compute_footprint
    from avec.registry.drift import report_model_version
    from avec.registry.models import AISystem

    known = prep.system
    system = known if known is not None else session.get(AISystem, prep.decision.system_id)
    if system is None:
        return
    footprint = compute_footprint(
        system=system, output_tokens=completion.completion_tokens, latency_s=upstream_s,
        cpu_seconds=completion.cpu_seconds, settings=state.settings,
    )
    if core:
        metrics_service.insert_footprint(session, interaction_id, footprint)
    else:
        metrics_service.record_footprint(session, interaction_id, footprint)
    if _version_unchanged(known, completion.model_version):
        return
    current = session.get(AISystem, prep.decision.system_id)
    if current is None:
        return
    status_before = current.status
    report_model_version(session, current.id, completion.model_version)
    if current.status != status_before and getattr(state, "policy_cache", None) is not None:
        state.policy_cache.clear()  # a drift suspension applies to the very next call of this process


async def record_completion(state: Any, prep: Prepared, completion: Completion, answer: str, upstream_s: float,
                            *, streaming: bool = False) -> None:
    """Store a delivered answer with its ledger entry (and close a streaming interaction)."""
    latency_ms = (time.perf_counter() - prep.started) * 1000
    answer_digest = sha256_text(answer)
    measures = {
        "status": "completed", "model_version": completion.model_version,
        "prompt_tokens": completion.prompt_tokens, "completion_tokens": completion.completion_tokens,
        "latency_ms": latency_ms, "upstream_ms": upstream_s * 1000, "answer_digest": answer_digest,
    }

    def ledger_append(session: Session, prompt_digest: str, review_status: str) -> int:
        return ledger_service.append(
            session,
            event_type="interaction.completed" if streaming else "interaction",
            actor=prep.principal.actor,
            subject=_subject(prep),
            digests={
                "prompt": sha256_text(prep.original_json),
                "prompt_sent": prompt_digest,
                "answer_received": sha256_text(completion.text),
                "answer": answer_digest,
            },
            data={
                "channel": prep.channel, "status": "completed", "model_version": completion.model_version,
                "prompt_tokens": completion.prompt_tokens, "completion_tokens": completion.completion_tokens,
                "replacements": _counts(prep), "review_status": review_status,
            },
        )

    def close_stream(session: Session) -> None:
        row = session.query(Interaction).filter_by(public_id=prep.public_id).one()
        for name, value in measures.items():
            setattr(row, name, value)
        row.completed_at = utcnow()
        _store_contents(session, state, row, prep, completion.text, answer, update=True)
        row.ledger_index = ledger_append(session, row.prompt_digest or "", row.review_status)
        _after_completion(session, state, row.id, prep, completion, upstream_s)
        _touch_key(session, prep.principal)

    def insert_completed(session: Session) -> None:
        # The hot path of the gateway: Core statements instead of the ORM unit of work, which cost
        # a quarter of the server's CPU at load (the rows are written once and never read back here).
        now = utcnow()
        values = _base_values(prep, "completed") | measures | {"created_at": now, "completed_at": now}
        values["ledger_index"] = ledger_append(session, values["prompt_digest"], values["review_status"])
        conn = session.connection()
        interaction_id = conn.execute(_INSERT_INTERACTION, values).scalar_one()
        contents = _encrypted_contents(state, prep.public_id, prep, completion.text, answer)
        conn.execute(_INSERT_CONTENTS, {"interaction_id": interaction_id, **contents})
        _after_completion(session, state, interaction_id, prep, completion, upstream_s, core=True)
        mark_dirty(session, [utc_date(now)])  # the ORM hook does not see Core inserts
        _touch_key(session, prep.principal)

    await _commit(state, close_stream if streaming else insert_completed)


async def record_stream_start(state: Any, prep: Prepared) -> None:
    """Before any streamed text goes out: the interaction row and a ledger entry of what was sent."""

    def unit(session: Session) -> None:
        row = _base_row(prep, "streaming")
        session.add(row)
        session.flush()
        _store_contents(session, state, row, prep, None, None)
        row.ledger_index = ledger_service.append(
            session, event_type="interaction", actor=prep.principal.actor, subject=_subject(prep),
            digests={"prompt": sha256_text(prep.original_json), "prompt_sent": row.prompt_digest or ""},
            data={"channel": prep.channel, "status": "streaming", "replacements": _counts(prep)},
        )
        _touch_key(session, prep.principal)

    await _commit(state, unit)


async def record_failure(state: Any, prep: Prepared, exc: ProviderError, *, streaming: bool = False) -> None:
    """A provider failure: the interaction is stored as failed, with a ledger entry."""

    def unit(session: Session) -> None:
        if streaming:
            row = session.query(Interaction).filter_by(public_id=prep.public_id).one()
        else:
            row = _base_row(prep, "failed")
            session.add(row)
            session.flush()
            _store_contents(session, state, row, prep, None, None)
        row.status = "failed"
        row.review_status = "not_required"
        row.error_code = f"provider_{exc.status_code}"
        row.completed_at = utcnow()
        row.latency_ms = (time.perf_counter() - prep.started) * 1000
        ledger_service.append(
            session, event_type="interaction.failed", actor=prep.principal.actor, subject=_subject(prep),
            data={"channel": prep.channel, "status": "failed", "error_code": row.error_code},
        )

    await _commit(state, unit)


async def record_refusal(state: Any, principal: Principal, req: ChatCompletionRequest, channel: str,
                         refusal: PolicyRefusal) -> None:
    """A policy refusal: stored (no content) with a 'policy.refusal' ledger entry."""
    import uuid

    from avec.registry.policy import find_system, find_use_case

    def unit(session: Session) -> None:
        system = find_system(session, req.model)
        use_case = find_use_case(session, req.avec.use_case) if req.avec.use_case else None
        row = Interaction(
            public_id="int_" + uuid.uuid4().hex, user_id=principal.user_id, service_id=principal.service_id,
            api_key_id=principal.key_id, channel=channel, use_case_id=use_case.id if use_case else None,
            use_case_slug=use_case.slug if use_case else None, ai_system_id=system.id if system else None,
            model_requested=req.model[:200], status="refused", error_code=refusal.code, stream=req.stream,
            review_status="not_required", replacements={}, completed_at=utcnow(),
        )
        session.add(row)
        session.flush()
        row.ledger_index = ledger_service.append(
            session, event_type="policy.refusal", actor=principal.actor,
            subject={k: v for k, v in {"interaction": row.public_id, "user": principal.user_id,
                     "use_case": row.use_case_slug, "ai_system": system.slug if system else None}.items()
                     if v is not None},
            data={"code": refusal.code, "channel": channel},
        )

    await _commit(state, unit)
