"""`avec review pending` and `avec review agreement` on a real database."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session, sessionmaker
from tests.review.outputs import DRAFT, make_output
from typer.testing import CliRunner

from avec.config import Settings
from avec.demo import load_demo
from avec.review.cli import app


def test_pending_lists_metadata_only_and_agreement(
    settings: Settings, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(settings)
    pid = make_output(sessions, settings, "dr.martin", channel="api")
    make_output(sessions, settings, "inf.bernard")
    monkeypatch.setenv("AVEC_DATA_DIR", str(settings.data_dir))
    runner = CliRunner()
    result = runner.invoke(app, ["pending", "--service", "cardiologie", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["interaction"] for r in rows] == [pid] and rows[0]["channel"] == "api"
    assert DRAFT not in result.output
    assert len(runner.invoke(app, ["pending", "--json"]).stdout.splitlines()) == 2
    unknown = runner.invoke(app, ["pending", "--service", "nope"])
    assert unknown.exit_code == 2 and "unknown service" in unknown.output
    agreement = runner.invoke(app, ["agreement"])
    assert agreement.exit_code == 0 and "second readings: 0" in agreement.stdout
