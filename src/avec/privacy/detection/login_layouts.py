"""User names in the places software and chats print them, whatever the letters look like:

- a chat speaker after a bracketed time stamp: "[10:02] s.kerhervé (IDE coord.) :", "[10:04] jmarchal :",
  "[10:05] f.le-bihan :" (accents and hyphenated particles the plain login token does not take);
- a care record signed after a time and a dash, before a job in brackets: "07:50 – RTANGUY (AMP)",
  "03:15 – GABPRIOL (AS DE NUIT)";
- a single token after an audit or desk label, in capitals or lower case: "PARM : CDUVAL", "MODIF : PLEROY",
  "UTILISATEUR SBERGER", "SECRETARIAT (ELAMBERT)", "secrétariat : afournier";
- initials glued to a known name in brackets: "AS soir (lmartine)", "(GMOREL)".

The token is never an ordinary word, a first name alone, an acronym, a drug or a commune. Logins
are ``NOM`` (annotation convention). Hand-written: no library reads user names in care records.
"""

from __future__ import annotations

import re

from avec.privacy.detection.login_tokens import is_name_login, is_plain_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_L = "a-zà-öø-ÿ"
# "[10:02] s.kerhervé (IDE coord. lits) :", "[mar. 08/10 08:10] l.martel :".
_CHAT_HANDLE = re.compile(
    rf"(?m)^[ \t]*\[[^\]\n]{{4,32}}\][ \t]*(?P<login>[{_L}]{{1,3}}\.?[{_L}]+(?:[-'’][{_L}]+)*\d{{0,2}})"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?:"
)
# "09/11/2024 07:50 – RTANGUY (AMP)": a clock time, a dash, one token, a job in brackets.
_STAMP_ROLE = re.compile(r"\d{1,2}[:h]\d{2}[ \t]*[-–—][ \t]*(?P<login>[A-Za-z]{4,20})[ \t]*\((?P<role>[^)\n]{2,24})\)")
_CARE_ROLE = re.compile(
    r"(?i)(?:IDE|IDEL|IDEC|AS|ASH|AES|AMP|ASD|AVS|ASG|AS\s+de\s+nuit|IDE\s+de\s+nuit|aide-soignante?|"
    r"infirmi[eè]re?|[ée]duc\w*|cadre|interne|m[ée]decin|kin[ée]|ergo|psy\w*|secr[ée]taire|agent|ARM|PARM|IOA)"
)
# An audit or desk label, then one token: "PARM : CDUVAL", "UTILISATEUR SBERGER", "SECRETARIAT (ELAMBERT)".
_DESK_LABEL = re.compile(
    r"(?i)(?<![\w])(?:saisie?|modif(?:ication|i[ée]e?)?|utilisat(?:eur|rice)|op[ée]rat(?:eur|rice)|"
    r"secr[ée]tariat|secr[ée]taire|(?-i:PARM|ARM|IOA|IAO)|r[ée]dact(?:eur|rice)|valid[ée]e?[ \t]+par|"
    r"saisie?[ \t]+par|modifi[ée]e?[ \t]+par)"
    r"(?:[ \t]*[:(][ \t]*(?P<login>(?-i:[A-Z]{4,20}|[a-z]{5,20}))|[ \t]+(?P<upper>(?-i:[A-Z]{5,20})))"
    r"(?=[ \t]*(?:$|\n|[)\],;]|[ \t]{2}|[ \t]+\d|[ \t]+(?:le|LE|à|A)[ \t]))"
)
# A bracketed token: "(lmartine)", "(GMOREL)".
_BRACKETED = re.compile(r"\((?P<login>[a-z]{5,20}|[A-Z]{5,20})\)")


def _free_token(ctx: DetectionContext, token: str) -> bool:
    """No ordinary word, first name alone, acronym, drug or commune."""
    bare = token.replace(".", "").lower()
    # "aidante", "secretaires": an inflected word is checked by its stem too
    stems = {bare, bare.rstrip("s"), bare.rstrip("es"), bare[:-1] if bare.endswith("e") else bare}
    return not any(is_plain_word(ctx, stem) for stem in stems) and not ctx.lexicons.is_first_name(bare)


def _handle_ok(ctx: DetectionContext, token: str) -> bool:
    """A chat handle: "s.kerhervé" (initials and a dot), "jmarchal" (no word), "f.le-bihan"."""
    key = fold_key(token)
    head, dot, rest = key.partition(".")
    if dot:
        rest_word = rest.replace("-", "").replace("'", "")
        return (
            len(head) <= 3
            and len(rest_word) >= 3
            and not is_plain_word(ctx, rest)
            or (len(head) <= 3 and ctx.lexicons.is_surname(rest_word))
        )
    return len(key) >= 5 and _free_token(ctx, token)


@recognizer("login_layout", 86)
def find_login_layouts(ctx: DetectionContext) -> list[Span]:
    """Logins in chat speaker slots, signed record lines, audit and desk labels, brackets."""
    text = ctx.text
    spans: list[Span] = []
    if "[" in text:
        for m in _CHAT_HANDLE.finditer(text):
            if _handle_ok(ctx, m.group("login")):
                spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.85, "login_layout"))
    if "(" in text:
        for m in _STAMP_ROLE.finditer(text):
            token = m.group("login")
            role = _CARE_ROLE.fullmatch(m.group("role").strip())
            if (token.isupper() or token.islower()) and role and _free_token(ctx, token):
                spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.85, "login_layout"))
        for m in _BRACKETED.finditer(text):
            token = m.group("login")
            if _free_token(ctx, token) and is_name_login(ctx, token, first_names=True):
                spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.8, "login_layout"))
    for m in prefixed_finditer(_DESK_LABEL, text, ctx.folded):
        group = "login" if m.group("login") else "upper"  # after a bare space, capitals only
        if _free_token(ctx, m.group(group)):
            spans.append(Span(m.start(group), m.end(group), "NOM", 0.85, "login_layout"))
    return spans
