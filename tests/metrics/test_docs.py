"""docs/metrics.md documents every metrics setting and CLI command (fails when one is added undocumented)."""

from __future__ import annotations

from pathlib import Path

from avec.metrics.cli import app
from avec.metrics.settings import MetricsSettings

DOC = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in MetricsSettings.model_fields if f"`{name}`" not in text]
    assert not missing, f"undocumented metrics settings: {missing}"


def test_every_cli_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    missing = [name for name in names if f"avec metrics {name}" not in text]
    assert names and not missing, f"undocumented commands: {missing}"
