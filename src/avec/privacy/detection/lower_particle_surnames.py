"""Surnames with a particle typed in lower case after a lower-case title (round 16):
"appel mme emma le cam", "« bonsoir madame le moal »", "mr paul de la haye :".

The title rules read "le" or "de" as a function word and stop there, or take the word after it
for a first name; here the particle and the word after it are one surname (``NOM``) when that word
is no stop word, drug, acronym or first name, and no ordinary French word unless a known first
name stands between the title and the particle. Hand-written: no library reads lower-case French notes.

Round 19: a known first name right after the surname vouches for an ordinary word too, and is
marked (``PRENOM``) even when it is also a word: "madame du four martine", "madame de la tour
marie-thérèse"; a Breton "c'h" stays inside the word ("mr le floc'h jean-yves"); the Portuguese
particles "dos", "das" and "da" take a core that is also a first name ("monsieur dos santos joaquim").
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.name_scan import LOW
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.detection.title_readings import ROLE_NOUN
from avec.privacy.spans import Span

_WORD = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
# the core of a surname: "c'h" inside a Breton word ("floc'h", "kerc'hoz")
_CORE = rf"[{LOW}]{{2,}}(?:c['’]h[{LOW}]*)?(?:-[{LOW}]{{2,}})?"
_TITLED_PARTICLE = re.compile(
    r"(?<![\w'’-])(?:mme|madame|mr|monsieur|mlle|m\.)[ \t]+"
    rf"(?:(?P<first>{_WORD})[ \t]+)?"
    rf"(?P<name>(?P<particle>le|la|de[ \t]+la|du|de|da|dos|das|van|ben|el|ould|ait)[ \t]+(?P<core>{_CORE}))"
    rf"(?:[ \t]+(?P<after>{_WORD}))?(?![\w'’-])"
)
# particles whose core may be a first name as well ("dos santos", "da silva")
_IBERIAN = ("da", "dos", "das")
# "madame la voisine sophie", "monsieur le directeur paul": a bond or an office, no surname
_BOND = re.compile(
    r"(?:voisine?|amie?|fille|fils|mere|pere|soeur|frere|tante|oncle|cousine?|epouse|mari|femme|"
    r"compagne|compagnon|aidante?|infirmiere|infirmier|assistante?|educat(?:eur|rice)|referente?)"
)


@recognizer("lower_particle_surname", 84)
def find_lower_particle_surnames(ctx: DetectionContext) -> list[Span]:
    """A lower-case title, maybe a first name, then a particle surname (see the module docstring)."""
    if ctx.all_caps:
        return []
    lex = ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_TITLED_PARTICLE, ctx.text, ctx.folded):
        core, first, after = m.group("core"), m.group("first"), m.group("after")
        if len(core) < 3:
            continue
        # a first name after the surname ("madame du four martine"), never before one
        vouched = (
            first is None
            and after is not None
            and lex.is_first_name(after)
            and may_be_name(ctx, after)
            and not lex.is_surname(after)
            and not (ROLE_NOUN.fullmatch(fold_key(core)) or _BOND.fullmatch(fold_key(core)))
        )
        # an ordinary word after the particle only when a first name vouches for it ("mme emma le cam")
        if lex.is_common(core) and not lex.is_surname(core) and first is None and not vouched:
            continue
        iberian = m.group("particle") in _IBERIAN
        if not may_be_name(ctx, core) or (lex.is_first_name(core) and not iberian):
            continue
        if vouched:
            spans.append(Span(m.start("after"), m.end("after"), "PRENOM", 0.7, "lower_particle_surname"))
        if first is not None:
            if not lex.is_first_name(first) or not may_be_name(ctx, first):
                continue
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "lower_particle_surname"))
        spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.7, "lower_particle_surname"))
    return spans


HARNESS = ["find_lower_particle_surnames"]
