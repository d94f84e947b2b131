"""Propagation: a name found once (with context) is masked everywhere else in the document."""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key, is_upper_word, sentence_start
from avec.privacy.spans import Span

_SEP = re.compile(r"[\s\-'’]+")


_LOWER_TITLE_BEFORE = re.compile(r"(?<![\w'’-])(?:mme|mr|m\.|mlle|madame|monsieur)[ \t]+\Z")


def _sentence_start(text: str, pos: int) -> bool:
    return sentence_start(text, pos, ".!?\n:;|")


def propagate(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """New spans for other occurrences of names already found (same label)."""
    text, lex = ctx.text, ctx.lexicons
    surfaces: dict[str, str] = {}
    for s in spans:
        if s.label not in ("NOM", "PRENOM", "VILLE", "HOPITAL"):
            continue
        surface = text[s.start : s.end]
        key = fold_key(surface)
        if len(key.replace(".", "")) < 3 or "." in surface:
            continue
        surfaces.setdefault(_SEP.sub(" ", key), s.label)
    if not surfaces:
        return []
    # One alternation for all names (longest first), matched on the folded text.
    alternatives = sorted(surfaces, key=len, reverse=True)
    pattern = re.compile(
        # An underscore separates words in a file name: "courrier_dupont.pdf" holds the name.
        r"(?<![^\W_])(?:"
        + "|".join(r"[\s\-'’]+".join(re.escape(p) for p in k.split(" ")) for k in alternatives)
        + r")(?![^\W_])"
    )
    out: list[Span] = []
    for m in pattern.finditer(ctx.folded):
        key = _SEP.sub(" ", m.group(0))
        label = surfaces.get(key)
        if label is None:
            continue
        surface = text[m.start() : m.end()]
        common = lex.is_common(key)
        if common or label == "VILLE":
            # "fille de mme soulages": a title says a lower-case ordinary word is the surname.
            titled = label == "NOM" and _LOWER_TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if not surface[0].isupper() and not titled:
                continue
            if ctx.all_caps and common:
                continue
            if common and _sentence_start(text, m.start()) and not is_upper_word(surface):
                continue
        if in_eponym_context(text, m.start()):
            continue
        out.append(Span(m.start(), m.end(), label, 0.7, "propagation"))
    return out
