"""``create_app(settings)``: the FastAPI application; its lifespan owns engines, writer and providers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from avec.accounts.principal_cache import PrincipalCache
from avec.config import Settings, load_secrets
from avec.db import make_engine, make_read_sessionmaker, make_sessionmaker
from avec.gateway.errors import install_error_handlers
from avec.gateway.policy_cache import PolicyCache
from avec.gateway.providers.registry import ProviderRegistry
from avec.gateway.rate_limit import RateLimiter
from avec.group_commit import GroupCommitter
from avec.request_log import AccessLogMiddleware

log = logging.getLogger(__name__)
WEB_DIR = Path(__file__).parent / "web"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for ``settings`` (read from the environment if not given)."""
    settings = settings or Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    secrets = load_secrets(settings)
    engine = make_engine(settings.resolved_database_url)
    sessions = make_sessionmaker(engine)
    providers = ProviderRegistry(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.committer = GroupCommitter(sessions, batch_max=settings.commit_batch_max)
        await providers.start()
        checkpointer = _start_checkpointer(app)
        log.info("avec started", extra={"fields": {"database": engine.dialect.name}})
        try:
            yield
        finally:
            if checkpointer is not None:
                checkpointer.stop()
            app.state.committer.close()
            await providers.close()
            engine.dispose()

    app = FastAPI(title="AVEC", version="0.1.0", lifespan=lifespan, docs_url="/api/docs", redoc_url=None)
    app.state.settings = settings
    app.state.secrets = secrets
    app.state.engine = engine
    app.state.sessions = sessions
    app.state.read_sessions = make_read_sessionmaker(engine)
    app.state.providers = providers
    app.state.principal_cache = PrincipalCache()
    app.state.policy_cache = PolicyCache(ttl=settings.policy_cache_seconds)
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secrets.session_secret,
        session_cookie="avec_session",
        max_age=settings.session_max_age_seconds,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(AccessLogMiddleware)
    install_error_handlers(app)
    _include_routers(app)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app


def _start_checkpointer(app: FastAPI):  # type: ignore[no-untyped-def]
    """Start the ledger's periodic checkpointer if the ledger domain provides one."""
    try:
        from avec.ledger.checkpointer import start_checkpointer
    except ImportError:
        return None
    return start_checkpointer(app.state)


def _include_routers(app: FastAPI) -> None:
    from avec.gateway import health
    from avec.gateway import router as gateway_router
    from avec.ledger import router as ledger_router
    from avec.metrics import router as metrics_router
    from avec.registry import router as registry_router
    from avec.review import router as review_router
    from avec.training import router as training_router
    from avec.web.pages import auth, home, workspace
    from avec.web.pages import ledger as ledger_pages
    from avec.web.pages import metrics as metrics_pages
    from avec.web.pages import registry as registry_pages
    from avec.web.pages import review as review_pages
    from avec.web.pages import training as training_pages

    app.include_router(health.router)
    app.include_router(gateway_router.router)
    for module in (ledger_router, metrics_router, registry_router, review_router, training_router):
        app.include_router(module.router)
    pages = (auth, home, ledger_pages, metrics_pages, registry_pages, review_pages, training_pages, workspace)
    for page in pages:
        app.include_router(page.router)


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` with several workers (settings from the environment)."""
    return create_app(Settings())
