"""A first name's initial written without its dot after a surname in capitals, in exports and
certificates: "DR TEISSEIRE A (NON PSY)", "CERTIF 24H : DR GALY S 30/11/2025", "EDITE PAR MOREL C (CADRE)",
"04/09/2026  DR HOARAU M      METFORMINE ...", and the list after the prescribers' or
validators' key of a lab export ("PRESCRIPTEUR(S): DURAND P / GIRAUD M"). The list is read two ways
(one reader since round 18; listed_persons.py read the prescribers too): whole, when its items fill
the line; and, after the key in capitals "PRESCRIPTEUR(S):", item by item, a dot after the initial
allowed ("LAURENT B., DURAND P."), when each surname reads as one.

"A" and "Y" are also French words ("DR MARTIN A VU"), so they are kept only before a bracket, a
column gap or the end of the line. Hand-written: a layout of old hospital exports.
"""

from __future__ import annotations

import re

from avec.privacy.detection.listed_persons import CAPS_WORD, namelike
from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import UP, is_stop_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import substring_starts
from avec.privacy.spans import Span

_TITLE_CAPS_INITIAL = re.compile(
    rf"(?<![\w'’])(?:DR|Dr|PR|Pr|DOCTEUR|Docteur|ME|Me|PAR|par)\.?[ \t]+"
    rf"(?P<sur>[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?)[ \t]+(?P<ini>[{UP}])(?![\w'’.+/-])"
)
# A lab export's key of the doctors who ordered or validated, then "SURNAME X" items joined by "/",
# "," or "ET" up to the end of the line.
_LIST_KEY = re.compile(
    r"(?i)(?<![\w])(?:prescripteurs?|prescripteur\(s\)|biologistes?|biologiste\(s\)|valid[ée]s?[ \t]+par)"
    r"[ \t]*:[ \t]*"
)
_LIST_ITEM = re.compile(
    rf"(?P<sur>[{UP}]{{2,}}(?:[-'’ ][{UP}]{{2,}})?)[ \t]+(?P<ini>[{UP}])"
    r"(?P<gap>[ \t]*(?:/|,|\bET\b|&)[ \t]*|[ \t]*(?=\n|$))"
)
# After the prescribers' key in capitals, each "SURNAME X" or "SURNAME X." item alone.
_PRESCRIBERS = re.compile(r"(?m)PRESCRIPTEURS?(?:\(S\))?[ \t]*:[ \t]*(?P<rest>[^\n]+)$")
_CAPS_AND_INITIAL = re.compile(rf"(?P<sur>{CAPS_WORD})[ \t]+(?P<ini>[{UP}])\.?(?=[ \t]*(?:/|,|$))")
_WORD_VOWEL = re.compile(r"[ \t]*(?:\(|\n|$)|[ \t]{2,}")


@recognizer("caps_surname_initial", 80)
def find_caps_surname_initials(ctx: DetectionContext) -> list[Span]:
    """The surname in capitals after a doctor's title and the bare initial after it."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_TITLE_CAPS_INITIAL, text, ctx.folded):
        sur, ini = m.group("sur"), m.group("ini")
        if is_stop_word(sur) or is_protected_word(sur, ctx.protected) or is_acronym(sur):
            continue
        if ini in "AY" and not _WORD_VOWEL.match(text, m.end()):
            continue
        spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "caps_surname_initial"))
        spans.append(Span(m.start("ini"), m.end("ini"), "PRENOM", 0.8, "caps_surname_initial"))
    spans.extend(_listed_after_key(ctx))
    if "PRESCRIPTEUR" in text:
        spans.extend(_prescriber_items(ctx))
    return spans


def _keys(text: str, folded: str) -> list[re.Match[str]]:
    """The list keys, found by their words on the folded copy first (speed: no scan of every text)."""
    found = []
    for word in ("prescri", "biologi", "valid"):
        for at in substring_starts(folded, word):
            if key := _LIST_KEY.match(text, at):
                found.append(key)
    return found


def _listed_after_key(ctx: DetectionContext) -> list[Span]:
    """ "PRESCRIPTEUR(S): DURAND P / GIRAUD M": every item of the list, when all read as one."""
    text, folded = ctx.text, ctx.folded
    spans: list[Span] = []
    for key in _keys(text, folded):
        items, pos = [], key.end()
        while (m := _LIST_ITEM.match(text, pos)) is not None:
            items.append(m)
            pos = m.end()
            if not m.group("gap").strip():
                break
        line_end = text.find("\n", key.end())
        if not items or pos != (len(text) if line_end < 0 else line_end) or items[-1].group("gap").strip():
            continue  # the list must fill its line: "Prescripteur : CHU A" is no person
        if any(is_stop_word(m.group("sur")) or is_acronym(m.group("sur")) for m in items):
            continue
        for m in items:
            spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "caps_surname_initial"))
            spans.append(Span(m.start("ini"), m.end("ini"), "PRENOM", 0.8, "caps_surname_initial"))
    return spans


def _prescriber_items(ctx: DetectionContext) -> list[Span]:
    """ "PRESCRIPTEUR(S): LAURENT B. / DURAND P": each item whose surname reads as one ("LAURENT B":
    a surname), wherever the list ends; the end of the slice stands for the line end."""
    text = ctx.text
    spans: list[Span] = []
    for m in _PRESCRIBERS.finditer(text):
        for w in _CAPS_AND_INITIAL.finditer(text, m.start("rest"), m.end("rest")):
            if namelike(ctx, w.group("sur"), first=True, surname=True):
                spans.append(Span(w.start("sur"), w.end("sur"), "NOM", 0.8, "caps_surname_initial"))
                spans.append(Span(w.start("ini"), w.end("ini"), "PRENOM", 0.8, "caps_surname_initial"))
    return spans
