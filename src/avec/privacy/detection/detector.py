"""The detector: runs every recognizer, spaCy NER and the patient matcher, resolves overlaps."""

from __future__ import annotations

import threading
from typing import Any

# Importing the recognizer modules registers them.
from avec.privacy.detection import (  # noqa: F401
    address_complements,  # round 17: flats before a street, complement lines, bracketed towns
    context_rules,
    dates,
    locality_names,  # round 17: hamlets, lieux-dits and quarters without a street
    locations,
    name_lists,
    patterns,
    relative_names,  # relatives after the bond (split from context_rules)
    service_firms,  # round 16: taxi and ambulance firms, mutuals, home-help and alarm services
    tables,
)
from avec.privacy.detection.birth_after_names import relabel_births_after_names
from avec.privacy.detection.column_gaps import cut_at_column_gaps
from avec.privacy.detection.commune_articles import with_commune_articles
from avec.privacy.detection.config import DetectionConfig
from avec.privacy.detection.encoding_repair import RepairedText, repair
from avec.privacy.detection.lexicons import Lexicons, get_lexicons
from avec.privacy.detection.ner import NerModel, keep_lexemes, load_ner, ner_spans
from avec.privacy.detection.ner_regions import ner_regions
from avec.privacy.detection.patient import PatientIdentifiers, mark_birth_dates, patient_spans
from avec.privacy.detection.propagation import propagate
from avec.privacy.detection.prose_persons import defined_acronyms
from avec.privacy.detection.registry import PRIORITIES, DetectionContext, registered
from avec.privacy.detection.resolve import resolve
from avec.privacy.detection.surname_initials import relabel_surname_initials
from avec.privacy.detection.text import fold_key
from avec.privacy.detection.trained_ner import add_trained_entities, load_trained_ner
from avec.privacy.spans import Span

PRIORITIES.update({"patient": 100, "propagation": 52, "ner": 45, "address_block": 73})


class TextTooLongError(ValueError):
    """The text is longer than the configured limit."""


class Detector:
    """Finds identifiers in French text; ``detect`` is thread-safe."""

    _default_lock = threading.Lock()
    _defaults: dict[str, Detector] = {}

    def __init__(
        self,
        config: DetectionConfig | None = None,
        *,
        ner: NerModel | None = None,
        lexicons: Lexicons | None = None,
    ) -> None:
        self.config = config or DetectionConfig()
        self.ner = ner if ner is not None else (load_ner(self.config.spacy_model) if self.config.use_ner else None)
        self.trained = load_trained_ner() if self.config.use_trained_ner else None
        if self.trained is not None and self.ner is not None:
            keep_lexemes(self.trained.nlp, self.ner.frequent_words)  # the same words in the other model
        lookups = self.ner.lemma_lookups if self.ner is not None else None
        self.lexicons = lexicons or get_lexicons(lookups)
        self._protected = frozenset(fold_key(t) for t in self.config.protected_terms)

    @classmethod
    def default(cls, config: DetectionConfig | dict[str, Any] | None = None) -> Detector:
        """A shared detector per configuration (the spaCy model is loaded once per process)."""
        cfg = DetectionConfig.model_validate(config) if isinstance(config, dict) else (config or DetectionConfig())
        key = cfg.model_dump_json()
        with cls._default_lock:
            if key not in cls._defaults:
                cls._defaults[key] = cls(cfg)
            return cls._defaults[key]

    def detect(self, text: str, patient: PatientIdentifiers | dict[str, Any] | None = None) -> list[Span]:
        """Non-overlapping spans sorted by start."""
        return self.detect_many([text], [patient])[0]

    def detect_many(
        self, texts: list[str], patients: list[PatientIdentifiers | dict[str, Any] | None] | None = None
    ) -> list[list[Span]]:
        """Detect in several texts at once (spaCy batches them)."""
        patients = patients or [None] * len(texts)
        for text in texts:
            if len(text) > self.config.max_chars:
                raise TextTooLongError(f"text has {len(text)} characters, limit is {self.config.max_chars}")
        coerced = [PatientIdentifiers.coerce(p) for p in patients]
        # 0. Mojibake and HTML entities repaired on a copy; spans are mapped back at the end.
        repairs = [repair(t, self.lexicons) for t in texts]
        texts = [r.text if r is not None else t for r, t in zip(repairs, texts, strict=True)]
        # 1. Rules and patient identifiers (cheap).
        states = [self._rules(t, p) for t, p in zip(texts, coerced, strict=True)]
        # 2. NER only on the lines holding an unexplained capitalised word, batched across texts.
        if self.ner is not None:
            jobs: list[tuple[int, int]] = []
            segments: list[str] = []
            for idx, (ctx, found) in enumerate(states):
                if ctx is None:
                    continue
                for start, end in ner_regions(ctx, resolve(found)):
                    jobs.append((idx, start))
                    segments.append(ctx.text[start:end])
            for (idx, offset), ents in zip(jobs, self.ner.entities(segments), strict=True):
                ctx, found = states[idx]
                assert ctx is not None
                found.extend(ner_spans(ctx, [(a + offset, b + offset, lab) for a, b, lab in ents]))
        if self.trained is not None:
            add_trained_entities(self.trained, states)
        # 3. Propagation of the names found, overlap resolution, birth dates of the patient.
        out: list[list[Span]] = []
        for (ctx, found), patient in zip(states, coerced, strict=True):
            if ctx is None:
                out.append([])
                continue
            found = cut_at_column_gaps(ctx.text, found)
            found.extend(propagate(ctx, resolve(found)))
            spans = relabel_births_after_names(mark_birth_dates(resolve(found), ctx.text, patient), ctx.text)
            spans = with_commune_articles(relabel_surname_initials(spans, ctx.text), ctx.text, ctx.lexicons)
            out.append(spans)
        return [_map_back(spans, r) for spans, r in zip(out, repairs, strict=True)]

    def _rules(self, text: str, patient: PatientIdentifiers | None) -> tuple[DetectionContext | None, list[Span]]:
        if not text.strip():
            return None, []
        # an acronym the text defines in brackets ("... en Addictologie (ELSA)") is no name in it
        protected = self._protected | defined_acronyms(text, self.lexicons)
        ctx = DetectionContext(text=text, lexicons=self.lexicons, config=self.config, protected=protected)
        found: list[Span] = []
        for _source, func in registered():
            found.extend(func(ctx))
        if patient is not None:
            found.extend(patient_spans(text, patient, self.lexicons))
        return ctx, found


def _map_back(spans: list[Span], repaired: RepairedText | None) -> list[Span]:
    """Spans found on a repaired copy, moved to the offsets of the original text."""
    if repaired is None:
        return spans
    moved = []
    for s in spans:
        start, end = repaired.original_bounds(s.start, s.end)
        moved.append(Span(start, end, s.label, s.score, s.source))
    return moved
