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

A surname that is also a word or a commune in the lexicons ("Nathalie SOULIER", "Goulven LE BRAS",
"Sophie VILLENEUVE"; spaCy's noun table holds many surnames) is taken in a person's frame only: the
first name is no ordinary word, the capitals are no inflected form of an ordinary word ("URGENT"),
and the pair ends its line or is followed by a comma, a bracket, a dash, a slash or a phone number
("Dossier suivi par : Nathalie SOULIER – 04 ..."), as a signature, a contact or a list of staff is
written; "Appeler Nathalie URGENT avant midi" stays. The same frame lets a first name that is also a
word take an unknown surname ("Thomas HOFFMANN (MK)").
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
# What may follow a person's name in a signature, a contact line or a list of staff.
_FRAME_END = re.compile(r"[ \t]*(?:$|[,(;<)/–—|]|-[ \t]|\+?\d{2}[ .]?\d{2})", re.M)
_OK, _WEAK, _NO = 2, 1, 0
_VOWEL = re.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ]")


def _first_ok(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    if not lex.is_first_name(word) or is_stop_word(word) or is_protected_word(word, ctx.protected):
        return False
    return not (is_eponym(word) or lex.is_country(word) or is_drug(word))


def _part_state(ctx: DetectionContext, part: str) -> int:
    """_OK: a word in capitals that may be (part of) a surname; _WEAK: also a word or a commune,
    a surname in a person's frame only; _NO: never (see the module docstring)."""
    lex = ctx.lexicons
    if re.fullmatch(_PARTICLE, part):
        return _OK
    if not _VOWEL.search(part) or is_acronym(part) or is_drug(part) or is_stop_word(part):
        return _NO
    # an eponym after a first name is a person's surname ("Émilie HOFFMANN", not "signe de Hoffmann")
    if is_protected_word(part, ctx.protected) and not is_eponym(part) or lex.is_country(part):
        return _NO
    known = lex.is_surname(part)
    if fold_key(part) in lex.big_cities:
        return _NO
    if known:
        return _OK
    if lex.is_common(part) or fold_key(part) in lex.communes:
        table = lex.inflected
        inflected = table is not None and part.lower() in table  # type: ignore[operator]
        return _NO if inflected or len(part) < 4 else _WEAK
    return _OK


def _surname_end(ctx: DetectionContext, m: re.Match[str], weak_ok: bool) -> int:
    """End of the longest run of capital words after the first name that may be a surname (0: none);
    ``weak_ok``: words that are also ordinary words or communes are taken too."""
    end = 0
    last = m.group("last")
    lex = ctx.lexicons
    for part in _PART.finditer(last):
        word = part.group()
        state = _part_state(ctx, word)
        if state != _OK and not (state == _WEAK and weak_ok):
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
        end = _surname_end(ctx, m, False)
        framed = False
        if not end and not lex.is_common(first):
            # a surname that is also a word or a commune, in a person's frame (module docstring)
            weak_end = _surname_end(ctx, m, True)
            if weak_end and _FRAME_END.match(text, weak_end):
                end, framed = weak_end, True
        elif end and lex.is_common(first):
            framed = _FRAME_END.match(text, end) is not None
        if not end:
            continue
        last = text[m.start("last") : end]
        if lex.is_common(first) and not all(
            (lex.is_surname(p) or framed) and not lex.is_common(p) for p in re.split(r"[ \t-]+", last) if p
        ):
            continue
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "first_name_caps"))
        spans.append(Span(m.start("last"), end, "NOM", 0.7, "first_name_caps"))
    return spans
