"""Persons named by a slot of ordinary writing that no title, field or lexicon rule covers:

- a family named by its surname: "la famille LE BRIS", "la famille Da Silva";
- a resident before a room number: "(Kerjean ch 12 et Morvan ch 4)";
- a surname in capitals before "épouse" / "née" and another surname: "BOULANGER épouse KADRI Sonia",
  "LE DREN NEE PERON";
- a first name addressed alone on the first line of a message: "Thomas,";
- a surname in capitals between a title and a known first name, even an ordinary word: "(M. BONJOUR
  Jean-Luc)".

Hand-written: no library reads these slots of French care writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from avec.privacy.detection.medical_vocab import is_acronym, is_drug, is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_PARTICLE = (
    r"(?:(?:[Dd]e[ \t]+[Ll]a|DE[ \t]+LA|[Ll]e|LE|[Ll]a|LA|[Dd]e|DE|[Dd]u|DU|[Dd]a|DA|[Dd]os|DOS|[Vv]an|VAN|"
    r"[Ee]l|EL|[Bb]en|BEN)[ \t]+|[DdNn]['’])"
)
_CAP_WORD = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?|[{UP}]{{2,}}(?:-[{UP}]{{2,}})?"
# "la famille LE BRIS", "famille Da Silva".
_FAMILY = re.compile(rf"(?<![\w])(?i:famille)[ \t]+(?P<name>{_PARTICLE}?(?:{_CAP_WORD}))(?![\w'’])")
# "(Kerjean ch 12 et Morvan ch 4)".
_ROOM = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UP}][{LOW}]{{2,}}(?:-[{UP}][{LOW}]+)?)[ \t]+(?:ch|chb|chambre)\.?[ \t]*\d{{1,4}}(?![\w])"
)
# "BOULANGER épouse KADRI", "LE DREN NEE PERON", "ALLARD EP. DUQUESNOY".
_BEFORE_MARRIED = re.compile(
    rf"(?<![\w'’-])(?P<name>{_PARTICLE}?[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?)[ \t]+"
    r"(?:[ée]pouse|EPOUSE|ÉPOUSE|[ée]p\.|EP\.|ÉP\.|n[ée]e|NEE|NÉE)[ \t]+(?P<other>[" + UP + r"]{2,})"
)
# "Morgane Le Dû", "Gwenola Le Du": a first name, then "Le" and a two-letter word read as a stop word.
_SHORT_LE_NAME = re.compile(
    rf"(?<![\w'’-])(?P<first>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]+(?P<name>L[ea][ \t]+[{UP}][{LOW}])(?![\w'’-])"
)
# A cell of a delimited export holding a surname in capitals and one initial: ";LE GALL P (IDE)", ";COLLIN F".
_SURNAME_INITIAL_CELL = re.compile(
    rf"(?:^|(?<=[;|\t]))[ \t]*(?P<name>{_PARTICLE}?[{UP}]{{2,}}(?:-[{UP}]{{2,}})?)[ \t]+(?P<initial>[{UP}]\.?)"
    r"(?:[ \t]*\([^)\n]{1,12}\))?[ \t]*(?=[;|\t]|$)",
    re.MULTILINE,
)
# "interphone au nom de KERVELLA", "courrier au nom de Mme Le Bris": a name written on a door or a letter.
_IN_THE_NAME_OF = re.compile(
    rf"(?<![\w])(?i:au[ \t]+nom[ \t]+de)[ \t]+(?:(?:M\.|Mme|Mlle|Mr|Monsieur|Madame)[ \t]+)?"
    rf"(?P<name>{_PARTICLE}?(?:{_CAP_WORD}))(?![\w'’])"
)
# 'mr Le Floch "Titi"', 'Mme Roux « Mamie Jo »': a nickname in quotes right after a title and a name.
_QUOTED_NICKNAME = re.compile(
    rf"(?<![\w])(?i:mr|mme|m\.|monsieur|madame)[ \t]+[{UP}{LOW}][\w'’-]+[ \t]+[\"«“][ \t]*"
    rf"(?P<name>[{UP}][{LOW}]{{1,12}}(?:[- ][{UP}][{LOW}]{{1,12}})?)[ \t]*[\"»”]"
)
# Speed: the patterns that open with a name are searched from a cheap anchor after the name, then
# the name is looked for just before it (``_anchored``); keyword patterns only where their first
# letters stand (``prefixed_finditer``).
_ROOM_MARK = re.compile(r"(?<=[ \t])(?:ch|chb|chambre)\.?[ \t]*\d")
_NAME_BEFORE_ROOM = re.compile(rf"(?<![\w'’-])[{UP}][{LOW}]{{2,}}(?:-[{UP}][{LOW}]+)?[ \t]+\Z")
_MARRIED_MARK = re.compile(r"(?<=[ \t])(?:[ée]pouse|EPOUSE|ÉPOUSE|[ée]p\.|EP\.|ÉP\.|n[ée]e|NEE|NÉE)[ \t]")
_CAPS_BEFORE_MARRIED = re.compile(rf"(?<![\w'’-]){_PARTICLE}?[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?[ \t]+\Z")
_LE_MARK = re.compile(rf"L[ea][ \t]+[{UP}][{LOW}](?![\w'’-])")
_FIRST_BEFORE = re.compile(rf"(?<![\w'’-])[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?[ \t]+\Z")
_COMMA_END = re.compile(r"(?m),[ \t]*$")
_LINE_HEAD = re.compile(rf"(?m)^[ \t]*[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?[ \t]*\Z")
_CAPS_BEFORE = re.compile(rf"[{UP}]{{2,}}[ \t]+\Z")
# "Thomas," alone on a line: a message's addressee.
_ADDRESSED = re.compile(rf"(?m)^[ \t]*(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]*,[ \t]*$")
# "(M. BONJOUR Jean-Luc)": title, capitals, then a first name.
_TITLE_CAPS_FIRST = re.compile(
    rf"(?<![\w])(?:M\.|Mme|Mlle|Mr|Dr|Pr)[ \t]+(?P<name>[{UP}]{{3,}})[ \t]+"
    rf"(?P<first>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)(?![\w'’])"
)


def _no_term(ctx: DetectionContext, word: str) -> bool:
    """No acronym, drug, eponym, stop word or protected term."""
    return not (
        is_acronym(word)
        or is_drug(word)
        or is_eponym(word)
        or is_stop_word(word)
        or is_protected_word(word, ctx.protected)
    )


def _surname_word(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    return _no_term(ctx, word) and (lex.is_surname(word) or not lex.is_common(word)) and not lex.is_country(word)


def _anchored(
    full: re.Pattern[str], anchor: re.Pattern[str], back: re.Pattern[str], text: str, folded: str | None = None
) -> Iterator[re.Match[str]]:
    """Matches of ``full`` that open where ``back`` ends right before a match of ``anchor``."""
    marks = prefixed_finditer(anchor, text, folded) if folded is not None else anchor.finditer(text)
    for a in marks:
        b = back.search(text, max(0, a.start() - 60), a.start())
        if b is not None and (m := full.match(text, b.start())) is not None:
            yield m


def _surname_initial_cells(ctx: DetectionContext) -> list[Span]:
    """ "COLLIN F" in a cell of a line with two separators or more: a surname and an initial."""
    text = ctx.text
    spans: list[Span] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if max(line.count(";"), line.count("|"), line.count("\t")) >= 2:
            for m in _SURNAME_INITIAL_CELL.finditer(text, line_start, line_end):
                spans.extend(_cell_spans(ctx, m))
        line_start = line_end + 1
    return spans


def _cell_spans(ctx: DetectionContext, m: re.Match[str]) -> list[Span]:
    lex = ctx.lexicons
    last = re.split(r"[ \t'’]", m.group("name"))[-1]
    # "TANGUY A": a first name that is a surname too; "FAV G" (a short code) is no surname
    known = lex.is_surname(last) or (len(last) >= 4 and not lex.is_first_name(last))
    if not (_surname_word(ctx, last) and not lex.is_country(last) and known):
        return []
    return [
        Span(m.start("name"), m.end("name"), "NOM", 0.75, "person_mention"),
        Span(m.start("initial"), m.end("initial"), "PRENOM", 0.75, "person_mention"),
    ]


@recognizer("person_mention", 79)
def find_person_mentions(ctx: DetectionContext) -> list[Span]:
    """Families, residents before a room, surnames before a married name, addressees, title + CAPS + first name."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    folded = ctx.folded
    if "famille" in folded:
        for m in prefixed_finditer(_FAMILY, text, folded):
            last = re.split(r"[ \t'’]", m.group("name"))[-1]
            if _surname_word(ctx, last) and not lex.is_first_name(last):
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.75, "person_mention"))
    if " ch" in folded:
        for m in _anchored(_ROOM, _ROOM_MARK, _NAME_BEFORE_ROOM, text, folded):
            name = m.group("name")
            if lex.is_first_name(name) and not lex.is_common(name):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "person_mention"))
            elif _surname_word(ctx, name) and not lex.is_first_name(name):
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.7, "person_mention"))
    if "ep" in folded or "ne" in folded:
        for m in _anchored(_BEFORE_MARRIED, _MARRIED_MARK, _CAPS_BEFORE_MARRIED, text, folded):
            if _CAPS_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "FERREIRA DA SILVA née X": the name starts earlier, the run rules read it whole
            last = re.split(r"[ \t'’]", m.group("name"))[-1]
            # the married name makes it a person: an eponym ("Soulier") is a surname here
            if not (is_acronym(last) or is_drug(last) or is_acronym(m.group("other"))):
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.8, "person_mention"))
    if "L" in text:
        for m in _anchored(_SHORT_LE_NAME, _LE_MARK, _FIRST_BEFORE, text):
            if lex.is_first_name(m.group("first")) and not lex.is_common(m.group("first")):
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.75, "person_mention"))
    if ";" in text or "|" in text or "\t" in text:
        spans.extend(_surname_initial_cells(ctx))
    if "nom de" in folded:
        for m in prefixed_finditer(_IN_THE_NAME_OF, text, folded):
            last = re.split(r"[ \t'’]", m.group("name"))[-1]
            if _surname_word(ctx, last) and not lex.is_first_name(last):
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.75, "person_mention"))
    if '"' in text or "«" in text or "“" in text:
        for m in prefixed_finditer(_QUOTED_NICKNAME, text, folded):
            if not (is_drug(m.group("name")) or is_acronym(m.group("name"))):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "person_mention"))
    for m in _anchored(_ADDRESSED, _COMMA_END, _LINE_HEAD, text):
        name = m.group("name")
        # alone on its line with a comma, a first name is addressed even if also a word ("Thomas,")
        if lex.is_first_name(name) and not (is_drug(name) or is_stop_word(name) or is_acronym(name)):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.75, "person_mention"))
    for m in prefixed_finditer(_TITLE_CAPS_FIRST, text, folded):
        name = m.group("name")
        if not ctx.all_caps and lex.is_first_name(m.group("first")) and not (is_acronym(name) or is_drug(name)):
            spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.8, "person_mention"))
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.8, "person_mention"))
    return spans
