"""A commune on a letterhead: alone on the line under a facility ("Polyclinique du Ponant\\nQuimperlé"),
or after a dash closing a facility's line ("CLINIQUE SAINTE-ANNE - LAVAL     IMPRIMÉ LE").

The commune rules read a commune after "à", "de" or a doctor; a letterhead writes it bare. Only a
known commune that is no ordinary word, first name or surname is taken, and only next to a facility
found on the same or the line above (``ctx.extra["facility_spans"]``, set by the facility rule).
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_TOWN = r"(?P<city>[" + UP + r"][\w'’]*(?:[ \t-][" + UP + r"][\w'’]*|-(?:sur|sous|en|lès|les|le|la|de|du|des)-[" + UP \
    + r"][\w'’]*){0,3})"
# The whole line is the commune (a "Cedex" and a number may follow).
_LINE_TOWN = re.compile(r"[ \t]*" + _TOWN + r"(?:[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?)?[ \t]*$", re.M)
# A dash after the facility, then the commune, then the end of the line or a wide gap.
_DASH_TOWN = re.compile(r"[ \t]+[-–—][ \t]+" + _TOWN + r"(?=[ \t]*$|[ \t]{3})", re.M)
_LAST_DASH_TOWN = re.compile(r"[ \t]+[–—][ \t]+" + _TOWN + r"[ \t]*$", re.M)


def _plain_commune(ctx: DetectionContext, city: str, alone: bool = False) -> bool:
    """A known commune that is no first name, nor (unless ``alone`` on its line) an ordinary word or a
    surname."""
    lex = ctx.lexicons
    words = re.split(r"[ \t-]+", city)
    if not known_commune(lex, city) or is_protected_word(city):
        return False
    if alone:
        return not lex.is_first_name(city) and fold_key(city) not in FACILITY_STOP
    return len(words) > 1 or not (lex.is_common(city) or lex.is_first_name(city) or lex.is_surname(city))


@recognizer("letterhead_commune", 60)
def find_letterhead_communes(ctx: DetectionContext) -> list[Span]:
    """A commune alone under a facility's line, or after a dash closing it."""
    facilities = ctx.extra.get("facility_spans")
    if not isinstance(facilities, list) or not facilities:
        return []
    text = ctx.text
    out = []
    for f in facilities:
        if f.label != "HOPITAL":
            continue
        line_end = text.find("\n", f.end)
        line_end = len(text) if line_end < 0 else line_end
        if (dash := _DASH_TOWN.match(text, f.end)) and _plain_commune(ctx, dash.group("city")):
            out.append(Span(dash.start("city"), dash.end("city"), "VILLE", 0.7, "letterhead_commune"))
            continue
        # "EPSM X — Pôle adulte secteur 2 — Sablé": the commune after the line's last dash (round 17)
        if (last := _LAST_DASH_TOWN.search(text, f.end, line_end)) and _plain_commune(ctx, last.group("city")):
            out.append(Span(last.start("city"), last.end("city"), "VILLE", 0.7, "letterhead_commune"))
            continue
        if text[f.end : line_end].strip() or line_end >= len(text):
            continue  # the facility does not close its line, or no line follows
        below = _LINE_TOWN.match(text, line_end + 1)
        # a line of its own under the facility: a commune that is also a word or a surname too ("Quimper")
        if below and _plain_commune(ctx, below.group("city"), alone=True):
            out.append(Span(below.start("city"), below.end("city"), "VILLE", 0.7, "letterhead_commune"))
    return out
