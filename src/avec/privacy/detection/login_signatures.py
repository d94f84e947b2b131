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

# Each place opens with a literal character (a fast scan); what stands before it is checked in code.
_DASH = re.compile(r"(?m)[–—-][ \t]*(?P<login>[a-z]{5,24})[ \t]*$")
_DASH_LEAD = re.compile(r"(?:[.!)][ \t]+|(?:^|\n)[ \t]*)\Z")
_BRACKET = re.compile(r"\[[ \t]*(?P<login>[a-z]{5,24})[ \t]*\]")
_CLOCK_BEFORE = re.compile(r"\d{1,2}[:h]\d{2}[ \t]*\Z")
_ALONE = re.compile(r"(?:^|\n)[ \t]*(?P<login>[a-z]{5,24})[ \t]*(?=\n|$)")
_COLON = re.compile(r":[ \t]*(?P<login>[a-z]{5,24})(?![\w@'’.-])")
_JOB_BEFORE = re.compile(r"(?<![\w])(?:AS|IDE|IDEC|ASH|AES|AMP|ES|CESF|ASS)[ \t]*\Z")


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
    found: list[re.Match[str]] = []
    if "-" in text or "–" in text or "—" in text:
        found.extend(m for m in _DASH.finditer(text) if _DASH_LEAD.search(text, max(0, m.start() - 4), m.start()))
    if "[" in text:
        found.extend(m for m in _BRACKET.finditer(text) if _CLOCK_BEFORE.search(text, max(0, m.start() - 8), m.start()))
    found.extend(_ALONE.finditer(text))
    if ":" in text:
        found.extend(m for m in _COLON.finditer(text) if _JOB_BEFORE.search(text, max(0, m.start() - 6), m.start()))
    return [
        Span(m.start("login"), m.end("login"), "NOM", 0.75, "login_signature")
        for m in found
        if _login_of_a_person(ctx, m.group("login"))
    ]
