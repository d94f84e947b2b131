"""First names and initials in the quick lower-case notes of a team or a drop-in centre:

- a first name after a slot word: "accompagné par yacine", "rappeler jessy", "news johnny :",
  "remplaçante kelly";
- a first name (and an initial) opening a bullet or after a dash, before a verb or a colon:
  "- johnny revenu", "— dimitri k. : sdre";
- two first names sharing a shift in brackets: "(mélanie/yacine)";
- initials signing: "signé : b. fritsch ide nuit", "signé p. verhaeghe ide / s. dufour as",
  "signé Ch.", an initial and a surname in brackets ("appel coord. (s. decock)");
- two lower-case letters signing each entry ("... épouse inquiète. am" twice at least) or before a
  job in brackets ("jl (as de nuit)").

Every first name must be a known first name and no ordinary French word, drug, acronym, country or
short weekday. Hand-written: no library reads these layouts of French care notes.
"""

from __future__ import annotations

import re
from collections import Counter

from avec.privacy.detection.lower_case_names import may_be_name, starts_word
from avec.privacy.detection.name_scan import LOW, is_stop_word
from avec.privacy.detection.person_contexts import _lower_first_name
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_NAME = rf"[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?"
_SLOT = re.compile(
    r"(?<![\w'’-])(?:par|avec|rappeler|appeler|pr[ée]venir|news|chez|rempla[çc]ante?)[ \t]+"
    rf"(?P<name>{_NAME})(?![\w'’-])"
)
# The mark is found first (a character class the engine skips to); a bullet mark must open its line.
_BULLET = re.compile(rf"(?P<mark>[-–•*—])[ \t]+(?P<name>{_NAME})(?:[ \t]+(?P<ini>[a-z]\.))?(?=[ \t]+[{LOW}]|[ \t]*:)")
_LINE_OPENS = re.compile(r"(?:^|\n)[ \t]*\Z")
# A role or a team in brackets after a first name or two letters: "de nico (équipe d'ap-m)",
# "jl (as de nuit)". The bracket is found first (cheap), then the word just before it.
_ROLE_BRACKET = re.compile(
    r"\([ \t]*(?:[ée]quipe|as|ide|aes|ash|amp|avs|[ée]duc|cadre|interne|psy|kin[ée]|ergo|b[ée]n[ée]vole|stagiaire|"
    r"rempla[çc]ante?)\b"
)
_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<w>[{LOW}]{{2,}}(?:-[{LOW}]{{2,}})?)[ \t]*\Z")
# A role label and a colon before a first name: "accueillant : romain", "usager : tonio".
_ROLE_LABEL = re.compile(
    r"(?<![\w'’-])(?:accueillante?|usag(?:er|[èe]re)|b[ée]n[ée]vole|r[ée]f[ée]rente?|[ée]duc|[ée]ducat(?:eur|rice))"
    rf"[ \t]*:[ \t]*(?P<name>{_NAME})(?![\w'’-])"
)
_NEXT_LOWER = re.compile(rf"[ \t]+(?P<w>{_NAME})(?![\w'’-])")
_PAIR = re.compile(rf"\([ \t]*(?P<a>{_NAME})[ \t]*/[ \t]*(?P<b>{_NAME})[ \t]*\)")
_SIGNED = re.compile(r"(?<![\w'’-])(?i:sign[ée]e?s?)(?![\w'’-])[ \t]*:?[ \t]*(?P<rest>[^\n]*)")
_SIGN_ITEM = re.compile(rf"[ \t]*(?P<ini>[a-zA-Z][a-z]?\.)(?:[ \t]*(?P<name>{_NAME}))?(?![\w'’-])")
_BRACKET_INITIAL = re.compile(rf"\((?P<ini>[a-ln-z]\.)[ \t]*(?P<name>{_NAME})\)")
_LATIN_END = re.compile(r"(?:us|ae|um|ii|is|i)\Z")
_CLOSER = re.compile(r"(?m)[.!?)][ \t]+(?P<ini>[a-z]{2})[ \t]*$")
# Usual first names that are also ordinary words in these slots ("par pierre", "avec jean").
_WORDS_TOO = frozenset(["pierre", "jean", "olivier", "martin", "aurore", "france", "prudence", "constance", "victoire"])
_NOT_INITIALS = frozenset(
    [
        "et",
        "ou",
        "de",
        "le",
        "la",
        "un",
        "en",
        "il",
        "on",
        "au",
        "du",
        "ne",
        "se",
        "ce",
        "sa",
        "ma",
        "ta",
        "tu",
        "me",
        "te",
        "ok",
        "si",
        "ni",
        "vu",
        "va",
        "as",
        "ai",
    ]
)


def _surname_ok(ctx: DetectionContext, word: str) -> bool:
    """A lower-case word that may be a surname after an initial (no word, no Latin species)."""
    lex = ctx.lexicons
    if not may_be_name(ctx, word) or (lex.is_common(word) and not lex.is_surname(word)):
        return False
    return lex.is_surname(word) or not _LATIN_END.search(word)


def _initials_ok(ctx: DetectionContext, ini: str) -> bool:
    return ini not in _NOT_INITIALS and not is_stop_word(ini) and may_be_name(ctx, ini)


def _first(ctx: DetectionContext, word: str) -> bool:
    """A known first name in a slot that names a person: no ordinary word, no commune; a usual
    first name of France is kept even if the lemma tables list it ("fabien", "dimitri"), unless it
    is an inflected form of a word ("claire", "rose")."""
    lex = ctx.lexicons
    if len(word) < 4 or not lex.is_first_name(word) or not may_be_name(ctx, word):
        return False
    if _lower_first_name(ctx, word) and fold_key(word) not in lex.communes:
        return True
    inflected = lex.inflected is not None and word in lex.inflected  # type: ignore[operator]
    return not inflected and lex.french_first_name_frequency(word) >= 4 and word not in _WORDS_TOO


def _signatures(ctx: DetectionContext, spans: list[Span]) -> None:
    text = ctx.text
    for m in prefixed_finditer(_SIGNED, text, ctx.folded):
        pos, end = m.start("rest"), m.end("rest")
        while pos < end:
            item = _SIGN_ITEM.match(text, pos, end)
            if not item:
                break
            name = item.group("name")
            if name and _surname_ok(ctx, name):
                spans.append(Span(item.start("ini"), item.end("ini"), "PRENOM", 0.7, "note_first_name"))
                spans.append(Span(item.start("name"), item.end("name"), "NOM", 0.7, "note_first_name"))
            elif not name and not text[item.end() : end].strip():
                spans.append(Span(item.start("ini"), item.end("ini"), "PRENOM", 0.65, "note_first_name"))
            else:
                break
            nxt = text.find("/", item.end(), end)
            if nxt < 0:
                break
            pos = nxt + 1


@recognizer("note_first_name", 58)
def find_note_first_names(ctx: DetectionContext) -> list[Span]:
    """First names and initials of quick team notes (see the module docstring)."""
    text = ctx.text
    if ctx.all_caps:
        return []
    spans: list[Span] = []
    for m in prefixed_finditer(_SLOT, text, ctx.folded):
        if _first(ctx, m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "note_first_name"))
    for m in _BULLET.finditer(text):
        if m.group("mark") in "-•*" and not _LINE_OPENS.search(text, max(0, m.start() - 12), m.start()):
            continue
        nxt = _NEXT_LOWER.match(text, m.end())
        if nxt and ctx.lexicons.is_first_name(nxt.group("w")):
            continue  # "- even mathis :": a surname, then the first name
        if _first(ctx, m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "note_first_name"))
            if m.group("ini"):
                spans.append(Span(m.start("ini"), m.end("ini"), "NOM", 0.65, "note_first_name"))
    for m in prefixed_finditer(_ROLE_LABEL, text, ctx.folded):
        if _first(ctx, m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "note_first_name"))
    if "(" in text:
        for m in _ROLE_BRACKET.finditer(text):
            head = text[max(0, m.start() - 30) : m.start()]
            w = _WORD_BEFORE.search(head)
            if not w:
                continue
            start = m.start() - len(head) + w.start("w")
            word = w.group("w")
            if len(word) == 2 and _initials_ok(ctx, word):
                spans.append(Span(start, start + 2, "PRENOM", 0.6, "note_first_name"))
            elif len(word) > 2 and _first(ctx, word):
                spans.append(Span(start, start + len(word), "PRENOM", 0.65, "note_first_name"))
        for m in _PAIR.finditer(text):
            a, b = m.group("a"), m.group("b")
            lex = ctx.lexicons
            if (_first(ctx, a) or _first(ctx, b)) and lex.is_first_name(a) and lex.is_first_name(b):
                spans.append(Span(m.start("a"), m.end("a"), "PRENOM", 0.65, "note_first_name"))
                spans.append(Span(m.start("b"), m.end("b"), "PRENOM", 0.65, "note_first_name"))
        for m in _BRACKET_INITIAL.finditer(text):
            if _surname_ok(ctx, m.group("name")):
                spans.append(Span(m.start("ini"), m.end("ini"), "PRENOM", 0.65, "note_first_name"))
                spans.append(Span(m.start("name"), m.end("name"), "NOM", 0.65, "note_first_name"))
    if "sign" in ctx.folded:
        _signatures(ctx, spans)
    closers = list(_CLOSER.finditer(text))
    counts = Counter(m.group("ini") for m in closers)
    for m in closers:
        ini = m.group("ini")
        if counts[ini] >= 2 and _initials_ok(ctx, ini) and starts_word(text, m.start("ini")):
            spans.append(Span(m.start("ini"), m.end("ini"), "PRENOM", 0.6, "note_first_name"))
    return spans
