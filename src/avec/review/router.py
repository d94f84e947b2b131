"""JSON API of the review domain: the review queue and decisions, for tools that integrate AVEC.

``GET /api/reviews``                          outputs waiting for a decision (or the history), with age
``POST /api/interactions/{id}/decision``      approve / modify / reject / escalate an output
``GET /api/interactions/{id}/final``          the final text, refused (409) until a decision is made
Callers authenticate with an API key or the web session (then the CSRF header is required on POST).
"""

from __future__ import annotations

from typing import Annotated, Literal, cast

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select

from avec.accounts.deps import AnyPrincipal, SessionDep
from avec.accounts.models import User
from avec.gateway.errors import GatewayError
from avec.review import queues, service
from avec.review.access import ReviewError
from avec.review.schemas import DecisionCreate, DecisionKind, DecisionRead, ReviewItem
from avec.web.csrf import verify_csrf_unless_api_key

router = APIRouter(prefix="/api", tags=["review"])


def _gateway_error(exc: ReviewError) -> GatewayError:
    return GatewayError(exc.status_code, exc.message, code=exc.code)


def _items(request: Request, entries: list[queues.QueueEntry]) -> list[ReviewItem]:
    base = request.app.state.settings.base_url
    return [
        ReviewItem(
            interaction=e.public_id,
            created_at=e.created_at,
            age_seconds=e.age_seconds,
            user=e.username,
            service=e.service,
            use_case=e.use_case,
            channel=e.channel,
            review_status=e.review_status,
            review_url=f"{base}/interactions/{e.public_id}",
        )
        for e in entries
    ]


@router.get("/reviews", response_model=list[ReviewItem])
def list_reviews(
    request: Request,
    principal: AnyPrincipal,
    session: SessionDep,
    scope: Annotated[str, Query(max_length=16)] = "mine",
    status: Annotated[Literal["pending", "all"], Query()] = "pending",
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[ReviewItem]:
    """Outputs waiting for a decision (``status=pending``, oldest first) or all of them (newest first)."""
    try:
        if status == "pending":
            entries = queues.pending(session, principal, scope, limit=limit)
        else:
            entries = queues.history(session, principal, scope, limit=limit)
    except ReviewError as exc:
        raise _gateway_error(exc) from None
    return _items(request, entries)


@router.post(
    "/interactions/{public_id}/decision",
    response_model=DecisionRead,
    status_code=201,
    dependencies=[Depends(verify_csrf_unless_api_key)],
)
def post_decision(
    request: Request, public_id: str, data: DecisionCreate, principal: AnyPrincipal, session: SessionDep
) -> DecisionRead:
    """Record a decision on an output (one per output; a second one is refused with 409)."""
    channel = "api" if principal.key_id is not None else "web"
    try:
        row, reading = service.decide(
            session,
            principal=principal,
            public_id=public_id,
            data=data,
            data_key=request.app.state.secrets.data_key,
            channel=channel,
        )
    except ReviewError as exc:
        raise _gateway_error(exc) from None
    interaction_status = service.REVIEW_STATUS_FOR[row.decision]
    target = (
        session.scalar(select(User.username).where(User.id == row.escalated_to)) if row.escalated_to else None
    )
    return DecisionRead(
        interaction=public_id,
        step=row.step,
        decision=cast(DecisionKind, row.decision),
        review_status=interaction_status,
        decided_by=principal.username,
        decided_at=service.as_utc(row.decided_at),
        reason_codes=row.reason_codes,
        escalated_to=target,
        draft_digest=row.draft_digest,
        final_digest=row.final_digest,
        time_spent_seconds=row.time_spent_seconds,
        time_saved_minutes=row.time_saved_minutes,
        ledger_index=row.ledger_index,
        second_reading_drawn=reading is not None,
    )


@router.get("/interactions/{public_id}/final")
def get_final_text(
    request: Request, public_id: str, principal: AnyPrincipal, session: SessionDep
) -> dict[str, str]:
    """The approved or corrected text; 409 while the output is still an undecided draft."""
    try:
        text = service.final_text(
            session, principal=principal, public_id=public_id, data_key=request.app.state.secrets.data_key
        )
    except ReviewError as exc:
        raise _gateway_error(exc) from None
    return {"interaction": public_id, "final_text": text}
