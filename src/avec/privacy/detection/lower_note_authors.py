"""Persons in the slots of lower-case care notes that the other lower-case rules miss:

- the author of a dated note entry, before a job or a colon: "mar 4/2 10h15 gaëlle IDE : ...",
  "dim 9/2 yanis : ...";
- a patient on a bed or box line, before a short age: "lit 3 - maëlys 22a", "box 2 - mr le bris 70a";
- a lower-case title before a surname with an elided particle: "dr n'diaye", "mme d'almeida";
- a first name and an initial in brackets: "coordo (nadège p.)";
- an initial, a surname and a job after a comma: "c. marchetti, assistante sociale";
- a patient field without a colon: "pt guillou françoise – ...".

Hand-written: no library reads the layouts of French hurried notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_NAME = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_JOB = r"(?:ide|idel|idec|as|aes|ash|amp|asd|avs|kin[ée]|ergo|psy|cadre|coordo|interne|m[ée]decin|sf)"
# "lun 3/2 9h40 gaëlle IDE :", "dim 9/2 yanis :": a date or a time opens the line.
_NOTE_AUTHOR = re.compile(
    rf"(?im)^[ \t]*(?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?[ \t]+)?"
    r"(?:(?P<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)[ \t]+)?(?:(?P<time>\d{1,2}h\d{0,2}|\d{1,2}:\d{2})[ \t]+)?"
    rf"(?-i:(?P<name>{_NAME}))(?:[ \t]+{_JOB})?[ \t]*:"
)
# "lit 3 - maëlys 22a", "box 2 - mr le bris 70a".
_BED_AGE = re.compile(
    rf"(?i)(?<![\w])(?:lit|box|ch|chambre|chb)[ \t]*\d{{1,3}}[a-z]?[ \t]*[-–:][ \t]*"
    rf"(?:(?P<title>mr|mme|m\.|mlle)[ \t]+)?(?-i:(?P<name>(?:le|la|de|du|da|van)[ \t]+[{LOW}]{{2,}}|{_NAME}))"
    r"[ \t]*,?[ \t]*\d{1,3}[ \t]?(?:a|ans)(?![\w])"
)
# "dr n'diaye", "mme d'almeida": an elided particle glued to the surname.
_TITLE_ELIDED = re.compile(rf"(?<![\w])(?:dr|mme|mr|m\.|mlle)[ \t]+(?P<name>[mndo][’'][{LOW}]{{3,}})(?![\w'’-])")
# "(nadège p.)": a lower-case first name and an initial in brackets.
_PAREN_INITIAL = re.compile(rf"\((?P<first>{_NAME})[ \t]+(?P<initial>[a-z]\.)\)")
# "c. marchetti, assistante sociale": an initial, a surname, then a job after a comma.
_INITIAL_JOB = re.compile(
    rf"(?m)^[ \t]*(?P<initial>[a-z]\.)[ \t]?(?P<name>{_NAME}),[ \t]*"
    r"(?:assistante?[ \t]+sociale|[ée]ducat(?:eur|rice)|infirmi[èe]re?|ide|cadre|psychologue|m[ée]decin|"
    r"secr[ée]taire|conseill[eè]re?|r[ée]f[ée]rente?|interne)(?![\w])"
)
# "pt guillou françoise – la roche", "patient lebreton marc, 71a".
_PATIENT_PAIR = re.compile(
    rf"(?<![\w])(?:pt|pte|patiente?)[ \t]+(?P<a>{_NAME})[ \t]+(?P<b>{_NAME})(?=[ \t]*(?:[–—,(;\n]|-[ \t]|\d|$))"
)


# "issa traoré ch 12": a lower-case first name and surname before a room.
_PAIR_ROOM = re.compile(
    rf"(?<![\w'’-])(?P<a>{_NAME})[ \t]+(?P<b>{_NAME})[ \t]+(?:ch|chb|chambre)\.?[ \t]*\d{{1,4}}(?![\w])"
)


# Speed: a room is found first, then the two names just before it.
_ROOM_MARK = re.compile(r"(?<=[ \t])(?:ch|chb|chambre)\.?[ \t]*\d")
_PAIR_BEFORE = re.compile(rf"(?<![\w'’-]){_NAME}[ \t]+{_NAME}[ \t]+\Z")


def _free(ctx: DetectionContext, word: str) -> bool:
    return not (is_stop_word(word) or is_protected_word(word, ctx.protected) or is_eponym(word))


def _first_name(ctx: DetectionContext, word: str) -> bool:
    """A known first name that is no ordinary word: "gaëlle", not "rose"."""
    lex = ctx.lexicons
    return lex.is_first_name(word) and not lex.is_common(word) and _free(ctx, word)


def _surname(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    return _free(ctx, word) and (lex.is_surname(word) or not (lex.is_common(word) or lex.is_first_name(word)))


def _strong_pair(ctx: DetectionContext, first: str, last: str) -> bool:
    """A known surname that is no word beside a known first name, even one that is also a word."""
    lex = ctx.lexicons
    return (
        lex.is_first_name(first)
        and _free(ctx, first)
        and lex.is_surname(last)
        and not lex.is_common(last)
        and not lex.is_first_name(last)
        and _free(ctx, last)
    )


def _line_slots(ctx: DetectionContext) -> list[Span]:
    """Note authors ("mar 4/2 10h15 gaëlle IDE :") and comma-job names, read line by line."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    line_start = 0
    for line in text.split("\n"):
        head = line.lstrip(" \t")[:2]
        if ":" in line and head[:1].isalnum() and (m := _NOTE_AUTHOR.match(text, line_start)) is not None:
            name = m.group("name")
            # the author slot is strong: a first name that is also a word ("amélie", "claire") is the author
            if (m.group("date") or m.group("time")) and lex.is_first_name(name) and _free(ctx, name):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.75, "lower_note"))
        if head[1:2] == "." and (m := _INITIAL_JOB.match(text, line_start)) is not None and _surname(ctx, m["name"]):
            spans.append(Span(m.start("initial"), m.end("initial"), "PRENOM", 0.75, "lower_note"))
            spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.75, "lower_note"))
        line_start += len(line) + 1
    return spans


def _pairs_before_rooms(text: str, folded: str) -> list[re.Match[str]]:
    found = []
    for a in prefixed_finditer(_ROOM_MARK, text, folded):
        b = _PAIR_BEFORE.search(text, max(0, a.start() - 70), a.start())
        if b is not None and (m := _PAIR_ROOM.match(text, b.start())) is not None:
            found.append(m)
    return found


@recognizer("lower_note", 58)
def find_lower_note_authors(ctx: DetectionContext) -> list[Span]:
    """Note authors, bed-line patients, elided surnames, bracketed and comma-job names (see module)."""
    text = ctx.text
    spans: list[Span] = []
    folded = ctx.folded
    spans.extend(_line_slots(ctx))
    for m in prefixed_finditer(_BED_AGE, text, folded):
        name = m.group("name")
        if m.group("title"):
            if _free(ctx, name.split()[-1]) and not ctx.lexicons.is_common(name.split()[-1]) or " " in name:
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.75, "lower_note"))
        elif _first_name(ctx, name):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.75, "lower_note"))
    if "'" in text or "’" in text:
        for m in prefixed_finditer(_TITLE_ELIDED, text, folded):
            rest = m.group("name")[2:]
            # French elides only before a vowel or a mute h: "m'baye", "n'golo" are names; before a
            # vowel the rest must be no word ("mme d'accord", "mr n'aime").
            vowel = rest[0] in "aeiouyhàâéèêëîïôöùûü"
            if _free(ctx, rest) and not (vowel and ctx.lexicons.is_common(rest)):
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.75, "lower_note"))
    if "(" in text:
        for m in _PAREN_INITIAL.finditer(text):
            if _first_name(ctx, m.group("first")):
                spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.75, "lower_note"))
                spans.append(Span(m.start("initial"), m.end("initial"), "NOM", 0.75, "lower_note"))
    for m in [*prefixed_finditer(_PATIENT_PAIR, text, folded), *_pairs_before_rooms(text, folded)]:
        a, b = m.group("a"), m.group("b")
        if _strong_pair(ctx, b, a):
            spans.append(Span(m.start("a"), m.end("a"), "NOM", 0.75, "lower_note"))
            spans.append(Span(m.start("b"), m.end("b"), "PRENOM", 0.75, "lower_note"))
        elif _strong_pair(ctx, a, b):
            spans.append(Span(m.start("a"), m.end("a"), "PRENOM", 0.75, "lower_note"))
            spans.append(Span(m.start("b"), m.end("b"), "NOM", 0.75, "lower_note"))
        elif _first_name(ctx, b) and _surname(ctx, a):
            spans.append(Span(m.start("a"), m.end("a"), "NOM", 0.75, "lower_note"))
            spans.append(Span(m.start("b"), m.end("b"), "PRENOM", 0.75, "lower_note"))
        elif _first_name(ctx, a) and _surname(ctx, b):
            spans.append(Span(m.start("a"), m.end("a"), "PRENOM", 0.75, "lower_note"))
            spans.append(Span(m.start("b"), m.end("b"), "NOM", 0.75, "lower_note"))
    return spans
