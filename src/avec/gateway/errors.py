"""Errors in the OpenAI JSON shape (``{"error": {"message", "type", "param", "code"}}``).

API paths (/v1/, /api/) always answer in that shape; web pages are handed to ``avec.web.errors``.
Messages never contain prompt or answer text.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
    502: "api_error",
    503: "api_error",
    504: "timeout_error",
}


class GatewayError(Exception):
    """An error answered to an API client."""

    def __init__(
        self, status_code: int, message: str, *, code: str | None = None, param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.code = code
        self.param = param
        self.headers = headers or {}


def error_body(status_code: int, message: str, code: str | None = None, param: str | None = None) -> dict[str, Any]:
    """The OpenAI error JSON."""
    return {"error": {"message": message, "type": TYPES.get(status_code, "api_error"), "param": param, "code": code}}


def error_response(exc: GatewayError) -> JSONResponse:
    """JSON response for a GatewayError."""
    return JSONResponse(error_body(exc.status_code, exc.message, exc.code, exc.param), exc.status_code, exc.headers)


def is_api_path(path: str) -> bool:
    """True for the JSON APIs (OpenAI-compatible and AVEC's own)."""
    return path.startswith(("/v1/", "/api/")) or path in ("/v1", "/metrics")


def _web_error(request: Request, status_code: int, message: str) -> Response | None:
    try:
        from avec.web.errors import render_html_error
    except ImportError:
        return None
    response: Response | None = render_html_error(request, status_code, message)
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(GatewayError)
    async def _gateway_error(_request: Request, exc: GatewayError) -> Response:
        return error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "Request refused."
        if not is_api_path(request.url.path):
            page = _web_error(request, exc.status_code, message)
            if page is not None:
                return page
        code = {401: "invalid_api_key", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code)
        return JSONResponse(error_body(exc.status_code, message, code), exc.status_code, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        param = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or None
        message = f"Invalid request: {param + ': ' if param else ''}{first.get('msg')}"
        if not is_api_path(request.url.path):
            page = _web_error(request, 400, message)
            if page is not None:
                return page
        return JSONResponse(error_body(400, message, "invalid_request", param), 400)
