"""Apply surrogates (or numbered placeholders) to detected spans, consistently across a conversation."""

from __future__ import annotations

import random
import re
import secrets
from collections import Counter
from dataclasses import dataclass

from avec.privacy.spans import Span
from avec.privacy.transform import identifiers, names
from avec.privacy.transform.casing import norm_key
from avec.privacy.transform.mapping import ConversationMapping, Person
from avec.privacy.transform.operators import SpanContext, SurrogateMaker

MODES = ("surrogate", "placeholder")
_NAME_LABELS = ("NOM", "PRENOM")
# Titles are kept in the text and left out of the replaced name ("M. Dupont" -> "M. Durand").
_LEADING_TITLE = re.compile(r"^(?:(?:M|Mr|Mme|Mlle|Dr|Pr|Docteur|Professeur|Monsieur|Madame)\.?\s+)+", re.IGNORECASE)
_NAME_GAP = re.compile(r"^[ \t]{1,3}$|^\s*,\s*$")
_PLACE_GAP = re.compile(r"^[\s,\-(]{1,4}$")
# Surrogates are generated in this order so that dates exist before the NIR that must agree with them.
_ORDER = {"DATE_NAISSANCE": 0, "DATE": 1, "PRENOM": 2, "NOM": 3, "ZIP": 4, "VILLE": 5, "ADRESSE": 6}


@dataclass(frozen=True)
class Replacement:
    """One replaced span: offsets in the original text, the original and what replaced it."""

    start: int
    end: int
    label: str
    original: str
    surrogate: str

    def to_dict(self) -> dict[str, object]:
        """JSON form used by ``avec privacy pseudonymize``."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "original": self.original,
            "surrogate": self.surrogate,
        }


@dataclass(frozen=True)
class TransformResult:
    """A pseudonymized text and its replacements."""

    text: str
    replacements: list[Replacement]

    def counts(self) -> dict[str, int]:
        """Number of replacements per label."""
        return dict(Counter(r.label for r in self.replacements))


def new_mapping(mode: str = "surrogate", rng: random.Random | None = None) -> ConversationMapping:
    """A fresh conversation mapping with its own random date offset (30 to 365 days, either way)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    draw = rng or random.Random(secrets.randbits(64))
    return ConversationMapping(mode=mode, date_offset_days=draw.choice((-1, 1)) * draw.randint(30, 365))


def clean_spans(text: str, spans: list[Span]) -> list[Span]:
    """Spans inside ``text``, trimmed of blanks and leading titles, without overlaps (longest wins)."""
    out: list[Span] = []
    for span in spans:
        if span.end > len(text):
            raise ValueError(f"span ({span.start}, {span.end}) is outside the text ({len(text)} characters)")
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if span.label in _NAME_LABELS:
            title = _LEADING_TITLE.match(text[start:end])
            if title and title.end() < end - start:
                start += title.end()
        if start < end:
            out.append(Span(start, end, span.label, span.score, span.source))
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in out:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


class Pseudonymizer:
    """Replaces spans by surrogates or placeholders, extending one :class:`ConversationMapping`."""

    def __init__(
        self,
        mapping: ConversationMapping | None = None,
        *,
        mode: str = "surrogate",
        rng: random.Random | None = None,
    ) -> None:
        self.rng = rng or random.Random(secrets.randbits(64))
        self.mapping = mapping or new_mapping(mode, self.rng)
        if self.mapping.mode != mode:
            raise ValueError(f"this conversation uses {self.mapping.mode} mode, not {mode}")
        self.mode = mode

    def transform(self, text: str, spans: list[Span]) -> TransformResult:
        """Pseudonymize one text."""
        return self.transform_many([(text, spans)])[0]

    def transform_many(self, items: list[tuple[str, list[Span]]]) -> list[TransformResult]:
        """Pseudonymize several texts of one conversation (all turns are read before any is changed)."""
        cleaned = [(text, clean_spans(text, spans)) for text, spans in items]
        contexts, evidence = self._register(cleaned)
        maker = SurrogateMaker(
            self.mapping,
            self.rng,
            [t for t, _ in cleaned],
            [t[s.start : s.end] for t, spans in cleaned for s in spans],
            evidence,
        )
        results = []
        for index, (text, spans) in enumerate(cleaned):
            ordered = sorted(range(len(spans)), key=lambda i: (_ORDER.get(spans[i].label, 9), i))
            surrogates: dict[int, str] = {}
            for i in ordered:
                span = spans[i]
                surrogates[i] = self._replace(maker, text, span, contexts.get((index, span.start), SpanContext()))
            results.append(self._assemble(text, spans, surrogates))
        return results

    # -- first pass: who is who, which commune goes with which postal code -----------------------
    def _register(
        self, items: list[tuple[str, list[Span]]]
    ) -> tuple[dict[tuple[int, int], SpanContext], dict[str, str]]:
        contexts: dict[tuple[int, int], SpanContext] = {}
        votes: dict[str, Counter[str]] = {}
        for index, (text, spans) in enumerate(items):
            for span in spans:
                contexts[(index, span.start)] = SpanContext(preceding=text[max(0, span.start - 30) : span.start])
            for group in self._groups(text, spans, _NAME_LABELS, _NAME_GAP):
                gender = names.title_gender(text[: group[0].start])
                surnames = [norm_key(text[s.start : s.end]) for s in group if s.label == "NOM"]
                person_key = surnames[0] if surnames else ""
                firsts = [text[s.start : s.end] for s in group if s.label == "PRENOM"]
                if person_key:
                    person = self.mapping.persons.setdefault(person_key, Person())
                    person.gender = person.gender or gender
                    for first in firsts:
                        if not names.is_initials(first) and norm_key(first) not in person.first_keys:
                            person.first_keys.append(norm_key(first))
                for first in firsts:
                    if gender and not names.is_initials(first):
                        votes.setdefault(norm_key(first), Counter())[gender] += 1
                for s in group:
                    contexts[(index, s.start)].person = person_key
            for group in self._groups(text, spans, ("ZIP", "VILLE"), _PLACE_GAP):
                zips = [identifiers.compact(text[s.start : s.end]) for s in group if s.label == "ZIP"]
                cities = [norm_key(text[s.start : s.end]) for s in group if s.label == "VILLE"]
                for s in group:
                    ctx = contexts[(index, s.start)]
                    ctx.linked_city = cities[0] if cities and s.label == "ZIP" else ""
                    ctx.linked_zip = zips[0] if zips and s.label == "VILLE" else ""
        evidence = {k: c.most_common(1)[0][0] for k, c in votes.items()}
        return contexts, evidence

    @staticmethod
    def _groups(text: str, spans: list[Span], labels: tuple[str, ...], gap: re.Pattern[str]) -> list[list[Span]]:
        groups: list[list[Span]] = []
        previous: Span | None = None
        for span in spans:
            if span.label not in labels:
                previous = None
                continue
            if previous is not None and gap.match(text[previous.end : span.start]):
                groups[-1].append(span)
            else:
                groups.append([span])
            previous = span
        return groups

    # -- second pass: replace ---------------------------------------------------------------------
    def _replace(self, maker: SurrogateMaker, text: str, span: Span, ctx: SpanContext) -> str:
        original = text[span.start : span.end]
        if self.mode == "placeholder":
            return self._placeholder(span.label, original)
        if not any(ch.isalnum() for ch in original):
            return original  # punctuation only: nothing to hide, nothing to restore
        try:
            result = self._surrogate(maker, span.label, original, ctx)
        except (RuntimeError, ValueError, KeyError, IndexError):
            result = None  # no faithful surrogate for this odd value: a placeholder still hides it
        if result is None or result == original:  # nothing we can rewrite faithfully: never leave it
            result = self._placeholder(span.label, original)
        self.mapping.add_pair(span.label, result, original)
        return result

    @staticmethod
    def _surrogate(maker: SurrogateMaker, label: str, original: str, ctx: SpanContext) -> str | None:
        result: str | None
        if label == "NOM":
            result = maker.surname(original, ctx)
        elif label == "PRENOM":
            result = maker.first_name(original, ctx)
        elif label in ("DATE", "DATE_NAISSANCE"):
            result = maker.date(label, original)
        elif label == "SECU":
            result = maker.nir(original)
        elif label == "TEL":
            result = (
                maker.phone(original) if len(identifiers.phone_key(original)) == 9 else maker.shaped("TEL", original)
            )
        elif label in ("IPP", "NDA"):
            result = maker.shaped(label, original)
        elif label == "MAIL":
            result = maker.mail(original)
        elif label == "ZIP":
            result = maker.postcode(original, ctx)
        elif label == "VILLE":
            result = maker.city(original, ctx)
        elif label == "ADRESSE":
            result = maker.address(original)
        else:
            result = maker.facility(original)
        return result

    def _placeholder(self, label: str, original: str) -> str:
        key = identifiers.compact(original) if label in ("SECU", "IPP", "NDA", "ZIP") else norm_key(original)
        if label == "TEL":
            key = identifiers.phone_key(original)
        table = self.mapping.placeholders.setdefault(label, {})
        if key not in table:
            table[key] = len(table) + 1
        text = f"[{label}_{table[key]}]"
        self.mapping.add_pair(label, text, original)
        return text

    def _assemble(self, text: str, spans: list[Span], surrogates: dict[int, str]) -> TransformResult:
        out, replacements, cursor = [], [], 0
        for i, span in enumerate(spans):
            out.append(text[cursor : span.start])
            out.append(surrogates[i])
            replacements.append(
                Replacement(span.start, span.end, span.label, text[span.start : span.end], surrogates[i])
            )
            cursor = span.end
        out.append(text[cursor:])
        if self.mode == "surrogate":
            self._record_initial_pairs(text, spans, surrogates)
        return TransformResult("".join(out), replacements)

    def _record_initial_pairs(self, text: str, spans: list[Span], surrogates: dict[int, str]) -> None:
        """Remember "P. Durand" -> "J. Dupont" so that initials next to a surname are restored too."""
        for i in range(len(spans) - 1):
            a, b = spans[i], spans[i + 1]
            gap = text[a.end : b.start]
            if {a.label, b.label} != {"PRENOM", "NOM"} or not _NAME_GAP.match(gap):
                continue
            orig_a, orig_b = text[a.start : a.end], text[b.start : b.end]
            first_index, orig_first = (i, orig_a) if a.label == "PRENOM" else (i + 1, orig_b)
            if names.is_initials(orig_first):  # "A. Tylek" as written, both ways round
                self.mapping.add_pair("NOM", surrogates[i] + gap + surrogates[i + 1], orig_a + gap + orig_b)
            elif a.label == "PRENOM":  # "Jean Dupont" may come back as "P. Durand"
                initial = names.initials_of(surrogates[first_index])[:1]
                self.mapping.add_pair("NOM", f"{initial}. {surrogates[i + 1]}", f"{orig_first[0]}. {orig_b}")
