"""Structured fields: dotted-leader labels, ``key=value`` lines and XML elements/attributes.

Exports from information systems name each value with a key: ``NOM DE NAISSANCE..: KERHERVE``,
``patient.adresse.cp=67000``, ``<ville>Béziers</ville>``, ``ipp="340019877"``. The key says what
the value is, so the value is labelled from the key (:func:`avec.privacy.detection.field_keys.classify_key`,
re-exported here) whatever its shape.
Hand-written: no library reads these ad-hoc layouts, and the rules are short.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_key
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold
from avec.privacy.spans import Span

_FOLDED_TITLE = re.compile(r"(?i)(?:dr|pr|m|mme|mlle|mr|monsieur|madame|docteur|professeur)\.?\s+")


def value_spans(ctx: DetectionContext, start: int, end: int, kind: str, source: str) -> list[Span]:
    """Spans for the value ``text[start:end]`` of a field of ``kind``."""
    text = ctx.text
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip(" \t\"'"))
    start += lead
    end = start + len(text[start:end].rstrip(" \t\"',;"))
    if end <= start or not re.search(r"\w", text[start:end]):
        return []
    value = text[start:end]
    if kind in ("nom", "prenom", "person", "nom_first"):
        pos = start
        title = _FOLDED_TITLE.match(value)
        if title:
            pos += title.end()
        words = [w for w in scan_run(text, pos, ctx.lexicons, allow_lower=True, max_words=4) if w.end <= end]
        if not words:
            return []
        hint = "title" if title else {"person": "auto", "nom_first": "nom"}.get(kind, kind)
        labelled = label_run(words, ctx.lexicons, hint, ctx.all_caps)
        # A "Prénom(s)" field lists given names: one PRENOM span for the space-separated run
        # (annotation convention), merged by ``to_spans`` like every name run.
        out = to_spans(text, labelled, 0.93, source)
        tail = re.match(r"\s*[-–,]\s*([A-ZÀ-Ý][\w'’\- ]+?)\s*$", text[words[-1].end : end])
        if kind == "person" and tail and is_commune(ctx, tail.group(1)):
            a = words[-1].end + tail.start(1)
            out.append(Span(a, a + len(tail.group(1)), "VILLE", 0.85, source))
        return out
    if kind == "DATE_NAISSANCE":
        # The key says it is a birth date ("ddn=", <naissance date="...">): above dates.py's DATE.
        if _DATE_VALUE.fullmatch(value):
            return [Span(start, end, "DATE_NAISSANCE", 0.97, source)]
        return []
    if kind == "ADRESSE":
        cut = re.search(r"[,–-]?\s*\b\d{5}\b", value)
        if cut and cut.start() > 0:
            end = start + cut.start()
            value = text[start:end].rstrip(" ,")
            end = start + len(value)
        if not re.search(r"[A-Za-zÀ-ÿ]{3}", value):
            return []
    if kind == "ZIP" and not re.fullmatch(r"(?:\d{5}|\d{2} ?\d{3}|2[AB]\d{3})", value):
        return []
    if kind == "SECU" and (sum(c.isdigit() for c in value) < 11 or re.search(r"[^\W\d_]{3}", value)):
        return []  # "Matricule INS : en attente"; a NIR has 13 characters and its key
    if kind == "MAIL" and "@" not in value:
        return []
    if kind in ("IPP", "NDA") and not re.search(r"\d{3}", value):
        return []
    if kind in ("VILLE", "HOPITAL") and not re.match(r"[^\W\d]", value):
        return []
    if kind == "VILLE":  # "Quimper (29) - code INSEE 29232": the commune only
        cut = re.search(r"\s*(?:\(|\s[-–]\s|,|;)", value)
        if cut and cut.start() > 0:
            end = start + cut.start()
    return [Span(start, end, kind, 0.9, source)]


_DATE_VALUE = re.compile(
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|(?:19|20)\d{6})"
)


# JSON arrays of strings: "given": ["Jean", "Pierre"], "line": ["12 rue des Lilas"] (FHIR).
_JSON_ARRAY = re.compile(
    r'"(?P<key>[^"\n]{1,40})"\s*:\s*\[(?P<items>\s*"[^"\n]{1,200}"(?:\s*,\s*"[^"\n]{1,200}")*)\s*\]'
)
_JSON_ITEM = re.compile(r'"([^"\n]{1,200})"')


def _json_array_spans(ctx: DetectionContext) -> list[Span]:
    spans: list[Span] = []
    for m in _JSON_ARRAY.finditer(ctx.text):
        key = m.group("key")
        kind = "ADRESSE" if key.lower() in ("line", "lines", "lignes") else classify_key(key)
        if kind is None:
            continue
        for item in _JSON_ITEM.finditer(ctx.text, m.start("items"), m.end("items")):
            spans.extend(value_spans(ctx, item.start(1), item.end(1), kind, "structured"))
    return spans


def _tab_pair_spans(ctx: DetectionContext) -> list[Span]:
    """Label/value pairs separated by tabs: "Nom<TAB>DUPONT<TAB>Prénom<TAB>Jean"."""
    text = ctx.text
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if "\t" in line:
            cells = []
            pos = 0
            for cell in line.split("\t"):
                cells.append((pos, cell))
                pos += len(cell) + 1
            two = len([c for _, c in cells if c.strip()]) == 2
            for (_, key), (vpos, value) in zip(cells, cells[1:], strict=False):
                if not (two or key.rstrip().endswith(":")):
                    continue  # "Nom<TAB>Service<TAB>Date" is a header row, not pairs
                kind = classify_key(key.strip().rstrip(":").strip()) if key.strip() else None
                if kind is None or not value.strip() or classify_key(value.strip().rstrip(":").strip()):
                    continue
                spans.extend(value_spans(ctx, offset + vpos, offset + vpos + len(value), kind, "structured"))
        offset += len(line) + 1
    return spans


_GENERIC_ATTRS = {"date", "value", "valeur", "val", "v"}


def _enclosing_tag(text: str, pos: int) -> str:
    """Name of the XML tag whose attributes hold ``pos`` ("" when none)."""
    m = re.search(r"<(?:[\w\-]+:)?([A-Za-z_][\w.\-]*)[^<>]*$", text[max(0, pos - 300) : pos])
    return m.group(1) if m else ""


def is_commune(ctx: DetectionContext, words: str) -> bool:
    """True when ``words`` name a known commune (any case, hyphens or spaces)."""
    key = fold(words).strip().replace(" ", "-")
    return key in ctx.lexicons.communes or key.replace("-", " ") in ctx.lexicons.communes


# "NOM DE NAISSANCE..: KERHERVE", "IPP...............: 000871264", "Nom ......... Dupont"
_DOTTED = re.compile(
    r"(?m)^[ \t]*(?P<key>[A-Za-zÀ-ÿ][\w()'’. /-]{0,40}?)[ \t]*(?:\.{2,}|…+)[ \t]*:?[ \t]*(?P<value>[^\n]*)$"
)
# "patient.nom=HAEBERLE", "cp = 67000" (one pair per line).
_KEY_VALUE = re.compile(r"(?m)^[ \t]*(?P<key>[A-Za-z_][\w.\-]{0,60})[ \t]*=[ \t]*(?P<value>[^\n=]*)$")
# <nom>FERREIRA</nom>, <pat:nom>...</pat:nom> (no nested element inside)
_XML_ELEMENT = re.compile(
    r"<(?:[\w\-]+:)?(?P<key>[A-Za-z_][\w.\-]{0,40})(?:\s[^<>]*)?>(?P<value>[^<>\n]{1,200})</(?:[\w\-]+:)?(?P=key)>"
)
# JSON: "nom": "DUPONT", "ipp": 123456
_JSON_PAIR = re.compile(r'"(?P<key>[^"\n]{1,40})"\s*:\s*(?:"(?P<value>[^"\n]{1,200})"|(?P<num>\d{5,20})\b)')
# ipp="340019877", lieu='Béziers'
_XML_ATTR = re.compile(r"(?<=\s)(?P<key>[A-Za-z_][\w.\-]{0,40})=(?P<q>[\"'])(?P<value>[^\"'<>\n]{1,200})(?P=q)")


# "Nom utilisé           MADEC": a key, a gap of three spaces or more, one value (identity blocks
# of exported records). Kept only where two such lines follow each other.
_SPACED_PAIR = re.compile(
    r"(?m)^[ \t]*(?P<key>[A-Za-zÀ-ÿ][\w()'’/.-]*(?: [\w()'’/.-]+){0,4})[ ]{3,}(?P<value>\S(?:(?! {3})[^\n\t])*)$"
)


def _spaced_pair_spans(ctx: DetectionContext) -> list[Span]:
    pairs = []
    for m in _SPACED_PAIR.finditer(ctx.text):
        kind = classify_key(m.group("key"))
        first_word = m.group("value").split()[0]
        if kind is None or classify_key(first_word) or classify_key(m.group("value").strip()):
            continue  # "NOM   PRENOM" is a header row, not a key and its value
        pairs.append((m, kind))
    spans: list[Span] = []
    lines = {ctx.text.count("\n", 0, m.start()) for m, _ in pairs}
    for m, kind in pairs:
        line_no = ctx.text.count("\n", 0, m.start())
        if line_no - 1 in lines or line_no + 1 in lines:
            spans.extend(value_spans(ctx, m.start("value"), m.end("value"), kind, "structured"))
    return spans


@recognizer("structured", 84)
def find_structured_fields(ctx: DetectionContext) -> list[Span]:
    """Values of structured keys: dotted leaders, ``key=value`` lines, XML elements and attributes."""
    text = ctx.text
    spans: list[Span] = []
    rxs = []
    if ".." in text or "…" in text:
        rxs.append(_DOTTED)
    if "=" in text:
        rxs.append(_KEY_VALUE)
    if "</" in text:
        rxs.append(_XML_ELEMENT)
    if '="' in text or "='" in text:
        rxs.append(_XML_ATTR)
    if '":' in text or '" :' in text:
        rxs.append(_JSON_PAIR)
        spans.extend(_json_array_spans(ctx))
    if "\t" in text:
        spans.extend(_tab_pair_spans(ctx))
    if "   " in text:
        spans.extend(_spaced_pair_spans(ctx))
    for rx in rxs:
        for m in rx.finditer(text):
            kind = classify_key(m.group("key"))
            if rx is _XML_ATTR and kind is None and m.group("key").lower() in _GENERIC_ATTRS:
                kind = classify_key(_enclosing_tag(text, m.start()))  # <naissance date="...">
            if kind is None:
                continue
            group = "value" if m.group("value") is not None else "num"
            spans.extend(value_spans(ctx, m.start(group), m.end(group), kind, "structured"))
    return spans
