"""Operator logins in capitals in the column of a dated log line: "03/11/2026 14:02  appel
volontaire   SLEFEVRE   abonnée veut parler", "09:15  appel de courtoisie AROUSSEL   RAS".

The token is one or two initials glued to a known surname (``login_tokens.is_name_login``), never an
ordinary word, first name, acronym, drug or commune, and a column gap or the line end follows it.
Logins are ``NOM``. Hand-written: a layout of telecare and call-centre logs.
"""

from __future__ import annotations

import re

from avec.privacy.detection.login_tokens import is_name_login, is_plain_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# A line opening with a date or a time, then the token before a column gap or the line end.
_LOG_LINE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)?\d{1,2}[:h]\d{2}\b[^\n]*")
_CAPS_TOKEN = re.compile(r"(?<![\w'’./@-])[A-Z]{5,25}(?=[ \t]{2,}\S|\t|[ \t]*$)", re.M)


@recognizer("login_column", 82)
def find_login_columns(ctx: DetectionContext) -> list[Span]:
    """Logins in capitals in the columns of dated log lines."""
    text = ctx.text
    if ctx.all_caps or ":" not in text:
        return []
    spans: list[Span] = []
    checked: dict[str, bool] = {}
    for line in _LOG_LINE.finditer(text):
        for m in _CAPS_TOKEN.finditer(text, line.start(), line.end()):
            token = m.group()
            if token not in checked:
                checked[token] = not is_plain_word(ctx, token) and is_name_login(ctx, token)
            if checked[token]:
                spans.append(Span(m.start(), m.end(), "NOM", 0.75, "login_column"))
    return spans
