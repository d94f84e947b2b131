"""Care and social facilities: "CHU de Rennes", "EHPAD Les Tilleuls", "CAMSP de la Castellane".

A facility span includes its keyword and, when written "CHU de X", its commune; département-wide
bodies (UDAF, CPAM) are not facilities here. The keyword classes are written by hand because no
offline package lists French care-facility types.
"""

from __future__ import annotations

import re

from avec.privacy.detection.hospital_sites import site_spans
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, city_span, known_commune
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span


def _words(text: str) -> list[str]:
    return text.split()

_FACILITY_KEYWORDS = (
    r"C\.?H\.?U\.?|CHRU|CHR|CHI|CHS|CHG|CHIC|CH|GHU|GHT|GHR|GH|HIA|AP-HP|AP-HM|APHP|HCL|"
    r"(?i:centre\s+hospitalier(?:\s+universitaire|\s+r[ée]gional|\s+intercommunal|\s+sp[ée]cialis[ée]|"
    r"\s+g[ée]n[ée]ral|\s+d[ée]partemental)?)|(?i:h[ôo]pital(?:\s+priv[ée])?|h[ôo]pitaux|cliniques?|"
    r"polycliniques?|ehpad|e\.h\.p\.a\.d\.?|maison\s+de\s+retraite|maison\s+de\s+sant[ée]|r[ée]sidence|"
    r"foyer(?:\s+logement)?|"
    r"centre\s+de\s+(?:r[ée][ée]ducation|r[ée]adaptation|soins(?:\s+de\s+suite)?|sant[ée]|dialyse|"
    r"radiologie|lutte\s+contre\s+le\s+cancer|pmi|planification)|centre\s+d['’]imagerie(?:\s+m[ée]dicale)?|institut|"
    # named pharmacies and labs, resource centres, GP out-of-hours centres, public mental health bodies,
    # Guyane's remote health centres: "Pharmacie du Port", "Maison médicale de garde de Dinan"
    r"pharmacie|laboratoire|centre\s+ressources?|maison\s+m[ée]dicale(?:\s+de\s+garde)?|"
    r"[ée]tablissement\s+public\s+de\s+sant[ée](?:\s+mentale)?|"
    r"centre\s+d[ée]localis[ée]\s+de\s+pr[ée]vention\s+et\s+de\s+soins|"
    r"fondation|groupe\s+hospitalier|hospices?(?:\s+civils)?|maternit[ée]|"
    r"centre\s+m[ée]dical|centre\s+m[ée]dico-[a-z]+|p[ôo]le\s+sant[ée]|ssiad|ssr|smr|usld|"
    # "Centre Ophtalmologique Vision Plus", "centre psychothérapique de l'Ain": a centre and its specialty
    r"centre\s+[a-zà-ÿ]{4,}(?:ique|aire)s?|[ée]tablissement\s+fran[çc]ais\s+du\s+sang)|"
    r"MSP|SSIAD|SSR|SMR|CMP|CMPP|CMPEA|CAMSP|CMS|IME|ITEP|DITEP|ESAT|MAS|FAM|USLD|CHRS|CADA|MECS|HAD|HUDA|"
    r"SAMSAH|SAVS|SESSAD|MARPA|CCAS|CIAS|PMI|CSAPA|CAARUD|CATTP|EPSM|SAAD|SPASAD|CLIC|EHPA|IEM|IMPRO|"
    r"SAJ|EEAP|LHSS|MDS|CDAS|UTPAS|CRA|EFS|ADMR|"
    # coordination of care at home and poison centres: "DAC Flandre Maritime", "CPTS du Val", "CAPTV de Lille"
    r"DAC|CPTS|ESA|ESAD|PTA|MAIA|CAPTV|CRPV|EMSP|EMPP|"
    # mental health: peer-support groups, units for difficult patients, prison psychiatry
    r"GEM|UMD|UHSA|USIP|"
    r"(?i:centre\s+social|centre\s+communal\s+d['’]action\s+sociale|maison\s+d['’]enfants|"
    r"centre\s+maternel|foyer\s+de\s+vie|foyer\s+d['’]h[ée]bergement|maison\s+relais|pension\s+de\s+famille|"
    r"(?:maison|espace|p[ôo]le)\s+(?:d[ée]partemental(?:e)?\s+)?(?:des|de\s+la)\s+solidarit[ée]s?|"
    r"centre\s+d[ée]partemental\s+d['’]action\s+sociale|"
    r"cabinet\s+(?:de\s+|d['’])?(?:kin[ée]sith[ée]rapie|radiologie|imagerie(?:\s+m[ée]dicale)?|"
    r"orthophonie|podologie|p[ée]dicurie|ophtalmologie|cardiologie|m[ée]dical|infirmier|dentaire)|"
    r"foyer\s+d['’]accueil\s+m[ée]dicalis[ée]|centre\s+d['’]accueil|accueil\s+de\s+jour|maison\s+d['’]accueil\s+sp[ée]cialis[ée]e|h[ôo]tel\s+social|"
    r"institut\s+m[ée]dico-[ée]ducatif|institut\s+th[ée]rapeutique,?\s+[ée]ducatif\s+et\s+p[ée]dagogique)"
)
# Words before a keyword that belong to the name ("Nouvelles Cliniques Nantaises").
_LEAD = r"(?:(?:Nouvel(?:le)?s?|Grand(?:e)?s?|NOUVEL(?:LE)?S?|GRAND(?:E)?S?)[ \t])?"
_PARTICLE = r"(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux)"
# Lower-case connectors of foreign names between capitalised words ("A Casa di u Populu").
_CONNECT = (
    r"(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|sur|sous|en|et|lès)"
    r"|di|da|do|dos|das|del|della|u|von|van|der|den|&)"
)
_SP = r"[ \t]{1,2}"
# Name characters, HTML entities included ("CHU Sud R&eacute;union" in a badly exported page).
_NAME_CHARS = r"(?:[\w'’\-]|&[a-z]{2,8};)*"
_FACILITY = re.compile(
    r"(?<![\w-])" + _LEAD + r"(?P<kw>" + _FACILITY_KEYWORDS + r")(?![\w-])"
    r"(?P<qual>(?:(?i:[ \t]+(?:de[ \t]+jour|de[ \t]+semaine|psychiatrique|g[ée]riatrique|priv[ée])(?![\w-])|"
    r"[ \t]+(?:local|p[ée]diatrique|d['’]instruction[ \t]+des[ \t]+arm[ée]es|universitaire|intercommunal|"
    r"m[ée]dico-chirurgical|sp[ée]cialis[ée]|pluriprofessionnelle|pluridisciplinaire|"
    r"d[ée]partemental(?:e)?|mutualiste|municipal(?:e)?|polyvalent(?:e)?|adultes?|"
    r"g[ée]n[ée]ral(?:e)?|fonctionnel(?:le)?|chirurgical(?:e)?|publi(?:c|que)|autonomie|services|"
    r"m[ée]dicalis[ée]e?|accueil|sociale|seniors?|enfants?|adolescents?|infanto-juv[ée]nile)(?![\w-]))){0,2}+)"
    r"(?P<name>(?:" + _SP + r"(?:" + _PARTICLE + r"(?:(?<=['’])|" + _SP + r"))?"
    r"(?:(?:Saint|Sainte|St|Ste|SAINT|SAINTE)[\s-])?[" + UP + r"]" + _NAME_CHARS + r")"
    r"(?:" + _SP + r"(?:" + _CONNECT + r"(?:(?<=['’])|" + _SP + r")){0,2}[" + UP + r"]" + _NAME_CHARS + r")*)"
)
_FACILITY_STOP = set(
    _words("""service pole unite departement secteur tel fax mail dr docteur pr professeur madame monsieur
    mme m mlle cedex urgences pavillon batiment consultation consultations hospitalisation etage
    chambre lit ipp nda patient patiente objet motif date ne nee avec pour par chez dans sans vers matin soir
    midi nuit domicile depuis apres avant puis site infirmier infirmiere medecin secretariat accueil admission
    admissions fiche compte destinataire expediteur niveau ou a""")
)
# Bodies known by their own name, without a keyword in front.
_KNOWN_FACILITIES = re.compile(
    r"(?<![\w-])(?:Pitié[\s-]Salpêtrière|Hôtel-Dieu|HEGP|Lariboisière|Necker|Bichat|Cochin|"
    r"Hospices Civils de Lyon|Kremlin-Bicêtre|Gustave Roussy|Institut Curie|Santé Service|"
    r"(?i:[ée]tablissement[ \t]+fran[çc]ais[ \t]+du[ \t]+sang)|"
    r"(?:Hôpital\s+)?Necker[\s-]Enfants[\s-][Mm]alades|Institut Bergonié|Paul-Brousse|La Timone)(?![\w-])"
)
# Hospital groups written alone ("Hôpital Tenon – AP-HP"), by acronym (Strasbourg, Geneva, AP-HP) or in full.
_GROUPS = re.compile(
    r"(?<![\w-])(?:(?i:assistance[ \t]+publique[ \t]*[–-][ \t]*h[ôo]pitaux[ \t]+de[ \t]+(?:paris|marseille))|"
    r"AP-HP|AP-HM|APHP|APHM|CASVP|HCL|HUS|HUG|CHUV|HUEP|HUPC|HUPNVS|HUPSSD|HUHM|HUPIFO|HUPS|HUPO)(?![\w-])"
)
_STREET_LIKE = {"residence", "foyer", "foyer logement"}
_SLASH_NAME = re.compile(r"/[" + UP + r"][\w'’]+(?:-[\w'’]+)*")
# "EPSM de l'agglomération lilloise", "CH du pays de Morlaix": a facility named after its area, the
# area in lower case (an adjective), which the capitalised-name rule misses.
_AREA_NAMED = re.compile(
    r"(?<![\w-])(?:EPSM|CHS|CH|CHU|CHI|GHT|GH|GHU|GHR|(?i:centre[ \t]+hospitalier|h[ôo]pital))[ \t]+"
    r"(?i:de[ \t]+l['’]agglom[ée]ration|de[ \t]+la[ \t]+m[ée]tropole|du[ \t]+pays|du[ \t]+bassin|"
    r"de[ \t]+la[ \t]+r[ée]gion|du[ \t]+territoire)[ \t]+(?:[a-zà-ÿ][a-zà-ÿ'’\-]+|[" + UP + r"][\w'’\-]+)"
)

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


def _trim_facility(text: str, end: int, kw_end: int) -> int:
    """Cut the facility name before a stop word ("Service", "Dr", "Cedex", digits)."""
    words = list(re.finditer(r"[\w'’\-]+", text[kw_end:end]))
    mixed = any(not w.group(0).isupper() for w in words)
    for k, m in enumerate(words):
        word = m.group(0)
        key = fold_key(word).strip("'’")
        # "HOPITAL PRIVE DU CONFLUENT A NANTES": "à" ends a name, but not as its first word ("EHPAD A Casa")
        stop = key in _FACILITY_STOP and m.start() > 0 and (key != "a" or k > 0)
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


def _inner_keyword(text: str, m: re.Match[str]) -> int | None:
    """Start of a second keyword opening the name ("clinique aux Hôpitaux Universitaires")."""
    lead = re.match(r"[ \t]+" + _PARTICLE + r"?[ \t]*", text[m.end("kw") : m.end()])
    if lead is None:
        return None
    pos = m.end("kw") + lead.end()
    inner = _FACILITY.match(text, pos)
    if inner and inner.group("name") and m.group("kw")[0].islower():
        return pos
    return None


def _keyword_spans(ctx: DetectionContext) -> list[Span]:
    text = ctx.text
    spans: list[Span] = []
    pos = 0
    while (m := _FACILITY.search(text, pos)) is not None:
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
        if fkw.startswith("cabinet") and not re.match(
            r"[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’])[ \t]*[" + UP + "]", text[m.end("kw") : m.end()]
        ):
            continue  # "Cabinet infirmier Lebrun": a person's name, left to the name rules
        first = re.match(r"[ \t]*(?:" + _PARTICLE + r")?[ \t]*([\w'’\-]+)", text[m.end("kw") : m.end()])
        if fkw == "laboratoire" and first and (ctx.lexicons.is_common(first.group(1)) or ctx.all_caps):
            continue  # "LABORATOIRE DE BIOLOGIE MÉDICALE": the kind of lab, no name ("pharmacie de X": X's commune)
        town = first.group(1) if first and fkw == "pharmacie" else ""
        if town and known_commune(ctx.lexicons, town) and not ctx.lexicons.is_common(town):
            continue
        kw_end = m.end("qual") if m.group("qual") else m.end("kw")
        end = _trim_facility(text, m.end(), kw_end)
        if end <= kw_end:
            continue
        # "CLINIQUE OCEANE OU A L HOPITAL PRIVE ...": a second facility may start after the cut.
        pos = max(end, m.end("kw"))
        if text[end : end + 1] == "/" and (slash := _SLASH_NAME.match(text, end)):
            end = slash.end()  # "CHU de Pointe-à-Pitre/Abymes": a site over two communes
        label = "HOPITAL"
        if fkw in _STREET_LIKE and re.search(
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
        spans.append(Span(m.start(), end, label, 0.9, "facility"))
    return spans


def _merge_known(text: str, spans: list[Span]) -> list[Span]:
    """Known names win over a regex reading that cuts them; a keyword before them joins them."""
    for m in _KNOWN_FACILITIES.finditer(text):
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

# Units and wards with a proper name: "unité Les Cèdres", "pavillon Les Tilleuls", "unité
# Saint-Exupéry" (the name only).
_NAMED_UNIT = re.compile(
    r"(?i:\b(?:unit[ée]|pavillon|b[âa]timent|villa)[ \t]+)"
    r"(?P<name>(?:(?:Les|Le|La|L['’])[ \t]*(?P<word>[" + UP + r"][\w'’\-]+)"
    r"(?:[ \t]+(?:des|de|du|d['’])?[ \t]*[" + UP + r"][\w'’\-]+)*"
    r"|(?i:saint|sainte)-[" + UP + r"][\w'’\-]+))"
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
_CENTRE_PERSON = re.compile(r"(?<![\w-])Centre[ \t]+(?P<first>[" + UP + r"][\w'’\-]+)[ \t]+[" + UP + r"][\w'’\-]+")
# Lower-case "ehpad les lilas" in a pharmacy log.
_LOWER_EHPAD = re.compile(
    r"(?<![\w-])(?i:ehpad)[ \t]+(?:r[ée]sidence[ \t]+)?(?P<name>(?:les|le|la|l['’])[ \t]*[a-zà-ÿ][a-zà-ÿ'’\-]+"
    r"(?:[ \t](?:de[ \t]la|des|du|de)[ \t][a-zà-ÿ][a-zà-ÿ'’\-]+)?)"
)
# Lower-case notes: "rdv au chu de brest", "hopital st joseph" (the commune must be known, the
# saint's name follows "saint"/"st").
_LOWER_CHU = re.compile(
    r"(?<![\w-])(?:chu|chru|ch|chi|chs|centre[ \t]hospitalier)[ \t]+(?P<of>de[ \t]+|d['’]|du[ \t]+)?"
    r"(?P<city>[a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t-](?:sur|sous|en|les|lès|de|la|le)[ \t-][a-zà-ÿ'’\-]+)?)"
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
    r"(?P<word>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?![\w-])"
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
_NOT_HOSPITAL_ACRONYMS = set(
    _words("CHC CHRU CHRS CHIC CHSCT CHU CHR CHI CHS CHG GHU GHT GHR CHOP CHOEP CHAP CHARGE CHEF CHAT CHOC CHUT GHBP")
)


def _extra_spans(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []

    def free(a: int, b: int) -> bool:
        return not any(x.start < b and a < x.end for x in spans + out)

    folded = ctx.folded  # cheap keyword checks before each regex pass
    units = any(k in folded for k in ("unit", "pavillon", "batiment", "villa"))
    for m in _NAMED_UNIT.finditer(text) if units else ():
        word = m.group("word") or m.group("name").split("-", 1)[1]
        if not is_protected_word(word):
            out.append(Span(m.start("name"), m.end("name"), "HOPITAL", 0.8, "facility"))
    wards = any(k in folded for k in ("urgences ", "maternite ", "reanimation ", "site d"))
    for m in _AFTER_WARD.finditer(text) if wards else ():
        a, b = m.span("name")
        words = m.group("name").split()
        if fold_key(words[0]) in _FACILITY_STOP or _FACILITY.match(text, a) or is_protected_word(words[0]):
            continue
        if len(words) == 1 and fold_key(words[0]) in lex.communes:
            continue  # "urgences de Brest" style commune: left to the commune rule
        if free(a, b):
            out.append(Span(a, b, "HOPITAL", 0.8, "facility"))
    area = any(k in folded for k in ("agglomeration", "metropole", "du pays", "du bassin", "region", "territoire"))
    for m in _AREA_NAMED.finditer(text) if area else ():
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
    quoted = any(q in text for q in '«"“')
    for m in _QUOTED.finditer(text) if quoted else ():
        a, b = m.span("name")
        if _QUOTED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) and free(a, b):
            out.append(Span(a, b, "HOPITAL", 0.8, "facility"))
    for m in _HOTEL.finditer(text) if "hotel" in folded else ():
        if fold_key(m.group("word")) not in _CIVIC and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    for m in _SHELTER_HOTEL.finditer(text) if "hotel" in folded and ("115" in text or "heberg" in folded) else ():
        # "hébergée via le 115, Hôtel Azur, 18 route de ...": the hotel is where the person lives.
        before = text[max(0, m.start() - 80) : m.start()]
        if fold_key(m.group("word")) not in _CIVIC and _SHELTER_BEFORE.search(before) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "ADRESSE", 0.75, "facility"))
    for m in _CENTRE_OF.finditer(text) if "centre" in folded else ():
        word = m.group("word")
        key = fold_key(word)
        if lex.is_common(word) or is_protected_word(word) or key in _FACILITY_STOP or key in lex.big_cities:
            continue
        if ctx.all_caps or not word[:1].isupper() or word.isupper() and not m.group(0).isupper():
            continue
        end = m.end("more") if m.group("more") and not lex.is_common(m.group("more")) else m.end("word")
        if free(m.start(), end):
            out.append(Span(m.start(), end, "HOPITAL", 0.75, "facility"))
    for m in _CENTRE_PERSON.finditer(text) if "centre" in folded else ():
        if lex.is_first_name(m.group("first")) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    lower_chu = any(k in text for k in ("ch d", "chu ", "chru ", "chi d", "chs d", "hospitalier d"))
    for m in _LOWER_CHU.finditer(text) if lower_chu else ():
        city, end = m.group("city"), m.end()
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
        if free(m.start(), end):
            out.append(Span(m.start(), end, "HOPITAL", 0.75, "facility"))
    lower_saint = any(k in folded for k in ("clinique s", "hopital s", "ehpad s", "residence s"))
    for m in _LOWER_SAINT.finditer(text) if lower_saint else ():
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    for m in _LOWER_CLINIC.finditer(text) if "clinique " in text or "ehpad " in text else ():
        word = m.group("word")
        if lex.is_common(word) or is_protected_word(word) or fold_key(word) in _LOWER_STOP:
            continue
        if free(m.start("kw"), m.end()):
            out.append(Span(m.start("kw"), m.end(), "HOPITAL", 0.7, "facility"))
    lower_of = "hopital d" in folded or "clinique d" in folded
    for m in _LOWER_HOSPITAL_OF.finditer(text) if lower_of else ():
        word = m.group("word")
        if fold_key(word) in _LOWER_NOT_NAME | _LOWER_STOP or is_protected_word(word):
            continue
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    for m in _HOSPITAL_ACRONYM.finditer(text) if not ctx.all_caps and ("CH" in text or "GH" in text) else ():
        acronym = m.group(0)
        word = is_protected_word(acronym) or len(acronym) > 4 and lex.is_common(acronym)  # "INCIDENT – CHUTE"
        if acronym not in _NOT_HOSPITAL_ACRONYMS and not word and free(m.start(), m.end()):
            # "CHBA Vannes", "CHMS Chambéry": the acronym and the town of its main site, one name
            town = city_span(text, m.end()) if text[m.end() : m.end() + 1] == " " else None
            joined = town and town[0] == m.end() + 1 and known_commune(lex, text[town[0] : town[1]])
            end = town[1] if town and joined else m.end()
            out.append(Span(m.start(), end, "HOPITAL", 0.7, "facility"))
    for site in site_spans(ctx):
        if free(site.start, site.end):
            out.append(site)
    for m in _LOWER_EHPAD.finditer(text) if "ehpad l" in folded or "ehpad r" in folded else ():
        words = re.findall(r"[\w'’\-]+", m.group("name"))
        keep = [w for w in words[1:] if fold_key(w) not in _LOWER_STOP]
        if len(keep) != len(words) - 1 or not keep:
            continue
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    return out

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
            if end != site.end() and not worded and text[start:end].isupper():  # "CHU X – Site Estaing"
                out.append(Span(site.start("kw"), site.end(), "HOPITAL", span.score, span.source))
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


@recognizer("facility", 78)
def find_facilities(ctx: DetectionContext) -> list[Span]:
    """Named care facilities: "CHU de Rennes", "EHPAD Les Tilleuls", "Clinique Saint-Joseph"."""
    spans = _joined(ctx, _merge_known(ctx.text, _keyword_spans(ctx)))
    spans += _extra_spans(ctx, spans)
    ctx.extra["facility_spans"] = spans  # read by the commune rule ("EHPAD Ker Maria, Allaire")
    return spans
