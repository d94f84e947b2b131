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
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(folded)]
    i, n = 0, len(words)
    while i < n:
        candidates = by_first.get(words[i][2])
        match = None
        if candidates:
            for key, parts in candidates:
                j = i + len(parts)
                if j > n or any(words[i + k][2] != parts[k] for k in range(1, len(parts))):
                    continue
                if all(_SEP.fullmatch(folded, words[i + k - 1][1], words[i + k][0]) for k in range(1, len(parts))):
                    match = (words[i][0], words[j - 1][1], key, j)
                    break
        if match is None:
            i += 1
            continue
        yield match[0], match[1], match[2]
        i = match[3]


def _by_pattern(folded: str, alternatives: list[str]) -> Iterator[tuple[int, int, str]]:
    pattern = re.compile(
        r"(?<![^\W_])(?:"
        + "|".join(r"[\s\-'’]+".join(re.escape(p) for p in k.split(" ")) for k in alternatives)
        + r")(?![^\W_])"
    )
    for m in pattern.finditer(folded):
        yield m.start(), m.end(), _SEP.sub(" ", m.group(0))
