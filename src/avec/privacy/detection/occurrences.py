"""Every occurrence of known multi-word keys in a folded text, by word lookups.

Propagation looks for the names found once everywhere else in a document. One regular expression
alternating all of a document's names had to be compiled per document (~7 % of detection time:
Python's ``re`` compiles large alternations slowly and the module cache holds 512 patterns); no
library matches word sequences on our separators without that cost, so this walks the document's
words once and looks each up in a dictionary of first words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"[^\W_]+")
_SEP = re.compile(r"[\s\-'’]+")


def find_occurrences(folded: str, keys: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, key)`` for each non-overlapping occurrence, left to right, of a key (its words
    separated by single spaces) whose words appear in ``folded`` separated by spaces, hyphens or
    apostrophes, with no letter or digit on either side; the longest key wins at a position.

    Same matches as the alternation ``(?<![^\\W_])(?:k1|k2|…)(?![^\\W_])`` with keys longest first
    and each space of a key read as ``[\\s\\-'’]+``.
    """
    by_first: dict[str, list[tuple[str, list[str]]]] = {}
    odd: list[str] = []
    for key in sorted(set(keys), key=len, reverse=True):
        parts = key.split(" ")
        if all(_WORD.fullmatch(p) for p in parts):
            by_first.setdefault(parts[0], []).append((key, parts))
        else:
            odd.append(key)
    if odd:  # a key with a character that is no letter or digit ("o.k"): the regular expression
        yield from _by_pattern(folded, sorted(set(keys), key=len, reverse=True))
        return
    # The word starts holding a first word: found by str.find (in C), not by splitting the whole
    # text into words. A word is a maximal run of letters and digits ([^\W_] is str.isalnum).
    n = len(folded)
    starts: list[tuple[int, str]] = []
    for first in by_first:
        i = folded.find(first)
        while i >= 0:
            end = i + len(first)
            if (i == 0 or not folded[i - 1].isalnum()) and (end == n or not folded[end].isalnum()):
                starts.append((i, first))
            i = folded.find(first, i + 1)
    starts.sort()
    pos = 0
    for i, first in starts:
        if i < pos:
            continue  # inside the occurrence found last
        for key, parts in by_first[first]:
            end = _following_words(folded, i + len(first), parts)
            if end >= 0:
                yield i, end, key
                pos = end
                break


def _following_words(folded: str, end: int, parts: list[str]) -> int:
    """The end of ``parts[1:]`` read as the next words after ``end``, each after a separator made
    only of spaces, hyphens and apostrophes; -1 if they are not there."""
    for part in parts[1:]:
        sep = _SEP.match(folded, end)
        if sep is None:
            return -1
        start, end = sep.end(), sep.end() + len(part)
        if not folded.startswith(part, start) or (end < len(folded) and folded[end].isalnum()):
            return -1
    return end


def _by_pattern(folded: str, alternatives: list[str]) -> Iterator[tuple[int, int, str]]:
    pattern = re.compile(
        r"(?<![^\W_])(?:"
        + "|".join(r"[\s\-'’]+".join(re.escape(p) for p in k.split(" ")) for k in alternatives)
        + r")(?![^\W_])"
    )
    for m in pattern.finditer(folded):
        yield m.start(), m.end(), _SEP.sub(" ", m.group(0))
