"""A known first name followed by a surname in capitals, in a mixed-case text: "ergo (Chloé BRUN)",
"Thomas HOFFMANN (MK)", "Cordialement, Émilie HOFFMANN, pharmacienne", "Fabienne JEAN-BAPTISTE",
"Nolan LE GOFF", "Maëlle DE SOUSA".

Writers of every service put the surname in capitals to tell it from the first name; the pair is a
person even when the surname is unknown to the lexicons or is also a word ("BRUN", "PETIT"). Refused:
an acronym, drug, unit or protected medical word in capitals ("Marie IDE", "Claire HTA"), a word
without a vowel ("CMRR"), a commune or a country, a capitalised ordinary word that is no known
surname ("Pierre URGENT"), and a first name that is also an ordinary word ("Rose", "Claire") unless
the capitals are a known surname; a large city ("Paul PARIS"). Hand-written: no library reads this
layout of French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import starts_word
from avec.privacy.detection.medical_vocab import is_acronym, is_drug, is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_PARTICLE = r"(?:LE|LA|DE|DU|DA|DOS|DAS|DI|VAN|VON|EL|BEN|AIT|AÏT)"
_CAPS_WORD = rf"(?:[{UP}]['’])?[{UP}]{{2,}}(?:['’][{UP}]+)?"
_PAIR = re.compile(
    rf"(?P<first>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]+"
    rf"(?P<last>(?:{_PARTICLE}[ \t]+)?{_CAPS_WORD}"
    rf"(?:(?:[ \t]|-{{1,2}})(?:{_PARTICLE}[ \t]+)?{_CAPS_WORD})*)(?![\w'’.-])"
)
_PART = re.compile(rf"{_CAPS_WORD}")
_VOWEL = re.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ]")


def _first_ok(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    if not lex.is_first_name(word) or is_stop_word(word) or is_protected_word(word, ctx.protected):
        return False
    return not (is_eponym(word) or lex.is_country(word) or is_drug(word))


def _part_ok(ctx: DetectionContext, part: str) -> bool:
    """A word in capitals that may be (part of) a surname (see the module docstring)."""
    lex = ctx.lexicons
    if re.fullmatch(_PARTICLE, part):
        return True
    if not _VOWEL.search(part) or is_acronym(part) or is_drug(part) or is_stop_word(part):
        return False
    # an eponym after a first name is a person's surname ("Émilie HOFFMANN", not "signe de Hoffmann")
    if is_protected_word(part, ctx.protected) and not is_eponym(part) or lex.is_country(part):
        return False
    known = lex.is_surname(part)
    if fold_key(part) in lex.big_cities or (lex.is_common(part) and not known):
        return False
    return known or fold_key(part) not in lex.communes


def _surname_end(ctx: DetectionContext, m: re.Match[str]) -> int:
    """End of the longest run of capital words after the first name that may be a surname (0: none)."""
    end = 0
    last = m.group("last")
    lex = ctx.lexicons
    for part in _PART.finditer(last):
        word = part.group()
        if not _part_ok(ctx, word):
            # inside a hyphenated compound a first name is a surname's part ("JEAN-BAPTISTE");
            # any other refused part refuses the whole compound, never half of it
            compound = part.start() > 0 and last[part.start() - 1] == "-"
            if compound and lex.is_first_name(word) and not is_acronym(word):
                end = part.end()
                continue
            if compound or (part.end() < len(last) and last[part.end()] == "-"):
                return 0
            break
        if not re.fullmatch(_PARTICLE, part.group()):
            end = part.end()
    core = m.group("last")[:end].split()[-1] if end else ""
    if end and len(core) < 3 and not ctx.lexicons.is_east_asian_surname(core):
        return 0
    return m.start("last") + end if end else 0


@recognizer("first_name_caps", 54)
def find_first_name_caps(ctx: DetectionContext) -> list[Span]:
    """First name + surname in capitals (see the module docstring)."""
    if ctx.all_caps:
        return []
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _PAIR.finditer(text):
        first = m.group("first")
        if not starts_word(text, m.start()) or not _first_ok(ctx, first):
            continue
        end = _surname_end(ctx, m)
        if not end:
            continue
        last = text[m.start("last") : end]
        if lex.is_common(first) and not all(
            lex.is_surname(p) and not lex.is_common(p) for p in re.split(r"[ \t-]+", last) if p
        ):
            continue
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "first_name_caps"))
        spans.append(Span(m.start("last"), end, "NOM", 0.7, "first_name_caps"))
    return spans
