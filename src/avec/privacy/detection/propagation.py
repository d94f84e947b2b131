"""Propagation: a name found once (with context) is masked everywhere else in the document."""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context
from avec.privacy.detection.occurrences import find_occurrences
from avec.privacy.detection.place_patterns import has_inner_capital
from avec.privacy.detection.registry import DetectionContext, priority_of
from avec.privacy.detection.text import fold_key, is_upper_word, sentence_start
from avec.privacy.spans import Span

_SEP = re.compile(r"[\s\-'’]+")


_LOWER_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?:mme|mr|m\.|mlle|madame|monsieur)[ \t]+\Z")


def _sentence_start(text: str, pos: int) -> bool:
    return sentence_start(text, pos, ".!?\n:;|")


def propagate(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """New spans for other occurrences of names already found (same label).

    ``spans`` are resolved; an occurrence overlapping one of them with a higher priority than
    propagation's is skipped unchecked (resolution would drop it: same output, less work).
    """
    text, lex = ctx.text, ctx.lexicons
    surfaces: dict[str, str] = {}
    for s in spans:
        if s.label not in ("NOM", "PRENOM", "VILLE", "HOPITAL"):
            continue
        surface = text[s.start : s.end]
        key = fold_key(surface)
        if len(key.replace(".", "")) < 3 or "." in surface:
            continue
        if s.label == "VILLE" and has_inner_capital(surface):
            continue  # "IgE" read as the commune "Igé": a lab term is never a place
        surfaces.setdefault(_SEP.sub(" ", key), s.label)
    if not surfaces:
        return []
    own = priority_of("propagation")
    stronger = bytearray(len(text) + 1)
    for s in spans:
        if priority_of(s.source) > own:
            stronger[s.start : s.end] = b"\x01" * (s.end - s.start)
    out: list[Span] = []
    # Every occurrence of these names in the folded text, longest first at a position; an
    # underscore separates words in a file name: "courrier_dupont.pdf" holds the name.
    for start, end, key in find_occurrences(ctx.folded, surfaces):
        if stronger.find(1, start, end) >= 0:
            continue
        label = surfaces[key]
        surface = text[start:end]
        common = lex.is_common(key)
        if common or label == "VILLE":
            # "fille de mme soulages": a title says a lower-case ordinary word is the surname.
            titled = label == "NOM" and _LOWER_TITLE_BEFORE.search(text, max(0, start - 12), start)
            if not surface[0].isupper() and not titled:
                continue
            if ctx.all_caps and common:
                continue
            if common and _sentence_start(text, start) and not is_upper_word(surface):
                continue
        if in_eponym_context(text, start):
            continue
        out.append(Span(start, end, label, 0.7, "propagation"))
    return out
