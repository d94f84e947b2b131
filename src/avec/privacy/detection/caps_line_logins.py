"""Lower-case user names in the capitals lines of old system printouts.

"FRAPPE LE 14/02/2017 PAR jdurand", "TRAITE PAR : mleroux LE 08/09/2021", "REIMPRESSION ETIQUETTE -
DEMANDE pmartin - 18/07/2023", "CONTROLE hbaumann", "EXEC LE 02/03/2014 PAR sgarnier SUR BASE":
a line printed in capitals by the system, where the only lower-case word, right after an author
word, is the login of the person who typed, asked, checked or ran it.
"""

from __future__ import annotations

import re

from avec.privacy.detection.logins import _is_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# An author word of a printout, then an optional colon, then the lower-case login.
_AUTHOR_LOGIN = re.compile(
    r"\b(?:PAR|DEMAND[EÉ]E?|CONTR[OÔ]L[EÉ]E?|OP[EÉ]RATEUR|UTILISATEUR|USER|AGENT|VISA|OPER)"
    r"[ \t]*:?[ \t]*(?P<login>[a-z][a-z0-9._-]{3,20})(?![\w@'’])"
)


@recognizer("caps_line_login", 82)
def find_caps_line_logins(ctx: DetectionContext) -> list[Span]:
    """A login after an author word in a line whose other words are all in capitals."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_AUTHOR_LOGIN, text, ctx.folded):
        a = m.start("login")
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", a)
        rest = text[m.end("login") : len(text) if line_end < 0 else line_end]
        if re.search(r"[a-zà-ÿ]", text[line_start:a]) or re.search(r"[a-zà-ÿ]{2}", rest):
            continue  # a sentence in lower case, not a printout line
        token = m.group("login").rstrip(".-_")
        if len(token) < 4 or _is_word(ctx, token) or _is_word(ctx, token.rstrip("s")):
            continue
        spans.append(Span(a, a + len(token), "NOM", 0.82, "caps_line_login"))
    return spans
