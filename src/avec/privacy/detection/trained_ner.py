"""AVEC's own NER model (``avec/privacy/ner_model/model``, trained on generated documents by
``avec.privacy.ner_model.train``), loaded once per process from the package directory.

It complements the rules and ``fr_core_news_md``: it runs on the lines holding a word that no rule
explains (capitalised, or lower case and not an ordinary word). The filters below were redesigned
for the model retrained on hand-written documents (2026-11-30): they trust its context more (a
lone unknown name mid-sentence, "Paweł NOWAK", "HUBER T.", a first name that is also a word when
written as a name, a commune that is also a word, an acronym inside a facility name) and still
refuse titles, ranks, countries, drugs, units, medical acronyms, eponyms, Latin genus names and
ordinary words without a name beside them. Its priority is below every rule, except for an entity
that only extends what rules found ("CAPTV de Lyon" around the commune "Lyon", "Ben Saïd" around
the first name "Saïd"): that one replaces the shorter spans.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.names import STOP_WORDS
from avec.privacy.detection.ner import use_numpy_blas
from avec.privacy.detection.ner_regions import add_window, covered_mask
from avec.privacy.detection.registry import PRIORITIES, DetectionContext
from avec.privacy.detection.resolve import resolve
from avec.privacy.detection.text import fold_key
from avec.privacy.detection.trained_ner_filters import (
    INITIAL_AFTER,
    NAME_LABELS,
    TITLES,
    WORD,
    caps_surname_first,
    eponym_context,
    known_name,
    line_start,
    lower_text,
    name_like,
    ordinary,
    place_like,
    plain_word,
    sentence_start_at,
    town_like,
)
from avec.privacy.spans import Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "ner_model" / "model"
SOURCE = "trained_ner"
PRIORITIES[SOURCE] = 44  # below every rule and fr_core_news_md (45): it fills gaps only
# An entity that strictly contains the name and place spans of rules (and crosses no other span)
# replaces them: above names, communes and addresses (<= 75), below named facilities (78).
SOURCE_WHOLE = "trained_ner_whole"
PRIORITIES[SOURCE_WHOLE] = 77
_PLACES = {"HOPITAL": NAME_LABELS | {"VILLE", "HOPITAL"}, "ADRESSE": NAME_LABELS | {"VILLE", "ADRESSE"}}
_EXTENDS = {"NOM": NAME_LABELS, "PRENOM": NAME_LABELS, "VILLE": {"VILLE"}, **_PLACES}
_LABELS = {"NOM", "PRENOM", "VILLE", "HOPITAL", "ADRESSE"}
# Ranks of firefighters, gendarmes and the army written before a name ("Sgt LE GALL", "Cpl Kerhervé",
# "Sap. Guillemot", "MDC Etcheverry"): part of no name, and no name on their own.
TITLES |= {
    "sgt", "sgc", "cpl", "cch", "sap", "sp", "adj", "adc", "cne", "cdt", "lt", "ltn", "col", "gal", "mdl",
    "mdc", "brig", "gpx", "opj", "apj", "sergent", "caporal", "sapeur", "adjudant", "lieutenant", "capitaine",
    "commandant", "colonel", "brigadier", "major", "gendarme",
}


class TrainedNer:
    """The loaded model; ``entities`` is thread-safe (one call at a time per model)."""

    def __init__(self, path: Path) -> None:
        import spacy

        if not (path / "config.cfg").is_file():
            raise FileNotFoundError(f"trained NER model not found in {path}")
        self.nlp: Any = spacy.load(path)
        self._lock = threading.Lock()
        self._blas = use_numpy_blas(self.nlp)

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) of the model's entities for each text (batched)."""
        # The memory zone frees the strings the texts added (see ner.NerModel.entities).
        with self._lock, self._blas(), self.nlp.memory_zone():
            return [
                [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in _LABELS]
                for doc in self.nlp.pipe(texts, batch_size=64)
            ]


@lru_cache(maxsize=2)
def load_trained_ner(path: str = str(MODEL_DIR)) -> TrainedNer:
    """The process-wide model (loaded on first use, well under a second)."""
    return TrainedNer(Path(path))


# Words of context kept on each side of a candidate word. The model sees 4 tokens on each side
# (tok2vec: 4 CNN layers of window 1), so 8 whitespace-separated words give it the same input as
# the whole line; long prose lines then cost a window, not the paragraph.
_CONTEXT_WORDS = 8
_CHUNK = re.compile(r"\S+")


def trained_regions(ctx: DetectionContext, spans: list[Span]) -> list[tuple[int, int]]:
    """(start, end) of the windows around the words no span covers that the filters below could
    keep: a capitalised word that is a known name or not an ordinary word (in a lower-case text,
    any word that is not an ordinary one), with _CONTEXT_WORDS words on each side, within its line;
    windows that meet form one segment."""
    text = ctx.text
    lower = lower_text(ctx)
    covered = covered_mask(text, spans)
    regions: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        chunks: list[tuple[int, int]] | None = None
        for m in WORD.finditer(line):
            a = pos + m.start()
            word = m.group(0)
            if covered[a] or len(word) < 2 or not (word[0].isupper() or lower):
                continue
            if fold_key(word) in STOP_WORDS or is_protected_word(word, ctx.protected) or is_eponym(word):
                continue
            if not _trigger(ctx, word, a, covered):
                continue
            if chunks is None:
                chunks = [(pos + c.start(), pos + c.end()) for c in _CHUNK.finditer(line)]
            add_window(regions, chunks, a, _CONTEXT_WORDS)
        pos = end + 1
    return regions


def _trigger(ctx: DetectionContext, word: str, a: int, covered: bytearray) -> bool:
    """Whether the model's answer about ``word`` (at ``a``) could pass the filters below.

    Right after a name found on the same line ("Inès MAIRE"), any word; in a mixed-case text, an
    all-capitals word only beside a capitalised word or before an initial ("Constance FORTIN",
    "HUBER T."); else a known name or a word that is not an ordinary one, except an unknown word
    or a first name that is also a word at a line or sentence start (the filters refuse them
    alone; a name beside them is a trigger of its own).
    """
    text = ctx.text
    if a >= 2 and covered[a - 2] and text[a - 1] in " \t":
        return True
    if word.isupper() and not ctx.all_caps:
        return len(word) > 2 and _beside_name(text, a, a + len(word))
    known = known_name(ctx, word)
    common = ordinary(ctx, word)
    if not known and common:
        return False
    return not ((not known or common) and (line_start(text, a) or sentence_start_at(text, a)))


_CAP_BEFORE_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+[ \t]+$")
_CAP_AFTER_WORD = re.compile(r"[ \t]+[A-ZÀ-Ý][a-zà-ÿ]")


def _beside_name(text: str, start: int, end: int) -> bool:
    """An all-capitals word written like a surname: beside a capitalised word ("Constance FORTIN",
    "NOWAK Paweł") or before an initial ("HUBER T.")."""
    return bool(
        INITIAL_AFTER.match(text, end)
        or _CAP_AFTER_WORD.match(text, end)
        or _CAP_BEFORE_WORD.search(text, max(0, start - 30), start)
    )


def trained_spans(
    ctx: DetectionContext, entities: list[tuple[int, int, str]], names: list[Span] | None = None
) -> list[Span]:
    """Turn the model's entities into spans, without titles, ranks, drugs, units, acronyms or eponyms.

    Adjacent person entities ("Vincent" + "Comte") are judged together: an ordinary word is a
    surname next to a name, not alone ("Régime sans sel"). ``names``: the person spans the rules
    found; one right beside an entity, on its line, vouches for it ("VASSEROT" + "JOCELYNE").
    """
    text = ctx.text
    spans: list[Span] = []
    people: list[tuple[int, int, str, list[re.Match[str]], bool]] = []
    for start, end, label in sorted(entities):
        found = list(WORD.finditer(text, start, end))
        # Titles, ranks and stop words at the edges are not part of the value.
        titled = False
        while found and fold_key(found[0].group(0)) in TITLES | STOP_WORDS:
            titled = titled or fold_key(found[0].group(0)) in TITLES
            found.pop(0)
        while found and fold_key(found[-1].group(0)) in STOP_WORDS:
            found.pop()
        # A leading ordinary word that is no known name is not part of a person's name ("Ambulances
        # Delannoy"), unless it is a surname in capitals before a first name ("BERGER Maëlys").
        while (
            label in NAME_LABELS
            and len(found) > 1
            and plain_word(ctx, found[0].group(0))
            and not caps_surname_first(ctx, found[0], found[1])
        ):
            found.pop(0)
        # ... nor a third, lower-case one after a first name and a surname ("denise morvan revue").
        while label in NAME_LABELS and len(found) > 2 and found[-1].group(0).islower() and plain_word(
            ctx, found[-1].group(0)
        ):
            found.pop()
        if not found:
            continue
        a, b = found[0].start(), found[-1].end()
        if label in ("HOPITAL", "ADRESSE"):
            a = start  # keywords, numbers and particles belong to these spans
            if place_like(ctx, a, text[a:b], label):
                spans.append(Span(a, b, label, 0.55, SOURCE))
        elif label == "VILLE":
            if town_like(ctx, found) and not eponym_context(text, a):
                spans.append(Span(a, b, label, 0.55, SOURCE))
        else:
            b = b + 1 if text[b : b + 1] == "." and len(found[-1].group(0)) == 1 else b  # "A." initial
            people.append((a, b, label, found, titled))
    # Person entities separated by spaces only form one name.
    i = 0
    while i < len(people):
        j = i + 1
        while j < len(people) and not text[people[j - 1][1] : people[j][0]].strip(" \t"):
            j += 1
        group = people[i:j]
        # A leading ordinary word that is no known name is not part of the name ("Ambulances Delannoy"),
        # unless it is a surname in capitals before a first name ("BERGER Maëlys").
        while (
            len(group) > 1
            and all(plain_word(ctx, m.group(0)) for m in group[0][3])
            and not caps_surname_first(ctx, group[0][3][-1], group[1][3][0])
        ):
            group = group[1:]
        # ... nor a third, lower-case one after a first name and a surname ("denise morvan revue ce jour").
        while len(group) > 2 and all(m.group(0).islower() and plain_word(ctx, m.group(0)) for m in group[-1][3]):
            group = group[:-1]
        words = [m for g in group for m in g[3]]
        beside = _beside_found_name(text, group[0][0], group[-1][1], names or [])
        if name_like(ctx, words, titled=group[0][4], beside=beside) and not eponym_context(text, group[0][0]):
            spans.extend(Span(a, b, label, 0.55, SOURCE) for a, b, label, _, _ in group)
        i = j
    return spans


def _beside_found_name(text: str, start: int, end: int, names: list[Span]) -> bool:
    """A name span of the rules ends right before ``start`` or starts right after ``end``, with
    only spaces or tabs between (same line, at most 40 of them)."""
    if not names:
        return False
    j = start
    while j > 0 and start - j < 40 and text[j - 1] in " \t":
        j -= 1
    k = end
    while k < len(text) and k - end < 40 and text[k] in " \t":
        k += 1
    return (j < start and any(n.end == j for n in names)) or (k > end and any(n.start == k for n in names))


def add_trained_entities(model: TrainedNer, states: list[tuple[DetectionContext | None, list[Span]]]) -> None:
    """Run the model on the unexplained lines of every text (one batch) and add its spans."""
    jobs: list[tuple[int, int]] = []
    segments: list[str] = []
    resolved: dict[int, list[Span]] = {}
    names: dict[int, list[Span]] = {}
    for idx, (ctx, found) in enumerate(states):
        if ctx is None:
            continue
        resolved[idx] = resolve(found)
        names[idx] = [r for r in resolved[idx] if r.label in NAME_LABELS]
        for start, end in trained_regions(ctx, resolved[idx]):
            jobs.append((idx, start))
            segments.append(ctx.text[start:end])
    for (idx, offset), ents in zip(jobs, model.entities(segments), strict=True):
        ctx, found = states[idx]
        assert ctx is not None
        spans = trained_spans(ctx, [(a + offset, b + offset, lab) for a, b, lab in ents], names[idx])
        found.extend(_promote_whole(s, resolved[idx]) for s in spans)


def _promote_whole(span: Span, resolved: list[Span]) -> Span:
    """``span`` under SOURCE_WHOLE when it strictly contains the name or place spans it overlaps
    (of a label it may extend) and crosses no other span: "CAPTV de Lyon" over the commune "Lyon"."""
    inside = [r for r in resolved if r.start < span.end and span.start < r.end]
    if inside and all(
        span.start <= r.start and r.end <= span.end and r.label in _EXTENDS[span.label] and r.source != SOURCE
        for r in inside
    ) and sum(r.end - r.start for r in inside) < span.end - span.start:
        return Span(span.start, span.end, span.label, span.score, SOURCE_WHOLE)
    return span
