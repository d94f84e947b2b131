"""Access log as structured lines: method, route template, status, duration. Never the query string,
the body or a concrete path (paths may carry ids): the route template only, e.g. ``/interactions/{id}``.

A pure ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware on the gateway's hot path).
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("avec.access")


class AccessLogMiddleware:
    """Logs one line per HTTP request, after the response has started."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or (
                "/static" if scope["path"].startswith("/static") else "unmatched"
            )
            log.info(
                "request",
                extra={
                    "fields": {
                        "method": scope["method"],
                        "route": template,
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 2),
                    }
                },
            )
