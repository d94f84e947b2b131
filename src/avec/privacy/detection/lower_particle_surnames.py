"""Surnames with a particle typed in lower case after a lower-case title (round 16):
"appel mme emma le cam", "« bonsoir madame le moal »", "mr paul de la haye :".

The title rules read "le" or "de" as a function word and stop there, or take the word after it
for a first name; here the particle and the word after it are one surname (``NOM``) when that word
is no stop word, drug, acronym or first name, and no ordinary French word unless a known first
name stands between the title and the particle. Hand-written: no library reads lower-case French notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.name_scan import LOW
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_WORD = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_TITLED_PARTICLE = re.compile(
    r"(?<![\w'’-])(?:mme|madame|mr|monsieur|mlle|m\.)[ \t]+"
    rf"(?:(?P<first>{_WORD})[ \t]+)?"
    rf"(?P<name>(?:le|la|de[ \t]+la|du|de|da|van|ben|el|ould|ait)[ \t]+(?P<core>{_WORD}))(?![\w'’-])"
)


@recognizer("lower_particle_surname", 84)
def find_lower_particle_surnames(ctx: DetectionContext) -> list[Span]:
    """A lower-case title, maybe a first name, then a particle surname (see the module docstring)."""
    if ctx.all_caps:
        return []
    lex = ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_TITLED_PARTICLE, ctx.text, ctx.folded):
        core, first = m.group("core"), m.group("first")
        # an ordinary word after the particle only when a first name vouches for it ("mme emma le cam")
        if lex.is_common(core) and not lex.is_surname(core) and first is None:
            continue
        if not may_be_name(ctx, core) or lex.is_first_name(core):
            continue
        if first is not None:
            if not lex.is_first_name(first) or not may_be_name(ctx, first):
                continue
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "lower_particle_surname"))
        spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.7, "lower_particle_surname"))
    return spans


HARNESS = ["find_lower_particle_surnames"]
