"""Words that OCR spaced out letter by letter, joined again on a copy of the text with an offset map.

A scanned letterhead or form read by OCR writes "D r  M A R T I N  G i l l e s",
"1 2  r u e  d e  l a  V o s g e", "9 5 5 0 0  S A I N T - D I É", "Prénom : O m a r": one space
between the letters of a word, two or more between words. No rule or NER reads such words, so the
detector runs on a copy where each run of single characters is one word again and a gap of two or
three spaces beside it is one space ("Dr MARTIN Gilles", "12 rue de la Vosge"); every span is
mapped back to the spaced original ("G i l l e s").

Evidence first, because single letters are ordinary French too ("il y a à peine", "2 à 3 fois",
"9 h 30", "3 x 2 cm", "G et D"): a text is letter-spaced when it holds three single letters in a
row, not all of them one-letter words ("O m a r", "R U E"). Such a run is joined anywhere. In a
letter-spaced text, shorter runs are joined too when they are letters only ("D r", "d e") or
digits only ("1 2", "( 9 5 5 0 0 )"); a run mixing digits and letters is joined only when it holds
the three letters ("D O M - 2 4"), never a dose or a time ("1 g x 4", "9 h 30"). A short
fragment glued to a run of letters by one space, standing alone between wider gaps, is part of the
word ("Fr é d é r i c" -> "Frédéric").

Hand-written: OCR post-correction libraries rewrite the text and keep no character map.
"""

from __future__ import annotations

import re

# A run of single characters one space apart: letters and digits, with "-", "'", "/", "." inside
# ("S A I N T - D I É", "D ' O R L É A N S", "1 4 / 0 5 / 2 0 2 5").
_RUN = re.compile(r"(?<![^\W_])[^\W_](?: [^\W_]| [-'’/.](?= [^\W_]))+(?![^\W_]|['’])")
# Letters two spaces apart, words three or more apart: "K  h  e  l  i  f", "M  A  T  H  I  E  U".
_WIDE_RUN = re.compile(r"(?<![^\W_])(?<!(?<![^\W_])[^\W_] )[^\W\d_](?:  [^\W\d_]){3,}(?![^\W_])")
# An initial whose full stop OCR spaced off: "F ." after a spaced name.
_SPACED_INITIAL = re.compile(r"(?<![^\W_])[A-ZÀ-Ý] \.(?=[ \t]|$)", re.MULTILINE)
# Three single letters in a row, the mark of a letter-spaced text (checked first, on the whole text).
_TRIPLE = re.compile(r"(?<![^\W_])[^\W\d_] {1,2}[^\W\d_] {1,2}[^\W\d_](?![^\W_]|['’])")
# One-letter French words: three of them in a row are ordinary prose ("il y a à peine").
_WORD_LETTERS = frozenset("aàâyoôhxAÀYOH")
_VOWELS = frozenset("aeiouyâäéèêëîïôöùûüÿœæ")  # "à" is the preposition
# A fragment of letters glued by one space to a joined run: "Fr édéric", "C éline".
_FRAGMENT_BEFORE = re.compile(r"(?:(?<=^)|(?<=[ \t]{2})|(?<=[:(]))[^\W\d_]{1,3}$")
_FRAGMENT_AFTER = re.compile(r"^[^\W\d_]{1,4}(?=$|[ \t]{2}|[,.;:)\n])")


def _is_triple(letters: str) -> bool:
    """Single letters in a row that spell part of a word: a vowel and a consonant, and not all
    one-letter words ("y a à") nor an acronym read letter by letter ("C R P")."""
    folded = letters.lower()
    return (
        sum(ch not in _WORD_LETTERS for ch in letters) >= 2
        and any(ch in _VOWELS for ch in folded)
        and any(ch not in _VOWELS for ch in folded)
    )


def _has_evidence(run: str) -> bool:
    items = run.split(" ")
    for i in range(len(items) - 2):
        trio = items[i : i + 3]
        if all(ch.isalpha() for ch in trio) and _is_triple("".join(trio)):
            return True
    return False


def _is_wide_word(run: str) -> bool:
    letters = run.replace(" ", "")
    return len(set(letters.lower())) >= 3 and _is_triple(letters)  # not a row of grades "C  C  B  C"


def _joinable_short(run: str) -> bool:
    """A run without three letters, in a letter-spaced text: letters only ("D r", "d e") or digits
    only ("1 2", "9 5 5 0 0"); never a dose or a time ("2 à 3", "1 g x 4", "9 h 30")."""
    items = run.split(" ")
    letters = [ch for ch in items if ch.isalpha()]
    digits = [ch for ch in items if ch.isdigit()]
    if letters and digits:
        return False
    if digits:
        return len(digits) >= 2
    return len(letters) >= 2 and any(ch not in _WORD_LETTERS for ch in letters)  # not "y a"


def is_letter_spaced(text: str) -> bool:
    """Whether ``text`` holds three single letters in a row (or four two spaces apart) that spell
    part of a word."""
    if not _TRIPLE.search(text):
        return False
    return any(_has_evidence(m.group(0)) for m in _RUN.finditer(text)) or any(
        _is_wide_word(m.group(0)) for m in _WIDE_RUN.finditer(text)
    )


def collapse_letter_spacing(text: str) -> tuple[str, list[int]] | None:
    """The copy of ``text`` with its letter-spaced words joined, and for each of its characters the
    offset of that character in ``text``; None when the text is not letter-spaced (the common case)."""
    if not is_letter_spaced(text):
        return None
    drop: set[int] = set()
    joined: list[tuple[int, int, int]] = []  # start, end, widest gap beside the run that is a word gap
    spaced_lines: set[int] = set()
    short: list[re.Match[str]] = []
    for m in _RUN.finditer(text):
        if _has_evidence(m.group(0)):
            joined.append((m.start(), m.end(), 2))
            spaced_lines.add(text.rfind("\n", 0, m.start()))
        elif _joinable_short(m.group(0)):
            short.append(m)
    for m in _WIDE_RUN.finditer(text):
        if _is_wide_word(m.group(0)):
            drop.update(i for i in range(m.start(), m.end()) if text[i] == " ")
            joined.append((m.start(), m.end(), 4))
            spaced_lines.add(text.rfind("\n", 0, m.start()))
    for m in short:  # letters only on a line spaced elsewhere; digits anywhere in the text
        if _glued_to_date_part(text, m.start()):
            continue  # "8/2 0 2 4 1 9 :0 2": the year and the hour, told apart by ocr_number_breaks
        if m.group(0)[0].isdigit() or text.rfind("\n", 0, m.start()) in spaced_lines or _stands_apart(text, m):
            joined.append((m.start(), m.end(), 2))
    for a, b, wide in joined:
        if wide == 2:
            drop.update(range(a + 1, b, 2))
    for m in _SPACED_INITIAL.finditer(text):
        drop.add(m.start() + 1)
        joined.append((m.start(), m.end(), 2))
    joined.sort()
    _absorb_fragments(text, joined, drop)
    _narrow_gaps(text, joined, drop)
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), kept


def _glued_to_date_part(text: str, start: int) -> bool:
    """A digit run glued to the end of a date part ("1 6/0 8/2 0 2 4 1 9"): joining it whole would
    glue the year to the hour after it."""
    return start >= 2 and text[start - 1] in "/.-" and text[start - 2].isdigit() and text[start].isdigit()


def _stands_apart(text: str, m: re.Match[str]) -> bool:
    """A run at a line start or beside a gap of two spaces: "D r S . Martin", "Dr  M e"."""
    a, b = m.start(), m.end()
    return a == 0 or text[a - 1] == "\n" or text[max(0, a - 2) : a] == "  " or text[b : b + 2] == "  "


def _absorb_fragments(text: str, joined: list[tuple[int, int, int]], drop: set[int]) -> None:
    """Glue a short fragment of letters to a joined run of letters ("Fr é d é r i c")."""
    for a, b, wide in joined:
        if wide > 2 or not text[a:b].replace(" ", "").replace("-", "").isalpha():
            continue
        if a >= 2 and text[a - 1] == " " and text[a - 2] != " ":
            line_start = text.rfind("\n", 0, a - 1) + 1
            if _FRAGMENT_BEFORE.search(text[line_start : a - 1]):
                drop.add(a - 1)
        if b + 1 < len(text) and text[b] == " " and text[b + 1] != " " and _FRAGMENT_AFTER.match(text[b + 1 : b + 6]):
            drop.add(b)


def _gap_after(text: str, pos: int) -> int:
    """Number of spaces from ``pos`` when a word follows them, else 0."""
    n = 0
    while pos + n < len(text) and text[pos + n] == " ":
        n += 1
    return n if pos + n < len(text) and text[pos + n] not in "\t\n" else 0


def _narrow_gaps(text: str, joined: list[tuple[int, int, int]], drop: set[int]) -> None:
    """A word gap beside a joined run becomes one space (the first one is kept): two spaces beside
    a run, three between two runs, up to four beside a run spaced by two."""
    starts = {a: wide for a, _, wide in joined}
    ends = {b: wide for _, b, wide in joined}
    for _, b, wide in joined:
        gap = _gap_after(text, b)
        if gap < 2:
            continue
        limit = max(wide, 3, starts[b + gap]) if b + gap in starts else wide
        if gap <= limit:
            drop.update(range(b + 1, b + gap))
    for a, _, wide in joined:
        line_start = text.rfind("\n", 0, a) + 1
        gap = len(text[line_start:a]) - len(text[line_start:a].rstrip(" "))
        if gap < 2 or gap == a - line_start or (a - gap) in ends:
            continue  # at a line start, or already narrowed as the gap after the previous run
        if gap <= wide:
            drop.update(range(a - gap + 1, a))


# Two spaces between the words of a line, as a scanned page gives them: "133  rue  de  la  Forêt".
_DOUBLE_GAP = re.compile(r"(?<=[^\W_]|[,.])  (?=[^\W_])")


def narrow_double_gaps(text: str) -> tuple[str, list[int]] | None:
    """In a scanned text (the caller checks it), the copy where two spaces between words become one
    on each line that has at least three such gaps ("6 ,  rue  de  la  Chèvre"); gaps of three
    spaces or more (columns) stay. Same return as :func:`collapse_letter_spacing`."""
    drop: list[int] = []
    pos = 0
    for line in text.split("\n"):
        gaps = [m.start() for m in _DOUBLE_GAP.finditer(line)]
        if len(gaps) >= 3:
            drop.extend(pos + g + 1 for g in gaps)
        pos += len(line) + 1
    if not drop:
        return None
    dropped = set(drop)
    kept = [i for i in range(len(text)) if i not in dropped]
    return "".join(text[i] for i in kept), kept
