"""A signature made of the first name's initials and the surname: "J-M Ehrhardt", "JF Lavergne",
"Signature : C. Roth", "Dr T.T.H. Nguyen", "Cordialement, A.-L. Berthou".

The initials ("J-M", "J.-M.", "JF", "J.F.", "C.", "T.T.H.") are the first name (``PRENOM``) and the
word after them the surname (``NOM``). Taken where a person signs: alone on a line (nothing but a
dash, a comma or a bracket after the surname), after "Signature :", a closing formula or a
doctor's title. The surname is a capitalised word or capitals that is no ordinary word (unless a
known surname), acronym, drug, protected medical word, country or large city. Hand-written: no
library reads signatures in French letters and notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_drug, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_INITIALS = rf"[{UP}](?:\.?-?[{UP}]){{0,2}}\.?"
_NAME = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?|[{UP}]{{2,}}(?:-[{UP}]{{2,}})?"
_LEAD = (
    # "Signature de la résidente :", "Signature du représentant légal :"
    r"(?:(?i:signature(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de)[ \t]*[\w'’-]+(?:[ \t]+l[ée]gale?)?)?|sign[ée])"
    r"[ \t]*:?|(?i:cordialement|bien[ \t]+cordialement|bien[ \t]+à[ \t]+vous),?|"
    r"Dr\.?|Pr\.?)"
)
_SIGNED = re.compile(
    rf"(?m)(?:^|{_LEAD})[ \t]*(?P<ini>{_INITIALS})[ \t]+(?P<name>{_NAME})"
    r"(?=[ \t]*(?:$|[–—,(]|-[ \t]))"
)


def _initials_ok(value: str) -> bool:
    """Two letters or more, or one letter with its full stop ("C."); no lone capital word."""
    letters = sum(ch.isupper() for ch in value)
    return letters >= 2 or value.endswith(".")


def _surname_ok(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    # an eponym or a commune after initials is a surname ("C. Roth", "JF Lavergne"); a large city is not
    if is_acronym(word) or is_drug(word) or is_stop_word(word) or fold_key(word) in lex.big_cities:
        return False
    if is_protected_word(word, ctx.protected) or lex.is_country(word) or lex.is_first_name(word):
        return False
    # a plural is a word too ("D. AIDANTS", a heading)
    return not (lex.is_common(word) or lex.is_common(word.rstrip("sS"))) or lex.is_surname(word)


def _word_not_initials(ctx: DetectionContext, value: str) -> bool:
    """Undotted capitals are initials only as two letters that are no acronym, job or word."""
    if len(value) != 2:
        return True
    return is_acronym(value) or is_stop_word(value) or ctx.lexicons.is_common(value)


@recognizer("signature_initials", 58)
def find_signature_initials(ctx: DetectionContext) -> list[Span]:
    """Initials and a surname signing (see the module docstring)."""
    if ctx.all_caps:
        return []
    text = ctx.text
    spans: list[Span] = []
    for m in _SIGNED.finditer(text):
        ini, name = m.group("ini"), m.group("name")
        if not _initials_ok(ini) or not _surname_ok(ctx, name):
            continue
        if len(ini) == 2 and name.isupper() and text[m.start() : m.start("ini")].strip() == "":
            continue  # "D. AIDANTS", "IV. PASSIF": a numbered heading, not a signature
        if ini == "M." or (ini.isalpha() and _word_not_initials(ctx, ini)):
            continue  # "M. Dupont" (Monsieur), "IDE Martin", "LE Goff": a title, a job or a word
        spans.append(Span(m.start("ini"), m.end("ini"), "PRENOM", 0.7, "signature_initials"))
        spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.7, "signature_initials"))
    return spans
