"""Facilities whose keyword is followed by a lower-case adjective before the name: "Hôpital
neurologique Paul Verne", "Institut cardiovasculaire de Saint-Brice", "Hôpital civil de Meyrieu",
"CSAPA hospitalier de Kerval".

Round 15 (organisations). The keyword grammar (``facility_keywords.py``) accepts a fixed list of
qualifiers after the keyword (psychiatrique, pédiatrique, privé...); writers use many more
specialty or status adjectives. The span is keyword, adjective and name, one ``HOPITAL``.

Safe because: the keyword must be one that always names a structure (Hôpital, Institut,
Clinique, Polyclinique, CSAPA, CAARUD, CMP); the adjective is one lower-case word with an
adjective's ending; a capitalised name must follow (directly or after "de/du/des"), and it is cut
before the words that end a facility's name; national and international bodies are left out.
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.shelter_names import name_end
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|sur|en|les|le|la|l['’])"
_ADJECTIVE = r"[a-zà-ÿ][a-zà-ÿ\-]{2,}(?:ique|aire|al|ale|il|ile|ier|i[èe]re|iste|if|ive|el|elle|ien|ienne)s?"
_ADJECTIVE_NAMED = re.compile(
    r"(?<![\w'’-])(?P<kw>H[ôo]pital|HÔPITAL|HOPITAL|Institut|INSTITUT|Clinique|CLINIQUE|Polyclinique|"
    r"CSAPA|CAARUD|CMP)[ \t]+(?P<adj>" + _ADJECTIVE + r")"
    r"(?P<name>[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _WORD
    + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _WORD + r"){0,3})"
)
# Where a keyword stands before a lower-case word (case-sensitive, no look-behind: a fast scan).
_FINDER = re.compile(
    r"(?:H[ôo]pital|HÔPITAL|HOPITAL|Institut|INSTITUT|Clinique|CLINIQUE|Polyclinique|CSAPA|CAARUD|CMP)[ \t]+[a-zà-ÿ]"
)
_NOT_ADJECTIVE = frozenset(["national", "nationale", "nationaux", "international", "internationale", "federal",
                            "federale", "social", "sociale", "medical", "medicale"])


def adjective_facility_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for a keyword, a lower-case adjective and a capitalised name."""
    out: list[Span] = []
    matches = (_ADJECTIVE_NAMED.match(ctx.text, hit.start()) for hit in _FINDER.finditer(ctx.text))
    for m in (m for m in matches if m is not None):
        if ctx.folded[m.start("adj") : m.end("adj")].rstrip("s") in _NOT_ADJECTIVE:
            continue
        start_name = m.start("name") + len(m.group("name")) - len(m.group("name").lstrip(" \t"))
        end = name_end(ctx, start_name, m.end("name"))
        if re.search(r"[" + UP + r"]", ctx.text[start_name:end]) is None:
            continue  # only particles were left: no name
        out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out
