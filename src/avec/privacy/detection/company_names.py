"""Companies, shops, insurers, banks and clubs that employ, insure or serve a person.

Writers mark as ``HOPITAL`` every named organisation that could locate the person (conventions of
docs/privacy-detection.md). Five shapes are read here:

- a trade word inside a capitalised name: "Transports Le Meur et Fils", "Garage Martin Frères",
  "Bati-Ouest Rénovation", "Confort Habitat Picardie", "Ambulances Catalanes", "Judo Club Ruthénois";
- a legal form before or after the name: "SARL Bâtiment Garonne", "Logistique Val de Loire SAS",
  "BIOARMOR — SELAS au capital de...";
- a name after a word that introduces an organisation: "Employeur : Hypermarché X", "la société
  Distrimaine", "travaille chez Lorraine Intérim Services", "mutuelle Harmonie Mutuelle";
- a national bank, insurer, mutual or employer, alone or with its branch: "Crédit Agricole de la
  Corse", "La Banque Postale", "MGEN", "EDF Corse";
- a mutual or insurer named by its area: "Mutuelle Alsace Lorraine Jura", "MUTUELLE DE PROVENCE".

Refused: runs made only of ordinary or medical words ("Transports Sanitaires", "Orthopédie
Pédiatrique"), persons after a title ("chez M. Durand"). No offline package lists French companies,
hence the hand-written trade words and the short list of national bodies.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.practice_names import surname_named
from avec.privacy.detection.prefix_search import prefixed_finditer, prefixed_search
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_CAP = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|&|en|sur|lès|les|le|la|l['’])"
# A capitalised run: one to six capitalised words, joined by the connectors of a company's name.
_RUN = _CAP + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _CAP + r"){0,5}"
_RUN_RE = re.compile(r"(?<![\w'’-])" + _RUN)
# Trade words that make a capitalised run a company's name (folded).
_TRADES = frozenset(
    words_of("""transports taxi taxis ambulances garage boulangerie patisserie boucherie charcuterie
    funebres orthopedie ortho audition optique conserverie hypermarche supermarche abattoir abattoirs menuiserie
    plomberie maconnerie charpente electricite nettoyage proprete coiffure restauration restaurant imprimerie
    scierie laiterie fromagerie btp batiment batiments bati construction constructions logistique interim
    renovation habitat habitations immobilier assurances prevoyance mutuelle mutualiste banque
    confort loc location distribution industrie industries cooperative mediatheque club judo football rugby
    tennis basket handball sporting olympique kine radiologie imagerie demenagement demenagements
    paysages espaces vitrerie carrosserie pressing traiteur reseau perinat sante
    teleassistance assistance energie energies telecom telecoms pharma partners gestion immobiliere repas
    gardiennage menuiseries fioul fiouls primeurs coutellerie coutelleries autocars ressourcerie logis logement
    services automobiles jardins eaux laboratoires medical""")
)
# Club abbreviations before a town: "US Joué-lès-Tours", "AS Cannes", "FC Lorient".
_CLUB = re.compile(r"(?:US|AS|FC|ES|SC|RC|AJ|CA|UA|ASPTT|JA|OGC|SCO|UNSS)[ \t]+(?P<town>" + _CAP + r")")
_LEGAL = r"(?:SAS|SARL|EURL|SASU|SNC|SCOP|SELARL|SELAS|SELAFA|SCM|SCI|SEM|SPL|EARL|GAEC|SCEA)"
# "EARL des Coteaux du Tarn": a farm's or a firm's name may open with a particle
_LEGAL_BEFORE = re.compile(
    r"(?<![\w'’-])" + _LEGAL + r"[ \t]+(?P<name>(?:(?:des|du|de[ \t]+la|de[ \t]+l['’])(?:(?<=['’])|[ \t]+))?"
    + _RUN + r")"
)
_LEGAL_AFTER = re.compile(r"(?<![\w'’-])(?P<name>" + _RUN + r")[ \t]+" + _LEGAL + r"(?![\w'’-])(?![ \t]*:)")
_LETTERHEAD = re.compile(r"(?m)^[ \t]*(?P<name>" + _RUN + r")[ \t]*[–—-][ \t]*" + _LEGAL + r"\b")
# Words that introduce an organisation; the name after them is marked, the word is not.
_INTRO = re.compile(
    r"(?i:(?<![\w-])(?<!\w\w['’])(?:employeur|entreprise|soci[ée]t[ée]|magasin|chantier|prestataire|bailleur|assureur|"
    r"mutuelle|compl[ée]mentaire(?:[ \t]+sant[ée])?|banque|club|op[ée]rateur[ \t]+fun[ée]raire|transporteur|"
    r"enseigne|organisme|fournisseur|restaurant|brasserie|cr[ée]dit(?:[ \t]+(?:renouvelable|conso(?:mmation)?|auto))?|"
    r"pr[êe]t[ \t]+personnel|(?:(?:travaill|embauch|employ|salari)[ée]e?s?|travaill(?:e|ait|ent)|"
    r"ouvri[èe]re?|cariste|retrait[ée]e?|cdd|cdi|int[ée]rim(?:aire)?|stage|apprenti(?:e|ssage)?)[ \t]+"
    r"(?:chez|de[ \t]+la|de[ \t]+l['’]|du|des|à[ \t]+la|au|aux)))"
    r"(?:[ \t]*:[ \t]*|[ \t]*\([ \t]*|[ \t]+)(?P<name>" + _RUN + r")"
)
# National banks, insurers, mutuals and employers, written as they are.
_NATIONAL = re.compile(
    r"(?:Cr[ée]dit[ \t]+(?:Agricole|Mutuel|Coop[ée]ratif)|Caisse[ \t]+d['’][ \t]?[ÉE]pargne|"
    r"Banque[ \t]+Populaire|(?:La[ \t]+)?Banque[ \t]+Postale|BNP[ \t]+Paribas|Soci[ée]t[ée][ \t]+G[ée]n[ée]rale|"
    r"LCL|BRED|CIC|Boursorama|Cofidis|Sofinco|Cetelem|Franfinance|MGEN|LMDE|MAAF|MACIF|MAIF|MATMUT|GMF|MMA|AXA|"
    r"Allianz|Groupama|Generali|Swiss[ \t]+Life|Malakoff[ \t]+Humanis|AG2R(?:[ \t]+La[ \t]+Mondiale)?|"
    r"Harmonie[ \t]+Mutuelle|MNH|MNT|Apicil|Klesia|Agirc-Arrco|SHAM|Relyens|EDF|Engie|GRDF|Veolia|SNCF|RATP|"
    r"Transdev|Keolis|Air[ \t]+France|Airbus|Safran|Thales|Michelin|Stellantis|Onet|Elior|Sodexo|Eiffage|Vinci|"
    r"Bouygues|Auchan|Intermarch[ée]|Super[ \t]+U|Hyper[ \t]+U|Lidl|Decathlon|Leroy[ \t]+Merlin|Adecco|Manpower|"
    r"Randstad|Medtronic|Lat[ée]co[èe]re|DCNS|Naval[ \t]+Group|Enedis|Pôle[ \t]+Emploi|"
    # national networks named with their branch: labs, home-care suppliers, remote alarms, undertakers
    r"Cr[ée]dit[ \t]+du[ \t]+Nord(?:-[" + UP + r"][\w'’]+)?|"
    r"Synlab|Cerballiance|Biogroup|Eurofins|Inovie|Bastide|Vitalaire|Orkyn|"
    r"Pr[ée]sence[ \t]+Verte|Roc[ \t-]Eclerc|PFG|Korian|DomusVi)(?![\w'’-])"
)
# A bank's agency after its name and branch: ", agence de Cenon".
_AGENCY = re.compile(r"[ \t]*,?[ \t]+(?i:agence)[ \t]+(?:de|d['’]|du)[ \t]*" + _CAP)
_BRANCH = re.compile(
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])(?:(?<=['’])|[ \t]+)(?P<place>" + _CAP + r")"
    r"|(?P<run>(?:[ \t]+" + _CAP + r"){1,3}))"
)
_CARE_TRADES = frozenset(words_of("ambulances taxi taxis kine vsl"))
# Trade words too general to make a firm's name with another one ("Services Santé Publique").
_GENERIC = frozenset(
    words_of("""services sante reseau assistance gestion logement habitat habitations espaces distribution construction
    constructions industrie industries location loc confort perinat restauration proprete immobilier assurances
    prevoyance mutuelle mutualiste banque""")
)
_INSTITUTIONAL = frozenset(words_of("mutuelle mutualiste assurances prevoyance banque"))
# Social landlords ("Valophis Habitat", "Estuaire Habitat", "Aquitaine Logis"): a capitalised word beside the
# housing word names the landlord, unless it is a kind of housing or of housing policy.
_HOUSING = frozenset(words_of("habitat habitations logis logement"))
_HOUSING_KINDS = frozenset(
    words_of("""inclusif inclusive indigne social sociale sociaux solidaire jeune jeunes senior seniors partage partagee
    adapte adaptee insalubre amelioration plan programme diagnostic pole service direction aide aides droit droits
    qualite conseil espace maison info information agence accompagnement parc prive public publique type mon ma
    action demande recherche actuel actuelle nouveau nouvelle ancien ancienne
    votre notre le la les un une des ce cette""")
)
# "Transports Besson et Fils", "Ets Marie & Fils": a family business, whatever the family name.
_FAMILY = re.compile(r"[ \t]+(?:&|et|ET)[ \t]+(?:Fils|FILS|Fr[èe]res|FR[ÈE]RES|Cie|CIE)(?![\w'’-])")
# "Ets Rouquier", "Établissements Dumont": a business named after its owner.
_ETS = re.compile(r"(?:Ets|ETS|[ÉE]tablissements|[ÉE]TABLISSEMENTS)\.?[ \t]+(?P<name>" + _RUN + r")")
# Events and campaigns: a trade-looking run that heads or names one is no organisation
# ("Nord Santé : journée de dépistage", "forum Habitat Jeunes").
_EVENT_WORDS = (
    r"journ[ée]es?|campagnes?|semaines?|forums?|salons?|colloques?|congr[èe]s|festivals?|rencontres?|mois|"
    r"challenges?|courses?|marches?|op[ée]rations?|programmes?|conf[ée]rences?|soir[ée]es?|matin[ée]es?|"
    r"ateliers?|sessions?|formations?|webinaires?|quinzaines?|villages?|stands?|expositions?|concours|"
    r"[ée]ditions?|d[ée]pistages?|actions?|animations?|permanences?"
)
# (not the first pair of a phone number: "Pompes Funèbres Muretaines 05 61 51 08 33")
_DEPARTMENT_AFTER = re.compile(
    r"[ \t](?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w'’-]|[,.:/]\d|[ \t.-]\d|[ \t]*(?:%|h\b|ans\b|€))"
)
_EVENT_AFTER = re.compile(
    r"(?i)[ \t]*(?:[:–—-]|\d{4})[ \t]*(?:la|le|les|une|un|l['’])?[ \t]*(?:" + _EVENT_WORDS + r")\b"
)
_EVENT_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:" + _EVENT_WORDS + r")[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])?[ \t]*\Z"
)
_DEMONYM = re.compile(r"(?i)\w{3,}(?:aise|ais|oise|ois|aine|ain|ienne|ien|éen|éenne|ine|ane|ol|ole|elle|onne|arde)s?$")
_TITLES = frozenset(words_of("dr docteur pr professeur m mme mr mlle madame monsieur me maitre"))
_TRADE_WORD = re.compile(r"(?:" + "|".join(sorted(_TRADES, key=len, reverse=True)) + r")(?![\w'’-])")
# First words of _INTRO and legal forms, found on the folded text before the full patterns are tried.
_INTRO_FIRST = re.compile(
    r"(?:employeur|entreprise|societe|magasin|chantier|prestataire|bailleur|assureur|mutuelle|"
    r"complementaire|banque|club|operateur|transporteur|enseigne|organisme|fournisseur|restaurant|brasserie|"
    r"credit|pret personnel|"
    r"travaill|embauch|employ|salari|ouvri|"
    r"cariste|retraite|cdd|cdi|interim|stage|apprenti)"
)
_LEGAL_GATE = re.compile(_LEGAL + r"(?![\w'’-])")
_GATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_TRADES, key=len, reverse=True)) + r"|employeur|entreprise|societe|"
    r"chez|sas|sarl|eurl|selas|selarl|earl|gaec|scea|credit|caisse|banque|mgen|lmde|edf|us|as|fc|ets|"
    r"etablissements|intermarche|auchan|lidl|synlab|cerballiance|biogroup|eurofins|inovie|bastide|vitalaire|orkyn|"
    r"presence verte|roc.eclerc|pfg|korian|domusvi|pompes|hotel|chalet-hotel|restaurant|brasserie|pf)(?![\w-])"
)


def _starts_word(text: str, pos: int) -> bool:
    """No letter, digit, apostrophe or hyphen before ``pos`` (the patterns above carry no lookbehind,
    so that the regex engine can skip ahead on their first characters)."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_'’-")


def _intro_start(text: str, pos: int) -> bool:
    """A word start, also after an elided article ("l'entreprise", "d'employeur")."""
    elided = pos >= 2 and text[pos - 1] in "'’" and text[pos - 2] in "lLdD" and _starts_word(text, pos - 2)
    return elided or _starts_word(text, pos)


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’\-]+", name) if fold_key(w).strip("'’") not in _LINK_WORDS]


def _key(word: str) -> str:
    """The folded word without an elided article ("d'Énergie" -> "energie")."""
    return fold_key(re.sub(r"^(?i:[dl])['’](?=\w)", "", word))


_LINK_WORDS = frozenset(words_of("de la l d du des et en sur les le lès"))


def _cut(text: str, start: int, end: int) -> int:
    """End of a name before a word that closes it ("Service", "Tél", "Dr") and its trailing links; a
    capitalised "Service(s)" closing the run belongs to the name ("Cantal Repas Service")."""
    gap = re.search(r"[ \t]{3,}|\t", text[start:end])  # a table's next column ("Alpenia Pharma France      CRO")
    end = start + gap.start() if gap else end
    for w in re.finditer(r"[\w'’\-]+", text[start:end]):
        key = fold_key(w.group(0)).strip("'’")
        last = not text[start + w.end() : end].strip()
        closing = key == "service" and w.group(0)[0].isupper() and w.start() > 0 and last
        if (key in FACILITY_STOP or key in _TITLES) and not closing:
            end = start + w.start()
            break
    tail = re.search(r"(?i)(?:[ \t]+(?:" + _LINK + r")['’]?)*[ \t'’&-]*\Z", text[start:end])
    return start + tail.start() if tail else end


def _proper(ctx: DetectionContext, word: str) -> bool:
    """A word that names: no ordinary or medical word, or a place, or a demonym ("Catalanes")."""
    lex = ctx.lexicons
    if is_protected_word(word) or not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    if _place(ctx, word):
        return True
    if word.isupper():
        return _demonym(ctx, word)  # in capitals the word lists miss unaccented words ("MEDICALE"): places only
    if fold_key(word) in _TRADES:
        return False
    return not lex.is_common(word.lower()) or bool(_DEMONYM.match(word) and len(word) >= 6)


# Words naming a kind of organisation, which open its name ("Cabinet Orsoni Immobilier").
_KIND_LEADS = frozenset(words_of("cabinet agence groupe societe entreprise etablissements maison atelier compagnie"))


def _ordinary_lead(ctx: DetectionContext, word: str) -> bool:
    """A capitalised ordinary word (a verb or a noun of the sentence), no trade, place or demonym."""
    key = fold_key(word)
    return (
        ctx.lexicons.is_common(word.lower())
        and key not in _TRADES
        and key not in _KIND_LEADS
        and not _place(ctx, word)
        and not _demonym(ctx, word)
        and not word.isupper()
    )


def _demonym(ctx: DetectionContext, word: str) -> bool:
    """An adjective of a place ("Clissonnaises", "ANZINOIS", "Phocéennes"): it names a firm's area, no person."""
    return len(word) >= 7 and bool(_DEMONYM_END.search(word)) and not ctx.lexicons.is_first_name(word)


# Adjectives of places (longer endings than ``_DEMONYM``, which also reads the ordinary words of a name).
_DEMONYM_END = re.compile(r"(?i)(?:aise|ais|oise|ois|éenne|éen|ienne|onnaise|ine)s?$")


def _place(ctx: DetectionContext, word: str) -> bool:
    """A commune, a département, a region or a compass area ("Sud-Est") naming a branch."""
    if is_area_name(word) or fold_key(word) in _AREAS:
        return True
    if known_commune(ctx.lexicons, word) and not ctx.lexicons.is_common(word.lower()):
        return True  # a commune that is no ordinary word ("Plan", "Bourg" are both)
    # "Haute-Alsace", "Loire-Forez": a compound of which one part is an area
    return "-" in word and any(is_area_name(p) or fold_key(p) in _AREAS for p in word.split("-") if len(p) >= 4)


def _lead(text: str, start: int, end: int) -> int:
    """Start of a run after its leading link words ("DE CHIRURGIE ORALE" starts at "CHIRURGIE")."""
    lead = re.match(r"(?i)(?:(?:" + _LINK + r")(?:(?<=['’])|[ \t]+))+", text[start:end])
    return start + lead.end() if lead else start


_AREAS = frozenset(
    words_of("""nord sud est ouest sud-est sud-ouest nord-est nord-ouest atlantique littoral armor corse
    guadeloupe martinique guyane reunion mayotte alsace lorraine provence savoie mediterranee""")
)


def _trade_spans(ctx: DetectionContext) -> list[Span]:
    """Capitalised runs holding a trade word and a word that names."""
    text = ctx.text
    out = []
    runs: dict[int, re.Match[str]] = {}
    line_runs: dict[int, list[re.Match[str]]] = {}  # the runs of each line, read once
    for hit in prefixed_finditer(_TRADE_WORD, ctx.folded, ctx.folded):
        if not text[hit.start()].isupper() or not _intro_start(text, hit.start()):  # "Catalane d'Énergie"
            continue
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        line_end = len(text) if line_end < 0 else line_end
        if line_start not in line_runs:
            line_runs[line_start] = list(_RUN_RE.finditer(text, line_start, line_end))
        for run in line_runs[line_start]:
            if run.start() <= hit.start() < run.end():
                runs[run.start()] = run
                break
    for m in runs.values():
        start = _lead(text, m.start(), m.end())
        end = _cut(text, start, m.end())
        words = _words(text[start:end])
        # "Appel Alsace Médical Services": an ordinary word opening the run is no part of the name
        line_head = re.search(r"(?:^|[.:!?;•*–-])[ \t]*\Z", text[text.rfind("\n", 0, start) + 1 : start])
        while line_head and len(words) > 2 and _ordinary_lead(ctx, words[0]) and _key(words[1]) not in _TRADES:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if len(words) < 2:
            continue
        keys = [_key(w) for w in words]
        if not any(k in _TRADES for k in keys):
            continue
        if keys[0] in _TITLES or is_protected_word(words[0]) and keys[0] not in _TRADES:
            continue
        if _EVENT_AFTER.match(text, end) or _EVENT_BEFORE.search(text, max(0, start - 40), start):
            continue  # "Nord Santé : journée de dépistage", "forum Habitat Jeunes": an event, no organisation
        rest = [w for w, k in zip(words, keys, strict=True) if k not in _TRADES]
        family = _FAMILY.search(text, start, end)  # "Transports Besson et Fils"
        number = _DEPARTMENT_AFTER.match(text, end)  # "Gardiennage Services 93"
        # "Logement RDC", "LOGEMENT ACCOMP.": a landlord puts "Logement"/"Logis" after its place, never first
        housing = any(k in _HOUSING for k in keys) and bool(rest) and keys[0] not in ("logement", "logis")
        housing = housing and not any(
            fold_key(w) in _HOUSING_KINDS and w is rest[0] or w[0].islower() or is_protected_word(w)
            or not re.sub(r"['’-]", "", w).isalpha()
            or w.isupper() and ctx.lexicons.is_common(w.lower())  # "LOGEMENT ACTUEL": a heading
            for w in rest
        )
        trades = sum(k in _TRADES for k in keys)  # "Taxi Borny Services": two trade words make a firm's name
        # "Judo Club Briochin", "Garage Moreau Automobiles": two trade words, one of them specific, around a name
        paired = trades >= 2 and any(k in _TRADES and k not in _GENERIC for k in keys) and all(
            w[0].isupper() and not is_protected_word(w) for w in rest
        )
        if not (family or number or housing or paired and rest) and not any(_proper(ctx, w) for w in rest):
            continue
        if keys[0] in _CARE_TRADES and surname_named(ctx, rest) and not family and trades < 2 and not any(
            _demonym(ctx, w) or _place(ctx, w) for w in rest
        ):
            continue  # "Ambulances Delmas", "Taxi Roux": a person's name, marked by the person rules
        person = len(rest) == 2 and (ctx.lexicons.is_first_name(rest[0]) or rest[1].isupper() and not rest[0].isupper())
        if person and not family:
            continue  # "Kiné Jean DUVAL": a person after a trade (the person rules mark the name)
        end = number.end() if number else end
        agency = _AGENCY.match(text, end) if "banque" in keys else None
        end = agency.end() if agency else end  # "Banque Mutuelle du Sud-Ouest, agence de Cenon"
        if all(k in _INSTITUTIONAL for k in keys if k in _TRADES) and not any(_place(ctx, w) for w in words):
            continue  # "Mutuelle Entrenous": a mutual or a bank is marked with the area it serves
        if ctx.all_caps and not any(
            not ctx.lexicons.is_common(w.lower()) or _place(ctx, w) or _demonym(ctx, w) for w in words
        ):
            continue
        # "Pompes Funèbres": the first word of the trade belongs to the name
        out.append(Span(start, end, "HOPITAL", 0.8, "named_body"))
    return out


def _person_like(ctx: DetectionContext, name: str) -> bool:
    """A first name and a surname ("Jean Durand"), or a title: a person, not an organisation."""
    words = name.split()
    lex = ctx.lexicons
    if fold_key(words[0]).strip(".") in _TITLES:
        return True
    return len(words) <= 2 and lex.is_first_name(words[0]) and not any(fold_key(w) in _TRADES for w in words)


def _intro_spans(ctx: DetectionContext) -> list[Span]:
    """Names after a word that introduces an organisation, legal forms, letterheads."""
    text, lex = ctx.text, ctx.lexicons
    out = []
    intros = (_INTRO.match(text, w.start()) for w in _INTRO_FIRST.finditer(ctx.folded) if _intro_start(text, w.start()))
    for m in (m for m in intros if m is not None):
        start = m.start("name")
        lead = _lead(text, start, m.end("name"))
        article = re.fullmatch(r"(?:Le|La|Les|L['’])[ \t]*", text[start:lead])  # "restaurant Le Petit Saïgon"
        if lead > start and not article or _NATIONAL.fullmatch(m.group("name")):
            continue  # "CABINET DE CHIRURGIE", "mutuelle (MGEN)": a kind, or a national body without its branch
        end = _cut(text, start, m.end("name"))
        name = text[start:end]
        before = re.search(r"(?:La|Le|Les|LA|LE|LES)[ \t]+\Z", text[max(0, start - 5) : start])
        if before and name and known_commune(lex, before.group(0).split()[0] + " " + name.split()[0]):
            continue  # "je travaille à La Ciotat": a commune, no employer
        if not name or _person_like(ctx, name) or lex.is_country(name):
            continue
        words = _words(name)
        one = len(words) == 1
        if one and (lex.is_common(name.lower()) or is_protected_word(name) or lex.is_first_name(name)) or (
            one and fold_key(name) in _TRADES
        ):
            continue  # "employeur BTP", "chez Marie": a trade or a person, no organisation's name
        if one and name.isupper():
            continue  # "bailleur (OPH)", "retraité de la SNCF": an acronym alone tells no place
        # "restaurant Le Grand Cormoran": a shop's name opening with its article
        shop = article and fold_key(m.group(0)[:4]) in ("rest", "bras") and len(words) >= 1
        if not any(_proper(ctx, w) or w.isupper() and len(w) >= 3 and w.isalpha() for w in words) and not (
            _FAMILY.search(text, start, end) or shop
        ):
            continue
        if fold_key(m.group(0)[:4]) in ("mutu", "comp", "banq", "assu") and not any(_place(ctx, w) for w in words):
            continue  # "Mutuelle : Entrenous": a mutual, a bank or an insurer is marked with its area
        out.append(Span(start, end, "HOPITAL", 0.8, "named_body"))
    legal = any(_starts_word(text, g.start()) for g in _LEGAL_GATE.finditer(text))
    for m in prefixed_finditer(_LEGAL_BEFORE, text, ctx.folded) if legal else ():
        end = _cut(text, m.start("name"), m.end("name"))
        words = _words(text[m.start("name") : end])
        trade = any(fold_key(p) in _TRADES for w in words for p in w.split("-"))  # "SARL X Plomberie-Chauffage"
        if end > m.start("name") and (trade or not surname_named(ctx, words)):
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    for rx in (_LEGAL_AFTER, _LETTERHEAD) if legal else ():
        for m in rx.finditer(text):
            name = m.group("name")
            if not _person_like(ctx, name) and any(_proper(ctx, w) or w.isupper() for w in _words(name)):
                end = m.end() if rx is _LEGAL_AFTER else m.end("name")
                out.append(Span(m.start("name"), end, "HOPITAL", 0.8, "named_body"))
    for m in _CLUB.finditer(text):
        if _starts_word(text, m.start()) and (known_commune(lex, m.group("town")) or is_area_name(m.group("town"))):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "named_body"))
    return out


def _national_spans(ctx: DetectionContext) -> list[Span]:
    """A national bank, insurer or employer, with its branch when one follows ("BRED Guadeloupe")."""
    text = ctx.text
    out = []
    for m in prefixed_finditer(_NATIONAL, text, ctx.folded):
        if not _intro_start(text, m.start()):  # "l'Intermarché de Plérin"
            continue
        end = m.end()
        branch = _BRANCH.match(text, end)
        if branch and branch.group("place") and _proper(ctx, branch.group("place")):
            end = _cut(text, m.start(), branch.end())
        elif branch and branch.group("run"):
            run_end = _cut(text, branch.start("run"), branch.end("run"))
            words = _words(text[branch.start("run") : run_end])
            town = words and known_commune(ctx.lexicons, words[0])  # "Synlab Vannes": a commune, even a word
            if words and (fold_key(words[0]) in _TRADES or _proper(ctx, words[0]) or words[0].isupper() or town):
                end = max(end, run_end)
        agency = _AGENCY.match(text, end)  # "Crédit du Nord-Artois agence de Liévin"
        end = agency.end() if agency else end  # an agency tells the place even after a national name
        if end > m.end():  # a national name alone ("EDF", "MGEN") does not tell where the person lives
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out


# Undertakers and hotels, named after their kind: "Pompes funèbres Garrigues de Muret", "PF Roc-Eclerc
# Lunel", "Hôtel Le Relais du Canal", "Chalet-hôtel Les Mélèzes Bleus" (a hotel needs its article).
_KIND_NAMED = re.compile(
    r"(?<![\w-])(?<!\w\w['’])(?:(?:Pompes|POMPES)[ \t]+(?i:fun[èe]bres)[ \t]+(?P<pf>" + _RUN + r")"
    r"|PF[ \t]+(?P<short>" + _CAP + r"(?:[ \t]+" + _CAP + r"){1,3})"
    r"|(?:Chalet-h[ôo]tel|H[ôo]tel|H[ÔO]TEL)[ \t]+(?P<hotel>(?:Les|Le|La|L['’])(?:(?<=['’])|[ \t]+)" + _RUN + r")"
    # round 18: "hébergée à l'hôtel Les Acacias" (4 writers): the name, the lower-case kind left out
    r"|h[ôo]tel[ \t]+(?P<lower_hotel>(?:Les|Le|La|L['’])(?:(?<=['’])|[ \t]+)" + _RUN + r"))"
)


def _kind_named_spans(ctx: DetectionContext) -> list[Span]:
    """Undertakers and hotels with their name, the kind included."""
    text, out = ctx.text, []
    for m in prefixed_finditer(_KIND_NAMED, text, ctx.folded):
        group = next(g for g in ("pf", "short", "hotel", "lower_hotel") if m.group(g))
        end = _cut(text, m.start(group), m.end(group))
        words = _words(text[m.start(group) : end])
        if group == "pf" and surname_named(ctx, words):
            continue  # "Pompes funèbres Vasseur": the owner's name, marked by the person rules
        if words and not (is_protected_word(words[0]) or fold_key(words[0]) in _TITLES):
            start = m.start(group) if group == "lower_hotel" else m.start()
            out.append(Span(start, end, "HOPITAL", 0.8, "named_body"))
    return out


def _ets_spans(ctx: DetectionContext) -> list[Span]:
    """A business named after its owner: "Ets Rouquier", "ETS MARIE & FILS", "Établissements Dumont"."""
    text = ctx.text
    out = []
    for m in prefixed_finditer(_ETS, text, ctx.folded):
        if not _starts_word(text, m.start()):
            continue
        end = _cut(text, m.start("name"), m.end("name"))
        family = _FAMILY.match(text, end)
        end = family.end() if family else end
        first = _words(text[m.start("name") : end])[:1]
        # "ÉTABLISSEMENTS SOLLICITÉS": a heading; the abbreviation "Ets" always names a firm
        heading = not m.group(0).lower().startswith("ets") and first and ctx.lexicons.is_common(first[0].lower())
        if first and not heading and not is_protected_word(first[0]) and fold_key(first[0]) not in FACILITY_STOP:
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "named_body"))
    return out


def company_name_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for companies, shops, insurers, banks and clubs; overlaps keep the longest."""
    if not prefixed_search(_GATE, ctx.folded, ctx.folded):
        return []
    spans = _national_spans(ctx) + _intro_spans(ctx) + _trade_spans(ctx)
    spans += _ets_spans(ctx) if "ets" in ctx.folded or "etablissements" in ctx.folded else []
    spans += _kind_named_spans(ctx) if "PF " in ctx.text or "pompes" in ctx.folded or "hotel" in ctx.folded else []
    return merged_bodies(spans)


def merged_bodies(spans: list[Span]) -> list[Span]:
    """Named-body spans with overlapping ones merged into one ``HOPITAL`` span (longest reach)."""
    spans = sorted(spans, key=lambda s: (s.start, s.start - s.end))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end, "HOPITAL", 0.8, "named_body")
            continue
        out.append(s)
    return out
