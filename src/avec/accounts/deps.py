"""FastAPI dependencies: database session, settings, and who is calling (API key or web session)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from avec.accounts import service
from avec.accounts.models import User
from avec.accounts.schemas import Principal
from avec.config import Settings


def get_settings(request: Request) -> Settings:
    """The application's settings."""
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """A session in a transaction, committed when the endpoint returns without error."""
    with request.app.state.sessions() as session, session.begin():
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


class ApiAuthError(HTTPException):
    """401 for the API (rendered in OpenAI error shape by the gateway's handlers)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=401, detail=message, headers={"WWW-Authenticate": "Bearer"})


def bearer_token(request: Request) -> str | None:
    """The bearer token of the request (Authorization header, or api-key header as Azure clients send)."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.headers.get("api-key") or None


def api_principal(request: Request) -> Principal:
    """Authenticate an API caller by its AVEC key (401 otherwise)."""
    token = bearer_token(request)
    if not token:
        raise ApiAuthError("Missing API key: send 'Authorization: Bearer avec_...'.")
    cache = request.app.state.principal_cache
    principal = cache.get(token)
    if principal is None:
        with request.app.state.read_sessions() as session:
            principal = service.resolve_api_key(session, token)
        if principal is None:
            raise ApiAuthError("Invalid or revoked API key.")
        cache.put(token, principal)
    return principal


def session_principal(request: Request) -> Principal | None:
    """The principal of the web session (cookie), or None when not logged in."""
    user_id = request.session.get("user_id") if "session" in request.scope else None
    if not user_id:
        return None
    with request.app.state.sessions() as session:
        user = session.get(User, int(user_id))
        if user is None or not user.is_active:
            return None
        return service.principal_for(user)


def any_principal(request: Request) -> Principal:
    """API key or web session; 401 if neither."""
    if bearer_token(request):
        return api_principal(request)
    principal = session_principal(request)
    if principal is None:
        raise ApiAuthError("Authentication required.")
    return principal


ApiPrincipal = Annotated[Principal, Depends(api_principal)]
AnyPrincipal = Annotated[Principal, Depends(any_principal)]


def require_roles(*roles: str) -> Callable[[Principal], Principal]:
    """Dependency factory: the caller (API key or session) must hold one of ``roles`` (403 otherwise)."""

    def check(principal: AnyPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise HTTPException(status_code=403, detail=f"This requires one of the roles: {', '.join(roles)}.")
        return principal

    return check
