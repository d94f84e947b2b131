"""A number closing a facility's name (round 19, organisations).

"Hôpital Pasteur 2", "Université Lumière Lyon 2", "Hôpital privé de Parly II", "collège Henri IV",
"CAARUD Aurore 93", "SAMSAH Horizon Psy 80", "SAAD Vivre Chez Soi 31": the number is part of the
name (a building, a university, a king) or the département of an association's branch, and every
writer marks it inside the ``HOPITAL`` span (17 of 17 in the hand-written sets). Left unmasked it
tells which site or which département.

The number must end the phrase: a punctuation mark, a dash, a bracket or the line end follows it. So a
phone number ("Taxis X 02 31 52 64 09"), a frequency ("SSIAD de X 3 fois"), a street number ("CHU X
2 avenue ..."), a quantity ("12 lits") or a list's next item ("1) Centre X 2) SSR Y") is never read.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

# a département (2A/2B, overseas 971-976) or a site's digit or Roman numeral, then the phrase's end
_NUMBER_AFTER = re.compile(
    r"[ \t](?:(?P<dep>0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?=[ \t]*(?:$|[,;.)(–—|]|[ \t]-[ \t]|-[ \t]))"
    r"|(?P<site>[1-9]|(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3}))(?=[ \t]*(?:$|[,;.(–—|]|[ \t]-[ \t])))",
    re.MULTILINE,
)
# the name's last word: capitalised, not a keyword alone ("CHU 2": a building of an unnamed hospital)
_LAST_NAME_WORD = re.compile(r"(?:^|[ \t'’])(?P<w>[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*)\Z")
_BARE_KINDS = frozenset(("CHU", "CH", "CHRU", "CHR", "GH", "GHU", "HOPITAL", "HÔPITAL", "Hôpital", "Clinique"))


def number_joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """``HOPITAL`` spans grown over a département or site number that closes the name."""
    text = ctx.text
    out: list[Span] = []
    for span in spans:
        after = _NUMBER_AFTER.match(text, span.end) if span.label == "HOPITAL" else None
        last = _LAST_NAME_WORD.search(text[span.start : span.end]) if after else None
        if after is None or last is None or last.group("w") in _BARE_KINDS:
            out.append(span)  # "Taxis X 02 31 ...", "SSIAD de X 3 fois", "CHU 2": no number of the name
            continue
        out.append(Span(span.start, after.end(), span.label, span.score, span.source))
    return out
