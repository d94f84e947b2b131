"""Errors on HTML pages: 401 sends the person to the login page, anything else renders the error page.

The application's exception handlers (``avec.gateway.errors``) call ``render_html_error`` first;
it returns None for API paths (``/v1/``, ``/api/``, ``/static/``), which keep their JSON errors.
The error page shows a plain message chosen by status code (or a known exception detail),
never the request's content.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

log = logging.getLogger(__name__)

API_PREFIXES = ("/v1/", "/api/", "/static/")

_FALLBACK = (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur {status} - AVEC</title></head>'
    '<body><main><h1>Erreur {status}</h1><p>Une erreur est survenue. <a href="/">Retour à l\'accueil</a></p>'
    "</main></body></html>"
)

# Details of known exceptions -> their message key (the detail itself is English, for the API).
_DETAIL_KEYS: tuple[tuple[str, str], ...] = (
    ("The form's security token", "common.error.csrf"),
    ("This page requires one of the roles", "common.error.forbidden_role"),
)

_MESSAGES = {
    400: "common.error.bad_request",
    401: "common.error.login_required",
    403: "common.error.forbidden",
    404: "common.error.not_found",
    405: "common.error.bad_request",
    409: "common.error.conflict",
    413: "common.error.too_large",
    422: "common.error.bad_request",
    429: "common.error.too_many",
}


def is_page_path(path: str) -> bool:
    """True for paths served as HTML pages (everything but the APIs and static files)."""
    return not (path.startswith(API_PREFIXES) or path in ("/v1", "/api", "/healthz", "/readyz"))


def login_redirect(request: Request) -> Response:
    """Redirect to the login page, coming back to this page afterwards (htmx: ``HX-Redirect``)."""
    target = "/"
    if request.method == "GET":
        target = request.url.path + ("?" + request.url.query if request.url.query else "")
    location = "/login?next=" + quote(target, safe="/")
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)


def message_key_for(status_code: int, message: str = "") -> str:
    """The translated message to show for an error (known details first, then the status code)."""
    for prefix, key in _DETAIL_KEYS:
        if message.startswith(prefix):
            return key
    if status_code >= 500:
        return "common.error.server"
    return _MESSAGES.get(status_code, "common.error.bad_request")


def render_html_error(request: Request, status_code: int, message: str = "") -> Response | None:
    """The HTML response for an error on a page, or None if ``request`` is an API call.

    ``message`` is the exception's detail: it only selects which plain-language text is shown.
    """
    if not is_page_path(request.url.path):
        return None
    if status_code == 401:
        return login_redirect(request)
    from avec.web.templating import render  # late import: templating imports the deps that raise errors

    key = message_key_for(status_code, message)
    try:
        return render(
            request,
            "errors/error.html",
            {"status_code": status_code, "message_key": key},
            status_code=status_code,
        )
    except Exception:  # noqa: BLE001 - the error page must not fail (e.g. database down): plain fallback
        log.exception("error page could not be rendered")
        return HTMLResponse(_FALLBACK.format(status=status_code), status_code=status_code)
