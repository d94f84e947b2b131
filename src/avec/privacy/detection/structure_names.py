"""Named structures of kinds the facility keywords do not list: "Centre municipal de santé Les Lilas",
"Plateforme de répit Les Aidants du Val", "Foyer de jeunes travailleurs Le Phare", "Mission locale
Lyon Sud", "Espace Solidarité Belfort Nord", "Unité médico-judiciaire du CHU de Tours".

The grammar is a structure-type keyword from the table below (health, medico-social, social,
associative and administrative kinds, with their abbreviations) and a proper name right after it:
capitalised words (with the connectors of a name, "Les Aidants du Val", "Aiutu in Casa"), a quoted
name, or a particle and a capitalised territory ("de Besançon", "du Pays basque"). By the
conventions of docs/privacy-detection.md the keyword and its name are one ``HOPITAL``. A kind
without a name ("la mission locale", "un centre parental") and a name made of service words
("Plateforme de répit Service ...") are left alone. No offline package lists French structure
types, hence the hand-written table; ``facilities.py`` merges these spans with its own.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_S = r"[ \t]+"
# A capital inside the case-blind kinds below: the flag is switched off for that one character.
_CAP = r"(?-i:[" + UP + r"])"
_OF = r"(?:de|d['’]|du|des|de[ \t]+la|de[ \t]+l['’])"
# Structure kinds in full words (any case). Each entry is one family; the gate below holds the
# folded first word of each so that texts without any of them cost one scan of a short tuple.
_KINDS_FULL = (
    # health centres and practices
    r"centre(?:s)?" + _S + r"(?:municipal|communal|intercommunal|mutualiste|d[ée]partemental|associatif|"
    r"infirmier|dentaire|m[ée]dical)(?:aux)?" + _S + r"de" + _S + r"sant[ée]",
    r"centre" + _S + r"de" + _S + r"sant[ée]" + _S + r"(?:municipal|communal|mutualiste|infirmier|dentaire|sexuelle)",
    r"centre" + _S + r"(?:r[ée]f[ée]rent|expert|de" + _S + r"r[ée]f[ée]rence)(?=" + _S + _CAP + r")",
    r"centre" + _S + r"de" + _S + r"(?:vaccination|d[ée]pistage|soins" + _S + r"non" + _S + r"programm[ée]s)",
    r"cabinet" + _S + r"(?:param[ée]dical|pluridisciplinaire|de" + _S + r"groupe)",
    r"laboratoire" + _S + r"de" + _S + r"biologie" + _S + r"m[ée]dicale" + r"(?=" + _S + _CAP + r")",
    r"unit[ée]" + _S + r"(?:m[ée]dico-(?:judiciaire|l[ée]gale)|d['’]accueil" + _S + r"p[ée]diatrique"
    + _S + r"(?:des" + _S + r")?enfants" + _S + r"en" + _S + r"danger)",
    r"groupement" + _S + r"hospitalier(?:" + _S + r"de" + _S + r"territoire)?",
    r"plateforme" + _S + r"(?:de" + _S + r"r[ée]pit|territoriale" + _S + r"d['’]appui|d['’]accompagnement"
    r"(?:" + _S + r"et" + _S + r"de" + _S + r"r[ée]pit)?|de" + _S + r"coordination(?:" + _S
    + r"et" + _S + r"d['’]orientation)?)",
    # medico-social and child protection
    r"foyer" + _S + r"(?:de" + _S + r"jeunes" + _S + r"travailleu(?:r|se)s|d['’]accueil" + _S + r"d['’]urgence|"
    r"de" + _S + r"l['’][ \t]?enfance|[ée]ducatif|d['’]action" + _S + r"[ée]ducative)",
    r"centre" + _S + r"(?:[ée]ducatif" + _S + r"(?:ferm[ée]|renforc[ée])|de" + _S + r"soins" + _S + r"infirmiers|"
    r"de" + _S + r"sant[ée]" + _S + r"mentale|d['’]addictologie|de" + _S + r"post-cure|de" + _S + r"crise|"
    r"d['’]h[ée]bergement" + _S + r"d['’]urgence)",
    r"unit[ée]" + _S + r"[ée]ducative" + _S + r"(?:de" + _S + r"milieu" + _S + r"ouvert|d['’]h[ée]bergement"
    + _S + r"(?:diversifi[ée]|collectif))",
    r"boutique" + _S + r"solidarit[ée]|accueil" + _S + r"de" + _S + r"nuit|samu" + _S + r"social",
    r"(?:france" + _S + r"travail|p[ôo]le" + _S + r"emploi|cap" + _S + r"emploi)(?=" + _S + _CAP + r")",
    r"centre" + _S + r"(?:parental|[ée]ducatif|d['’]h[ée]bergement(?:" + _S + r"et" + _S + r"de" + _S
    + r"r[ée]insertion" + _S + r"sociale)?|de" + _S + r"l['’][ \t]?enfance|de" + _S + r"jour)",
    r"lieu" + _S + r"de" + _S + r"vie(?:" + _S + r"et" + _S + r"d['’]accueil)?",
    r"village" + _S + r"d['’]enfants",
    r"service" + _S + r"d['’]aide" + _S + r"(?:et" + _S + r"d['’]accompagnement" + _S + r")?(?:[àa]" + _S
    + r"domicile)(?=" + _S + _CAP + r")",
    r"accueil" + _S + r"de" + _S + r"jour" + _S + r"(?:th[ée]rapeutique|autonome|alzheimer)",
    # social services of a territory
    r"mission" + _S + r"locale",
    r"espace" + _S + r"(?:d[ée]partemental" + _S + r")?(?:solidarit[ée]s?|insertion|des" + _S + r"solidarit[ée]s)",
    r"circonscription" + _S + r"(?:de" + _S + r"service" + _S + r"social|d['’]action" + _S + r"sociale)",
    r"service" + _S + r"(?:territorial|local|d[ée]partemental)" + _S
    + r"(?:des|de" + _S + r"la|d['’])" + _S + r"?(?:solidarit[ée]s?|action" + _S + r"sociale|insertion)",
    r"service" + _S + r"social" + _S + r"d[ée]partemental(?=" + _S + r"(?:de|d['’]|du|des)" + _S + r"?[" + UP + r"])",
    r"p[ôo]le" + _S + r"(?:territorial|d[ée]partemental)" + _S + r"(?:de|des)" + _S + r"solidarit[ée]s?",
    r"(?:espace|maison)" + _S + r"france" + _S + r"services?",
    r"point" + _S + r"(?:d['’]acc[èe]s" + _S + r"au" + _S + r"droit|accueil" + _S + r"[ée]coute" + _S + r"jeunes)",
    r"maison" + _S + r"des" + _S + r"(?:adolescents|familles|aidants)",
    r"collectivit[ée]" + _S + r"(?:de|d['’])(?=[ \t]*[" + UP + r"])",
    # associations known by a national network and its branch
    r"sauvegarde(?:" + _S + r"de" + _S + r"l['’][ \t]?enfance(?:" + _S + r"et" + _S + r"de" + _S
    + r"l['’][ \t]?adolescence)?)?(?=" + _S + r"(?:du|de|d['’]|des)?[ \t]*[" + UP + r"])",
    r"restos?" + _S + r"du" + _S + r"c(?:œ|oe)ur",
    r"ufc[ \t-]+que" + _S + r"choisir",
    r"france" + _S + r"(?:assos" + _S + r"sant[ée]|alzheimer|parkinson|b[ée]n[ée]volat|victimes|services)",
    r"apf" + _S + r"france" + _S + r"handicap",
    r"familles" + _S + r"rurales",
    r"agence(?=" + _S + _CAP + r"[\w'’]+" + _S + _CAP + r")",
)
# Abbreviated kinds, written in capitals (fax headers, tables): "LBM X", "FJT X", "CTRE X", "EDS X".
_KINDS_ACRONYM = (
    r"LBM|LABM|FJT|CTRE|EDS|ADAR|ADAPEI|PTA|UMJ|UAPED|CMS|MECS|SAAD|SPASAD|"
    r"CHRS|CPH|AEMO|LVA|PAEJ|MDA|MDPH|MSA|CPN|ELSA|EMPP|GHT|LABO|UEMO|STEMO|CEF|EPIDE"
)
_KIND_FULL = re.compile(r"(?<![\w-])(?P<kw>(?i:" + "|".join(_KINDS_FULL) + r"))(?![\w'’-])")
_KIND_ACRONYM = re.compile(r"(?<![\w-])(?P<kw>" + _KINDS_ACRONYM + r")(?![\w'’-])")
# The first word of every full kind, found on the folded text (same offsets) before the full pattern
# is tried at that place only: one scan of a plain alternation instead of the case-blind pattern.
# The acronyms are _KINDS_ACRONYM's, folded, so that a kind added there is found here too.
_ANY_FIRST = re.compile(
    r"(?<![\w-])(?:centres?|cabinet|laboratoire|unite|groupement|plateforme|foyer|lieu|village|service|accueil|"
    r"mission|espace|circonscription|pole|maison|point|collectivite|sauvegarde|restos?|ufc|france|apf|familles|"
    r"agence|" + _KINDS_ACRONYM.lower() + r"|"
    r"boutique|samu|cap|chu|chru|ch|cmpp?|camsp|cattp|pmi|ehpad|ssiad|clinique|polyclinique|caf|cpam|ccas|"
    r"cias|mds|ime|itep|esat|sessad)(?!\w)"
)
# A département's number closes a name, but not a date's day ("MDPH du Rhône le 10 mars", "... du 05/07/2022").
_WORD = (
    r"(?:[" + UP + r"][\w'’]*(?:-[\w'’]+)*|\d{2,3}(?![\w'’/-]|[,.]\d|[ \t]+(?i:janv|f[ée]vr|mars|avr|mai\b|juin|"
    r"juil|ao[uû]t|sept|oct|nov|d[ée]c)))"
)
_CONNECT = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|et|en|sur|sous|lès|in|di|da|u|a|à)"
# The name: capitalised words joined by connectors, or a quoted name.
_NAME = re.compile(
    r"[ \t]*(?P<name>(?:(?i:" + _OF + r"|les|le|la|l['’])(?:(?<=['’])|[ \t]+)[ \t]*)?"
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
    r"(?:[ \t]+(?:(?i:" + _CONNECT + r")(?:(?<=['’])|[ \t]+)[ \t]*)?" + _WORD + r"){0,4}"
    r"|[«\"“][ \t]*[^«»\"“”\n]{2,40}?[ \t]*[»\"”])"
)
# Lower-case notes: the kind and "de" + a lower-case commune ("mission locale de vierzon").
_LOWER_PLACE = re.compile(r"[ \t]+(?:de|d['’]|du)[ \t]*(?P<place>[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ'’]+)*)(?![\w'’-])")
_HOSPITAL_ACRONYMS = {"CHU", "CH", "CHR", "CHRU", "CHI", "CHS", "GH", "GHU", "CHIC"}
# National networks whose name alone is a body ("inscription aux Restos du Cœur").
_SELF_NAMED = re.compile(r"(?i)resto|ufc|france|apf|familles")
# "Maison des adolescents du Pays basque": a region's lower-case adjective after "Pays".
_PAYS_ADJECTIVE = re.compile(r"[ \t]+[a-zà-ÿ]{4,}(?:-[a-zà-ÿ]+)?(?![\w'’-])")
_LINKS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "sur", "sous", "in", "di", "da", "u",
          "a", "aux"}


def _cut(ctx: DetectionContext, start: int, end: int) -> int:
    """End of the name before a word that closes it ("Service", "Dr", "Tél", a drug)."""
    text = ctx.text
    for w in re.finditer(r"[\w'’\-]+", text[start:end]):
        key = fold_key(w.group(0)).strip("'’")
        hospital = w.group(0) in _HOSPITAL_ACRONYMS  # "Unité médico-judiciaire du CHU de Tours"
        if key in FACILITY_STOP or (w.start() > 0 and is_protected_word(w.group(0)) and not hospital):
            end = start + w.start()
            break
    while end > start:
        tail = re.search(r"(?i)[ \t]+(?:" + _CONNECT + r")['’]?[ \t]*\Z|[ \t'’–—-]+\Z", text[start:end])
        if not tail:
            break
        end = start + tail.start()
    return end


def _is_name(ctx: DetectionContext, name: str, caps_line: bool) -> bool:
    """A proper name: not a service or medical word; in capitals, a word that is no ordinary word."""
    words = [w for w in re.findall(r"[\w'’\-]+", name) if fold_key(w).strip("'’") not in _LINKS]
    if not words or name[:1] in "«\"“":
        return bool(words)
    if (is_protected_word(words[0]) and words[0] not in _HOSPITAL_ACRONYMS) or words[0].isdigit():
        return False
    lex = ctx.lexicons
    if caps_line:
        # "MISSION LOCALE POUR L'EMPLOI": in capitals every word looks like a name; one must be a place
        # or a word no dictionary holds
        return any(known_commune(lex, w) or is_area_name(w) or not lex.is_common(w.lower()) for w in words)
    return True


# Hurried lower-case notes: a care or social body's keyword, then its place or its own name, all in
# lower case ("chu rangueil", "cmp enfants croix-rousse", "caf du rhône", "centre pmi jaurès").
_LOWER_KIND = re.compile(
    r"(?<![\w'’-])(?P<kw>chu|chru|ch|cmp|cmpp|camsp|cattp|centre[ \t]+pmi|pmi|ehpad|ssiad|clinique|polyclinique|"
    r"caf|cpam|ccas|cias|mds|ime|itep|esat|sessad|mecs|restos?[ \t]+du[ \t]+c(?:œ|oe)ur|mission[ \t]+locale)"
    r"(?:[ \t]+(?P<unit>enfants|adultes|ado|ados|adolescents))?"
    r"[ \t]+(?:(?P<of>du|de[ \t]+la|de[ \t]+l['’]|des|de|d['’])[ \t]*)?"
    r"(?P<word>[a-zà-ÿ][a-zà-ÿ'’]{3,}(?:-[a-zà-ÿ'’]+)*)(?![\w'’-])"
)
def _lower_spans(ctx: DetectionContext, matches: list[re.Match[str]]) -> list[Span]:
    """Lower-case bodies before a known commune or territory, or before a word no dictionary holds."""
    lex = ctx.lexicons
    out = []
    for m in matches:
        word = m.group("word")
        key = fold_key(word)
        place = (known_commune(lex, word) and not lex.is_common(word) or is_area_name(word.capitalize())) and not (
            is_protected_word(word)
        )
        ordinary = lex.is_common(word) or is_protected_word(word) or key in FACILITY_STOP
        # "chu rangueil", "cmp villejeanais": a name no dictionary holds; "de" + a place: its territory
        # "ch" alone is too short a keyword to carry a bare name ("le ch quimperlé a appelé")
        named = not m.group("of") and not ordinary and len(word) >= 5 and not lex.is_first_name(word)
        if (place or named) and (m.group("of") or m.group("kw") != "ch"):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    return out


def structure_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for a structure kind of the table and its proper name."""
    text, folded = ctx.text, ctx.folded
    full: list[re.Match[str] | None] = []
    lower: list[re.Match[str] | None] = []
    # one scan of the folded text for the first word of every kind, then each pattern tried there only
    for w in prefixed_finditer(_ANY_FIRST, folded, folded):
        pos = w.start()
        full.append(_KIND_FULL.match(text, pos))
        full.append(_KIND_ACRONYM.match(text, pos))
        lower.append(_LOWER_KIND.match(text, pos) if text[pos].islower() else None)
    out: list[Span] = _lower_spans(ctx, [m for m in lower if m is not None])
    for m in (m for m in full if m is not None):
        kw = m.group("kw")
        end = m.end()
        if (low := _LOWER_PLACE.match(text, end)) and kw.islower():
            if known_commune(ctx.lexicons, low.group("place")) and not ctx.lexicons.is_common(low.group("place")):
                out.append(Span(m.start(), low.end(), "HOPITAL", 0.8, "facility"))
            continue
        named = _NAME.match(text, end)
        if named is None:
            if _SELF_NAMED.match(kw) and " " in kw:
                out.append(Span(m.start(), end, "HOPITAL", 0.8, "facility"))
            continue
        name_end = _cut(ctx, named.start("name"), named.end("name"))
        if name_end <= named.start("name"):
            continue
        adjective = _PAYS_ADJECTIVE.match(text, name_end) if text[name_end - 4 : name_end] == "Pays" else None
        if adjective and ctx.lexicons.is_common(adjective.group(0).strip()):
            name_end = adjective.end()
        name = text[named.start("name") : name_end]
        head = name.split()[0]
        if kw.islower() and head.isupper() and len(head) >= 3:
            continue  # "service d'aide à domicile ADMR Errobi": a kind in words before a body's acronym
        if fold_key(kw) == "agence" and known_commune(ctx.lexicons, head):
            continue  # "agence Bordeaux Bastide": a branch named by its commune keeps the commune only
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : text.find("\n", end) if "\n" in text[end:] else len(text)]
        caps_line = kw.isupper() and sum(c.isupper() for c in line) > 0.6 * max(1, sum(c.isalpha() for c in line))
        if not _is_name(ctx, name, caps_line or ctx.all_caps):
            continue
        if kw.isupper() and len(kw) <= 5 and " " not in name and ctx.lexicons.is_common(name.lower()) and not (
            known_commune(ctx.lexicons, name) or is_area_name(name)
        ):
            continue  # "EDS Accueil", "CMS Social": an acronym and an ordinary word
        out.append(Span(m.start(), name_end, "HOPITAL", 0.8, "facility"))
    return out
