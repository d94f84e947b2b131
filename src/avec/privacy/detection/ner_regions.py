"""Where to run NER: only the lines holding a capitalised word that no rule explains.

spaCy NER is most of the cost; lines without such a word (lab values, doses, sentences whose
names the rules already found) skip it entirely.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.names import STOP_WORDS
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAP_WORD = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-ÝĀ-ž][\w'’\-]+")


def covered_mask(text: str, spans: list[Span]) -> bytearray:
    """One byte per character of ``text``: 1 where a span already covers it."""
    covered = bytearray(len(text))
    for s in spans:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    return covered


def ner_regions(ctx: DetectionContext, spans: list[Span]) -> list[tuple[int, int]]:
    """(start, end) of the lines worth sending to NER."""
    if ctx.all_caps:
        return []  # capitals carry no signal; the lexicon rule handles known names
    text, lex = ctx.text, ctx.lexicons
    covered = covered_mask(text, spans)
    regions: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        for m in _CAP_WORD.finditer(line):
            a = pos + m.start()
            if covered[a]:
                continue
            word = m.group(0)
            key = fold_key(word)
            if key in STOP_WORDS or is_protected_word(word, ctx.protected) or is_eponym(word):
                continue
            if word.isupper() and len(word) <= 5:
                continue  # acronyms
            # A capitalised ordinary word at a sentence start is not a clue.
            if lex.is_common(word) and not (lex.is_first_name(word) or lex.is_surname(word)):
                continue
            regions.append((pos, end))
            break
        pos = end + 1
    return regions
