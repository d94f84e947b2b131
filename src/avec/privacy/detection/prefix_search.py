"""``finditer`` of a keyword pattern, tried only where the folded text holds one of its first letters.

A pattern such as ``(?i)(?<![\\w])(?:patient|usager|médecin|...)`` gives ``re`` no first character
to skip to (a leading lookbehind, or letters under IGNORECASE, turn that optimisation off), so
``finditer`` runs the whole alternation at every position of the text. Here the pattern's parse
tree (``re._parser``, the standard library's own parser) gives every string of ``k`` characters a
match can open with, folded like ``text.fold`` (lower case, no accents, one character for one);
a small case-sensitive "finder" pattern over the folded text then yields the positions holding one
of them, found by ``re``'s fast first-character scan, and the real pattern is *matched* only there.
The matches are those of ``finditer`` (same pattern, same text, same starts tried in order), as
long as every match opens with one of those strings: the analysis refuses (and the plain search
is used) any pattern where that cannot be proved, e.g. a class such as ``\\w`` or a match shorter
than ``k``. No library offers this (``re`` and ``regex`` have no first-letters hint).
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the standard library's parser of regular expressions
from collections.abc import Iterator
from functools import lru_cache

from avec.privacy.detection.text import fold

# Characters tried when enumerating a class: the Basic Multilingual Plane. No character above it
# is white space or matches a character of the BMP ignoring case (both checked by the tests), and
# classes naming characters above it are refused, so the enumeration misses nothing; \\d and \\w
# are wide classes (see _WIDE) whatever they hold above the BMP.
_MAX_PREFIXES = 4000


@lru_cache(maxsize=1)
def _bmp() -> str:
    return "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)


class Unsupported(ValueError):
    """The pattern's first characters cannot be enumerated (the plain search is then used)."""


@lru_cache(maxsize=4096)
def _folded_class(class_source: str, ignore_case: bool) -> frozenset[str]:
    """The folded forms of every character the one-character pattern ``class_source`` accepts."""
    rx = re.compile(class_source, re.IGNORECASE if ignore_case else 0)
    return frozenset(fold("".join(rx.findall(_bmp()))))


_CATEGORIES = {
    sre_parse.CATEGORY_DIGIT: r"\d",
    sre_parse.CATEGORY_NOT_DIGIT: r"\D",
    sre_parse.CATEGORY_SPACE: r"\s",
    sre_parse.CATEGORY_NOT_SPACE: r"\S",
    sre_parse.CATEGORY_WORD: r"\w",
    sre_parse.CATEGORY_NOT_WORD: r"\W",
}


def _class_source(op: object, av: object) -> str:
    if op is sre_parse.LITERAL:
        assert isinstance(av, int)
        if av > 0xFFFF:
            raise Unsupported("a character above the BMP")
        return re.escape(chr(av))
    if op is sre_parse.IN:
        assert isinstance(av, list)
        parts = []
        for item_op, item in av:
            if (
                item_op in (sre_parse.LITERAL, sre_parse.RANGE)
                and max(item if isinstance(item, tuple) else (item,)) > 0xFFFF
            ):
                raise Unsupported("a character above the BMP")
            if item_op is sre_parse.LITERAL:
                parts.append(re.escape(chr(item)))
            elif item_op is sre_parse.RANGE:
                parts.append(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
            elif item_op is sre_parse.CATEGORY and item in _CATEGORIES:
                parts.append(_CATEGORIES[item])
            else:  # a negated class: too wide to enumerate
                raise Unsupported(str(item_op))
        return "[" + "".join(parts) + "]"
    raise Unsupported(str(op))


_ZERO_WIDTH = {sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT}
# Ops reading one character; "." and "[^x]" are wide.
_ONE_CHARACTER = {sre_parse.LITERAL, sre_parse.IN, sre_parse.ANY, sre_parse.NOT_LITERAL}
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT}
# A prefix stops growing at a class of more folded characters than this (\w, \d, [^\n]): the
# prefix found so far is then enough. Such a class as a match's first character is refused.
_WIDE = 64
# A prefix: its folded characters, and True when it stops there (a wide class came next).
Prefix = tuple[str, bool]


def _done(p: Prefix, k: int) -> bool:
    return p[1] or len(p[0]) == k


def _extend(partials: frozenset[Prefix], items: list[tuple[object, object]], flags: int, k: int) -> frozenset[Prefix]:
    """The prefixes (up to ``k`` folded characters) after ``items`` is read from each of ``partials``."""
    for op, av in items:
        if all(_done(p, k) for p in partials):
            return partials
        if op in _ZERO_WIDTH:
            continue
        if op in _ONE_CHARACTER:
            wide = op is not sre_parse.LITERAL and op is not sre_parse.IN
            chars = frozenset() if wide else _folded_class(_class_source(op, av), bool(flags & re.IGNORECASE))
            if wide or len(chars) > _WIDE:
                if any(not p[0] for p in partials):
                    raise Unsupported("a wide class as first character")
                partials = frozenset((p[0], True) for p in partials)
            else:
                partials = frozenset(p if _done(p, k) else (p[0] + c, False) for p in partials for c in chars)
        elif op is sre_parse.BRANCH:
            assert isinstance(av, tuple)
            out: set[Prefix] = set()
            for alternative in av[1]:
                out |= _extend(partials, list(alternative), flags, k)
            partials = frozenset(out)
        elif op is sre_parse.SUBPATTERN:
            assert isinstance(av, tuple)
            _group, add, remove, sub = av
            partials = _extend(partials, list(sub), (flags | add) & ~remove, k)
        elif op is sre_parse.ATOMIC_GROUP:
            assert isinstance(av, sre_parse.SubPattern)
            partials = _extend(partials, list(av), flags, k)
        elif op in _REPEATS:
            assert isinstance(av, tuple)
            low, high, sub = av
            reached: set[Prefix] = set(partials) if low == 0 else set()
            current = partials
            for n in range(1, min(high, low + k + 1) + 1):
                current = _extend(current, list(sub), flags, k)
                if all(_done(p, k) for p in current):
                    reached |= current  # more repeats change nothing
                    break
                if n >= low:
                    reached |= current
            else:
                if high > low + k + 1:
                    raise Unsupported("a repeat that may read nothing")
            partials = frozenset(reached)
        else:
            raise Unsupported(str(op))
        if len(partials) > _MAX_PREFIXES:
            raise Unsupported("too many prefixes")
    return partials


def match_prefixes(rx: re.Pattern[str], k: int = 3) -> frozenset[str]:
    """Folded strings of 1 to ``k`` characters, one of which opens every match of ``rx`` (shorter
    than ``k`` where the pattern reads a wide class such as ``\\w`` next, or ends).

    Raises ``Unsupported`` when they cannot be enumerated or a match may be empty."""
    parsed = sre_parse.parse(rx.pattern, rx.flags)
    prefixes = {p[0] for p in _extend(frozenset({("", False)}), list(parsed), parsed.state.flags, k)}
    if "" in prefixes:
        raise Unsupported("a match may be empty")
    return frozenset(prefixes)


def _finder(prefixes: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching one character at each position where a prefix starts (a lookahead reads
    the rest): alternatives opening on a literal character, so that ``re`` skips to those
    characters and tries only the alternative of the one it finds."""
    by_first: dict[str, set[str]] = {}
    for p in prefixes:
        by_first.setdefault(p[0], set()).add(p[1:])
    alternatives = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:  # the first character is enough
            alternatives.append(re.escape(first))
            continue
        tail = "|".join(re.escape(r) for r in sorted(rests, key=lambda r: (-len(r), r)))
        alternatives.append(f"{re.escape(first)}(?={tail})")
    return re.compile("|".join(alternatives))


@lru_cache(maxsize=256)
def prefix_finder(rx: re.Pattern[str], k: int = 3) -> re.Pattern[str] | None:
    """The finder of ``rx`` over folded text, or None when its prefixes cannot be enumerated."""
    try:
        return _finder(match_prefixes(rx, k))
    except Unsupported:
        return None


def prefixed_finditer(
    rx: re.Pattern[str], text: str, folded: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``rx.finditer(text, pos, endpos)``, ``folded`` being ``fold(text)``."""
    end = len(text) if endpos is None else endpos
    finder = prefix_finder(rx)
    if finder is None:
        yield from rx.finditer(text, pos, end)
        return
    for candidate in finder.finditer(folded, pos, end):
        start = candidate.start()
        if start < pos:
            continue
        m = rx.match(text, start, end)
        if m is not None:
            yield m
            pos = m.end()


def prefixed_search(
    rx: re.Pattern[str], text: str, folded: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """``rx.search(text, pos, endpos)``, ``folded`` being ``fold(text)``."""
    return next(prefixed_finditer(rx, text, folded, pos, endpos), None)
