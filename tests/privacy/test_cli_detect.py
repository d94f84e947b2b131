"""The `avec privacy detect` / `eval` contract and its bad-input cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from avec.privacy.cli import app

runner = CliRunner()
HAND = Path(__file__).parents[1] / "data" / "privacy" / "handwritten.jsonl"


def write_lines(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def test_detect_writes_one_line_per_input(tmp_path: Path, detector: object) -> None:
    src = write_lines(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "Mme Rose Petit, tél. 06 12 34 56 78."},
            {"id": "b", "text": "Kerhervé revu.", "patient": {"last_name": "Kerhervé"}},
            {"id": "c", "text": "Doliprane 1 g."},
        ],
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["detect", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["spans"] == [
        {"start": 4, "end": 8, "label": "PRENOM", "score": rows[0]["spans"][0]["score"]},
        {"start": 9, "end": 14, "label": "NOM", "score": rows[0]["spans"][1]["score"]},
        {"start": 21, "end": 35, "label": "TEL", "score": rows[0]["spans"][2]["score"]},
    ]
    assert set(rows[0]["spans"][0]) == {"start", "end", "label", "score"}
    assert rows[1]["spans"][0]["label"] == "NOM" and rows[2]["spans"] == []


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([{"id": "a", "text": "ok"}, {"id": "b", "text": ""}], 'line 2: empty "text"'),
        ([{"id": "a", "text": "ok"}, "{not json"], "line 2: invalid JSON"),
        ([{"text": "sans identifiant"}], 'line 1: missing or empty "id"'),
        ([{"id": "a", "text": "ok"}, {"id": "a", "text": "encore"}], 'line 2: duplicate "id"'),
        ([{"id": "a", "text": 3}], 'line 1: missing "text"'),
        ([{"id": "a", "text": "ok", "patient": "Dupont"}], 'line 1: "patient" must be an object'),
        ([{"id": "a", "text": "ok", "patient": {"birth_date": "hier"}}], 'line 1: invalid "patient"'),
    ],
)
def test_bad_input_names_the_line_and_leaves_no_output(
    tmp_path: Path, lines: list[object], message: str, detector: object
) -> None:
    src = write_lines(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["detect", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_non_utf8_and_over_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["detect", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 2 and "line 2: not valid UTF-8" in result.output and not out.exists()
    monkeypatch.setenv("AVEC_PRIVACY_MAX_CHARS", "20")
    write_lines(src, [{"id": "a", "text": "court"}, {"id": "b", "text": "x" * 21}])
    result = runner.invoke(app, ["detect", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 2 and "line 2" in result.output and "over the limit of 20" in result.output
    assert not out.exists()


def test_existing_output_is_kept_when_input_is_bad(tmp_path: Path) -> None:
    out = write_lines(tmp_path / "out.jsonl", [{"id": "old", "spans": []}])
    src = write_lines(tmp_path / "in.jsonl", ["[1, 2]"])
    result = runner.invoke(app, ["detect", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 2 and "line 1: expected a JSON object" in result.output
    assert json.loads(out.read_text())["id"] == "old"


def test_eval_with_and_without_predictions(tmp_path: Path, detector: object) -> None:
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [json.loads(line) for line in HAND.read_text(encoding="utf-8").splitlines()[:5]],
    )
    pred = tmp_path / "pred.jsonl"
    assert runner.invoke(app, ["detect", "--input", str(gold), "--output", str(pred)]).exit_code == 0
    report = tmp_path / "m.json"
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--json", str(report)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(report.read_text())
    for key in (
        "token_recall",
        "entity_leak_rate",
        "documents_fully_redacted",
        "strict_micro",
        "overlap_micro",
        "per_label",
        "over_masked_spans",
    ):
        assert key in metrics
    direct = runner.invoke(app, ["eval", "--gold", str(gold)])
    assert (
        direct.exit_code == 0
        and f"token recall (labels ignored): {metrics['token_recall']:.4f}" in direct.output
    )
    # Empty predictions: nothing masked, every entity leaks.
    empty = write_lines(
        tmp_path / "empty.jsonl",
        [{"id": json.loads(line)["id"], "spans": []} for line in gold.read_text().splitlines()],
    )
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(empty)])
    assert "entity leak rate: 1.0000" in result.output


def test_eval_rejects_bad_gold(tmp_path: Path) -> None:
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [{"id": "a", "text": "Dupont", "spans": [{"start": 0, "end": 60, "label": "NOM"}]}],
    )
    result = runner.invoke(app, ["eval", "--gold", str(gold)])
    assert result.exit_code == 2 and "line 1: span 0 has invalid bounds" in result.output
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [{"id": "a", "text": "Dupont", "spans": [{"start": 0, "end": 6, "label": "PERSON"}]}],
    )
    result = runner.invoke(app, ["eval", "--gold", str(gold)])
    assert result.exit_code == 2 and "unknown label 'PERSON'" in result.output


def test_module_entry_point(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{oops\n", encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "avec.privacy.cli",
            "detect",
            "--input",
            str(src),
            "--output",
            str(tmp_path / "o.jsonl"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "line 1: invalid JSON" in proc.stderr
