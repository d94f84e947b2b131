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
import re._compiler as _sre_compiler  # the standard library's compiler: its first-character analysis
import re._parser as sre_parse  # the standard library's parser of regular expressions
from collections.abc import Iterable, Iterator
from functools import lru_cache

from avec.privacy.detection.text import fold
from avec.privacy.detection.word_starts import WORD_CHARACTERS, word_starts

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


@lru_cache(maxsize=64)
def _folded_class_everywhere(class_source: str, ignore_case: bool) -> frozenset[str]:
    """``_folded_class`` over every character, above the BMP too (about 0.2 s, once per class)."""
    rx = re.compile(class_source, re.IGNORECASE if ignore_case else 0)
    astral = "".join(map(chr, range(0x10000, 0x110000)))
    return _folded_class(class_source, ignore_case) | frozenset(fold("".join(rx.findall(astral))))


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
# A class of up to this many folded characters may open a match (\\d: 680 digits of all scripts):
# each of them is then a one-character prefix.
_WIDE_FIRST = 1024
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
                if any(not p[0] for p in partials) and (wide or len(chars) > _WIDE_FIRST):
                    raise Unsupported("a wide class as first character")
                # A class such as \\d opening a match: each of its characters is a prefix (all of
                # them, above the BMP too: \\d holds digits of scripts beyond it).
                if any(not p[0] for p in partials):
                    chars = _folded_class_everywhere(_class_source(op, av), bool(flags & re.IGNORECASE))
                partials = frozenset(
                    (p[0], True) if p[0] else (c, True) for p in partials for c in (chars if not p[0] else ("",))
                )
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


def _finder(prefixes: frozenset[str], forbidden_before: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """A pattern matching one character at each position where a prefix starts (a lookahead reads
    the rest): alternatives opening on a literal character, so that ``re`` skips to those
    characters and tries only the alternative of the one it finds; not after a character of
    ``forbidden_before`` (folded characters that every match refuses before it, see
    ``_refused_before``)."""
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
    body = "|".join(alternatives)
    if not forbidden_before:
        return re.compile(body)
    # The check follows the first character so that ``re`` still skips to the first characters.
    return re.compile(f"(?:{body})(?<!{_class_of(forbidden_before)}(?s:.))")


@lru_cache(maxsize=256)
def _class_of(chars: frozenset[str]) -> str:
    """A character class holding exactly ``chars``, written as ranges (cached: the refusal sets of
    many patterns are the same)."""
    codes = sorted(ord(c) for c in chars)
    parts = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = chr(codes[i]), chr(codes[j])
        parts.append(re.escape(lo) if i == j else f"{re.escape(lo)}-{re.escape(hi)}")
        i = j + 1
    return "[" + "".join(parts) + "]"


# No character above the BMP folds to a character below this one (checked by the tests), so the
# characters folding to one below it are all found by enumerating the BMP.
_FOLDED_LIMIT = 0x3000


@lru_cache(maxsize=1)
def _fold_preimages() -> dict[str, str]:
    """For each folded character below ``_FOLDED_LIMIT``, every character folding to it."""
    bmp = _bmp()
    out: dict[str, list[str]] = {}
    for c, x in zip(bmp, fold(bmp), strict=True):
        if ord(x) < _FOLDED_LIMIT:
            out.setdefault(x, []).append(c)
    return {x: "".join(cs) for x, cs in out.items()}


@lru_cache(maxsize=1024)
def _folded_refusal(class_source: str, flags: int) -> frozenset[str]:
    """Folded characters whose every unfolded form the one-character pattern ``class_source``
    accepts: seeing one on the folded text proves the original character is in the class."""
    accepted = set(re.compile(class_source, flags).findall(_bmp()))
    return frozenset(x for x, cs in _fold_preimages().items() if all(c in accepted for c in cs))


@lru_cache(maxsize=1024)
def _folded_exclusion(class_source: str, flags: int) -> frozenset[str]:
    """Folded characters none of whose unfolded forms the one-character pattern ``class_source``
    accepts: seeing one on the folded text proves the original character is not in the class."""
    accepted = set(re.compile(class_source, flags).findall(_bmp()))
    return frozenset(x for x, cs in _fold_preimages().items() if not any(c in accepted for c in cs))


def _refused_before(items: list[tuple[object, object]], flags: int, word_first: bool) -> frozenset[str]:
    """Folded characters that no match of ``items`` may follow: those of a one-character negative
    lookbehind (``(?<![\\w-])``) opening every match, before any character is read, those outside
    the last character of a positive one (``(?<=[lL]['’])``), and word
    characters before a ``\\b`` when every match opens on a word character (``word_first``).
    Other assertions are passed over (the finder then only tries more places, never fewer)."""
    refused: frozenset[str] = frozenset()
    for op, av in items:
        if op is sre_parse.AT and av is sre_parse.AT_BOUNDARY and word_first:
            refused |= _folded_refusal(r"\w", 0)
        elif op is sre_parse.ASSERT_NOT:
            assert isinstance(av, tuple)
            direction, sub = av
            sub_items = list(sub)
            if direction == -1 and len(sub_items) == 1 and sub_items[0][0] in (sre_parse.LITERAL, sre_parse.IN):
                try:
                    source = _class_source(*sub_items[0])
                except Unsupported:
                    continue
                refused |= _folded_refusal(source, flags & re.IGNORECASE)
        elif op is sre_parse.ASSERT:
            assert isinstance(av, tuple)
            direction, sub = av
            sub_items = list(sub)
            # (?<=[lL]['’]): the character before the match is one of the last item's
            if direction == -1 and sub_items and sub_items[-1][0] in (sre_parse.LITERAL, sre_parse.IN):
                try:
                    source = _class_source(*sub_items[-1])
                except Unsupported:
                    continue
                refused |= _folded_exclusion(source, flags & re.IGNORECASE)
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre_parse.SUBPATTERN:
            assert isinstance(av, tuple)
            _group, add, remove, sub = av
            return refused | _refused_before(list(sub), (flags | add) & ~remove, word_first)
        elif op is sre_parse.BRANCH:
            assert isinstance(av, tuple)
            common: frozenset[str] | None = None
            for alternative in av[1]:
                mine = _refused_before(list(alternative), flags, word_first)
                common = mine if common is None else common & mine
            return refused | (common or frozenset())
        else:
            return refused
    return refused


class _Plan:
    """How a pattern is searched: its prefixes (None: they cannot be enumerated), the folded
    characters refused before a match, its prefixes by length (1, 2, 3 characters) when no match
    follows a letter or digit, so that the text's shared
    :class:`~avec.privacy.detection.word_starts.WordStarts` index gives its candidates, and whether
    the plain search is used instead. The finder regex is compiled on first use only (most texts
    are searched through the index)."""

    __slots__ = ("prefixes", "refused", "firsts", "plain", "_finder")

    def __init__(self, prefixes: frozenset[str] | None, refused: frozenset[str] = frozenset()) -> None:
        self.prefixes = prefixes
        self.refused = refused
        # the plain search, faster than the finder (see _skips_by_itself) or the only one possible
        self.plain = prefixes is None
        self.firsts: tuple[frozenset[str], ...] | None = None
        if prefixes is not None and refused >= WORD_CHARACTERS and all(_WORD.match(p) for p in prefixes):
            self.firsts = tuple(frozenset(p for p in prefixes if len(p) == k) for k in (1, 2, 3))
        self._finder: re.Pattern[str] | None = None

    def finder(self) -> re.Pattern[str] | None:
        if self._finder is None and self.prefixes is not None:
            self._finder = _finder(self.prefixes, self.refused)
        return self._finder


_WORD = re.compile(r"\w")
# The plan of each pattern seen, by identity: hashing a compiled pattern hashes its whole code
# (26 microseconds for the facility keywords), too dear for a cache consulted at every call.
_PLANS: dict[int, tuple[re.Pattern[str], _Plan]] = {}


def _plan(rx: re.Pattern[str]) -> _Plan:
    if (known := _PLANS.get(id(rx))) is not None and known[0] is rx:
        return known[1]
    plan = _build_plan(rx)
    if len(_PLANS) >= 4096:  # patterns compiled on the fly must not pile up
        _PLANS.clear()
    _PLANS[id(rx)] = (rx, plan)  # holds rx, so its id is not reused while cached
    return plan


def prefix_finder(rx: re.Pattern[str], k: int = 3) -> re.Pattern[str] | None:
    """The finder of ``rx`` over folded text, or None when its prefixes cannot be enumerated."""
    return (_plan(rx) if k == 3 else _build_plan(rx, k)).finder()


@lru_cache(maxsize=256)
def _build_plan(rx: re.Pattern[str], k: int = 3) -> _Plan:
    try:
        prefixes = match_prefixes(rx, k)
    except Unsupported:
        return _Plan(None)
    refused: frozenset[str] = frozenset()
    parsed = sre_parse.parse(rx.pattern, rx.flags)
    if not rx.flags & re.ASCII:
        # The first character of a match is a word character when every unfolded form of the
        # folded first character of every prefix is one.
        words = _folded_refusal(r"\w", 0)
        word_first = all(p[0] in words for p in prefixes)
        refused = _refused_before(list(parsed), parsed.state.flags, word_first)
    plan = _Plan(prefixes, refused)
    # "(?P<town>[A-Z]...": re's own scan beats a finder over the folded text
    plan.plain = plan.firsts is None and _skips_by_itself(parsed)
    return plan


def _skips_by_itself(parsed: sre_parse.SubPattern) -> bool:
    """True when ``re`` skips to a match's first characters by itself: the pattern opens on a
    literal or a class, case-sensitive (the compiler's own analysis, ``re._compiler``). Its scan
    in C then tries fewer places than a finder over the folded text, which folds capitals to lower
    case ("[A-Z]" becomes every letter), and each of them without a call from Python. Not for an
    alternation of words ("teleassistance|constructions|..."): there ``re`` tries every word
    opening with the letter it found, and the finder, reading three letters, is faster."""
    first = parsed
    while first.data and first.data[0][0] is sre_parse.SUBPATTERN:
        first = first.data[0][1][3]  # type: ignore[index]
    if first.data and first.data[0][0] is sre_parse.BRANCH:
        return False
    try:
        prefix, _skip, _all = _sre_compiler._get_literal_prefix(parsed, parsed.state.flags)
        return bool(prefix) or bool(_sre_compiler._get_charset_prefix(parsed, parsed.state.flags))
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - another Python's internals
        return False


def prefixed_finditer(
    rx: re.Pattern[str], text: str, folded: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``rx.finditer(text, pos, endpos)``, ``folded`` being ``fold(text)``."""
    end = len(text) if endpos is None else endpos
    plan = _plan(rx)
    if plan.plain:
        yield from rx.finditer(text, pos, end)
        return
    starts: Iterable[int]
    if plan.firsts is not None and (index := word_starts(folded)) is not None:
        starts = index.positions(plan.firsts, pos, end)
    else:
        finder = plan.finder()
        assert finder is not None
        starts = (candidate.start() for candidate in finder.finditer(folded, pos, end))
    for start in starts:
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
