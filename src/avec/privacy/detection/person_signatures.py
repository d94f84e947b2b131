"""Persons signing a message or listed with their job, and given names the word rules cut short:

- initials alone on the last line of a message, or before the quoted message it answers:
  "... prévenue.\\nPA\\n\\n-----Message d'origine-----", "qui prend le relais ?\\nMD Paoli";
- a first name and a surname opening a line before a care job: "Marine Cabrol, IDE";
- a care job, then a surname and a first name in capitals: "IDE MAZIÈRES CAROLINE";
- a list of professionals, surname in capitals then first name and job: "- LE CAM Loïc, masseur-kiné";
- Vietnamese given names after the family name: "TRAN Văn Minh", "née LÊ Thi Hoa", "bui duc anh";
- Portuguese and Spanish compound first names: "GONÇALVES Maria de Fátima", "Ana da Conceição".

Hand-written: no library reads these layouts of French care notes and mails.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import starts_word
from avec.privacy.detection.medical_vocab import is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAP = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
_CAPS = rf"[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?"
# What follows a signature: the end, or the header of the message it answers.
_REPLY_HEADER = (
    r"(?:-{3,}[ \t]*(?:Message|Original|Courriel|Mail)|De[ \t]*:|From[ \t]*:|Le[ \t][^\n]{4,60}a[ \t][ée]crit|"
    r"Envoy[ée][ \t]*:|>)"
)
_SIGNATURE_INITIALS = re.compile(
    rf"(?:^|\n)[ \t]*(?P<initials>[{UP}]{{2,3}})(?:[ \t]+(?P<name>{_CAP}))?[ \t]*"
    rf"(?=\n[ \t]*(?:\n[ \t]*)*(?:{_REPLY_HEADER})|\s*\Z)"
)
# The line before the signature closes a sentence.
_SENTENCE_LINE_BEFORE = re.compile(r"[.!?…)][ \t]*\n[ \t]*\Z")
_NOT_INITIALS = frozenset({"OK", "NB", "PS", "PJ", "CC", "RAS", "TBE", "FIN", "PTO", "SVP", "CR", "RDV", "ET", "OU"})

_JOB = (
    r"(?:IDE|IDEC|IDEL|IADE|IBODE|IPA|AS|ASH|AES|AMP|ASS|CESF|TISF|ES|ME|EJE|SF|MK|"
    r"(?i:infirmi[èe]re?|aide-soignante?|cadre(?:[ \t]+de[ \t]+sant[ée])?|secr[ée]taire(?:[ \t]+m[ée]dicale)?|"
    r"assistante?[ \t]+sociale?|[ée]ducat(?:eur|rice)(?:[ \t]+sp[ée]cialis[ée]e?)?|psychologue|"
    r"m[ée]decin|interne|pharmacien(?:ne)?|kin[ée]sith[ée]rapeute|masseur-kin[ée]sith[ée]rapeute|ergoth[ée]rapeute|"
    r"orthophoniste|di[ée]t[ée]ticienne?|pu[ée]ricultrice|sage-femme|auxiliaire[ \t]+de[ \t]+vie|"
    r"coordinat(?:eur|rice)|r[ée]f[ée]rente?))"
)
# "Marine Cabrol, IDE" opening a line (a mail's signature, a list of contacts).
_NAME_COMMA_JOB = re.compile(
    rf"(?m)^[ \t]*(?:[-–•*][ \t]*)?(?P<first>{_CAP})[ \t]+(?P<last>{_CAP}|{_CAPS})[ \t]*,[ \t]*{_JOB}(?![\w'’-])"
)
# "IDE MAZIÈRES CAROLINE": a care job, a surname and a first name, all in capitals.
_JOB_CAPS_PAIR = re.compile(
    rf"(?:IDEC?|IDEL|AS|ASH|AES|CADRE|INFIRMI[ÈE]RE|M[ÉE]DECIN|INTERNE|SECR[ÉE]TAIRE|KIN[ÉE])"
    rf"[ \t]+(?P<last>{_CAPS})[ \t]+(?P<first>{_CAPS})(?![\w'’-])"
)
# "- LE CAM Loïc, masseur-kinésithérapeute": a list item, surname in capitals, first name, comma.
_PARTICLE = r"(?:LE|LA|DE|DA|DU|DOS|DES|VAN|EL|AL|BEN|MAC|MC)"
_BULLET_CAPS_FIRST = re.compile(
    rf"(?m)^[ \t]*[-–•*][ \t]*(?P<last>(?:{_PARTICLE}[ \t]+)?{_CAPS}(?:[ \t]+{_CAPS})?)[ \t]+"
    rf"(?P<first>{_CAP})[ \t]*,[ \t]*[{LOW}{UP}]"
)
_SYLLABLE_CAP = rf"[{UP}][{LOW}]{{1,5}}"
# "TRAN Văn Minh", "LÊ Thi Hoa": a family name in capitals, then two or three given syllables
# (one span, as the annotation keeps them; "M. Tran Van Minh" is left to the word rules).
_EAST_ASIAN_CAP = re.compile(
    rf"(?P<last>[{UP}]{{2,8}})[ \t]+(?P<given>{_SYLLABLE_CAP}(?:[ \t]+{_SYLLABLE_CAP}){{1,2}})"
    r"(?![\w'’-])"
)
_SYLLABLE_LOW = rf"[{LOW}]{{1,5}}"
# Opens a clause (checked from the separator, a cheap scan): "mère : tran thi hoa,".
_EAST_ASIAN_LOW = re.compile(
    rf"[,;:/(\n][ \t]*(?P<last>{_SYLLABLE_LOW})[ \t]+"
    rf"(?P<given>{_SYLLABLE_LOW}[ \t]+{_SYLLABLE_LOW}(?:[ \t]+{_SYLLABLE_LOW})?)"
    r"(?=[ \t]*(?:[,;(\n]|$))"
)
# "Maria de Fátima", "Ana da Conceição", "José dos Santos" after a surname in capitals.
_IBERIAN_FIRST = re.compile(rf"(?P<first>{_CAP}[ \t]+(?:de|da|do|dos|das|del)[ \t]+{_CAP})(?![\w'’-])")
_CAPS_BEFORE = re.compile(rf"(?P<before>{_CAPS})[ \t]+\Z")


def _name_word(ctx: DetectionContext, word: str, eponym_ok: bool = False) -> bool:
    """No stop word, protected medical word, country, or eponym (unless ``eponym_ok``)."""
    lex = ctx.lexicons
    return not (
        is_stop_word(word)
        or is_protected_word(word, ctx.protected)
        or lex.is_country(word)
        or (not eponym_ok and is_eponym(word) and not lex.is_surname(word))
    )


def _surname(ctx: DetectionContext, word: str, named: bool = False) -> bool:
    """A word that may be a surname; ``named``: a first name or a job stands next to it, so an
    eponym or a commune's name is a surname too ("Marine Cabrol, IDE", "IDE MAZIÈRES CAROLINE")."""
    lex = ctx.lexicons
    return (
        _name_word(ctx, word, eponym_ok=named)
        and not is_acronym(word)
        and (lex.is_surname(word) or not lex.is_common(word))
        and not lex.is_first_name(word)
        and (named or fold_key(word) not in lex.communes)
    )


def _signature_initials(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    tail_start = max(0, len(text) - 600)
    spans: list[Span] = []
    for m in _SIGNATURE_INITIALS.finditer(text):
        if m.start() < tail_start and "\n" not in text[m.end() : m.end() + 2]:
            continue
        if not _SENTENCE_LINE_BEFORE.search(text, max(0, m.start("initials") - 40), m.start("initials")):
            continue
        initials, name = m.group("initials"), m.group("name")
        if initials in _NOT_INITIALS:
            continue
        if name is not None and not _surname(ctx, name):
            continue
        spans.append(Span(m.start("initials"), m.end("initials"), "PRENOM", 0.65, "person_signature"))
        if name is not None:
            spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.65, "person_signature"))
    return spans


def _listed_with_job(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    if "," in text:
        for m in _NAME_COMMA_JOB.finditer(text):
            first, last = m.group("first"), m.group("last")
            if lex.is_first_name(first) and _name_word(ctx, first) and _surname(ctx, last, named=True):
                spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.75, "person_signature"))
                spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.75, "person_signature"))
        for m in _BULLET_CAPS_FIRST.finditer(text):
            first, last = m.group("first"), m.group("last")
            words = last.split()
            core = words[-1]
            particle_led = len(words) > 1
            if not (lex.is_first_name(first) and _name_word(ctx, first)):
                continue
            if (particle_led or _surname(ctx, core)) and _name_word(ctx, core) and not lex.is_first_name(core):
                spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "person_signature"))
    for m in _JOB_CAPS_PAIR.finditer(text):
        if not starts_word(text, m.start()):
            continue
        first, last = m.group("first"), m.group("last")
        if lex.is_first_name(first) and _name_word(ctx, first) and _surname(ctx, last, named=True):
            spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.75, "person_signature"))
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.75, "person_signature"))
    return spans


def _given_syllables(ctx: DetectionContext, given: str) -> bool:
    lex = ctx.lexicons
    return all(lex.is_east_asian(w) and not lex.is_east_asian_surname(w) for w in given.split())


def _east_asian_names(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _EAST_ASIAN_CAP.finditer(text):
        if not starts_word(text, m.start()) or not lex.is_east_asian_surname(m.group("last")):
            continue
        if _given_syllables(ctx, m.group("given")):
            spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.75, "east_asian_given"))
            spans.append(Span(m.start("given"), m.end("given"), "PRENOM", 0.75, "east_asian_given"))
    if ctx.all_caps:
        return spans
    for m in _EAST_ASIAN_LOW.finditer(text):
        last, given = m.group("last"), m.group("given")
        if lex.is_east_asian_surname(last) and not lex.is_common(last) and _given_syllables(ctx, given):
            words = given.split()
            # one given syllable at least is no French word ("duc anh": "anh")
            if any(is_stop_word(w) for w in words) or all(lex.is_common(w) for w in words):
                continue
            spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "east_asian_given"))
            spans.append(Span(m.start("given"), m.end("given"), "PRENOM", 0.7, "east_asian_given"))
    return spans


@recognizer("person_signature", 80)
def find_person_signatures(ctx: DetectionContext) -> list[Span]:
    """Signatures by initials, names listed with a job (see the module docstring)."""
    spans = _signature_initials(ctx)
    spans.extend(_listed_with_job(ctx))
    return spans


# Outranks the maiden-name and title rules, which stop at the first given syllable ("LÊ Thi").
@recognizer("east_asian_given", 84)
def find_compound_given_names(ctx: DetectionContext) -> list[Span]:
    """Vietnamese given names after the family name, Iberian compound first names."""
    spans = _east_asian_names(ctx)
    if " d" in ctx.text:
        lex = ctx.lexicons
        for m in _IBERIAN_FIRST.finditer(ctx.text):
            before = _CAPS_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
            if before is None or is_acronym(before.group("before")):
                continue
            head, tail = m.group("first").split()[0], m.group("first").split()[-1]
            if lex.is_first_name(head) and lex.is_first_name(tail):
                spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.75, "east_asian_given"))
    return spans
