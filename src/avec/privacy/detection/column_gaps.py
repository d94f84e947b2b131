"""Facility and address candidates cut where they run across a column gap.

Exports and forms align their columns with runs of spaces: "CPAM du Finistère     Mutuelle : ...",
"CHU de Nîmes  FINESS 300780038", "QUARTIER MORNE CABRIT   CP 97200". A facility or address rule
that reads on through the gap takes the next column's label into the name, which costs strict F1
and, worse, hides what the overlapped rules found there ("CENTRE HOSPITALIER X      SITE DE
QUIMPER" swallowed the commune). Such candidates are cut at the gap before overlap resolution, so
the rules that found the next column's words keep them.

Not cut: OCR text whose words or letters are spaced out ("C E N T R E  H O S P I T A L I E R",
"CEN TRE H OSPITA LIER   S IMONE"; a fragment of one or two letters that is no particle marks it),
a name whose words after the gap are spaced out alike ("CENTRE HOSPITALIER   SIMONE   VEIL"), and
a name whose first word alone stands before the gap ("PHARMACIE  DE LA FONTAINE"). A gap of two
spaces only cuts off a single last capitalised word ("CAF D'ILLE-ET-VILAINE  N", "... REUNION
ADHERENT").
Measured on the 2,495 hand-checked documents of 2026-12-01: 13 facility and address spans of the
gold found whole instead of run on, none lost. Hand-written: a layout question no library answers.
"""

from __future__ import annotations

import re

from avec.privacy.spans import Span

_LABELS = frozenset({"HOPITAL", "ADRESSE"})
# A run of 3+ spaces or a tab between two words; or exactly two spaces before one last word.
_WIDE_GAP = re.compile(r"(?<=\S)(?: {3,}|[ ]*\t[ \t]*)(?=\S)")
_NARROW_LAST = re.compile(r"(?<=\S) {2}(\S+)\Z")
_WORD = re.compile(r"\S+")
# Short words that are whole words of a name, not OCR fragments.
_SHORT_WORDS = frozenset({"de", "du", "la", "le", "l", "d", "en", "et", "au", "sa", "st", "ch", "ste"})


def cut_at_column_gaps(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each facility or address candidate cut before a column gap it runs across."""
    out: list[Span] = []
    for span in spans:
        value = text[span.start : span.end] if span.label in _LABELS else ""
        if "  " in value or "\t" in value:
            end = _cut_end(value)
            if end is not None:
                out.append(Span(span.start, span.start + end, span.label, span.score, span.source))
                continue
        out.append(span)
    return out


def _cut_end(value: str) -> int | None:
    """Where ``value`` should end (offset within it), or None to keep it whole."""
    gap = _WIDE_GAP.search(value)
    if gap is None:
        last = _NARROW_LAST.search(value)
        if last is None or "  " in value[: last.start()] or not last.group(1)[0].isupper():
            return None
        end = last.start()
    else:
        end = gap.start()
        if _WIDE_GAP.search(value, gap.end()):
            return None  # every word spaced out alike: the text's spacing, not a column
    head = value[:end]
    words = _WORD.findall(head)
    if len(words) < 2 or "  " in head:
        return None
    if any(_fragment(w.strip("'’.,-")) for w in words):
        return None  # spaced-out OCR letters or fragments
    return end


def _fragment(word: str) -> bool:
    """A word of one or two letters that is no particle nor number: a piece of spaced-out OCR."""
    return 0 < len(word) <= 2 and word.isalpha() and word.lower() not in _SHORT_WORDS
