"""A commune closing a care professional's signature line: "Sandrine X, orthophoniste – Tours"."""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

# "Sandrine X, orthophoniste libérale – Tours": a professional's town closing a signature line.
_JOB_LINE = re.compile(
    r",[ \t]*(?:[a-zà-ÿ\-]+[ \t]){0,2}?(?:orthophoniste|kin[ée]sith[ée]rapeute|kin[ée]|infirmi[eè]re?|sage-femme|"
    r"psychologue|podologue|p[ée]dicure-podologue|ergoth[ée]rapeute|psychomotricien(?:ne)?|di[ée]t[ée]ticien(?:ne)?|"
    r"pharmacien(?:ne)?|m[ée]decin|assistante?[ \t]+sociale?|[ée]ducat(?:eur|rice)|ost[ée]opathe|opticien(?:ne)?|"
    r"audioproth[ée]siste|orthoptiste|[a-zé]+logue|[a-zé]+iatre)(?:[ \t]+[a-zà-ÿ]+){0,2}[ \t]*[–—-][ \t]*"
    r"(?P<city>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)[ \t]*$",
    re.MULTILINE,
)


def after_job(ctx: DetectionContext, found: list[Span]) -> list[Span]:
    """A known commune after a care job and a dash at a line end (even a word: "Tours", "Vannes")."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in _JOB_LINE.finditer(text) if " – " in text or " - " in text else ():
        s, e = m.span("city")
        surface = text[s:e]
        if any(x.start < e and s < x.end for x in found) or not known_commune(lex, surface):
            continue
        if lex.is_first_name(surface) or is_protected_word(surface):
            continue
        out.append(Span(s, e, "VILLE", 0.75, "commune"))
    return out
