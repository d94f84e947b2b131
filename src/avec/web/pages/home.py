"""HTML pages: the home page, one block per role the person holds."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from avec.accounts.deps import SessionDep
from avec.web.deps import WebPrincipal
from avec.web.i18n import Translator
from avec.web.templating import page_language, render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, principal: WebPrincipal, session: SessionDep) -> Response:
    """Home: what each of the person's roles needs first (work to do, pending reviews, shortcuts)."""
    from avec.review import service as review_service

    summary = review_service.home_summary(session, principal)
    tr = Translator(page_language(request))
    role_labels = ", ".join(tr(f"common.roles.{role}") for role in sorted(principal.roles))
    return render(request, "home/home.html", {"summary": summary, "role_labels": role_labels})
