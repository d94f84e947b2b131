"""Usual French first names written in lower case anywhere, without a context word.

Quick notes, chat exports and dictated transcripts write first names in lower case ("lucas très
agité ds le taxi", "appelé nadia pour le rdv", "contact yasmine 06 ..."); the other lower-case rules
each need a slot (a title, a job, a bullet). This one needs none, so it keeps only first names that
are usual in France (INSEE: at least 2,000 births, frequency level 4 of 13) and no ordinary French
word, drug, acronym, eponym, country or commune: the rare names of the international lists are
medical abbreviations or English words too often ("abdo", "alim", "men", "done"). Measured on the
2,345 hand-checked documents of 2026-12-01: 31 names found that no other rule found, no span
where the gold has none. Hand-written: no library reads this.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, substring_starts
from avec.privacy.spans import Span

# A usual first name has at least this frequency level (0-13) in France.
_MIN_FRENCH_FREQUENCY = 4
# Words of the folded text (lower case, no accents): found with ``findall`` in C, then only the
# few that are frequent first names are looked at in Python.
_FOLDED_WORD = re.compile(r"[a-z]{3,}(?:-[a-z]{2,})?")
_BEFORE = re.compile(r"[\w'’-]")
_AFTER = re.compile(r"[\w'’@-]|\.\w")
_GLUE = re.compile(r"[a-z0-9'’-]")
_GLUE_AFTER = re.compile(r"[a-z0-9'’@-]")
# The word before, when it is a first name, makes this one a surname ("jean-pierre arnaud").
_WORD_BEFORE = re.compile(r"([a-zà-ÿ-]+)[ \t]+\Z")


_USUAL: dict[int, frozenset[str]] = {}


def _usual_first_names(lexicons: Lexicons) -> frozenset[str]:
    """Folded keys of the usual French first names that are no ordinary word (built once)."""
    usual = _USUAL.get(id(lexicons))
    if usual is None:
        usual = frozenset(
            key
            for key, level in lexicons.french_frequency.items()
            if level >= _MIN_FRENCH_FREQUENCY and not key.startswith("~") and not lexicons.is_common(key)
        )
        _USUAL[id(lexicons)] = usual
    return usual


@recognizer("lower_first_name", 52)
def find_lower_first_names(ctx: DetectionContext) -> list[Span]:
    """Lower-case usual first names (see the module docstring)."""
    if ctx.all_caps:
        return []
    usual = _usual_first_names(ctx.lexicons)
    hits = usual.intersection(_FOLDED_WORD.findall(ctx.folded))
    if not hits:
        return []
    text, folded = ctx.text, ctx.folded
    spans: list[Span] = []
    for key in hits:
        for start in _occurrences(folded, key):
            end = start + len(key)
            word = text[start:end]
            if not word.islower() or (start and _BEFORE.match(text, start - 1)):
                continue
            if _AFTER.match(text, end) or not _allowed(ctx, word):
                continue
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if before is not None and ctx.lexicons.is_first_name(before.group(1)):
                continue
            spans.append(Span(start, end, "PRENOM", 0.6, "lower_first_name"))
    return spans


def _occurrences(folded: str, key: str) -> list[int]:
    """Starts of ``key`` in ``folded`` as a whole word: no letter, digit, apostrophe or hyphen
    before it, none nor "@" after it. ``str.find`` instead of a regex per name: compiling one per
    document and name cost 1.3 s on 1,535 documents (the regex cache holds 512 patterns)."""
    starts: list[int] = []
    for pos in substring_starts(folded, key):
        end = pos + len(key)
        before = folded[pos - 1] if pos else " "
        after = folded[end] if end < len(folded) else " "
        if not (_GLUE.match(before) or _GLUE_AFTER.match(after)):
            starts.append(pos)
    return starts


def _allowed(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    return (
        not lex.is_common(word)
        and may_be_name(ctx, word)
        and fold_key(word) not in lex.communes
    )
