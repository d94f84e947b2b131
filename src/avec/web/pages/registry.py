"""HTML pages of the registry: inventory and transparency pages for everyone; committee pages to register
a system, fill the compliance grid with evidence, classify it under the AI Act and decide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from avec.accounts.deps import SessionDep
from avec.accounts.schemas import Principal
from avec.registry import ai_act, lifecycle, service, transparency
from avec.registry.compliance import Grid, active_grid
from avec.registry.history import changes_for
from avec.registry.models import MODEL_CARD_SECTIONS, AISystem, GridAnswer
from avec.registry.schemas import DecisionIn, SystemCreate, SystemFields
from avec.registry.service import RegistryError
from avec.web.csrf import CsrfChecked
from avec.web.deps import WebPrincipal, require_web_roles
from avec.web.i18n import Translator
from avec.web.pages import registry_use_cases as use_case_pages
from avec.web.templating import page_language, render

router = APIRouter()
router.include_router(use_case_pages.router)
COMMITTEE_ROLES = ("admin", "quality", "dpo")
Committee = Annotated[Principal, Depends(require_web_roles(*COMMITTEE_ROLES))]
TEXT_FIELDS = (
    "name",
    "vendor",
    "model",
    "version",
    "base_url",
    "upstream_model",
    "hosting_country",
    "hosting_region",
    "ce_marking",
    "hardware",
    "electricity_zone",
)
CHOICE_FIELDS = ("provider", "deployment", "mdr_class", "dpia_status", "drift_action")
NUMBER_FIELDS = ("active_params_b", "total_params_b", "pue")


def _grid(request: Request) -> Grid:
    return active_grid(request.app.state.settings.data_dir)


def _is_committee(principal: Principal) -> bool:
    return principal.has_role(*COMMITTEE_ROLES)


def _system_or_404(session: Session, slug: str) -> AISystem:
    try:
        return service.get_system(session, slug)
    except RegistryError:
        from fastapi import HTTPException

        raise HTTPException(status_code=404, detail="Unknown AI system.") from None


def error_text(request: Request, exc: RegistryError) -> str:
    """The person's-language message for a refused registry operation (the English detail otherwise)."""
    key = f"registry.error.{exc.code}"
    text = Translator(page_language(request))(key)
    return exc.message if text == key else text


def _tri(value: Any) -> bool | None:
    return {"yes": True, "no": False}.get(str(value or ""))


def system_form_values(form: Any, *, with_slug: bool) -> dict[str, Any]:
    """Turn the system form into the fields of :class:`SystemFields` (empty text -> not given)."""
    values: dict[str, Any] = {}
    for key in TEXT_FIELDS + CHOICE_FIELDS + NUMBER_FIELDS + (("slug",) if with_slug else ()):
        raw = str(form.get(key) or "").strip()
        if raw:
            values[key] = raw.replace(",", ".") if key in NUMBER_FIELDS else raw
        elif key in ("base_url", "upstream_model", "mdr_class", "pue", "active_params_b", "total_params_b"):
            values[key] = None
    values["hds_certified"] = form.get("hds_certified") == "on"
    values["medical_device"] = form.get("medical_device") == "on"
    retention = str(form.get("data_retention_days") or "").strip()
    values["contract"] = {
        "data_retention_days": retention or None,
        "trains_on_customer_data": _tri(form.get("trains_on_customer_data")),
        "access_outside_eea": _tri(form.get("access_outside_eea")),
        "subprocessors": [s.strip() for s in str(form.get("subprocessors") or "").split(",") if s.strip()],
    }
    values["model_card"] = {k: str(form.get(f"card_{k}") or "").strip() for k in MODEL_CARD_SECTIONS}
    return values


def _errors(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in e['loc'])} : {e['msg']}" for e in exc.errors()]


@router.get("/registry", response_class=HTMLResponse)
def inventory_page(request: Request, principal: WebPrincipal, session: SessionDep) -> Response:
    """The inventory of AI systems and the use case catalogue, readable by everyone."""
    grid = _grid(request)
    rows = transparency.inventory(session, grid)
    cases = service.list_use_cases(session, include_inactive=False)
    return render(
        request,
        "registry/index.html",
        {"rows": rows, "use_cases": cases, "committee": _is_committee(principal)},
    )


@router.get("/registry/systems/{slug}", response_class=HTMLResponse)
def transparency_page(slug: str, request: Request, principal: WebPrincipal, session: SessionDep) -> Response:
    """Transparency page of one AI system (model card, compliance, use cases, evidence, usage)."""
    system = _system_or_404(session, slug)
    card = transparency.system_card(session, system, _grid(request))
    changes = []
    if _is_committee(principal):
        for c in changes_for(session, "ai_system", system.id, limit=50):
            before, after = c.before or {}, c.after or {}
            fields = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k) and k != "updated_at")
            changes.append(
                {"at": c.at, "actor": c.actor, "action": c.action, "fields": fields, "ledger_index": c.ledger_index}
            )
    return render(
        request,
        "registry/system.html",
        {"card": card, "sections": MODEL_CARD_SECTIONS, "committee": _is_committee(principal), "changes": changes},
    )


def _form_page(
    request: Request,
    system: AISystem | None,
    values: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "registry/system_form.html",
        {"system": system, "v": values, "errors": errors, "sections": MODEL_CARD_SECTIONS},
        status_code=status_code,
    )


def _values_of(system: AISystem) -> dict[str, Any]:
    values = {k: getattr(system, k) for k in TEXT_FIELDS + CHOICE_FIELDS + NUMBER_FIELDS}
    values.update(
        slug=system.slug,
        hds_certified=system.hds_certified,
        medical_device=system.medical_device,
        contract=system.contract or {},
        model_card=system.model_card or {},
    )
    return values


@router.get("/registry/new", response_class=HTMLResponse)
def new_system_page(request: Request, _principal: Committee) -> Response:
    """Form to register an AI system (committee)."""
    return _form_page(
        request,
        None,
        {
            "deployment": "on_premises",
            "provider": "openai_compatible",
            "hosting_country": "FR",
            "contract": {},
            "model_card": {},
        },
        [],
    )


@router.post("/registry/new", response_class=HTMLResponse)
async def new_system(request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked) -> Response:
    """Register an AI system as a candidate."""
    form = await request.form()
    values = system_form_values(form, with_slug=True)
    try:
        system = service.create_system(session, SystemCreate.model_validate(values), actor=principal.actor)
    except ValidationError as exc:
        return _form_page(request, None, values, _errors(exc), 422)
    except RegistryError as exc:
        return _form_page(request, None, values, [error_text(request, exc)], exc.status_code)
    return RedirectResponse(f"/registry/systems/{system.slug}", status_code=303)


@router.get("/registry/systems/{slug}/edit", response_class=HTMLResponse)
def edit_system_page(slug: str, request: Request, _principal: Committee, session: SessionDep) -> Response:
    """Form to edit a system's recorded facts (committee)."""
    system = _system_or_404(session, slug)
    return _form_page(request, system, _values_of(system), [])


@router.post("/registry/systems/{slug}/edit", response_class=HTMLResponse)
async def edit_system(
    slug: str, request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked
) -> Response:
    """Save a system's recorded facts (every change is versioned)."""
    system = _system_or_404(session, slug)
    values = system_form_values(await request.form(), with_slug=False)
    try:
        service.update_system(session, system, SystemFields.model_validate(values), actor=principal.actor)
    except ValidationError as exc:
        return _form_page(request, system, values | {"slug": slug}, _errors(exc), 422)
    except RegistryError as exc:
        return _form_page(request, system, values | {"slug": slug}, [error_text(request, exc)], exc.status_code)
    return RedirectResponse(f"/registry/systems/{slug}", status_code=303)


def _grid_page(
    request: Request,
    session: Session,
    system: AISystem,
    error: tuple[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    grid = _grid(request)
    evaluation = service.evaluate_system(session, system, grid)
    answers: dict[str, GridAnswer] = service.grid_answers(session, system.id)
    return render(
        request,
        "registry/grid.html",
        {"system": system, "evaluation": evaluation, "answers": answers, "grid": grid, "error": error},
        status_code=status_code,
    )


@router.get("/registry/systems/{slug}/grid", response_class=HTMLResponse)
def grid_page(slug: str, request: Request, _principal: Committee, session: SessionDep) -> Response:
    """The compliance grid of a system, one form per item (committee)."""
    return _grid_page(request, session, _system_or_404(session, slug))


@router.post("/registry/systems/{slug}/grid/{item_id}", response_class=HTMLResponse)
async def answer_item(
    slug: str, item_id: str, request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked
) -> Response:
    """Answer one grid item, with a link or an uploaded document as evidence."""
    system = _system_or_404(session, slug)
    form = await request.form()
    upload = form.get("evidence_file")
    evidence = None
    if upload is not None and not isinstance(upload, str) and upload.filename:
        # Read at most one byte past the limit: the service refuses larger files with a clear message.
        evidence = (upload.filename, await upload.read(service.EVIDENCE_MAX_BYTES + 1))
    url = str(form.get("evidence_url") or "").strip() or None
    try:
        with session.begin_nested():  # a refused answer leaves nothing half-written
            service.answer_grid_item(
                session,
                system,
                _grid(request),
                item_id,
                answer=str(form.get("answer") or ""),
                note=str(form.get("note") or "")[:5000],
                evidence_url=url,
                evidence=evidence,
                data_dir=request.app.state.settings.data_dir,
                actor=principal.actor,
            )
    except RegistryError as exc:
        return _grid_page(request, session, system, (item_id, error_text(request, exc)), exc.status_code)
    return RedirectResponse(f"/registry/systems/{slug}/grid#item-{item_id}", status_code=303)


@router.get("/registry/evidence/{answer_id}")
def evidence_file(answer_id: int, request: Request, _principal: Committee, session: SessionDep) -> Response:
    """Download an evidence document (committee)."""
    from fastapi import HTTPException

    row = session.get(GridAnswer, answer_id)
    if row is None or not row.evidence_file:
        raise HTTPException(status_code=404, detail="No such evidence document.")
    root = Path(request.app.state.settings.data_dir).resolve()
    path = (root / row.evidence_file).resolve()
    if root not in path.parents or not path.is_file():
        raise HTTPException(status_code=404, detail="No such evidence document.")
    # Always a download, never rendered in AVEC's origin (an uploaded HTML file must not run as a page).
    media = "application/pdf" if path.suffix.lower() == ".pdf" else "application/octet-stream"
    return FileResponse(
        path, filename=row.evidence_name or path.name, media_type=media, headers={"X-Content-Type-Options": "nosniff"}
    )


@router.get("/registry/systems/{slug}/ai-act", response_class=HTMLResponse)
def ai_act_page(slug: str, request: Request, _principal: Committee, session: SessionDep) -> Response:
    """The AI Act guided questions for a system (committee)."""
    system = _system_or_404(session, slug)
    previous = (system.ai_act_answers or {}).get("answers", {})
    return render(
        request,
        "registry/ai_act.html",
        {"system": system, "questions": ai_act.QUESTIONS, "previous": previous, "missing": []},
    )


@router.post("/registry/systems/{slug}/ai-act", response_class=HTMLResponse)
async def ai_act_submit(
    slug: str, request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked
) -> Response:
    """Classify the system from the answers."""
    system = _system_or_404(session, slug)
    form = await request.form()
    answers = {q.id: form.get(q.id) == "yes" for q in ai_act.QUESTIONS if form.get(q.id) in ("yes", "no")}
    missing = [q.id for q in ai_act.QUESTIONS if q.id not in answers]
    if missing:
        given = {k: v for k, v in answers.items()}
        return render(
            request,
            "registry/ai_act.html",
            {"system": system, "questions": ai_act.QUESTIONS, "previous": given, "missing": missing},
            status_code=422,
        )
    service.classify_ai_act(session, system, answers, actor=principal.actor)
    return RedirectResponse(f"/registry/systems/{slug}#ai-act", status_code=303)


def _decision_date(text: str) -> dt.datetime:
    """The decision date of the form (``YYYY-MM-DD``), as midnight UTC."""
    try:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), tzinfo=dt.UTC)
    except ValueError:
        raise ValueError("decided_at : date attendue au format AAAA-MM-JJ / expected YYYY-MM-DD") from None


def _decide_page(
    request: Request,
    session: Session,
    system: AISystem,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
) -> Response:
    evaluation = service.evaluate_system(session, system, _grid(request))
    return render(
        request,
        "registry/decide.html",
        {
            "system": system,
            "targets": lifecycle.allowed_targets(system.status),
            "f": form,
            "errors": errors,
            "use_cases": service.list_use_cases(session, include_inactive=False),
            "evaluation": evaluation,
            "approved_slugs": {u.slug for u in service.use_cases_of_system(session, system.id)},
        },
        status_code=status_code,
    )


@router.get("/registry/systems/{slug}/decide", response_class=HTMLResponse)
def decide_page(slug: str, request: Request, _principal: Committee, session: SessionDep) -> Response:
    """Form for a lifecycle decision of the committee."""
    system = _system_or_404(session, slug)
    return _decide_page(request, session, system, {"version": system.reported_version or system.version}, [])


@router.post("/registry/systems/{slug}/decide", response_class=HTMLResponse)
async def decide(
    slug: str, request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked
) -> Response:
    """Record the committee's decision and move the system (guards: decision, blocking items)."""
    system = _system_or_404(session, slug)
    form = await request.form()
    f: dict[str, Any] = {
        k: str(form.get(k) or "").strip()
        for k in ("to", "members", "decided_at", "minutes_ref", "rationale", "version")
    }
    cases = [str(v) for v in form.getlist("use_cases")]
    f["use_cases"] = cases
    decision = None
    if f["members"] or f["decided_at"] or f["minutes_ref"]:
        try:
            decision = DecisionIn(
                members=f["members"],
                decided_at=_decision_date(f["decided_at"]),
                minutes_ref=f["minutes_ref"],
                rationale=f["rationale"],
                use_cases=cases,
            )
        except (ValidationError, ValueError) as exc:
            errors = _errors(exc) if isinstance(exc, ValidationError) else [str(exc)]
            return _decide_page(request, session, system, f, errors, 422)
    try:
        with session.begin_nested():  # a refused decision leaves nothing half-written
            lifecycle.transition(
                session,
                system,
                f["to"],
                grid=_grid(request),
                actor=principal.actor,
                decision=decision,
                approved_version=f["version"] or None,
            )
    except RegistryError as exc:
        return _decide_page(request, session, system, f, [error_text(request, exc)], exc.status_code)
    return RedirectResponse(f"/registry/systems/{slug}", status_code=303)
