"""Letters read for digits (and digits for letters) by OCR, repaired on a copy of a scanned text.

A scanned form read by OCR writes "O4 / 11 / 2O24", "677OO", "O3 88 91 62 O8", a NIR
"2 29 O4 68 224 O41 34", and, the other way, "Mu1house", "fami1le", "SCHNElDER", "beIle-fille".
Every pattern of the detector reads digits and French words, so each damaged identifier would
need its own OCR variant. Instead, once a text shows the marks of OCR damage (several numbers
holding an O, I or l), a copy is repaired character for character (same length, so every span
found on the copy has the same offsets in the original): O/I/l inside a number become 0/1, a 1
between lower-case letters becomes l, an l inside a word in capitals becomes I, an I between
lower-case letters becomes l, a 0 inside a word in capitals (or opening a word) becomes O, a 1
ending a lower-case word becomes l.

Hand-written: OCR post-correction libraries rewrite whole texts with a language model and keep
no character map; these four substitutions are the ones that matter for identifiers.
"""

from __future__ import annotations

import re

# A number as OCR writes it: digits and the letters read for them, between non-word characters.
_NUMBER_TOKEN = re.compile(r"(?<![^\W_])[\dOIl]{2,}(?![^\W_])")
_DIGIT_FOR_LETTER = re.compile(r"(?<=[a-zà-ÿ])1(?=[a-zà-ÿ])")
# Two ones for a double l between lower-case letters ("a11ée", "Ai11aud"); a one for the l after
# a word's capital ("A1ain", "B1anc"; not inside a code: "HbA1c").
_ONES_FOR_LL = re.compile(r"(?<=[a-zà-ÿ])11(?=[a-zà-ÿ])")
_ONE_AFTER_CAPITAL = re.compile(r"(?<![^\W_])[A-ZÀ-Ý]1(?=[a-zà-ÿ]{2,}(?![\w]))")
# A date slot without a true digit ("le lO/Ol") counts after a date's lead word.
_DATE_LEADS = ("le ", "du ", "au ")
_L_IN_CAPITALS = re.compile(r"(?<=[A-ZÀ-Ý])l(?=[A-ZÀ-Ý])")
_I_IN_LOWER = re.compile(r"(?<=[a-zà-ÿ])I(?=[a-zà-ÿ])")
# A zero read for the letter O in a word in capitals ("H0PITAL", "GUADEL0UPE", "P0INTE-A-PITRE"),
# opening a lower-case word ("0bservations"); a one read for l ending a word ("Hôpita1").
_ZERO_IN_CAPITALS = re.compile(
    r"(?<=[A-ZÀ-Ý]{2})0(?=[A-ZÀ-Ý])|(?<=[A-ZÀ-Ý])0(?=[A-ZÀ-Ý]{2})|(?<![^\W_])0(?=[A-ZÀ-Ý]{3,}(?![\w]))|(?<![^\W_])0(?=[a-zà-ÿ]{3,}(?![\w]))"
)
# A one read for I inside a word in capitals ("SAINT-V1NCENT"); not a code ("H1N1", "T1N0M0").
_ONE_IN_CAPITALS = re.compile(r"(?<=[A-ZÀ-Ý])1(?=[A-ZÀ-Ý]{2})")
_ONE_ENDING_WORD = re.compile(r"(?<=[A-Za-zà-ÿ][a-zà-ÿ]{2})1(?![\w])")
_QUICK = re.compile(r"[OIl]\d|\d[OIl]|[a-zà-ÿ]1[a-zà-ÿ]")
# A lone O or l opening a spaced number ("N° SS : l  62  O5 ...", "né le O 3/ 0 6/1958").
_LONE_LETTER = re.compile(r"(?<![^\s:(])[Ol](?=[ \t]{1,3}\d)")
# A group of a spaced number made of letters only, between two digit groups ("NIR 2 68 lO 57 463
# l31 83": "lO" holds no true digit, so the token rule above leaves it).
_LETTER_GROUP = re.compile(r"(?<=\d[ \t])[OIl]{1,3}(?=[ \t]\d)")
# A spaced number run (a phone "Ol 6l 69 6l 6l", a NIR "l 7l ll 69 l23 456 64") whose groups
# hold four true digits or more: every letter of it read for a digit, letter-only groups included.
_SPACED_RUN = re.compile(r"(?<![^\W_])(?:[\dOIl]{1,4}[ \t]{1,2}){3,}[\dOIl]{1,4}(?![^\W_])")
_RUN_DIGITS = 4
# The day and month of a date, a letter read for a digit, maybe glued to the next word by OCR
# ("du O8/O5au l6/O5/2O24", "du 22/Ol au 25/Ol/2O24"); the part must hold one true digit.
_DATE_SLOT = re.compile(r"(?<![^\W_])[\dOIl]{1,2}/[\dOIl]{2}(?:/[\dOIl]{2,4})?")
# "3 O  janvier": a day's second digit read as O, spaced from the first and before the month.
_O_IN_DAY = re.compile(r"(?<=[0-3] )O(?=[ \t]{1,2}[a-zéû])")
_TO_DIGIT = str.maketrans({"O": "0", "I": "1", "l": "1"})
# "O2" (oxygen) is a word of every medical text, not a mark of OCR damage.
_NOT_DAMAGE = {"O2"}
MIN_MARKS = 3


def _damaged_numbers(text: str) -> list[re.Match[str]]:
    out = []
    for m in _NUMBER_TOKEN.finditer(text):
        token = m.group(0)
        if any(c.isdigit() for c in token) and any(c in "OIl" for c in token):
            out.append(m)
    return out


def repair_ocr(text: str) -> str | None:
    """The copy of ``text`` with OCR letters and digits put back, or None when the text shows no
    OCR damage (the common case: a quick search first)."""
    if not _QUICK.search(text):
        return None
    numbers = _damaged_numbers(text)
    words = list(_DIGIT_FOR_LETTER.finditer(text))
    capitals = [m for rx in (_L_IN_CAPITALS, _ZERO_IN_CAPITALS, _ONE_IN_CAPITALS) for m in rx.finditer(text)]
    marks = len({m.group(0) for m in numbers} - _NOT_DAMAGE) + len(words) + len(capitals)
    if marks < MIN_MARKS or not any(m.group(0) not in _NOT_DAMAGE for m in numbers):
        return None
    chars = list(text)
    for m in numbers:
        chars[m.start() : m.end()] = m.group(0).translate(_TO_DIGIT)
    for m in _LONE_LETTER.finditer(text):
        chars[m.start()] = m.group(0).translate(_TO_DIGIT)
    for m in _LETTER_GROUP.finditer(text):
        chars[m.start() : m.end()] = m.group(0).translate(_TO_DIGIT)
    for m in _SPACED_RUN.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= _RUN_DIGITS:
            chars[m.start() : m.end()] = m.group(0).translate(_TO_DIGIT)
    for m in _DATE_SLOT.finditer(text):
        if any(c.isdigit() for c in m.group(0)) or text[max(0, m.start() - 3) : m.start()] in _DATE_LEADS:
            chars[m.start() : m.end()] = m.group(0).translate(_TO_DIGIT)
    for m in _O_IN_DAY.finditer(text):
        chars[m.start()] = "0"
    for m in _ONES_FOR_LL.finditer(text):
        chars[m.start() : m.end()] = "ll"
    for m in _ONE_AFTER_CAPITAL.finditer(text):
        chars[m.start() + 1] = "l"
    for rx, letter in (
        (_DIGIT_FOR_LETTER, "l"),
        (_L_IN_CAPITALS, "I"),
        (_I_IN_LOWER, "l"),
        (_ZERO_IN_CAPITALS, "O"),
        (_ONE_IN_CAPITALS, "I"),
        (_ONE_ENDING_WORD, "l"),
    ):
        for m in rx.finditer(text):
            chars[m.start()] = letter
    repaired = "".join(chars)
    return repaired if repaired != text else None
