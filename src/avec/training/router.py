"""JSON API of the training domain: modules with the caller's status, quiz attempts, the register (CSV)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from avec.accounts.deps import AnyPrincipal, SessionDep, require_roles
from avec.accounts.schemas import Principal
from avec.training import register as training_register
from avec.training import service
from avec.training.loader import default_catalog
from avec.training.schemas import AttemptResult, MissingModule, ServedQuestion
from avec.web.csrf import verify_csrf_unless_api_key

router = APIRouter(prefix="/api/training", tags=["training"])
RegisterReader = Annotated[Principal, Depends(require_roles("quality", "admin", "dpo"))]


class ModuleStatus(BaseModel):
    """A module and the caller's status for it."""

    slug: str
    title: str
    version: str
    url: str
    status: str
    expires_at: str | None


class AttemptOut(BaseModel):
    """An opened attempt: its id and the questions in the order served."""

    attempt_id: str
    module_slug: str
    module_version: str
    questions: list[ServedQuestion]


class AnswersIn(BaseModel):
    """Answers by question id (a list of choice ids each)."""

    answers: dict[str, list[str]] = Field(default_factory=dict)


def _error(exc: service.TrainingError) -> JSONResponse:
    return JSONResponse({"error": {"code": exc.code, "message": exc.message}}, status_code=exc.status)


@router.get("/modules", response_model=list[ModuleStatus])
def list_modules(principal: AnyPrincipal, session: SessionDep) -> list[ModuleStatus]:
    """Every module with the caller's status ('valid', 'expired', 'outdated_version', 'never')."""
    statuses = service.module_statuses(session, user_id=principal.user_id)
    out = []
    for module in default_catalog().modules():
        status, completion = statuses[module.slug]
        expires = service.aware(completion.expires_at).isoformat() if completion is not None else None
        out.append(
            ModuleStatus(
                slug=module.slug,
                title=module.meta.title,
                version=module.meta.version,
                url=module.url,
                status=status,
                expires_at=expires,
            )
        )
    return out


@router.get("/missing", response_model=list[MissingModule])
def missing(
    principal: AnyPrincipal, session: SessionDep, required: Annotated[list[str], Query()]
) -> list[MissingModule]:
    """Which of the ``required`` modules the caller still has to (re)take."""
    return service.missing_modules(session, user_id=principal.user_id, required=required)


@router.post(
    "/modules/{slug}/attempts",
    response_model=AttemptOut,
    status_code=201,
    dependencies=[Depends(verify_csrf_unless_api_key)],
)
def start(slug: str, principal: AnyPrincipal, session: SessionDep) -> Any:
    """Open an attempt of the module's quiz (questions and choices shuffled on the server)."""
    try:
        attempt = service.start_attempt(session, user_id=principal.user_id, slug=slug)
        questions = service.served_questions(attempt)
    except service.TrainingError as exc:
        return _error(exc)
    return AttemptOut(
        attempt_id=attempt.id,
        module_slug=attempt.module_slug,
        module_version=attempt.module_version,
        questions=questions,
    )


@router.post(
    "/attempts/{attempt_id}",
    response_model=AttemptResult,
    dependencies=[Depends(verify_csrf_unless_api_key)],
)
def submit(attempt_id: str, body: AnswersIn, principal: AnyPrincipal, session: SessionDep) -> Any:
    """Submit answers to the caller's open attempt; the result carries the explanations."""
    try:
        return service.submit_attempt(
            session, attempt_id=attempt_id, user_id=principal.user_id, answers=body.answers
        )
    except service.TrainingError as exc:
        return _error(exc)


@router.get("/register.csv")
def register_csv(principal: RegisterReader, session: SessionDep) -> Response:
    """The AI-literacy register as CSV (quality, admin, DPO)."""
    text = training_register.register_csv(training_register.register_rows(session))
    return Response(text, media_type="text/csv; charset=utf-8")
