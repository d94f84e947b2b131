"""AVEC: govern generative AI in health and social care (Apprendre, Vérifier, Estimer, Communiquer).

Public library API (re-exports only).
"""

from avec.config import Settings

__all__ = ["Settings", "create_app"]
__version__ = "0.1.0"


def create_app(settings: Settings | None = None):  # type: ignore[no-untyped-def]
    """Build the FastAPI application (imported lazily to keep ``import avec`` light)."""
    from avec.app import create_app as _create_app

    return _create_app(settings)
