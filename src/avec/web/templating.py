"""Rendering of the HTML pages: one Jinja2 environment and ``render()``, which adds what every page needs.

Every template receives ``principal`` (or None), ``lang``, ``_`` (translation), ``csrf_token``,
``csrf_field()``, ``nav`` (the menu for the person's roles), ``current_path`` and ``organisation``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from avec.accounts.schemas import Principal
from avec.web.csrf import csrf_field, csrf_token
from avec.web.deps import optional_web_principal
from avec.web.i18n import LANG_COOKIE, Translator, normalise_language, request_language

TEMPLATES_DIR = Path(__file__).parent / "templates"
ALL_ROLES = ("professional", "reviewer", "quality", "dpo", "admin")


@dataclass(frozen=True)
class NavItem:
    """One entry of the main menu, shown to the listed roles."""

    href: str
    label_key: str
    roles: tuple[str, ...]


# The menu, in order. A domain adds its page here (one line) when it lands.
NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("/", "common.nav.home", ALL_ROLES),
    NavItem("/workspace", "common.nav.workspace", ("professional",)),
    NavItem("/reviews", "common.nav.reviews", ("professional", "reviewer", "quality")),
    NavItem("/history", "common.nav.history", ("professional", "reviewer", "quality")),
    NavItem("/formation", "common.nav.training", ALL_ROLES),
    NavItem("/registry", "common.nav.registry", ALL_ROLES),
    NavItem("/metrics/dashboard", "common.nav.metrics", ("quality", "admin", "dpo")),
    NavItem("/ledger", "common.nav.ledger", ("dpo", "admin", "quality")),
)


def nav_for(principal: Principal | None) -> list[NavItem]:
    """The menu entries the person may open (none before login)."""
    if principal is None:
        return []
    return [item for item in NAV_ITEMS if principal.has_role(*item.roles)]


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The Jinja2 environment on ``web/templates`` (autoescaping on, undefined names fail loudly in tests)."""
    env = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env.env.trim_blocks = True
    env.env.lstrip_blocks = True
    return env


def page_language(request: Request) -> str:
    """The language of this page (query, cookie, the language chosen at login, default)."""
    session_lang = request.session.get("lang") if "session" in request.scope else None
    return request_language(request, session_lang if isinstance(session_lang, str) else None)


def base_context(request: Request) -> dict[str, Any]:
    """What every template receives."""
    principal = optional_web_principal(request)
    lang = page_language(request)
    return {
        "request": request,
        "principal": principal,
        "lang": lang,
        "_": Translator(lang),
        "csrf_token": csrf_token(request),
        "csrf_field": lambda: csrf_field(request),
        "nav": nav_for(principal),
        "current_path": request.url.path,
        "organisation": request.app.state.settings.organisation,
    }


def render(
    request: Request,
    template_name: str,
    context: Mapping[str, Any] | None = None,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """Render ``template_name`` with ``context`` plus the common context; remembers a ``?lang=`` choice."""
    full = base_context(request)
    full.update(context or {})
    response = templates().TemplateResponse(
        request, template_name, full, status_code=status_code, headers=dict(headers or {})
    )
    chosen = normalise_language(request.query_params.get("lang"))
    if chosen:
        response.set_cookie(LANG_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response
