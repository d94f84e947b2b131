"""`avec ledger ...` commands on a real SQLite database (settings from the environment)."""

from __future__ import annotations

import json
import subprocess
import sys
from base64 import b64decode
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import fill
from typer.testing import CliRunner

from avec.cli import app
from avec.config import Settings
from avec.db import transaction
from avec.ledger import merkle
from avec.ledger.note import NoteVerifier, open_note, parse_checkpoint

runner = CliRunner()


@pytest.fixture
def env(settings: Settings, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("AVEC_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("AVEC_DATABASE_URL", raising=False)
    fill(sessions, 12)
    return settings


def _ok(*args: str) -> str:
    result = runner.invoke(app, ["ledger", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_key_checkpoint_and_proofs(env: Settings) -> None:
    key = _ok("key").strip()
    assert key.startswith("avec.local/ledger+")
    note = _ok("checkpoint")
    origin, size, root = parse_checkpoint(open_note(note, NoteVerifier(key)))
    assert (origin, size) == ("avec.local/ledger", 12)
    proof = json.loads(_ok("prove", "inclusion", "5"))
    assert proof["size"] == 12 and proof["checkpoint"] == note
    merkle.verify_inclusion(5, 12, b64decode(proof["leaf_hash"]), [b64decode(h) for h in proof["proof"]], root)
    cons = json.loads(_ok("prove", "consistency", "3", "12"))
    assert cons["new_root"] == proof["root"] and len(cons["proof"]) > 0
    status = json.loads(_ok("status"))
    assert status == {"size": 12, "root": proof["root"], "latest_checkpoint": 12}
    assert json.loads(_ok("show", "3"))["index"] == 3


def test_bad_requests_exit_2(env: Settings) -> None:
    for args in (
        ["show", "99"],
        ["prove", "inclusion", "50"],
        ["prove", "consistency", "0", "5"],
        ["prove", "consistency", "5", "99"],
    ):
        result = runner.invoke(app, ["ledger", *args])
        assert result.exit_code == 2, args
        assert "error:" in result.output


def test_verify_exit_codes(env: Settings, sessions: sessionmaker[Session]) -> None:
    _ok("checkpoint")
    assert "OK" in _ok("verify")
    with transaction(sessions) as session:
        session.execute(text("DELETE FROM ledger_entries WHERE idx = 4"))
    result = runner.invoke(app, ["ledger", "verify"])
    assert result.exit_code == 1
    assert "FAILED entry 4: deleted" in result.output


def test_export_then_offline_check(env: Settings, tmp_path: Path) -> None:
    _ok("checkpoint")
    out = tmp_path / "export"
    assert "exported 12 entries and 1 checkpoints" in _ok("export", "--out", str(out))
    result = subprocess.run([sys.executable, str(out / "verify.py"), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
