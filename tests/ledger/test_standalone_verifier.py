"""Export bundle checked offline by the standalone verifier (stdlib + cryptography, no AVEC import)."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from tests.ledger.ledger_helpers import checkpoint, fill

from avec.config import Settings, load_secrets
from avec.db import transaction
from avec.ledger import service
from avec.ledger import verify as standalone
from avec.ledger.export import export_bundle

# Runs the copied verify.py in isolated mode (-I) with any import of `avec` made impossible.
RUNNER = """
import runpy, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "avec" or name.startswith("avec."):
            raise ImportError("the standalone verifier must not import avec")
sys.meta_path.insert(0, Block())
sys.argv = [sys.argv[1], sys.argv[2]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.fixture
def bundle(settings: Settings, sessions: sessionmaker[Session], tmp_path: Path) -> Path:
    """An exported ledger of 30 entries with checkpoints at 10 and 30."""
    fill(sessions, 10)
    checkpoint(settings, sessions)
    fill(sessions, 20, tag="g")
    checkpoint(settings, sessions)
    out = tmp_path / "bundle"
    key = service.verifier_key(settings.ledger_origin, load_secrets(settings).ledger_signing_key)
    with transaction(sessions) as session:
        assert export_bundle(session, out, verifier_key=key) == {"entries": 30, "checkpoints": 2}
    return out


def _run(bundle: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    alone = tmp_path / "auditor" / "verify.py"
    alone.parent.mkdir(exist_ok=True)
    shutil.copyfile(bundle / "verify.py", alone)
    return subprocess.run(
        [sys.executable, "-I", "-c", RUNNER, str(alone), str(bundle)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=alone.parent,
    )


def test_verifier_imports_only_the_standard_library_and_cryptography() -> None:
    tree = ast.parse(Path(standalone.__file__).read_text())
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative import"
            roots.add((node.module or "").split(".")[0])
    assert roots - {"cryptography", "__future__"} <= set(sys.stdlib_module_names), roots


def test_bundle_verifies_offline(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "30 entries" in result.stdout and "2 signed checkpoints" in result.stdout
    assert result.stdout.strip().endswith("OK")


def test_module_entry_point(bundle: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "avec.ledger.verify", str(bundle)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def _lines(bundle: Path) -> list[str]:
    return (bundle / "entries.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)


def _write(bundle: Path, lines: list[str]) -> None:
    (bundle / "entries.jsonl").write_text("".join(lines), encoding="utf-8")


def test_modified_entry_in_bundle_fails(bundle: Path, tmp_path: Path) -> None:
    lines = _lines(bundle)
    entry = json.loads(lines[4])
    entry["actor"] = "user:666"
    lines[4] = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    _write(bundle, lines)
    result = _run(bundle, tmp_path)
    assert result.returncode == 1
    assert "checkpoint 10" in result.stderr and "[0, 9]" in result.stderr


def test_deleted_entry_in_bundle_fails(bundle: Path, tmp_path: Path) -> None:
    lines = _lines(bundle)
    del lines[12]
    _write(bundle, lines)
    result = _run(bundle, tmp_path)
    assert result.returncode == 1 and "entry 12" in result.stderr


def test_reordered_entries_in_bundle_fail(bundle: Path, tmp_path: Path) -> None:
    lines = _lines(bundle)
    lines[3], lines[4] = lines[4], lines[3]
    _write(bundle, lines)
    result = _run(bundle, tmp_path)
    assert result.returncode == 1 and "entry 3" in result.stderr


def test_truncated_bundle_fails(bundle: Path, tmp_path: Path) -> None:
    _write(bundle, _lines(bundle)[:25])
    result = _run(bundle, tmp_path)
    assert result.returncode == 1 and "25..29" in result.stderr


def test_forged_checkpoint_fails(bundle: Path, tmp_path: Path) -> None:
    path = bundle / "checkpoints.jsonl"
    path.write_text(path.read_text().replace("\\n30\\n", "\\n31\\n"))
    result = _run(bundle, tmp_path)
    assert result.returncode == 1 and "signature" in result.stderr


def test_wrong_key_fails(bundle: Path, tmp_path: Path) -> None:
    from avec.ledger.note import NoteSigner

    (bundle / "verifier_key.txt").write_text(NoteSigner("avec.local/ledger", b"x" * 32).verifier_key)
    result = _run(bundle, tmp_path)
    assert result.returncode == 1 and "no signature" in result.stderr


def test_not_a_bundle_is_a_usage_error(tmp_path: Path) -> None:
    assert standalone.main([str(tmp_path)]) == 2
    assert standalone.main([]) == 2
