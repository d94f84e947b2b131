"""Logins and pseudonyms built from a person's name: "tapé par Martine Koenig (mkoenig)",
"prélevé par LGAUTHIER", "identifiant intranet : ndelattre", "Posté par sandrine42_loire".

A login is an identifier (it names one person), labelled NOM. Hand-written: no library reads
the user names that hospital software prints under a report or that forums show.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# "identifiant intranet : ndelattre", "identifiant logiciel créé : jdupont",
# "login: jdupont", "Utilisateur = m.martin", "pseudo : Zaza77".
_LOGIN_LABEL = re.compile(
    r"(?i)(?<![\w])(?:identifiant|login|user(?:name)?|utilisateur|op[ée]rat(?:eur|rice)|pseudo|nom\s+d['’]utilisateur|"
    r"compte\s+(?:utilisateur|windows|intranet)|session)(?:[ \t]+[\w-]{2,12}){0,2}[ \t]*[:=][ \t]*"
    r"(?P<login>[A-Za-z][\w.-]{2,40})(?![\w@-])"
)
# "login spage)", "identifiant jdupont": the label without its colon, then one lower-case token.
_LOGIN_BARE = re.compile(
    r"(?i)(?<![\w])(?:login|identifiant|pseudo|session|utilisateur|user|compte|op[ée]rateur)[ \t]+"
    r"(?P<login>(?-i:[a-z][a-z0-9._-]{3,30}))(?![\w@-])"
)
# Software and forums sign entries: "tapé par", "saisi par", "posté par", "prélevé ... par".
_BY = re.compile(r"(?i)(?<![\w])(?:par|by|auteur[ \t]*:|de[ \t]*:)[ \t]+(?P<login>[A-Za-z][\w.-]{3,40})(?![\w@'’-])")
# An audit trail: a recording verb, then "par" and a lower-case user name, colon or not:
# "Saisi par : cpouliquen", "Créé le 04/06/2024 par glarralde", "saisi dans le logiciel par : mstoltz",
# "résultats téléphonés au dr X le 28/03 par ptomasi".
_AUDIT_BY = re.compile(
    r"(?i)(?<![\w])(?:saisi|cr[ée][ée]|valid[ée]|modifi[ée]|r[ée]dig[ée]|tap[ée]|enregistr[ée]|cl[ôo]tur[ée]|"
    r"sign[ée]|ouvert|mis\s+[àa]\s+jour|g[ée]n[ée]r[ée]|transcrit|dict[ée]|relu|v[ée]rifi[ée]|supprim[ée]|"
    r"fusionn[ée]|imprim[ée]|[ée]dit[ée]|annul[ée]|archiv[ée]|export[ée]|scann[ée]|num[ée]ris[ée]|compl[ée]t[ée]|"
    r"renseign[ée]|trac[ée]|horodat[ée]|cod[ée]|import[ée]|attribu[ée]|affect[ée]|admis|accueilli|"
    r"t[ée]l[ée]phon[ée]|transmis|communiqu[ée]|envoy[ée]|fax[ée]|re[çc]u|effectu[ée]|pr[ée]lev[ée])e?s?(?![\w'’-])"
    r"(?-i:(?:[^\n.;!?]|\.(?![ \t]))){0,50}?"
    r"[ \t]par(?:[ \t]*:[ \t]*|[ \t]+)(?P<login>(?-i:[a-z][a-z0-9._-]{3,30}|[A-Z][A-Z0-9._]{4,30}))(?![\w@'’-])"
)
# ("plaie ouverte. Débridement réalisé, décharge par orthoplastie": the verb and "par" stay in one
# sentence.) A care act named by its medical suffix is no login: "par orthoplastie", "par
# angioplastie", "par coelioscopie", "par hémodialyse".
_CARE_ACT = re.compile(
    r"(?:plastie|therapie|scopie|tomie|stomie|graphie|metrie|pexie|lyse|phagie|rragie|plegie|pathie|"
    r"algie|these|logie|centese|sclerose|fixateur|orthese|prothese)s?$"
)
# A legend of signatures: "abamba = Awa Bamba".
_LEGEND = re.compile(
    r"(?<![\w.-])(?P<login>[a-z][a-z0-9._-]{3,30})[ \t]*=[ \t]*"
    r"(?P<first>[A-ZÀ-Ý][\w'’-]+)[ \t]+(?P<last>[A-ZÀ-Ý][\w'’-]+)"
)
# A time, a dash, then a lower-case user name closing the line: "Clôture 07:58 - cdumollard".
_TIME_DASH_LOGIN = re.compile(
    r"(?m)\d{1,2}[:h]\d{2}(?::\d{2})?[ \t]*[-–|][ \t]*(?P<login>[a-z][a-z0-9._-]{4,30})[ \t]*$"
)
# An audit field, then a colon and a lower-case user name: "Saisie : hbaumann le 03/12",
# "Rédacteur : mleroy", "Créé par : jdoe", "Visa : aguerin", "IOA : slemaire".
_AUDIT_LABEL = re.compile(
    r"(?i)(?<![\w])(?:saisie?|cr[ée]ation|cr[ée][ée]e?|modif(?:ication|i[ée]e?)?|valid(?:ation|[ée]e?)|"
    r"r[ée]dact(?:eur|rice|ion)|auteur|agent|visa|signataire|(?-i:IOA|IAO)|derni[èe]re[ \t]+modif\w*)"
    r"(?:[ \t]+par)?[ \t]*\Z"
)
# The colon and the lower-case token are searched first (a pattern opening with ":" is fast).
_COLON_LOWER = re.compile(r":[ \t]*(?P<login>[a-z][a-z0-9._-]{3,30})(?![\w@'’-])")
# A cell of a delimited export holding a lower-case user name: "...;TRAUMA GENOU;4;jbonnaz".
_EXPORT_CELL = re.compile(r"(?m)[;|\t][ \t]*(?P<login>[a-z][a-z0-9._-]{3,30})[ \t]*(?=[;|\t\r]|$)")
# A login in brackets right after the name it is made of: "Martine Koenig (mkoenig)", "[mkoenig]".
_PAREN = re.compile(r"[(\[][ \t]*(?P<login>[a-z][a-z0-9._-]{3,30})[ \t]*[)\]]")
_NAME_BEFORE = re.compile(r"(?P<first>[A-ZÀ-Ý][\w'’-]+)[ \t]+(?P<last>[A-ZÀ-Ý][\w'’-]+)[ \t]*$")
# A record number, not a user name: capitals and at least four digits in groups ("U-2024-0412").
_RECORD_SHAPE = re.compile(r"(?=(?:\D*\d){4})[A-Z]{1,6}[-/.]?\d+(?:[-/.]\d+)*")
# A pseudonym's parts: letters, then digits, underscores or dots ("sandrine42_loire", "jp.martin").
_PARTS = re.compile(r"[a-zà-ÿ]+", re.IGNORECASE)


# Relative pronouns after "par" ("le courrier reçu le 6, par lequel vous sollicitez").
_PRONOUNS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "duquel", "auquel", "celui", "celle", "ceux"})


def _is_word(ctx: DetectionContext, token: str) -> bool:
    """An ordinary word, acronym or drug: "(traitement)", "par VOIE", "par IRM", "par orthoplastie"."""
    lex = ctx.lexicons
    return (
        token.lower() in _PRONOUNS
        or _CARE_ACT.search(fold_key(token)[-12:]) is not None
        or lex.is_common(token)
        or is_acronym(token)
        or is_protected_word(token, ctx.protected)
        or is_stop_word(token)
        or lex.is_country(token)
        or fold_key(token) in lex.communes
    )


_WORD_AFTER = re.compile(r"[ \t]+(?P<word>[a-z]\.|[a-zà-ÿ]{3,})(?![\w'’-])")


def _first_name_and_surname(ctx: DetectionContext, token: str, end: int) -> bool:
    """A known first name followed by an initial or a surname that is no ordinary word."""
    lex = ctx.lexicons
    if not lex.is_first_name(token) or (after := _WORD_AFTER.match(ctx.text, end)) is None:
        return False
    word = after.group("word")
    return word.endswith(".") or lex.is_surname(word) or not (lex.is_common(word) or is_stop_word(word))


def _initial_and_surname(ctx: DetectionContext, token: str) -> bool:
    """ "LGAUTHIER", "jdupont", "mcmartin": one or two initials glued to a known surname."""
    key = fold_key(token)
    if not key.isalpha() or len(key) < 5:
        return False
    return any(ctx.lexicons.is_surname(key[k:]) and len(key) - k >= 4 for k in (1, 2))


def _initial_and_capitalised(ctx: DetectionContext, token: str) -> bool:
    """ "jbonnaz" when "Bonnaz" or "BONNAZ" is written elsewhere in the document: initials and a name."""
    key = fold_key(token)
    if not key.isalpha():
        return False
    folded, text = ctx.folded, ctx.text
    for k in (1, 2):
        rest = key[k:]
        if len(rest) < 4:
            continue
        pos = folded.find(rest)
        while pos >= 0:
            end = pos + len(rest)
            bounded = (pos == 0 or not folded[pos - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum())
            if bounded and text[pos].isupper():
                return True
            pos = folded.find(rest, end)
    return False


def _export_logins(ctx: DetectionContext) -> list[Span]:
    """Lower-case user names in the cells of a delimited export or log (two separators or more on the line).

    A cell is a login when it is made of a name ("slemaire", "jbonnaz" beside "J. Bonnaz"); then
    every other lower-case cell of the same column that is no ordinary word is one too.
    """
    text = ctx.text
    candidates: list[tuple[int, int, tuple[str, int]]] = []
    columns: set[tuple[str, int]] = set()
    for m in _EXPORT_CELL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        sep = max(";|\t", key=line.count)
        if line.count(sep) < 2:
            continue
        token = m.group("login").rstrip(".-")
        if _is_word(ctx, token) or _is_word(ctx, token.rstrip("s")):
            continue
        column = (sep, text.count(sep, line_start, m.start()))
        candidates.append((m.start("login"), m.start("login") + len(token), column))
        if _initial_and_surname(ctx, token) or _initial_and_capitalised(ctx, token) or _pseudonym(ctx, token):
            columns.add(column)
    return [Span(a, b, "NOM", 0.82, "login") for a, b, column in candidates if column in columns]


def _pseudonym(ctx: DetectionContext, token: str) -> bool:
    """ "sandrine42_loire", "jean.dupont", "marc_84": a name with digits, dots or underscores."""
    if not re.search(r"[\d_.]", token) or re.fullmatch(r"[\d_.-]+", token[1:]) or re.search(r"\.\.", token):
        return False
    lex = ctx.lexicons
    parts = _PARTS.findall(token)
    return any(len(p) >= 3 and (lex.is_first_name(p) or lex.is_surname(p)) and not is_acronym(p) for p in parts)


@recognizer("login", 86)
def find_logins(ctx: DetectionContext) -> list[Span]:
    """User names made of a person's name, after a login label, after "par", or in brackets."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_LOGIN_LABEL, text, ctx.folded):
        token = m.group("login")
        if _RECORD_SHAPE.fullmatch(token):
            continue  # "Identifiant usager : U-2024-0412": a record number (reference_numbers.py), no login
        if not _is_word(ctx, token) and not token.isdigit():
            spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.85, "login"))
    for m in prefixed_finditer(_LOGIN_BARE, text, ctx.folded):
        token = m.group("login").rstrip(".-")
        if _initial_and_surname(ctx, token) or _pseudonym(ctx, token) or not _is_word(ctx, token):
            spans.append(Span(m.start("login"), m.start("login") + len(token), "NOM", 0.8, "login"))
    for m in prefixed_finditer(_BY, text, ctx.folded):
        token = m.group("login").rstrip(".-")  # "gérée par Samia.": the full stop ends the sentence
        # "par LGAUTHIER", "généré par mbrunet": initials glued to a known surname
        glued = (token.isupper() or token.islower()) and _initial_and_surname(ctx, token)
        if (glued and not _is_word(ctx, token)) or _pseudonym(ctx, token):
            spans.append(Span(m.start("login"), m.start("login") + len(token), "NOM", 0.8, "login"))
    if " par" in text or " PAR" in text or "Par" in text:
        for m in prefixed_finditer(_AUDIT_BY, text, ctx.folded):
            token = m.group("login").rstrip(".-")
            if _first_name_and_surname(ctx, token, m.end("login")):
                continue  # "rédigé par hugo mercier", "par nina c.": a person written out, no login
            if not _is_word(ctx, token) and not _is_word(ctx, token.rstrip("s")):
                spans.append(Span(m.start("login"), m.start("login") + len(token), "NOM", 0.85, "login"))
    if ":" in text:
        for m in _COLON_LOWER.finditer(text):
            if not _AUDIT_LABEL.search(text, max(0, m.start() - 28), m.start()):
                continue
            token = m.group("login").rstrip(".-")
            if not _is_word(ctx, token) and not _is_word(ctx, token.rstrip("s")):
                spans.append(Span(m.start("login"), m.start("login") + len(token), "NOM", 0.85, "login"))
    if ";" in text or "|" in text or "\t" in text:
        spans.extend(_export_logins(ctx))
    for m in _TIME_DASH_LOGIN.finditer(text):
        token = m.group("login").rstrip(".-")
        if not _is_word(ctx, token) and not _is_word(ctx, token.rstrip("s")):
            spans.append(Span(m.start("login"), m.start("login") + len(token), "NOM", 0.8, "login"))
    if "=" in text:
        for m in _LEGEND.finditer(text):
            key, first, last = fold_key(m.group("login")), fold_key(m.group("first")), fold_key(m.group("last"))
            if last and last in key and (key.startswith(first[:1]) or key.startswith(last)):
                spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.85, "login"))
    if "(" in text or "[" in text:
        for m in _PAREN.finditer(text):
            token = m.group("login")
            name = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if name is None or _is_word(ctx, token):
                continue
            key, last = fold_key(token), fold_key(name.group("last"))
            first = fold_key(name.group("first"))
            # "(mkoenig)", "(martine.koenig)", "(koenigm)": built from the name just before.
            if last and last in key and (key.startswith(first[:1]) or key.startswith(last)):
                spans.append(Span(m.start("login"), m.end("login"), "NOM", 0.85, "login"))
    return spans
