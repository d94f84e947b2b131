"""Staff signing notes with their user name: an initial glued to a known surname, in a place where
a note is signed.

- after a dash at the end of a note: "rdv pris avec C. Boulanger le 11/01. – spetitjean";
- in square brackets after a clock, opening a line of a care log: "10/06 06:45 [amartins] cible: ...";
- alone on its line: "aklein";
- after a care job and a colon: "AS : aklein".

The token must be one or two letters then a surname the lexicons know (four letters or more),
and no ordinary word, acronym or commune itself. Such logins are ``NOM`` (annotation convention).
Hand-written: no library reads user names in French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_TOKEN = r"(?P<login>[a-z]{5,24})"
_SIGNED_PLACES = re.compile(
    # a dash closing a line after a sentence, or a dash alone opening the line
    rf"(?m)(?:(?:[.!)][ \t]+|^[ \t]*)[–—-][ \t]*{_TOKEN}[ \t]*$"
    # a bracket after a clock: "06:45 [amartins]"
    rf"|\d{{1,2}}[:h]\d{{2}}[ \t]*\[[ \t]*{_TOKEN.replace('login', 'bracket')}[ \t]*\]"
    # alone on its line
    rf"|^[ \t]*{_TOKEN.replace('login', 'alone')}[ \t]*$"
    # a care job and a colon: "AS : aklein", "IDE : mleroy"
    rf"|(?<![\w])(?:AS|IDE|IDEC|ASH|AES|AMP|ES|CESF|ASS|AS[ \t]+soc)[ \t]*:[ \t]*{_TOKEN.replace('login', 'job')}"
    r"(?![\w@'’.-]))"
)


def _login_of_a_person(ctx: DetectionContext, token: str) -> bool:
    """One or two initials glued to a known surname, and no word, acronym or commune itself."""
    lex = ctx.lexicons
    key = fold_key(token)
    if (
        lex.is_common(token)
        or lex.is_first_name(token)
        or is_stop_word(token)
        or is_acronym(token)
        or is_protected_word(token, ctx.protected)
        or key in lex.communes
    ):
        return False
    # the surname may be a word ("cboulanger"): the whole token is none, and the place says login
    return any(len(key) - k >= 4 and lex.is_surname(key[k:]) for k in (1, 2))


@recognizer("login_signature", 82)
def find_login_signatures(ctx: DetectionContext) -> list[Span]:
    """User names built from a surname where notes are signed ("– spetitjean", "[amartins]")."""
    text = ctx.text
    spans: list[Span] = []
    for m in _SIGNED_PLACES.finditer(text):
        group = next(g for g in ("login", "bracket", "alone", "job") if m.group(g))
        if _login_of_a_person(ctx, m.group(group)):
            spans.append(Span(m.start(group), m.end(group), "NOM", 0.75, "login_signature"))
    return spans
