"""National networks named by their own name: charities and self-help groups alone or with their
local branch ("Secours populaire", "Armée du Salut", "Mie de Pain", "Vie Libre Brive", "Restos du
Cœur de Guéret"); employment, training and vigilance networks only with their branch ("Pôle emploi
de Vierzon Sud", "France Travail Guéret", "AFPA de Brive", "IRTS Hauts-de-France", "CEIP-A de Caen").

Round 15 (organisations). ``territorial_bodies.py`` reads a charity followed by its branch's commune
or territory; social workers also name the charity alone ("domicilié au Secours populaire",
"signalement Armée du Salut (maraude)"), and every hand-checked set marks it (the charity is where
the person eats, sleeps or gets mail). One ``HOPITAL`` span, the branch included when it follows
as a known commune or after "de".

Employment agencies, training institutes and addictovigilance centres are marked with their branch
(the branch tells where the person lives; "inscrit à France Travail" alone is left, as writers do).

Safe because: the names are a closed list of multi-word names (or distinctive single words:
"Emmaüs", "Cimade"); the names that are also ordinary phrases ("mie de pain", "vie libre") must be
capitalised; "Croix-Rouge" and "Samu social" alone are left out (writers disagree: the Red Cross
delivering a cot, the emergency number).
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

_NAMES = re.compile(
    r"(?P<kw>(?i:secours[ \t]+(?:populaire(?:[ \t]+fran[çc]ais)?|catholique)|restos?[ \t]+du[ \t]+c(?:œ|oe)ur|"
    r"restaurants[ \t]+du[ \t]+c(?:œ|oe)ur|arm[ée]e[ \t]+du[ \t]+salut|m[ée]decins[ \t]+(?:du[ \t]+monde|sans[ \t]+"
    r"fronti[èe]res)|petits[ \t]+fr[èe]res[ \t]+des[ \t]+pauvres|fondation[ \t]+abb[ée][ \t]+pierre|"
    r"habitat[ \t]+et[ \t]+humanisme|france[ \t]+terre[ \t]+d['’]asile|emma[üu]s(?:[ \t]+(?:solidarit[ée]|france))?)|"
    r"(?:La[ \t]+)?Cimade|Mie[ \t]+de[ \t]+Pain|Vie[ \t]+Libre|VIE[ \t]+LIBRE|MIE[ \t]+DE[ \t]+PAIN|"
    r"AFM-T[ée]l[ée]thon)"  # round 17: the myopathy charity, marked alone by every writer (4 of 4)
)
# Networks marked only with their branch.
_BRANCHED = re.compile(
    r"(?P<kw>(?i:p[ôo]le[ \t]+emploi|france[ \t]+travail)|AFPA|Afpa|IRTS|CEIP-A|CEIP|GRETA|Greta)"
)
_BRANCHED_FINDER = re.compile(r"pole[ \t]+emploi|france[ \t]+travail|afpa|irts|ceip|greta")  # on the folded text
# Where a name may stand, on the folded text (lower case, no accents, one character for one): a
# case-sensitive alternation of literals that the regex engine scans for quickly.
_FINDER = re.compile(
    r"secours|restos?[ \t]|restaurants[ \t]+du|armee[ \t]+du|medecins[ \t]+(?:du|sans)|petits[ \t]+fr|"
    r"fondation[ \t]+abb|habitat[ \t]+et|france[ \t]+terre|emmaus|cimade|mie[ \t]+de|vie[ \t]+libre|afm-telethon"
)
_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
# A branch after the name: "de Guéret", "du Havre", "– Brive", "Brive" (a known commune or territory).
_BRANCH = re.compile(
    r"(?P<of>[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])(?:(?<=['’])|[ \t]+)|[ \t]+[–-][ \t]+|[ \t]+)"
    r"(?P<place>" + _WORD + r")"
)


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_-")


_NUMBER = re.compile(r"[ \t]+(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w'’-]|[,.]\d|[ \t]*(?:%|h\b|ans\b))")
_COMPASS = re.compile(r"[ \t]+(?:Nord|Sud|Est|Ouest|Centre|Rive[ \t]+(?:Gauche|Droite|gauche|droite))(?![\w'’-])")


def _branch_end(ctx: DetectionContext, end: int) -> int | None:
    """End of the local branch after a network's name, or None."""
    lex = ctx.lexicons
    number = _NUMBER.match(ctx.text, end)
    if number:
        return number.end()
    branch = _BRANCH.match(ctx.text, end)
    if branch is None:
        return None
    place = branch.group("place")
    of = branch.group("of").strip() not in ("", "–", "-")
    if known_commune(lex, place) or is_area_name(place) or of and not lex.is_common(place.lower()):
        compass = _COMPASS.match(ctx.text, branch.end())  # "Pôle emploi de Vierzon Sud"
        return compass.end() if compass else branch.end()
    return None


def _matches(rx: re.Pattern[str], finder: re.Pattern[str], text: str, folded: str) -> list[re.Match[str]]:
    out = []
    for hit in finder.finditer(folded):
        m = rx.match(text, hit.start()) if _word_start(text, hit.start()) else None
        if m is not None and not re.match(r"[\w'’-]", text[m.end() : m.end() + 1]):
            out.append(m)
    return out


def network_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for charities (alone or with their branch) and other networks' branches."""
    text, out = ctx.text, []
    for m in _matches(_NAMES, _FINDER, text, ctx.folded):
        end = _branch_end(ctx, m.end())
        out.append(Span(m.start(), end or m.end(), "HOPITAL", 0.8, "named_body"))
    for m in _matches(_BRANCHED, _BRANCHED_FINDER, text, ctx.folded):
        end = _branch_end(ctx, m.end())
        if end is not None:
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out
