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
# A care log line: a clock, a dash, the login, then the person or the job in brackets or a colon:
# "14:30 – avidal (Dr VIDAL Antoine)", "21:10 – cbarthes (IDE) :".
# (Found from the dash, cheap; the clock before is checked in code.)
_DASH_LOGIN = re.compile(r"[–—-][ \t]*(?P<login>[a-z]{5,24})(?=[ \t]*[(:])")
# "fusion faite le 04/04 par jpradel.": a login closing a sentence after "par".
_BY = re.compile(r"par[ \t]+(?P<login>[a-z]{5,24})(?=[ \t]*(?:[,.;!)\n]|$))")
# Two consonants that open no French word: "jp", "cb", "mn", "yl" start a login, not a word.
_FRENCH_ONSETS = frozenset(
    ("bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gn", "gr", "kh", "kl", "kr", "ph", "pl")
    + ("pr", "ps", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sv", "th", "tr", "vr", "wh")
)
_WORD_CHAR = re.compile(r"[\w'’-]")
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxyz")


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


def _login_shaped(ctx: DetectionContext, token: str) -> bool:
    """In a place that signs a log line: a login of a person, or an initial glued to a word that
    opens with two consonants no French word opens with ("jpradel", "ylahlou"), no ordinary word."""
    if _login_of_a_person(ctx, token):
        return True
    lex = ctx.lexicons
    key = fold_key(token)
    if key[0] not in _CONSONANTS or key[1] not in _CONSONANTS or key[:2] in _FRENCH_ONSETS:
        return False
    return not (
        lex.is_common(token)
        or lex.is_common(key[1:])
        or is_stop_word(token)
        or is_acronym(token)
        or is_protected_word(token, ctx.protected)
        or key in lex.communes
    )


@recognizer("login_signature", 82)
def find_login_signatures(ctx: DetectionContext) -> list[Span]:
    """User names built from a surname where notes are signed ("– spetitjean", "[amartins]")."""
    text = ctx.text
    found: list[re.Match[str]] = []
    if "-" in text or "–" in text or "—" in text:
        found.extend(m for m in _DASH.finditer(text) if _DASH_LEAD.search(text, max(0, m.start() - 4), m.start()))
    clocked: list[re.Match[str]] = []
    if "[" in text:
        clocked = [m for m in _BRACKET.finditer(text) if _CLOCK_BEFORE.search(text, max(0, m.start() - 8), m.start())]
        found.extend(clocked)
    found.extend(_ALONE.finditer(text))
    if ":" in text:
        found.extend(m for m in _COLON.finditer(text) if _JOB_BEFORE.search(text, max(0, m.start() - 6), m.start()))
    spans = [
        Span(m.start("login"), m.end("login"), "NOM", 0.75, "login_signature")
        for m in found
        if _login_of_a_person(ctx, m.group("login"))
    ]
    strong: list[re.Match[str]] = []
    if "-" in text or "–" in text or "—" in text:
        strong.extend(
            m for m in _DASH_LOGIN.finditer(text) if _CLOCK_BEFORE.search(text, max(0, m.start() - 8), m.start())
        )
    strong.extend(clocked)
    if "par" in text:
        strong.extend(m for m in _BY.finditer(text) if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1))
    spans.extend(
        Span(m.start("login"), m.end("login"), "NOM", 0.75, "login_signature")
        for m in strong
        if _login_shaped(ctx, m.group("login")) or _named_in_brackets(text, m)
    )
    return spans


def _named_in_brackets(text: str, m: re.Match[str]) -> bool:
    """The login ends with the surname written in the brackets after it: "avidal (Dr VIDAL ..."."""
    after = text[m.end() : m.end() + 60]
    if "(" not in after:
        return False
    key = fold_key(m.group("login"))
    inside = fold_key(after[after.index("(") + 1 :].split(")")[0])
    words = [w for w in re.split(r"[^a-z]+", inside) if len(w) >= 4]
    return any(key[k:] == w for w in words for k in (1, 2))
