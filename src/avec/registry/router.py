"""JSON API of the registry: use cases for client tools, transparency, inventory export, committee CRUD.

Reading is open to every authenticated user (API key or web session); changes are reserved to the
committee roles (admin, quality, dpo) and, from a browser, need the CSRF token. Errors use the
OpenAI error shape with a stable ``code``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, PlainTextResponse

from avec.accounts.deps import AnyPrincipal, SessionDep, SettingsDep, require_roles
from avec.accounts.schemas import Principal
from avec.gateway.errors import GatewayError
from avec.registry import ai_act, lifecycle, service, transparency
from avec.registry.compliance import Grid, GridError, active_grid
from avec.registry.history import changes_for, snapshot
from avec.registry.schemas import (
    AiActAnswers,
    GridAnswerIn,
    SystemCreate,
    SystemFields,
    TransitionIn,
    UseCaseCreate,
    UseCaseFields,
    UseCaseForCaller,
)
from avec.registry.service import RegistryError
from avec.web.csrf import verify_csrf_unless_api_key

router = APIRouter(tags=["registry"])
COMMITTEE_ROLES = ("admin", "quality", "dpo")
Committee = Annotated[Principal, Depends(require_roles(*COMMITTEE_ROLES))]
Csrf = Depends(verify_csrf_unless_api_key)


def load_grid(settings: SettingsDep) -> Grid:
    """The compliance grid in force (packaged + organisation files); a broken file is a clear 500."""
    try:
        return active_grid(settings.data_dir)
    except GridError as exc:
        raise GatewayError(500, f"The compliance grid cannot be loaded: {exc}", code="grid_invalid") from None


GridDep = Annotated[Grid, Depends(load_grid)]


def _fail(exc: RegistryError) -> GatewayError:
    return GatewayError(exc.status_code, exc.message, code=exc.code)


def _system(session: Any, slug: str) -> Any:
    try:
        return service.get_system(session, slug)
    except RegistryError as exc:
        raise _fail(exc) from None


@router.get("/api/use-cases", response_model=list[UseCaseForCaller])
def use_cases_for_caller(principal: AnyPrincipal, session: SessionDep) -> list[UseCaseForCaller]:
    """The use cases the caller may use, with their allowed AI systems (for client tools)."""
    return service.use_cases_for(session, principal)


@router.get("/api/registry/systems")
def list_systems(_principal: AnyPrincipal, session: SessionDep) -> list[dict[str, Any]]:
    """Every AI system of the inventory (short form)."""
    return [
        {
            "slug": s.slug,
            "name": s.name,
            "vendor": s.vendor,
            "status": s.status,
            "deployment": s.deployment,
            "ai_act_class": s.ai_act_class,
        }
        for s in service.list_systems(session)
    ]


@router.get("/api/registry/systems/{slug}")
def system_card(slug: str, _principal: AnyPrincipal, session: SessionDep, grid: GridDep) -> dict[str, Any]:
    """The transparency view of one AI system."""
    return transparency.system_card(session, _system(session, slug), grid)


@router.get("/api/registry/grid")
def grid_items(_principal: AnyPrincipal, grid: GridDep) -> dict[str, Any]:
    """The compliance grid in force."""
    return {"version": grid.version, "items": [i.model_dump() for i in grid.items]}


@router.get("/api/registry/ai-act/questions")
def ai_act_questions(_principal: AnyPrincipal) -> list[dict[str, str]]:
    """The AI Act guided questions, in order."""
    return [
        {
            "id": q.id,
            "text_fr": q.text_fr,
            "text_en": q.text_en,
            "leads_to": q.leads_to,
            "reference": q.reference,
        }
        for q in ai_act.QUESTIONS
    ]


@router.get("/api/registry/inventory.json")
def inventory_json(_principal: AnyPrincipal, session: SessionDep, grid: GridDep) -> JSONResponse:
    """The inventory of AI systems as JSON (download)."""
    return JSONResponse(
        transparency.inventory(session, grid),
        headers={"Content-Disposition": 'attachment; filename="avec-inventaire-ia.json"'},
    )


@router.get("/api/registry/inventory.csv")
def inventory_csv(_principal: AnyPrincipal, session: SessionDep, grid: GridDep) -> PlainTextResponse:
    """The inventory of AI systems as CSV (download)."""
    return PlainTextResponse(
        transparency.inventory_csv(transparency.inventory(session, grid)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="avec-inventaire-ia.csv"'},
    )


@router.get("/api/registry/systems/{slug}/history")
def system_history(slug: str, _principal: Committee, session: SessionDep) -> list[dict[str, Any]]:
    """The versioned changes of a system (committee roles)."""
    system = _system(session, slug)
    return [
        {
            "at": c.at.isoformat(),
            "actor": c.actor,
            "action": c.action,
            "before": c.before,
            "after": c.after,
            "ledger_index": c.ledger_index,
        }
        for c in changes_for(session, "ai_system", system.id)
    ]


@router.post("/api/registry/systems", status_code=201, dependencies=[Csrf])
def create_system(data: SystemCreate, principal: Committee, session: SessionDep) -> dict[str, Any]:
    """Register a new AI system (candidate)."""
    try:
        return snapshot(service.create_system(session, data, actor=principal.actor))
    except RegistryError as exc:
        raise _fail(exc) from None


@router.patch("/api/registry/systems/{slug}", dependencies=[Csrf])
def update_system(slug: str, data: SystemFields, principal: Committee, session: SessionDep) -> dict[str, Any]:
    """Edit a system's recorded facts."""
    try:
        return snapshot(service.update_system(session, _system(session, slug), data, actor=principal.actor))
    except RegistryError as exc:
        raise _fail(exc) from None


@router.post("/api/registry/systems/{slug}/ai-act", dependencies=[Csrf])
def classify(slug: str, data: AiActAnswers, principal: Committee, session: SessionDep) -> dict[str, Any]:
    """Answer the AI Act guided questions; returns the class and the reasons."""
    try:
        result = service.classify_ai_act(session, _system(session, slug), data.answers, actor=principal.actor)
    except RegistryError as exc:
        raise _fail(exc) from None
    return {"ai_act_class": result.ai_act_class, "reasons": result.reasons}


@router.put("/api/registry/systems/{slug}/grid/{item_id}", dependencies=[Csrf])
def answer_item(
    slug: str, item_id: str, data: GridAnswerIn, principal: Committee, session: SessionDep, grid: GridDep
) -> dict[str, Any]:
    """Answer one grid item with a link as evidence (files go through the committee page)."""
    try:
        row = service.answer_grid_item(
            session,
            _system(session, slug),
            grid,
            item_id,
            answer=data.answer,
            note=data.note,
            evidence_url=data.evidence_url,
            actor=principal.actor,
        )
    except RegistryError as exc:
        raise _fail(exc) from None
    return snapshot(row)


@router.post("/api/registry/systems/{slug}/transitions", dependencies=[Csrf])
def transition(
    slug: str, data: TransitionIn, principal: Committee, session: SessionDep, grid: GridDep
) -> dict[str, Any]:
    """Move a system in its lifecycle (approval and suspension need a committee decision)."""
    try:
        system = lifecycle.transition(
            session,
            _system(session, slug),
            data.to,
            grid=grid,
            actor=principal.actor,
            decision=data.decision,
            approved_version=data.approved_version,
        )
    except RegistryError as exc:
        raise _fail(exc) from None
    return snapshot(system)


@router.get("/api/registry/use-cases")
def catalogue(_principal: Committee, session: SessionDep) -> list[dict[str, Any]]:
    """The whole use case catalogue (committee roles)."""
    return [snapshot(u) for u in service.list_use_cases(session)]


@router.post("/api/registry/use-cases", status_code=201, dependencies=[Csrf])
def create_use_case(data: UseCaseCreate, principal: Committee, session: SessionDep) -> dict[str, Any]:
    """Add a use case to the catalogue."""
    try:
        return snapshot(service.create_use_case(session, data, actor=principal.actor))
    except RegistryError as exc:
        raise _fail(exc) from None


@router.patch("/api/registry/use-cases/{slug}", dependencies=[Csrf])
def update_use_case(slug: str, data: UseCaseFields, principal: Committee, session: SessionDep) -> dict[str, Any]:
    """Edit a use case."""
    try:
        use_case = service.get_use_case(session, slug)
        return snapshot(service.update_use_case(session, use_case, data, actor=principal.actor))
    except RegistryError as exc:
        raise _fail(exc) from None
