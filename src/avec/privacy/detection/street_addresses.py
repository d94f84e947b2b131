"""Street addresses: "12 rue des Lilas", "3 bis, avenue Jean Jaurès", "lieu-dit Kerhuel".

The street pattern (a house number, figures or dictated words, a street type and the street's
name) and what joins the street: a building lead-in before it (:mod:`address_lead_ins`), flat,
floor, estate or locality parts after it, an ALL-CAPS or bare commune closing it (a separate
VILLE span). Street types are written by hand (French, plus the Breton ones found on signs)
because no offline package lists them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from avec.privacy.detection.address_lead_ins import LABEL_BEFORE, lead_in
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import CAPS_TOWN, FLAT_BEFORE, UP, caps_town, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefix_finder
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_STREET_TYPES = (
    r"grande?[ \t-]rue|(?:ancienne|vieille|nouvelle|petite)[ \t]+route|(?:ancien|vieux|petit)[ \t]+chemin|"
    r"rue|avenue|av\.?|boulevard|bd|bld|bvd|place|pl\.|allée|allee|allées|impasse|imp\.?|chemin|"
    r"ch\.|route|rte|quai|cours|square|sq\.|résidence|residence|rés\.|res\.|lotissement|lot\.|"
    r"lieu[\s-]dit|lieudit|voie|passage|cité|cite|hameau|faubourg|fbg|rond-point|esplanade|promenade|"
    r"parvis|sentier|villa|domaine|montée|ruelle|traverse|clos|chaussée|carrefour|rocade|venelle|cour|"
    r"bât\.?|bâtiment|section|quartier|hent|straed|bali|plasenn|karrika|zac|z\.a\.c\.|"
    # places of the overseas départements: "Morne Pavillon", "Ravine des Cabris", "Habitation Céron"
    r"morne|ravine|habitation|[îi]let|"
    # round 19: "12 terrasse Boieldieu", "Corniche Michel Pacha" (weak without a number)
    r"terrasse|corniche|"
    r"zone\s+(?:artisanale|industrielle|commerciale|d['’]activit[ée]s?)|parc\s+d['’]activit[ée]s?"
)
# A street number spelled out in a dictation ("douze rue de la gare", "quarante-deux bis avenue ...");
# "un"/"une" alone are articles, not numbers.
_UNITS = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)"
_SPELLED_NUMBER = (
    r"(?:(?:vingt|trente|quarante|cinquante|soixante|cent)(?:[- ](?:et[- ])?(?:un|" + _UNITS[3:-1] + r"|dix|vingt))*"
    r"|(?:dix)[- ](?:sept|huit|neuf)|" + _UNITS + r")"
)
_MONTHS = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
# Emoji and pictographs end a street name in a message ("rue des Mouettes 🙂 demain").
_SYMBOLS = "\U0001f000-\U0001faff\u2600-\u27bf\u2190-\u21ff"  # (arrows: "rue d'Aubagne → précaire", round 18)
# The name stops at punctuation, digits, emoji and markup (XML tags, HL7 separators, CSV quotes).
STREET_ADDRESS = re.compile(
    # (no number from the end of a phone: "06 44 63 – 18 rue", "94 37  Lieu-dit X"; "B5 12 rue" stays)
    r"(?i)(?<![\w/])(?:(?P<num>(?<!\d\d[ .])(?<![ .]\d\d\t)"
    r"(?:\d{1,4}(?:[ \t]?-[ \t]?|–))?\d{1,4}(?:\s?(?:bis|ter|quater|[a-d])\b)?"
    # (a tab after a long number is an export's column: "260087643\t5 rue du Rhône", round 19)
    # (a number on the line above is no house number; a comma may stand without its blank: "12,rue X",
    # "3 ,rue de la Gare", round 18)
    r"|" + _SPELLED_NUMBER + r"(?:[ \t]+(?:bis|ter))?)(?:[ \t]*,[ \t]*|[ \t]+))?"
    r"(?P<type>" + _STREET_TYPES + r")\s+"
    # a street named after a date: "avenue du 8 Mai 1945", "rue du 11-Novembre", "place du 19 mars 1962"
    r"(?P<name>(?:du\s+|des\s+)?(?:1er|\d{1,2})[\s-]+(?:" + _MONTHS + r")(?:[\s-]+\d{4})?"
    r"|(?:d[eu]s?\s+|de\s+la\s+|de\s+l['’]|d['’]|l['’]|la\s+|le\s+|les\s+|du\s+)?"
    r"(?:\d{1,2}(?:e|er|ème|eme)\b|(?!\d)[\w'’À-ÿ])[^\n,;:|()<>^~\"\d" + _SYMBOLS + r"]{0,48}?"
    # a king's ordinal closes the name: "boulevard Albert 1er", "rue François 1er"
    r"(?:[ \t]1er(?![\w'’]))?)"
    r"(?=\s*(?:,|;|:|\n|\||\(|\)|<|\^|~|\"|$|\s?\d{5}\b|\s\d{2}\s\d{3}\b|\.\s|\.$|\s[-–—/]\s|\s{2,}|\s?[?!]"
    r"|[" + _SYMBOLS + r"]"
    r"|\s(?:à|a|au|en|chez|avec|depuis|où|qui|pour|est|sont|après|avant|alors|lorsque|quand|puis|pendant|dans|"
    r"devant|car|mais|hier|ce|cette|il|elle|ils|elles|on|d['’]apr[eè]s)\s"
    # a lower-case clause after the street: "quai de la Fosse par la police", "4 route de X c'est bien ça ?",
    # "22 rue X si besoin", "rue X vers 14h" (round 18)
    r"|\s(?-i:par|PAR|si|vers|c['’]est|n['’]est)\s"
    # dictated punctuation ends the street: "avenue foch point", "rue de siam virgule"
    r"|\s(?-i:point|virgule|deux\spoints|tiret)\b"
    # "et" ends the street unless a capitalised word follows ("rue Rhin et Danube")
    r"|\set\s(?-i:(?![" + UP + r"]))"
    # "LOTISSEMENT BELLEVUE 9 ALLEE DES CAPRES": the next part of the address starts with its number
    r"|\s\d{1,4}(?:\s?(?:bis|ter))?\s+(?:rue|avenue|all[ée]e|chemin|route|impasse|boulevard|place|quai)\s"
    r"|\s(?:le|la)\s(?:\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|week)"
    # a building or flat part without a comma ends the name: "3 allée des Pins bat C appt 14" (round 17)
    r"|\s(?:b[âa]t(?:iment)?|appt?|apt|appartement|esc(?:alier)?)(?:\.[ \t]*|[ \t]+)"
    r"(?:n°[ \t]*)?[A-Z0-9]{1,4}(?![\w'’-])))"
)
# Where the street pattern can match. ``STREET_ADDRESS.finditer`` tries its number and street-type
# alternatives at every word start of the text (most of the rule's time); a match always holds a
# street type at a word start, and before it only its number: digits, number words, blanks,
# commas and dashes. So the types are found first (a prefix scan of the folded text), and the
# pattern is tried only at the word starts of the run of such characters that ends on each type,
# where a number or the type itself opens (the same matches, in the same order, as the test
# compares on every committed document and on random texts).
_TYPE_AT = re.compile(r"(?i)(?<!\w)(?:" + _STREET_TYPES + r")\s")
# What cannot stand in a house number: white space other than blanks only after a digit ("12\nbis").
_NOT_IN_NUMBER = re.compile(r"[^\w\s,\-–]|_|(?<!\d)[^\S \t]")
_WORD_START = re.compile(r"(?<![\w/])\w")
# First letters of the number words (any case; "ſ" matches "s" ignoring case).
_NUMBER_WORD_FIRST = frozenset("dtqcshnovDTQCSHNOV\u017f")


def street_matches(text: str, folded: str) -> Iterator[re.Match[str]]:
    """The matches of ``STREET_ADDRESS.finditer(text)``, ``folded`` being ``fold(text)``."""
    finder = prefix_finder(_TYPE_AT)
    if finder is None:  # pragma: no cover - the types' prefixes are enumerable
        yield from STREET_ADDRESS.finditer(text)
        return
    breaks: list[int] | None = None
    pos = 0
    for candidate in finder.finditer(folded):
        at = candidate.start()
        if at < pos or _TYPE_AT.match(text, at) is None:
            continue
        if breaks is None:
            breaks = [b.start() for b in _NOT_IN_NUMBER.finditer(text)]
        k = bisect.bisect_left(breaks, at)
        lo = max(pos, breaks[k - 1] + 1 if k else 0)
        for word in _WORD_START.finditer(text, lo, at + 1):
            x = word.start()
            if x != at and not (text[x].isdigit() or text[x] in _NUMBER_WORD_FIRST):
                continue
            if (m := STREET_ADDRESS.match(text, x)) is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = at + 1


_CAPS_TYPES = {
    "rue",
    "avenue",
    "boulevard",
    "impasse",
    "allee",
    "chemin",
    "route",
    "quai",
    "lieu-dit",
    "lieu dit",
    "lotissement",
}
# Abbreviated and rarer street types of capitals exports, read without a house number only before a
# postal code ("RTE DE FONTEVRAUD  49400", round 18; "POST-BD   VAR%" is a spirometry column).
_CAPS_TYPES_BEFORE_ZIP = {"rte", "av", "bd", "bvd", "bld", "faubourg", "fbg", "esplanade", "promenade"}
# "12 rue des Mahoganys, lotissement Petit-Pérou", "route de X, villa Les Oliviers", "chemin Y, section
# Boisvin", "9 rue des Forges, cité n°4": an estate, a named house, a hamlet or a section after the street.
_TRAIL_PART = re.compile(
    r",[ \t]*(?i:lotissement|lot\.|villa|lieu[ -]dit|section)[ \t]+(?:(?i:les|le|la|l['’]|du|des|de)[ \t]*)?"
    + rf"[{UP}][\w'’\-]*(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’])?[ \t]*[{UP}][\w'’\-]*){{0,3}}"
    r"|,[ \t]*(?i:cit[ée])[ \t]*n°[ \t]*\d{1,3}(?![\w'’])"
)
# A building, flat, staircase or lot part inside a residence's lead-in ("bât. D", "appt 12", "lot 4").
_PART_IN_LEAD = re.compile(
    r"(?i),[ \t]*(?:b[âa]t(?:iment)?\.?|app(?:artemen)?t?\.?|apt\.?|esc(?:alier)?\.?|lot|porte|log(?:ement)?\.?)"
    r"[ \t]*\w"
)
# "lotissement Les Manguiers, rue 3": an estate's numbered lane after its name.
_NUMBERED_LANE_AFTER = re.compile(
    r",[ \t]*(?i:rue|all[ée]e|impasse|chemin|voie)[ \t]+\d{1,3}(?![\w-]|[,.]\d|[ \t]*[a-z])"
)
# "23h15 angle rue d'aubagne": a street corner in a street team's note
_CORNER_BEFORE = re.compile(r"(?i)\b(?:angle|coin)(?:[ \t]+(?:de|du))?[ \t]*\Z")
# A home word right before a street: "habite rue de siam", "domicilié : avenue foch".
_HOME_BEFORE = re.compile(
    r"(?i)\b(?:habite|demeurant|domicili[ée]e?|r[ée]side|adresse|domicile)[ \t]*(?:au|à|a|:)?[ \t]*\Z"
)
_SPELLED_BEFORE = re.compile(
    r"(?i)\b(?:habite|demeurant|domicili[ée]e?|r[ée]side|adresse|domicile|au|chez)[ \t]*(?::)?[ \t]*\Z"
)


def _is_weak_type(street_type: str) -> bool:
    """A street type that is also an ordinary noun ("cours", "passage", "section")."""
    return fold_key(street_type).rstrip(".") in _WEAK_TYPES


# Types always followed by a place name ("lieu-dit", "hameau").
_PLACE_TYPES = {"lieu-dit", "lieu dit", "lieudit", "hameau"}
# "12 chemin Lagourgue, Bois de Nèfles, 97411 Saint-Paul": a locality between the street and the
# postal code, a second address part; overseas names link with "à" ("Ravine à Malheur").
_LOCALITY_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|des|de|du|d['’]|l['’]|à[ \t]+l['’]|à[ \t]+la|à)"
LOCALITY_AFTER = re.compile(
    r",[ \t]*(?P<name>[" + UP + r"][\w'’\-]*(?:[ \t]+" + _LOCALITY_LINK + r"?[ \t]*"
    r"[" + UP + r"][\w'’\-]*){0,3})(?=[ \t]*(?:,|[ \t][–—-])?[ \t]*\d{5}\b)"
)
# Street types that are also ordinary nouns: without a number, the name must not be a common word.
_WEAK_TYPES = {"section", "cour", "cours", "voie", "passage", "villa", "domaine", "clos", "cite", "quartier"}
_WEAK_TYPES |= {"morne", "ravine", "habitation", "ilet"}  # overseas places
_WEAK_TYPES |= {"terrasse", "corniche"}

# Building and flat parts after a street: "14 rue X, appt 32", "8 rue Y, bât. C" (a floor after a plain
# street stays out, as the hand-checked sets mark it: "27 cours Vitton, 3e étage sans ascenseur").
_FLAT_TAIL = re.compile(
    r"(?:[ \t]*,?[ \t]*(?:(?i:b[âa]t(?:iment)?\.?|esc(?:alier)?\.?|appt?\.?|apt\.?|appartement|app\.|porte|"
    r"logement|log\.)[ \t]*(?:n°[ \t]*)?(?:[A-Z0-9]{1,4}|[a-z](?=[ \t]*,))(?![\w'’-])))+"
)
# After a building part, the floor and side belong to the address too: "bât. D, 3e étage",
# "esc. 3, 4e ét.", "bât. C, 2e étage gauche", "esc. 2, 5e gauche".
_FLOOR_TAIL = re.compile(
    r"[ \t]*,?[ \t]*(?:\d{1,2}[ \t]?(?:e|er|ème|eme|è)(?:[ \t]+(?i:[ée]tage\b|[ée]t\.))?|RDC|(?i:rez-de-chauss[ée]e))"
    r"(?:[ \t]+(?i:gauche|droite|face|fond)\b)?(?<![ \t])(?=[ \t]*[,;\n(–-]|[ \t]+\d{5}|[ \t]*\Z)"
)


# Street names that open with a title or a rank ("du Professeur", "du Général", "de l'Abbé").
_TITLED_STREET = re.compile(
    r"(?i)(?:du|de[ \t]+la|de[ \t]+l['’]|des)?[ \t]*(?:professeur|pr\.?|docteur|dr\.?|g[ée]n[ée]ral|mar[ée]chal|"
    r"pr[ée]sident|colonel|commandant|capitaine|lieutenant|amiral|abb[ée]|chanoine|pasteur|p[èe]re|"
    r"cardinal|sergent|adjudant|mar[ée]chal[ \t]+des[ \t]+logis|"
    # jobs and offices a street honours: "avenue de l'Interne Loëb", "rue du Médecin-Colonel X"
    r"interne|infirmi[èe]re?|m[ée]decin|chirurgien|pharmacien|aspirant|caporal|soldat|sapeur|ing[ée]nieur|"
    r"aviateur|commissaire|brigadier|gendarme|d[ée]put[ée]|s[ée]nateur|maire|recteur|monseigneur|mgr|"
    r"fr[èe]re|s[œo]eur|m[èe]re|instituteur|institutrice)[ \t-]+[" + UP + r"]"
)


_ZIP_NEXT = re.compile(r"[ \t]*,?[ \t]*\d{5}(?!\d)")
# "son appartement 12 rue X", "d'un appartement 3 rue Y", "cage d'escalier 12 rue Z": a dwelling named
# as a noun (after a determiner) before the address, not a flat whose number this is (round 19).
_FLAT_NOUN_BEFORE = re.compile(
    r"(?i)(?:\b(?:un|son|mon|ton|leur|notre|votre|cet|d['’]un|de[ \t]+son|de[ \t]+leur)[ \t]+"
    r"(?:appartement|logement)|cage[ \t]+d['’]escalier)[ \t]*\Z"
)
# "RN 193, lieu-dit X", "RD 900, lieu-dit Y": a national or departmental road's number before a place,
# not a house number; the road's letters belong to the address (round 19).
_ROAD_LETTERS_BEFORE = re.compile(r"(?<![\w'’])(?:RN|RD|RM|CD)[ \t]?\Z")


_LOCALITY_LINE_END = re.compile(
    r",[ \t]*(?P<name>[" + UP + r"][\w'’\-]*(?:[ \t]+" + _LOCALITY_LINK + r"?[ \t]*"
    r"[" + UP + r"][\w'’\-]*){0,3})(?=[ \t]*(?:\n|$))"
)


def _is_line_end_locality(ctx: DetectionContext, name: str) -> bool:
    """A hamlet closing an address line: no area, country, person or ordinary word alone."""
    lex = ctx.lexicons
    words = re.findall(r"[\w'’]+", name)
    if not words or name.isupper() or lex.is_first_name(words[0]) or lex.is_surname(words[0]):
        return False
    key = fold_key(name)
    if key in _AREAS_AND_TITLES or lex.is_country(name) or is_area_name(name):
        return False
    if any(fold_key(w) in _BUILDING_WORDS for w in words):
        return False  # "Porte Droite", "Rez De Chaussée": a flat part, not a place
    # "Trois Mares", "Bras Creux": overseas hamlets are often ordinary words, but never one alone
    return len(words) > 1 or not (lex.is_common(words[0]) or len(words[0]) <= 2)


_AREAS_AND_TITLES = {"france", "dr", "docteur", "madame", "monsieur", "mme", "france metropolitaine"}
_BUILDING_WORDS = {
    "porte", "batiment", "bat", "etage", "escalier", "esc", "appartement", "appt", "apt", "rez", "chaussee",
    "droite", "gauche", "fond", "cour", "face", "entree", "logement", "maison", "sonnette", "interphone",
    "bureau", "boite", "aile", "tour", "immeuble", "residence", "digicode", "code",
}


def _is_locality(ctx: DetectionContext, name: str) -> bool:
    """A locality name: no medical word, no known commune (left to the commune rules), no label."""
    words = re.findall(r"[\w'’]+", name)
    if any(is_protected_word(w) for w in words) or fold_key(name) in ctx.lexicons.communes:
        return False
    return fold_key(words[0]) not in {"cedex", "bp", "cs", "tsa", "france", "tel", "fax"}


def _trim_symbols(text: str, start: int, end: int) -> int:
    """End of the street name without trailing symbols ("rue du Port 😅")."""
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "'’"):
        end -= 1
    return end


_POSTAL_CODE = re.compile(r"(?<!\d)\d{5}(?!\d)")
# A line opening on a postal code (also OCR-spaced "67 160", or under a "Code postal" / "CP" key).
_ZIP_LINE = re.compile(r"[ \t]*(?:\d{5}(?!\d)|\d{2}[ \t]\d{3}(?!\d)|(?i:code[ \t]+postal|CP)\b)")
_TAIL_WORD = re.compile(r"[ \t](?P<town>(?:(?:Saint|Sainte|St|Ste)-)?[" + UP + r"][\w'’]+(?:-[\w'’]+)*)\Z")


def _commune_tail(ctx: DetectionContext, start: int, end: int) -> int | None:
    """Start of a commune written right after the street name ("12 av. Gallieni Bondy,")."""
    text, lex = ctx.text, ctx.lexicons
    if ctx.all_caps or not re.match(r"[ \t]*(?:[,;|]|\n|$|[ \t][-–—][ \t])", text[end : end + 4]):
        return None
    line_end = text.find("\n", end)
    if _POSTAL_CODE.search(text, end, len(text) if line_end < 0 else line_end):
        return None  # "17 rue Carle Vernet, 33800 Bordeaux": the commune comes with its postal code
    if line_end >= 0 and _ZIP_LINE.match(text, line_end + 1):
        # "18 rue Émile Basly\n62300 Lens", "3 hent Park Nevez\nCode postal : 56700": the street closes
        # its line and the postal code and commune come on the next one (round 18: 5 streets cut so)
        return None
    tail = _TAIL_WORD.search(text, start, end)
    if tail is None:
        return None
    town = tail.group("town")
    head = text[start : tail.start()]
    # The street keeps a capitalised name of its own ("av. Gallieni"), not only a particle.
    if not re.search(r"[" + UP + r"][\w'’]+", head) or re.search(r"(?i)(?:\bd[eu]s?|\bla|\ble|['’])[ \t]*\Z", head):
        return None
    key = fold_key(town)
    if key not in lex.communes or lex.is_first_name(town) or is_protected_word(town):
        return None
    if "-" not in town and (lex.is_common(town) or lex.is_surname(town)) and key not in lex.big_cities:
        return None
    return tail.start("town")


# "rue du Moulin à Vent", "place du Marché au Blé", "rue de la Halle aux Blés": a street name linked by
# "à", "au" or "aux" to one last capitalised word that closes it (the street pattern stops at "à", which
# far more often opens the commune: "3 rue Paul Bert à Nogent-sur-Marne"). Round 18: 13 such gold streets
# across 10 sets, 8 of them cut at the link before.
_LINKED_LAST_WORD = re.compile(
    r"[ \t]+(?:à|À|au|AU|Au|aux|AUX|Aux)[ \t]+(?P<word>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)"
    r"(?=[ \t]*(?:[,;|()\n]|$|\d{5}(?!\d)|[ \t][–—-][ \t]|[ \t]{2}))"
)
_COMMUNE_HEADS: dict[int, frozenset[str]] = {}


def _commune_heads(ctx: DetectionContext) -> frozenset[str]:
    """First parts of the hyphenated communes ("ivry" for Ivry-sur-Seine), built once per lexicon."""
    lex = ctx.lexicons
    heads = _COMMUNE_HEADS.get(id(lex))
    if heads is None:
        heads = frozenset(c.split("-", 1)[0] for c in lex.communes if "-" in c)
        _COMMUNE_HEADS[id(lex)] = heads
    return heads


def _linked_last_word(ctx: DetectionContext, name_start: int, end: int) -> int | None:
    """End of a last name word linked by "à/au/aux" after the street name ending at ``end``."""
    m = _LINKED_LAST_WORD.match(ctx.text, end)
    if m is None:
        return None
    word, lex = m.group("word"), ctx.lexicons
    name = ctx.text[name_start:end]
    if word.isupper() and len(word) > 1 and not (name.isupper() or ctx.all_caps):
        return None  # "rue X au CHU": an acronym, not a name word
    key = fold_key(word)
    if known_commune(lex, word) or key in lex.communes or key in _commune_heads(ctx) or lex.is_country(word):
        return None  # "rue X à Lyon", "rue Marat à Ivry": the commune
    if (lex.is_first_name(word) and not name.isupper()) or is_protected_word(word) or fold_key(word) in _NOT_NAME_WORDS:
        return None
    return m.end()


# Words that follow a street and "à/au" without naming it ("rue X au Centre", "au RDC").
_NOT_NAME_WORDS = {
    "centre", "domicile", "rdc", "fond", "bout", "coin", "niveau", "numero", "n", "dr", "docteur", "madame",
    "monsieur", "mme", "chu", "ch", "ehpad", "hopital", "clinique", "cabinet", "foyer", "sud", "nord", "est",
    "ouest", "matin", "soir", "midi",
}


def street_spans(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    spans = []
    covered = 0
    for found in street_matches(text, ctx.folded):
        m = found
        if (
            m.group("num")
            and FLAT_BEFORE.search(text, max(0, m.start() - 16), m.start())
            and not _FLAT_NOUN_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            # "bât C, appt 12, rue X": the flat's number is no house number; the street starts at its type
            if (again := STREET_ADDRESS.match(text, m.start("type"))) is None:
                continue
            m = again
        name = m.group("name").strip()
        if not name or m.start() < covered:
            continue
        if re.match(r"(?i)(?:à|a)[ \t]", name):
            continue  # "son quartier à Tourcoing", "en résidence à Saint-Jean-de-Luz": a commune follows
        has_num = m.group("num") is not None
        # a spelled-out number only after a home word or "au"/"chez" ("demeurant douze rue ...")
        spelled = has_num and not m.group("num")[0].isdigit()
        if spelled and (
            _is_weak_type(m.group("type")) or not _SPELLED_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        ):
            continue
        typ = fold_key(m.group("type")).rstrip(".")
        sig = re.match(r"(?i)(?:de\s+la\s+|de\s+l['’]\s*|d['’]\s*|l['’]\s*|(?:d[eu]s?|la|le|les)\s+)?([\w'’]+)", name)
        word = sig.group(1) if sig else ""
        if len(word) == 1 and (nxt := re.match(r"\w[ \t]+([\w'’]+)", name[sig.start(1) :] if sig else "")):
            word = nxt.group(1)  # "Lotissement U Svegliu", "A Casa": a one-letter article (Corsican)
        if word[:1].isdigit() and (month := re.search(r"[^\W\d_]{3,}", name)):
            word = month.group(0)  # "avenue du 11 Novembre 1918": the month carries the name
        if not has_num:
            # "dans la rue", "en cours", "passage d'une aide": not addresses.
            # "lieu-dit kerbastard", "hameau de pietranera": a dictated place name in lower case,
            # kept when it is no ordinary word.
            lower_place = (
                typ in _PLACE_TYPES
                and word.islower()
                and not ctx.lexicons.is_common(word)
                and not is_protected_word(word)
            )
            # "habite rue de siam", "domiciliée avenue foch": a lower-case street after a home word
            lower_street = (
                typ in _CAPS_TYPES
                and word.islower()
                and (
                    _HOME_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) is not None
                    or _CORNER_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) is not None
                    and not ctx.lexicons.is_common(word)
                )
            ) or (  # "(bd de la blancarde, 13004)": a lower-case street before its postal code
                word.islower() and not _is_weak_type(typ) and _ZIP_NEXT.match(text, m.end()) is not None
            )
            lower_place = lower_place or lower_street
            # (an ALL-CAPS street in a mixed text only before its postal code: "RTE DE FONTEVRAUD  49400")
            zip_next = _ZIP_NEXT.match(text, m.end()) is not None
            caps_ok = ctx.all_caps or zip_next
            if not word or not (word[0].isupper() or lower_place) or (word.isupper() and not caps_ok):
                continue
            if ctx.all_caps and typ not in _CAPS_TYPES and not (typ in _CAPS_TYPES_BEFORE_ZIP and zip_next):
                continue
            if typ == "pl":
                continue  # "ni PL. Reconsulter": "PL." without a house number is a lumbar puncture
            # "Adresse : Section Morin", "Domicile : quartier Bourg": after an address label even
            # a name that is also a word ("Bourg") is the place; otherwise it must not be one.
            labelled = LABEL_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) is not None
            if typ in _WEAK_TYPES and (is_protected_word(word) or not labelled and ctx.lexicons.is_common(word)):
                continue
            # "Passage de Nadège (auxiliaire de vie)", "passage d'Yvon": a visit by a person named
            # by first name, no street (a weak type and "de" before a first name, no address label)
            if typ in _WEAK_TYPES and not labelled and re.match(r"(?i)d(?:e[ \t]|['’])", name) and (
                ctx.lexicons.is_first_name(word)
            ):
                continue
        elif typ in ("section", "quartier") and (not word[:1].isupper() or ctx.lexicons.is_common(word)):
            continue
        end = _trim_symbols(text, m.start("name"), m.start("name") + len(m.group("name").rstrip(" .-")))
        if not has_num and word.islower() and (cut := re.search(r"[ \t]*[:;,(]", text[m.start("name") : end])):
            end = m.start("name") + cut.start()  # "angle rue d'aubagne : mr x": a lower-case street ends at a sign
        if has_num and (linked := _linked_last_word(ctx, m.start("name"), end)) is not None:
            end = linked  # "3 chemin du Moulin à Vent": the name goes on after its link word
        if (caps := CAPS_TOWN.search(text, m.start("name"), end)) and caps_town(ctx, m.start("name"), caps):
            # "12 rue de la Baratière VITRE": an ALL-CAPS commune closing a mixed-case street
            spans.append(Span(caps.start("town"), caps.end("town"), "VILLE", 0.8, "address"))
            end = caps.start()
        elif has_num and (town := _commune_tail(ctx, m.start("name"), end)) is not None:
            spans.append(Span(town, end, "VILLE", 0.8, "address"))
            end = town - 1
        score = 0.9 if has_num else 0.7
        if lane := _NUMBERED_LANE_AFTER.match(text, end):
            end = lane.end()  # "lotissement Les Manguiers, rue 3": the estate's numbered lane
        flat_after = has_num and _FLAT_TAIL.match(text, end) is not None
        start = lead_in(text, m.start(), has_num and _ZIP_NEXT.match(text, end) is not None, flat_after)
        if has_num and start == m.start() and (road := _ROAD_LETTERS_BEFORE.search(text, max(0, start - 4), start)):
            start = road.start()
        if start < m.start():
            score = max(score, 0.85)  # "Port X, quai Y": the lead-in chain beats the street read alone
        if has_num and (flat := _FLAT_TAIL.match(text, end)):
            end = flat.end()  # "14 rue du Général Buat, appt 32": the flat belongs to the address
            if floor := _FLOOR_TAIL.match(text, end):
                end = floor.end()
                if door := _FLAT_TAIL.match(text, end):
                    end = door.end()  # "bât. A, 3e étage, porte 32": the door after the floor (round 18)
        trail = _TRAIL_PART.match(text, end) if text[end : end + 1] == "," else None
        locality = LOCALITY_AFTER.match(text, end) if trail is None and text[end : end + 1] == "," else None
        if locality is None and trail is None and text[end : end + 1] == ",":
            # "Chemin Bras Creux, Trois Mares" closing its line: the hamlet after the street (round 17)
            locality = _LOCALITY_LINE_END.match(text, end)
            if locality is not None and not _is_line_end_locality(ctx, locality.group("name")):
                locality = None
        if locality is not None and _is_locality(ctx, locality.group("name")):
            spans.append(Span(locality.start("name"), locality.end("name"), "ADRESSE", 0.75, "address"))
        if trail is not None and not is_protected_word(trail.group(0).split()[-1]):
            end = covered = trail.end()
            spans.append(Span(start, end, "ADRESSE", score, "address_lead"))
        elif start == m.start():
            # "1 avenue du Professeur Jean Poulhès": a numbered street named after a titled person
            # is an address, stronger than the title rule's reading of the person's name.
            # "Boulevard du Professeur X – 59037 Lille": unnumbered, heading a letterhead line
            heads_line = not text[text.rfind("\n", 0, start) + 1 : start].strip()
            titled = (has_num or heads_line) and _TITLED_STREET.match(name) is not None
            spans.append(Span(start, end, "ADRESSE", score, "address_lead" if titled else "address"))
        elif (
            re.match(r"(?i)r[ée]s(?:idence\b|\.)", text[start : m.start()])
            and not _PART_IN_LEAD.search(text, start, m.start())
            and not flat_after  # "Résidence X, 4 allée Y, logement 21": one address with its flat (round 18)
        ):
            # "Résidence U Libecciu, 12 chemin X": a residence and a street alone stay two addresses
            lead_end = start + len(text[start : m.start()].rstrip(" \t,"))
            spans.append(Span(start, lead_end, "ADRESSE", score, "address_lead"))
            spans.append(Span(m.start(), end, "ADRESSE", score, "address_lead"))
        else:
            # "Résidence Bellevue, Bât C, 3 avenue de la Gare": the residence, its building, flat or
            # lot parts and the street, separated by commas, are one address (convention of the docs).
            spans.append(Span(start, end, "ADRESSE", score, "address_lead"))
    return spans
