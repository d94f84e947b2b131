"""Which provider serves which AI system: the embedded model, or an OpenAI-compatible upstream.

The binding comes from the registry's AI system row (provider, base_url, upstream_model); upstream
API keys never live in the database: they come from ``AVEC_UPSTREAMS`` (by system slug).
"""

from __future__ import annotations

import asyncio
import logging

from avec.config import Settings
from avec.gateway.providers.base import Provider, ProviderError
from avec.gateway.providers.embedded import EmbeddedProvider
from avec.gateway.providers.openai_compatible import OpenAICompatibleProvider

log = logging.getLogger(__name__)


class ProviderRegistry:
    """Holds the embedded provider and one pooled client per upstream."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.embedded: EmbeddedProvider | None = EmbeddedProvider(settings) if settings.embedded_enabled else None
        self._upstreams: dict[tuple[str, str], OpenAICompatibleProvider] = {}

    async def start(self) -> None:
        """Load the embedded model (in a thread) if enabled."""
        if self.embedded is not None:
            await asyncio.to_thread(self.embedded.load)

    @property
    def ready(self) -> bool:
        """True when the embedded model (if enabled) is loaded."""
        return self.embedded is None or self.embedded.ready

    def for_system(self, slug: str, provider: str, base_url: str | None) -> Provider:
        """The provider for an AI system."""
        if provider == "embedded":
            if self.embedded is None:
                raise ProviderError("The embedded model is disabled on this server.", status_code=503)
            return self.embedded
        upstream = self._settings.upstreams.get(slug)
        url = base_url or (upstream.base_url if upstream else None)
        if not url:
            raise ProviderError(f"No upstream URL configured for the AI system '{slug}'.", status_code=502)
        key = upstream.api_key if upstream else ""
        client = self._upstreams.get((url, key))
        if client is None:
            timeout = upstream.timeout_seconds if upstream else 60.0
            client = OpenAICompatibleProvider(url, key, timeout=timeout)
            self._upstreams[(url, key)] = client
        return client

    async def close(self) -> None:
        """Close every client and free the model."""
        for client in self._upstreams.values():
            await client.close()
        if self.embedded is not None:
            await self.embedded.close()
