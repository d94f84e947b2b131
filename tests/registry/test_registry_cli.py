"""`avec registry ...`: list, export, grid validation and decisions, with clear errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from avec.cli import app
from avec.demo import load_demo


@pytest.fixture
def cli(settings, monkeypatch):
    """A runner on a demo database (settings come from AVEC_ variables, as in production)."""
    monkeypatch.setenv("AVEC_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("AVEC_DATABASE_URL", raising=False)
    load_demo(settings)
    return CliRunner()


def test_list_and_exports(cli, tmp_path: Path):
    listing = cli.invoke(app, ["registry", "list"])
    assert listing.exit_code == 0 and "gemma-3-270m-embedded\tapproved" in listing.output
    out = tmp_path / "inventory.csv"
    done = cli.invoke(app, ["registry", "export", "--format", "csv", "-o", str(out)])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert {r["slug"]: r["status"] for r in rows} == {
        "gemma-3-270m-embedded": "approved",
        "mistral-large-hds": "under_evaluation",
    }
    as_json = json.loads(cli.invoke(app, ["registry", "export"]).output)
    assert len(as_json) == 2
    assert cli.invoke(app, ["registry", "export", "--format", "xml"]).exit_code == 2


def test_validate_grid_names_the_faulty_item(cli, tmp_path: Path):
    good = cli.invoke(app, ["registry", "validate-grid"])
    assert good.exit_code == 0 and "grid OK" in good.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        'grid: org\nversion: "1"\nitems:\n  - id: odd\n    source: HAS\n    question: "Question ?"\n    type: stars\n',
        "utf-8",
    )
    result = cli.invoke(app, ["registry", "validate-grid", str(bad)])
    assert result.exit_code == 1 and "bad.yaml: item 'odd' (#1): unknown type 'stars'" in result.output


def test_transition_needs_a_complete_decision(cli):
    missing = cli.invoke(app, ["registry", "transition", "mistral-large-hds", "--to", "approved"])
    assert missing.exit_code == 1 and "committee decision" in missing.output
    partial = cli.invoke(
        app, ["registry", "transition", "mistral-large-hds", "--to", "suspended", "--members", "Comité"]
    )
    assert partial.exit_code == 2 and "--date" in partial.output
    blocked = cli.invoke(
        app,
        [
            "registry",
            "transition",
            "mistral-large-hds",
            "--to",
            "approved",
            "--members",
            "Comité IA",
            "--date",
            "2026-11-28",
            "--minutes",
            "CR-9",
            "--use-case",
            "record-summary",
        ],
    )
    assert blocked.exit_code == 1 and "no-training-on-our-data" in blocked.output
    ok = cli.invoke(
        app,
        [
            "registry",
            "transition",
            "gemma-3-270m-embedded",
            "--to",
            "suspended",
            "--members",
            "Comité IA",
            "--date",
            "2026-11-28",
            "--minutes",
            "CR-9",
        ],
    )
    assert ok.exit_code == 0 and "suspended" in ok.output
    show = json.loads(cli.invoke(app, ["registry", "show", "gemma-3-270m-embedded"]).output)
    assert show["status"] == "suspended" and show["decisions"][0]["minutes_ref"] == "CR-9"


def test_every_registry_command_is_documented():
    from avec.registry.cli import app as registry_app

    docs = (Path(__file__).resolve().parents[2] / "docs" / "registry.md").read_text("utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in registry_app.registered_commands]
    assert len(names) >= 5
    assert [n for n in names if f"avec registry {n}" not in docs] == []
