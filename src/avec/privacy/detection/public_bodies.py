"""Public services named by their commune or territory that the other organisation rules do not list:
police and gendarmerie units ("Commissariat de police de Redon", "brigade de gendarmerie de Josselin",
"BTA de Locminé", "CSP DREUX"), fire stations ("CIS Lesneven", "centre de secours de Pau"), public
finance and debt bodies ("Service de gestion comptable de Vannes", "Commission de surendettement des
particuliers du Pas-de-Calais", "FSL du Loiret", "CCAPEX de la Seine-Saint-Denis"), municipal social
and hygiene services ("Service social municipal de Bagnolet", "SCHS de Bagnolet"), and training or
employment bodies ("AFPA de Limoges", "CFA de la Vienne").

By the conventions of docs/privacy-detection.md a body named by its territory is one ``HOPITAL``, its
kind and its territory together: the territory tells where the person lives (round 12 extends this to
police and gendarmerie units, as the newer writers mark them; courts still keep their commune only).
The territory is a capitalised name after a particle, a département number ("DRIHL 93"), an
arrondissement ("commissariat du 3e arrondissement"), or, after an acronym, a known commune written
bare ("CIS Mérignac", "CSP DREUX"). No offline package lists these kinds, hence the hand-written table.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer, prefixed_search
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_S = r"[ \t]+"
# Kinds in full words (any case); the gate below holds a folded word of each.
_KINDS = (
    r"commissariat(?:" + _S + r"de" + _S + r"police)?(?:" + _S + r"(?:central|principal|subdivisionnaire))?",
    r"h[ôo]tel" + _S + r"de" + _S + r"police",
    r"(?:brigade|compagnie|groupement|escadron)(?:" + _S + r"(?:territoriale|autonome|de" + _S + r"proximit[ée]))*"
    + _S + r"de" + _S + r"gendarmerie(?:" + _S + r"(?:d[ée]partementale|nationale|mobile))?",
    r"brigade" + _S + r"(?:territoriale(?:" + _S + r"(?:autonome|de" + _S + r"contact))?|de" + _S + r"recherches?|"
    r"motoris[ée]e|de" + _S + r"proximit[ée])",
    r"gendarmerie(?:" + _S + r"nationale)?",
    # round 18: "brigade de Chinon", "Brigade de Lisieux" (6 of 7 marked whole, 4 writers)
    r"brigade(?=[ \t]+(?:de|du|d['’]|DE|DU|D['’]))",
    r"s[ûu]ret[ée]" + _S + r"(?:urbaine|d[ée]partementale)",
    r"centre" + _S + r"(?:d['’][ \t]?incendie" + _S + r"et" + _S + r"de" + _S + r"secours|de" + _S + r"secours"
    r"(?:" + _S + r"principal)?)",
    r"caserne(?:" + _S + r"des" + _S + r"(?:sapeurs-)?pompiers)?",
    r"service" + _S + r"de" + _S + r"gestion" + _S + r"comptable",
    r"centre" + _S + r"des" + _S + r"finances" + _S + r"publiques",
    r"tr[ée]sorerie(?:" + _S + r"(?:municipale|principale|g[ée]n[ée]rale))?",
    r"commission" + _S + r"de" + _S + r"surendettement(?:" + _S + r"des" + _S + r"particuliers)?",
    r"fonds" + _S + r"(?:de" + _S + r"solidarit[ée]" + _S + r"(?:pour" + _S + r"le" + _S + r"|au" + _S + r")?logement|"
    r"unique" + _S + r"(?:de" + _S + r"solidarit[ée]|logement))",
    r"commission" + _S + r"locale(?:" + _S + r"(?:du" + _S + r")?FSL)?",
    r"service" + _S + r"social" + _S + r"(?:municipal|communal)",
    r"service" + _S + r"communal" + _S + r"d['’][ \t]?hygi[èe]ne(?:" + _S + r"et" + _S + r"de" + _S + r"sant[ée])?",
    r"point" + _S + r"accueil(?:" + _S + r"(?:RSA|solidarit[ée]|emploi|insertion))?",
    r"circonscription" + _S + r"d['’][ \t]?action" + _S + r"m[ée]dico-sociale",
    r"coop[ée]rative" + _S + r"(?:agricole|viticole|laiti[èe]re|fruiti[èe]re)",
)
_GATE = ("commissariat", "police", "gendarmerie", "brigade", "surete", "secours", "caserne", "comptable",
         "finances publiques", "tresorerie", "surendettement", "fonds ", "commission locale", "service social",
         "service communal", "point accueil", "medico-sociale", "cooperative")
_PARTICLE = r"(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])"
_NAME = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
# A territory: one to four capitalised words joined by particles ("Pas-de-Calais", "La Seyne-sur-Mer").
_TERRITORY = _NAME + r"(?:[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|sur)[ \t]*)?" + _NAME + r"){0,3}"
_NUMBER = r"(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w'’-]|[,.]\d|[ \t]*(?:%|h\b|ans\b))"
_ARRONDISSEMENT = r"(?:[1-9]|1\d|20)(?:er|e|ème|è)(?:[ \t]+arrondissement)?(?![\w'’-])"
_TAIL = (
    r"(?:[ \t]+(?P<of>" + _PARTICLE + r")(?:(?<=['’])|[ \t]+)(?:(?P<arr>" + _ARRONDISSEMENT + r")|(?P<place>"
    + _TERRITORY + r"))|[ \t]+(?P<num>" + _NUMBER + r")|[ \t]+(?P<bare>" + _NAME + r"))"
)
_FULL = re.compile(r"(?<![\w-])(?<!\w\w['’])(?P<kw>(?i:" + "|".join(_KINDS) + r"))(?![\w'’-])" + _TAIL)
# Acronyms, written in capitals: police, gendarmerie and fire stations, public accounting, housing and
# debt bodies, municipal hygiene, training and employment, sperm banks, departmental houses.
_ACRONYMS = r"CSP|BTA|CIS|SGC|FSL|CCAPEX|DRIHL|SCHS|AFPA|CFA|CECOS|MDD|MDM|GRETA|CRIJ|3C"
_ACRONYM = re.compile(
    r"(?<![\w-])(?<!\w\w['’])(?P<kw>" + _ACRONYMS + r")(?![\w'’-])" + _TAIL
)
_ACRONYM_GATE = re.compile(r"(?<![\w-])(?:" + _ACRONYMS + r")[ \t]")
# Words that may close a territory without naming it ("Brest Rive droite", "Clermont Nord").
_COMPASS = frozenset(words_of("nord sud est ouest centre rive"))
_LINKS = frozenset(words_of("de la l d du des sur"))
_TOWN_COMPASS = re.compile(r"[\w'’-]+[ \t]+(?i:nord|sud|est|ouest|centre)(?![\w'’-])")
# Groupings of communes that name a territory before their own commune.
_GROUPINGS = frozenset(words_of("metropole communaute agglomeration pays"))


def _place_ok(ctx: DetectionContext, place: str) -> bool:
    """The first word names a place: a commune, a territory, or a capitalised word that is no ordinary
    or medical word and no first name."""
    first = re.match(r"[\w'’\-]+", place)
    if first is None:
        return False
    word = first.group(0)
    lex = ctx.lexicons
    if is_protected_word(word) or fold_key(word).strip("'’") in FACILITY_STOP:
        return False
    if known_commune(lex, word) or is_area_name(word) or is_area_name(place):
        return True
    if fold_key(word) in _GROUPINGS and re.search(r"[ \t]" + _PARTICLE + r"[ \t'’]*[" + UP + r"]", place):
        return True  # "FSL de la Métropole de Lyon", "Communauté d'agglomération du Grand Dax"
    return not lex.is_common(word.lower()) and not lex.is_first_name(word)


def _trim(ctx: DetectionContext, start: int, end: int) -> int:
    """Cut a territory before a word that ends a name ("Service", "Tél", a title) and its trailing links;
    in capitals, before an ordinary word ("GENDARMERIE D'AGDE PREVENUE")."""
    text = ctx.text
    for w in re.finditer(r"[\w'’\-]+", text[start:end]):
        key = fold_key(w.group(0)).strip("'’")
        caps_word = w.group(0).isupper() and ctx.lexicons.is_common(w.group(0).lower()) and key not in _LINKS
        if w.start() > 0 and (key in FACILITY_STOP or is_protected_word(w.group(0)) or caps_word):
            end = start + w.start()
            break
    tail = re.search(r"(?i)(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|sur))+[ \t'’]*\Z", text[start:end])
    end = start + tail.start() if tail else end
    while end > start and text[end - 1] in " \t-'’":
        end -= 1
    return end


def _compass_after(text: str, end: int) -> int:
    """A compass word or a bank closing the territory ("MDD LIMOGES NORD", "CDAS de Brest Rive droite")."""
    m = re.match(r"[ \t]+([\w-]+)(?:[ \t]+(droite|gauche))?(?![\w'’-])", text[end:end + 30])
    if m and fold_key(m.group(1)) in _COMPASS:
        return end + m.end()
    return end


def public_body_spans(ctx: DetectionContext) -> list[Span]:
    """Police, gendarmerie, fire, finance, housing-aid and training bodies with their territory (``HOPITAL``)."""
    text, folded, lex = ctx.text, ctx.folded, ctx.lexicons
    scans = [_FULL] if any(k in folded for k in _GATE) else []
    scans += [_ACRONYM] if prefixed_search(_ACRONYM_GATE, text, folded) else []
    out: list[Span] = []
    for m in (m for scan in scans for m in prefixed_finditer(scan, text, folded)):
        acronym = m.re is _ACRONYM
        kw = m.group("kw")
        if m.group("num") or m.group("arr"):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
            continue
        if m.group("bare"):
            # "CIS Mérignac", "CSP DREUX", "MDD LIMOGES NORD": after an acronym only, a known commune
            word = m.group("bare")
            compass = _TOWN_COMPASS.match(text, m.start("bare"))
            if compass and known_commune(lex, word):  # "Circonscription d'action médico-sociale Clermont Nord"
                out.append(Span(m.start(), compass.end(), "HOPITAL", 0.8, "named_body"))
                continue
            # "GENDARMERIE QUILLAN": a police unit and its commune, written bare in a capitals line (round 18)
            police = fold_key(kw).startswith(("gendarmerie", "commissariat")) and known_commune(lex, word)
            if police and not (lex.is_first_name(word) or lex.is_common(word.lower()) or is_protected_word(word)):
                out.append(Span(m.start(), m.end("bare"), "HOPITAL", 0.8, "named_body"))
                continue
            if not acronym or is_protected_word(word) or lex.is_first_name(word) and not word.isupper():
                continue
            common = lex.is_common(word.lower()) and not word.isupper()
            if not (known_commune(lex, word) or is_area_name(word)) or common:
                continue
            out.append(Span(m.start(), _compass_after(text, m.end()), "HOPITAL", 0.8, "named_body"))
            continue
        place = m.group("place")
        if not _place_ok(ctx, place) or kw.isupper() and not acronym and not place.isupper():
            continue
        end = _trim(ctx, m.start("place"), m.end("place"))
        if end > m.start("place"):
            out.append(Span(m.start(), _compass_after(text, end), "HOPITAL", 0.8, "named_body"))
    return out
