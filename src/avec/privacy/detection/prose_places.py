"""Places in ordinary prose and forms that the commune rules miss (round 15).

- a large commune named with "Le", after the contraction "du": "antenne du Havre", "tribunal
  judiciaire du Mans" (French contracts "de Le Mans" to "du Mans"; "au Havre" is read by
  ``commune_slots``); the span is the word alone, as written;
- a known commune right after "domicile" with no preposition: "domicile Trélissac – HAD ...",
  "DOMICILE BOURGES |" (a line of a care plan or a transport table);
- a letter's place and date without the comma: "Rennes le 3 avril 2025", "Ambazac le dix-huit
  mars", "Châlons le 2/09/2024" (the commune rules read "Rennes, le 3 avril"); the commune opens its
  line and the date closes it;
- a person's commune after the name in brackets: "(Mme Line Carvenec, Landerneau)", "(M. Ravel
  Gérard, Avion)", "(Dr Quéant, Moulins)": a title, one to three name words, a comma, a commune;
- a titled person's commune closing the line or the sentence: "sage-femme : Mme Lefrançois, Le
  Trait.", "S.F. libérale : Mme Jaouen - Cléguérec";
- both ends of a trip written with a dash: "vol Montréal-Paris", "ferry Bastia – Toulon";
- a hamlet (lieu-dit) heading an address field: "Adresse : Kerbrat, 29410 Pleyber-Christ",
  "Adresse : Kerglouanou, route de Clohars": one capitalised word that is no ordinary word, no
  name and no street, then a postal code or a street. The writers mark it `VILLE`.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.place_patterns import UP, commune_first_words, commune_heads, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# "du Havre", "DU MANS": the word after "du", looked up with "Le" before it.
_DU_CITY = re.compile(r"(?<![\w'’-])[Dd][Uu][ \t]+(?P<city>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)(?![\w'’-])")
# "le port", "du Port": a town's harbour is a landmark of every coastal town, not Le Port (La Réunion).
_DU_NOT_CITY = {"port"}
# "domicile Trélissac", "DOMICILE BOURGES": the commune runs to a separator or the line's end.
_DOMICILE_CITY = re.compile(
    r"(?<![\w'’-])(?:domicile|DOMICILE|Domicile)[ \t]+"
    r"(?P<city>[" + UP + r"][\w'’]+(?:[ \t-](?:sur|sous|en|le|la|les|lès|de|du|SUR|SOUS|EN|LE|LA|LES|DE|DU)"
    r"[ \t-][" + UP + r"][\w'’]+|-[" + UP + r"][\w'’]+)*)"
    r"(?=[ \t]*(?:$|[\n,;|)(–—]|[ \t]-[ \t]|[ \t]{2}))"
)
# "Adresse : Kerbrat, 29410 ...", "ADRESSE : KERGOAT 29800 PLOUDIRY", "Adresse : Kerlann, 3 hent ...".
_ADDRESS_HAMLET = re.compile(
    r"(?i)(?<![\w'’-])(?:adresse|domicile|lieu[ \t]+de[ \t]+vie)(?:[ \t]+(?:du|de[ \t]+la)[ \t]+"
    r"(?:patient|patiente|domicile|mère|mere|père|pere))?[ \t]*:[ \t]*"
    r"(?P<place>[" + UP + r"][\w'’]{3,}(?:-[" + UP + r"][\w'’]+)*)"
    r"(?P<after>[ \t]*,[ \t]*(?:\d{5}\b|\d{1,4}(?:[ \t]?(?:bis|ter))?[ \t]+\w|"
    r"(?:route|rue|chemin|impasse|all[ée]e|hent|straed|venelle|lieu-dit)\b)|[ \t]+\d{5}[ \t]+[" + UP + r"])"
)
# "Rennes le 3 avril 2025", "AMBAZAC LE DIX-HUIT MARS", "Lèves le 2/09/2024", "Mantes, le O3/O7/2O24".
# What stands before the address label: the line's start, a cell separator or a sentence's end.
_LABEL_OPENS = re.compile(r"(?:^|\n|[|;\t]|[.!?][ \t])[ \t]*\Z")
_NUMBER_WORDS = (
    r"1er|premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingt|trente"
)
_LETTER_DATE_LINE = re.compile(
    r"(?m)[ \t]*(?P<city>(?:(?:Saint|Sainte|St|Ste|SAINT|SAINTE)[ \t-])?[" + UP + r"][\w'’]+"
    r"(?:-[\w'’]+){0,4})[ \t]*,?[ \t]*(?i:le)[ \t]+"
    # the date closes the line: "2/09/2024", "3 avril 2025", "O3/O7/2O24" (OCR), "dix-huit mars ..."
    r"(?:[\dOl]{1,2}[ \t]*[/.\-][ \t]*[\dOl]{1,2}[ \t]*[/.\-][ \t]*[\dOl]{2,4}"
    r"|(?:1er|[\dOl]{1,2})[ \t]+[a-zéûA-ZÉÛ]{3,9}\.?[ \t]+[\dOl]{4}"
    r"|(?i:" + _NUMBER_WORDS + r")\b[a-zéèû \t\-]*)[ \t.]*$"
)
# Where the search starts: " le " before a digit or a number word (the line's start is then matched).
_LE_BEFORE_DATE = re.compile(r"[ \t,](?:le|LE|Le)[ \t]+(?=[\dOl]|(?i:" + _NUMBER_WORDS + r")\b)")
# "(Mme Line Carvenec, Landerneau)", "(M. Ravel Gérard, Avion)": a titled person, then the commune.
_BRACKETED_CONTACT = re.compile(
    r"\((?:M\.|Mme|Mlle|Dr|Pr|Me|Monsieur|Madame)[ \t]+(?:[" + UP + r"][\w'’.\-]*[ \t]+){0,2}[" + UP + r"][\w'’\-]+"
    r"[ \t]*,[ \t]*(?P<city>[" + UP + r"][\w'’]+(?:[ \t-](?:sur|sous|en|le|la|les|lès|de|du|d['’]|l['’])?"
    r"[ \t-]?[" + UP + r"][\w'’]+){0,3})[ \t]*(?=[),;])"
)
# "Mme Lefrançois, Le Trait.", "Mme Jaouen - Cléguérec": the commune closes the line or the sentence.
_TITLED_CONTACT = re.compile(
    r"(?<![\w'’])(?:M\.|Mme|Mlle|Dr|Pr)[ \t]+(?:[" + UP + r"][\w'’.\-]*[ \t]+){0,2}[" + UP + r"][\w'’\-]+"
    r"[ \t]*(?:,|[ \t][-–—])[ \t]*(?P<city>["
    + UP
    + r"][\w'’]+(?:[ \t-](?:sur|sous|en|le|la|les|lès|de|du|d['’]|l['’])?"
    r"[ \t-]?[" + UP + r"][\w'’]+){0,3})[ \t]*(?=\.?[ \t]*(?:\n|$)|[;])"
)
# "vol Montréal-Paris", "ferry Bastia – Toulon", "train Lyon/Grenoble": a trip's two ends.
_TRIP_PAIR = re.compile(
    r"(?i:\b(?:vol|avion|train|tgv|ferry|bateau|car|bus|trajet|travers[ée]e|billet))[ \t]+(?:[a-zé'’ ]{0,20}[ \t])?"
    r"(?P<a>[" + UP + r"][\w'’]+(?:[ \t-][" + UP + r"][\w'’]+){0,2}?)[ \t]*(?:-|[ \t][–—][ \t]|/)[ \t]*"
    r"(?P<b>[" + UP + r"][\w'’]+(?:[ \t-][" + UP + r"][\w'’]+){0,2}?)(?![\w'’-])"
)
_STREET_WORDS = frozenset(
    words_of(
        "rue route chemin impasse allee avenue boulevard place quai residence lieu-dit hameau lotissement cite "
        "batiment appartement chez sdf inconnue inconnu voir idem aucune non centre foyer hotel cedex domicile"
    )
)


def _du_communes(ctx: DetectionContext) -> list[Span]:
    if "du " not in ctx.folded:
        return []
    out = []
    for m in prefixed_finditer(_DU_CITY, ctx.text, ctx.folded):
        city = m.group("city")
        key = fold_key(city)
        if key in _DU_NOT_CITY or fold_key("le " + city) not in ctx.lexicons.big_cities or is_protected_word(city):
            continue
        out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.7, "prose_place"))
    return out


def _domicile_communes(ctx: DetectionContext) -> list[Span]:
    if "domicile " not in ctx.folded:
        return []
    lex, out = ctx.lexicons, []
    for m in prefixed_finditer(_DOMICILE_CITY, ctx.text, ctx.folded):
        city = m.group("city")
        key = fold_key(city)
        if key not in lex.communes or is_protected_word(city) or is_acronym(city):
            continue
        words = city.replace("-", " ").split()
        if lex.is_first_name(words[0]) or lex.is_surname(city):
            continue  # "domicile Martin": a family's home, not a commune
        if len(words) == 1 and lex.is_common(city) and key not in lex.big_cities:
            continue  # "domicile Moulins" is read, "domicile Confort" is not
        out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.7, "prose_place"))
    return out


def _address_hamlets(ctx: DetectionContext) -> list[Span]:
    if "adresse" not in ctx.folded and "domicile" not in ctx.folded and "lieu de vie" not in ctx.folded:
        return []
    lex, out = ctx.lexicons, []
    for m in prefixed_finditer(_ADDRESS_HAMLET, ctx.text, ctx.folded):
        if not _LABEL_OPENS.search(ctx.text, max(0, m.start() - 12), m.start()):
            continue
        place = m.group("place")
        key = fold_key(place)
        if key in _STREET_WORDS or is_protected_word(place) or is_acronym(place):
            continue
        if lex.is_common(place) or lex.is_first_name(place) or lex.is_surname(place) or lex.is_country(place):
            continue
        out.append(Span(m.start("place"), m.end("place"), "VILLE", 0.7, "prose_place"))
    return out


def _letter_date_communes(ctx: DetectionContext) -> list[Span]:
    if " le " not in ctx.folded:
        return []
    lex, out = ctx.lexicons, []
    text, seen = ctx.text, set()
    for le in _LE_BEFORE_DATE.finditer(text):
        line_start = text.rfind("\n", 0, le.start()) + 1
        if line_start in seen:
            continue
        seen.add(line_start)
        m = _LETTER_DATE_LINE.match(text, line_start)
        if m is None:
            continue
        city = m.group("city")
        key = fold_key(city)
        if not (known_commune(lex, city, key) or key in commune_heads(lex) or key in commune_first_words(lex)):
            continue
        if is_protected_word(city) or is_acronym(city) or lex.is_first_name(city.split("-")[0]):
            continue
        if lex.is_common(city) and key not in lex.big_cities and not _after_blank_line(ctx.text, m.start()):
            continue  # "Livré le 30/11/2024": a participle opening a note's line, not a letter's place
        out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.75, "prose_place"))
    return out


def _after_blank_line(text: str, pos: int) -> bool:
    """The line starting at ``pos`` stands apart as a letter's date line does: it opens the text,
    follows an empty line or is pushed to the right ("                Mantes, le 03/07/2024")."""
    if pos == 0 or text.startswith(" " * 8, pos) or text.startswith("\t", pos):
        return True
    previous = text[text.rfind("\n", 0, pos - 1) + 1 : pos - 1]
    return not previous.strip()


def _bracketed_contacts(ctx: DetectionContext) -> list[Span]:
    if "(" not in ctx.text:
        return []
    lex, out = ctx.lexicons, []
    for m in _BRACKETED_CONTACT.finditer(ctx.text):
        city = m.group("city")
        key = fold_key(city)
        if not known_commune(lex, city, key) or is_protected_word(city) or is_acronym(city):
            continue
        if lex.is_first_name(city) or (lex.is_surname(city) and not lex.is_common(city)):
            continue  # "(M. Hervé, Laurent)": a second name, not a place
        out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.75, "prose_place"))
    return out


def _titled_contacts(ctx: DetectionContext) -> list[Span]:
    lex, out = ctx.lexicons, []
    for m in prefixed_finditer(_TITLED_CONTACT, ctx.text, ctx.folded):
        city = m.group("city")
        key = fold_key(city)
        if not known_commune(lex, city, key) or is_protected_word(city) or is_acronym(city):
            continue
        if (
            lex.is_first_name(city.split()[0])
            or lex.is_surname(city)
            or (lex.is_common(city) and key not in lex.big_cities)
        ):
            continue  # "Mme Ribot, Rose.", "Dr X, Médecine.": a name or a word, not a place
        out.append(Span(m.start("city"), m.end("city"), "VILLE", 0.7, "prose_place"))
    return out


def _trip_ends(ctx: DetectionContext) -> list[Span]:
    lex, out = ctx.lexicons, list[Span]()
    for m in prefixed_finditer(_TRIP_PAIR, ctx.text, ctx.folded):
        ends = [(m.start(g), m.end(g), m.group(g)) for g in ("a", "b")]
        if all(_trip_place(lex, w) for _, _, w in ends):
            out.extend(Span(a, b, "VILLE", 0.7, "prose_place") for a, b, _ in ends)
    return out


def _trip_place(lex: Lexicons, word: str) -> bool:
    """A known commune or a foreign city of 15,000+ inhabitants, no first name, no protected word."""
    if is_protected_word(word) or is_acronym(word) or lex.is_first_name(word.split()[0]):
        return False
    return known_commune(lex, word) or word.lower() in lex.foreign_cities


@recognizer("prose_place", 61)
def find_prose_places(ctx: DetectionContext) -> list[Span]:
    """ "du" + a commune named with "Le", "domicile X", hamlets heading an address,
    letters' place and date lines without a comma, a titled person's commune in brackets."""
    return (
        _du_communes(ctx)
        + _domicile_communes(ctx)
        + _address_hamlets(ctx)
        + _letter_date_communes(ctx)
        + _bracketed_contacts(ctx)
        + _titled_contacts(ctx)
        + _trip_ends(ctx)
    )
