"""Homes named by a place rather than a numbered street, and streets written without a number.

- a lieu-dit after a home word, before its postal code or its commune: "demeurant La Combe du Pré,
  12345 X", "domiciliée Les Vignasses à X", "Adresse : Le Pré Haut — 12345 X";
- a lieu-dit opening a line, a table cell or a dashed part, before ", <known commune>":
  "| La Mazière, Saint-Priest-Taurion |", "– Chez Rouchaud, 12345 X";
- a street without its number before a postal code: "place du Docteur Jean Sauvage, 12345 X";
- a street, gate, bridge or quay named in a hurried note: "maraude quai de Valmy", "porte de Clichy";
- a postal code right after "adresse" in a note: "adresse 13002 boîte 88".

The home words, the separators and a known commune after the name are the evidence; names that are
known communes, first names, facilities or medical words are refused. Hand-written: no offline
library reads French address layouts without a street number.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key
from avec.privacy.spans import Span

_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’])"
_NAME_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
# "Les Granges du Villard", "Chez Bernardou", "La Croix-Haute": an article (or "Chez") and up to four words.
_PLACE = (
    r"(?P<place>(?:Les|Le|La|L['’]|Chez)[ \t]*" + _NAME_WORD
    + r"(?:[ \t]+(?:" + _LINK + r"[ \t]*)?" + _NAME_WORD + r"){0,3})"
)
_ZIP = r"(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])[ \t]?\d{3}(?!\d)"
_COMMUNE_AFTER = re.compile(
    r"[ \t]*(?:,|[ \t][–—-]|[ \t]à)[ \t]*(?:(?P<zip>" + _ZIP + r")|(?P<town>(?:Saint|Sainte|St|Ste)?[-\w'’ ]{2,40}))"
)
_HOME_WORD = re.compile(
    r"(?i:\b(?:domicili[ée]e?|demeurant|r[ée]sidant|adresse[ \t]*:|domicile[ \t]*:|habite(?:[ \t]+(?:à|a))?))"
    r"[ \t]*:?[ \t]*" + _PLACE
)
# Where a lieu-dit may open a part of a line: its start, a cell, a dash, a quoted CSV field.
_PART_PLACE = re.compile(r"(?<![\w'’-])" + _PLACE)
_PART_BEFORE = re.compile(r"(?:^|\||[ \t][–—]|\()[ \t]*\Z", re.MULTILINE)
_FACILITY_WORD = re.compile(
    r"(?i)(?:l['’]|les?|la)?[ \t]*(?:h[ôo]pital|clinique|centre|cabinet|ehpad|pharmacie|laboratoire|maison|"
    r"r[ée]sidence|foyer|institut|unit[ée]|p[ôo]le|service|mairie|poste|gare|pr[ée]fecture|tribunal)\b"
)


def _town_is_commune(ctx: DetectionContext, town: str) -> bool:
    """The start of ``town`` (up to a bracket, a comma or a dot) is a known commune."""
    head = re.split(r"[,.;()|\n]|[ \t]{2}", town, maxsplit=1)[0].strip()
    words = head.split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        if cand[:1].isupper() and known_commune(ctx.lexicons, cand):
            return True
        if cand[:1].isupper() and fold_key(cand.replace(" ", "-")) in ctx.lexicons.communes:
            return True
    return False


def _plausible_place(ctx: DetectionContext, place: str, strict: bool) -> bool:
    """A lieu-dit's name: not a commune, a facility, a first name or a medical word."""
    if _FACILITY_WORD.match(place) or known_commune(ctx.lexicons, place):
        return False
    if fold_key(place.replace(" ", "-")) in ctx.lexicons.communes:
        return False
    words = [w for w in re.findall(r"[\w'’]+", place) if w[:1].isupper()]
    core = words[1:] if words and words[0] in ("Les", "Le", "La", "Chez") else words
    # (a medical acronym written as a word is the place's word: "Le Mas Neuf" is no MAS)
    if not core or any(is_protected_word(w) and not (w[1:].islower() and is_acronym(w.upper())) for w in core):
        return False
    if place.startswith("Chez") and ctx.lexicons.is_first_name(core[0]) and len(core) > 1:
        return False  # "Chez Marie Durand": a person's home named by the person
    # "La Poste, Brest", "Le Centre, Lyon": ordinary words need a home word
    return not (strict and all(ctx.lexicons.is_common(w) for w in core))


def _lieux_dits(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    out = []
    for m in prefixed_finditer(_HOME_WORD, text, ctx.folded):
        after = _COMMUNE_AFTER.match(text, m.end("place"))
        if after is None or not (after.group("zip") or _town_is_commune(ctx, after.group("town"))):
            continue
        if _plausible_place(ctx, m.group("place"), strict=False):
            out.append(Span(m.start("place"), m.end("place"), "ADRESSE", 0.75, "named_place"))
    for m in _PART_PLACE.finditer(text):
        if not _PART_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue
        after = _COMMUNE_AFTER.match(text, m.end("place"))
        if after is None or not after.group(0).lstrip(" \t").startswith((",", "–", "—")):
            continue
        if not (after.group("zip") or _town_is_commune(ctx, after.group("town"))):
            continue
        if _plausible_place(ctx, m.group("place"), strict=True):
            out.append(Span(m.start("place"), m.end("place"), "ADRESSE", 0.72, "named_place"))
    return out


# A street type and its name, no number before it, then a comma or a dash and a postal code.
_UNNUMBERED_STREET = re.compile(
    r"(?<![\w,])(?<!\d[ \t])(?P<street>(?i:place|rue|avenue|boulevard|all[ée]e|impasse|quai|cours|square|mail|"
    r"esplanade|promenade|parvis|chemin|route)[ \t]+(?:" + _LINK + r"[ \t]*)?(?i:(?:docteur|professeur|"
    r"g[ée]n[ée]ral|mar[ée]chal|pr[ée]sident|abb[ée]|commandant|capitaine|colonel)[ \t]+)?"
    + _NAME_WORD + r"(?:[ \t]+(?:" + _LINK + r"[ \t]*)?" + _NAME_WORD + r"){0,3})"
    r"(?=[ \t]*(?:,|[ \t][–—-])[ \t]*" + _ZIP + r"[ \t]+[" + UP + r"])"
)
# Landmarks of a street outreach note: "quai de Jemmapes", "porte d'Aubervilliers", "pont Wilson".
_NOTE_STREET = re.compile(
    r"(?<![\w'’-])(?<!\d[ \t])(?P<street>(?:quai|porte|pont|rue|boulevard|bd|avenue|av\.|place|cours|impasse|"
    r"Quai|Porte|Pont|Boulevard|Avenue|Impasse)[ \t]+"
    r"(?:(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’])[ \t]*)?" + _NAME_WORD
    + r"(?:[ \t]+(?:" + _LINK + r"[ \t]*)?" + _NAME_WORD + r"){0,2})"
)
_TITLE_BEFORE = re.compile(r"(?:\b(?:M|Mme|Mr|Dr|Pr|Me)\.?|\b(?:Monsieur|Madame|Docteur))[ \t]*\Z")
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:Le|La|Les|LE|LA|LES|un|une|des)|\bL['’])[ \t]*\Z")


# "Adresse : Le Moulin, route de X – ZIP": the street continues an address the other rules read.
_ADDRESS_PART_BEFORE = re.compile(
    r"(?i)(?:\b(?:adresse|domicile|demeurant|domicili[ée]e?|r[ée]sidence|b[âa]t|appt|appartement|logement|lot|"
    r"escalier|[ée]tage|cit[ée]|lotissement|hameau|lieu-dit)\b|\d)[^\n]*,[ \t]*\Z"
)
# "12 bis avenue X", "103 grande rue X", "3a rue X": the number the address rule reads with the street.
# ("120 ancienne route de X", "4 vieux chemin Y": a qualifier between them, round 19)
_NUMBER_BEFORE = re.compile(
    r"(?i)\d[ \t]*(?:bis|ter|quater|[a-d])?[ \t]*,?[ \t]*"
    r"(?:(?:grande?|ancienne|vieille|nouvelle|petite|ancien|vieux|petit)[ \t]+)?\Z"
)


@recognizer("unnumbered_street", 85)
def find_unnumbered_streets(ctx: DetectionContext) -> list[Span]:
    """A street without its number before ", <postal code> <Commune>" (beats a title inside it)."""
    text = ctx.text
    return [
        Span(m.start("street"), m.end("street"), "ADRESSE", 0.8, "unnumbered_street")
        for m in prefixed_finditer(_UNNUMBERED_STREET, text, ctx.folded)
        if not _ADDRESS_PART_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        and not _NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start())
    ]


@recognizer("note_street", 73)
def find_note_streets(ctx: DetectionContext) -> list[Span]:
    """Streets, gates, bridges and quays named without a number in a note ("quai de Valmy")."""
    text = ctx.text
    out = []
    for m in prefixed_finditer(_NOTE_STREET, text, ctx.folded):
        s, e = m.span("street")
        if _TITLE_BEFORE.search(text, max(0, s - 12), s) or _ARTICLE_BEFORE.search(text, max(0, s - 6), s):
            continue  # "M. Pont Robert": a surname; "Le Pont Hamon": a lieu-dit; "sur un pont du Rhône"
        words = re.findall(r"[\w'’]+", text[s:e])
        names = [w for w in words[1:] if w[:1].isupper()]
        if not names or any(is_protected_word(w) or fold_key(w) in CALENDAR_WORDS or w.isupper() for w in names):
            continue
        if len(names) == 1 and ctx.lexicons.is_first_name(names[0]) and text[e : e + 2].strip()[:1].isupper():
            continue  # "Place Marie Dupont"? a name follows; let the person rules read it
        out.append(Span(s, e, "ADRESSE", 0.72, "note_street"))
    return out


_ZIP_AFTER_ADDRESS_WORD = re.compile(r"(?i)\badresse[ \t]*:?[ \t]*(?P<zip>" + _ZIP + r")(?![\d,.])")


@recognizer("named_place", 76)
def find_named_places(ctx: DetectionContext) -> list[Span]:
    """Lieux-dits used as homes and a postal code after "adresse"."""
    spans = _lieux_dits(ctx)
    for m in prefixed_finditer(_ZIP_AFTER_ADDRESS_WORD, ctx.text, ctx.folded):
        spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.8, "named_place"))
    return spans
