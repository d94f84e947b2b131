"""Dates in every French form, with birth dates told apart by their context."""

from __future__ import annotations

import datetime as dt
import re

from avec.privacy.detection.bounded_search import (
    bounded_finditer,
    separator_after_digit_anchor,
    slash_anchor,
    year_after_space_anchor,
)
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.tables import split_cells
from avec.privacy.spans import Span

MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "février": 2,
    "fevr": 2,
    "févr": 2,
    "fev": 2,
    "fév": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "août": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "décembre": 12,
    "dec": 12,
    "déc": 12,
}
_FULL = [
    "janvier",
    "fevrier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "décembre",
]
_ABBR = [m for m in MONTHS if m not in _FULL]
_MONTH = (
    r"(?P<month>(?:"
    + "|".join(sorted(_FULL, key=len, reverse=True))
    + r")(?![\w])|(?:"
    + "|".join(sorted(_ABBR, key=len, reverse=True))
    + r")(?:\.|(?![\w])))"
)
_DAYNAME = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_DAY = r"(?P<day>1\s?er|1er|1ᵉʳ|1re|1ère|premier|0?[1-9]|[12]\d|3[01])"

_PATTERNS = [
    # 12/03/2024, 12-03-24, 12.03.2024, 12 / 03 / 2024
    re.compile(
        r"(?<![\d/.\-])(?P<day>0?[1-9]|[12]\d|3[01])"
        + r"(?P<sep>\s?[/.\-]\s?)"
        + r"(?P<mnum>0?[1-9]|1[0-2])(?P=sep)(?P<year>(?:18|19|20)\d{2}|\d{2})(?![\d/]|\.\d)"
    ),
    # 2024-03-12 (ISO)
    re.compile(r"(?<![\d\-])(?P<year>(?:19|20)\d{2})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"),
    # 12 mars 2024, 1er avril, lundi 3 mars, 12 MARS 2024
    # ... and a two-digit year: "12 mars 24", "2 avr. 25" (not "3 mars 50 mg", "12 mars 10 h")
    re.compile(
        r"(?i)(?<![\w])" + _DAYNAME + _DAY + r"\s+" + _MONTH + r"(?:\s+(?P<year>(?:18|19|20)\d{2}|\d{2}"
        r"(?![\w,.:/]|\s*(?:h\b|heures?|ans?\b|mg|ml|g\b|kg|%|min|jours?|fois|patients?|cp))))?(?![\w])"
    ),
    # mars 2024, en janvier 2023
    re.compile(r"(?i)(?<![\w])" + _MONTH + r"\s+(?P<year>(?:18|19|20)\d{2})(?!\d)"),
    # 12032024 after a date word is rare; "le 3/4", "du 12/03", "au 15.03"
    re.compile(
        r"(?im)(?:(?<![\w])(?:le|du|au|depuis le|jusqu'au|dès le|des le|vu le|ce|avant le|après le|"
        r"depuis|entre le|et le|J\d+\s*:?|né(?:e)? le|née? le|lundi|mardi|mercredi|jeudi|vendredi|"
        r"samedi|dimanche|(?:lun|mar|mer|jeu|ven|sam|dim)\.?)\s+|^[ \t•*-]*)"
        r"(?P<day>0?[1-9]|[12]\d|3[01])[ \t]?[/.][ \t]?(?P<mnum>0?[1-9]|1[0-2])(?![\d/]|\.\d)"
    ),
]
# "mars 2024" matches end on a year after white space and start at most 10 characters before the
# white space (the month): searched near such years only (see bounded_search).
_NEAR_YEAR = year_after_space_anchor(10)


# Searched near their separator only: "12/03/2024" starts at most 3 characters before its first
# separator and ends, lookahead included, 14 after it; "le 3/4" (an introducing word of at most 9
# characters, white space or bullets before the day) ends, lookahead included, 8 after it.
_ANCHORS = {
    0: separator_after_digit_anchor("/.-", 3, 14),
    3: _NEAR_YEAR,
    4: separator_after_digit_anchor("/.", 3, 8, intro=9),
}


# "00/00/1956", "00/05/1966", "XX/XX/1950": a date (often of birth) whose day or month is unknown.
_UNKNOWN_PARTS = re.compile(
    r"(?<![\d/.\-])(?P<day>00|XX|xx|\?\?|0?[1-9]|[12]\d|3[01])(?P<sep>[/.\-])(?P<mnum>00|XX|xx|\?\?|0?[1-9]|1[0-2])"
    r"(?P=sep)(?P<year>(?:18|19|20)\d{2})(?![\d/])"
)
# "née le 19 10 1947", "DDN : 03 02 1950": spaces for separators, only after a date word; a
# two-digit year only after a birth word ("né le 12 03 50").
_SPACE_SEPARATED = re.compile(
    r"(?i)(?:\b(?:le|du|au|date|ddn|naissance|n[ée]e?(?:\s*\(e\))?\s+le)\s*:?\s+)"
    r"(?P<day>0?[1-9]|[12]\d|3[01]) (?P<mnum>0?[1-9]|1[0-2]) (?P<year>(?:18|19|20)\d{2})(?![\d/]| \d)"
    r"|(?i:\b(?:ddn|naissance|n[ée]e?(?:\s*\(e\))?\s+le)\s*:?\s+)"
    r"(?P<day2>0[1-9]|[12]\d|3[01]) (?P<mnum2>0[1-9]|1[0-2]) (?P<year2>\d{2})(?![\w/]| \d)"
)
# "07/03/2024-08/03/2024", "12/03 – 15/03": the date after the dash of a range.
_DASHED_PAIR = re.compile(
    r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])(?:[/.](?:(?:19|20)\d{2}|\d{2}))?[ \t]?[-–][ \t]?"
    r"(?P<second>(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<m>0?[1-9]|1[0-2])(?:(?P=sep)(?:(?:19|20)\d{2}|\d{2}))?)"
    r"(?![\d/]|[.,]\d)"
)
# The time of an ISO 8601 timestamp, glued to its date by "T".
_ISO_TIME = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\w:])")
_HAS_UNKNOWN_PART = re.compile(r"(?:00|XX|xx|\?\?)[/.\-]")
_HAS_SPACE_SEPARATED = re.compile(r"\d \d{1,2} \d\d")
# Needed by _DASHED_PAIR, and found fast (it opens on a digit, not on a lookbehind).
_DASH_BETWEEN_DIGITS = re.compile(r"\d[ \t]?[-–][ \t]?\d")
# "appeler le 15", "faire le 18": an emergency number (SAMU 15, pompiers 18, police 17), not a day.
# "renvoyer vers le 15", "orienter vers le 15", "passer par le 15": the same after a routing verb;
# "04 90 49 29 00, ou le 15": the other number to call after a phone number.
_EMERGENCY_BEFORE = re.compile(
    r"(?i)\b(?:appel(?:er|ez|le|lez|ons|é|ée|ant)?|compos(?:er|e|ez)|joindre|contacter|pr[ée]venir|alert(?:er|e|é)|"
    r"(?:renvoy|orient|redirig|adress)\w*\s+vers|vers|par|via|(?:(?<=\d\d\s)|(?<=\d\d,\s))ou)\s+le\s+\Z"
)
# "le 15 ou le 112", "le 15/112", "le 15 (SAMU)": another emergency number or the service after it.
_EMERGENCY_AFTER = re.compile(
    r"(?i)\s*(?:(?:/|ou|et)\s*(?:le\s+|au\s+)?11[2-9]\b|/\s*(?:au\s+)?1[578]\b|\(?\s*samu\b|\(?\s*centre\s+15)"
)
_EMERGENCY_NUMBERS = {"15", "17", "18"}
# "contactez le service de jour ou, la nuit et le week-end, le 15.": a calling verb opens the clause and
# "ou" (maybe with an insert between commas) offers the number as the other one to call.
_CALL_CLAUSE = re.compile(
    r"(?i)\b(?:appel\w*|t[ée]l[ée]phon\w*|contact\w*|compos\w*|joindre|joignez|pr[ée]ven\w*|alert\w*)\b"
    r"[^.!?]*\bou\b\s*(?:,[^,.!?\n]{1,40},[ \t]*)?le\s+\Z"
)


def is_emergency_number(text: str, start: int, end: int) -> bool:
    """True when the bare day at ``start:end`` is an emergency number ("renvoyer vers le 15 ou le 112")."""
    if text[start:end] not in _EMERGENCY_NUMBERS:
        return False
    if _EMERGENCY_BEFORE.search(text[max(0, start - 30) : start]) or _EMERGENCY_AFTER.match(text, end):
        return True
    return bool(_CALL_CLAUSE.search(text[max(0, start - 120) : start]))


# "depuis le 9.", "le 10, rappeler": a day of the current month.
_BARE_DAY = re.compile(
    r"(?i)(?<![\w])(?:le|depuis\s+le|jusqu['’]au|avant\s+le|après\s+le|dès\s+le|des\s+le|[àa]\s+partir\s+du|"
    r"d['’]ici\s+au|d['’]ici\s+le|au\s+plus\s+tard\s+le)\s+"
    r"(?P<day>1er|0?[1-9]|[12]\d|3[01])(?=\s*[,.;:)]|\s*(?:->|→|–|—)|\s+-\s|\s+(?:au|et|ou)\s|[ \t]*(?:\n|$)"
    # (round 19: "vient le 24 à 10h", "le 12 puis le 14", "décédée le 19 !", "le 17 [NB : ...]")
    r"|[ \t]+à[ \t]+\d{1,2}[ \t]?h|[ \t]+puis[ \t]+le\s|[ \t]*!|[ \t]+\[)"
)
# "21/02" (zero-padded month) is a date even without an introducing word; so are "9/05" and, with a
# zero-padded day, "04/12" (round 19: 96 such forms in the hand-written sets, every one a date;
# "10/10", "12/11" stay out: an acuity, a score or a blood pressure as often as a date).
_PADDED_DAY_MONTH = re.compile(
    r"(?<![\d/.,\w])(?P<day>0?[1-9]|[12]\d|3[01])/(?P<mnum>0[1-9]|(?<=0\d/)1[0-2])(?![\d/]|\.\d)"
)
# A measure's name before such a form ("EVA 07/10", "AV OD 08/10", "Apgar 9/09"), or a lone letter (an
# eye's side "D 08/10 G 07/10", a weekday's letter in a single cell "| L 07/10 |"): no date.
_MEASURE_BEFORE = re.compile(
    r"(?i)(?:\b(?:eva|en|av|avc|asc|od|og|odg|vision|acuit[ée]|apgar|scores?|notes?|cot[ée]e?s?|ta|pa|glasgow|"
    r"ratio|dilution)|(?<![\w'’])[a-z])[ \t]*[:=]?[ \t]*\Z"
)
# OCR glued the introducing word to the date: "envoyé le09/12", "le2 décembre", "Le lundi10 février".
_GLUED_INTRO = re.compile(
    r"(?i)(?<![\w])(?:le|du|au|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"(?P<day>0?[1-9]|[12]\d|3[01])(?:[/.](?P<mnum>0?[1-9]|1[0-2])(?:[/.](?:(?:19|20)\d{2}|\d{2}))?(?![\d/]|[.,]\d)"
    r"|[ \t]+" + _MONTH + r"(?:[ \t]+(?:19|20)\d{2})?(?![\w]))"
)
# "du 12 au 15 mars 2024", "du 16 au 18/10": the first day is a date too.
_RANGE = re.compile(
    r"(?i)(?<![\w])(?:du|entre\s+le)\s+(?P<day>0?[1-9]|[12]\d|3[01]|1er)\s+(?:au|et\s+le)\s+"
    r"(?:0?[1-9]|[12]\d|3[01])(?:\s+" + _MONTH + r"|\s?[/.]\s?(?:0?[1-9]|1[0-2])(?!\d))"
)
_BIRTH_CONTEXT = re.compile(
    r"(?i)(?:\bn(?:[ée]|Ã©)e?\s*(?:\([ ]?e[ ]?\))?\s*[lI]e|(?-i:(?<=[a-zà-ÿ])N[ée]e?\s*le)|\bn[ée]\(e\)\s*le|"
    r"\bn[ée]e?\s*:|date\s+de\s+naissance|\bn[ée]e?s\s+le|date[\s_]+(?:de[\s_]+)?naiss(?:\.|\b)|"
    r"\bD\.?D\.?N\.?\b|\bDN\s*:|(?-i:\bDN)|(?<!con)naissance\s*:?|\bné(?:e)?\s+en|\bnée?\s*\(?e?\)?\s*:?|"
    # (OCR "Né( e) le :", "(DN 14/11/1939)", a weekday: "a donné naissance le samedi 16 mars 2024";
    # "perte de connaissance le 29/12" is no birth)
    # (a key/value table row: "| Né le        | 19/12/1975 |", round 18)
    r"birth|\bDOB\b|\bné\(e\)\s*:?)\s*(?:le\s+)?[:\-|;=]?\s*(?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]{0,5}\.?\s+)?$"
)
# "DDN mère :", "Date de naissance de l'enfant :": a birth label naming whose birth, then a colon.
_BIRTH_OF_WHOM = re.compile(
    r"(?i)(?:\bD\.?D\.?N\.?|date\s+de\s+naissance|\bn[ée]e?\s*(?:\(e\))?\s*le)"
    r"(?:\s+(?:du|de\s+la|de\s+l['’]|de|des)?\s*[^\W\d_][\w-]{1,14}){1,2}\s*:\s*$"
)
# "DDN saisie 07/04/1999", "date de naissance corrigée au 14/02/1954", "DDN vérifiée sur CNI :
# 23/11/1965", "ma date de naissance c'est le 02/07/1986": a birth label, a few words about it (no
# other date's noun), then the date (round 18: 9 such dates in 7 older sets were plain DATE).
_BIRTH_WORDS_BEFORE = re.compile(
    r"(?i)(?:\bD\.?D\.?N\.?|date\s+de\s+naissance)"
    r"(?:\s+(?!(?:date|entr[ée]e|admission|hospitalisation|sortie|d[ée]c[èe]s|venue|consultation|rdv|et|puis)\b)"
    r"[^\W\d_][\w'’-]{0,14}){1,4}\s*(?::|\(|=|au|c['’]est\s+le|est\s+le)?\s*$"
)
_WITH_YEAR = re.compile(
    r"[\dOl]{1,2}[ \t]?[/.\-][ \t]?[\dOl]{1,2}[ \t]?[/.\-][ \t]?[\dOl]{2,4}|\d{4}-\d\d-\d\d|\w+ \w+\.? \d{4}"
)
# "née KERDRAON le 12/02/1931", "née ROUSSEL, le 30/04/1987", "NEE CHAUVEAU LE 03/06/1940": the
# maiden name between "née" and the date.
# "Mme X Agnès (née PAGE), 04/05/1966": the date right after a maiden name in brackets.
_BIRTH_AFTER_MAIDEN = re.compile(
    r"\b(?i:n[ée]e)\s+(?:[A-ZÀ-Ý][\w'’\-]+\s*){1,3},?\s+(?i:le)\s*$|\(\s*n[ée]e\s+(?:[A-ZÀ-Ý][\w'’\-]+\s*){1,2}\)\s*,\s*$"
)


def parse_date(value: str) -> dt.date | None:
    """Parse a French date surface form (``12/03/2024``, ``12 mars 2024``); None if partial."""
    text = value.strip().lower()
    m = re.fullmatch(r"(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{2}|\d{4})", text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if m:
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            m = re.search(r"(1\s?er|premier|\d{1,2})\s+([a-zéû]+)\.?\s+(\d{4})", text)
            if not m or m.group(2) not in MONTHS:
                return None
            raw_day = m.group(1)
            day = 1 if not raw_day.isdigit() else int(raw_day)
            month, year = MONTHS[m.group(2)], int(m.group(3))
    if year < 100:
        year += 1900 if year > 30 else 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_BIRTH_PAREN = re.compile(
    r"(?i)(?:(?:\bn[ée]e?\b|\bddn\b|\bpatient|\br[ée]sident|\benfant|\bassur[ée]).*|"
    r"(?:\bM\.|\bMme|\bMadame|\bMonsieur|\bMlle)\s+[^()\n,;]{2,40})\(\s*$"
)


def _is_birth(text: str, start: int) -> bool:
    before = re.sub(r"\.{2,}|…+", " ", text[max(0, start - 60) : start])[-40:]  # dotted leaders
    if _BIRTH_CONTEXT.search(before) or _BIRTH_OF_WHOM.search(before):
        return True
    if _BIRTH_AFTER_MAIDEN.search(before):
        # "née KOWALCZYK, le 17/01 à 8h30": a maiden name, then a day without its year, is a meeting
        # (round 19); "née ROUSSEL, le 30/04/1987" is a birth.
        return bool(_WITH_YEAR.match(text, start))
    low = before.lower()  # (a substring test first: the word pattern is tried on few dates, speed)
    if (
        ("ddn" in low or "d.d.n" in low or "naissance" in low)
        and _BIRTH_WORDS_BEFORE.search(before)
        and _WITH_YEAR.match(text, start)
    ):
        return True  # ("DDN fictive 01/01": a day and a month alone stay a date)
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_BIRTH_PAREN.search(text[max(line_start, start - 80) : start]))


def is_birth_context(text: str, start: int) -> bool:
    """True when the date starting at ``start`` follows a birth context ("née le", "DDN :"...)."""
    return _is_birth(text, start)


# "Apgar 10/10/10", "score 7/8/9", "Apgar ...... 8 / 10 / 10": a series of scores, not a date.
# (on the same line: "je note\n24/03/2025 18:40" is a dated chat line, not a score)
# A dotted leader may stand between ("Apgar ........ 8 / 10 / 10", a form's layout).
_SCORE_BEFORE = re.compile(r"(?i)\b(?:apgar|scores?|cot[ée]e?s?|notes?)[ \t.…]*(?:de[ \t]+|[:=à][ \t]*)?\Z")


def _score_before(text: str, start: int) -> bool:
    """True when a score's name ends just before ``start`` ("Apgar 10/10/10", "Apgar ..... 8 / 10 / 10");
    the leader's dots are skipped first so that the window stays short."""
    j = start
    while j > 0 and text[j - 1] in " \t.…" and start - j < 80:
        j -= 1
    return _SCORE_BEFORE.search(text[max(0, j - 20) : start]) is not None


def _valid_month(m: re.Match[str]) -> bool:
    month = m.groupdict().get("month")
    if month is None:
        return True
    return month.rstrip(".").lower() in MONTHS


# A page's number alone on its line, set off by spaces or pushed to the right margin ("      1 / 2"),
# or between dashes ("- 1/1 -"). Read on the match's own line only (speed).
_PAGE_ALONE = re.compile(r"(?P<lead>[ \t]*)(?P<n>\d{1,2})(?P<gap>[ \t]*)/[ \t]*(?P<of>\d{1,2})[ \t]*")
_PAGE_DASHED = re.compile(r"-[ \t]?(?P<n>\d{1,2})/(?P<of>\d{1,2})[ \t]?-(?![\w/])")


def _is_page_number(text: str, start: int) -> bool:
    """True when the day/month starting at ``start`` is a page's number "n / m" (n at most m)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    m = _PAGE_ALONE.fullmatch(line)
    if m and (m.group("gap") or len(m.group("lead").expandtabs()) >= 10):
        return int(m.group("n")) <= int(m.group("of"))
    dash = text.rfind("-", max(line_start, start - 2), start)
    if dash < 0 or (dash > 0 and (text[dash - 1].isalnum() or text[dash - 1] in "/-_")):
        return False
    m = _PAGE_DASHED.match(text, dash)
    return bool(m and m.start("n") == start and int(m.group("n")) <= int(m.group("of")))


@recognizer("date", 70)
def find_dates(ctx: DetectionContext) -> list[Span]:
    """Dates (DATE) and birth dates (DATE_NAISSANCE, told by "née le", "DDN", ...)."""
    text = ctx.text
    spans: list[Span] = []
    for i, rx in enumerate(_PATTERNS):
        anchor = _ANCHORS.get(i)
        for m in bounded_finditer(rx, text, anchor) if anchor else prefixed_finditer(rx, text, ctx.folded):
            if not _valid_month(m):
                continue
            if rx is _PATTERNS[0] and _score_before(text, m.start()):
                continue
            # The weekday and the introducing word ("lundi", "le") stay outside the span.
            iso = rx is _PATTERNS[1]
            start = m.start("day") if (m.groupdict().get("day") and not iso) else m.start()
            end = m.end()
            if iso and (clock := _ISO_TIME.match(text, end)):
                end = clock.end()  # "2026-11-29T14:30:00": one timestamp, the time glued to the date
            if rx is _PATTERNS[4] and _is_page_number(text, start):
                continue  # "      1 / 2": the page's number in a letter's footer
            label = "DATE_NAISSANCE" if _is_birth(text, start) else "DATE"
            spans.append(Span(start, end, label, 0.95, "date"))
    if _HAS_UNKNOWN_PART.search(text):
        for m in prefixed_finditer(_UNKNOWN_PARTS, text, ctx.folded):
            if {m.group("day"), m.group("mnum")} & {"00", "XX", "xx", "??"}:
                spans.append(
                    Span(m.start(), m.end(), "DATE_NAISSANCE" if _is_birth(text, m.start()) else "DATE", 0.95, "date")
                )
    for m in prefixed_finditer(_SPACE_SEPARATED, text, ctx.folded) if _HAS_SPACE_SEPARATED.search(text) else ():
        start = m.start("day") if m.group("day") else m.start("day2")
        spans.append(Span(start, m.end(), "DATE_NAISSANCE" if _is_birth(text, start) else "DATE", 0.9, "date"))
    if _DASH_BETWEEN_DIGITS.search(text):  # a date ends before the dash, one starts after it
        for m in prefixed_finditer(_DASHED_PAIR, text, ctx.folded):
            if len(m.group("m")) == 2 or m.group("second").count(m.group("sep")) == 2:  # not "TA 12/8 - 13/7"
                spans.append(Span(m.start("second"), m.end("second"), "DATE", 0.9, "date"))
    spans.extend(_table_birth_dates(text, spans))
    for rx in (_BARE_DAY, _PADDED_DAY_MONTH):
        # (the padded dates through the prefix search, faster there; the bare days are faster plainly)
        for m in prefixed_finditer(rx, text, ctx.folded) if rx is _PADDED_DAY_MONTH else rx.finditer(text):
            day_at = m.start("day")
            if is_emergency_number(text, day_at, m.end("day")):
                continue
            if (
                rx is _PADDED_DAY_MONTH
                and (len(m.group("day")) == 1 or m.group("mnum")[0] == "1")  # the round-19 forms only
                and _MEASURE_BEFORE.search(text, max(0, day_at - 20), day_at)
            ):
                continue
            label = "DATE_NAISSANCE" if _is_birth(text, m.start("day")) else "DATE"
            end = m.end("mnum") if m.groupdict().get("mnum") else m.end("day")
            spans.append(Span(m.start("day"), end, label, 0.85, "date"))
    for m in prefixed_finditer(_GLUED_INTRO, text, ctx.folded):
        if _valid_month(m):
            label = "DATE_NAISSANCE" if _is_birth(text, m.start("day")) else "DATE"
            spans.append(Span(m.start("day"), m.end(), label, 0.85, "date"))
    for m in prefixed_finditer(_RANGE, text, ctx.folded):
        if _valid_month(m):
            spans.append(Span(m.start("day"), m.end("day"), "DATE", 0.9, "date"))
    for m in bounded_finditer(_SPACED_NUMERIC, text, _NEAR_SLASH):
        # OCR output with spaces inside the digits: "2 5 / 1 0 / 2 0 2 4".
        if " " not in m.group(0) or _score_before(text, m.start()):
            continue
        parts = [p.replace(" ", "") for p in m.group(0).split("/")]
        if not (1 <= int(parts[0]) <= 31 and 1 <= int(parts[1]) <= 12 and len(parts[2]) in (2, 4)):
            continue
        if len(parts[2]) == 4 and not parts[2].startswith(("18", "19", "20")):
            continue  # "06/07/26 15h07": a two-digit year, then the hour
        label = "DATE_NAISSANCE" if _is_birth(text, m.start()) else "DATE"
        # Above the plain pattern's score: "1 5/05/2024" must not lose to "5/05/2024".
        spans.append(Span(m.start(), m.end(), label, 0.96, "date"))
    return spans


_SPACED_NUMERIC = re.compile(r"(?<![\d/])(?<!\d )(?:\d ?)?\d ?/ ?(?:\d ?)?\d ?/ ?(?:\d ?\d ?\d ?\d|\d ?\d)(?![\d/])")
# Its matches start at most 4 characters before their first "/" and end, with the lookahead, 17
# after it: searched near each "/" only (see bounded_search), not at every position of the text.
_NEAR_SLASH = slash_anchor(4, 18)


_BIRTH_HEADER = re.compile(
    r"(?i)(?:\bDDN|\bD\.N\.|naissance|n[ée]e?(?:\(e\))?\s*le|date[\s_]+(?:de[\s_]+)?naiss|\bDOB\b|birth)"
)


_PARTIAL_BIRTH_CELL = re.compile(r"(?:(?:0?[1-9]|1[0-2])[/.\-])?(?:18|19|20)\d{2}")
_NAME_HEADER = re.compile(r"(?i)\bnoms?\b|pr[ée]noms?|patronyme")


def _table_birth_dates(text: str, spans: list[Span]) -> list[Span]:
    """In a table (pipes, tabs, semicolons, commas), dates under a "DDN" / "Date de naissance"
    header are birth dates."""
    if "|" not in text and "\t" not in text and ";" not in text and "," not in text:
        return []
    out: list[Span] = []
    offset = 0
    birth_col: int | None = None
    sep = "|"
    for line in text.split("\n"):
        parsed = split_cells(line)
        if parsed is None:
            birth_col = None
        else:
            cells_sep, bounds = parsed
            cells = [line[a:b] for a, b in bounds]
            header = [i for i, c in enumerate(cells) if _BIRTH_HEADER.search(c)]
            if header and not any(ch.isdigit() for ch in line):
                # "Défunt (NOM Prénom, nom de naissance) | Né(e) le": the column naming a name is
                # no birth-date column when another one names the date.
                dated = [i for i in header if not _NAME_HEADER.search(cells[i])]
                birth_col, sep = (dated or header)[0], cells_sep
            elif birth_col is not None and cells_sep == sep and birth_col < len(bounds):
                start, end = offset + bounds[birth_col][0], offset + bounds[birth_col][1]
                cell = text[start:end]
                partial = _PARTIAL_BIRTH_CELL.fullmatch(cell.strip())
                if partial:  # "05/1966", "1956": a birth date known in part
                    a = start + len(cell) - len(cell.lstrip())
                    out.append(Span(a, a + len(cell.strip()), "DATE_NAISSANCE", 0.97, "date"))
                for s in spans:
                    if s.label == "DATE" and start <= s.start and s.end <= end:
                        out.append(Span(s.start, s.end, "DATE_NAISSANCE", 0.97, "date"))
        offset += len(line) + 1
    return out
