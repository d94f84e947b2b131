"""HTML pages: log in (argon2 password check) and log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from avec.accounts import service as accounts_service
from avec.accounts.deps import SessionDep
from avec.web.csrf import rotate_csrf_token, verify_csrf
from avec.web.login_throttle import LoginThrottle
from avec.web.templating import render

router = APIRouter()


def _throttle(request: Request) -> LoginThrottle:
    throttle = getattr(request.app.state, "login_throttle", None)
    if throttle is None:
        throttle = request.app.state.login_throttle = LoginThrottle()
    return throttle


def safe_next(value: str | None) -> str:
    """A local path to go back to after login (anything else, e.g. another site, becomes ``/``)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value or "\n" in value:
        return "/"
    return value


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:  # noqa: A002 - the query parameter's name
    """The login form (already logged-in people go straight on)."""
    if request.session.get("user_id"):
        return RedirectResponse(safe_next(next), status_code=303)
    info = "auth.logged_out" if request.query_params.get("bye") else None
    return render(
        request,
        "auth/login.html",
        {"next_url": safe_next(next), "username": "", "error_key": None, "info_key": info},
    )


@router.post("/login", response_class=HTMLResponse, dependencies=[Depends(verify_csrf)])
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",  # noqa: A002 - the form field's name
) -> Response:
    """Check the password; on success start a fresh session and go to ``next``."""
    username = username.strip()
    context = {"next_url": safe_next(next), "username": username, "info_key": None}
    if not username or not password:
        return render(request, "auth/login.html", context | {"error_key": "auth.missing"}, status_code=400)
    throttle = _throttle(request)
    client = request.client.host if request.client else "unknown"
    keys = (f"user:{username.lower()}", f"ip:{client}")
    if throttle.blocked(*keys):
        return render(request, "auth/login.html", context | {"error_key": "auth.too_many"}, status_code=429)
    user = accounts_service.authenticate(session, username, password)
    if user is None:
        throttle.failed(*keys)
        return render(request, "auth/login.html", context | {"error_key": "auth.failed"}, status_code=401)
    throttle.succeeded(keys[0])
    lang = user.language
    request.session.clear()  # no session fixation: nothing from before login survives
    request.session["user_id"] = user.id
    request.session["lang"] = lang
    rotate_csrf_token(request)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(verify_csrf)])
def logout(request: Request) -> Response:
    """End the session."""
    request.session.clear()
    rotate_csrf_token(request)
    return RedirectResponse("/login?bye=1", status_code=303)
