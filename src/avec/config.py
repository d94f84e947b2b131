"""Settings (environment prefix ``AVEC_``) and the secrets kept in the data directory.

No settings object is created at import time: build one with ``Settings()`` at the boundary
(CLI command, ``create_app``) and pass it down.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class UpstreamConfig(BaseModel):
    """An OpenAI-compatible upstream serving one model name."""

    base_url: str
    api_key: str = ""
    model: str | None = None  # name to send upstream; defaults to the AVEC model name
    timeout_seconds: float = 60.0
    on_premises: bool = False


class Settings(BaseSettings):
    """AVEC configuration; every field can be set with an ``AVEC_``-prefixed environment variable."""

    model_config = SettingsConfigDict(env_prefix="AVEC_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Path("./var")
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None  # used to build review links; defaults to http://host:port
    organisation: str = "AVEC demo"

    # Embedded model (llama.cpp). Empty path = the GGUF shipped by the PyPI package.
    embedded_enabled: bool = True
    embedded_model_path: Path | None = None
    embedded_threads: int = 2
    embedded_context: int = 2048
    embedded_max_tokens: int = 256

    # OpenAI-compatible upstreams, by AVEC model name (JSON in AVEC_UPSTREAMS).
    upstreams: dict[str, UpstreamConfig] = Field(default_factory=dict)

    # Gateway limits.
    max_request_bytes: int = 256_000
    rate_limit_per_minute: int = 600
    rate_limit_burst: int = 60
    policy_cache_seconds: float = 2.0  # allowed policy decisions are reused this long

    # Group commit: how long the writer waits to gather more work into one transaction.
    commit_batch_max: int = 256

    # Ledger.
    ledger_origin: str = "avec.local/ledger"
    ledger_checkpoint_every: int = 1000
    ledger_checkpoint_seconds: float = 60.0

    # Privacy.
    privacy_max_chars: int = 200_000
    # AVEC's own NER model as a gap filler, on by default (see DetectionConfig.use_trained_ner).
    privacy_trained_ner: bool = True
    vault_retention_days: int = 30
    content_retention_days: int = 180  # interaction contents; the ledger (digests) is kept longer

    # Web.
    default_language: str = "fr"
    session_max_age_seconds: int = 8 * 3600
    secure_cookies: bool = False

    # Metrics (defaults and meaning in avec.metrics.settings.MetricsSettings; None = that default).
    metrics_electricity_zone: str | None = None
    metrics_pue: float | None = None
    metrics_wue: float | None = None
    metrics_embedded_cpu_watts: float | None = None
    metrics_timezone: str | None = None
    metrics_spc_baseline_periods: int | None = None
    metrics_spc_min_decisions: int | None = None
    metrics_alert_interval_seconds: int | None = None
    metrics_prometheus_token: str | None = None
    metrics_version_window_days: int | None = None

    log_level: str = "INFO"
    log_json: bool = True

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'avec.db').resolve()}"

    @property
    def base_url(self) -> str:
        """Public base URL of this AVEC instance (for links in responses)."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")


@dataclass(frozen=True)
class Secrets:
    """Secrets kept as files (mode 0600) in the data directory."""

    session_secret: str
    data_key: bytes  # 32 bytes, AES-256-GCM key for contents holding identifiers
    ledger_signing_key: bytes  # 32-byte Ed25519 private seed


def _read_or_create(path: Path, make: Any) -> bytes:
    if path.exists():
        return base64.b64decode(path.read_text().strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    value: bytes = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(base64.b64encode(value).decode() + "\n")
    return value


def load_secrets(settings: Settings) -> Secrets:
    """Read the secrets from ``data_dir/secrets``, generating any that is missing (0600)."""
    folder = settings.data_dir / "secrets"
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    session = _read_or_create(folder / "session.key", lambda: secrets.token_bytes(32))
    data = _read_or_create(folder / "data.key", lambda: secrets.token_bytes(32))
    ledger = _read_or_create(folder / "ledger.key", lambda: secrets.token_bytes(32))
    return Secrets(session_secret=session.hex(), data_key=data, ledger_signing_key=ledger)
