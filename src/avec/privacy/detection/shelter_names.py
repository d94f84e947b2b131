"""Shelters, day centres and meeting places named after their kind: "Halte de nuit X", "abri X".

Round 15 (organisations). Writers of social-emergency notes name the place where a person slept or
is expected by its kind and a proper name: "place proposée à la Halte de nuit Gambier", "orienté à
l'abri Saint-Roch", "accueil de nuit Paul Bert", "Point d'accueil Sainte-Anne", "espace rencontre
Le Trait d'Union", "Maison d'accueil Saint-Vincent", "Communauté thérapeutique du Plateau",
"gymnase de la Roseraie" (a gymnasium opened in a cold spell). The place tells where the person
lives, so, like the facilities of ``facilities.py``, it is one ``HOPITAL`` span, kind included.

Safe because: the kind must be followed by a capitalised name (the idiom "mise à l'abri du froid"
and "l'abri du parking" stay alone); a name that opens another facility ("abri CHRS X") is left to
the facility rules; calendar words, care words and the words that end a facility's name are cut.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY, FACILITY_STOP
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = (
    r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|sur|en|les|le|la|l['’]|"
    r"DE[ \t]+LA|DE[ \t]+L['’]|DU|DES|DE|D['’])"
)
_LEAD = r"(?:(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des)|Les|Le|La|L['’]|LES|LE|LA)(?:(?<=['’])|[ \t]+))?"
# The kinds of shelters and social places (any case); a particle may only follow those written
# before a place name ("gymnase de la Roseraie", "Communauté thérapeutique du Plateau").
_KIND = re.compile(
    r"(?<![\w-])(?P<kw>(?i:halte(?:[ \t]+de[ \t]+(?:nuit|jour)|[ \t]+soins[ \t]+sant[ée])?|abri|"
    r"accueil[ \t]+de[ \t]+nuit|point[ \t]+d['’]accueil(?:[ \t]+de[ \t]+jour)?|espace[ \t]+rencontre|"
    r"maison[ \t]+d['’]accueil|communaut[ée][ \t]+th[ée]rapeutique|gymnase|bagagerie))"
    r"[ \t]+(?P<name>" + _LEAD + _WORD + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _WORD + r"){0,3})"
)
# Where a kind stands, on the folded text (one character for one): the pattern is tried only there.
_KIND_FINDER = re.compile(
    r"(?:halte|abri[ \t]|accueil[ \t]+de[ \t]+nuit|point[ \t]+d['’]accueil|espace[ \t]+rencontre|"
    r"maison[ \t]+d['’]accueil|communaute[ \t]+therapeutique|gymnase|bagagerie)"
)
# Kinds whose name may open on a particle ("gymnase du Lac"); for the others "de" is the idiom
# ("à l'abri de la pluie", "halte de nuit": the qualifier is read by the pattern itself).
_PLACE_KINDS = ("gymnase", "communaute", "point", "maison")
_FUNCTION_WORDS = frozenset(
    ["cette", "elle", "elles", "nous", "vous", "mais", "puis", "avec", "sans", "donc", "demain"]
)
_TAIL_LINK = re.compile(r"(?i)[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|sur|en|les|le|la|l['’])\Z")


def name_end(ctx: DetectionContext, start: int, end: int) -> int:
    """End of the name: before a word that ends a facility's name, a calendar or a care word."""
    text = ctx.text
    for k, w in enumerate(re.finditer(r"[\w'’\-]+", text[start:end])):
        key = fold_key(w.group(0)).strip("'’")
        if k and (key in FACILITY_STOP or key in CALENDAR_WORDS or is_protected_word(w.group(0))):
            end = start + w.start()
            break
    while end > start and text[end - 1] in " \t-'’":
        end -= 1
    tail = _TAIL_LINK.search(text, start, end)
    return tail.start() if tail else end


def shelter_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for shelters and social places named after their kind."""
    text, lex, out = ctx.text, ctx.lexicons, []
    matches = (_KIND.match(text, hit.start()) for hit in _KIND_FINDER.finditer(ctx.folded))
    for m in (m for m in matches if m is not None):
        kind = fold_key(m.group("kw"))
        name = m.group("name")
        if name[0].islower() and not kind.startswith(_PLACE_KINDS):
            continue  # "à l'abri du vent", "halte de la fatigue": the idiom, no place
        first_word = re.search(_WORD, name)
        if first_word is None or FACILITY.match(text, m.start("name") + first_word.start()):
            continue  # "abri CHRS Les Tilleuls": the facility rules read the facility
        word = first_word.group(0)
        if fold_key(word) in CALENDAR_WORDS or is_protected_word(word) or fold_key(word) in FACILITY_STOP:
            continue
        if word.isupper() and len(word) <= 4 and not ctx.all_caps:
            continue  # "abri SDF": an acronym, no proper name
        end = name_end(ctx, m.start("name"), m.end("name"))
        if end <= m.start("name") + first_word.start():
            continue
        single = " " not in text[m.start("name") + first_word.start() : end].strip()
        short = len(word) < 4 or word.lower() in _FUNCTION_WORDS
        if kind == "abri" and single and (short or lex.is_common(word.lower()) and not lex.is_surname(word)):
            continue  # "à l'abri Ce soir": an ordinary word after the idiom, not a shelter's name
        out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out
