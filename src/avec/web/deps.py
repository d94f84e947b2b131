"""Dependencies of the HTML pages: the logged-in person (redirect to the login page when absent)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from avec.accounts.deps import session_principal
from avec.accounts.schemas import Principal


class LoginRequired(HTTPException):
    """401 on a page: rendered as a redirect to ``/login?next=<path>`` by the web error handler."""

    def __init__(self) -> None:
        super().__init__(status_code=401, detail="Login required.")


class RoleRequired(HTTPException):
    """403 on a page: the person is logged in but no role of theirs opens it."""

    def __init__(self, roles: tuple[str, ...]) -> None:
        super().__init__(status_code=403, detail=f"This page requires one of the roles: {', '.join(roles)}.")
        self.roles = roles


def optional_web_principal(request: Request) -> Principal | None:
    """The logged-in person or None; cached on ``request.state`` for the templates."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    principal = session_principal(request)
    request.state.principal = principal
    return principal


def web_principal(request: Request) -> Principal:
    """The logged-in person; unauthenticated visitors are sent to the login page."""
    principal = optional_web_principal(request)
    if principal is None:
        raise LoginRequired()
    return principal


WebPrincipal = Annotated[Principal, Depends(web_principal)]
OptionalWebPrincipal = Annotated[Principal | None, Depends(optional_web_principal)]


def require_web_roles(*roles: str) -> Callable[[Principal], Principal]:
    """Dependency factory for pages: the person must hold one of ``roles`` (403 page otherwise)."""

    def check(principal: WebPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise RoleRequired(roles)
        return principal

    return check
