"""Home-help and medical-supply companies named by their area: "Beaune Services à Domicile",
"Dijon Domicile Services", "Aide à Domicile en Limousin", "Médical Services Atlantique".

Their names are built from a place and the capitalised words "Services à Domicile" or "Médical
Services": the capitals mark the company's name, the lower-case "services à domicile" is the
activity and stays. The span is the whole name, labelled ``HOPITAL`` like every named provider of
care. No offline package lists these companies, hence the hand-written patterns.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’\-]+"
_COMPANY = re.compile(
    r"(?<![\w'’-])(?:"
    r"(?P<place>" + _WORD + r"(?:[ \t]" + _WORD + r")?)[ \t]+"
    r"(?:Services?[ \t]+(?:à|a)[ \t]+Domicile|Domicile[ \t]+Services?)"
    r"|Aide[ \t]+(?:à|a)[ \t]+Domicile[ \t]+(?:en|du|des|de[ \t]+la|de|d['’])[ \t]*" + _WORD +
    r"|M[ée]dical[ \t]+Services?[ \t]+" + _WORD +
    r")(?![\w'’-])"
)


def company_spans(ctx: DetectionContext) -> list[Span]:
    """Named home-help and medical-supply companies, as ``HOPITAL`` spans."""
    if "Domicile" not in ctx.text and "dical Servic" not in ctx.text:
        return []
    out = []
    for m in _COMPANY.finditer(ctx.text):
        place = m.group("place")
        if place and any(ctx.lexicons.is_common(w) or is_protected_word(w) for w in place.split()):
            continue  # "Nos Services à Domicile", "Les Services à Domicile": no name before them
        out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    return out
