"""Persons in hurried notes and short messages, where no title or field label names them:

- a relative named without a possessive, in lower case: "fils erwan prévenu", "maman de moussa";
- a first name addressed at the start of a sentence: "Julie tu m'appelles ?", "Karim, peux-tu...";
- a first name or an initial signing a message on its own at the very end: "... qui vient. Tuan",
  "Y." alone on the last line;
- a first name before a shift or a weekday in brackets: "Yasmine (sam) / Thomas (dim)";
- a name opening a bullet item before a colon: "- Weber : prescription renouvelée",
  "- Da Silva : RDV", "- DA COSTA : bilirubine", "- Thomas : la clé".
- a short Vietnamese or Chinese surname in capitals that is also a French word, before a given
  name of the same origin: "VU Thanh Huong", "LE Thi Mai" (the word rules stop at "vu", "le").

Hand-written: no library reads these layouts of French care notes; every rule asks the lexicons
that the word is a known name and no protected medical or ordinary word.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name, starts_word
from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.name_scan import LOW, UP, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_LOWER_NAME = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
# The bond without "sa"/"son" opens the note or follows a separator; "maman de", "papa de" name
# the child.
# (No look-behind at the start, so the regex engine skips ahead; what stands before is checked in
# code by ``_opens_note``.)
_BARE_BOND = re.compile(
    r"(?:(?:fils|fille|mari|[ée]poux|[ée]pouse|femme|fr[èe]re|s(?:œ|oe)ur|gendre|belle-fille|petit-fils|"
    r"petite-fille|neveu|ni[èe]ce|compagne|compagnon)|(?:m[èe]re|p[èe]re)[ \t]+d[eu])"
    rf"[ \t]+(?P<name>{_LOWER_NAME})(?![\w'’-])"
)
_CAP_NAME = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
# "maman de Moussa", "17h10 maman de moussa rappelle": the child, after its parent, anywhere.
_PARENT_OF = re.compile(
    rf"(?i:maman|papa)[ \t]+d[eu][ \t]+(?P<name>{_CAP_NAME}|{_LOWER_NAME})(?![\w'’-])"
)
# "Julie tu m'appelles", "Karim, peux-tu": a first name, then the second person.
_ADDRESSEE = re.compile(
    rf"(?P<name>{_CAP_NAME})[ \t]*,?[ \t]+"
    r"(?:tu|t['’]|toi|peux-tu|pourrais-tu|pourras-tu|veux-tu|as-tu|es-tu|vous|pouvez-vous|pourriez-vous)"
    r"(?![\w'’-])"
)
# The last word of the message, alone after a sentence end: "Merci de me dire qui vient. Tuan".
# (The full stop before must not close an initial: "A. Rose" is signed with an initial and a surname.)
_LAST_FIRST_NAME = re.compile(
    rf"(?:(?<![\s.>:-][{UP}])[.!?…][ \t]+|\n[ \t]*)(?P<name>{_CAP_NAME})[ \t]*[.!]?\s*\Z"
)
# An initial alone on the last line ("Y."), or closing a chat message after its last sentence
# ("Bien le faire boire. K." then a blank line); "vitamine K." follows no sentence end.
_LAST_INITIAL = re.compile(rf"\n[ \t]*\n[ \t]*(?P<name>[{UP}]\.)[ \t]*\s*\Z")
_MESSAGE_INITIAL = re.compile(rf"[.!?][ \t]+(?P<name>[{UP}]\.)[ \t]*(?:\n[ \t]*\n|\s*\Z)")
# A shift or a weekday in brackets after a first name: "Yasmine (sam)", "Thomas (nuit)".
_SHIFT_AFTER = re.compile(
    rf"(?P<name>{_CAP_NAME})[ \t]*\((?:lun|mar|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|we|w-e|nuit|jour|matin|soir|am|pm|apr[eè]s-midi)\.?[ \t]*(?:\d{1,2}(?:/\d{1,2})?)?\)"
)
# A bullet, then one to three name words, then a colon: "- Weber :", "- Da Silva :", "• DA COSTA :".
_BULLET_NAME = re.compile(
    rf"(?m)^[ \t]*[-–•*][ \t]+(?P<name>(?:(?:[Dd][ae]|D[AE]|[Dd]os|DOS|[Ll]e|LE|[Vv]an|VAN|[Dd]i|DI)[ \t]+)?"
    rf"[{UP}][{LOW}{UP}'’]+(?:-[{UP}][{LOW}{UP}'’]+)?)[ \t]*:"
)
_PARTICLE_HEAD = re.compile(r"(?i)(?:da|de|dos|le|van|di)[ \t]+")


def _opens_note(text: str, pos: int) -> bool:
    """``pos`` opens the text or a line, or follows a separator or a full stop (spaces aside)."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in "\n,;:(/–—-."


def _opens_sentence(text: str, pos: int) -> bool:
    """``pos`` opens a line, or follows a sentence end, a chat prompt or a colon and one or two spaces."""
    if pos == 0 or text[pos - 1] == "\n":
        return True
    j = pos
    while j > 0 and pos - j < 2 and text[j - 1] in " \t":
        j -= 1
    return j < pos and j > 0 and text[j - 1] in ".!?]>:"


def _first_name_ok(ctx: DetectionContext, word: str, common_ok: bool = False) -> bool:
    """A known first name that may be a name here (no stop, protected or eponym word)."""
    lex = ctx.lexicons
    # An eponym borne as a first name ("Thomas") is kept: these layouts name people, no signs.
    if not lex.is_first_name(word) or is_stop_word(word) or is_protected_word(word, ctx.protected):
        return False
    return not lex.is_country(word) and (common_ok or not lex.is_common(word))


@recognizer("note_bond", 79)
def find_bare_relatives(ctx: DetectionContext) -> list[Span]:
    """Relatives named without a possessive in lower case, and a child after "maman de"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    if ctx.all_caps:
        return spans
    for m in prefixed_finditer(_BARE_BOND, text, ctx.folded):
        if not (starts_word(text, m.start()) and _opens_note(text, m.start())):
            continue
        w = m.group("name")
        # A known first name even if also a word ("moussa"), or a Vietnamese given name ("linh").
        east = lex.is_east_asian(w) and may_be_name(ctx, w) and not lex.is_common(w)
        if east or _first_name_ok(ctx, w, common_ok=True):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.75, "note_bond"))
    for m in prefixed_finditer(_PARENT_OF, text, ctx.folded):
        w = m.group("name")
        if not starts_word(text, m.start()):
            continue
        if _first_name_ok(ctx, w, common_ok=True):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.75, "note_bond"))
    return spans


@recognizer("note_address", 57)
def find_addressed_names(ctx: DetectionContext) -> list[Span]:
    """First names addressed, signing at the end, or before a shift in brackets."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    if ctx.all_caps:
        return spans
    for m in _ADDRESSEE.finditer(text):
        opens = starts_word(text, m.start()) and _opens_sentence(text, m.start())
        if opens and _first_name_ok(ctx, m.group("name"), common_ok=True):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "note_address"))
    tail = text[-160:]
    offset = len(text) - len(tail)
    last = _LAST_FIRST_NAME.search(tail)
    if last and (_first_name_ok(ctx, last.group("name"), common_ok=True) or lex.is_east_asian(last.group("name"))):
        spans.append(Span(offset + last.start("name"), offset + last.end("name"), "PRENOM", 0.7, "note_address"))
    initial = _LAST_INITIAL.search(tail)
    if initial:
        spans.append(Span(offset + initial.start("name"), offset + initial.end("name"), "PRENOM", 0.6, "note_address"))
    for m in _MESSAGE_INITIAL.finditer(text):
        spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.6, "note_address"))
    if "(" in text:
        for m in _SHIFT_AFTER.finditer(text):
            if starts_word(text, m.start()) and _first_name_ok(ctx, m.group("name"), common_ok=True):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "note_address"))
    return spans


def _bullet_label(ctx: DetectionContext, name: str) -> str | None:
    """The label of a bullet's head word(s) when they are a person's name, else None."""
    lex = ctx.lexicons
    particle = _PARTICLE_HEAD.match(name)
    core = name[particle.end() :] if particle else name
    if "’" in core or "'" in core:
        return None
    known = lex.is_first_name(core) or lex.is_surname(core)
    if is_stop_word(core) or is_protected_word(core, ctx.protected) or lex.is_country(core):
        return None
    # Scores are headed by eponyms no one bears as a name here ("- Glasgow : 15"); a commune too.
    if not known and (is_eponym(core) or fold_key(core) in lex.communes):
        return None
    if particle:
        # "- Da Silva :": a particle then a capitalised word is a surname.
        return "NOM" if lex.is_surname(core) or not lex.is_common(core) else None
    # Care notes head their bullets with ordinary words ("- Selles :", "- Santé :"); a known
    # surname is kept even if also a word ("- Thomas :", "- Weber :").
    first, surname = lex.is_first_name(core), lex.is_surname(core)
    if lex.is_common(core) and not surname:
        return None  # "- Santé :", "- Rose :": a heading, though a first name too
    if first and (not surname or core[1:].islower()):
        return "PRENOM"
    if surname:
        return "NOM"
    return None


@recognizer("note_bullet", 57)
def find_bullet_names(ctx: DetectionContext) -> list[Span]:
    """A person's name opening a bullet item before a colon (see the module docstring)."""
    text = ctx.text
    if ":" not in text:
        return []
    spans: list[Span] = []
    for m in _BULLET_NAME.finditer(text):
        label = _bullet_label(ctx, m.group("name"))
        if label is not None:
            spans.append(Span(m.start("name"), m.end("name"), label, 0.65, "note_bullet"))
    return spans


# Two to four capitals, then a capitalised given name: "VU Thanh", "LE Thi".
_CAPS_THEN_GIVEN = re.compile(rf"(?P<sur>[{UP}]{{2,4}})[ \t](?P<given>[{UP}][{LOW}]+)(?![\w'’-])")


@recognizer("east_asian_caps", 57)
def find_east_asian_caps_surnames(ctx: DetectionContext) -> list[Span]:
    """A Vietnamese or Chinese surname in capitals before a given name of the same origin."""
    if ctx.all_caps:
        return []
    lex = ctx.lexicons
    spans: list[Span] = []
    for m in _CAPS_THEN_GIVEN.finditer(ctx.text):
        sur, given = m.group("sur"), m.group("given")
        if not starts_word(ctx.text, m.start()) or lex.is_east_asian_surname(given):
            continue
        if lex.is_east_asian_surname(sur) and lex.is_east_asian(given):
            spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.7, "east_asian_caps"))
    return spans
