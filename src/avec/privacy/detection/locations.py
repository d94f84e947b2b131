"""Addresses, postal codes, communes and care facilities (hospitals, EHPAD, clinics)."""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context, is_protected_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_UP = "A-ZÀ-ÖØ-Ý"
_LOW = "a-zà-öø-ÿœ"
_WORD = rf"[{_UP}][{_UP}{_LOW}'’\-]*"
_CITY_PARTICLES = (
    r"(?:sur|sous|lès|les|lez|en|de|du|des|la|le|aux|d['’]|l['’]|et|SUR|SOUS|LES|LÈS|EN|DE|DU|LA|LE)"
)
_CITY = (
    rf"(?P<city>(?:(?:Saint|Sainte|St|Ste)[ \t-])?{_WORD}"
    rf"(?:(?:[ \t-]|[ \t-]?{_CITY_PARTICLES}[ \t-]|[ \t-]d['’]|"
    rf"[ \t-]l['’])(?:{_WORD}))*)"
)

_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|bd|bld|bvd|place|pl\.|allée|allee|allées|impasse|imp\.?|chemin|"
    r"ch\.|route|rte|quai|cours|square|sq\.|résidence|residence|lotissement|lot\.|lieu[\s-]dit|voie|"
    r"passage|cité|cite|hameau|faubourg|fbg|rond-point|esplanade|promenade|parvis|sentier|villa|"
    r"domaine|montée|ruelle|traverse|clos|chaussée|carrefour|rocade|venelle|cour|bât\.?|bâtiment"
)
_ADDRESS = re.compile(
    r"(?i)(?<![\w])(?:(?P<num>\d{1,4}(?:\s?(?:bis|ter|quater|[a-d])\b)?)\s*,?\s+)?"
    r"(?P<type>" + _STREET_TYPES + r")\s+"
    r"(?P<name>(?:d[eu]s?\s+|de\s+la\s+|de\s+l['’]|d['’]|l['’]|la\s+|le\s+|les\s+|du\s+)?"
    r"[\w'’À-ÿ][^\n,;|()<>\d]{0,48}?)"
    r"(?=\s*(?:,|;|\n|\||\(|\)|$|\s?\d{5}\b|\s\d{2}\s\d{3}\b|\.\s|\.$|\s[-–]\s|\s{2,}|\s(?:à|a|au|chez|avec|depuis|et|où|qui|pour|est|sont)\s"
    r"|\s(?:le|la)\s(?:\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|week)))"
)
_ZIP = re.compile(
    r"(?<![\d\w.,/])(?P<zip>(?:F-)?(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\s?\d{3})(?![\d\w,.]\d|\s?(?:mg|ml|g|€|euros?|UI|%)\b|\d)"
)
_ZIP_CONTEXT = re.compile(r"(?i)(?:\bCP\b|code\s+postal|c\.p\.|postal)\s*:?\s*$")
_STOP_CITY = {"cedex", "france", "tel", "tél", "fax", "bp", "cs"}

_FACILITY_KEYWORDS = (
    r"C\.?H\.?U\.?|CHRU|CHR|CHI|CHS|CHG|CHIC|CH|GHU|GHT|GH|HIA|AP-HP|AP-HM|APHP|HCL|"
    r"(?i:centre\s+hospitalier(?:\s+universitaire|\s+r[ée]gional|\s+intercommunal|\s+sp[ée]cialis[ée]|"
    r"\s+g[ée]n[ée]ral|\s+d[ée]partemental)?)|(?i:h[ôo]pital(?:\s+priv[ée])?|h[ôo]pitaux|clinique|polyclinique|"
    r"ehpad|e\.h\.p\.a\.d\.?|maison\s+de\s+retraite|maison\s+de\s+sant[ée]|r[ée]sidence|foyer(?:\s+logement)?|"
    r"centre\s+de\s+(?:r[ée][ée]ducation|r[ée]adaptation|soins(?:\s+de\s+suite)?|sant[ée]|dialyse|"
    r"lutte\s+contre\s+le\s+cancer)|institut|fondation|groupe\s+hospitalier|hospices?(?:\s+civils)?|"
    r"centre\s+m[ée]dical|centre\s+m[ée]dico-[a-z]+|p[ôo]le\s+sant[ée]|ssiad|ssr|usld)|"
    r"MSP|SSIAD|SSR|CMP|CMPP|CMS|IME|ITEP|ESAT|MAS|FAM|USLD|CHRS|CADA|MECS|HAD|HUDA|SAMSAH|SAVS|SESSAD|MARPA|"
    r"CCAS|CIAS|PMI|CSAPA|CAARUD|CATTP|EPSM|SAAD|SPASAD|CLIC|EHPA|IEM|IMPRO|SAJ|"
    r"(?i:centre\s+social|centre\s+communal\s+d['’]action\s+sociale|maison\s+d['’]enfants|"
    r"centre\s+maternel|foyer\s+de\s+vie|foyer\s+d['’]h[ée]bergement)|"
    r"(?i:maison\s+relais|pension\s+de\s+famille)"
)
_FACILITY = re.compile(
    r"(?<![\w-])(?P<kw>" + _FACILITY_KEYWORDS + r")(?![\w-])"
    r"(?P<qual>(?i:[ \t]+(?:de[ \t]+jour|de[ \t]+semaine|psychiatrique|g[ée]riatrique|priv[ée]|local|"
    r"p[ée]diatrique|d['’]instruction[ \t]+des[ \t]+arm[ée]es|universitaire|intercommunal|"
    r"m[ée]dico-chirurgical|sp[ée]cialis[ée]|pluriprofessionnelle|pluridisciplinaire|"
    r"d[ée]partemental(?:e)?|mutualiste|municipal(?:e)?)))?"
    r"(?P<name>(?:[ \t]+(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux)?[ \t]*"
    r"(?:(?:Saint|Sainte|St|Ste|SAINT|SAINTE)[\s-])?[" + _UP + r"][\w'’\-]*)"
    r"(?:(?:[ \t]+(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|sur|sous|en|et|lès))?"
    r"[ \t]*"
    r"[" + _UP + r"][\w'’\-]*)*)"
)
_FACILITY_STOP = {
    "service",
    "pole",
    "unite",
    "departement",
    "secteur",
    "tel",
    "fax",
    "mail",
    "dr",
    "docteur",
    "pr",
    "professeur",
    "madame",
    "monsieur",
    "mme",
    "m",
    "mlle",
    "cedex",
    "urgences",
    "pavillon",
    "batiment",
    "consultation",
    "consultations",
    "hospitalisation",
    "etage",
    "chambre",
    "lit",
    "ipp",
    "nda",
    "patient",
    "patiente",
    "objet",
    "motif",
    "date",
    "ne",
    "nee",
}
_KNOWN_FACILITIES = re.compile(
    r"(?<![\w-])(?:Pitié[\s-]Salpêtrière|Hôtel-Dieu|HEGP|Lariboisière|Necker|Bichat|Cochin|"
    r"Hospices Civils de Lyon|Kremlin-Bicêtre|Gustave Roussy|Institut Curie|Santé Service|"
    r"(?:Hôpital\s+)?Necker[\s-]Enfants[\s-][Mm]alades|Institut Bergonié|Paul-Brousse|La Timone)(?![\w-])"
)


def _trim_facility(text: str, start: int, end: int, kw_end: int) -> int:
    """Cut the facility name before a stop word ("Service", "Dr", "Cedex", digits)."""
    words = list(re.finditer(r"[\w'’\-]+", text[kw_end:end]))
    mixed = any(not w.group(0).isupper() for w in words)
    for k, m in enumerate(words):
        word = m.group(0)
        stop = fold_key(word).strip("'’") in _FACILITY_STOP and m.start() > 0
        # "CH de Blois en SSR": a short acronym after the name is a unit, not part of the name.
        acronym = k > 0 and mixed and word.isupper() and len(word) <= 5
        if stop or acronym:
            end = kw_end + m.start()
            break
    while end > kw_end and text[end - 1] in " \t-'’":
        end -= 1
    # Drop dangling particles ("CHU de").
    tail = re.search(
        r"(?i)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|et|en|sur|sous)$", text[kw_end:end]
    )
    if tail:
        end = kw_end + tail.start()
    return end


@recognizer("facility", 78)
def find_facilities(ctx: DetectionContext) -> list[Span]:
    """Named care facilities: "CHU de Rennes", "EHPAD Les Tilleuls", "Clinique Saint-Joseph"."""
    text = ctx.text
    spans = []
    for m in _FACILITY.finditer(text):
        kw = m.group("kw")
        if re.search(r"\d[ \t]*(?:bis|ter)?[ \t]*,?[ \t]*$", text[max(0, m.start() - 8) : m.start()]):
            continue  # "30, résidence de ...": a street address
        if kw.isupper() and len(kw) <= 4 and not m.group("name"):
            continue
        kw_end = m.end("qual") if m.group("qual") else m.end("kw")
        end = _trim_facility(text, m.start(), m.end(), kw_end)
        if end <= kw_end:
            if kw.replace("-", "").upper() in ("APHP", "APHM", "HCL"):
                spans.append(Span(m.start(), m.end("kw"), "HOPITAL", 0.9, "facility"))
            continue
        label = "HOPITAL"
        if re.search(
            r"(?i)(?:domicile|adresse|demeurant|domicili[ée]e?|habite)\s*(?:à|:)?\s*$",
            text[max(0, m.start() - 20) : m.start()],
        ):
            label = "ADRESSE"  # "Domicile : Résidence Les Embruns"
        spans.append(Span(m.start(), end, label, 0.9, "facility"))
    for m in _KNOWN_FACILITIES.finditer(text):
        # A known name wins over a regex reading that cuts it ("Hôpital Necker-Enfants").
        if any(x.start <= m.start() and m.end() <= x.end for x in spans):
            continue
        spans = [x for x in spans if not (x.start < m.end() and m.start() < x.end)]
        spans.append(Span(m.start(), m.end(), "HOPITAL", 0.85, "facility"))
    for m in _NAMED_UNIT.finditer(text):
        if not is_protected_word(m.group("word")):
            spans.append(Span(m.start("name"), m.end("name"), "HOPITAL", 0.8, "facility"))
    return spans


# Units and wards with a proper name: "unité Les Cèdres", "pavillon Les Tilleuls".
_NAMED_UNIT = re.compile(
    r"(?i:\b(?:unit[ée]|pavillon|b[âa]timent|villa)[ \t]+)"
    r"(?P<name>(?:Les|Le|La|L['’])[ \t]*(?P<word>[" + _UP + r"][\w'’\-]+)"
    r"(?:[ \t]+(?:des|de|du|d['’])?[ \t]*[" + _UP + r"][\w'’\-]+)*)"
)


def _city_span(text: str, start: int) -> tuple[int, int] | None:
    m = re.compile(r"[ \t]*" + _CITY).match(text, start)
    if not m:
        return None
    s, e = m.span("city")
    words = list(re.finditer(r"[\w'’]+", text[s:e]))
    cut = e
    for w in words:
        if fold_key(w.group(0)) in _STOP_CITY:
            cut = s + w.start()
            break
    while cut > s and text[cut - 1] in " -\t":
        cut -= 1
    return (s, cut) if cut > s else None


def _address_line_above(text: str, zip_start: int) -> list[Span]:
    """In a postal block ("name / street / ZIP City"), the line above "ZIP City" is the street."""
    line_start = text.rfind("\n", 0, zip_start) + 1
    if text[line_start:zip_start].strip() or line_start == 0:
        return []
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    if prev_start == 0:
        return []  # need a name line above the street line
    line = text[prev_start : line_start - 1]
    stripped = line.strip()
    if not stripped or len(stripped) > 50 or ":" in stripped or not stripped[0].isalnum():
        return []
    if not text[: prev_start - 1].rstrip().rsplit("\n", 1)[-1].strip():
        return []
    a = prev_start + (len(line) - len(line.lstrip()))
    return [Span(a, a + len(stripped), "ADRESSE", 0.7, "address_block")]


_GLUED_ZIP = re.compile(r"(?<=[a-zà-ÿ])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?=[ \t]+[A-ZÀ-Ý])")
_LOWER_COMMUNE = re.compile(
    r"[ \t]+([a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+)?)"
)


@recognizer("zip_city", 75)
def find_zip_and_city(ctx: DetectionContext) -> list[Span]:
    """Postal codes followed by a commune (``35000 Rennes``) or after "CP :"."""
    text = ctx.text
    spans = []
    for m in _GLUED_ZIP.finditer(text):
        # OCR glued the postal code to the street ("du Château69005 LYON"): needs a known commune.
        city = _city_span(text, m.end())
        if city and fold_key(text[city[0] : city[1]]) in ctx.lexicons.communes:
            spans.append(Span(m.start(), m.end(), "ZIP", 0.85, "zip_city"))
            spans.append(Span(city[0], city[1], "VILLE", 0.85, "zip_city"))
    for m in _ZIP.finditer(text):
        start, end = m.span("zip")
        city = _city_span(text, end)
        before = text[max(0, start - 20) : start]
        if city:
            spans.append(Span(start, end, "ZIP", 0.95, "zip_city"))
            spans.append(Span(city[0], city[1], "VILLE", 0.9, "zip_city"))
            spans.extend(_address_line_above(text, start))
        elif (low := _LOWER_COMMUNE.match(text, end)) and fold_key(low.group(1)) in ctx.lexicons.communes:
            # "80000 amiens": a known commune in lower case after a postal code.
            spans.append(Span(start, end, "ZIP", 0.9, "zip_city"))
            spans.append(Span(low.start(1), low.end(1), "VILLE", 0.8, "zip_city"))
        elif _ZIP_CONTEXT.search(before) or re.search(
            r"(?i)(?:,|\b(?:rue|avenue|bd|chemin|place)\b[^\n]*)\s*$", text[max(0, start - 60) : start]
        ):
            spans.append(Span(start, end, "ZIP", 0.85, "zip_city"))
    return spans


@recognizer("address", 74)
def find_addresses(ctx: DetectionContext) -> list[Span]:
    """Street addresses: "12 rue des Lilas", "3 bis, avenue Jean Jaurès", "lieu-dit Kerhuel"."""
    text = ctx.text
    spans = []
    for m in _ADDRESS.finditer(text):
        name = m.group("name").strip()
        if not name:
            continue
        has_num = m.group("num") is not None
        if not has_num:
            # "dans la rue", "en cours", "passage d'une aide": not addresses.
            sig = re.match(
                r"(?i)(?:(?:de\s+la|de\s+l['’]|d[eu]s?|d['’]|l['’]|la|le|les|du)\s*)?([\w'’]+)", name
            )
            word = sig.group(1) if sig else ""
            if not word or not word[0].isupper() or (word.isupper() and not ctx.all_caps):
                continue
            if ctx.all_caps and fold_key(m.group("type")) not in {
                "rue",
                "avenue",
                "boulevard",
                "impasse",
                "allee",
                "chemin",
                "route",
                "quai",
            }:
                continue
        end = m.start("name") + len(m.group("name").rstrip(" .-"))
        spans.append(Span(m.start(), end, "ADRESSE", 0.9 if has_num else 0.7, "address"))
    for m in _NAMED_PLACE_ADDRESS.finditer(text):
        # "12 Les Hauts de Lorette, 62153 ...": a number and a place name before a postal code
        # or after an address word; no street type.
        context = re.search(
            r"(?i)(?:domicili[ée]e?|demeurant|habite|adresse\s*:|vit|r[ée]side)[ \t]*(?:au|à|:)?[ \t]*$",
            text[max(0, m.start() - 25) : m.start()],
        )
        if m.group("zip") is None and not context:
            continue
        if any(is_protected_word(w) for w in re.findall(r"[\w'’]+", m.group("name"))):
            continue
        spans.append(Span(m.start(), m.end("name"), "ADRESSE", 0.8, "address"))
    return spans


_NAMED_PLACE_ADDRESS = re.compile(
    r"(?<![\w,.])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+"
    r"(?P<name>(?:Les|Le|La|L['’]|Le[ \t]Clos|Les[ \t]Hauts)?[ \t]*[" + _UP + r"][\w'’\-]+"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’]|la|le|les)?[ \t]*[" + _UP + r"][\w'’\-]+){0,4})"
    r"(?=(?P<zip>[ \t]*,?[ \t]*\d{5}\b)|[ \t]*(?:,|\n|$|[ \t]à[ \t]))"
)


_CITY_CONTEXT = re.compile(
    r"(?i)(?:\b(?:à|a|au|de|d['’]|sur|vers|près de|pres de|proche de|originaire de|domicilié(?:e)? à|"
    r"habite à|vit à|né(?:e)? à|née? à|réside à|ville\s*:|commune\s*:|lieu de naissance\s*:)\s*)$"
)


@recognizer("commune", 60)
def find_communes(ctx: DetectionContext) -> list[Span]:
    """Known communes after "à", "de", "née à", "Ville :"; big cities anywhere."""
    text = ctx.text
    lex = ctx.lexicons
    spans = []
    for m in re.finditer(_CITY, text):
        s, e = m.span("city")
        surface = text[s:e]
        key = fold_key(surface)
        if key not in lex.communes:
            # "Saint-Malo Cedex", take the longest known prefix of words.
            continue
        words = surface.replace("-", " ").split()
        common = len(words) == 1 and (lex.is_common(surface) or lex.is_first_name(surface))
        context = bool(_CITY_CONTEXT.search(text[max(0, s - 25) : s])) or bool(
            re.match(r"(?i)[ \t]*,[ \t]*le[ \t]", text[e : e + 12])
        )
        big = key in lex.big_cities
        if ctx.all_caps and not context:
            continue
        if in_eponym_context(text, s) or is_protected_word(surface):
            continue
        if context:
            if common and not big and not surface[0].isupper():
                continue
            spans.append(Span(s, e, "VILLE", 0.75, "commune"))
        elif big and not common:
            spans.append(Span(s, e, "VILLE", 0.65, "commune"))
    return spans
