"""A first name's initial written without its dot after a surname in capitals, in exports and
certificates: "DR TEISSEIRE A (NON PSY)", "CERTIF 24H : DR GALY S 30/11/2025", "EDITE PAR MOREL C (CADRE)",
"04/09/2026  DR HOARAU M      METFORMINE ...".

"A" and "Y" are also French words ("DR MARTIN A VU"), so they are kept only before a bracket, a
column gap or the end of the line. Hand-written: a layout of old hospital exports.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import UP, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_TITLE_CAPS_INITIAL = re.compile(
    rf"(?<![\w'’])(?:DR|Dr|PR|Pr|DOCTEUR|Docteur|ME|Me|PAR|par)\.?[ \t]+"
    rf"(?P<sur>[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?)[ \t]+(?P<ini>[{UP}])(?![\w'’.+/-])"
)
_WORD_VOWEL = re.compile(r"[ \t]*(?:\(|\n|$)|[ \t]{2,}")


@recognizer("caps_surname_initial", 80)
def find_caps_surname_initials(ctx: DetectionContext) -> list[Span]:
    """The surname in capitals after a doctor's title and the bare initial after it."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_TITLE_CAPS_INITIAL, text, ctx.folded):
        sur, ini = m.group("sur"), m.group("ini")
        if is_stop_word(sur) or is_protected_word(sur, ctx.protected) or is_acronym(sur):
            continue
        if ini in "AY" and not _WORD_VOWEL.match(text, m.end()):
            continue
        spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "caps_surname_initial"))
        spans.append(Span(m.start("ini"), m.end("ini"), "PRENOM", 0.8, "caps_surname_initial"))
    return spans
