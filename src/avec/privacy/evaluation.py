"""Evaluation of detection against gold spans.

Metrics: token-level recall with labels ignored (the safety metric), entity leak rate (share of
gold entities with any non-space character left unmasked), share of documents fully redacted,
strict and overlap precision/recall/F1 per label and micro, and the count of over-masked spans
(predicted spans touching no gold entity).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_TOKEN = re.compile(r"\w+")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _mask(length: int, spans: Iterable[Mapping[str, Any]]) -> bytearray:
    covered = bytearray(length)
    for s in spans:
        start, end = max(0, int(s["start"])), min(length, int(s["end"]))
        if end > start:
            covered[start:end] = b"\x01" * (end - start)
    return covered


def evaluate(
    gold_docs: Sequence[Mapping[str, Any]], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, Any]:
    """Compare ``predictions`` (by document id) with ``gold_docs`` (``{"id","text","spans"}``)."""
    tokens_total = tokens_hit = 0
    tok_by_label: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    entities = leaked = docs_clean = over_masked = 0
    strict: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
    overlap: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp_pred, pred, tp_gold, gold
    for doc in gold_docs:
        text: str = doc["text"]
        gold = list(doc["spans"])
        pred = list(predictions.get(doc["id"], []))
        covered = _mask(len(text), pred)
        doc_leak = False
        for g in gold:
            entities += 1
            seg = range(g["start"], g["end"])
            if any(not covered[i] and not text[i].isspace() for i in seg):
                leaked += 1
                doc_leak = True
            for m in _TOKEN.finditer(text, g["start"], g["end"]):
                hit = all(covered[i] for i in range(m.start(), m.end()))
                tokens_total += 1
                tokens_hit += hit
                tok_by_label[g["label"]][0] += hit
                tok_by_label[g["label"]][1] += 1
        docs_clean += not doc_leak
        gold_keys = {(g["start"], g["end"], g["label"]) for g in gold}
        for p in pred:
            strict[p["label"]][1] += 1
            overlap[p["label"]][1] += 1
            if (p["start"], p["end"], p["label"]) in gold_keys:
                strict[p["label"]][0] += 1
            if any(
                g["label"] == p["label"] and g["start"] < p["end"] and p["start"] < g["end"] for g in gold
            ):
                overlap[p["label"]][0] += 1
            if not any(g["start"] < p["end"] and p["start"] < g["end"] for g in gold):
                over_masked += 1
        for g in gold:
            strict[g["label"]][2] += 1
            overlap[g["label"]][3] += 1
            if any(
                p["label"] == g["label"] and p["start"] < g["end"] and g["start"] < p["end"] for p in pred
            ):
                overlap[g["label"]][2] += 1
    labels = sorted(set(strict) | set(overlap))
    per_label = {}
    for lab in labels:
        st, ov = strict[lab], overlap[lab]
        o_p = ov[0] / ov[1] if ov[1] else 1.0
        o_r = ov[2] / ov[3] if ov[3] else 1.0
        per_label[lab] = {
            "gold": st[2],
            "pred": st[1],
            "strict": _prf(st[0], st[1], st[2]),
            "overlap": {
                "precision": round(o_p, 4),
                "recall": round(o_r, 4),
                "f1": round(2 * o_p * o_r / (o_p + o_r), 4) if o_p + o_r else 0.0,
            },
            "token_recall": round(tok_by_label[lab][0] / tok_by_label[lab][1], 4)
            if tok_by_label[lab][1]
            else 1.0,
        }
    s_tp = sum(v[0] for v in strict.values())
    s_pred = sum(v[1] for v in strict.values())
    s_gold = sum(v[2] for v in strict.values())
    o_tp_p = sum(v[0] for v in overlap.values())
    o_tp_g = sum(v[2] for v in overlap.values())
    o_p = o_tp_p / s_pred if s_pred else 1.0
    o_r = o_tp_g / s_gold if s_gold else 1.0
    return {
        "documents": len(gold_docs),
        "entities": entities,
        "token_recall": round(tokens_hit / tokens_total, 4) if tokens_total else 1.0,
        "entity_leak_rate": round(leaked / entities, 4) if entities else 0.0,
        "documents_fully_redacted": round(docs_clean / len(gold_docs), 4) if gold_docs else 1.0,
        "over_masked_spans": over_masked,
        "strict_micro": _prf(s_tp, s_pred, s_gold),
        "overlap_micro": {
            "precision": round(o_p, 4),
            "recall": round(o_r, 4),
            "f1": round(2 * o_p * o_r / (o_p + o_r), 4) if o_p + o_r else 0.0,
        },
        "per_label": per_label,
    }


def format_report(result: Mapping[str, Any]) -> str:
    """Plain-text table of an :func:`evaluate` result."""
    lines = [
        f"documents: {result['documents']}  entities: {result['entities']}",
        f"token recall (labels ignored): {result['token_recall']:.4f}",
        f"entity leak rate: {result['entity_leak_rate']:.4f}",
        f"documents fully redacted: {result['documents_fully_redacted']:.4f}",
        f"over-masked spans: {result['over_masked_spans']}",
        f"strict micro  P {result['strict_micro']['precision']:.4f}  R {result['strict_micro']['recall']:.4f}"
        f"  F1 {result['strict_micro']['f1']:.4f}",
        f"overlap micro P {result['overlap_micro']['precision']:.4f}"
        f"  R {result['overlap_micro']['recall']:.4f}"
        f"  F1 {result['overlap_micro']['f1']:.4f}",
        "",
        f"{'label':<15}{'gold':>6}{'pred':>6}{'tokR':>8}{'strictP':>9}{'strictR':>9}{'strictF1':>9}{'ovF1':>8}",
    ]
    for lab, v in result["per_label"].items():
        lines.append(
            f"{lab:<15}{v['gold']:>6}{v['pred']:>6}{v['token_recall']:>8.3f}{v['strict']['precision']:>9.3f}"
            f"{v['strict']['recall']:>9.3f}{v['strict']['f1']:>9.3f}{v['overlap']['f1']:>8.3f}"
        )
    return "\n".join(lines)


def error_listing(
    gold_docs: Sequence[Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    context: int = 40,
) -> list[dict[str, Any]]:
    """Leaked gold entities and over-masked predictions, each with its surrounding text.

    For development on annotated test data only: the records hold the entity text itself.
    """
    errors: list[dict[str, Any]] = []
    for doc in gold_docs:
        text: str = doc["text"]
        gold = list(doc["spans"])
        pred = list(predictions.get(doc["id"], []))
        covered = _mask(len(text), pred)
        for g in gold:
            seg = range(g["start"], g["end"])
            if any(not covered[i] and not text[i].isspace() for i in seg):
                errors.append(_error_record("leak", doc["id"], text, g, context))
        for p in pred:
            if not any(g["start"] < p["end"] and p["start"] < g["end"] for g in gold):
                errors.append(_error_record("over_masked", doc["id"], text, p, context))
    return errors


def _error_record(kind: str, doc_id: str, text: str, span: Mapping[str, Any], context: int) -> dict[str, Any]:
    start, end = int(span["start"]), int(span["end"])
    return {
        "kind": kind,
        "id": doc_id,
        "label": span["label"],
        "text": text[start:end],
        "context": text[max(0, start - context) : start] + "⟦" + text[start:end] + "⟧" + text[end : end + context],
    }
