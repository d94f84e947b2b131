"""HTML pages of the registry for the committee: add and edit the use cases of the catalogue.

Included by :mod:`avec.web.pages.registry` (its router mounts this one).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from avec.accounts.deps import SessionDep
from avec.accounts.schemas import Principal
from avec.registry import service
from avec.registry.schemas import UseCaseCreate, UseCaseFields
from avec.registry.service import RegistryError
from avec.web.csrf import CsrfChecked
from avec.web.deps import require_web_roles
from avec.web.i18n import Translator
from avec.web.templating import ALL_ROLES, page_language, render

router = APIRouter()
Committee = Annotated[Principal, Depends(require_web_roles("admin", "quality", "dpo"))]


def parse_templates(text: str) -> list[dict[str, str]]:
    """Prompt templates written as blocks: a ``# Title`` line, then the template text."""
    templates: list[dict[str, str]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith("# "):
            templates.append({"title": line[2:].strip(), "text": ""})
        elif templates:
            templates[-1]["text"] += line + "\n"
        elif line.strip():
            raise ValueError(
                "prompt_templates : chaque modèle commence par une ligne « # Titre » / "
                "each template starts with a '# Title' line"
            )
    return [{"title": t["title"], "text": t["text"].strip("\n")} for t in templates]


def templates_text(templates: list[dict[str, Any]]) -> str:
    """The textarea form of prompt templates."""
    return "\n".join(f"# {t.get('title', '')}\n{t.get('text', '')}\n" for t in templates)


def form_values(form: Any, *, with_slug: bool) -> dict[str, Any]:
    """Turn the use case form into the fields of :class:`UseCaseFields`."""
    values: dict[str, Any] = {k: str(form.get(k) or "").strip() for k in ("title", "description", "risk_level")}
    if with_slug:
        values["slug"] = str(form.get("slug") or "").strip()
    for key in ("patient_data_allowed", "clear_text_allowed", "review_required", "active"):
        values[key] = form.get(key) == "on"
    values["allowed_roles"] = [str(r) for r in form.getlist("allowed_roles")]
    values["required_modules"] = [str(m) for m in form.getlist("required_modules")]
    share = str(form.get("second_reading_percent") or "0").strip().replace(",", ".")
    values["second_reading_share"] = float(share) / 100 if share.replace(".", "", 1).isdigit() else share
    values["prompt_templates"] = parse_templates(str(form.get("prompt_templates") or ""))
    values["patient_information"] = str(form.get("patient_information") or "").strip()
    values["embedded_frame"] = str(form.get("embedded_frame") or "").replace("\r\n", "\n").strip() or None
    return values


def _page(
    request: Request, slug: str | None, values: dict[str, Any], errors: list[str], status_code: int = 200
) -> Response:
    from avec.training.loader import default_catalog

    modules = [(m.meta.slug, m.meta.title) for m in default_catalog().modules()]
    return render(
        request,
        "registry/use_case_form.html",
        {
            "slug": slug,
            "v": values,
            "errors": errors,
            "roles": ALL_ROLES,
            "modules": modules,
            "templates_text": templates_text(values.get("prompt_templates") or []),
        },
        status_code=status_code,
    )


def _error(request: Request, exc: RegistryError) -> str:
    key = f"registry.error.{exc.code}"
    text = Translator(page_language(request))(key)
    return exc.message if text == key else text


def _messages(exc: ValidationError | ValueError) -> list[str]:
    if isinstance(exc, ValidationError):
        return [f"{'.'.join(str(p) for p in e['loc'])} : {e['msg']}" for e in exc.errors()]
    return [str(exc)]


@router.get("/registry/use-cases/new", response_class=HTMLResponse)
def new_page(request: Request, _principal: Committee) -> Response:
    """Form to add a use case."""
    return _page(
        request,
        None,
        {"risk_level": "medium", "review_required": True, "active": True, "second_reading_share": 0.1},
        [],
    )


@router.post("/registry/use-cases/new", response_class=HTMLResponse)
async def create(request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked) -> Response:
    """Add a use case (no AI system is allowed for it until an approval lists it)."""
    form = await request.form()
    values: dict[str, Any] = {"slug": str(form.get("slug") or ""), "title": str(form.get("title") or "")}
    try:
        values = form_values(form, with_slug=True)
        with session.begin_nested():
            service.create_use_case(session, UseCaseCreate.model_validate(values), actor=principal.actor)
    except (ValidationError, ValueError) as exc:
        return _page(request, None, values, _messages(exc), 422)
    except RegistryError as exc:
        return _page(request, None, values, [_error(request, exc)], exc.status_code)
    return RedirectResponse(f"/registry#use-case-{values['slug']}", status_code=303)


@router.get("/registry/use-cases/{slug}/edit", response_class=HTMLResponse)
def edit_page(slug: str, request: Request, _principal: Committee, session: SessionDep) -> Response:
    """Form to edit a use case."""
    try:
        use_case = service.get_use_case(session, slug)
    except RegistryError:
        raise HTTPException(status_code=404, detail="Unknown use case.") from None
    values = {c: getattr(use_case, c) for c in UseCaseFields.model_fields}
    return _page(request, slug, values, [])


@router.post("/registry/use-cases/{slug}/edit", response_class=HTMLResponse)
async def edit(slug: str, request: Request, principal: Committee, session: SessionDep, _csrf: CsrfChecked) -> Response:
    """Save a use case (versioned, with a ledger entry)."""
    try:
        use_case = service.get_use_case(session, slug)
    except RegistryError:
        raise HTTPException(status_code=404, detail="Unknown use case.") from None
    form = await request.form()
    values: dict[str, Any] = {}
    try:
        values = form_values(form, with_slug=False)
        with session.begin_nested():
            service.update_use_case(session, use_case, UseCaseFields.model_validate(values), actor=principal.actor)
    except (ValidationError, ValueError) as exc:
        return _page(request, slug, values, _messages(exc), 422)
    except RegistryError as exc:
        return _page(request, slug, values, [_error(request, exc)], exc.status_code)
    return RedirectResponse(f"/registry#use-case-{slug}", status_code=303)
