"""Localities named without a street: hamlets, lieux-dits and quarters used as homes (round 17).

- a place named by a landform, as overseas and mountain places are ("Ravine des Roches", "Plaine des
  Fougères", "îlet à Bananes", "Morne Rouge"), capitalised, outside a street: an ``ADRESSE``;
- a place followed by the commune it belongs to ("Mbouini, commune de Kani-Kéli", "le bourg de Saül
  (commune de X)"): a ``VILLE``, and so are its other mentions in the document;
- a place after a verb of living that no commune rule knows ("vivent tous deux à Bois Rouge"): an
  ``ADRESSE``;
- a lieu-dit written without article ("lieu dit Kervran Ploudalmézeau", "LIEU-DIT  MORNE  ROUGE"),
  the commune after it a ``VILLE``; a "section" before its postal code ("SECTI0N X - 97112");
- an OCR-spaced commune after its postal code ("97140 CAPESTERRE  DE  MARIE-GALANTE");
- a village or quarter named with "de" before a postal code ("village de Mtsamoudou, 97615 X").

Hand-written: no offline gazetteer lists hamlets and lieux-dits; the evidence is the layout.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune, world_places
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’]|à[ \t]+l['’]|à|aux)"
# A landform opening a place name; the name follows, maybe after a link word.
_LANDFORM = re.compile(
    r"(?<![\w'’-])(?P<kw>Ravine|Plaine|[ÎI]let|îlet|ilet|Morne|Piton|Anse|Savane)[ \t]+"
    r"(?P<name>(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _WORD + r")(?![\w'’-])"
)
# Street types and numbers before a landform make it a street name ("chemin Morne X", "12 ravine Y").
_STREET_BEFORE = re.compile(
    r"(?i)(?:\b(?:rue|chemin|ch\.|route|rte|all[ée]e|impasse|avenue|boulevard|sentier|lotissement|r[ée]sidence|"
    r"quartier|section|lieu[- ]?dit|cit[ée]|village|hameau|secteur|[îi]let|morne|ravine|plaine|piton|anse|rivi[èe]re)"
    r"|\d)[ \t]*\Z"
)
_COMMUNE_OF = re.compile(
    r"(?P<name>" + _WORD + r"(?:[ \t]+(?:" + _LINK + r"[ \t]*)?" + _WORD + r"){0,2})"
    r"[ \t]*(?:,|\()[ \t]*(?i:commune)[ \t]+(?:de[ \t]+|d['’][ \t]*)(?P<commune>" + _WORD + r")"
)
_LEAD_BEFORE = re.compile(r"(?i)(?:lieu[- ]?dit|hameau|quartier|village|section)[ \t]+\Z")
_CAPS_WORD = r"[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ][A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ'’\-]*"
_NAME_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’])"
_LIEU_DIT = re.compile(
    r"(?<![\w-])(?P<lead>(?i:lieu[- ]?dit))[ \t]*:?[ \t]+"
    r"(?P<name>(?:" + _WORD + r"|" + _CAPS_WORD + r")"
    r"(?:[ \t]{1,3}(?:" + _NAME_LINK + r"[ \t]{1,3})?(?:" + _WORD + r")){0,4})"
)
_ZIP_NEXT = re.compile(r"[ \t]*[,–—-]?[ \t]*\d{5}(?!\d)")
_SECTION = re.compile(
    r"(?<![\w-])(?P<all>(?:SECTI[O0]N|Section|section)[ \t]+(?:" + _WORD + r"))[ \t]*[-–—,]?[ \t]*\d{5}(?!\d)"
)
_SPACED_TOWN = re.compile(
    r"(?<!\d)\d{5}[ \t]+(?P<town>" + _CAPS_WORD + r"(?:[ \t]{1,3}" + _CAPS_WORD + r"){1,5})"
)
# "rue X, village de Labattoir, 97615 X": a village or a quarter named with "de" before the postal code
_VILLAGE_OF = re.compile(
    r"(?<![\w-])(?i:village|hameau|quartier)[ \t]+(?:de[ \t]+|d['’][ \t]*)" + _WORD
    + r"(?:[ \t]+(?:" + _NAME_LINK + r"[ \t]*)?" + _WORD + r"){0,2}(?=[ \t]*,?[ \t]*\d{5}(?!\d))"
)
# "vivaient tous deux à Grand Coude": a place where someone lives, not a known commune (those are
# read by the commune rules) nor a person, an area or a country
_LIVES_AT = re.compile(
    r"(?<![\w-])(?i:vi(?:t|vent|vait|vaient)|habit(?:e|ent|ait|aient)|r[ée]sid(?:e|ent|ait|aient))"
    r"(?:[ \t]+(?i:tous|toutes|deux|ensemble|seule?s?|encore|toujours|d[ée]sormais|maintenant|actuellement)){0,2}"
    r"[ \t]+à[ \t]+(?P<name>" + _WORD + r"(?:[ \t]+(?:" + _NAME_LINK + r"[ \t]*)?" + _WORD + r"){0,2})(?![\w'’-])"
)
_ARTICLE = re.compile(r"(?:Les|Le|La|L['’]|LES|LE|LA)(?:[ \t]|(?<=['’]))")


def _landforms(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in _LANDFORM.finditer(text):
        if _STREET_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        name = m.group("name")
        last = re.findall(r"[\w'’]+", name)[-1]
        if is_protected_word(last) or (lex.is_first_name(last) and not lex.is_common(last)):
            continue  # "Anse de Henle"; "Morne Pierre" may be a person's name
        whole = text[m.start() : m.end()]
        if fold_key(whole) in lex.communes or fold_key(whole.replace(" ", "-")) in lex.communes:
            continue  # "Morne-à-l'Eau", "Anse-Bertrand": the commune rules give a VILLE
        out.append(Span(m.start(), m.end(), "ADRESSE", 0.72, "landform_place"))
    return out


def _communes_of(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []
    names = set()
    for m in _COMMUNE_OF.finditer(text):
        if not known_commune(lex, m.group("commune")):
            continue
        name = m.group("name")
        if not re.match(r"[" + UP + r"][a-zà-ÿ]", name) or _LEAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "A48, commune de X", "VIF, commune de X"; "lieu-dit X, commune de Y" (hamlet rules)
        art = _ARTICLE.match(name)
        start = m.start("name") + (art.end() if art else 0)
        name = text[start : m.end("name")]
        if len(name) < 3 or is_protected_word(name) or lex.is_first_name(name):
            continue
        out.append(Span(start, m.end("name"), "VILLE", 0.74, "locality_name"))
        if not lex.is_common(name) and len(name) >= 4:
            names.add(name)
    for name in names:  # "intervenant à Saül": the place's other mentions
        for o in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", text):
            out.append(Span(o.start(), o.end(), "VILLE", 0.73, "locality_name"))
    return out


_BODY_WORDS = {
    "domicile", "services", "service", "foyer", "centre", "maison", "residence", "ehpad", "hopital", "clinique",
    "sante", "association", "hotel", "pension", "cite", "internat", "habitat", "logement", "accueil",
}


def _lived_places(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    cities = world_places(lex).cities
    out = []
    for m in _LIVES_AT.finditer(text):
        name = m.group("name")
        words = re.findall(r"[\w'’]+", name)
        caps = [w for w in words if w[:1].isupper()]
        if name.isupper() or fold_key(name) in lex.communes or is_area_name(name) or lex.is_country(name):
            continue
        if name.lower() in cities or (" " not in name and "-" in name):
            continue  # a foreign city, an island ("Belle-Île-en-Mer"): the town rules read them
        if any(fold_key(w) in _BODY_WORDS for w in caps):
            continue  # "habite à Domicile Services": a body or a building, not a place
        if lex.is_first_name(caps[0]) or any(is_protected_word(w) for w in caps):
            continue  # "vit à Jean Martin": a person
        if len(caps) == 1 and lex.is_surname(caps[0]):
            continue
        if len(caps) == 1 and (lex.is_common(caps[0]) or len(caps[0]) < 4 or known_commune(lex, caps[0])):
            continue
        # one word is rather a village ("vit à Javouhey"), several a hamlet ("à Grand Coude")
        label = "VILLE" if len(words) == 1 else "ADRESSE"
        out.append(Span(m.start("name"), m.end("name"), label, 0.66, "lived_place"))
    return out


def _lieux_dits(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in _LIEU_DIT.finditer(text):
        name = m.group("name")
        if _ARTICLE.match(name) and "  " not in name:
            continue  # "lieu-dit La Combe": the hamlet rule reads it
        if re.match(r"[ \t]+[a-z]", text[m.end() : m.end() + 3]) and not re.match(r"[ \t]+à[ \t]", text[m.end() :]):
            continue  # "lieu-dit Capo di Feno": a lower-case link the name pattern does not read
        if re.search(r"[,(][ \t]*\Z|\d[ \t]*\Z", text[max(0, m.start() - 3) : m.start()]):
            continue  # "Hent X, lieu-dit Y": a part of an address chain, which the chain rule reads
        words = list(re.finditer(r"[^\s]+", name))
        base = m.start("name")
        end, town = base + words[-1].end(), None
        # the longest name whose rest is a known commune ending the line: "Kervran Ploudalmézeau"
        before_zip = _ZIP_NEXT.match(text, m.end()) is not None
        for n in range(1, 1 if before_zip else len(words)):
            rest = " ".join(w.group(0) for w in words[n:])
            if known_commune(lex, rest) and not (lex.is_first_name(rest) or lex.is_common(rest)):
                end, town = base + words[n - 1].end(), (base + words[n].start(), base + words[-1].end())
                break
        inner = re.findall(r"[\w'’]+", text[base:end])
        if not inner or any(is_protected_word(w) for w in inner) or known_commune(lex, text[base:end]):
            continue
        out.append(Span(m.start(), end, "ADRESSE", 0.8, "lieu_dit_name"))
        if town is not None:
            out.append(Span(town[0], town[1], "VILLE", 0.78, "lieu_dit_name"))
    return out


def _spaced_towns(ctx: DetectionContext) -> list[Span]:
    """Capitals communes spaced by OCR after their postal code, read with single spaces."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in _SPACED_TOWN.finditer(text):
        town = m.group("town")
        if "  " not in town:
            continue
        words = list(re.finditer(r"\S+", town))
        for n in range(len(words), 1, -1):
            surface = " ".join(w.group(0) for w in words[:n]).replace("0", "O")
            hyphened = surface.replace(" DE ", "-DE-").replace(" ", "-")
            if known_commune(lex, surface) or fold_key(hyphened) in lex.communes:
                out.append(Span(m.start("town"), m.start("town") + words[n - 1].end(), "VILLE", 0.78, "locality_name"))
                break
    return out


@recognizer("landform_place", 73)
def find_landform_places(ctx: DetectionContext) -> list[Span]:
    """Places named by a landform ("Ravine des Roches"), outside a street."""
    folded = ctx.folded
    if any(k in folded for k in ("ravine", "plaine", "ilet", "morne", "piton", "anse", "savane")):
        return _landforms(ctx)
    return []


@recognizer("lived_place", 58)
def find_lived_places(ctx: DetectionContext) -> list[Span]:
    """Hamlets after a verb of living ("vivent à Grand Coude") that no commune rule knows."""
    return _lived_places(ctx) if " à " in ctx.text else []


@recognizer("lieu_dit_name", 85)
def find_lieux_dits(ctx: DetectionContext) -> list[Span]:
    """Lieux-dits without article, and the commune after them (above the name rules: "lieu-dit" says
    that a place follows)."""
    folded = ctx.folded
    return _lieux_dits(ctx) if "lieu" in folded and "dit" in folded else []


@recognizer("locality_name", 76)
def find_locality_names(ctx: DetectionContext) -> list[Span]:
    """Places followed by their commune, sections before a postal code, OCR-spaced communes."""
    folded = ctx.folded
    out: list[Span] = []
    if "commune d" in folded:
        out += _communes_of(ctx)
    if "secti" in folded:
        for m in _SECTION.finditer(ctx.text):
            words = re.findall(r"[\w'’]+", m.group("all"))[1:]
            if not any(is_protected_word(w) for w in words):
                out.append(Span(m.start("all"), m.end("all"), "ADRESSE", 0.78, "locality_name"))
    if "  " in ctx.text:
        out += _spaced_towns(ctx)
    if "village d" in folded or "hameau d" in folded or "quartier d" in folded:
        for m in _VILLAGE_OF.finditer(ctx.text):
            if re.search(r"\d[ \t]*\Z", ctx.text[max(0, m.start() - 4) : m.start()]):
                continue  # "3 hameau de X": a street, read by the street rule
            if not any(is_protected_word(w) for w in re.findall(r"[\w'’]+", m.group(0))[2:]):
                out.append(Span(m.start(), m.end(), "ADRESSE", 0.78, "locality_name"))
    return out
