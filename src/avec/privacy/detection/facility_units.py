"""Units named inside their facility: "USMP du Centre pénitentiaire de X", "UHSI du CHU de X",
"PASS de l'hôpital Y", "EMSP du CH de Z", "PASS Lariboisière".

Such a unit is part of the facility's ``HOPITAL`` span (the newer writers join them): a unit
acronym of the hand list below, a particle, then a facility span already found, grow into one span.
Service names ("service de cardiologie du CHU de X") and ward abbreviations (SAU, SMUR, PUI) stay
outside, as the writers mark them. No offline package lists French hospital units.
"""

from __future__ import annotations

import re

from avec.privacy.detection.prefix_search import prefixed_search
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

# Units that are a structure of their own inside a hospital or a prison (free-care, palliative,
# addiction, prison health, memory, home hospitalisation, child psychiatry units).
_UNITS = (
    r"PASS|USP|LISP|UHSI|USMP|UMD|UHSA|HAD|ELSA|CMRR|EMSP|EMPP|CMP|CMPEA|CSAPA|CATTP|HDJ|UCSA|SMPR|DRCI|"
    r"UMJ|CLAT|CeGIDD|CEGIDD|UCOG|EMG|UMG"
)
# "USP du ", "CMP enfants-adolescents de ", "PASS mère-enfant de l'": the unit and its particle, just
# before the facility span; PASS, UHSI or UHSA alone before a hospital's own name ("PASS Lariboisière").
_UNIT_BEFORE = re.compile(
    r"(?<![\w-])(?P<unit>" + _UNITS + r")"
    r"(?:[ \t]+(?i:enfants?-adolescents?|adultes?|p[ée]diatrique|m[èe]re-enfant|psychiatrique))?"
    r"(?:[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’]|des|de|d['’])[ \t]*|(?<=PASS|UHSI|UHSA)[ \t]+)\Z"
)
_GATE = re.compile(r"(?<![\w-])(?:" + _UNITS + r")[ \t]")


def unit_joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """Facility spans grown over a unit acronym and its particle written just before them."""
    text = ctx.text
    if not prefixed_search(_GATE, text, ctx.folded):
        return spans
    out: list[Span] = []
    dropped: set[tuple[int, int]] = set()
    for span in spans:
        if span.label == "HOPITAL" and span.start > 2:
            line_start = text.rfind("\n", 0, span.start) + 1
            m = _UNIT_BEFORE.search(text, max(line_start, span.start - 48), span.start)
            # a span inside the unit's words ("CMP" read alone) gives way; one across its start refuses
            crossing = m is not None and any(x.start < m.start() < x.end for x in spans)
            if m is not None and not crossing:
                dropped |= {(x.start, x.end) for x in spans if m.start() <= x.start and x.end <= span.start}
                span = Span(m.start(), span.end, "HOPITAL", span.score, span.source)
        out.append(span)
    return [x for x in out if (x.start, x.end) not in dropped]
