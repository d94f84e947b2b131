"""Pairs of capitalised words joined by a slash that are headings or acronyms, not two surnames.

Family (round 14): "ENTOURAGE / AIDANTS" or "DEMANDES / PRÉCONISATIONS" as a section heading,
"salariés en SIR/SIA", "signalement au CLIN / EOH", "OPJ / APJ : Gendarme X" as a field label.
Two surnames in capitals joined by a slash ("DUPONT / MARTIN", a pair of partners or a duty
pair) are read by ``name_layouts``; this module only says when such a pair is something else:

- both words are ordinary French words, also in the plural ("AIDANTS", "PRÉCONISATIONS"), and
  neither is a known surname;
- a lower-case article or preposition stands before the pair ("en SIR/SIA", "au CLIN / EOH"):
  French does not put "au" or "en" before a person's surname;
- the pair is a label: a colon follows it and neither word is a known first name or surname;
- the pair is a heading alone on its line and one of its words is an ordinary word that is not
  a known surname.

Safe for real names: a known surname ("MARTIN / DUBOIS") is never dropped by the common-word or
label tests, and names after a title or a role are found by other rules.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext

_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:au|aux|du|des|en|le|la|les|un|une|l['’]|d['’])[ \t]*\Z")
_COLON_AFTER = re.compile(r"[ \t]*:")


def _common(ctx: DetectionContext, word: str) -> bool:
    """An ordinary word (or the plural of one) that is not a known surname."""
    lex = ctx.lexicons
    if lex.is_surname(word):
        return False
    if lex.is_common(word):
        return True
    return len(word) > 4 and word[-1] in "SXsx" and lex.is_common(word[:-1]) and not lex.is_surname(word[:-1])


def caps_pair_not_names(ctx: DetectionContext, match: re.Match[str]) -> bool:
    """True when the slash pair ``match`` (groups ``a`` and ``b``) is a heading or an acronym pair."""
    text, lex = ctx.text, ctx.lexicons
    a, b = match.group("a"), match.group("b")
    if _common(ctx, a) and _common(ctx, b):
        return True
    start, end = match.start(), match.end()
    if _DETERMINER_BEFORE.search(text, max(0, start - 4), start):
        return True
    known = any(lex.is_surname(w) or lex.is_first_name(w) for w in (a, b))
    if not known and _COLON_AFTER.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, closes = text[line_start:start].strip(), not text[end:line_end].strip()
    # ... or closes a heading in capitals: "SALLE DE NAISSANCE — PARTOGRAMME / RESUME"
    heading = closes and not known and before.upper() == before
    return (heading or (closes and not before)) and (_common(ctx, a) or _common(ctx, b))
