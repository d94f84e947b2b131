"""Protection against forged forms (CSRF): a per-session token checked on every state-changing request.

The token lives in the signed session cookie. Forms carry it in a hidden ``csrf_token`` field
(``{{ csrf_field() }}`` in templates); htmx requests carry it in the ``X-CSRF-Token`` header, set
once for the whole page by ``hx-headers`` on ``<body>``. A request whose token is missing or wrong
gets 403 before the endpoint runs, so nothing is changed. Starlette has no CSRF helper of its own
and the available add-ons are either unmaintained or middleware that buffers every body; a token
compared with ``hmac.compare_digest`` is all that is needed here.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from markupsafe import Markup, escape

SESSION_KEY = "csrf"
FORM_FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class CsrfError(HTTPException):
    """403: the form was not produced by this site for this session."""

    def __init__(self) -> None:
        super().__init__(
            status_code=403,
            detail="The form's security token is missing or wrong (forged or expired form): "
            "nothing was changed. Reload the page and try again.",
        )


def csrf_token(request: Request) -> str:
    """This session's CSRF token, created on first use."""
    token = request.session.get(SESSION_KEY)
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


def rotate_csrf_token(request: Request) -> str:
    """Issue a new token (at login and logout, so a token seen before login is useless after)."""
    request.session.pop(SESSION_KEY, None)
    return csrf_token(request)


def csrf_field(request: Request) -> Markup:
    """The hidden form field carrying the token."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(
        FORM_FIELD, escape(csrf_token(request))
    )


async def submitted_token(request: Request) -> str | None:
    """The token sent with the request: header first (htmx), else the form field."""
    header = request.headers.get(HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()  # cached by Starlette: the endpoint can read it again
        value = form.get(FORM_FIELD)
        return value if isinstance(value, str) else None
    return None


async def verify_csrf(request: Request) -> None:
    """Dependency: refuse (403) a state-changing request without this session's token."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get(SESSION_KEY) if "session" in request.scope else None
    sent = await submitted_token(request)
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected.encode(), sent.encode()):
        raise CsrfError()


async def verify_csrf_unless_api_key(request: Request) -> None:
    """Dependency for JSON routes used both by programs (API key, no cookie) and by pages (cookie)."""
    from avec.accounts.deps import bearer_token

    if bearer_token(request):
        return
    await verify_csrf(request)


CsrfChecked = Annotated[None, Depends(verify_csrf)]
