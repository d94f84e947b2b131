"""HTML pages: one AI output and its decision, the review queues, the history and second readings.

GET  /interactions/{id}                 the draft, the checklist, the decision form (or the decision)
POST /interactions/{id}/decision        approve / modify / reject / escalate
GET  /interactions/{id}/export          the final text as a file (refused before a decision)
GET  /reviews?scope=mine|service|escalated      what is still pending, with age
GET  /history?scope=mine|service|escalated      past outputs
GET  /reviews/second-readings           second readings to do and agreement between readers
GET/POST /reviews/second-readings/{id}  one blind second reading
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import ValidationError

from avec.accounts.deps import SessionDep
from avec.accounts.schemas import Principal
from avec.review import queues, second_reading, service
from avec.review.access import ReviewError
from avec.review.models import REJECT_REASONS
from avec.review.schemas import DecisionCreate, SecondReadingCreate
from avec.review.texts import output_texts
from avec.review.views import interaction_view
from avec.web.csrf import verify_csrf
from avec.web.deps import WebPrincipal, require_web_roles
from avec.web.templating import render

router = APIRouter()
Reader = Annotated[Principal, Depends(require_web_roles("reviewer", "quality"))]
Reviewer = Annotated[Principal, Depends(require_web_roles("reviewer"))]
CHECKLIST = ("figures", "units", "drugs", "sources", "patient_fit", "identifiers")


def _error_page(request: Request, exc: ReviewError) -> Response:
    return render(
        request,
        "review/error.html",
        {"code": exc.code, "status_code": exc.status_code},
        status_code=exc.status_code,
    )


def _interaction_page(
    request: Request,
    session: SessionDep,
    principal: Principal,
    public_id: str,
    *,
    error_code: str | None = None,
    status_code: int = 200,
    form: Mapping[str, object] | None = None,
) -> Response:
    try:
        view = interaction_view(session, principal, public_id, request.app.state.secrets.data_key)
    except ReviewError as exc:
        return _error_page(request, exc)
    return render(
        request,
        "review/interaction.html",
        {
            "view": view,
            "reasons": REJECT_REASONS,
            "checklist": CHECKLIST,
            "error_code": error_code,
            "form": form or {},
            "opened_at": f"{time.time():.0f}",
            "done": request.query_params.get("done"),
        },
        status_code=status_code,
    )


@router.get("/interactions/{public_id}", response_class=HTMLResponse)
def interaction_page(
    request: Request, public_id: str, principal: WebPrincipal, session: SessionDep
) -> Response:
    """One output: request, what was sent, the draft and its decision."""
    return _interaction_page(request, session, principal, public_id)


def _time_spent(opened_at: str) -> float | None:
    try:
        spent = time.time() - float(opened_at)
    except ValueError:
        return None
    return round(spent, 1) if 0 <= spent <= 86_400 else None


@router.post("/interactions/{public_id}/decision", dependencies=[Depends(verify_csrf)])
def decide(
    request: Request,
    public_id: str,
    principal: WebPrincipal,
    session: SessionDep,
    decision: Annotated[str, Form(max_length=16)] = "",
    final_text: Annotated[str, Form(max_length=200_000)] = "",
    reason_codes: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies form defaults
    comment: Annotated[str, Form(max_length=4000)] = "",
    escalate_to: Annotated[str, Form(max_length=64)] = "",
    time_saved_minutes: Annotated[str, Form(max_length=10)] = "",
    opened_at: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Record the decision from the form; refused decisions re-show the page with the reason."""
    form = {
        "decision": decision,
        "final_text": final_text,
        "reason_codes": reason_codes,
        "comment": comment,
        "escalate_to": escalate_to,
        "time_saved_minutes": time_saved_minutes,
    }
    try:
        data = DecisionCreate.model_validate(
            {
                "decision": decision,
                "final_text": final_text if decision == "modify" else None,
                "reason_codes": reason_codes if decision == "reject" else [],
                "comment": comment or None,
                "escalate_to": escalate_to or None,
                "time_spent_seconds": _time_spent(opened_at),
                "time_saved_minutes": time_saved_minutes.replace(",", ".") or None,
            }
        )
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0]) if exc.errors() and exc.errors()[0]["loc"] else "decision"
        return _interaction_page(
            request, session, principal, public_id, error_code=f"invalid_{field}", status_code=422, form=form
        )
    try:
        with session.begin_nested():
            service.decide(
                session,
                principal=principal,
                public_id=public_id,
                data=data,
                data_key=request.app.state.secrets.data_key,
                channel="web",
            )
    except ReviewError as exc:
        if exc.status_code == 404:
            return _error_page(request, exc)
        return _interaction_page(
            request,
            session,
            principal,
            public_id,
            error_code=exc.code,
            status_code=exc.status_code,
            form=form,
        )
    return RedirectResponse(f"/interactions/{public_id}?done=1#decision", status_code=303)


@router.get("/interactions/{public_id}/export")
def export(request: Request, public_id: str, principal: WebPrincipal, session: SessionDep) -> Response:
    """The final text as a file; refused (409) while the output is an undecided draft."""
    try:
        text = service.final_text(
            session, principal=principal, public_id=public_id, data_key=request.app.state.secrets.data_key
        )
    except ReviewError as exc:
        return _error_page(request, exc)
    return PlainTextResponse(
        text,
        headers={
            "Content-Disposition": f'attachment; filename="avec-{public_id}.txt"',
            "Cache-Control": "no-store",
        },
    )


def _default_scope(principal: Principal) -> str:
    return "service" if principal.has_role("reviewer", "quality") and principal.service_id else "mine"


def _scopes(principal: Principal) -> list[str]:
    out = []
    for scope in queues.SCOPES:
        try:
            queues.check_scope(principal, scope)
        except ReviewError:
            continue
        out.append(scope)
    return out


@router.get("/reviews", response_class=HTMLResponse)
def review_queue(
    request: Request, principal: WebPrincipal, session: SessionDep, scope: str | None = None
) -> Response:
    """Outputs waiting for a decision, oldest first, with their age."""
    scope = scope or _default_scope(principal)
    if not principal.has_role("professional", "reviewer", "quality"):
        return _error_page(request, ReviewError(403, "queue_forbidden", "No review queue for this role."))
    try:
        entries = queues.pending(session, principal, scope)
    except ReviewError as exc:
        return _error_page(request, exc)
    return render(
        request,
        "review/queue.html",
        {"entries": entries, "scope": scope, "scopes": _scopes(principal), "kind": "pending"},
    )


@router.get("/history", response_class=HTMLResponse)
def history(
    request: Request, principal: WebPrincipal, session: SessionDep, scope: str | None = None
) -> Response:
    """Past outputs one may see: one's own, or one's service's for reviewers and quality staff."""
    scope = scope or "mine"
    if not principal.has_role("professional", "reviewer", "quality"):
        return _error_page(request, ReviewError(403, "history_forbidden", "No history for this role."))
    try:
        entries = queues.history(session, principal, scope)
    except ReviewError as exc:
        return _error_page(request, exc)
    return render(
        request,
        "review/queue.html",
        {"entries": entries, "scope": scope, "scopes": _scopes(principal), "kind": "history"},
    )


@router.get("/reviews/second-readings", response_class=HTMLResponse)
def second_readings(request: Request, principal: Reader, session: SessionDep) -> Response:
    """Second readings to do (reviewers) and the agreement between first and second readers."""
    todo = second_reading.todo_for(session, principal)
    done = second_reading.done_list(session, principal)
    scope_service = None if principal.has_role("quality") else principal.service_id
    stats = second_reading.agreement(session, service_id=scope_service)
    return render(
        request,
        "review/second_readings.html",
        {"todo": todo, "done": done, "stats": stats, "saved": request.query_params.get("saved")},
    )


@router.get("/reviews/second-readings/{reading_id}", response_class=HTMLResponse)
def second_reading_page(
    request: Request, reading_id: int, principal: Reviewer, session: SessionDep
) -> Response:
    """One blind second reading: the request and the draft, never the first decision."""
    try:
        reading, interaction = second_reading.get_for_reader(session, principal, reading_id)
    except ReviewError as exc:
        return _error_page(request, exc)
    texts = output_texts(session, interaction, request.app.state.secrets.data_key)
    return render(
        request,
        "review/second_reading.html",
        {
            "reading": reading,
            "interaction": interaction,
            "texts": texts,
            "reasons": REJECT_REASONS,
            "checklist": CHECKLIST,
            "error_code": None,
        },
    )


@router.post("/reviews/second-readings/{reading_id}", dependencies=[Depends(verify_csrf)])
def record_second_reading(
    request: Request,
    reading_id: int,
    principal: Reviewer,
    session: SessionDep,
    decision: Annotated[str, Form(max_length=16)] = "",
    reason_codes: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies form defaults
) -> Response:
    """Record the second reader's verdict and go back to the list (which shows the agreement)."""
    try:
        data = SecondReadingCreate.model_validate(
            {"decision": decision, "reason_codes": reason_codes if decision == "reject" else []}
        )
        with session.begin_nested():
            second_reading.record(session, principal=principal, reading_id=reading_id, data=data)
    except (ValidationError, ReviewError) as exc:
        status, code = (
            (exc.status_code, exc.code) if isinstance(exc, ReviewError) else (422, "invalid_decision")
        )
        try:
            reading, interaction = second_reading.get_for_reader(session, principal, reading_id)
        except ReviewError as not_found:
            return _error_page(request, not_found)
        texts = output_texts(session, interaction, request.app.state.secrets.data_key)
        return render(
            request,
            "review/second_reading.html",
            {
                "reading": reading,
                "interaction": interaction,
                "texts": texts,
                "reasons": REJECT_REASONS,
                "checklist": CHECKLIST,
                "error_code": code,
            },
            status_code=status,
        )
    return RedirectResponse("/reviews/second-readings?saved=1", status_code=303)
