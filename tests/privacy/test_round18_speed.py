"""Round 18 speed: the per-text index of word starts (``word_starts``) gives the places a keyword
pattern may open at, and ``prefixed_finditer`` through it gives the matches of ``finditer``
(positive and negative cases: tricky texts with accents, apostrophes, hyphens, digits of other
scripts, characters above the BMP, ``pos``/``endpos``); a positive lookbehind refuses what its last
character cannot be; a pattern ``re`` skips to by itself is searched plainly."""

from __future__ import annotations

import random
import re
import threading

import pytest

from avec.privacy.detection import dates, patterns, person_contexts, relative_names
from avec.privacy.detection.prefix_search import _plan, prefixed_finditer, prefixed_search
from avec.privacy.detection.text import fold
from avec.privacy.detection.word_starts import WORD_CHARACTERS, WordStarts, word_starts

TRICKY = [
    "",
    "a",
    "Dr Dupont, l'IDE et l’AS de nuit.",
    "ÉLODIE Œuvre œdème Ærø İstanbul ﬁn",
    "Jean-Pierre x-AS 12rue 3 rue n°12 _AS AS_ (AS) «AS» /AS .AS",
    "le 1er mars 2024, ٣ rue, \U0001d7ee rue, 12/03/2024 et 03-2024",
    "sa fille\tson fils\nses parents  mon père ; MA MÈRE",
    "M. Dupont\nMme DURAND\n\nDr. X   Pr Y",
    "\U0001f600Dr Dupont \U0001f600 Pr\U0001f600 Mme",
    "l'IDE lIDE L’IDE d'AS xAS -AS 'AS",
]

# Patterns of the detector that the index serves, and small ones testing each rule.
INDEXED = {
    "relative_names._RELATIVE": relative_names._RELATIVE,
    "person_contexts._LOWER_TITLE": person_contexts._LOWER_TITLE,
    "dates._PATTERNS[3]": dates._PATTERNS[3],
    "keywords": re.compile(r"(?<![\w-])(?:rue|av\.?|as|ide)"),
    "ignore case": re.compile(r"(?i)\b(?:dr|pr|mme?)\b\.?"),
    "digits": re.compile(r"(?<![\w,.])\d{1,3}[ \t]+rue"),
    "positive lookbehind": re.compile(r"(?:(?<=[lL]['’])|(?<![\w'’-]))(?:IDE|AS)"),
}


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _indexed_same(rx: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> None:
    """The matches through the index (the folded string searched a second time) are finditer's."""
    folded = fold(text)
    end = len(text) if endpos is None else endpos
    expected = _spans(rx.finditer(text, pos, end))
    assert _spans(prefixed_finditer(rx, text, folded, pos, end)) == expected  # first sight: the finder
    word_starts(folded)
    assert word_starts(folded) is not None  # seen twice at least: the index exists from now on
    assert _spans(prefixed_finditer(rx, text, folded, pos, end)) == expected
    first = prefixed_search(rx, text, folded, pos, end)
    assert (first.span() if first else None) == (expected[0][0] if expected else None)


def _brute_positions(folded: str, firsts: tuple[frozenset[str], ...], pos: int, end: int) -> list[int]:
    return [
        i
        for i in range(pos, end)
        if re.match(r"\w", folded[i])
        and (i == 0 or folded[i - 1] not in WORD_CHARACTERS)
        and any(folded[i : i + k] in firsts[k - 1] for k in (1, 2, 3))
    ]


@pytest.mark.parametrize("text", TRICKY)
def test_word_starts_are_every_word_character_after_no_ascii_letter_or_digit(text: str) -> None:
    folded = fold(text)
    firsts = (frozenset("ad1٣\U0001d7eeœ"), frozenset({"dr", "m ", "l'", "as"}), frozenset({"ide", "rue", "mme"}))
    index = WordStarts(folded)
    for pos in range(len(text) + 1):
        for end in (pos, min(len(text), pos + 7), len(text)):
            got = index.positions(firsts, pos, end)
            assert sorted(set(got)) == _brute_positions(folded, firsts, pos, end), (text, pos, end)
    assert index.positions((frozenset(), frozenset(), frozenset())) == []


@pytest.mark.parametrize("name", sorted(INDEXED))
def test_indexed_patterns_give_the_matches_of_finditer(name: str) -> None:
    rx = INDEXED[name]
    assert _plan(rx).firsts is not None, name  # served by the index
    for text in TRICKY:
        for t in (text, fold(text), text.upper()):
            _indexed_same(rx, t)
            for pos in range(0, len(t), 5):
                _indexed_same(rx, t, pos)
                _indexed_same(rx, t, pos, min(len(t), pos + 9))


def test_indexed_patterns_on_random_mixes() -> None:
    pieces = [*" ".join(TRICKY).split(" "), " ", "  ", "\n", "-", "'", "’", ",", ".", "/", "1", "٣"]
    rnd = random.Random("speed-round18")
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25)))
        for rx in INDEXED.values():
            _indexed_same(rx, text, rnd.randint(0, len(text)))


# Patterns the index must not serve (a match may open after a letter or digit, or on no word
# character): they are still searched exactly.
NOT_INDEXED = {
    "letters only refused": re.compile(r"(?<![A-Za-z])\d+ rue"),
    "no lookbehind": re.compile(r"(?:rue|avenue) "),
    "opens on a sign": re.compile(r"(?<![\w+])\+33 ?\d"),
    "one alternative unguarded": re.compile(r"/|(?<=[ \t])(?:et|[–—])(?=[ \t])"),
    "positive lookbehind on a letter": re.compile(r"(?<=\w)/(?P<city>[A-Z]\w+)"),
}


@pytest.mark.parametrize("name", sorted(NOT_INDEXED))
def test_patterns_that_may_open_inside_a_word_are_not_indexed(name: str) -> None:
    rx = NOT_INDEXED[name]
    assert _plan(rx).firsts is None, name
    for text in [*TRICKY, "a12 rue x/Paris et — +33 6 +337 b+33 1", "rue avenue 12rue"]:
        _indexed_same(rx, text)


def test_a_positive_lookbehind_refuses_what_its_last_character_cannot_be() -> None:
    rx = INDEXED["positive lookbehind"]
    assert "x" in _plan(rx).refused and "'" not in _plan(rx).refused
    text = "l'IDE lIDE xAS -AS 'AS AS"
    assert [m.start() for m in rx.finditer(text)] == [2, 23]  # after "l'" or a blank only
    _indexed_same(rx, text)


def test_a_pattern_re_skips_to_by_itself_is_searched_plainly() -> None:
    town = patterns._ZIP_BRACKET  # "Apatou (97317)": opens on a capital
    assert _plan(town).plain
    keywords = re.compile(r"(?:teleassistance|demenagement|constructions) ")  # a finder is faster here
    assert not _plan(keywords).plain
    for text in ["Brest (29200) et Quimper (29000)", "brest (29200)", "demenagement teleassistance x"]:
        _indexed_same(town, text)
        _indexed_same(keywords, text)


def test_the_index_is_kept_by_identity_and_built_on_second_sight() -> None:
    text = "Dr Dupont et Mme Durand " * 3
    folded = fold(text)
    assert word_starts(folded) is None  # first sight
    index = word_starts(folded)
    assert index is not None and word_starts(folded) is index
    twin = "".join(list(folded))  # an equal string, another object: its own entry
    assert twin == folded and twin is not folded
    assert word_starts(twin) is None


def test_each_thread_has_its_own_indexes() -> None:
    folded = fold("Mme Durand, IDE " * 4)
    assert word_starts(folded) is None
    assert word_starts(folded) is not None
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(word_starts(folded)))
    worker.start()
    worker.join()
    assert seen == [None]  # another thread sees the string for the first time
