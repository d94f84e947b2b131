"""The word starts of a folded text, by their first characters: one index per text, shared by every
keyword pattern of :mod:`prefix_search`.

``prefixed_finditer`` tries a pattern only where the folded text holds one of the pattern's first
strings (1 to 3 folded characters). About 250 patterns are searched that way in every document,
and each used to run its own "finder" regex over the whole folded text: ~18 % of the detection
time (h57-122, 400 documents). Most of those patterns refuse a word character before their match
(``(?<![\\w-])``, ``\\b``) and open on a word character, so their matches open at a *word start*: a
word character at the start of the text or after anything but a folded ASCII letter or digit.
This index lists the word starts of a text once, by their first 1, 2 and 3 characters; such a
pattern then takes the positions of its own first strings from a dict (a set intersection, in C)
instead of reading the text again.

The index is built on the second search of the same folded string (the detector's ``ctx.folded``
is searched ~250 times; a line folded for one pattern is not worth an index) and kept in a small
cache per thread, by identity of the string.
"""

from __future__ import annotations

import re
import threading

# A word start: a word character (``\w``) after anything but a folded ASCII letter or digit. Every
# letter folds to its base letter ("É" -> "e"), so only these characters continue a word of a
# folded French text; any other character (a space, "-", "'", "œ", a letter of another script)
# leaves a word start after it: more starts are listed, never fewer.
WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORD_START = re.compile(r"(?<![a-z0-9])\w")
# The number of folded strings remembered per thread (the text, and a few others searched twice).
_CACHE_SIZE = 8


class WordStarts:
    """The word starts of ``folded`` keyed by their first ``k`` characters (k = 1, 2, 3)."""

    __slots__ = ("folded", "_starts", "_levels")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._starts = [m.start() for m in _WORD_START.finditer(folded)]
        # for k = 1, 2, 3: (first k characters -> their word starts in order, those keys), built on first use
        self._levels: list[tuple[dict[str, list[int]], frozenset[str]] | None] = [None, None, None]

    def _level(self, k: int) -> tuple[dict[str, list[int]], frozenset[str]]:
        by_key: dict[str, list[int]] = {}
        folded = self.folded
        for i in self._starts:
            key = folded[i : i + k]
            found = by_key.get(key)
            if found is None:
                by_key[key] = [i]
            else:
                found.append(i)
        level = self._levels[k - 1] = (by_key, frozenset(by_key))
        return level

    def positions(self, firsts: tuple[frozenset[str], ...], pos: int = 0, end: int | None = None) -> list[int]:
        """The word starts in ``[pos, end)`` where one of ``firsts[k - 1]`` (strings of ``k``
        characters) opens, in increasing order (a start may appear twice when strings of two
        lengths open there)."""
        found: list[int] = []
        several = False
        levels = self._levels
        for k in (1, 2, 3):
            wanted = firsts[k - 1]
            if wanted:
                by_key, keys = levels[k - 1] or self._level(k)
                for key in wanted & keys:
                    several = several or bool(found)
                    found += by_key[key]
        if several:
            found.sort()
        if pos > 0 or (end is not None and end < len(self.folded)):
            stop = len(self.folded) if end is None else end
            found = [i for i in found if pos <= i < stop]
        return found


_local = threading.local()


def word_starts(folded: str) -> WordStarts | None:
    """The index of ``folded``, or None the first time this string is seen (search it directly)."""
    last: WordStarts | None = getattr(_local, "last", None)
    if last is not None and last.folded is folded:
        return last
    cache: dict[int, list[object]] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    key = id(folded)
    entry = cache.get(key)
    if entry is not None and entry[0] is folded:
        del cache[key]  # most recently used last
        cache[key] = entry
        if entry[1] is None:
            entry[1] = WordStarts(folded)
        index = entry[1]
        assert isinstance(index, WordStarts)
        _local.last = index
        return index
    if len(cache) >= _CACHE_SIZE:
        del cache[next(iter(cache))]
    cache[key] = [folded, None]  # holds the string: its id is not reused while cached
    return None
