"""Care and social facilities: "CHU de Rennes", "EHPAD Les Tilleuls", "CAMSP de la Castellane".

A facility span includes its keyword and, when written "CHU de X", its commune; bodies named by
their territory ("UDAF du Nord", "CPAM de l'Artois") are facilities too (``territorial_bodies.py``).
The keyword grammar is in ``facility_keywords.py``; this recognizer also collects the layouts of
``facility_extras.py`` (units, lower-case notes, shelters, acronyms, sites), ``facility_cases.py``
(lower-case and ALL-CAPS names), ``school_names.py`` (schools, numbered DAC) and
``care_companies.py`` (home-help companies named by their area).
"""

from __future__ import annotations

import re

from avec.privacy.detection.care_companies import company_spans
from avec.privacy.detection.care_letterheads import letterhead_spans
from avec.privacy.detection.company_names import company_name_spans
from avec.privacy.detection.facility_cases import acronym_joined, case_spans, pass_joined
from avec.privacy.detection.facility_extras import extra_spans
from avec.privacy.detection.facility_keywords import FACILITY as _FACILITY
from avec.privacy.detection.facility_keywords import FACILITY_STOP as _FACILITY_STOP
from avec.privacy.detection.facility_keywords import PARTICLE as _PARTICLE
from avec.privacy.detection.facility_keywords import words_of as _words
from avec.privacy.detection.facility_numbers import number_joined
from avec.privacy.detection.facility_parts import part_joined, site_in_group_joined
from avec.privacy.detection.facility_sites import site_joined, unit_town_spans
from avec.privacy.detection.facility_units import unit_joined
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.named_bodies import named_body_spans
from avec.privacy.detection.organisations import organisation_spans
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.practice_names import practice_spans
from avec.privacy.detection.prefix_search import prefixed_finditer, prefixed_search
from avec.privacy.detection.public_bodies import public_body_spans
from avec.privacy.detection.quoted_structures import quoted_spans
from avec.privacy.detection.registry import PRIORITIES, DetectionContext, recognizer
from avec.privacy.detection.school_names import school_spans
from avec.privacy.detection.specialty_centres import specialty_centre_spans
from avec.privacy.detection.structure_names import structure_spans
from avec.privacy.detection.territorial_bodies import territorial_spans
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# Bodies known by their own name, without a keyword in front.
_KNOWN_FACILITIES = re.compile(
    r"(?<![\w-])(?:Pitié[\s-]Salpêtrière|Hôtel-Dieu|HEGP|Lariboisière|Necker|Bichat|Cochin|"
    r"Hospices Civils de Lyon|(?<!Le )(?<!LE )Kremlin-Bicêtre|Gustave Roussy|Institut Curie|Santé Service|"
    r"(?i:[ée]tablissement[ \t]+fran[çc]ais[ \t]+du[ \t]+sang)|"
    r"(?:Hôpital\s+)?Necker[\s-]Enfants[\s-][Mm]alades|Institut Bergonié|Paul-Brousse|La Timone)(?![\w-])"
)
# Hospital groups written alone ("Hôpital Tenon – AP-HP"), by acronym (Strasbourg, Geneva, AP-HP) or in full.
_GROUPS = re.compile(
    r"(?<![\w-])(?:(?i:assistance[ \t]+publique[ \t]*[–-][ \t]*h[ôo]pitaux[ \t]+de[ \t]+(?:paris|marseille))|"
    r"AP-HP|AP-HM|APHP|APHM|CASVP|HCL|HUS|HUG|CHUV|HUEP|HUPC|HUPNVS|HUPSSD|HUHM|HUPIFO|HUPS|HUPO)(?![\w-])"
)
_STREET_LIKE = {"residence", "foyer", "foyer logement"}
_TOWN_NAMED = {"pharmacie", "labo", "laboratoire"}  # "pharmacie de Cavaillon", "labo de Dannemarie": the commune
_HOME_KIND = re.compile(r"(?i)[ \t]+(?:autonomie|services|seniors?|m[ée]dicalis[ée]e|accueil)\b")
_SLASH_NAME = re.compile(r"/[" + UP + r"][\w'’]+(?:-[\w'’]+)*")

# A flat or a building after a residence: the residence is where the person lives.
_FLAT_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|app\.|esc(?:alier)?\.?|porte|"
    r"logement|log\.|n°|code(?:[ \t]+(?:porte|d['’]acc[èe]s|portail|entr[ée]e))?[ \t]*:?)[ \t]*[A-Z0-9]"
)
# "Résidence Les Cèdres, 4 allée X": a street after the residence on the same line.
_STREET_AFTER_COMMA = re.compile(
    r"[ \t]*,[ \t]*\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+"
    r"(?i:rue|avenue|all[ée]e|chemin|route|impasse|boulevard|bd|place|square|quai|cours)\b"
)
# A postal block: the residence line is followed by a street line or a postal code line.
_STREET_LINE_AFTER = re.compile(r"[ \t]*\n[ \t]*(?:\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+[^\W\d]|\d{5}[ \t])")
# An address field on the same line before the residence ("Domicile : Route de X, Résidence Y").
_ADDRESS_LINE = re.compile(
    r"(?i)[ \t]*(?:domicile|adresse|demeurant|domicili[ée]e?|habite|r[ée]side)[ \t]*(?:à|au|:)?[^\n:]*\Z"
)


_HOSPITAL_ACRONYMS = {"CHU", "CHRU", "CHR", "CHI", "CHS", "CHG", "CHIC", "CHD", "CH", "GHU", "GHT", "GHR", "GH"}
_OF_PLACE = re.compile(r"[ \t]+(?:de|du|d['’])[ \t]*[" + UP + r"]")
_CAPITAL_NEXT = re.compile(r"[ \t]+[" + UP + r"]")
# "association France Victimes 86": a département's number closing an association's name
_DEPARTMENT_NUMBER = re.compile(r"[ \t](?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w'’-]|[,.]\d|[ \t]*(?:%|h\b|ans\b))")


def _trim_facility(text: str, end: int, kw_end: int) -> int:
    """Cut the facility name before a stop word ("Service", "Dr", "Cedex", digits)."""
    words = list(re.finditer(r"[\w'’\-]+", text[kw_end:end]))
    mixed = any(not w.group(0).isupper() for w in words)
    for k, m in enumerate(words):
        word = m.group(0)
        key = fold_key(word).strip("'’")
        # "HOPITAL PRIVE DU CONFLUENT A NANTES": "à" ends a name, but not as its first word ("EHPAD A Casa")
        stop = key in _FACILITY_STOP and m.start() > 0 and (key != "a" or k > 0)
        # "Vivre Chez Soi", "Bien Chez Soi": a capitalised "Chez" inside a name before a capitalised word
        capital_next = _CAPITAL_NEXT.match(text, kw_end + m.end())
        stop = stop and not (key == "chez" and word[0].isupper() and mixed and capital_next)
        # "Clinique du Mail", "Centre médical du Mail": a capitalised "Mail" after "du" is a place (round 14)
        place = word == "Mail" and text[kw_end + m.start() - 3 : kw_end + m.start()] == "du "
        stop = stop and not place
        # "CH de Blois en SSR": a short acronym after the name is a unit, not part of the name.
        acronym = k > 0 and mixed and word.isupper() and len(word) <= 5
        if stop or acronym:
            end = kw_end + m.start()
            break
    while end > kw_end and text[end - 1] in " \t-'’":
        end -= 1
    tail = re.search(
        r"(?i)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|et|en|sur|sous|di|da|u)$",
        text[kw_end:end],
    )
    if tail:
        end = kw_end + tail.start()
    # A name cut by a PDF line break: "CHU de Lil-\nle".
    glued = re.match(r"-\n([a-zà-ÿ]+)(?![\w-])", text[end : end + 20])
    if glued and end > kw_end:
        end += glued.end()
    return end


def _lab_brand(ctx: DetectionContext, word: str) -> bool:
    """A lab's brand in an all-caps text ("LABORATOIRE BIOLIM"): a word of its own, not a kind or a name."""
    lex = ctx.lexicons
    return (
        len(word) >= 4
        and word.isalpha()
        and word.isupper()
        and not (lex.is_common(word.lower()) or lex.is_first_name(word) or lex.is_surname(word))
        and not known_commune(lex, word)
        and not _LAB_KIND_WORD.fullmatch(word)
    )


# Words that make an all-caps keyword's tail a kind of unit or meeting, not a name (round 17).
_KIND_TAILS = frozenset(
    _words("""crise mentale hebdomadaire mensuelle usage interieur interieure liaison transversale coordination
    garde urgence urgences""")
)


def _kind_only(ctx: DetectionContext, name: str) -> bool:
    """True when an all-caps name is ordinary words only, one of them a kind ("A USAGE INTERIEUR")."""
    words = [fold_key(w).strip("'’") for w in re.findall(r"[\w'’\-]+", name)]
    words = [w for w in words if w not in ("a", "de", "d", "du", "des")]
    return (
        bool(words)
        and any(w in _KIND_TAILS for w in words)
        and all(ctx.lexicons.is_common(w) and w not in ctx.lexicons.communes for w in words)
    )


def _inner_keyword(text: str, m: re.Match[str]) -> int | None:
    """Start of a second keyword opening the name ("clinique aux Hôpitaux Universitaires")."""
    qual_end = m.end("qual") if m.group("qual") else m.end("kw")
    lead = re.match(r"[ \t]+" + _PARTICLE + r"?[ \t]*", text[qual_end : m.end()])
    if lead is None:
        return None
    pos = qual_end + lead.end()
    inner = _FACILITY.match(text, pos)
    if inner and inner.group("name") and m.group("kw")[0].islower():
        return pos  # "hôpital de jour de l'Hôpital X": the unit's kind, then the hospital
    return None


def _lab_kind(ctx: DetectionContext, name: str) -> bool:
    """A lab's kind, every word ordinary ("de biologie médicale"), not a brand ("Bio Caraïbes")."""
    words = [w for w in re.findall(r"[\w'’\-]+", name) if fold_key(w).strip("'’") not in _NAME_LINKS]
    return not words or all(
        _LAB_KIND_WORD.fullmatch(w) or w.islower() and (ctx.lexicons.is_common(w) or is_protected_word(w))
        for w in words
    )


# Words of a lab's kind ("Biologie Médicale", "Analyses", "Anatomo-Pathologie"), not of a brand.
_LAB_KIND_WORD = re.compile(
    r"(?i)(?:bio|micro|immuno|h[ée]mato|anatomo|cyto|histo|bioch)?-?(?:logie|logique|chimie|m[ée]dicale?s?|"
    r"analyses?|pathologie|pathologique|g[ée]n[ée]tique|mol[ée]culaire|hospitali[eè]re?|centrale?|polyvalente?|"
    r"recherche|biom[ée]dicale?s?|biologie|imie)"
)
_NAME_LINKS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "aux"}


def _named_association(text: str, m: re.Match[str]) -> bool:
    """An association with a name of its own ("l'association Les Blouses Roses", "Association
    Tutélaire d'Indre-et-Loire"), not a drug pairing ("Association Eliquis + ...")."""
    words = re.findall(r"[\w'’\-]+", text[m.end("kw") : m.end()])
    return bool(words) and not is_protected_word(words[0])


# "cabinet infirmier des Capucines", "Cabinet médical Les Tilleuls", "cabinet infirmier Saxe-Gambetta":
# a practice named after a place (a particle, an article, a saint or two names joined by a hyphen).
_PRACTICE_NAME = re.compile(
    r"[ \t]+(?:(?:(?i:du|des|de[ \t]+la|de[ \t]+l['’])[ \t]*|(?i:saint|sainte)-|(?:Les|Le|La|L['’])[ \t]*)[" + UP + "]"
    r"|(?P<first>[" + UP + r"][\w'’]+)-(?P<second>[" + UP + r"][\w'’]+))"
)


# "cabinet infirmier de Ploudaniel": "de" and one capitalised word.
_PRACTICE_PLACE = re.compile(r"[ \t]+(?i:de|d['’])[ \t]*(?P<word>[" + UP + r"][\w'’]+(?:-[\w'’]+)*)(?![\w'’-])")


_PRACTICE_SINGLE = re.compile(r"[ \t]+([" + UP + r"][a-zà-ÿ'’]{3,})[ \t]*\Z")


def _named_practice(ctx: DetectionContext, name: str, kind: str = "") -> bool:
    """A practice named after a place, not after its practitioners ("Cabinet infirmier Lebrun")."""
    m = _PRACTICE_NAME.match(name)
    lex = ctx.lexicons
    # "cabinet de radiologie de Colmar": an imaging practice keeps its commune only (earlier sets)
    imaging = any(k in kind for k in ("radiolog", "imagerie"))
    if m is None and not imaging and (bare := _PRACTICE_PLACE.match(name)):
        # "cabinet médical de Lesneven", "cabinet infirmier de Mezzavia": a commune, or a word that is
        # no person's name; without "de" the word is the nurses' name ("Cabinet infirmier Bonnefoy")
        word = bare.group("word")
        if known_commune(lex, word) and not lex.is_first_name(word):
            return True
        person = lex.is_first_name(word) or lex.is_surname(word) or lex.is_common(word) or word.isupper()
        return not person and not is_protected_word(word)
    # "Cabinet de kinésithérapie Vauban", "Cabinet infirmier Bellevue": one word that is a commune or an
    # ordinary word and no one's name ("Cabinet infirmier Tournier" stays a person's)
    single = _PRACTICE_SINGLE.match(name)
    if m is None and single and not imaging:
        word = single.group(1)
        place_like = known_commune(lex, word) or lex.is_common(word)
        return place_like and not (lex.is_first_name(word) or lex.is_surname(word) or is_protected_word(word))
    if m is None or not m.group("first"):
        return m is not None
    # "Saxe-Gambetta", "Croix-Rousse": a place holds an ordinary word or a commune; "Orsini-Leca",
    # "Julie-Martin": the nurses' names
    parts = (m.group("first"), m.group("second"))
    return not lex.is_first_name(parts[0]) and any(lex.is_common(p) or known_commune(lex, p) for p in parts)


def _keyword_spans(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    spans: list[Span] = []
    pos = 0
    while (m := prefixed_search(_FACILITY, text, ctx.folded, pos)) is not None:
        pos = m.end()
        kw = m.group("kw")
        inner = _inner_keyword(text, m)
        if inner is not None:
            pos = inner
            continue
        fkw = fold_key(kw)
        if fkw in _STREET_LIKE and re.search(
            r"\d[ \t]?(?:bis|ter|[a-dA-D])?[ \t]?,?[ \t]?\Z", text[max(0, m.start() - 8) : m.start()]
        ):
            continue  # "30, résidence de ...": a street address
        if kw.isupper() and len(kw) <= 4 and not m.group("name"):
            continue
        if fkw == "foyer" and re.fullmatch(r"[ \t]+[A-Z]{2,4}", text[m.end("kw") : m.end()]):
            continue  # "RP : foyer LID": a lesion in a lobe (radiology), not a home
        if fkw.startswith("cabinet") and not _named_practice(ctx, text[m.end("kw") : m.end()], fkw):
            continue  # "Cabinet infirmier Lebrun": a person's name, left to the name rules
        first = re.match(r"[ \t]*(?:" + _PARTICLE + r")?[ \t]*([\w'’\-]+)", text[m.end("kw") : m.end()])
        lab = fkw in ("laboratoire", "labo") and first is not None
        brand = lab and ctx.all_caps and first is not None and _lab_brand(ctx, first.group(1))
        if lab and first and (_lab_kind(ctx, text[m.end("kw") : m.end()]) or ctx.all_caps and not brand):
            continue  # "LABORATOIRE DE BIOLOGIE MÉDICALE": the kind of lab, no name ("pharmacie de X": X's commune)
        # "pharmacie de Cavaillon": the commune only; "Pharmacie de la Durance", "Grande Pharmacie de
        # Billère": a name (an article before it, or a lead word before the keyword).
        named = re.match(r"[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des)[ \t]", text[m.end("kw") : m.end()])
        # "Pharmacie Saint-Vincent", "laboratoire Cusset Biologie": without "de" the commune names the shop
        of_town = re.match(r"[ \t]+(?i:de|d['’])", text[m.end("kw") : m.end()])
        town_named = fkw in _TOWN_NAMED and of_town and not named and m.start() == m.start("kw")
        town = first.group(1) if first and town_named else ""
        if town and known_commune(ctx.lexicons, town) and not ctx.lexicons.is_common(town):
            continue
        if fkw == "association" and not _named_association(text, m):
            continue
        kw_end = m.end("qual") if m.group("qual") else m.end("kw")
        end = _trim_facility(text, m.end(), kw_end)
        if end <= kw_end:
            pos = m.end("kw")  # "EMSP du CH de Saint-Malo": a facility may start inside the cut name
            continue
        # "CLINIQUE OCEANE OU A L HOPITAL PRIVE ...": a second facility may start after the cut.
        pos = max(end, m.end("kw"))
        if kw.isupper() and _kind_only(ctx, text[kw_end:end]):
            continue  # "PÔLE SANTÉ MENTALE", "ÉQUIPE MOBILE DE CRISE": a kind of unit, no name (round 17)
        if text[end : end + 1] == "/" and (slash := _SLASH_NAME.match(text, end)):
            end = slash.end()  # "CHU de Pointe-à-Pitre/Abymes": a site over two communes
        label = "HOPITAL"
        if fkw in _STREET_LIKE and _HOME_KIND.match(text, m.end("kw")):
            pass  # "Résidence autonomie Les Glycines", "résidence services": a home, a facility
        elif fkw in _STREET_LIKE and re.search(
            r"(?i)(?:domicile|adresse|demeurant|domicili[ée]e?|habite)\s*(?:à|:)?\s*$",
            text[max(0, m.start() - 20) : m.start()],
        ):
            label = "ADRESSE"  # "Domicile : Résidence Les Embruns"
        elif fkw in _STREET_LIKE and (
            _FLAT_AFTER.match(text, end)
            or _STREET_AFTER_COMMA.match(text, end)
            or _ADDRESS_LINE.match(text, text.rfind("\n", 0, m.start()) + 1, m.start())
            or _STREET_LINE_AFTER.match(text, end)
        ):
            label = "ADRESSE"  # "résidence les Hortensias apt 12", "Domicile : Route X, Résidence Y"
        if fkw == "association" and (num := _DEPARTMENT_NUMBER.match(text, end)):
            end = num.end()
        # a practice named after a place wins over a job word's reading ("cabinet infirmier Saxe-Gambetta")
        # and so does a transport firm named after its area ("AMBULANCES DU TRÉGOR", "Taxis de l'Odet")
        source = "practice" if fkw.startswith(("cabinet", "ambulance", "taxi")) else "facility"
        if kw in _HOSPITAL_ACRONYMS and _OF_PLACE.match(text, kw_end):
            source = "named_body"  # "Établissement destinataire : CHRU de Tours": no field reads it as a name
        spans.append(Span(m.start(), end, label, 0.9, source))
    return spans


def _merge_known(text: str, spans: list[Span], folded: str) -> list[Span]:
    """Known names win over a regex reading that cuts them; a keyword before them joins them."""
    for m in prefixed_finditer(_KNOWN_FACILITIES, text, folded):
        if any(x.start <= m.start() and m.end() <= x.end for x in spans):
            continue
        start, end = m.start(), m.end()
        before = [x for x in spans if x.start < m.start() < x.end + 1 and x.start < start]
        rest = re.match(r"(?:[ \t][" + UP + r"][\w'’]*(?:-[" + UP + r"][\w'’]*)*)+", text[end:])
        if before:
            # "HAD Santé Service (Sud-Ouest)": the known body with its keyword (the keyword span
            # was cut at "Service"), and a branch name after it.
            start = min(x.start for x in before)
            end += rest.end() if rest else 0
        spans = [x for x in spans if not (x.start < end and start < x.end)]
        spans.append(Span(start, end, "HOPITAL", 0.85, "facility"))
    groups = any(k in text for k in ("AP-H", "APH", "HCL", "HU", "CASVP")) or "SSISTANCE" in text.upper()
    for m in _GROUPS.finditer(text) if groups else ():
        drug = re.search(r"([\w'’\-]{4,})[ \t]+\Z", text[max(0, m.start() - 30) : m.start()])
        if drug and is_protected_word(drug.group(1)):
            continue  # "Méthadone AP-HP sirop": the maker of a hospital-made drug, part of its name
        if " " in m.group(0):  # "Assistance Publique – Hôpitaux de Marseille": the whole name
            spans = [x for x in spans if not (x.start < m.end() and m.start() < x.end)]
        if not any(x.start <= m.start() < x.end for x in spans):
            spans.append(Span(m.start(), m.end(), "HOPITAL", 0.9, "facility"))
    return spans


# "SSIAD – SAAD de la Sarre": one service of two kinds, the first keyword before a dash or a slash,
# heading its line or after a colon ("Médecin SSR – CH de X" is a unit, then the hospital).
_KEYWORD_DASH_BEFORE = re.compile(
    r"(?:^|[:(][ \t]*|\b(?:le|la|au|du)[ \t]+)(?<![\w-])"
    r"(?P<kw>SSIAD|SAAD|SPASAD|HAD|ESA|ESAD|SSR|SMR|EHPAD|USLD|CMP|CATTP|DAC|CPTS|PTA|MAIA|CLIC|CCAS|CIAS)"
    r"[ \t]*[–—/-][ \t]*\Z",
    re.MULTILINE,
)
# "Hôpital Bichat - Claude-Bernard": a hospital named after two persons, the second a first name and
# a surname joined by a hyphen after a spaced dash.
_SECOND_PERSON_AFTER = re.compile(
    r"[ \t][-–][ \t](?P<first>[" + UP + r"][\w'’]+)-(?P<last>[" + UP + r"][\w'’]+)(?![\w-])"
)

_RUN = r"[" + UP + r"][\w'’\-]+"  # "CHU X – site Sud", "CMP X – Gratte-Ciel": a site or branch after a dash
_SITE_AFTER = re.compile(r"[ \t]?[–-][ \t](?P<kw>(?i:site|antenne))[ \t]+"
    r"(?P<name>" + _RUN + r"(?:[ \t]" + _RUN + r"){0,2})")
# a site's own name after a facility, whatever the dash (round 17): "GHU X — Site Sainte-Anne"
_SITE_NAME_AFTER = re.compile(
    r"[ \t]?[–—-][ \t](?i:site)[ \t]+(?P<name>" + _RUN + r"(?:[ \t]" + _RUN + r"){0,2})[ \t]*$", re.M
)


def _site_name(ctx: DetectionContext, name: str) -> bool:
    """A site named by its own name: not ordinary words, not a town (a saint's name may be both)."""
    lex = ctx.lexicons
    if all(lex.is_common(w) for w in name.split()) or name.isupper() or _FACILITY.match(name):
        return False
    town = known_commune(lex, name) or any(known_commune(lex, w) for w in name.split())
    saint = re.match(r"(?:Saint|Sainte)-", name) is not None and fold_key(name) not in lex.big_cities
    return not town or saint


_UNIT_WORDS = set(_words("mere enfant enfants femme adulte adultes pediatrie psychiatrie geriatrie sud nord est ouest"))
_BRANCH_AFTER = re.compile(r"[ \t][–-][ \t](?P<name>" + _RUN + r"(?:[ \t]" + _RUN + r")?)[ \t]*$", re.M)


def _joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """Facility spans grown over a keyword before a dash and a second eponym after one."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    for span in spans:
        start, end = span.start, span.end
        line_start = text.rfind("\n", 0, start) + 1
        kw = _KEYWORD_DASH_BEFORE.search(text, max(line_start, start - 16), start)
        if span.label == "HOPITAL" and kw and re.match(r"[A-Z]{2,6}\b", text[start : start + 7]):
            start = kw.start("kw")
        second = _SECOND_PERSON_AFTER.match(text, end) if span.label == "HOPITAL" else None
        if second and lex.is_first_name(second.group("first")) and fold_key(second.group(0)[3:]) not in lex.communes:
            end = second.end()
        elif (site := _SITE_AFTER.match(text, end)) and not _FACILITY.match(text, site.start("name")):
            worded = all(lex.is_common(w) for w in site.group("name").split())  # "– site Sud" joins
            end = site.end() if worded and not _KNOWN_FACILITIES.match(text, site.start("name")) else end
            of_town = re.match(r"(?:DE|DU|D['’])[ \t']", site.group("name")) is not None  # "SITE DE SAINT-NAZAIRE"
            if end != site.end() and not worded and not of_town and text[start:end].isupper():  # "CHU X – Site Estaing"
                out.append(Span(site.start("kw"), site.end(), "HOPITAL", span.score, span.source))
        elif (site := _SITE_NAME_AFTER.match(text, end)) and span.label == "HOPITAL" and _site_name(ctx, site["name"]):
            out.append(Span(site.start("name"), site.end(), "HOPITAL", span.score, span.source))  # "— Site Sainte-Anne"
        elif span.label == "HOPITAL" and not text[line_start:start].strip() and (
            branch := _BRANCH_AFTER.match(text, end)
        ):
            name = branch.group("name")
            parts = re.split(r"[ \t-]+", name)
            commune = known_commune(lex, name)  # "EHPAD X – Dinan": the town, its own span
            b = branch.start("name")
            second = _FACILITY.match(text, b) or _GROUPS.match(text, b) or _KNOWN_FACILITIES.match(text, b)
            word = second or all(lex.is_common(w) for w in name.split()) and "-" not in name  # a unit, a word
            if not commune and not word and not any(
                is_protected_word(w) or fold_key(w) in _FACILITY_STOP | _UNIT_WORDS for w in parts
            ):
                end = branch.end("name")
        changed = (start, end) != (span.start, span.end)
        out.append(Span(start, end, span.label, span.score, span.source) if changed else span)
    return out


# A city's arrondissement after a structure named by its city: "CMP Marseille 5e", "AMBULANCES PHOCÉENNES DU 9e".
_ARRONDISSEMENT_AFTER = re.compile(
    r"[ \t]+(?:(?i:du)[ \t]+)?(?:[1-9]|1\d|20)(?:er|e|ème|è|E|ÈME)(?:[ \t]+(?i:arrondissement))?(?![\w'’-])"
    r"(?=[ \t]*(?:$|[,;.:()\[\]\n—–|-]))"  # not "CH de Blois 2e étage"
)


def _with_arrondissement(ctx: DetectionContext, span: Span) -> Span:
    """The span grown over an arrondissement after a big city's name or a city's demonym."""
    after = _ARRONDISSEMENT_AFTER.match(ctx.text, span.end) if span.label == "HOPITAL" else None
    if after is None:
        return span
    last = re.search(r"[\w'’-]+\Z", ctx.text[span.start : span.end])
    word = last.group(0) if last else ""
    city = fold_key(word) in ctx.lexicons.big_cities or re.search(r"(?i)(?:ois|ais|éen|een)(?:e|ne)?s?$", word)
    return Span(span.start, after.end(), span.label, span.score, span.source) if city else span


@recognizer("facility", 78)
def find_facilities(ctx: DetectionContext) -> list[Span]:
    """Named care facilities: "CHU de Rennes", "EHPAD Les Tilleuls", "Clinique Saint-Joseph"."""
    spans = _joined(ctx, _merge_known(ctx.text, _keyword_spans(ctx), ctx.folded))
    spans += extra_spans(ctx, spans)
    spans = acronym_joined(ctx, pass_joined(ctx, spans + case_spans(ctx, spans)))
    for body in territorial_spans(ctx) + structure_spans(ctx):
        # "CSAPA ANPAA 63": a body that carries a facility's name further makes one span with it
        inner = [y for y in spans if y.start < body.end and body.start < y.end]
        # ("UMJ de l'Hôtel-Dieu": a known hospital closing the body's name is inside it)
        if all(y.start <= body.start and y.end < body.end or body.start < y.start and y.end <= body.end for y in inner):
            start = min([body.start] + [y.start for y in inner])
            spans = [y for y in spans if y not in inner] + [Span(start, body.end, "HOPITAL", 0.8, body.source)]
    for x in company_spans(ctx):
        inner = [y for y in spans if y.start < x.end and x.start < y.end]
        if all(y.start <= x.start and y.end < x.end and y.label == "HOPITAL" for y in inner):
            # "Association Dijon Domicile Services": a keyword's span cut inside the company's name
            start = min([x.start] + [y.start for y in inner])
            spans = [y for y in spans if y not in inner] + [Span(start, x.end, "HOPITAL", x.score, x.source)]
    for x in practice_spans(ctx):
        inner = [y for y in spans if y.start < x.end and x.start < y.end]
        if all(x.start <= y.start and y.end <= x.end for y in inner):
            # "Cabinet Kiné du Lac": a shorter keyword's span inside the practice's name
            spans = [y for y in spans if y not in inner] + [x]
    more = school_spans(ctx) + named_body_spans(ctx) + company_name_spans(ctx) + specialty_centre_spans(ctx)
    more += public_body_spans(ctx) + unit_town_spans(ctx) + letterhead_spans(ctx)  # round 14: "UHSI de X"
    more += organisation_spans(ctx)  # round 14: employers, work health, insurers, providers, letterheads
    more += quoted_spans(ctx)  # round 18: "EHPAD « Le Clos Fleuri »", "centre AURAD de Roubaix"
    for x in more:
        inner = [y for y in spans if y.start < x.end and x.start < y.end]
        # "ICO SITE RENE GAUDUCHEAU": a named body that holds a shorter facility span replaces it
        inside = all(x.start <= y.start and y.end <= x.end and (y.start, y.end) != (x.start, x.end) for y in inner)
        if (x.source == "named_body" or not inner) and inside:
            spans = [y for y in spans if y not in inner] + [x]
    spans = part_joined(ctx, site_joined(ctx, unit_joined(ctx, spans)))  # round 17: "Maternité du CH X"
    spans = site_in_group_joined(ctx, spans)  # round 18: "Hôpital des Enfants du CHU de Bordeaux"
    spans = number_joined(ctx, [_with_arrondissement(ctx, x) for x in spans])  # round 19: "Hôpital Pasteur 2"
    ctx.extra["facility_spans"] = spans  # read by the commune rule ("EHPAD Ker Maria, Allaire")
    return spans


PRIORITIES["practice"] = 85
