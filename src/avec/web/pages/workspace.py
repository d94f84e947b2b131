"""HTML pages: the professional's workspace (Vérifier): compose, check, preview, send.

GET  /workspace            choose a use case and an AI system, start from a prompt template
POST /workspace/check      (htmx) prompt quality hints + the pseudonymized preview of what will leave
POST /workspace/send       the request goes through the gateway path; then the draft's review page
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.schemas import Principal
from avec.gateway import pipeline
from avec.gateway.errors import GatewayError
from avec.gateway.privacy_step import get_detector
from avec.gateway.schemas import ChatCompletionRequest
from avec.registry import policy
from avec.registry.models import AISystem, UseCase
from avec.review.preview import Preview, PreviewUnavailable, preview_outgoing
from avec.review.prompt_hints import Hint, prompt_hints
from avec.web.csrf import verify_csrf
from avec.web.deps import require_web_roles
from avec.web.templating import render

router = APIRouter()
MAX_PROMPT_CHARS = 8000
Professional = Annotated[Principal, Depends(require_web_roles("professional"))]
PromptField = Annotated[str, Form(max_length=MAX_PROMPT_CHARS * 2)]


@dataclass(frozen=True)
class UseCaseChoice:
    """A use case the person may use, with its approved systems and prompt templates."""

    slug: str
    title: str
    description: str
    patient_data_allowed: bool
    systems: list[tuple[str, str]]  # (slug, name)
    templates: list[dict[str, Any]]
    required_modules: list[str]


def use_case_choices(session: Session, principal: Principal) -> list[UseCaseChoice]:
    """Active use cases open to the person's roles that have at least one approved AI system."""
    out: list[UseCaseChoice] = []
    for uc in session.scalars(select(UseCase).where(UseCase.active.is_(True)).order_by(UseCase.title)):
        if uc.allowed_roles and not principal.has_role(*uc.allowed_roles):
            continue
        systems = []
        for link in uc.systems:
            system = session.get(AISystem, link.ai_system_id)
            if system is not None and system.status == "approved":
                systems.append((system.slug, system.name))
        if systems:
            out.append(
                UseCaseChoice(
                    slug=uc.slug,
                    title=uc.title,
                    description=uc.description,
                    patient_data_allowed=uc.patient_data_allowed,
                    systems=sorted(systems),
                    templates=[t for t in uc.prompt_templates if isinstance(t, dict)],
                    required_modules=list(uc.required_modules or []),
                )
            )
    return out


def _new_conversation_id() -> str:
    return "ws_" + secrets.token_hex(16)


def _workspace(
    request: Request,
    principal: Principal,
    *,
    use_case: str | None,
    template: int | None = None,
    prompt: str | None = None,
    system: str | None = None,
    conversation_id: str | None = None,
    error: str | None = None,
    error_key: str | None = None,
    status_code: int = 200,
) -> Response:
    with request.app.state.sessions() as session:
        choices = use_case_choices(session, principal)
    chosen = next((c for c in choices if c.slug == use_case), choices[0] if choices else None)
    if prompt is None:
        prompt = ""
        if chosen and chosen.templates:
            index = template if template is not None and 0 <= template < len(chosen.templates) else 0
            prompt = str(chosen.templates[index].get("text", ""))
    return render(
        request,
        "workspace/compose.html",
        {
            "choices": choices,
            "chosen": chosen,
            "prompt": prompt,
            "system": system or (chosen.systems[0][0] if chosen and chosen.systems else ""),
            "conversation_id": conversation_id or _new_conversation_id(),
            "max_chars": MAX_PROMPT_CHARS,
            "error": error,
            "error_key": error_key,
        },
        status_code=status_code,
    )


@router.get("/workspace", response_class=HTMLResponse)
def workspace(
    request: Request, principal: Professional, use_case: str | None = None, template: int | None = None
) -> Response:
    """The compose form (use case, AI system, prompt template)."""
    return _workspace(request, principal, use_case=use_case, template=template)


def _prompt_error(prompt: str) -> str | None:
    if not prompt.strip():
        return "workspace.error.empty"
    if len(prompt) > MAX_PROMPT_CHARS:
        return "workspace.error.too_long"
    return None


def _check_sync(
    request: Request, principal: Principal, prompt: str, use_case: str, system: str, conversation_id: str
) -> tuple[list[Hint], Preview | None, str | None]:
    """Policy check, then detection and preview in one transaction (the vault mapping is saved)."""
    state = request.app.state
    with state.sessions() as session, session.begin():
        try:
            decision = policy.check(
                session,
                principal=principal,
                model=system,
                use_case_slug=use_case,
                has_patient_data=False,
                base_url=state.settings.base_url,
            )
        except policy.PolicyRefusal as refusal:
            return prompt_hints(prompt), None, refusal.message
        preview = preview_outgoing(
            session,
            detector=get_detector(state),
            text=prompt,
            conversation_id=conversation_id,
            data_key=state.secrets.data_key,
            settings=state.settings,
            send_clear_text=decision.send_clear_text,
        )
    return prompt_hints(prompt, preview.spans), preview, None


@router.post("/workspace/check", response_class=HTMLResponse, dependencies=[Depends(verify_csrf)])
async def check(
    request: Request,
    principal: Professional,
    prompt: PromptField = "",
    use_case: Annotated[str, Form(max_length=100)] = "",
    system: Annotated[str, Form(max_length=200)] = "",
    conversation_id: Annotated[str, Form(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")] = "",
) -> Response:
    """Hints and the preview of what will leave (an HTML fragment for htmx, or the full page)."""
    error_key = _prompt_error(prompt)
    context: dict[str, Any] = {"hints": [], "preview": None, "policy_error": None, "error_key": error_key}
    status = 422 if error_key else 200
    if not error_key:
        try:
            hints, preview, policy_error = await asyncio.to_thread(
                _check_sync,
                request,
                principal,
                prompt,
                use_case,
                system,
                conversation_id or _new_conversation_id(),
            )
        except PreviewUnavailable:
            context["error_key"], status = "workspace.error.privacy", 503
        else:
            context.update(hints=hints, preview=preview, policy_error=policy_error)
    # htmx swaps only 2xx responses: the fragment is 200 and carries the error; the full page has the status.
    if request.headers.get("hx-request"):
        return render(request, "workspace/_check.html", context)
    return render(request, "workspace/check_page.html", context, status_code=status)


@router.post("/workspace/send", dependencies=[Depends(verify_csrf)])
async def send(
    request: Request,
    principal: Professional,
    prompt: PromptField = "",
    use_case: Annotated[str, Form(max_length=100)] = "",
    system: Annotated[str, Form(max_length=200)] = "",
    conversation_id: Annotated[str, Form(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")] = "",
) -> Response:
    """Send through the gateway path (policy, pseudonymization, model, ledger, review queue)."""

    def again(**extra: Any) -> Response:
        return _workspace(
            request,
            principal,
            use_case=use_case,
            prompt=prompt,
            system=system,
            conversation_id=conversation_id,
            **extra,
        )

    error_key = _prompt_error(prompt)
    if error_key:
        return again(error_key=error_key, status_code=422)
    chat = ChatCompletionRequest.model_validate(
        {
            "model": system,
            "messages": [{"role": "user", "content": prompt}],
            "avec": {"use_case": use_case, "conversation_id": conversation_id or _new_conversation_id()},
        }
    )
    try:
        result = await pipeline.run_chat(request.app.state, principal, chat, channel="web")
    except GatewayError as exc:
        return again(error=exc.message, status_code=exc.status_code)
    return RedirectResponse(f"/interactions/{result.public_id}", status_code=303)
