"""User names built from a person's name, wherever software prints them: "[ARM mlecoq]",
"Technicien : sbrunel", "demandeur : jmuller (DSI)", "— m.nowak (Magdalena NOWAK, interne)",
"…;A.SABATIER", "prévenir Karim (k.belkacem)", "Tracé DPI : ashebert".

A login is one or two initials (with or without a dot), then a surname, sometimes a digit or two:

- anywhere, when the surname is a known one that is no ordinary word ("tnguyen", "v.ribeiro"),
  or when the document writes the same name with capitals elsewhere, compound names joined
  ("ncadiou" beside "N. Cadiou", "glecorre" beside "Le Corre", "mokleinweber" beside "KLEIN-WEBER");
- where a note or a record is signed (alone on its line, closing a line after a sentence or a
  dash, after a label's colon), when it opens with two consonants no French word opens with
  ("kbouzid", "mcoudert", "sbeauvais").

The whole token is never an ordinary word, first name, acronym, drug, commune or e-mail part.
Logins are ``NOM`` (annotation convention). Hand-written: no library reads user names in French
care records.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_drug, is_protected_word
from avec.privacy.detection.name_scan import is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# "mlecoq", "m.nowak", "ipopescu2", "A.SABATIER": no letter, dot, @, slash or hyphen around it,
# and no domain after it (an e-mail address or a web address is the mail rule's).
_TOKEN = re.compile(
    r"(?<![\w@.'’/\\-])(?:[a-z]{1,2}\.?[a-z]{4,24}[0-9]{0,2}|[A-Z]{1,2}\.[A-Z]{4,24})"
    r"(?![\w@'’/\\-])(?!\.[A-Za-z]{2,})"
)
# Where a record is signed: alone on its line, closing a line after a full stop, a bracket or a
# dash, or after a label's colon (then two spaces or the line end follow).
_SIGNED = re.compile(
    r"(?m)(?:^|[.!)][ \t]+|[–—-][ \t]*|:[ \t]*)(?P<login>[a-z]{5,24})(?=[ \t]*$|[ \t]{2,}\S)"
)
# Two consonants that open French words: "blanc", "chaud", "psy"... never a login's shape alone.
_FRENCH_ONSETS = frozenset(
    ("bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gn", "gr", "kh", "kl", "kr", "ph", "pl")
    + ("pr", "ps", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sv", "th", "tr", "vr", "wh")
)
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_PARTICLES = ("le", "la", "de", "du", "da", "van", "von", "el", "ben", "mac", "mc")


def _is_word(ctx: DetectionContext, token: str) -> bool:
    lex = ctx.lexicons
    return (
        lex.is_common(token)
        or lex.is_first_name(token)
        or is_stop_word(token)
        or is_acronym(token)
        or is_drug(token)
        or is_protected_word(token, ctx.protected)
        or lex.is_country(token)
        or fold_key(token) in lex.communes
    )


def _written_with_capital(ctx: DetectionContext, rest: str, caps_only: bool = False) -> bool:
    """ "cadiou" is written "Cadiou" or "CADIOU" in the document, "lecorre" "Le Corre", "kleinweber"
    "KLEIN-WEBER" (folded look-ups in C, for the few tokens that reach this test); with ``caps_only``,
    only in capitals in a mixed-case text ("gfontaine" beside "Dr FONTAINE")."""
    folded, text = ctx.folded, ctx.text
    # every form below opens with rest[:2] and closes with rest[-3:]: two look-ups rule most tokens
    # out before the 2n searches of the split forms (the same answer, faster)
    if rest[-3:] not in folded or rest[:2] not in folded:
        return False
    forms = [rest] + [rest[:i] + sep + rest[i:] for i in range(2, len(rest) - 2) for sep in (" ", "-")]
    for form in forms:
        pos = folded.find(form)
        while pos >= 0:
            end = pos + len(form)
            bounded = (pos == 0 or not folded[pos - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum())
            if bounded and text[pos].isupper() and (not caps_only or text[pos:end].isupper()):
                return True
            pos = folded.find(form, end)
    return False


def _surname_rest(ctx: DetectionContext, rest: str) -> bool:
    """ "nguyen", "lecoq", "legall" (particle + known surname): a known surname, no ordinary word."""
    lex = ctx.lexicons
    if lex.is_surname(rest) and not lex.is_common(rest):
        return True
    return any(
        rest.startswith(p) and len(rest) - len(p) >= 3 and lex.is_surname(rest[len(p) :]) and not lex.is_common(rest)
        for p in _PARTICLES
    )


def _made_of_a_name(ctx: DetectionContext, token: str) -> bool:
    """One or two initials glued to a known surname, or to a name the document writes elsewhere."""
    key = fold_key(token).replace(".", "").rstrip("0123456789")
    rests = [key[k:] for k in (1, 2) if len(key) - k >= 4]
    if any(_surname_rest(ctx, rest) for rest in rests):
        return True
    common = ctx.lexicons.is_common
    return any(
        _written_with_capital(ctx, rest, caps_only=common(rest))
        for rest in rests
        if not (common(rest) and (ctx.all_caps or token.isupper() or len(rest) < 5))
    )


def is_plain_word(ctx: DetectionContext, token: str) -> bool:
    """An ordinary word, first name, stop word, acronym, drug, country or commune (no login)."""
    return _is_word(ctx, token)


def is_name_login(ctx: DetectionContext, token: str, first_names: bool = False) -> bool:
    """One or two initials glued to a known surname or a name written elsewhere in the document;
    with ``first_names``, also to a known first name ("lmartine")."""
    if _made_of_a_name(ctx, token):
        return True
    if not first_names:
        return False
    key = fold_key(token).replace(".", "").rstrip("0123456789")
    return any(len(key) - k >= 4 and ctx.lexicons.is_first_name(key[k:]) for k in (1, 2))


def _login_shape(ctx: DetectionContext, token: str) -> bool:
    """An initial glued to a word that opens with two consonants no French word opens with."""
    key = fold_key(token)
    if key[0] not in _CONSONANTS or key[1] not in _CONSONANTS or key[:2] in _FRENCH_ONSETS:
        return False
    return not ctx.lexicons.is_common(key[1:])


def _is_login(ctx: DetectionContext, token: str) -> bool:
    if ctx.lexicons.is_common(token):
        return False
    return not _is_word(ctx, token.replace(".", "")) and _made_of_a_name(ctx, token)


@recognizer("login_token", 86)
def find_login_tokens(ctx: DetectionContext) -> list[Span]:
    """Logins made of initials and a surname (see the module docstring)."""
    text = ctx.text
    spans: list[Span] = []
    # The distinct tokens are listed in C, then checked once each; positions only for the logins.
    logins = {token for token in set(_TOKEN.findall(text)) if _is_login(ctx, token)}
    if logins:
        spans.extend(
            Span(m.start(), m.end(), "NOM", 0.8, "login_token") for m in _TOKEN.finditer(text) if m.group() in logins
        )
    for m in _SIGNED.finditer(text):
        token = m.group("login")
        if token not in logins and not _is_word(ctx, token) and _login_shape(ctx, token):
            spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.75, "login_token"))
    return spans
