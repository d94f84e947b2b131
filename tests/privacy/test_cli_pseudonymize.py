"""``avec privacy pseudonymize``: output contract, reproducible seeds, bad input named by line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from avec.privacy.cli import app

DOCS: list[dict[str, Any]] = [
    {
        "id": "a",
        "text": "Mme Jeanne DUPONT, née le 12/03/1984, tél. 06 12 34 56 78.",
        "patient": {"last_name": "Dupont"},
    },
    {"id": "b", "text": "M. Paul MARTIN vu au CHU de Lyon le 1er avril 2024."},
]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["pseudonymize", *args])
    return result.exit_code, result.output


def test_writes_transformed_text_and_replacements(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps(d, ensure_ascii=False) for d in DOCS])
    out = tmp_path / "out.jsonl"
    code, output = _run("--input", str(src), "--output", str(out), "--seed", "5")
    assert code == 0, output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    for doc, line in zip(DOCS, lines, strict=True):
        assert set(line) == {"id", "text", "replacements"}
        rebuilt, cursor, original = [], 0, doc["text"]
        for rep in line["replacements"]:
            assert original[rep["start"] : rep["end"]] == rep["original"]
            assert rep["surrogate"] != rep["original"]
            rebuilt += [original[cursor : rep["start"]], rep["surrogate"]]
            cursor = rep["end"]
        assert "".join(rebuilt) + original[cursor:] == line["text"]  # offsets refer to the input text
    labels = {rep["label"] for line in lines for rep in line["replacements"]}
    assert {"NOM", "PRENOM", "DATE_NAISSANCE", "TEL", "HOPITAL"} <= labels
    assert "DUPONT" not in lines[0]["text"] and "06 12 34 56 78" not in lines[0]["text"]
    # the same seed gives the same surrogates
    again = tmp_path / "again.jsonl"
    assert _run("--input", str(src), "--output", str(again), "--seed", "5")[0] == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_placeholder_mode(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps(DOCS[0], ensure_ascii=False)])
    out = tmp_path / "out.jsonl"
    code, output = _run("--input", str(src), "--output", str(out), "--mode", "placeholder")
    assert code == 0, output
    text = json.loads(out.read_text(encoding="utf-8"))["text"]
    assert text.startswith("Mme [PRENOM_1] [NOM_1], née le [DATE_NAISSANCE_1]")


def test_bad_input_names_the_line_and_leaves_no_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    cases = {
        "json": [json.dumps(DOCS[0]), "{not json"],
        "empty": [json.dumps(DOCS[0]), json.dumps({"id": "x", "text": "  "})],
        "no id": [json.dumps(DOCS[0]), json.dumps({"text": "Bonjour"})],
    }
    for name, lines in cases.items():
        src = _write(tmp_path / f"{name}.jsonl", lines)
        code, output = _run("--input", str(src), "--output", str(out))
        assert code == 2 and "line 2" in output, (name, output)
        assert not out.exists()
    src = tmp_path / "latin1.jsonl"
    src.write_bytes(json.dumps(DOCS[0]).encode() + b'\n{"id": "z", "text": "\xe9t\xe9"}\n')
    code, output = _run("--input", str(src), "--output", str(out))
    assert code == 2 and "line 2" in output and "UTF-8" in output
    assert not out.exists()


def test_unknown_mode_is_refused(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.jsonl", [json.dumps(DOCS[1])])
    code, output = _run("--input", str(src), "--output", str(tmp_path / "o.jsonl"), "--mode", "clear")
    assert code == 2 and "--mode" in output
