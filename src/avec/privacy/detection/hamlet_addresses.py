"""Homes named by a hamlet, and the commune after a hamlet.

- round 19: a hamlet with its article after a comma or opening its line ("Mme X, Le Bourg, 15300
  Murat", "La Gravette 24380 Vergt") or after a place word ("Mas de X, 30360 Y"), right before a
  postal code and its commune. (One word after "Adresse :" stays the commune rules' VILLE, as the
  round-15 tests keep it: "Adresse : Kervrohen, 29400 X".)
- a hamlet ("La Haute Borde", "Le Pré Morin") after a home or visit word ("VAD", "domicile",
  "demeurant lieu dit", "chez sa tante,", a surname label of a round "MARTIN :") and before its
  postal code or a known commune: "VAD Le Pré Morin, Saint-Aubin", "DOMICILE La Combe, 44170 X";
  the commune after the comma is a ``VILLE`` ("lieu-dit La Croix Blanche, Plessé").

Postal boxes ("BP 20417 – 29200 X") are left: the older sets leave them unmarked in about thirty
letterheads, one newer writer marks them.

Hand-written: no offline library reads French address layouts without a street number.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, city_span, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_ZIP = r"(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])[ \t]?\d{3}(?!\d)"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’])"
_NAME_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_HAMLET = (
    r"(?P<place>(?:Les|Le|La|L['’])[ \t]*"
    + _NAME_WORD
    + r"(?:[ \t]+(?:"
    + _LINK
    + r"[ \t]*)?"
    + _NAME_WORD
    + r"){0,3}?)"
)
# The home or visit word right before the hamlet.
_HOME_HAMLET = re.compile(
    r"(?:(?i:\b(?:VAD|visite[ \t]+(?:à|a)[ \t]+domicile|domicile|lieu[- ]dit|hameau|demeurant|domicili[ée]e?|"
    r"habite|chez[ \t]+(?:sa|son|ses|leur)[ \t]+[\w'’\-]+[ \t]*,))|(?<![\w'’-])[A-Z]{3,}[ \t]*:)"
    r"[ \t]*:?[ \t]*(?P<lead>(?i:lieu[- ]dit|hameau)[ \t]+)?" + _HAMLET
)
# After the hamlet: a comma or spaces, then its postal code or a capitalised commune.
_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:(?P<zip>" + _ZIP + r")|(?=[" + UP + r"]))")
_FACILITY_WORD = re.compile(
    r"(?i)(?:l['’]|les?|la)[ \t]*(?:h[ôo]pital|clinique|centre|cabinet|ehpad|pharmacie|laboratoire|maison|"
    r"r[ée]sidence|foyer|institut|unit[ée]|p[ôo]le|service|mairie|poste|gare|pr[ée]fecture|tribunal|samu|smur)\b"
)


_LEAD_WORD = re.compile(r"(?i)\b(?:lieu-dit|hameau)[ \t]+\Z")


def _commune_after(ctx: DetectionContext, pos: int) -> tuple[int, int] | None:
    """Bounds of a known commune right at ``pos`` (capitalised or in capitals), else None."""
    run = city_span(ctx.text, pos)
    if run is None:
        return None
    s, e = run
    words = list(re.finditer(r"\S+", ctx.text[s:e]))
    for n in range(len(words), 0, -1):
        end = s + words[n - 1].end()
        surface = ctx.text[s:end].rstrip(",;")
        if known_commune(ctx.lexicons, surface) and not ctx.lexicons.is_first_name(surface):
            return s, s + len(surface)
    return None


def _hamlets(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in prefixed_finditer(_HOME_HAMLET, text, ctx.folded):
        place = m.group("place")
        # the lazy name: extend it word by word up to the postal code or the commune
        ps, pe = m.span("place")
        ext = re.compile(r"[ \t]+(?:" + _LINK + r"[ \t]*)?" + _NAME_WORD)
        ends = [pe]
        while len(ends) < 4 and (nxt := ext.match(text, ends[-1])) is not None:
            ends.append(nxt.end())
        for end in reversed(ends):  # the longest name that a postal code or a commune closes
            after = _AFTER.match(text, end)
            if after is None:
                continue
            town = None if after.group("zip") else _commune_after(ctx, after.end())
            if not after.group("zip") and town is None:
                continue
            place = text[ps:end]
            if _FACILITY_WORD.match(place) or known_commune(lex, place):
                continue
            words = [w for w in re.findall(r"[\w'’]+", place)[1:] if w[:1].isupper()]
            if not words or any(is_protected_word(w) or lex.is_first_name(w) and len(words) == 1 for w in words):
                continue
            # (the writers keep "lieu-dit" in the span: "lieu-dit La Combe Haute")
            lead = m.start("lead") if m.group("lead") else _LEAD_WORD.search(text, max(0, ps - 10), ps)
            start = lead if isinstance(lead, int) else (lead.start() if lead is not None else ps)
            out.append(Span(start, end, "ADRESSE", 0.78, "hamlet_address"))
            if town is not None:
                out.append(Span(town[0], town[1], "VILLE", 0.75, "hamlet_address"))
            break
    return out


# A postal code followed by its commune, the anchor of the hamlets written without a home word.
_ZIP_TOWN = re.compile(r"(?<![\w/.,])" + _ZIP + r"(?=[ \t]+[" + UP + r"])")
# What stands between a hamlet and its postal code: a comma, a dash or blanks.
_SEP_BEFORE = re.compile(r"[ \t]*(?:,|[–—-])?[ \t]*\Z")
# "Mme X (sœur), Le Bourg, 15300 Murat", "La Gravette 24380 Vergt" opening its line: a hamlet with its
# article after a comma or a colon, or alone on the line start, right before a postal code and commune.
_OPEN_HAMLET = re.compile(r"(?:^|[,:(])[ \t]*" + _HAMLET + r"\Z")
# "la maison familiale du Mas de Vallongue, 30360 X", "plage du Kérou, 29360 X": a place word and its name.
_KIND_HAMLET = re.compile(
    r"(?<![\w'’-])(?P<place>(?i:mas|ferme|hameau|moulin|manoir|domaine|lieu-dit|quartier|village|plage)[ \t]+"
    r"(?:" + _LINK + r"[ \t]*)?" + _NAME_WORD + r"(?:[ \t]+(?:" + _LINK + r"[ \t]*)?" + _NAME_WORD + r"){0,3})\Z"
)
# A street type or a house number before a place word: the place names the street.
_STREET_BEFORE = re.compile(
    r"(?i)(?:\d|\b(?:rue|chemin|ch\.|route|rte|avenue|av\.|all[ée]e|impasse|boulevard|bd|place|quai|cours|voie|"
    r"sentier|traverse|mont[ée]e|carrer|cam[íi]|camin|carrera|calle|lotissement|r[ée]sidence|cit[ée]|hameau|"
    r"lieu-dit|zone|parc))[ \t]*(?:(?:del|de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’])[ \t]*)?\Z"
)


def _hamlets_before_postcodes(ctx: DetectionContext) -> list[Span]:
    """Hamlets with no home word before them, closed by a postal code and its commune (round 19)."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    for z in _ZIP_TOWN.finditer(text):
        line_start = text.rfind("\n", 0, z.start()) + 1
        sep = _SEP_BEFORE.search(text, line_start, z.start())
        end = sep.start() if sep is not None else z.start()
        if end <= line_start or end == z.start() and text[end - 1 : end].isalnum():
            continue  # (a hamlet glued to its postal code is an OCR slip the other rules read)
        head = text[max(line_start, end - 60) : end]
        town = re.match(r"[" + UP + r"][\w'’]*(?:[- ][\w'’]+)*", text[z.end() :].lstrip(" \t"))
        m = _OPEN_HAMLET.search(head)
        if m is None and (kind := _KIND_HAMLET.search(head)) is not None:
            # "23 chemin du Mas de Boudan", "3 hameau de X": the street rule's address, not a hamlet alone
            m = None if _STREET_BEFORE.search(head, 0, kind.start()) else kind
        if m is not None and town is not None and fold_key(town.group(0)).startswith(fold_key(m.group("place"))):
            continue  # "Dr X, Le Havre, 76600 Le Havre": the commune itself
        if m is None:
            continue
        place = m.group("place")
        words = [w for w in re.findall(r"[\w'’]+", place)[1:] if w[:1].isupper()]
        if (
            place.isupper()
            or _FACILITY_WORD.match(place)
            or lex.is_surname(place)  # "M. Le Goff, 29200 Brest"
            or not words
            or any(is_protected_word(w) for w in words)
            or len(words) == 1
            and (lex.is_first_name(words[0]) or lex.is_surname(words[0]))
        ):
            continue
        start = end - len(head) + m.start("place")
        out.append(Span(start, start + len(place), "ADRESSE", 0.76, "hamlet_address"))
    return out


@recognizer("hamlet_address", 77)
def find_hamlet_addresses(ctx: DetectionContext) -> list[Span]:
    """Hamlets used as homes, and the commune after them."""
    return _hamlets(ctx) + _hamlets_before_postcodes(ctx)
