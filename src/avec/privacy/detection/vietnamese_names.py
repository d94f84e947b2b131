"""Vietnamese names told by their middle name "Thị" (women) or "Văn" (men), also in hurried
lower-case notes (round 17): "mari (Vu Van Minh 06 …)", "pr Mme vu thi lan 44a", "NGUYEN THI HOA".

A family name the lexicons know as Vietnamese, then "thi" or "van", then one or two given-name
syllables they know, all written in the same case: the family name is the ``NOM``, the middle
name and the given names one ``PRENOM`` (the surname comes first in Vietnamese). In lower case,
only after a title, a patient or kin word or a bracket ("le van blanc" is a van). "Dr Nguyen Van"
without a given name is left to the other rules. Hand-written: no library reads these names.
"""

from __future__ import annotations

import re

from avec.privacy.detection.name_scan import is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_SYL = r"[^\W\d_]{1,7}"
_NAME = re.compile(
    rf"(?<![\w'’-])(?P<sur>{_SYL})[ \t]+(?P<first>(?P<mid>(?i:th[iị]|v[aă]n))(?:[ \t]+{_SYL}){{1,2}})(?![\w'’-])"
)
# In lower case, the name follows a title, a patient or kin word, or a bracket.
_LOWER_LEAD = re.compile(
    r"(?i)(?:\b(?:mme|mr|m\.|mlle|madame|monsieur|pt|pte|patiente?|mari|[ée]pouse|femme|fils|fille|m[èe]re|p[èe]re)"
    r"|\()[ \t]*$"
)

_FIRST_NAME_BEFORE = re.compile(
    r"(?<![\w'’])(?!(?:Mme|Mlle|Mr|Madame|Monsieur|Mademoiselle|Dr|Pr|Docteur|Professeur)\b)[A-ZÀ-Ý][a-zà-ÿ]+[ \t]+$"
)


def _same_case(words: list[str]) -> bool:
    return all(w.islower() for w in words) or all(w.isupper() for w in words) or all(w.istitle() for w in words)


@recognizer("vietnamese_name", 85)
def find_vietnamese_names(ctx: DetectionContext) -> list[Span]:
    """Vietnamese names with the middle name "Thị" or "Văn" (see the module docstring)."""
    folded = ctx.folded
    if " thi " not in folded and " van " not in folded:
        return []
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _NAME.finditer(text):
        sur = m.group("sur")
        given = list(re.finditer(r"\S+", text[m.end("mid") : m.end()]))
        kept = 0  # the given names, up to the first word that is none ("Vu Van Minh inquiet")
        for g in given:
            w = g.group(0)
            # a syllable that is also a French word ("Long") only when written with its capital
            common = lex.is_common(w) and (w.islower() or len(w) < 3)
            if not (_same_case([sur, m.group("mid"), w]) and lex.is_east_asian(w)) or common or is_stop_word(w):
                break
            kept += 1
        if not kept or not _same_case([sur, m.group("mid")]) or not lex.is_east_asian_surname(sur):
            continue
        if sur.islower() and not _LOWER_LEAD.search(text, max(0, m.start() - 14), m.start()):
            continue
        if sur.isupper() and _FIRST_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "M. Hoang NGUYEN VAN LONG": the first name came first, the capitals are the surname
        end = m.end("mid") + given[kept - 1].end()
        spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.85, "vietnamese_name"))
        spans.append(Span(m.start("first"), end, "PRENOM", 0.85, "vietnamese_name"))
    return spans
