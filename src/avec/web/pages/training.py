"""HTML pages of the training domain (« Apprendre »): modules, quiz (htmx), result, certificate, register.

URLs are French (``/formation/...``): they are the links the gateway's refusal messages point to.
Every page works without JavaScript; with htmx the quiz result replaces the form in place.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from avec.accounts.deps import SessionDep, SettingsDep
from avec.accounts.schemas import Principal
from avec.training import register as training_register
from avec.training import service
from avec.training.certificate import NothingToCertify, certificate_pdf
from avec.training.loader import default_catalog
from avec.training.models import TrainingAttempt
from avec.web.csrf import verify_csrf
from avec.web.deps import WebPrincipal, require_web_roles
from avec.web.i18n import Translator
from avec.web.templating import page_language, render

router = APIRouter()

REGISTER_ROLES = ("quality", "admin", "dpo")
RegisterReader = Annotated[Principal, Depends(require_web_roles(*REGISTER_ROLES))]


def _message(request: Request, exc: service.TrainingError) -> str:
    """The refusal in the page's language (French messages come from the service itself)."""
    lang = page_language(request)
    if lang == "fr":
        return exc.message
    key = f"training.error.{exc.code}"
    text = Translator(lang)(key)
    return exc.message if text == key else text


def _refusal(request: Request, exc: service.TrainingError) -> Response:
    return render(
        request,
        "training/message.html",
        {"message": _message(request, exc), "status": exc.status},
        status_code=exc.status,
    )


@router.get("/training", include_in_schema=False)
def training_alias() -> Response:
    """The menu's English path leads to the French one."""
    return RedirectResponse("/formation", status_code=303)


@router.get("/formation", response_class=HTMLResponse)
def modules_page(request: Request, principal: WebPrincipal, session: SessionDep) -> Response:
    """The modules with the person's status for each (valid until, expired, new version, to do)."""
    lang = page_language(request)
    statuses = service.module_statuses(session, user_id=principal.user_id)
    modules = default_catalog().modules(lang)
    rows = [{"module": m, "status": statuses[m.slug][0], "completion": statuses[m.slug][1]} for m in modules]
    done = sum(1 for r in rows if r["status"] == "valid")
    return render(
        request,
        "training/index.html",
        {
            "rows": rows,
            "done": done,
            "total": len(rows),
            "can_read_register": principal.has_role(*REGISTER_ROLES),
        },
    )


@router.get("/formation/certificat.pdf")
def certificate(
    request: Request, principal: WebPrincipal, session: SessionDep, settings: SettingsDep
) -> Response:
    """The person's certificate (PDF) listing valid modules, versions and dates."""
    try:
        pdf = certificate_pdf(session, user_id=principal.user_id, organisation=settings.organisation)
    except NothingToCertify:
        tr = Translator(page_language(request))
        return render(
            request,
            "training/message.html",
            {"message": tr("training.certificate.none"), "status": 404},
            status_code=404,
        )
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="attestation-formation-ia.pdf"'},
    )


@router.get("/formation/registre", response_class=HTMLResponse)
def register_page(
    request: Request, principal: RegisterReader, session: SessionDep, service_id: int | None = None
) -> Response:
    """The AI-literacy register with per-service coverage (quality, admin, DPO)."""
    coverage = training_register.coverage(session)
    rows = training_register.register_rows(session, service_id=service_id)
    return render(
        request,
        "training/register.html",
        {"coverage": coverage, "rows": rows, "modules": default_catalog().modules(page_language(request))},
    )


@router.get("/formation/registre.csv")
def register_csv(principal: RegisterReader, session: SessionDep) -> Response:
    """The register as a CSV download."""
    text = training_register.register_csv(training_register.register_rows(session))
    return Response(
        text.encode("utf-8-sig"),  # BOM: spreadsheets then read the accents right
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="registre-formation-ia.csv"'},
    )


@router.get("/formation/{slug}", response_class=HTMLResponse)
def module_page(request: Request, slug: str, principal: WebPrincipal, session: SessionDep) -> Response:
    """Read a module: text, sources, the person's status and the button to take the quiz."""
    try:
        module = service.get_module(slug, language=page_language(request))
    except service.TrainingError as exc:
        return _refusal(request, exc)
    status, completion = service.module_statuses(session, user_id=principal.user_id)[module.slug]
    last = service.attempts_for(session, user_id=principal.user_id, slug=module.slug)[:1]
    return render(
        request,
        "training/module.html",
        {
            "module": module,
            "status": status,
            "completion": completion,
            "last_attempt": last[0] if last else None,
        },
    )


@router.post("/formation/{slug}/quiz", dependencies=[Depends(verify_csrf)])
def start_quiz(request: Request, slug: str, principal: WebPrincipal, session: SessionDep) -> Response:
    """Open a new attempt (questions and choices shuffled on the server) and go to it."""
    try:
        attempt = service.start_attempt(
            session, user_id=principal.user_id, slug=slug, language=page_language(request)
        )
    except service.TrainingError as exc:
        return _refusal(request, exc)
    return RedirectResponse(f"/formation/{attempt.module_slug}/quiz/{attempt.id}", status_code=303)


def _quiz_context(attempt: TrainingAttempt, **extra: Any) -> dict[str, Any]:
    module = service.get_module(attempt.module_slug, language=attempt.language)
    return {"module": module, "attempt": attempt, "questions": service.served_questions(attempt)} | extra


@router.get("/formation/{slug}/quiz/{attempt_id}", response_class=HTMLResponse)
def quiz_page(
    request: Request, slug: str, attempt_id: str, principal: WebPrincipal, session: SessionDep
) -> Response:
    """The quiz of an open attempt of this person, in the order stored when it was served."""
    attempt = session.get(TrainingAttempt, attempt_id)
    try:
        if attempt is None or attempt.module_slug != slug:
            raise service.AttemptNotFound("Tentative de quiz introuvable.")
        if attempt.user_id != principal.user_id:
            raise service.AttemptNotYours("Cette tentative de quiz appartient à une autre personne.")
        if attempt.status != "open":
            raise service.AttemptClosed(
                "Cette tentative est close (déjà soumise ou remplacée par une nouvelle) : "
                "commencez une nouvelle tentative depuis le module."
            )
        context = _quiz_context(attempt, answers={}, error=None)
    except service.TrainingError as exc:
        return _refusal(request, exc)
    return render(request, "training/quiz.html", context)


@router.post("/formation/quiz/{attempt_id}", response_class=HTMLResponse, dependencies=[Depends(verify_csrf)])
async def submit_quiz(
    request: Request, attempt_id: str, principal: WebPrincipal, session: SessionDep
) -> Response:
    """Score the answers; shows the result with explanations (htmx: replaces the form in place)."""
    form = await request.form()
    answers: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if key.startswith("q-") and isinstance(value, str):
            answers.setdefault(key[2:], []).append(value)
    fragment = bool(request.headers.get("hx-request"))
    try:
        result = service.submit_attempt(
            session, attempt_id=attempt_id, user_id=principal.user_id, answers=answers
        )
    except service.InvalidAnswers as exc:
        attempt = session.get(TrainingAttempt, attempt_id)
        assert attempt is not None  # InvalidAnswers is raised only for an existing open attempt
        context = _quiz_context(attempt, answers=answers, error=_message(request, exc))
        template = "training/_quiz_form.html" if fragment else "training/quiz.html"
        # htmx swaps 2xx responses only: the corrected form comes back as 200 to htmx, 422 otherwise.
        return render(request, template, context, status_code=200 if fragment else exc.status)
    except service.TrainingError as exc:
        if fragment:
            return render(
                request,
                "training/_notice.html",
                {"message": _message(request, exc)},
                headers={"HX-Retarget": "#quiz-errors", "HX-Reswap": "innerHTML"},
            )
        return _refusal(request, exc)
    module = service.get_module(result.module_slug, language=page_language(request))
    context = {"module": module, "result": result}
    return render(request, "training/_result.html" if fragment else "training/result.html", context)
