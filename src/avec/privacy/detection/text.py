"""Length-preserving text folding (case and accents) so that offsets stay valid."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: folding runs in C once a
    character has been seen (a join over a Python call per character took ~6 % of detection)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()

# Month names and weekdays, folded: calendar words, never a name or a place name.
CALENDAR_WORDS = frozenset(
    {
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
        "novembre", "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    }
)


def fold(text: str) -> str:
    """Lower-case and strip accents, one output character per input character."""
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=65536)
def fold_key(word: str) -> str:
    """Key used to look a word up in the lexicons (folded, apostrophes normalised)."""
    return fold(word.replace("’", "'")).strip()


class _LetterClassTable(dict[int, str]):
    """``str.translate`` table: "U" for an upper-case letter, "l" for any other letter, nothing
    for the rest; filled on first sight, so classifying a text runs in C (a Python loop over the
    characters cost ~70 ms over the 960 test documents, this ~50 ms)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        cls = ("U" if ch.isupper() else "l") if ch.isalpha() else ""
        self[code] = cls
        return cls


_LETTER_CLASS = _LetterClassTable()


def substring_starts(text: str, key: str) -> list[int]:
    """Every offset where ``key`` starts in ``text``, overlapping ones too (``str.find`` in a loop:
    no pattern compiled per key)."""
    starts = []
    at = text.find(key)
    while at >= 0:
        starts.append(at)
        at = text.find(key, at + 1)
    return starts


def is_upper_word(word: str) -> bool:
    """True for ALL-CAPS words of two letters or more (``DUPONT``)."""
    if not word.isupper():  # fast exit (C): a lower-case letter, or no cased letter at all
        return False
    # One class character per letter ("U" upper case, "l" any other), computed in C.
    letters = word.translate(_LETTER_CLASS)
    return len(letters) >= 2 and "l" not in letters


def is_title_word(word: str) -> bool:
    """True for capitalised words (``Dupont``, ``N'Diaye``, ``Le``)."""
    return bool(word) and word[0].isupper() and not is_upper_word(word)


def mostly_upper(text: str) -> bool:
    """True when the text is an ALL-CAPS export (over 70 % of letters upper case)."""
    letters = text.translate(_LETTER_CLASS)
    if len(letters) < 20:
        return False
    return letters.count("U") / len(letters) > 0.7


def sentence_start(text: str, pos: int, ends: str = ".!?\n") -> bool:
    """True when ``text[pos]`` opens a sentence: only quotes, brackets, dashes or bullets stand
    between it and the start of the text or one of the characters of ``ends``."""
    j = pos - 1
    while j >= 0 and text[j] in ' \t"«(-–•*':
        j -= 1
    return j < 0 or text[j] in ends
