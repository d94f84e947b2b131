"""Lead-ins chained before a street, separated by commas: a residence, a named house or place,
a building, a flat or a floor, an estate, a business zone or park, a port or a wine estate
("Résidence Les Flamboyants, bât. C, 14 allée ...", "Zone de Kerlédan, 2 rue X").
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP

NAME_WORDS = (
    rf"[{UP}][\w'’\-]*"
    rf"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’])?[ \t]*[{UP}][\w'’\-]*){{0,4}}"
)
# A floor: "4e étage", "1er étage", "étage 3", "RDC".
_FLOOR = (
    r"(?:\d{1,2}[ \t]?(?:e|er|ème|eme|è)[ \t]+(?i:[ée]tage)|(?i:[ée]tage)[ \t]*\d{1,2}|RDC|(?i:rez-de-chauss[ée]e))"
    r"(?![\w'’-])"
)
# Lead-in parts of an address line, before the street: residence or named house, building, flat.
_LEAD_PART = re.compile(
    r"(?:(?i:r[ée]sidence|r[ée]s\.|maison|villa|domaine|immeuble|imm\.|hameau|lieu-dit|mas|ferme|cit[ée]|"
    # overseas sections and districts, housing estates: "Section Boisvin, chemin X", "Quartier Y, 14 rue Z"
    r"section|quartier|lotissement|za|zi|zac|zae|"
    # round 14: a business zone, a park, a port, a wine estate heading its street ("Zone de Kerlédan,
    # 2 rue X", "Parc d'activités de la Y, 5 rue Z", "Port X, quai Y", "Château X, 3 route de Y")
    # ("Parc Corot, 12 rue X": a bare "Parc" is a housing estate, two spans as the older sets mark it)
    r"zone(?:[ \t]+(?:artisanale|industrielle|commerciale|d['’]activit[ée]s?))?|"
    r"parc[ \t]+(?:technologique|industriel|d['’]activit[ée]s?|d['’]affaires)|"
    r"port|ch[âa]teau|manoir|moulin|technop[ôo]le|technoparc)"
    r"[ \t]+(?:(?i:les|le|la|l['’]|du|des|de[ \t]la|de[ \t]l['’]|de|d['’])[ \t]*)?" + NAME_WORDS + r"|"
    # "Technocité, 18 allée X": a science park named by one word
    r"Techno(?:cit[ée]|p[ôo]le|parc|campus)(?:[ \t]+" + NAME_WORDS + r")?|"
    r"(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|app\.|esc(?:alier)?\.?|porte|entr[ée]e|"
    r"logement|log\.|tour)[ \t]*[A-Z0-9]{1,4}\b|(?i:tour|b[âa]timent)[ \t]+[" + UP + r"][\w'’\-]+|" + _FLOOR + r"|"
    r"(?:Les|Le|La|L['’])[ \t]*" + NAME_WORDS + r")"
)
LABEL_BEFORE = re.compile(r"(?i)(?:adresse|domicile|demeurant|domicili[ée]e?|habite|r[ée]side)[^\n:]{0,20}:?[ \t]*\Z")


_FACILITY_BEFORE = re.compile(
    r"(?i)\b(?:ehpad|chrs|foyer|mas|fam|usld|marpa|maison[ \t]+de[ \t]+retraite|clinique|h[ôo]pital|ime|itep|mecs|esat|"
    # "Résidence autonomie Les Glycines, 8 rue X": a home for the elderly, not a building lead-in
    r"r[ée]sidence[ \t]+(?:autonomie|services|seniors?|m[ée]dicalis[ée]e)|[ée]picerie[ \t]+(?:sociale|solidaire)|"
    r"association|centre[ \t]+(?:social|m[ée]dical|de[ \t]+sant[ée]))[ \t]*\Z"
)


# "Il habite 12 lotissement Les Flamboyants, quartier X": the house number of the lead-in (no phone's end).
_LEAD_NUMBER = re.compile(r"(?<![\d.,/])(?<!\d[ \t])\d{1,4}(?:[ \t]?(?:bis|ter))?[ \t]+\Z")
_NUMBERED_LEAD = re.compile(r"(?i)(?:lotissement|lot\.|cit[ée]|domaine|hameau|r[ée]sidence|immeuble|villa|mas|ferme)\b")


# A flat or a room in an address chain: "logement 6", "appt 23", "ch. 214".
_FLAT_IN_CHAIN = re.compile(
    r"(?i)(?<![\w'’])(?:logement|log\.|app(?:artemen)?t?\.?|apt\.?|ch\.|chambre)[ \t]*(?:n°[ \t]*)?\d"
)
# A home label right before a home for the elderly or a hostel ("Adresse : Résidence autonomie X").
_HOME_LABEL_BEFORE = re.compile(
    r"(?i)(?:adresse|domicile|demeurant|domicili[ée]e?|r[ée]sidant|r[ée]side|habite)[^\n:]{0,20}:?[ \t]*\Z"
)


def lead_in(text: str, start: int, zip_after: bool = False, flat_after: bool = False) -> int:
    """Start of the building lead-in chained before the street at ``start`` (or ``start``).

    ``zip_after``: a postal code closes the street, so a bare named place after a comma is the
    address's first part ("chez sa tante, Mme X, Les Passons, 9 traverse Y, 13400 Z").
    ``flat_after``: a flat part follows the street ("4 allée X, logement 21")."""
    line_start = text.rfind("\n", 0, start) + 1
    cursor = start
    while (comma := re.search(r",[ \t]*\Z", text[line_start:cursor])) is not None:
        seg_end = line_start + comma.start()
        found = None
        for m in _LEAD_PART.finditer(text, line_start, seg_end):
            if m.end() == seg_end:
                found = m
                break
        if found is None:
            break
        head = text[line_start : found.start()]
        if facility := _FACILITY_BEFORE.search(head):
            # "demeurant EHPAD Les Vosges, 3 rue ...": the name is the facility's, not a lead-in; but
            # "Adresse : Résidence autonomie X, logement 6, 14 rue Y": a home with its flat is one address,
            # as the conventions and the writers mark it (round 18: 4 of 4 such homes after a home label)
            flat = flat_after or _FLAT_IN_CHAIN.search(text, found.end(), start) is not None
            if flat and _HOME_LABEL_BEFORE.search(text, line_start, line_start + facility.start()):
                cursor = line_start + facility.start()
            break
        # (an export's tab opens a cell as a line start does: "…\t260151330\tLe Mas X, 220 route Y", round 19)
        label = not head.strip() or head.endswith("\t") or LABEL_BEFORE.search(head) is not None
        # A bare named place ("La Rivière Blanche, 9 route ...") only at the start of the line or
        # after an address label; a residence or a building also after a comma or a dash.
        bare = found.group(0)[:1] == "L" and not found.group(0).lower().startswith("lieu")
        # "Dites-lui maison Bidartea, 455 chemin X": a named house heads its address in running text too
        house = re.match(r"(?i)maison[ \t]", found.group(0)) is not None
        # (a table's column gap separates too: "OZTURK Mehmet     Rés. du Parc, bât. B, 3 allée X")
        bare_ok = zip_after and cursor == start and re.search(r",[ \t]*\Z", head) is not None
        if not label and (bare and not bare_ok or not (house or re.search(r"(?:[,:–—(|\-]|[ \t]{2})[ \t]*\Z", head))):
            break
        cursor = found.start()
    if (
        cursor < start
        and (num := _LEAD_NUMBER.search(text, line_start, cursor)) is not None
        and _NUMBERED_LEAD.match(text, cursor, start)
    ):
        cursor = num.start()
    return cursor
