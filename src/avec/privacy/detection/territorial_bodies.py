"""Public and social bodies named by their territory: "UDAF du Nord", "MDPH de la Somme", "CPAM de
l'Artois", "Conseil départemental du Gers", "Caf du Nord", "CARSAT Pays de la Loire".

By the convention of docs/privacy-detection.md such a body is a ``HOPITAL``: its territory tells where
the person lives. The span is the body and its territory; a territory is a capitalised name after a
particle ("de la Seine-Saint-Denis", "DE L'ALLIER"), or, without a particle, a known département or
region ("CARSAT Bretagne"). A body followed by a département number ("ANPAA 63", "UDAF 59") is one
too. No offline package lists these bodies, hence the hand-written list of their kinds; courts are
left out (writers mark their commune only, "Tribunal judiciaire de Rennes").
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

# Bodies by acronym (written in capitals, some also "Caf", "Udaf") and in full words (any case).
_ACRONYMS = (
    r"CPAM|CGSS|CAF|Caf|MSA|CARSAT|Carsat|URSSAF|Urssaf|UDAF|Udaf|MDPH|MDA|MDPSH|MDS|MDSI|CIDFF|CCAS|CIAS|"
    r"CDAS|UTPAS|DDETS|DDCS|DDPP|DREETS|ARS|CRIP|ODPE|ADIL|ATMP|ATI|ANPAA|APAJH|ADAPEI|Adapei|UNAFAM|Unafam|"
    r"ADMR|DTPJJ|PJJ|SPIP|ASE|CLIC|MAIA|CMS|CSD|CTAS|UTAS|UTAMS|EDS|MSD|MDSL|"
    # housing and emergency-shelter services, remote health centres, forensic units: "SIAO du Bas-Rhin",
    # "CDPS de Saint-Georges", "UMJ de l'Hôtel-Dieu"
    r"SIAO|CDPS|UMJ|"
    # border police and the State's housing service by their commune (round 19): "PAF de Hendaye", "DRIHL Paris"
    r"PAF|DRIHL|"
    # asylum and shelter desks, memory and family-planning centres, sea rescue, TB control, palliative
    # units: "GUDA de Paris", "SPADA de Créteil", "OFII de Lyon", "CMRR de Nantes", "CPEF d'Eaubonne",
    # "SNSM de Binic", "CLAT 13", "USP de Quimper", "Samusocial de Paris"
    r"GUDA|SPADA|OFII|CMRR|CPEF|SNSM|CLAT|CASO|USP|HAD|Samusocial|SAMUSOCIAL|Samu[ \t]social|SAMU[ \t]SOCIAL|"
    # fire and rescue, education, housing, occupational health, regional screening and rehabilitation
    # bodies: "SDIS 35", "DSDEN de la Somme", "SOLIHA Haut-Rhin", "APST Centre", "CRCDC Occitanie"
    r"SDIS|DSDEN|SOLIHA|Soliha|OPH|SPST|APST|AMETRA|UEROS|CRCDC|CRDN|EMPSA|CCI(?=[ \t]+[" + UP + r"])|"
    # a hospital's free-care desk by its commune (round 18): "PASS de Grenoble" (8 of 11 such spans whole)
    r"PASS|"
    # child-protection and disability associations and crisis units by their département (round 19):
    # "ADSEA 60", "Sauvegarde 56", "Les PEP 86" (a bare "PEP 10" is a ventilator setting), "CUMP 76", "ATP 29"
    r"ADSEA|Sauvegarde|SAUVEGARDE|(?:(?:Association|ASSOCIATION)[ \t]+)?(?:Les|LES)[ \t]+PEP|(?<=les[ \t])PEP|CUMP|"
    r"ATP(?=[ \t]+\d)|"
    # cancer-care coordination centres by their territory (round 17): "3C Toulouse Ouest", "3C du Finistère"
    r"3C|"
    # a region as a body ("Région Bretagne", "RÉGION GRAND EST"): only before a region's name (checked below)
    r"R[ée]gion|R[ÉE]GION"
)
_FULL = (
    r"conseil[ \t]+d[ée]partemental|conseil[ \t]+g[ée]n[ée]ral|conseil[ \t]+r[ée]gional|d[ée]partement|"
    r"caisse[ \t]+primaire[ \t]+d['’][ \t]?assurance[ \t]+maladie|caisse[ \t]+d['’][ \t]?allocations[ \t]+familiales|"
    r"caisse[ \t]+g[ée]n[ée]rale[ \t]+de[ \t]+s[ée]curit[ée][ \t]+sociale|mutualit[ée][ \t]+sociale[ \t]+agricole|"
    r"maison[ \t]+d[ée]partementale[ \t]+(?:des[ \t]+personnes[ \t]+handicap[ée]es|de[ \t]+l['’][ \t]?autonomie)|"
    r"union[ \t]+d[ée]partementale[ \t]+des[ \t]+associations[ \t]+familiales|"
    r"maison[ \t]+de[ \t]+la[ \t]+m[ée]tropole(?:[ \t]+pour[ \t]+les[ \t]+solidarit[ée]s)?|"
    r"maison[ \t]+du[ \t]+d[ée]partement(?:[ \t]+(?:de[ \t]+la[ \t]+)?solidarit[ée]s?)?|"
    r"centre[ \t]+d[ée]partemental[ \t]+d['’][ \t]?action[ \t]+sociale|"
    r"(?:circonscription|unit[ée][ \t]+territoriale|territoire)[ \t]+d['’][ \t]?action[ \t]+sociale|"
    r"mission[ \t]+locale|association[ \t]+tut[ée]laire|agence[ \t]+r[ée]gionale[ \t]+de[ \t]+sant[ée]|"
    # "Maison des adolescents de Moselle", "Collectivité européenne d'Alsace", "Maison du Département
    # Solidarité de Lens-Liévin"
    r"maison[ \t]+des[ \t]+adolescents|collectivit[ée][ \t]+(?:europ[ée]enne|territoriale)|"
    # the State, the commune, schools' authorities, prisons, universities, employment and sickness
    # insurance by their territory: "Préfecture du Var", "Mairie de Dainville", "Académie de Lille",
    # "Maison d'arrêt de Nîmes", "Université de Rouen", "Cap emploi 35", "Assurance Maladie de la Sarthe"
    r"(?:sous-)?pr[ée]fecture|(?-i:Mairie|MAIRIE)|acad[ée]mie|rectorat(?:[ \t]+de[ \t]+l['’][ \t]?acad[ée]mie)?|"
    r"maison[ \t]+d['’]arr[êe]t|"
    r"centre[ \t]+p[ée]nitentiaire|"
    r"centre[ \t]+de[ \t]+d[ée]tention|maison[ \t]+centrale|universit[ée]|cap[ \t]+emploi|assurance[ \t]+maladie|"
    r"direction[ \t]+territoriale|p[ôo]le[ \t]+de[ \t]+proximit[ée]|lactarium|"
    # a metropolis as a body (round 18): "la Métropole de Lyon" (33 of 36 marked whole)
    r"(?-i:M[ée]tropole|M[ÉE]TROPOLE)|"
    r"cellule[ \t]+de[ \t]+recueil[ \t]+des[ \t]+informations[ \t]+pr[ée]occupantes|"
    # social security outside mainland France and the insurer's medical service by its area:
    # "Caisse de Sécurité Sociale de Mayotte", "Service médical de l'Artois"
    r"caisse[ \t]+de[ \t]+s[ée]curit[ée][ \t]+sociale|service[ \t]+m[ée]dical|"
    # child welfare in full (round 19): "Aide sociale à l'enfance de l'Essonne"
    r"aide[ \t]+sociale[ \t]+[àa][ \t]+l['’][ \t]?enfance"
)
_PARTICLE = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|en)"
_NAME = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
# A territory: one to four capitalised words joined by particles ("Pays de la Loire", "La Réunion").
_TERRITORY = _NAME + r"(?:[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|sur)[ \t]*)?" + _NAME + r"){0,3}"
# A quantity, not a département: "HAD 15 jours", "CLAT 12 mois".
_NOT_NUMBER_OF = r"[ \t]*(?i:j|jours?|mois|ans?|semaines?|sem|h|mg|ml|kg|%|ui|g)(?![\w'’-])"
_TAIL = (
    r"(?![\w'’-])(?:(?P<of>[ \t]+(?i:" + _PARTICLE + r")(?:(?<=['’])|[ \t]+)(?P<place>" + _TERRITORY + r"))"
    r"|(?P<bare>[ \t]+(?P<area>" + _TERRITORY + r"))"
    r"|[ \t]+(?P<num>(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB]))(?![\w'’-]|[,./:]\d|" + _NOT_NUMBER_OF + r"))"
)
# Two scans: the acronyms (case-sensitive, cheap) and the full names, only when the folded text
# holds one of their first words.
_BODY_ACRONYM = re.compile(r"(?<![\w-])(?P<kw>" + _ACRONYMS + r")" + _TAIL)
_BODY_FULL = re.compile(r"(?<![\w-])(?P<kw>(?i:" + _FULL + r"))" + _TAIL)
_FULL_GATE = (
    "conseil ", "departement", "caisse ", "maison departementale", "maison de la metropole", "union departementale",
    "mission locale", "association tutelaire", "maison du departement", "action sociale", "agence regionale",
    "mutualite sociale", "maison des adolescents", "collectivite ", "prefecture", "mairie", "academie",
    "rectorat", "maison d'arr", "maison d’arr", "penitentiaire", "detention", "maison centrale", "universite",
    "cap emploi", "assurance maladie", "direction territoriale", "pole de proximite", "lactarium", "preoccupantes",
    "securite sociale", "service medical", "metropole", "aide sociale a l",
)
# National charities named by their local branch: "Croix-Rouge française Cayenne", "Secours populaire
# de Lens", "Restos du Cœur de Tulle" (the branch's commune or territory is part of the name).
_CHARITY = re.compile(
    r"(?<![\w-])(?P<kw>Croix-Rouge(?:[ \t]+fran[çc]aise)?|"
    r"Secours[ \t]+(?:[Pp]opulaire|[Cc]atholique)(?:[ \t]+fran[çc]ais)?|"
    r"Restos?[ \t]+du[ \t]+C(?:œ|oe)ur|Emma[üu]s|Arm[ée]e[ \t]+du[ \t]+Salut|M[ée]decins[ \t]+du[ \t]+Monde|"
    r"France[ \t]+Terre[ \t]+d['’]Asile|Habitat[ \t]+et[ \t]+Humanisme|Petits[ \t]+Fr[èe]res[ \t]+des[ \t]+Pauvres|"
    r"(?:La[ \t]+)?Cimade)"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|[–-])?[ \t]*)(?:(?P<place>" + _TERRITORY + r")"
    # "Secours populaire 13": the branch by its département's number
    r"|(?P<num>(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB]))(?![\w'’-]|[,.]\d|[ \t]*(?:%|h\b|ans\b|kg\b|€)))"
)
_CHARITY_GATE = ("croix-rouge", "secours ", "restos", "resto du", "emmaus", "armee du salut", "medecins du monde",
                 "terre d'asile", "habitat et humanisme", "petits freres", "cimade")
# The same bodies and care services written all in lower case, as in dictated or hurried notes
# ("ccas de vierzon", "ssiad de figeac"): only with a lower-case word that is a known commune.
_LOWER_BODY = re.compile(
    r"(?<![\w-])(?P<kw>(?i:ccas|cias|cpam|caf|mdph|udaf|msa|ssiad|saad|spasad|ehpad|cmpp|camsp|sessad|esat|clic|chu|pmi|cmp|"
    r"chru|bapu|csapa|mmg|sdis|siao|croix-rouge|ch|chs|chi|chr|admr|samu[ \t]?social|samu|h[ôo]pital|"
    r"h[ôo]pitaux[ \t]+civils|cabinet[ \t]+m[ée]dical|cabinet[ \t]+infirmier|sos[ \t]+m[ée]decins|"
    r"m[ée]decins[ \t]+du[ \t]+monde))[ \t]+(?:(?:de[ \t]+|du[ \t]+|d['’][ \t]?)(?P<place>[a-zà-ÿA-ZÀ-Ý][a-zà-ÿ'’]*"
    r"(?:-[a-zà-ÿA-ZÀ-Ý][a-zà-ÿ'’]*)*)(?![\w'’-])"
    r"|(?P<num>(?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[ab]))(?![\w'’-]|[,.:/]\d|[ \t]*(?:%|h\b|ans\b))"
    r"|(?P<bare>[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ'’]+)*)(?![\w'’-]))"
)
# A city's arrondissement after its name: "Maison de la Métropole de Lyon 3e", "CCAS de Paris 15ème".
_ARRONDISSEMENT = re.compile(r"[ \t]+(?:[1-9]|1\d|20)(?:er|e|ème|è)(?![\w'’-])")
_STATE_KINDS = re.compile(r"(?:sous-)?prefecture|mairie|academie|rectorat|universite")
# compass areas and the regions of 2016, which the Faker list (older regions) lacks
_COMPASS = frozenset(
    words_of(
        """nord sud est ouest sud-est sud-ouest nord-est nord-ouest centre-est centre-ouest nouvelle-aquitaine
        occitanie hauts-de-france normandie auvergne-rhone-alpes bourgogne-franche-comte centre-val
        provence-alpes-cote-d'azur grand-est"""
    )
)
_ACRONYM_GATE = re.compile(r"(?<![\w-])(?:" + _ACRONYMS + r")[ \t]")
# The regions of 2016 and the overseas ones, in full: "Grand Est", "Provence-Alpes-Côte d'Azur".
_REGION = re.compile(
    r"(?i:pays[ \t]+de[ \t]+la[ \t]+loire|grand[ \t-]est|provence-alpes-c[ôo]te[ \t-]d['’]azur|hauts-de-france|"
    r"nouvelle-aquitaine|auvergne-rh[ôo]ne-alpes|bourgogne-franche-comt[ée]|centre-val[ \t-]de[ \t-]loire|occitanie|"
    r"normandie|[îi]le-de-france|bretagne|corse|guadeloupe|martinique|guyane|la[ \t]+r[ée]union|mayotte)(?![\w'’-])"
)
# A delegation after a regional body: "– délégation départementale de la Dordogne".
_DELEGATION = re.compile(
    r"[ \t]*[–—-][ \t]*(?i:d[ée]l[ée]gation)(?:[ \t]+(?i:d[ée]partementale|territoriale))?[ \t]+"
    r"(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
)
# A commune and a compass part: "Orléans Sud", "LIMOGES NORD", "Clermont Nord".
_TOWN_COMPASS = re.compile(
    r"(?P<town>[" + UP + r"][\w'’]*(?:-[\w'’]+)*)[ \t]+(?i:nord|sud|est|ouest|centre)(?![\w'’-])"
)


def _trim(ctx: DetectionContext, start: int, end: int) -> int:
    """Cut the territory before a word that ends a name ("Service", "Tél", a date word)."""
    text = ctx.text
    for w in re.finditer(r"[\w'’\-]+", text[start:end]):
        key = fold_key(w.group(0)).strip("'’")
        if w.start() > 0 and (key in FACILITY_STOP or is_protected_word(w.group(0))):
            end = start + w.start()
            break
    while end > start and text[end - 1] in " \t-'’":
        end -= 1
    tail = re.search(r"(?i)[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|sur)$", text[start:end])
    return start + tail.start() if tail else end


# Offices known by their commune alone after the acronym ("CPAM Bayonne", "CAF Lille").
_TOWN_OFFICE = re.compile(
    r"DRIHL|CPAM|CAF|Caf|CCAS|CIAS|MSA|UDAF|SPIP|OFII|SPADA|GUDA|CMRR|CPEF|SNSM|Samusocial|SAMUSOCIAL"
)


def _plain_commune(ctx: DetectionContext, word: str) -> bool:
    """A known commune that is no ordinary word, first name, surname or medical word."""
    lex = ctx.lexicons
    return (
        known_commune(lex, word) and not is_protected_word(word)
        and not any(lex.is_common(p.lower()) or lex.is_first_name(p) or lex.is_surname(p) for p in word.split("-"))
    )


def lex_place(ctx: DetectionContext, place: str) -> bool:
    """The first word of ``place`` is a known commune or territory ("Cayenne", "Guyane")."""
    first = place.split()[0]
    return (known_commune(ctx.lexicons, first) or is_area_name(first)) and not is_protected_word(first)


def body_at(text: str, pos: int) -> re.Match[str] | None:
    """The body named by its territory that opens at ``pos`` ("ATMP du Calvados"), if any."""
    return _BODY_ACRONYM.match(text, pos) or _BODY_FULL.match(text, pos)


def territorial_spans(ctx: DetectionContext) -> list[Span]:
    """Bodies named by their territory or by a département number, as ``HOPITAL`` spans."""
    text, folded = ctx.text, ctx.folded
    scans = [_BODY_ACRONYM] if prefixed_search(_ACRONYM_GATE, text, folded) else []
    scans += [_BODY_FULL] if any(k in folded for k in _FULL_GATE) else []
    out: list[Span] = []
    if any(k in folded for k in _CHARITY_GATE):
        for m in prefixed_finditer(_CHARITY, text, ctx.folded):
            if m.group("num"):
                out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
                continue
            place = m.group("place")
            first = place.split()[0]
            # "Croix-Rouge de Planoise": after "de", a district that is no ordinary word or first name
            district = m.group(0)[m.start("place") - m.start() - 3 :].startswith("de ") and not (
                ctx.lexicons.is_common(first.lower()) or ctx.lexicons.is_first_name(first) or is_protected_word(first)
            )
            if lex_place(ctx, place) or district:
                out.append(Span(m.start(), m.start("place") + len(first), "HOPITAL", 0.8, "facility"))
    for m in (m for scan in scans for m in prefixed_finditer(scan, text, folded)):
        kw = m.group("kw")
        if fold_key(kw).startswith("region") and not m.group("bare"):
            continue  # "Région de ...", "Région 2": only "Région" + a region's name is a body
        if m.group("num"):
            # "tuteur : UDAF 68": the body wins over a field label's reading of it as a name
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
            continue
        if m.group("bare"):
            # "CARSAT Bretagne": without a particle, only a known département or region
            area = m.group("area")
            first = area.split()[0]
            # "CARSAT Bourgogne-Franche-Comté": a merged region, its first part a known one
            lex = ctx.lexicons
            # "CPAM Roubaix-Tourcoing": a hyphenated commune (or two joined) is no one's name either
            town = "-" in first and kw.isupper() and known_commune(lex, first) and not is_protected_word(first)
            # "CPAM Bayonne", "Samusocial Lyon": a local office by its commune, a word of no one's name
            town = town or _TOWN_OFFICE.fullmatch(kw) is not None and _plain_commune(ctx, first)
            if town and not any(lex.is_first_name(p) for p in first.split("-")):
                out.append(Span(m.start(), m.start("area") + len(first), "HOPITAL", 0.8, "facility"))
                continue
            compass = fold_key(first) in _COMPASS  # "CARSAT Sud-Est", "SOLIHA Grand Ouest"
            region = _REGION.match(area)  # "ARS Grand Est", "CARSAT Pays de la Loire": a region of 2016
            if region:
                end = m.start("area") + region.end()
                dele = _DELEGATION.match(text, end)  # "ARS X – délégation départementale de la Dordogne"
                end = _trim(ctx, m.start("area"), dele.end()) if dele else end
                out.append(Span(m.start(), end, "HOPITAL", 0.8, "facility"))
                continue
            # "Maison du Département Orléans Sud": a commune and its compass part
            town_part = _TOWN_COMPASS.match(area)
            if town_part and known_commune(lex, town_part.group("town")):
                # (a field label before it does not make it a person: "Prescripteur : Maison du Département X Sud")
                out.append(Span(m.start(), m.start("area") + town_part.end(), "HOPITAL", 0.8, "named_body"))
                continue
            if kw[0] in "Rr" and fold_key(kw).startswith("region"):
                continue  # "Région" only before a region's name
            if not (compass or is_area_name(area) or is_area_name(first) or is_area_name(first.split("-")[0])):
                continue
            whole = is_area_name(area) or compass and fold_key(first) == "centre-val"  # "Centre-Val de Loire"
            end = m.start("area") + (len(area) if whole else len(first))
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "facility"))
            continue
        place = m.group("place")
        first = re.match(r"[\w'’\-]+", place)
        if first is None or is_protected_word(first.group(0)) or fold_key(first.group(0)) in FACILITY_STOP:
            continue
        if kw.isupper() and not place[:1].isupper():
            continue
        if _STATE_KINDS.match(fold_key(kw)) and not lex_place(ctx, place):
            continue  # "grade 1 de l'Université du Texas": a classification, no French territory
        if fold_key(kw).startswith("service") and (
            ctx.lexicons.is_common(first.group(0).lower()) or not (lex_place(ctx, place) or kw[0].isupper())
        ):
            continue  # "Service médical de l'Artois", not "service médical de l'Hôpital X"
        if fold_key(kw).startswith("departement") and not (kw[0].isupper() and is_area_name(place.split()[0])):
            continue  # "département de la Creuse" heading a letter, not "le département de X" in a sentence
        end = _trim(ctx, m.start("place"), m.end("place"))
        bank = re.match(r"[ \t]+(?:droite|gauche)(?![\w'’-])", text[end : end + 12])
        if bank and fold_key(text[m.start("place") : end]).endswith(" rive"):
            end += bank.end()  # "CDAS de Brest Rive droite"
        arr = _ARRONDISSEMENT.match(text, end)
        end = arr.end() if arr and end == m.end("place") else end
        if end > m.start("place"):
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "facility"))
    if prefixed_search(_LOWER_GATE, text, folded):
        out.extend(_lower_bodies(ctx))
    return out


_LOWER_GATE = re.compile(r"(?<![\w-])(?:sdis|siao|croix-rouge|pmi|cmp|ccas|cias|cpam|caf|mdph|udaf|msa|ssiad|"
                         r"saad|spasad|ehpad|cmpp|camsp|sessad|esat|clic|chu|chru|bapu|csapa|mmg|samu|"
                         r"(?i:ch|chs|chi|chr|admr|h[ôo]pital|h[ôo]pitaux[ \t]+civils|cabinet[ \t]+m[ée]dical|"
                         r"cabinet[ \t]+infirmier)[ \t]+d[a-zà-ÿ'’ \t]|"
                         r"(?:croix-rouge|(?i:sos[ \t]+m[ée]decins|samu[ \t]?social|m[ée]decins[ \t]+du[ \t]+monde))"
                         r"[ \t]+[a-zà-ÿ]"
                         r")[ \t]*(?:d|\d|[a-zà-ÿ])")


# Bodies whose local branch follows without "de" in quick notes ("samu social lyon").
_BRANCH_KINDS = re.compile(r"croix-rouge|sos medecins|samu ?social|medecins du monde")


def _lower_bodies(ctx: DetectionContext) -> list[Span]:
    """Lower-case bodies followed by a known commune that is no ordinary word ("ccas de vierzon")."""
    out: list[Span] = []
    for m in prefixed_finditer(_LOWER_BODY, ctx.text, ctx.folded):
        if m.group("num") and fold_key(m.group("kw")).startswith(("ch", "hop", "cab")):
            continue  # "ch 12": a room number in a note
        if m.group("num"):  # "sdis 59", "siao 94": a département's body by its number
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
            continue
        place = m.group("place") or m.group("bare")
        lex = ctx.lexicons
        branch = _BRANCH_KINDS.fullmatch(fold_key(m.group("kw")))
        if m.group("bare") and not (branch and (fold_key(place) in lex.big_cities or _plain_commune(ctx, place))):
            continue  # "croix-rouge dijon", "sos médecins calais": a branch in a city; other bodies need "de"
        # a commune that is no ordinary word, or a big city whatever the word lists say ("quimper")
        town = known_commune(lex, place) and (not lex.is_common(place) or fold_key(place) in lex.big_cities)
        if town and not is_protected_word(place):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
    return out
