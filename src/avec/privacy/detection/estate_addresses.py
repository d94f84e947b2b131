"""A residence or an estate with its building, flat or lot parts and its street, as one ``ADRESSE``.

"Résidence Les Cèdres, bât. D, 3e étage, appt 12, 7 rue Lamartine", "résidence les Tilleuls bat D
appt 12, 9 rue Gambetta", "Lotissement Les Oliviers, villa 12", "M;Résidence Le Parc, appt 108, 3
rue Jean Jaurès;22000": by the conventions of docs/privacy-detection.md the estate, its parts and
its street are ONE span when at least one building, flat or lot part is written; without one the
estate and the street stay two spans (other rules). The facility rule reads "Résidence X" alone and
the street rule reads the street alone; this recognizer, ranked above both, joins them. Hand-written
because no offline library parses French address complements.
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_KIND = (
    r"(?i:r[ée]sidence(?:[ \t]+(?:universitaire|sociale|crous))?|lotissement|lot\.|cit[ée]|domaine|hameau|"
    r"lieu-dit|immeuble|villa|les[ \t]+jardins|parc|"
    # a workers' or a young people's hostel with a room: "Foyer Les Tilleuls, ch. 12, 3 rue X"
    r"foyer(?:[ \t]+(?:de[ \t]+jeunes[ \t]+travailleurs|de[ \t]+travailleurs(?:[ \t]+migrants)?))?)"
)
# The estate's name: capitalised words with the connectors of a name ("Les Murs à Pêches", "A Torra"),
# or an article in lower case before a capitalised word ("résidence les Acacias").
_NAME = (
    r"(?:(?:les|le|la|l['’]|du|des|de[ \t]+la|de)(?:(?<=['’])|[ \t]+))?[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
    r"(?:[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|à|a|u|di|et)(?:(?<=['’])|[ \t]+))?"
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*){0,4}"
)
# One building, stair, floor, flat, door or lot part: "bât. B", "3e étage", "appt 34", "villa 4", "lot 12".
_PART = (
    r"(?:(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|app\.|esc(?:alier)?\.?|porte|villa|lot|"
    # "logt 27", "tour 3", a student's room "ch. 214" / "ch. 3-118", a house number "n° 4"
    r"logement|logt\.?|log\.|entr[ée]e|tour|ch\.|chambre|n°)[ \t]*(?:n°[ \t]*)?[A-Z0-9]{1,4}(?:-\d{1,4})?(?![\w'’])"
    r"|(?i:section)[ \t]+[" + UP + r"0-9][\w'’\-]*(?:[ \t]+[" + UP + r"][\w'’\-]*){0,2}"
    r"|\d{1,2}[ \t]?(?:e|er|ère|ème|è)[ \t]+(?i:[ée]tage)|(?i:rez-de-chauss[ée]e|rdc))"
)
_SEP = r"(?:[ \t]*[,/][ \t]*|[ \t]+(?:[–—-][ \t]+)?)"
_STREET = (
    r"(?:\d{1,4}(?:[ \t]?(?:bis|ter|[a-dA-D](?![\w'’])))?,?[ \t]+)?"
    r"(?i:rue|avenue|av\.|all[ée]e|chemin|route|impasse|boulevard|bd|place|square|quai|cours|cit[ée]|"
    r"passage|voie|sentier|mont[ée]e|traverse|rond-point|esplanade|hameau|lotissement|r[ée]sidence)"
    r"(?:[ \t]+[\w'’\-.]+){1,6}?"
)
_ESTATE = re.compile(
    r"(?<![\w-])(?:" + _KIND + r"[ \t]+" + _NAME + r"[ \t]*,[ \t]*)?" + _KIND + r"[ \t]+(?P<name>" + _NAME + r")"
    r"(?P<parts>(?:" + _SEP + _PART + r"){1,5})"
    r"(?:" + _SEP + r"(?P<street>" + _STREET + r")(?=[ \t]*(?:[,;\n–—(|]|[ \t]-[ \t]|\d{5}|[ \t]{2}|$)))?"
)
# A business or craft zone: "ZA de Kerbriant", "ZI des Trois Moulins", "Zone artisanale du Pré".
_ZONE = re.compile(
    r"(?<![\w-])(?:ZA|ZI|ZAC|ZAE|(?i:zone[ \t]+(?:artisanale|industrielle|d['’]activit[ée]s?|commerciale)|"
    r"parc[ \t]+d['’]activit[ée]s?))[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])(?:(?<=['’])|[ \t]+))?"
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
    # (Breton names keep their lower-case article: "ZI de Penn ar Ru", "ZA de Kroaz an Teurc'h")
    r"(?:[ \t]+(?:(?i:de[ \t]+l['’]|d['’]|de|du|des|la|le|les)(?:(?<=['’])|[ \t]+)|(?:ar|an|al)[ \t]+)?"
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*){0,3}"
)
_NUMBERED_STREET_AFTER = re.compile(r"[ \t]*,[ \t]*\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+[^\W\d]")
_ZONE_GATE = re.compile(r"(?<![\w-])Z(?:A|I|AC|AE)(?![\w-])")
# A street without a number where a person lives: "chez elle rue des Romarins", "habite avenue Foch".
_HOME_STREET = re.compile(
    r"(?i:\bchez[ \t]+(?:elle|lui|eux|soi)|\bhabite(?:nt)?|\bvit|\bdemeurant|\bdomicili[ée]e?s?)"
    r"[ \t]+(?:(?i:au|à|a)[ \t]+)?(?P<street>(?i:rue|avenue|all[ée]e|chemin|impasse|place|boulevard|route|quai)"
    r"[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])(?:(?<=['’])|[ \t]+))?"
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
    # "Chemin du Mas de Bouisson": a particle may link the name's words
    r"(?:[ \t]+(?:(?i:de[ \t]+la|de|du|des|d['’])(?:(?<=['’])|[ \t]+))?[" + UP + r"][\w'’]*(?:-[\w'’]+)*){0,2})"
)
# The first word of an estate kind on the folded text (same offsets): the full pattern is tried there only.
_ESTATE_FIRST = re.compile(r"(?<![\w-])(?:residence|lotissement|lot\.|cite|domaine|hameau|lieu-dit|immeuble|villa|"
                           r"les[ \t]+jardins|parc|foyer)(?![\w-])")
_NUMBER_BEFORE = re.compile(r"\d[ \t]?(?:bis|ter|[a-dA-D])?,?[ \t]+\Z")
_GATE = (
    "resid", "lotis", "lot.", "cite", "domaine", "hameau", "lieu-dit", "immeuble", "villa", "jardins", "parc", "foyer",
)


# Without a street, the parts end the address: a postcode, the end of a line or of a cell follows.
_CLOSE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*\d{5}(?!\d)|\d{5}(?!\d)|$|[;|)]|[ \t]?[–—][ \t]|[ \t]-[ \t])", re.M)
_FLOOR_LAST = re.compile(r"(?i)[ée]tage\Z")


def _closed(text: str, m: re.Match[str]) -> bool:
    """An estate and its parts with no street: parts after a comma, closed by a postcode or a line's end,
    the last one no floor ("Résidence Le Parc, bât. A2, 3e étage": the floor is left out by older sets)."""
    comma = text[m.end("name") : m.start("parts") + 3].lstrip(" \t").startswith(",")
    # (without a comma, a building part closing the line: "chez une voisine à la cité des Aubépines bât C")
    comma = comma or (
        text[m.end() : m.end() + 1] in ("\n", "") and re.match(r"(?i)[ \t]+b[âa]t", m.group("parts")) is not None
    )
    return bool(comma) and bool(_CLOSE_AFTER.match(text, m.end())) and not _FLOOR_LAST.search(m.group("parts"))


@recognizer("estate_address", 86)
def find_estate_addresses(ctx: DetectionContext) -> list[Span]:
    """An estate, its building, flat or lot parts and the street after them, as one ``ADRESSE``."""
    text, folded = ctx.text, ctx.folded
    out = []
    if any(k in folded for k in _GATE):
        last = 0
        for w in _ESTATE_FIRST.finditer(folded):
            m = _ESTATE.match(text, w.start()) if w.start() >= last else None
            if m is None:
                continue
            last = m.end()
            if _NUMBER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "6 Cité Bellevue, 3e étage": a street named after the estate, the street rule's
            if not m.group("street") and not _closed(text, m):
                continue
            out.append(Span(m.start(), m.end(), "ADRESSE", 0.85, "estate_address"))
    if "zone " in folded or "parc d" in folded or ("Z" in text and _ZONE_GATE.search(text)):
        # (a zone heading a numbered street is joined to it by the street rule: "ZA X, 3 rue Y")
        zones = [
            m for m in prefixed_finditer(_ZONE, text, ctx.folded) if not _NUMBERED_STREET_AFTER.match(text, m.end())
        ]
        out += [Span(m.start(), m.end(), "ADRESSE", 0.8, "estate_address") for m in zones]
    if "chez " in folded or "habit" in folded or "vit " in folded or "demeur" in folded or "domicil" in folded:
        for m in prefixed_finditer(_HOME_STREET, text, ctx.folded):
            out.append(Span(m.start("street"), m.end("street"), "ADRESSE", 0.8, "estate_address"))
    return out
