"""Facilities named without the keyword-and-name shape: named units, lower-case notes, shelters.

"unité Les Cèdres", "urgences de la Cavale Blanche", "Centre de Perharidy", "au chu de brest",
"ehpad les lilas", hotels used as shelters, a hospital's own acronym ("CHBA") and known hospital
sites. Split from ``facilities.py``; ``extra_spans`` is called by its recognizer.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY as _FACILITY
from avec.privacy.detection.facility_keywords import FACILITY_STOP as _FACILITY_STOP
from avec.privacy.detection.facility_keywords import words_of as _words
from avec.privacy.detection.hospital_sites import site_spans
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, city_span, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# "EPSM de l'agglomération lilloise", "CH du pays de Morlaix": a facility named after its area, the
# area in lower case (an adjective), which the capitalised-name rule misses.
_AREA_NAMED = re.compile(
    r"(?<![\w-])(?:EPSM|CHS|CH|CHU|CHI|GHT|GH|GHU|GHR|(?i:centre[ \t]+hospitalier|h[ôo]pital))[ \t]+"
    r"(?i:de[ \t]+l['’]agglom[ée]ration|de[ \t]+la[ \t]+m[ée]tropole|du[ \t]+pays|du[ \t]+bassin|"
    r"de[ \t]+la[ \t]+r[ée]gion|du[ \t]+territoire)[ \t]+(?:[a-zà-ÿ][a-zà-ÿ'’\-]+|[" + UP + r"][\w'’\-]+)"
)

# Units and wards with a proper name: "unité Les Cèdres", "pavillon Les Tilleuls", "unité
# Saint-Exupéry" (a unit with its keyword, the others by their name only).
_NAMED_UNIT = re.compile(
    r"(?i:\b(?:unit[ée]|pavillon|b[âa]timent|villa)[ \t]+)"
    r"(?P<name>(?:(?:Les|Le|La|L['’])[ \t]*(?P<word>[" + UP + r"][\w'’\-]+)"
    r"(?:[ \t]+(?:des|de|du|d['’])?[ \t]*[" + UP + r"][\w'’\-]+)*"
    r"|(?i:saint|sainte)-[" + UP + r"][\w'’\-]+|(?<=unité )(?:saint|sainte)-[a-zà-ÿ][a-zà-ÿ'’\-]{2,}))"
)
# A hospital named after "urgences de la ...", "urgences du ..." ("aux urgences de la Cavale
# Blanche"): the name only, when it is capitalised mid-sentence.
_AFTER_WARD = re.compile(
    r"(?i:\burgences|\bmaternit[ée]|\br[ée]animation|\bsite)[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des)[ \t]*"
    r"(?P<name>[" + UP + r"][\w'’\-]+(?:[ \t][" + UP + r"][\w'’\-]+){0,3})"
)
# A social hotel or shelter named in quotes: hôtel social « Hôtel du Parc ».
_QUOTED = re.compile(r"[«\"“][ \t]*(?P<name>[" + UP + r"][^«»\"“”\n]{1,50}?)[ \t]*[»\"”]")
_QUOTED_BEFORE = re.compile(
    r"(?i:h[ôo]tel[ \t]+social|centre[ \t]+d['’]h[ée]bergement|r[ée]sidence[ \t]+sociale|"
    r"foyer|ehpad|r[ée]sidence|structure|association)[ \t]*\Z"
)
# "Hôtel du Parc", "Hôtel des Voyageurs": an hotel used as an emergency shelter (civic buildings out).
_HOTEL = re.compile(
    r"(?<![\w-])H[ôo]tel[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’])[ \t]*(?P<word>[" + UP + r"][\w'’\-]+)"
)
_SHELTER_HOTEL = re.compile(
    r"(?<![\w-])H[ôo]tel[ \t]+(?P<word>[" + UP + r"][\w'’\-]+)(?:[ \t]+[" + UP + r"][\w'’\-]+)?(?=[ \t]*[,(\n-])"
)
_SHELTER_BEFORE = re.compile(r"(?i)(?:\b115\b|h[ée]berg[ée]?(?:e|ement)?s?\b|h[ôo]tel[ \t]+social)[^\n]*\Z")
_CIVIC = {"ville", "police", "region", "departement", "prefecture", "impots", "finances", "dieu", "agglomeration"}
# "Centre de Perharidy": a centre named after a place or a person, the name not an ordinary word.
_CENTRE_OF = re.compile(
    r"(?<![\w-])(?:Centre|CENTRE)[ \t]+(?:de|d['’]|du|des|DE|D['’]|DU|DES)[ \t]*"
    r"(?P<word>[" + UP + r"][\w'’\-]+)(?:[ \t](?P<more>[" + UP + r"][\w'’\-]+))?"
)
# "Centre Léon Bérard": a centre named after a person (a known first name, then a capitalised word).
_CENTRE_PERSON = re.compile(
    r"(?<![\w-])Centre[ \t]+(?P<first>[" + UP + r"][\w'’]+)(?:-[" + UP + r"][\w'’]+)?[ \t-][" + UP + r"][\w'’\-]+"
)
# Lower-case "ehpad les lilas" in a pharmacy log.
_LOWER_EHPAD = re.compile(
    r"(?<![\w-])(?i:ehpad|itep|ime|mecs|esat|sessad|camsp)[ \t]+(?:r[ée]sidence[ \t]+)?"
    r"(?P<name>(?:les|le|la|l['’])[ \t]*[a-zà-ÿ][a-zà-ÿ'’\-]+"
    r"(?:[ \t](?:de[ \t]la|des|du|de)[ \t][a-zà-ÿ][a-zà-ÿ'’\-]+)?)"
)
# "ehpad les lilas", "itep les sorbiers": a lower-case home and its name (cheap gate on the folded text).
_LOWER_HOME_GATE = re.compile(r"(?:ehpad|itep|ime|mecs|esat|sessad|camsp) (?:l|r)")
# Lower-case notes: "rdv au chu de brest", "hopital st joseph" (the commune must be known, the
# saint's name follows "saint"/"st").
_LOWER_CHU = re.compile(
    r"(?<![\w-])(?:chu|chru|ch|chi|chs|centre[ \t]hospitalier)[ \t]+(?P<of>de[ \t]+|d['’]|du[ \t]+)?"
    r"(?P<city>[a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+)?)"
    # "chu grenoble alpes", "chu de nantes atlantique": an area word closing a hospital's name
    r"(?P<area>[ \t](?:alpes|sud|nord|est|ouest|atlantique|m[ée]tropole|centre|r[ée]union|martinique|guadeloupe))?"
    r"(?![\w'’-])"
)
_LOWER_SAINT = re.compile(
    r"(?<![\w-])(?:clinique|polyclinique|h[ôo]pital|ehpad|r[ée]sidence)[ \t]+(?:saint|sainte|st|ste)[ \t-]"
    r"[a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t]+et[ \t]+(?:saint|sainte|st|ste)[ \t-][a-zà-ÿ][a-zà-ÿ'’\-]+)?"
)
# Dictated or typed notes: "à la clinique filippi", "au centre hospitalier de cornouaille", "l'hopital
# de la source": a lower-case name that is no ordinary word (or, after "hôpital de la", no word of
# the stop list below, which holds what usually follows it in a sentence).
_LOWER_CLINIC = re.compile(
    # after an article, so that "examen clinique ras" (the adjective) is left alone
    r"(?<![\w-])(?:la|une|en|cette|sa|votre|leur|l['’ ]|à)[ \t]*(?P<kw>clinique|polyclinique|ehpad)[ \t]+"
    r"(?P<word>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?![\w-])(?:[ \t]+(?P<word2>[a-zà-ÿ][a-zà-ÿ\-]{2,})(?![\w'’-]))?"
)
# "ch yves le foll", "hopital jean bernard": a lower-case hospital named after a person, a known
# first name then a surname that is no ordinary word.
_LOWER_PERSON_HOSPITAL = re.compile(
    r"(?<![\w-])(?:chu|chr|ch|chi|chs|h[ôo]pital|clinique|centre[ \t]+hospitalier)[ \t]+"
    r"(?P<first>[a-zà-ÿ][a-zà-ÿ'’]+)[ \t]+"
    r"(?P<last>(?:(?:le|la|de|du|van|l['’])[ \t]?)?[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?![\w-])"
)
_LOWER_HOSPITAL_OF = re.compile(
    r"(?<![\w-])(?:h[ôo]pital|clinique)[ \t]+(?:de[ \t]+la|du|de[ \t]+l['’])[ \t]*"
    r"(?P<word>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?![\w-])"
)
_LOWER_NOT_NAME = set(
    _words("""ville region commune secteur coin zone quartier departement territoire semaine veille nuit journee
    matinee soiree famille patient patiente personne mere pere enfant meme garde jour porte femme sortie
    reference proximite place rue route gare mer montagne campagne""")
)
_LOWER_STOP = set(
    _words("""plus moins matin soir midi nuit jour jours semaine mois lundi mardi mercredi jeudi vendredi
    samedi dimanche dernier derniere prochain prochaine meme concerne concernee week""")
)

# A hospital's own acronym: CH or GH and 2-4 letters ("GHBS"), or CH + 1 letter after au/du ("au CHM"; not CHC).
_HOSPITAL_ACRONYM = re.compile(
    r"(?<![\w|^-])(?:(?:CH|GH)[A-Z]{2,4}|(?:(?<=\bau )|(?<=\bdu ))CH[A-Z])(?![\w|^-])"  # not an HL7 field code
)
# A local hospital's acronym after a ward or a transfer word, even one that is also a medical acronym
# elsewhere ("réa CHC", "transfert CHM", "Bureau des Entrées CHIC"; "CHC" alone is a carcinoma) (round 17).
_WARD_BEFORE = r"(?:r[ée]a|transfert|transf[ée]r[ée]e?|urgences|SAU|pharmacie|Entr[ée]es|maternit[ée])[ \t]+\Z"
_WARD_ACRONYM = re.compile(r"(?<![\w|^-])(?:CH[A-Z]|CHIC)(?![\w|^@.-])")
_NOT_HOSPITAL_ACRONYMS = set(
    _words("CHC CHRU CHRS CHIC CHSCT CHU CHR CHI CHS CHG GHU GHT GHR CHOP CHOEP CHAP CHARGE CHEF CHAT CHOC CHUT GHBP")
)


def extra_spans(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """Facility spans of the layouts above that overlap none of ``spans``."""
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []

    def free(a: int, b: int) -> bool:
        return not any(x.start < b and a < x.end for x in spans + out)

    folded = ctx.folded  # cheap keyword checks before each regex pass
    units = any(k in folded for k in ("unit", "pavillon", "batiment", "villa"))
    for m in prefixed_finditer(_NAMED_UNIT, text, folded) if units else ():
        word = m.group("word") or m.group("name").split("-", 1)[1]
        # "unité Les Cèdres": the unit's keyword is part of its name (a building or a villa is not)
        start = m.start() if fold_key(m.group(0)).startswith("unit") else m.start("name")
        if not is_protected_word(word):
            out.append(Span(start, m.end("name"), "HOPITAL", 0.8, "facility"))
    wards = any(k in folded for k in ("urgences ", "maternite ", "reanimation ", "site d"))
    for m in prefixed_finditer(_AFTER_WARD, text, folded) if wards else ():
        a, b = m.span("name")
        words = m.group("name").split()
        if fold_key(words[0]) in _FACILITY_STOP or _FACILITY.match(text, a) or is_protected_word(words[0]):
            continue
        if len(words) == 1 and fold_key(words[0]) in lex.communes:
            continue  # "urgences de Brest" style commune: left to the commune rule
        if free(a, b):
            out.append(Span(a, b, "HOPITAL", 0.8, "facility"))
    area = any(k in folded for k in ("agglomeration", "metropole", "du pays", "du bassin", "region", "territoire"))
    for m in prefixed_finditer(_AREA_NAMED, text, folded) if area else ():
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
    quoted = any(q in text for q in '«"“')
    for m in _QUOTED.finditer(text) if quoted else ():
        a, b = m.span("name")
        if _QUOTED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) and free(a, b):
            out.append(Span(a, b, "HOPITAL", 0.8, "facility"))
    for m in prefixed_finditer(_HOTEL, text, ctx.folded) if "hotel" in folded else ():
        if fold_key(m.group("word")) not in _CIVIC and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    shelter_gate = "hotel" in folded and ("115" in text or "heberg" in folded)
    for m in prefixed_finditer(_SHELTER_HOTEL, text, ctx.folded) if shelter_gate else ():
        # "hébergée via le 115, Hôtel Azur, 18 route de ...": the hotel is where the person lives.
        before = text[max(0, m.start() - 80) : m.start()]
        if fold_key(m.group("word")) not in _CIVIC and _SHELTER_BEFORE.search(before) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "ADRESSE", 0.75, "facility"))
    for m in prefixed_finditer(_CENTRE_OF, text, ctx.folded) if "centre" in folded else ():
        word = m.group("word")
        key = fold_key(word)
        if lex.is_common(word) or is_protected_word(word) or key in _FACILITY_STOP or key in lex.big_cities:
            continue
        if ctx.all_caps or not word[:1].isupper() or word.isupper() and not m.group(0).isupper():
            continue
        end = m.end("more") if m.group("more") and not lex.is_common(m.group("more")) else m.end("word")
        if free(m.start(), end):
            out.append(Span(m.start(), end, "HOPITAL", 0.75, "facility"))
    for m in prefixed_finditer(_CENTRE_PERSON, text, ctx.folded) if "centre" in folded else ():
        if lex.is_first_name(m.group("first")) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    lower_chu = any(k in text for k in ("ch d", "chu ", "chru ", "chi d", "chs d", "hospitalier d"))
    for m in prefixed_finditer(_LOWER_CHU, text, ctx.folded) if lower_chu else ():
        city, end = m.group("city"), m.end("city")
        if m.group("of") is None and (m.group(0).startswith(("ch ", "chs ")) or fold_key(city) not in lex.big_cities):
            continue  # "chu brest" in a message: only a known city without "de", and never after "ch"
        if fold_key(city) not in lex.communes:
            # "centre hospitalier de cornouaille": a full keyword may name an area, not only a commune
            # (one word that is no ordinary word: "chu de brest le lundi" keeps "brest" only).
            city = city.split()[0]
            end = m.start("city") + len(city)
            if fold_key(city) not in lex.communes and (
                m.group(0).startswith(("ch ", "chs ")) or lex.is_common(city) or is_protected_word(city)
            ):
                continue
        end = m.end("area") if m.group("area") and end == m.end("city") else end
        if free(m.start(), end):
            out.append(Span(m.start(), end, "HOPITAL", 0.75, "facility"))
    lower_saint = any(k in folded for k in ("clinique s", "hopital s", "ehpad s", "residence s"))
    for m in prefixed_finditer(_LOWER_SAINT, text, ctx.folded) if lower_saint else ():
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    for m in _LOWER_CLINIC.finditer(text) if "clinique " in text or "ehpad " in text else ():
        word = m.group("word")
        if lex.is_common(word) or is_protected_word(word) or fold_key(word) in _LOWER_STOP:
            continue
        end = m.end("word")
        word2 = m.group("word2")
        # "ehpad ker maria": a two-word name, the second word no ordinary word ("clinique pasteur hier")
        named = word2 and (not lex.is_common(word2) or lex.is_first_name(word2))  # "maria": a verb form too
        if named and not (is_protected_word(word2) or fold_key(word2) in _LOWER_STOP | _LOWER_NOT_NAME):
            end = m.end("word2")
        if free(m.start("kw"), end):
            out.append(Span(m.start("kw"), end, "HOPITAL", 0.7, "facility"))
    person_gate = any(k in text for k in ("ch ", "chu ", "chr ", "chi ", "chs ", "pital ", "clinique ", "hospitalier "))
    for m in prefixed_finditer(_LOWER_PERSON_HOSPITAL, text, ctx.folded) if person_gate else ():
        first, last = m.group("first"), m.group("last").split()[-1].split("'")[-1].split("’")[-1]
        if not lex.is_first_name(first) or lex.is_common(last) or is_protected_word(last) or is_protected_word(first):
            continue
        if fold_key(last) in _LOWER_STOP | _LOWER_NOT_NAME or not free(m.start(), m.end()):
            continue
        out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    lower_of = "hopital d" in folded or "clinique d" in folded
    for m in prefixed_finditer(_LOWER_HOSPITAL_OF, text, ctx.folded) if lower_of else ():
        word = m.group("word")
        if fold_key(word) in _LOWER_NOT_NAME | _LOWER_STOP or is_protected_word(word):
            continue
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    acronyms = not ctx.all_caps and ("CH" in text or "GH" in text)
    for m in prefixed_finditer(_HOSPITAL_ACRONYM, text, folded) if acronyms else ():
        acronym = m.group(0)
        word = is_protected_word(acronym) or len(acronym) > 4 and lex.is_common(acronym)  # "INCIDENT – CHUTE"
        # "49325 CHOLET Cedex", "CHINON", "CHATOU": a commune of five letters or more is no acronym (round 18)
        word = word or (len(acronym) > 4 and fold_key(acronym) in lex.communes)
        if acronym not in _NOT_HOSPITAL_ACRONYMS and not word and free(m.start(), m.end()):
            # "CHBA Vannes", "CHMS Chambéry": the acronym and the town of its main site, one name
            town = city_span(text, m.end()) if text[m.end() : m.end() + 1] == " " else None
            joined = town and town[0] == m.end() + 1 and known_commune(lex, text[town[0] : town[1]])
            end = town[1] if town and joined else m.end()
            out.append(Span(m.start(), end, "HOPITAL", 0.7, "facility"))
    for m in _WARD_ACRONYM.finditer(text) if acronyms else ():
        ward = re.search(_WARD_BEFORE, text[max(0, m.start() - 14) : m.start()], re.IGNORECASE)
        if ward and m.group(0) not in ("CHU", "CHR", "CHS", "CHI", "CHG") and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    for site in site_spans(ctx):
        if free(site.start, site.end):
            out.append(site)
    for m in prefixed_finditer(_LOWER_EHPAD, text, folded) if _LOWER_HOME_GATE.search(folded) else ():
        words = re.findall(r"[\w'’\-]+", m.group("name"))
        keep = [w for w in words[1:] if fold_key(w) not in _LOWER_STOP]
        if len(keep) != len(words) - 1 or not keep:
            continue
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    return out
