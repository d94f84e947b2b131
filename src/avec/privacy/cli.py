"""``avec privacy``: detect identifiers in JSONL files and evaluate detection.

Exit codes: 0 success, 2 bad input (the message names the line), 1 other failure. Outputs are
written atomically: a failed run leaves no partial file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from avec.privacy.jsonl import JsonlError, Record, iter_lines, read_predictions, read_records, write_atomic

app = typer.Typer(
    help="Pseudonymization of French clinical text: detection and evaluation.", no_args_is_help=True
)

BAD_INPUT = 2


def max_chars_setting() -> int:
    """The configured text limit (``Settings.privacy_max_chars``), read at the CLI boundary."""
    from avec.config import Settings

    return Settings().privacy_max_chars


def load_records(path: Path, *, gold: bool = False) -> list[Record]:
    """Read and validate an input file, exiting with code 2 and the line number on bad input."""
    try:
        return read_records(path, max_chars=max_chars_setting(), gold=gold)
    except JsonlError as exc:
        typer.echo(f"error: {path.name}: {exc}", err=True)
        raise typer.Exit(BAD_INPUT) from exc


def _detector() -> Any:
    from avec.config import Settings
    from avec.privacy.detection import DetectionConfig, Detector

    settings = Settings()
    return Detector.default(
        DetectionConfig(max_chars=settings.privacy_max_chars, use_trained_ner=settings.privacy_trained_ner)
    )


def run_detection(records: list[Record], batch_size: int = 16) -> dict[str, list[dict[str, object]]]:
    """Spans (contract dicts) for each record id, processed in batches."""
    from avec.privacy.detection import PatientIdentifiers

    detector = _detector()
    out: dict[str, list[dict[str, object]]] = {}
    for i in range(0, len(records), batch_size):
        chunk = records[i : i + batch_size]
        patients = []
        for r in chunk:
            try:
                patients.append(PatientIdentifiers.coerce(r.patient))
            except ValueError as exc:
                typer.echo(
                    f'error: line {r.line}: invalid "patient": {exc.errors()[0]["msg"]}'  # type: ignore[attr-defined]
                    if hasattr(exc, "errors")
                    else f'error: line {r.line}: invalid "patient"',
                    err=True,
                )
                raise typer.Exit(BAD_INPUT) from exc
        results = detector.detect_many([r.text for r in chunk], patients)
        for r, spans in zip(chunk, results, strict=True):
            out[r.id] = [s.to_dict() for s in spans]
    return out


@app.command()
def detect(
    input: Annotated[Path, typer.Option("--input", "-i", help="JSONL: {id, text, patient?} per line")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL: {id, spans} per line")],
) -> None:
    """Detect identifiers; writes one ``{"id", "spans"}`` line per input line."""
    records = load_records(input)
    results = run_detection(records)
    write_atomic(output, iter_lines({"id": r.id, "spans": results[r.id]} for r in records))
    typer.echo(f"{len(records)} documents, {sum(len(v) for v in results.values())} spans -> {output}")


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option("--gold", help="JSONL: {id, text, spans} per line")],
    pred: Annotated[
        Path | None, typer.Option("--pred", help="detect output; default: run the detector")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="also write the metrics as JSON")] = None,
    errors_out: Annotated[
        Path | None,
        typer.Option("--errors", help="also write leaked and over-masked spans with context (JSONL, test data only)"),
    ] = None,
) -> None:
    """Token recall, leak rate, fully-redacted share, strict/overlap P/R/F1, over-masking."""
    from avec.privacy.evaluation import error_listing, evaluate, format_report

    records = load_records(gold, gold=True)
    if pred is not None:
        try:
            predictions = read_predictions(pred)
        except JsonlError as exc:
            typer.echo(f"error: {pred.name}: {exc}", err=True)
            raise typer.Exit(BAD_INPUT) from exc
        missing = [r.id for r in records if r.id not in predictions]
        if missing:
            typer.echo(f"error: {pred.name}: no prediction for {len(missing)} gold document(s)", err=True)
            raise typer.Exit(BAD_INPUT)
    else:
        predictions = run_detection(records)  # type: ignore[assignment]
    docs = [{"id": r.id, "text": r.text, "spans": r.spans} for r in records]
    result = evaluate(docs, predictions)  # type: ignore[arg-type]
    typer.echo(format_report(result))
    if json_out is not None:
        write_atomic(json_out, [json.dumps(result, ensure_ascii=False, indent=2) + "\n"])
    if errors_out is not None:
        rows = error_listing(docs, predictions)  # type: ignore[arg-type]
        write_atomic(errors_out, [json.dumps(row, ensure_ascii=False) + "\n" for row in rows])


@app.command()
def pseudonymize(
    input: Annotated[Path, typer.Option("--input", "-i", help="JSONL: {id, text, patient?} per line")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL: {id, text, replacements} per line")],
    mode: Annotated[str, typer.Option("--mode", help="surrogate or placeholder ([NOM_1])")] = "surrogate",
    seed: Annotated[int | None, typer.Option("--seed", help="reproducible surrogates")] = None,
) -> None:
    """Detect then replace identifiers; writes ``{"id", "text", "replacements"}`` per input line."""
    from avec.privacy.transform import MODES
    from avec.privacy.transform.batch import pseudonymize_documents

    if mode not in MODES:
        typer.echo(f"error: --mode must be one of {', '.join(MODES)}", err=True)
        raise typer.Exit(BAD_INPUT)
    records = load_records(input)
    spans = run_detection(records)
    results = pseudonymize_documents(((r.id, r.text, spans[r.id]) for r in records), mode=mode, seed=seed)
    write_atomic(output, iter_lines(results))
    count = sum(len(r["replacements"]) for r in results)
    typer.echo(f"{len(records)} documents, {count} replacements -> {output}")


if __name__ == "__main__":
    app()
