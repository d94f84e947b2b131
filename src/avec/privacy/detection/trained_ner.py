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

from avec.privacy.detection.medical_vocab import in_eponym_context, is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.names import STOP_WORDS, TITLE_TOKENS
from avec.privacy.detection.ner import _DRUG_SUFFIX
from avec.privacy.detection.ner_regions import covered_mask
from avec.privacy.detection.registry import PRIORITIES, DetectionContext
from avec.privacy.detection.resolve import resolve
from avec.privacy.detection.text import fold_key, sentence_start
from avec.privacy.spans import Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "ner_model" / "model"
SOURCE = "trained_ner"
PRIORITIES[SOURCE] = 44  # below every rule and fr_core_news_md (45): it fills gaps only
# An entity that strictly contains the name and place spans of rules (and crosses no other span)
# replaces them: above names, communes and addresses (<= 75), below named facilities (78).
SOURCE_WHOLE = "trained_ner_whole"
PRIORITIES[SOURCE_WHOLE] = 77
_NAME_LABELS = {"NOM", "PRENOM"}
_PLACES = {"HOPITAL": _NAME_LABELS | {"VILLE", "HOPITAL"}, "ADRESSE": _NAME_LABELS | {"VILLE", "ADRESSE"}}
_EXTENDS = {"NOM": _NAME_LABELS, "PRENOM": _NAME_LABELS, "VILLE": {"VILLE"}, **_PLACES}
_LABELS = {"NOM", "PRENOM", "VILLE", "HOPITAL", "ADRESSE"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TITLES = TITLE_TOKENS | {"m", "dr", "pr", "mme", "mlle", "mr", "me", "madame", "monsieur", "docteur", "professeur"}
# Ranks of firefighters, gendarmes and the army written before a name ("Sgt LE GALL", "Cpl Kerhervé",
# "Sap. Guillemot", "MDC Etcheverry"): part of no name, and no name on their own.
_TITLES |= {
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

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) of the model's entities for each text (batched)."""
        with self._lock:
            docs = list(self.nlp.pipe(texts, batch_size=64))
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in _LABELS] for doc in docs]


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
    lower = _lower_text(ctx)
    covered = covered_mask(text, spans)
    regions: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        chunks: list[tuple[int, int]] | None = None
        for m in _WORD.finditer(line):
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
            i = next(k for k, (_, ce) in enumerate(chunks) if ce > a)
            start = chunks[max(0, i - _CONTEXT_WORDS)][0]
            stop = chunks[min(len(chunks) - 1, i + _CONTEXT_WORDS)][1]
            if regions and start <= regions[-1][1] + 1:
                regions[-1] = (regions[-1][0], max(stop, regions[-1][1]))
            else:
                regions.append((start, stop))
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
    known = _known_name(ctx, word)
    ordinary = _ordinary(ctx, word)
    if not known and ordinary:
        return False
    return not ((not known or ordinary) and (_line_start(text, a) or _sentence_start(text, a)))


_CAP_BEFORE_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+[ \t]+$")
_CAP_AFTER_WORD = re.compile(r"[ \t]+[A-ZÀ-Ý][a-zà-ÿ]")


def _beside_name(text: str, start: int, end: int) -> bool:
    """An all-capitals word written like a surname: beside a capitalised word ("Constance FORTIN",
    "NOWAK Paweł") or before an initial ("HUBER T.")."""
    return bool(
        _INITIAL_AFTER.match(text, end)
        or _CAP_AFTER_WORD.match(text, end)
        or _CAP_BEFORE_WORD.search(text, max(0, start - 30), start)
    )


def trained_spans(ctx: DetectionContext, entities: list[tuple[int, int, str]]) -> list[Span]:
    """Turn the model's entities into spans, without titles, ranks, drugs, units, acronyms or eponyms.

    Adjacent person entities ("Vincent" + "Comte") are judged together: an ordinary word is a
    surname next to a name, not alone ("Régime sans sel").
    """
    text = ctx.text
    spans: list[Span] = []
    people: list[tuple[int, int, str, list[re.Match[str]], bool]] = []
    for start, end, label in sorted(entities):
        found = list(_WORD.finditer(text, start, end))
        # Titles, ranks and stop words at the edges are not part of the value.
        titled = False
        while found and fold_key(found[0].group(0)) in _TITLES | STOP_WORDS:
            titled = titled or fold_key(found[0].group(0)) in _TITLES
            found.pop(0)
        while found and fold_key(found[-1].group(0)) in STOP_WORDS:
            found.pop()
        # A leading ordinary word that is no known name is not part of a person's name ("Ambulances Delannoy").
        while label in _NAME_LABELS and len(found) > 1 and _plain_word(ctx, found[0].group(0)):
            found.pop(0)
        if not found:
            continue
        a, b = found[0].start(), found[-1].end()
        if label in ("HOPITAL", "ADRESSE"):
            a = start  # keywords, numbers and particles belong to these spans
            if _place_like(ctx, a, text[a:b], label):
                spans.append(Span(a, b, label, 0.55, SOURCE))
        elif label == "VILLE":
            if _town_like(ctx, found) and not _eponym_context(text, a):
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
        # A leading ordinary word that is no known name is not part of the name ("Ambulances Delannoy").
        while len(group) > 1 and all(_plain_word(ctx, m.group(0)) for m in group[0][3]):
            group = group[1:]
        words = [m for g in group for m in g[3]]
        if _name_like(ctx, words, titled=group[0][4]) and not _eponym_context(text, group[0][0]):
            spans.extend(Span(a, b, label, 0.55, SOURCE) for a, b, label, _, _ in group)
        i = j
    return spans


_DIRECTION_BEFORE = re.compile(r"(?:\b[Ss]ens|\b[Dd]irection|->|→)[ \t]*$")
_ORG_BEFORE = re.compile(r"\b[A-Z]{2,6}[ \t]+(?:de|du|d['’])[ \t]*(?:la[ \t]+|l['’])?$")
_BARE_A = re.compile(r"(?:^|[ \t])à[ \t]+$")
_DIRECTION_AFTER = re.compile(r"[ \t]*(?:->|→)")


def _town_like(ctx: DetectionContext, found: list[re.Match[str]]) -> bool:
    """A commune or a foreign town: a known commune even when it is also a word ("Vannes", "La
    Tronche"), written as a name and not at a line start; else judged like a name. Never a country
    or a road direction."""
    text, lex = ctx.text, ctx.lexicons
    value = text[found[0].start() : found[-1].end()]
    if lex.is_country(value) or any(lex.is_country(m.group(0)) for m in found):
        return False
    a, b = found[0].start(), found[-1].end()
    if _DIRECTION_BEFORE.search(text, max(0, a - 12), a) or _DIRECTION_AFTER.match(text, b):
        return False  # a road direction ("A7 sens Lyon -> Marseille") says nothing about a person
    if any(is_protected_word(m.group(0), ctx.protected) for m in found):
        return False
    if _ORG_BEFORE.search(text, max(0, a - 16), a):
        return False  # "CPAM de Lille-Douai": an organisation's seat
    if any(_ordinary(ctx, m.group(0)) or lex.is_first_name(m.group(0)) for m in found) and _BARE_A.search(
        text, max(0, a - 4), a
    ):
        return False  # "à Noël", "à Marie": a word or a first name needs more than a bare "à"
    if fold_key(value) in lex.communes and value[0].isupper() and not _line_start(text, a):
        return True
    return _name_like(ctx, found)


_CAP_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*[ \t]+$")


def _eponym_context(text: str, start: int) -> bool:
    """"maladie de X", also when capitalised words come first ("collège Victor Hugo")."""
    while True:
        if in_eponym_context(text, start):
            return True
        m = _CAP_BEFORE.search(text, max(0, start - 40), start)
        if not m:
            return False
        start = m.start()


def _ordinary(ctx: DetectionContext, word: str) -> bool:
    """An ordinary French word, also in a plural or feminine form the lexicon does not list."""
    lex = ctx.lexicons
    if lex.is_common(word):
        return True
    key = fold_key(word)
    if "-" in key:  # "pré-opératoire", "hépato-gastro": every long part is an ordinary word
        parts = [p for p in key.split("-") if len(p) > 4]
        return bool(parts) and all(_ordinary(ctx, p) for p in parts)
    return any(
        key.endswith(suffix) and key[: -len(suffix)] in lex.common_words for suffix in ("s", "x", "e", "es")
    )


def _plain_word(ctx: DetectionContext, word: str) -> bool:
    """An ordinary word that is no known first name or surname ("Ambulances", "Régime")."""
    return _ordinary(ctx, word) and not _known_name(ctx, word)


def _known_name(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    return bool(lex.is_first_name(word) or lex.is_surname(word))


def _name_like(ctx: DetectionContext, found: list[re.Match[str]], *, titled: bool = False) -> bool:
    """A person or a commune, judged word by word from what the lexicons and the case say.

    Every word must be a known first name or surname, or else: not protected, not a country, not
    an ordinary word (unless a name stands beside it), written as a name (capitalised; lower case
    only in a lower-case text; all capitals only beside a name, before an initial, or in an
    all-capitals text). A first name that is also a word ("Océane", "Rose") counts when written as
    a name away from a line start. A lone unknown word is refused at a line start (headings, table
    cells) or a sentence start (unless a title or rank came first: "Sap. Guillemot"), when drug-like
    or a Latin genus, and after "du/au/des".
    """
    text, lex = ctx.text, ctx.lexicons
    known = [
        (_known_name(ctx, m.group(0)) and not _ordinary(ctx, m.group(0))) or _initial(text, m) for m in found
    ]
    given = [_first_name_as_name(ctx, m) for m in found]
    support = (
        titled or any(known) or any(given) or _first_last_layout(ctx, found) or _initial_after(text, found[-1])
    )
    for m, is_known, is_given in zip(found, known, given, strict=True):
        word = m.group(0)
        if is_protected_word(word, ctx.protected):
            return False
        if is_eponym(word) and not (_known_name(ctx, word) or any(known) or any(given)):
            return False  # "Parkinson" alone; "HUBER T." (an initial) or "Anne Huber" is a person
        if is_known or is_given:
            continue
        if lex.is_country(word) or _MIXED_CASE.fullmatch(word):
            return False  # "Allemagne"; "IgA", "IgM", "HbA"
        if word.isupper() and (len(word) <= 3 or not _VOWEL.search(word)) and not _known_name(ctx, word):
            return False  # "PF", "MDC", "SNSM": acronyms, unless a known name ("BA", "LY")
        if _ordinary(ctx, word) and not (support and (word[0].isupper() or _lower_text(ctx))):
            return False
        if word.islower() and not _lower_text(ctx):
            return False
        if word.isupper() and not (ctx.all_caps or support) and len(word) > 1:
            return False
        if any(p.isupper() and len(p) <= 5 for p in word.split("-")) and not support:
            return False  # acronyms, "CGH-array"
    before = text[max(0, found[0].start() - 40) : found[0].start()].split()
    if before and is_protected_word(before[-1].strip(",;:()"), ctx.protected):
        return False  # "Spasfon Lyoc": a drug's form or brand, not a name
    if len(found) == 1 and _initial(text, found[0]):
        return False
    if len(found) == 1 and not (known[0] or given[0]):
        word = found[0].group(0)
        if (
            (ctx.all_caps and not _initial_after(text, found[0]))
            or (not titled and (_line_start(text, found[0].start()) or _sentence_start(text, found[0].start())))
            or _DRUG_SUFFIX.search(word)
            or _genus(ctx, found[0])
            or (_ALONE_IN_BRACKETS.search(text, max(0, found[0].start() - 3), found[0].start())
                and text[found[0].end() : found[0].end() + 1] == ")")  # "Kiné (Bobath)": a method
            or (before and fold_key(before[-1]) in ("du", "au", "aux", "des"))  # "Conseil départemental du Morbihan"
        ):
            return False
    return True


_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_ALONE_IN_BRACKETS = re.compile(r"\([ \t]*$")


def _first_name_as_name(ctx: DetectionContext, m: re.Match[str]) -> bool:
    """A known first name that is also an ordinary word ("Océane", "Lina", "Rose"), capitalised
    (not all capitals) and away from a line or sentence start: the model read it as a name."""
    word = m.group(0)
    after = _NEXT_WORD.match(ctx.text, m.end())
    return (
        not (after and is_protected_word(after.group(1), ctx.protected))  # "Vu Marine HTA connue"
        and ctx.lexicons.is_first_name(word)
        and word[0].isupper()
        and (not word.isupper() or ctx.all_caps)
        and len(word) > 2
        and not _sentence_start(ctx.text, m.start())
    )


def _first_last_layout(ctx: DetectionContext, found: list[re.Match[str]]) -> bool:
    """"Aurore BRAVO", "Paweł NOWAK", "FORTIN Constance": a capitalised word next to an all-capitals
    one (3+ letters, no medical acronym), in a text that is not all capitals, the capitalised one a
    known first name or neither an ordinary word nor a commune ("CRRA Annecy"): the usual way to
    write a person."""
    words = [m.group(0) for m in found]
    return (
        not ctx.all_caps
        and len(words) >= 2
        and any(w.isupper() and len(w) > 2 and not is_protected_word(w, ctx.protected) for w in words)
        and any(
            w[0].isupper()
            and not w.isupper()
            and (ctx.lexicons.is_first_name(w) or not (_ordinary(ctx, w) or fold_key(w) in ctx.lexicons.communes))
            for w in words
        )
    )


_VOWEL = re.compile(r"[AEIOUYÀ-ÖØ-Ý]")
_MIXED_CASE = re.compile(r"[A-Z][a-z]{1,2}[A-Z][\w]*")  # "IgA", "HbA1c": lab terms, not names
_INITIAL_AFTER = re.compile(r"[ \t]+[A-ZÀ-Ý]\.")


def _initial_after(text: str, m: re.Match[str]) -> bool:
    """An all-capitals word followed by an initial: "HUBER T." (surname, then the first name's initial)."""
    return m.group(0).isupper() and len(m.group(0)) > 2 and bool(_INITIAL_AFTER.match(text, m.end()))


# A Latin species epithet after a genus: "Escherichia coli", "Candida albicans" (as in ner.py).
_LATIN_EPITHET = re.compile(
    r"[ \t]+(?P<species>[a-z]{2,}(?:ii|ae|us|um|is|ica|icus|ans|ens|ensis|alis|aris|oides|ata|osa|ella)|"
    r"[a-z]{3,}i)(?![\w'’-])"
)


def _genus(ctx: DetectionContext, m: re.Match[str]) -> bool:
    """A genus before its Latin species ("Pseudomonas aeruginosa", "Trichomonas vaginalis")."""
    species = _LATIN_EPITHET.match(ctx.text, m.end())
    if species is None or not m.group(0)[1:].islower():
        return False
    epithet = species.group("species")
    lex = ctx.lexicons
    return not (lex.is_common(epithet) or lex.is_first_name(epithet) or lex.is_surname(epithet))


def _line_start(text: str, pos: int) -> bool:
    """At the start of a line or a table cell (headings, column names, unit names)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t-•*«\"(":
        j -= 1
    return j < 0 or text[j] in "\n|\t"


def _initial(text: str, m: re.Match[str]) -> bool:
    """A one-letter capital followed by a dot ("A. Beguin")."""
    return len(m.group(0)) == 1 and m.group(0).isupper() and text[m.end() : m.end() + 1] == "."


def _lower_text(ctx: DetectionContext) -> bool:
    """True for a text written (almost) without capitals: names there are in lower case too."""
    cached = ctx.extra.get("trained_ner_lower")
    if cached is None:
        words = _WORD.findall(ctx.text)
        caps = sum(1 for w in words if w[0].isupper())
        cached = bool(words) and caps <= 0.03 * len(words)
        ctx.extra["trained_ner_lower"] = cached
    return bool(cached)


def _place_like(ctx: DetectionContext, start: int, value: str, label: str) -> bool:
    """A facility (keyword, saint or proper name; an organisation's acronym may come first: "DAC du
    Hainaut", "CAPTV de Lyon") or an address (a number, or a street type, and a name)."""
    words = [w for w in _WORD.findall(value) if len(w) > 1 and fold_key(w) not in STOP_WORDS]
    if not words or any(
        is_protected_word(w, ctx.protected) and not _FACILITY_KEYWORD.fullmatch(w) and not _org_acronym(w, label)
        for w in words
    ):
        return False
    proper = [
        w
        for w in words
        if w[0].isupper() and not _ordinary(ctx, w) and not _FACILITY_KEYWORD.fullmatch(w) and not is_acronym(w)
    ]
    if label == "ADRESSE":
        if re.match(r"\d", value):
            return bool(proper) or bool(_STREET.search(value))
        # "Chalet Les Clarines, route du Fornet": no number, but a street type and a name.
        return bool(proper) and bool(_STREET.search(value)) and value[0].isupper()
    if in_eponym_context(ctx.text, start) or any(is_eponym(w) for w in words):
        return False  # "corps de Lewy"
    # A facility must carry a proper name ("Sainte-Anne", "Bergonié", "Clinique Pasteur") and start
    # like one: keyword-only names ("Foyer d'hébergement") are left to the rules.
    return (
        bool(proper)
        and (value[0].isupper() or _lower_text(ctx))
        and (ctx.all_caps or not all(w.isupper() for w in proper))
    )


def _org_acronym(word: str, label: str) -> bool:
    """An organisation's acronym in a facility name (not a drug or a unit): "DAC", "SSIAD"."""
    return label == "HOPITAL" and word.isupper() and is_acronym(word)


_STREET = re.compile(
    r"(?i)\b(?:rue|av|avenue|bd|boulevard|all[ée]e|impasse|chemin|place|route|rte|quai|square|cours|passage|"
    r"sentier|voie|r[ée]sidence|lotissement|lieu-dit|hameau|cit[ée]|clos|domaine)\b"
)


def _sentence_start(text: str, pos: int) -> bool:
    return sentence_start(text, pos, ".!?:\n")


_FACILITY_KEYWORD = re.compile(
    r"(?i)\b(?:CHU|CHRU|CHR|CH|CHS|CHI|h[oô]pital|clinique|polyclinique|EHPAD|centre|r[ée]sidence|foyer|"
    r"maison|SSIAD|SSR|CMP|CMPP|IME|ESAT|MAS|FAM|CSAPA|USLD|EPSM|institut)\b"
)


def add_trained_entities(model: TrainedNer, states: list[tuple[DetectionContext | None, list[Span]]]) -> None:
    """Run the model on the unexplained lines of every text (one batch) and add its spans."""
    jobs: list[tuple[int, int]] = []
    segments: list[str] = []
    resolved: dict[int, list[Span]] = {}
    for idx, (ctx, found) in enumerate(states):
        if ctx is None:
            continue
        resolved[idx] = resolve(found)
        for start, end in trained_regions(ctx, resolved[idx]):
            jobs.append((idx, start))
            segments.append(ctx.text[start:end])
    for (idx, offset), ents in zip(jobs, model.entities(segments), strict=True):
        ctx, found = states[idx]
        assert ctx is not None
        spans = trained_spans(ctx, [(a + offset, b + offset, lab) for a, b, lab in ents])
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
