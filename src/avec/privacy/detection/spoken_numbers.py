"""Dates and phone numbers spelled out in words (dictation, voice notes, transcribed calls).

"le vingt-trois juillet mille neuf cent quatre-vingt-quatre", "du trois au vingt-huit octobre",
"zéro six soixante-douze quarante et un dix-huit zéro trois" (also with "euh" inside).
The word runs are located here (anchored on a month name or on "zéro", so most texts cost one
cheap substring test); their values are read by ``text2num`` (a maintained French number-word
parser), so that "tension à dix-huit neuf" or "deux comprimés" never become identifiers: a day
must read 1-31 and sit before a month, a year 1900-2100 after one, a phone must start "zéro" and
hold ten digits (six or more right after a phone word, for a number corrected mid-sentence); a
birth date may say its year in two digits ("née le trois juin soixante-deux").
Speech-to-text output is also read on a written copy (:mod:`avec.privacy.detection.dictation_view`:
numbers said in a row as digits, e-mails and dictation commands written), where the written rules
find phones, NIRs, postal codes and record numbers; names spelled aloud, lower-case dictated
facilities and persons are in :mod:`avec.privacy.detection.spoken_identifiers` and
:mod:`avec.privacy.detection.dictated_places`.
"""

from __future__ import annotations

import re

from text_to_num import alpha2digit, text2num

# (importing them registers the rules of dictated names, places and postal codes)
from avec.privacy.detection import dictated_places, spoken_identifiers  # noqa: F401
from avec.privacy.detection.dates import is_birth_context
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# Every pattern runs on the folded text (lower case, no accents; same offsets).
_NUMBER_WORDS = (
    "zero|une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingts|vingt|trente|quarante|cinquante|soixante|cents|cent|mille|mil"
)
_WORD = r"(?:" + _NUMBER_WORDS + r")(?![\w'])"
# Words of one number: "quatre-vingt-dix", "trente et un", "mille neuf cent".
_RUN = _WORD + r"(?:(?:-|[ \t]+|[ \t]+et[ \t]+|-et-)" + _WORD + r")*"
_MONTHS = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_MONTH_RX = re.compile(r"(?<![\w-])(?:" + _MONTHS + r")(?![\w-])")
_RUN_BEFORE = re.compile(r"(?:(?<=[^\w-])|^)(?:premier|" + _RUN + r")[ \t]+$")
_RUN_AFTER = re.compile(r"[ \t]+(" + _RUN + r"|(?:19|20)\d{2}(?!\d))")
# "du trois au vingt-huit octobre", "entre le deux et le cinq mai": the first day too.
_RANGE_BEFORE = re.compile(r"(?<![\w-])(?:du|entre le)[ \t]+(" + _RUN + r"|premier)[ \t]+(?:au|et le)[ \t]+$")
# "née kerhervé le", "né à corte le": a birth in dictation, where names are in lower case.
_BIRTH_DICTATED = re.compile(r"(?<![\w-])nee?(?:[ \t]+[\w'-]+){0,3}[ \t]+le[ \t]+$")


def _value(words: str) -> int | None:
    """The number that French words spell, or None when they do not spell one number."""
    if words == "premier":
        return 1
    if words.isdigit():
        return int(words)
    try:
        return int(text2num(words, "fr"))
    except ValueError:
        return None


def _day_suffix(run: str) -> int | None:
    """Offset in ``run`` of its longest tail that reads as a day of the month (1-31)."""
    starts = [0] + [m.end() for m in re.finditer(r"[ \t]+", run)]
    for at in starts:
        value = _value(run[at:].strip())
        if value is not None and 1 <= value <= 31:
            return at
    return None


def _year_prefix(run: str) -> int | None:
    """Length of the longest head of ``run`` that reads as a year (1900-2100)."""
    ends = [m.start() for m in re.finditer(r"[ \t]+", run)] + [len(run)]
    for end in reversed(ends):
        value = _value(run[:end])
        if value is not None and 1900 <= value <= 2100:
            return end
    return None


def _short_year_prefix(run: str) -> int | None:
    """Length of the head of ``run`` that reads as a year said in two digits ("quarante et un")."""
    ends = [m.start() for m in re.finditer(r"[ \t]+", run)] + [len(run)]
    for end in reversed(ends):
        value = _value(run[:end])
        if value is not None and 10 <= value <= 99 and not run[:end].isdigit():
            return end
    return None


_BIRTH_NEAR = re.compile(r"(?:naissance|\bnee?\b|\bddn\b)")


def _birth_said(text: str, folded: str, start: int) -> bool:
    """A birth date in dictation: "née le", "date de naissance ... le euh" just before."""
    return (
        is_birth_context(text, start)
        or bool(_BIRTH_DICTATED.search(folded, 0, start))
        or bool(_BIRTH_NEAR.search(folded, max(0, start - 50), start))
    )


@recognizer("spoken_date", 70)
def find_spoken_dates(ctx: DetectionContext) -> list[Span]:
    """Dates whose day or year is written in words ("le sept novembre", "mars deux mille dix-sept")."""
    folded = ctx.folded
    spans: list[Span] = []
    for m in _MONTH_RX.finditer(folded):
        start = end = None
        before = _RUN_BEFORE.search(folded, max(0, m.start() - 60), m.start())
        if before:
            run = folded[before.start() : m.start()].rstrip()
            at = _day_suffix(run)
            if at is not None:
                start = before.start() + at
        after = _RUN_AFTER.match(folded, m.end())
        if after:
            head = _year_prefix(after.group(1))
            if head is None and start is not None and _birth_said(ctx.text, folded, start):
                head = _short_year_prefix(after.group(1))  # "née le trois juin soixante-deux"
            if head is not None:
                end = after.start(1) + head
        if start is None and (end is None or not after or after.group(1).isdigit()):
            continue  # a month alone, or with a digit year only (dates.py reads those)
        span_start = m.start() if start is None else start
        span_end = m.end() if end is None else end
        birth = is_birth_context(ctx.text, span_start) or bool(_BIRTH_DICTATED.search(folded, 0, span_start))
        label = "DATE_NAISSANCE" if birth and start is not None else "DATE"
        spans.append(Span(span_start, span_end, label, 0.96, "spoken_date"))
        if start is not None:
            first = _RANGE_BEFORE.search(folded, max(0, start - 60), start)
            if first and (value := _value(first.group(1))) is not None and 1 <= value <= 31:
                spans.append(Span(first.start(1), first.end(1), "DATE", 0.88, "spoken_date"))
    return spans


# A phone spelled out: "zéro" then a digit word, then number words, hesitations allowed inside.
_PHONE_RX = re.compile(
    r"(?<![\w-])zero[ \t,]+(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)(?![\w-])"
    r"(?:(?:[ \t,]+(?:euh[ \t,]+)*|-|[ \t]+et[ \t]+)" + _WORD + r")+"
)
# Pairs of digits that finish a phone begun in words.
_DIGIT_TAIL = re.compile(r"(?:[ \t]*,?[ \t]+\d{2}(?!\d)){2,4}")
_PHONE_WORD_BEFORE = re.compile(
    r"(?:telephone|tel|portable|mobile|joindre|joignable|rappeler|appeler|numero|standard|fixe|au)"
    r"[ \t,:]*(?:(?:le|au|sur|standard)[ \t]+)*$"
)


@recognizer("spoken_phone", 89)
def find_spoken_phones(ctx: DetectionContext) -> list[Span]:
    """Phone numbers dictated in words ("zéro six soixante-douze quarante et un dix-huit zéro trois")."""
    folded = ctx.folded
    if "zero" not in folded:
        return []
    spans: list[Span] = []
    for m in _PHONE_RX.finditer(folded):
        # text2num wants the accent of "zéro"; the folded text has none.
        words = re.sub(r"\beuh\b|,", " ", m.group(0)).replace("zero", "zéro")
        digits = alpha2digit(words, "fr")
        if re.search(r"[^\d\s]", digits):
            continue
        count = sum(ch.isdigit() for ch in digits)
        near_word = bool(_PHONE_WORD_BEFORE.search(folded, max(0, m.start() - 40), m.start()))
        tail = _DIGIT_TAIL.match(folded, m.end())
        if tail and near_word and 8 <= count + sum(ch.isdigit() for ch in tail.group(0)) <= 12:
            # "zéro six quatre-vingt-seize, 45 12 78 63": dictated in words, then in digits
            spans.append(Span(m.start(), tail.end(), "TEL", 0.85, "spoken_phone"))
        elif count == 10 or (6 <= count < 10 and near_word):
            spans.append(Span(m.start(), m.end(), "TEL", 0.93 if count == 10 else 0.85, "spoken_phone"))
    return spans
