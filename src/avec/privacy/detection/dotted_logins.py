"""User names written as an initial, a dot and a surname, signing or naming staff in notes
(round 16): "iao c.kervella", "-> jm.lestrade", "Extraction : p.marchetti - DIM".

One or two letters, a dot, then a surname (four letters or more) that is no ordinary word, first
name or commune: known to the lexicons, or closing its line or followed by a dash (a signature);
never inside an e-mail address, a web address or a file name (no "@", "/" or dotted word around
it). Such logins are ``NOM`` (annotation convention). Hand-written: no library reads user names
in French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_SIGNING_END = re.compile(r"[ \t]*(?:[.;)\]]?[ \t]*(?:\n|$)|[–—-][ \t])")
_DOTTED = re.compile(r"(?<![\w@/.'’-])(?P<login>[a-z]{1,2}\.(?P<surname>[a-zà-ÿ]{4,20}))(?![\w@/'’-]|\.\w)")


@recognizer("dotted_login", 82)
def find_dotted_logins(ctx: DetectionContext) -> list[Span]:
    """An initial, a dot and a known surname in lower case (see the module docstring)."""
    text = ctx.text
    if "." not in text:
        return []
    lex = ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_DOTTED, text, ctx.folded):
        surname = m.group("surname")
        if lex.is_common(surname) or lex.is_first_name(surname) or fold_key(surname) in lex.communes:
            continue
        # a surname no lexicon knows only where a note is signed: closing its line, before a dash
        if not lex.is_surname(surname) and not _SIGNING_END.match(text, m.end()):
            continue
        if is_acronym(surname) or is_protected_word(surname, ctx.protected):
            continue
        spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.75, "dotted_login"))
    return spans


HARNESS = ["find_dotted_logins"]
