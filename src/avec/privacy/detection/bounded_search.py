"""``finditer`` of a pattern whose matches all hold a cheap anchor, searched only near the anchors.

A pattern opening on a lookbehind (``(?<![\\w])mars\\s+2024``) gives ``re`` no first character to
skip to, so ``finditer`` tries a match at every position of the text. When every match holds an
anchor found in C (a "/", a year after a space) and spans a bounded stretch around it, searching
only those stretches gives the same matches: see ``bounded_finditer``. (``re`` and the ``regex``
package have no such anchor hint; the stretches are computed here.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# (anchor, lowest start, end bound) of the first anchor at or after a position, or None.
AnchorFinder = Callable[[str, int], "tuple[int, int, int] | None"]


def bounded_finditer(rx: re.Pattern[str], text: str, next_anchor: AnchorFinder) -> Iterator[re.Match[str]]:
    """The matches of ``rx.finditer(text)``, searched only around anchors.

    ``next_anchor(text, i)`` gives the first anchor ``a >= i`` with ``lo`` and ``hi`` such that any
    match (of ``rx`` in ``text`` or in ``text[:hi]``) whose first anchor at or after its start is
    ``a`` starts at ``>= lo``, and ends, with the characters its final lookahead reads, by ``hi``.
    Then a match found in ``text[max(pos, lo):hi]`` starting at or before ``a`` is the one
    ``finditer`` finds next, and when there is none, no match holds ``a`` as its first anchor.
    """
    pos = 0  # where finditer would search next
    at = 0  # where to look for the next anchor
    while (found := next_anchor(text, at)) is not None:
        anchor, lo, hi = found
        m = rx.search(text, max(pos, lo), hi)
        if m is not None and m.start() <= anchor:
            yield m
            pos = at = m.end()
        else:
            at = anchor + 1


def slash_anchor(before: int, after: int) -> AnchorFinder:
    """Anchors on "/": matches start at most ``before`` characters before their first "/" and end,
    lookahead included, at most ``after`` characters after it."""

    def find(text: str, i: int) -> tuple[int, int, int] | None:
        a = text.find("/", i)
        return None if a < 0 else (a, a - before, min(len(text), a + after))

    return find


_YEAR = re.compile(r"\s(?:18|19|20)\d{2}(?!\d)")


def year_after_space_anchor(before: int) -> AnchorFinder:
    """Anchors on a four-digit year (1800-2099) after white space: matches end on the year (and
    look at one more character); they start at most ``before`` characters before the white space."""

    def find(text: str, i: int) -> tuple[int, int, int] | None:
        m = _YEAR.search(text, max(0, i - 1))
        if m is None:
            return None
        year = m.start() + 1
        gap = m.start()
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        return year, gap - before, min(len(text), year + 5)

    return find


def separator_after_digit_anchor(
    separators: str, before: int, after: int, *, intro: int = 0
) -> AnchorFinder:
    """Anchors on a date separator (one of ``separators``) right after a digit or a digit and one
    white space. Matches start at most ``before`` characters before it and end, lookahead included,
    at most ``after`` characters after it. With ``intro``, the day may follow an introducing word of
    at most ``intro`` characters ("depuis le", "J3 :") or bullets at a line start, and any white
    space: the start bound is taken before the day, the white space, bullets and "J<n> :"."""
    seps = re.escape(separators)
    rx = re.compile(rf"[{seps}](?:(?<=\d[{seps}])|(?<=\d\s[{seps}]))")

    def find(text: str, i: int) -> tuple[int, int, int] | None:
        m = rx.search(text, i)
        if m is None:
            return None
        a = m.start()
        lo = a - before
        if intro:
            j = a
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            while j > 0 and text[j - 1].isdigit():
                j -= 1
            while j > 0 and (text[j - 1].isspace() or text[j - 1] in "•*-"):
                j -= 1
            if j > 0 and text[j - 1] == ":":
                j -= 1
                while j > 0 and text[j - 1].isspace():
                    j -= 1
            while j > 0 and text[j - 1].isdigit():
                j -= 1
            lo = min(lo, j - intro)
        return a, lo, min(len(text), a + after)

    return find


def colon_anchor(words: int) -> AnchorFinder:
    """Anchors on ":" for a label of at most ``words`` white-space-separated pieces before it
    (white space between the label and ":" allowed), the match ending on the white space after it:
    matches start at or after the piece ``words`` back, and end where that white space ends."""

    def find(text: str, i: int) -> tuple[int, int, int] | None:
        a = text.find(":", i)
        if a < 0:
            return None
        window = max(0, a - 200)
        # rsplit splits on white-space runs (str.isspace, as re's \s): the pieces before the last
        # ``words`` ones are parts[0]; a window too short to hold that many pieces starts at 0.
        parts = text[window:a].rstrip().rsplit(None, words)
        lo = window + len(parts[0]) if len(parts) > words else 0
        hi = a + 1
        while hi < len(text) and text[hi].isspace():
            hi += 1
        return a, lo, hi

    return find
