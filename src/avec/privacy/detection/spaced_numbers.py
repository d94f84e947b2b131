"""Record numbers broken by OCR or typing after their key: small spaced groups, groups of three
digits, OCR glyphs for digits.

A scanned form reads "N° IPP : 14 0 0 2 9 3 8 1" or "N° dossier : 2 4 -SDT- 0 31 8": the strict
value patterns stop at the first lone digit, leaving the rest in clear. After a key that names the
number (the callers check it), the whole run up to a column gap or the line end is the number when
it looks broken: a one-character group, or a space beside a dash or a slash.
Hand-written: no library reads OCR-damaged identifiers.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"[\dA-Z]{1,8}(?:(?:[ \t]?[-/][ \t]?|[ ])[\dA-Z]{1,8})+")
_GROUP = re.compile(r"[\dA-Z]+")
_OTHER_LABELS = frozenset({"SEJ", "NDA", "IPP", "NIP", "INS", "NIR", "DDN", "UF", "RPPS"})
_BROKEN_JOIN = re.compile(r" [-/]|[-/] ")
_DATE = re.compile(r"\d{1,2}[-/]\d{1,2}[-/](?:\d{2}|\d{4})|(?:19|20)\d{2}[-/]\d{1,2}[-/]\d{1,2}")


def spaced_value_end(text: str, start: int) -> int:
    """End of an OCR-spaced number starting at ``start``, or ``start`` when there is none."""
    m = _RUN.match(text, start)
    if m is None:
        return start
    groups = []
    for g in _GROUP.finditer(text, start, m.end()):
        if g.group(0) in _OTHER_LABELS:
            break  # "IPP 07441259 / SEJ 17002206": the next field's label ends the number (round 18)
        groups.append(g)
    while groups and groups[-1].group(0).isalpha():
        groups.pop()  # "14 0 0 2 NON" : a word after the number is no part of it
    if len(groups) < 2:
        return start
    end = groups[-1].end()
    after = text[end : end + 2]
    if after and not (after[0] in "\n\r\t.,;)" or after == "  "):
        return start  # the run goes on into ordinary text: no number of its own
    run = text[start:end]
    if _DATE.fullmatch(re.sub(r"[ \t]", "", run)):
        return start  # "1 9 / 0 4 / 2 0 2 4": a spaced date, read by the date rules
    if sum(ch.isdigit() for ch in run) < 5:
        return start
    if not (any(len(g.group(0)) == 1 for g in groups) or _BROKEN_JOIN.search(run)):
        return start  # "2024 118 774": ordinary groups, read by the value patterns
    return end


# Thousands-style groups of three digits after a keyed number's first group: "Séjour 24 003 117",
# "séjour n° 2024-118 552", "IPP 510 487 226" (round 18: the record rules stopped at the first space
# and left the rest, or the whole number when the first group was too short). Exactly three digits
# per group, so that a phone's pairs or a date never join; not before a decimal or another code.
_THREE_GROUPS = re.compile(r"(?:[ \u00a0]\d{3}(?!\d))+(?![\w@]|[,.]\d|[ \u00a0]?[-/]\d)")
_LAST_GROUP = re.compile(r"(?<!\d)\d{1,4}\Z")


def grouped_value_end(text: str, start: int, end: int) -> int:
    """End of the number ``text[start:end]`` with the groups of three digits that follow it, or ``end``."""
    if end - start > 40 or not _LAST_GROUP.search(text[start:end]):
        return end
    m = _THREE_GROUPS.match(text, end)
    return m.end() if m else end


# A number read by OCR with O, I, l or S for some digits ("O0l2874S6", "22O0847l", "23A0l5562"):
# after a record's own context word, most characters true digits (round 18: 6 such IPP/NDA in 4
# OCR sets leaked or lost their label; the value pattern stops at a lower-case "l").
# (a cheap sign first: a glyph beside a digit inside a token of two digits or more; "SpO2" is none)
OCR_LETTER = re.compile(r"\d\w*(?:\d[OIl]|[OIl]\d)|(?:\d[OIl]|[OIl]\d)\w*\d")
OCR_VALUE = r"[A-Z]{0,2}[0-9OIlS]*\d[0-9A-Zl]*"


def ocr_number(value: str) -> bool:
    """True when ``value`` is mostly true digits with some OCR glyphs (O, I, l, S) among them."""
    digits = sum(ch.isdigit() for ch in value)
    return 6 <= len(value) <= 15 and digits >= 5 and digits * 3 >= len(value) * 2 and any(ch in "OIlS" for ch in value)
