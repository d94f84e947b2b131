"""Initials written where a form or a research record asks for them instead of the name:
"Initiales (N/P) : D.K.", "Initiales : HMV", "(initiales P.R.)", "init. G-L", "Nom (3 premières
lettres) : FAU", "Prénom (1re lettre) : E", "Date/visa : 12/03/2025 JCB"; two initials signing a quoted statement
("… au dossier. P.R. »") or dated like a signature ("– H. D., le 12/03/2024").

Clinical-trial records identify a participant by initials; they still name the person. The order
is read from the label when it gives one ("N/P", "nom/prénom", "P/N"); otherwise two initials are
surname then first name (the usual order of case report forms) and three letters are one
first-name initial and two surname letters ("HMV" = H. + MV, "Le Goff"-like compound surnames).
A visa is a signature: its last letter is the surname. Hand-written: no library reads them.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_INITIALS_LABEL = re.compile(
    r"(?i)(?<![\w])(?:initiales?|init\.)"
    r"(?P<qual>(?:[ \t]*(?:\(?[ \t]*[NP][ \t]*/[ \t]*[NP][ \t]*\)?|\(?nom[ \t]*/[ \t]*pr[ée]nom\)?|"
    r"\(?pr[ée]nom[ \t]*/[ \t]*nom\)?|du|de[ \t]+la|de|des|participante?s?|patiente?s?|sujets?|"
    r"r[ée]sidente?s?|enfants?|usag[eè]re?s?)){0,3})"
    r"[ \t]*:?[ \t]*"
    r"(?P<value>(?-i:[A-Z]\.?(?:[ \t]?[-.][ \t]?[A-Z]\.?|[A-Z]\.?){1,3}))(?![\w'’])"
)
# "Nom (3 premières lettres) : FAU", "Prénom (1re lettre) : E".
_LETTERS_FIELD = re.compile(
    r"(?i)(?<![\w])(?P<key>nom|pr[ée]nom)[ \t]*\([^)\n]{0,30}(?:lettre|initiale)[^)\n]{0,12}\)[ \t]*:[ \t]*"
    r"(?P<value>(?-i:[A-ZÀ-Ý]{1,4}))(?![\w'’])"
)
# "Date/visa : 12/03/2025 JCB", "visa IDE : MLB".
_VISA = re.compile(
    r"(?i)(?<![\w])visa(?:[ \t]+\w{2,12})?[ \t]*:[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)?"
    r"(?P<value>(?-i:[A-Z]{2,4}))(?![\w'’])"
)
# Two initials closing a quoted statement or dated like a signature: "… dossier. P.R. »",
# "» – H. D., le 12/03/2024".
_SIGNED_INITIALS = re.compile(
    r"(?:[.!?»\"][ \t]+|[–—][ \t]*)(?P<value>[A-Z]\.[ \t]?[A-Z]\.)"
    r"(?=[ \t]*(?:»|\"|,[ \t]*le[ \t]+\d))"
)
_LETTER = re.compile(r"[A-Z]\.?")


def _not_a_word(ctx: DetectionContext, value: str) -> bool:
    letters = value.replace(".", "").replace("-", "").replace(" ", "")
    if len(letters) < 2 or value != letters:
        return True  # "R.J.", "M-D": punctuated letters are no word
    return not (ctx.lexicons.is_common(letters) or is_acronym(letters) or ctx.lexicons.is_first_name(letters))


def _order(qual: str) -> str:
    q = qual.lower().replace(" ", "").replace("\t", "")
    if re.search(r"p/n|pr[ée]nom/nom", q):
        return "first_name_first"
    if re.search(r"n/p|nom/pr[ée]nom", q):
        return "surname_first"
    return ""


def _initial_spans(start: int, value: str, order: str) -> list[Span]:
    """One span per initial; the surname part of three letters is one span ("MV")."""
    letters = [(start + m.start(), start + m.end()) for m in _LETTER.finditer(value)]
    if len(letters) < 2:
        return []
    if order == "surname_first" or (not order and len(letters) == 2):
        head, rest = "NOM", "PRENOM"
    else:
        head, rest = "PRENOM", "NOM"
    spans = [Span(letters[0][0], letters[0][1], head, 0.8, "initials_field")]
    glued = all(letters[i][1] == letters[i + 1][0] for i in range(1, len(letters) - 1))
    if rest == "NOM" and glued:
        spans.append(Span(letters[1][0], letters[-1][1], rest, 0.8, "initials_field"))
    else:
        spans.extend(Span(a, b, rest, 0.8, "initials_field") for a, b in letters[1:])
    return spans


@recognizer("initials_field", 84)
def find_initials_fields(ctx: DetectionContext) -> list[Span]:
    """Initials after an initials label, letters of a name field, initials of a visa."""
    text = ctx.text
    folded = ctx.folded
    spans: list[Span] = []
    if "init" in folded:
        for m in prefixed_finditer(_INITIALS_LABEL, text, ctx.folded):
            value = m.group("value").rstrip(" \t-")
            if _not_a_word(ctx, value):
                spans.extend(_initial_spans(m.start("value"), value, _order(m.group("qual"))))
    if "lettre" in folded or "initiale" in folded:
        for m in prefixed_finditer(_LETTERS_FIELD, text, ctx.folded):
            label = "NOM" if m.group("key").lower() == "nom" else "PRENOM"
            spans.append(Span(m.start("value"), m.end("value"), label, 0.8, "initials_field"))
    if "»" in text or '"' in text or ", le " in text:
        for m in prefixed_finditer(_SIGNED_INITIALS, text, ctx.folded):
            spans.extend(_initial_spans(m.start("value"), m.group("value"), "first_name_first"))
    if "visa" in folded:
        for m in prefixed_finditer(_VISA, text, ctx.folded):
            value = m.group("value")
            if _not_a_word(ctx, value):
                a, b = m.start("value"), m.end("value")
                spans.append(Span(a, b - 1, "PRENOM", 0.75, "initials_field"))
                spans.append(Span(b - 1, b, "NOM", 0.75, "initials_field"))
    return spans
