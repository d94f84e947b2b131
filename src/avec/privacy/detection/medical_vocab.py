"""Medical vocabulary that must never be masked: eponyms, drug names, units and acronyms.

The word lists are in :mod:`medical_word_lists` (the acronyms here); this module holds the tests
on them (``is_protected_word``, ``is_eponym``, ``is_drug``, ``is_acronym``) and the contexts that
announce an eponym ("maladie de X", "signe de X +", "Weber A").
"""

from __future__ import annotations

import re
from functools import lru_cache

from avec.privacy.detection.medical_word_lists import BIOCHEMISTRY, DRUGS, EPONYMS, PRODUCTS, UNITS, WARD_SHORT_NAMES
from avec.privacy.detection.regex_reversal import reverse_fragment
from avec.privacy.detection.text import fold_key


def _words(text: str) -> list[str]:
    return text.split()


# Medical and administrative acronyms often written in capitals: never a name. Also care jobs
# (IPDE, SF, EJE), school and contract terms (PAI, ULIS, CDD) and the lower-case shorthand of
# vital signs that follows a patient's name in hurried notes ("mme x hypo à 0,58", "sat 89%"),
# and religious feasts a planning notes ("absente (Ramadan)").
ACRONYMS = _words(
    """
DX CDX HTA AVC AIT BPCO IRC IRA IRM TDM TEP ECG EEG EMG ETT ETO NFS CRP VS PCT BNP TSH T4 HbA1c INR TCA TP
ASAT ALAT GGT PAL LDH CPK DFG DFGe ECBU PCR VIH VHB VHC IDE IAO AS ASH ASG AMP AES ARS CPAM MDPH APA
PCH RSA AAH CAF MSA CMU CSS AME ALD ATU HAD SSR SSIAD EHPAD USLD MCO UHCD SAU SAMU SMUR USI USIC REA
REANIMATION CHU CHR CH CHI CHS GHT GHU APHP AP-HP CMP CMPP IME ITEP ESAT MAS FAM SESSAD CCAS CLIC
MAIA DAC PTA UCC UHR PASA GIR AGGIR PAP PPS PPA PVI CRH CRO RCP DMP DPI IPP NDA NIR INS RPPS ADELI
FINESS SIRET SA OAP SCA IDM STEMI NSTEMI FA ACFA TVP EP EER IVG IMG FCS GEU HPP RPM MAP DID DNID DT1
DT2 IMC BMI TA FC FR SpO2 SAO2 EVA EN MMS MMSE GDS NPI ADL IADL DMLA TCC TSA TDAH OMS HAS ANSM CNIL
RGPD DPO RSSI SI NB RAS TTT ATCD ATB AINS IEC ARA2 AVK AOD HBPM HNF IV IM SC PO PER OS LP SL VO CAT
DC NC PEC RDV BAV ECBC LCR PL KT PICC VVP VVC SNG SAD
MID MIG MSD MSG MII MSI
SAAD SPASAD SAVS SAMSAH CSAPA CAARUD CATTP EPSM UDAF PMI ASE AEMO AED MJPM MJAGBF CESF CIAS CHRS CADA
MECS HUDA MARPA IEM IMPRO SAJ EHPA CMS MSP PJJ SPIP JAF TISF ESA UEROS CRA SAMU CMU-C
IDEC IDEL IADE IBODE IPA IOA ARM PARM MKDE MK ASD AVS ETS PUPH PH CCA FFI SMR HDJ HDS CSG USP EMSP
OD OG ODG OCT LAF PIO AVL AVP ERG PEV IVA IVP CD TCG RCA ECBC IDEST CRIP ROR DTP DTPC BCG HPV
SPST MDPH-RQTH RQTH CNAM CARSAT MSA-CPAM ONIAM OQN CRCDC
GMFCS MACS CFCS EDACS COVID COVID-19 SARS-CoV-2 CPTS ESP MSP-CPTS
UMG EMG UCSA UHSA PASS CeGIDD CLAT CDAG SIAO CHU-CH DIM DSI CME CDU CSIRMT SSIAD-SAAD MDA MDS MDPH-MDA
IPDE IDE-PUER PUER SF EJE AESH AVSI AP APE CDD CDI CUI PEC-CUI PAI PPRE PPS-MDPH ULIS SEGPA RASED
HGPO FDR FDRCV NRI RCV RCF MAPA EFR TILT IPDE-SF
ORL RDC ETP CLIN EOH PCA PSE SIR SIA ESRP ESPO UAPED UMJ ERRSPP OPJ APJ APJA MDL MRI WE AGIRC ARRCO
AGIRC-ARRCO Ig IgG IgM IgA IgE Drs
Gendarme Gendarmes Adjudant Adjudante Adjudant-chef Adjudante-chef Brigadier Brigadière Brigadier-chef
Sergent Sergent-chef Caporal Caporal-chef Lieutenant Capitaine Commandant Enquêtrice Enquêteur Mrne Prs
Audioprothésiste Audioprothésistes Orthoptiste Orthoptistes Opticien Opticienne Opticiens
Ramadan Aïd Kippour Pessah Hanoucca Hanoukka Diwali
USMP SSPI PUI EMPP ATSU UCA MASP EIG DRH DECT DAI GAEC VAD RAD Anesth Régul Asso
sat sats hypo hyper glyc dextro hgt temp pds
OMA OMC OSM VMI EVASAN MEDEVAC AG ALR APD ACWY ACYW
HL7 ADT ORU ORM OML MDM SIU ACK DFT MSH EVN PID PV1 PV2 NK1 OBR OBX ORC NTE MSA MRG TXA
CAMSP CMPEA DITEP UTPAS UTAS UTAMS CDAS MDSI CIDFF LHSS EEAP BAPU PAEJ ANPAA ADMR APAJH ADAPEI UNAFAM SOLIHA
CCAPEX DRIHL AFPA GRETA SDIS DSDEN URSSAF CGSS MDPSH ATMP
"""
)

# Context words: "<word> de X" or "<word> X" makes X a medical term (eponym we may not list).
_EPONYM_WORDS = (
    r"maladie|syndrome|signe|scores?|tests?|classification|listes?|\d+\s+mots|échelle|echelle|stade|manœuvre|"
    r"manoeuvre|triade|critères?|criteres?|index|indice|réflexe|reflexe|sonde|drain|loi|méthode|"
    r"methode|technique|opération|operation|intervention|fracture|kyste|hernie|ligament|canal|"
    r"tendon|tubercule|sphincter|polygone|cercle|ganglion|point|tumeur|lymphome|sarcome|"
    r"anémie|anemie|chorée|choree|paralysie|thyroïdite|thyroidite|ulcère|ulcere|diverticule|"
    r"phénomène|phenomene|sclérose|sclerose|dystrophie|ataxie|démence|demence|grade|type|corps|"
    r"drain|lame|pince|protocole|formule|équation|equation|classe|cellules?|fibres?|corpuscules?|"
    r"voie|abord|incision|approche|prothèse|prothese|clou|plaque|procédé|procede|montage|"
    r"ligamentoplastie|plastie|ostéotomie|osteotomie|position|attelle|orthèse|orthese|aiguille|"
    r"cathéter|catheter|matelas|pansement|triangle|trou|ampoule|valvule|repli|espace|gaine|"
    # Schools are named after famous people ("école Jules Ferry"), not identifiers here.
    r"école|ecole|collège|college|lycée|lycee|groupe\s+scolaire"
    # statistics: "Chi deux de Pearson", "coefficient r de Pearson", "test t de Student"
    r"|coefficient|corr[ée]lation|[ck]hi[ -]?(?:deux|2|²)|distribution|r[ée]gression"
    # flows and software of the health insurance: "rejet Noémie", "flux Noémie"
    r"|rejets?|flux|norme|logiciel"
    # laws and rules named after a person: "amendement Creton", "circulaire Veil"
    r"|amendement|circulaire|d[ée]cret|r[ée]forme|jurisprudence"
    # signs of the hands and joints: "nodosités de Bouchard", "nodules d'Heberden"
    r"|nodosit[ée]s?|nodules?"
    # anatomy and instruments named after a person: "épine de Spix", "curette de Beckmann"
    r"|[ée]pines?|curettes?|trompes?|foramen|faisceau|membranes?"
    # storms bear a first name ("passage de la tempête Ciaran"); a disease's form ("forme de Weil")
    r"|temp[êe]tes?|cyclones?|ouragans?|typhons?|formes?"
)
_EPONYM_CONTEXT = re.compile(
    r"(?i)\b(?:" + _EPONYM_WORDS + r")"
    # a symbol may sit between ("test t de"); "signe de von Graefe": a particle too.
    r"(?:\s+[a-zA-Zρχ²]{1,2}(?=\s+d))?"
    r"\s+(?:de\s+|du\s+|d['’]\s*)?(?:(?:von|van|der|den|la)\s+)*$"
)
# The same context read backwards, matched at the start of the reversed window (one pass instead
# of a search trying every alternative at every word start: ~27 µs a window). "$" may stand before
# a final newline; the symbol ("test t de") is followed by "de", "du", "d'", "der" or "den".
_EPONYM_CONTEXT_REVERSED = re.compile(
    r"(?i)\n?(?:\s+(?:nov|nav|red|ned|al))*"
    r"(?:(?:\s+ed|\s+ud|\s*['’]d)?\s+"
    r"|(?:\s+ed|\s+ud|\s*['’]d)\s+[a-zA-Zρχ²]{1,2}\s+"
    r"|\s+(?:red|ned)\s+[a-zA-Zρχ²]{1,2}\s+)"
    r"(?:" + reverse_fragment(_EPONYM_WORDS) + r")\b"
)


def eponym_context_before(window: str) -> bool:
    """True when ``window`` ends with a context announcing an eponym ("maladie de ", "test t de ");
    the same answer as ``_EPONYM_CONTEXT.search(window)``, read from the end."""
    return _EPONYM_CONTEXT_REVERSED.match(window[::-1]) is not None

# Implants and devices named after their inventor, always with "de": "vis de Herbert",
# "broche de Kirschner" (a second, small regex, run only when the window ends with "de"/"du"/"d'").
_DEVICE_CONTEXT = re.compile(
    r"(?i)\b(?:vis|broches?|agrafes?|ancres?|cages?|tiges?|canules?|valves?|filtres?|stents?|pessaires?|"
    r"lambeaux?|greffes?|sutures?|cerclages?|fixateurs?|implants?|ballonnets?|anneaux?|gouttières?|minerves?|"
    r"corsets?)\s+(?:de\s+|du\s+|d['’]\s*)\Z"
)
_DE_ENDINGS = ("de ", "du ", "d'", "d’", "De ", "DE ", "DU ", "D'")
_DE_LINE_ENDINGS = (" de", " du", "d'", "d’", " De", " DE", " DU", "D'", "D’")

_FOLDED_EPONYMS = {fold_key(w) for w in EPONYMS}
_FOLDED_DRUGS = {fold_key(w) for w in DRUGS} | {fold_key(w) for w in PRODUCTS} | {fold_key(w) for w in BIOCHEMISTRY}
_FOLDED_WARDS = {fold_key(w) for w in WARD_SHORT_NAMES}
_FOLDED_UNITS = {fold_key(w) for w in UNITS}
_FOLDED_ACRONYMS = {fold_key(w) for w in ACRONYMS}


@lru_cache(maxsize=1 << 16)
def is_protected_word(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """True for a drug name, a unit, a medical acronym, a ward's short name or an extra term (any case)."""
    key = fold_key(word)
    return (
        key in _FOLDED_DRUGS or key in _FOLDED_UNITS or key in _FOLDED_ACRONYMS or key in _FOLDED_WARDS or key in extra
    )


@lru_cache(maxsize=1 << 16)
def is_acronym(word: str) -> bool:
    """True for a known medical, social or administrative acronym (``SSR``, ``IDEC``)."""
    return fold_key(word) in _FOLDED_ACRONYMS


@lru_cache(maxsize=1 << 16)
def is_eponym(word: str) -> bool:
    """True for a known eponym (some are also surnames: use only without name context);
    a hyphenated word whose parts are all eponyms counts too ("Henoch-Schönlein")."""
    key = fold_key(word)
    if key in _FOLDED_EPONYMS:
        return True
    parts = [p for p in key.split("-") if p]
    return len(parts) > 1 and all(p in _FOLDED_EPONYMS for p in parts)


@lru_cache(maxsize=1 << 16)
def is_drug(word: str) -> bool:
    """True for a known drug name (INN or brand)."""
    return fold_key(word) in _FOLDED_DRUGS


_WORD_AT = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# After the word: a sign's result ("(Giordano +)", "Lasègue négatif") ...
_SIGN_AFTER = re.compile(
    # "+" then a title or a care role joins two persons ("Dr Puech + IDE Bousquet"): no sign.
    r"[ \t]*(?:\+{1,3}(?![ \t]*(?:(?:Dr|Pr|Mme|Mlle|IDEL?|IDEC|AS|AES|ASH|SF|kin[ée])\b|[A-ZÀ-Ý]\.[ \t]*[A-ZÀ-Ý]))|"
    r"-[ \t]*\)|positi(?:f|ve)|n[ée]gati(?:f|ve)|"
    r"lat[ée]ralis[ée]e?|centr[ée]e?|indiff[ée]rente?)(?![\w])"
)
# ... or a dose: a brand name is written before its strength ("Tanganil 500 mg", "(Serc 24 mg").
_DOSE_AFTER = re.compile(r"[ \t]+\d+(?:[.,]\d+)?[ \t]?(?:mg|g|µg|mcg|ml|mL|UI|ui)(?![\w])")
# ... or a treatment started: "mise sous amox-ac clav", "mis sous Tercian" (a drug, often shortened).
# Also "sortie sous Tanganil", "arrêt Cosopt", "ajout de Xalatan": a treatment started or stopped.
_TREATMENT_BEFORE = re.compile(
    r"(?i)\b(?:(?:mis(?:e|es)?|sortie?|sortante?|maintenue?|relais)\s+sous"
    r"|(?:arr[êe]t|ajout|introduction)(?:\s+d[ue]|\s+d['’])?)\s*(?<=\s|['’])$"
)
_TREATMENT_WORDS = ("arrêt", "arret", "ajout", "introduction")


def _treatment_before(window: str) -> bool:
    """True when the window ends with a treatment started or stopped ("sortie sous ", "arrêt ",
    "ajout de "); string tests first, the regex only after "sous" (most windows end otherwise)."""
    tail = window[-24:].rstrip().lower()
    if tail.endswith("sous"):
        return _TREATMENT_BEFORE.search(window) is not None
    if tail.endswith(("de", "du", "d'", "d’")):
        tail = tail[:-2].rstrip()
    for word in _TREATMENT_WORDS:
        if tail.endswith(word):
            cut = len(tail) - len(word)
            return cut == 0 or not tail[cut - 1].isalnum()
    return False


# ... or it is itself a grade in Roman numerals ("Bismuth IIIa", "stade IV"), never a name.
# A lone "V" or "I" stays an initial ("V. Collin").
_ROMAN_GRADE = re.compile(r"(?:II|III|IV|VI{1,3}|IX|[IV][a-d])[a-d]?")
# ... or a product in brackets after a drug or a nutrition word ("lait enrichi (Fortipré)").
_PRODUCT_BEFORE = re.compile(
    r"(?i)(?:\b(?:lait|enrichie?s?|compl[ée]ments?|cno|suppl[ée]ment[ée]e?s?|[ée]paississant|nutrition)|"
    # a drug's common name is written in lower case ("bétahistine (Serc"), unlike "Ergo (S. Le Gall)"
    r"(?<![\w-])(?P<word>(?-i:[a-zà-ÿ])[\w-]{3,}))[ \t]*\([ \t]*$"
)
# ... or a grade or class after a listed eponym ("Weber A.", "Garden III", "Child B").
_GRADE_AFTER = re.compile(
    r"[ \t]+(?:[A-D]|I{1,3}|IV|V|VI|[0-5][a-c]?)(?:\.|(?![\w.'’-]))(?![ \t]*[A-ZÀ-Ý][a-zà-ÿ])"
    # "Thomas V. IDE nuit": an initial then a care role, so a person, not "Thomas grade V"
    r"(?![ \t]*\(?(?:IDEL?|IDEC|AS|ASH|AES|AMP|SF|AVS|AMP)\b)"
)


# An instrument or method in brackets right after a measured value: "16 mmHg (Goldmann)".
_MEASURE_BEFORE = re.compile(r"\d[\d.,/]*[ \t]*(?P<unit>[^\W\d][\w/]*)[ \t]*\([ \t]*$")
_CLOCK_TIME = re.compile(r"(?<![\d.,/])(?:[01]?\d|2[0-3])[ \t]?h(?:[0-5]\d)?[ \t]*\([ \t]*$")
# "Greulich et Pyle", "Guillain et Barré": the second name of a listed eponym pair.
_EPONYM_PAIR_BEFORE = re.compile(r"(?P<first>[\w'’-]+)[ \t]+(?:et|&|-)[ \t]+$")
_NAME_BEFORE_PAIR = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?[ \t]+$")
# A weekday shortened in a message header before its date: "Sam. 28 nov.", "mar. 1 déc.".
_WEEKDAY_ABBREVIATIONS = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"}
_DAY_AFTER = re.compile(r"\.?[ \t]+\d{1,2}(?:er)?\b")


def _not_a_name_here(text: str, start: int, word: str, window: str) -> bool:
    """A weekday abbreviation before a date, an instrument after a measure, an eponym pair."""
    if fold_key(word) in _WEEKDAY_ABBREVIATIONS and _DAY_AFTER.match(text, start + len(word)):
        return True
    # Both patterns end on the window's end ("$": or before a final newline); their last
    # characters are checked first, cheaply ("(" then blanks; "et", "&" or "-" then blanks).
    tail = window[:-1] if window.endswith("\n") else window
    last = tail.rstrip(" \t")
    measure = _MEASURE_BEFORE.search(window) if last.endswith("(") else None
    if measure is not None and fold_key(measure.group("unit")) in _FOLDED_UNITS and not _CLOCK_TIME.search(window):
        return True  # "2 L (Optiflow)"; but "coucher 18h (Karim B.)" is who comes at a time
    pair = _EPONYM_PAIR_BEFORE.search(window) if len(last) < len(tail) and last.endswith(("et", "&", "-")) else None
    if pair is None or not is_eponym(pair.group("first")):
        return False
    # "Parents : Aurore Martin et Kévin Le Bihan": the eponym closes a full name, so two persons.
    return _NAME_BEFORE_PAIR.search(window, 0, pair.start("first")) is None


# A brand marked as such ("ALDOMET®"), or an enzyme after its acronym ("ALA synthétase").
_BRAND_OR_ENZYME_AFTER = re.compile(r"[®™]|[ \t-]+[a-zà-ÿ]{2,}[a-zà-ÿ]{2}ases?(?![\w'’-])")
# Ranks in several words: "Maréchal des logis-chef", "Gardien de la paix", "Sergent-chef".
_RANK_PHRASE = re.compile(
    r"(?i)(?:mar[ée]chal(?:e)?|ma[iî]tre|second\s+ma[iî]tre|gardien(?:ne)?|brigadier|sergent|caporal|adjudant|"
    r"lieutenant|capitaine|commandant|colonel|g[ée]n[ée]ral|major|m[ée]decin|infirmi[eè]re?|sapeur)"
    r"(?:(?:e|\s)?-(?:chef|major|colonel|principal|g[ée]n[ée]ral)|\s+des\s+logis|\s+de\s+la\s+paix|"
    r"\s+de\s+(?:corvette|fr[ée]gate|vaisseau|1re|2e|premi[èe]re|seconde)\s+classe|\s+de\s+(?:corvette|fr[ée]gate|vaisseau))"
)


# A score's acronym and its value: "EPDS à 17 (", "HAD = 12,": capitals then a number that is
# no hour ("MARTIN à 14h") and nothing counted ("à 3 reprises").
_SCORE_VALUE_AFTER = re.compile(
    r"[ \t]*(?:à|=)[ \t]*\d+(?:[.,]\d+)?(?:[ \t]*/[ \t]*\d+)?[ \t]*(?:[(),;.]|pts?\b|points?\b|\n|$)"
)
# The serogroups after "Men" in a vaccination record: "Men C", "Men B", "MenACWY" (a vaccine, no "Men").
_MENINGOCOCCAL_VACCINE = re.compile(r"(?i:men)[ \t]?(?:ACWY|ACYW|[BC])(?:[ \t]?-?135)?(?![\w'’-])")
# A drink named by its brand after a drinking verb and a partitive: "il boit du Didier (eau)".
_DRINK_BEFORE = re.compile(
    r"(?i)\b(?:boi[st]|boivent|buvai[st]|buvaient|boire|bu|buvons|buvez|consomme|consommait)"
    r"(?:[ \t]+(?:que|surtout|plut[ôo]t|beaucoup|encore|toujours|souvent|parfois|aussi|peu))*"
    r"[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’]|des|un|une|son|sa|ses)[ \t]*$"
)


def _not_a_name_after(text: str, start: int, end: int) -> bool:
    """A brand with ®, an enzyme's acronym, a rank in several words, a score's acronym and value,
    a meningococcal vaccine and its serogroup ("Men C", "Men ACWY")."""
    if _BRAND_OR_ENZYME_AFTER.match(text, end) or _RANK_PHRASE.match(text, start):
        return True
    word = text[start:end]
    if word[:3] in ("Men", "MEN", "men") and _MENINGOCOCCAL_VACCINE.match(text, start):
        return True
    return word.isupper() and len(word) >= 2 and _SCORE_VALUE_AFTER.match(text, end) is not None


def in_eponym_context(text: str, start: int, titled: bool = False) -> bool:
    """True when the words just before ``start`` announce an eponym ("maladie de ", "score de "),
    or the word at ``start`` is read as a sign or a class ("Giordano +", "Weber A").
    ``titled``: a title precedes ("Dr Girod + pharmacie"), so a "+" after it joins a list."""
    window = text[max(0, start - 40) : start]
    # _EPONYM_CONTEXT ends on a space or an elision: skip the search when the window cannot match.
    if (window[-1:].isspace() or window[-1:] in ("'", "’")) and eponym_context_before(window):
        # "dans la liste\n\nKévin Tran", "surveillance pansement\nMickaël": a word opening its line
        # is no eponym of the word ending the line above, unless "de" ties them ("score de\nGlasgow").
        head = window.rstrip()
        if "\n" not in window[len(head) :] or head.endswith(_DE_LINE_ENDINGS):
            return True
    if window.endswith(_DE_ENDINGS) and _DEVICE_CONTEXT.search(window):
        return True
    word = _WORD_AT.match(text, start)
    if word is None:
        return False
    if _DRINK_BEFORE.search(window):
        return True  # "il boit du Didier": a brand of water or wine
    if _treatment_before(window) or _not_a_name_here(text, start, word.group(0), window):
        return True
    if (not titled and _SIGN_AFTER.match(text, word.end())) or _DOSE_AFTER.match(text, word.end()):
        return True
    if _ROMAN_GRADE.fullmatch(word.group(0)) or _not_a_name_after(text, start, word.end()):
        return True
    if start and text[start - 1] in "( \t" and "(" in window[-3:]:
        before = _PRODUCT_BEFORE.search(window)
        if before is not None and (before.group("word") is None or is_drug(before.group("word"))):
            return True
    return is_eponym(word.group(0)) and bool(_GRADE_AFTER.match(text, word.end()))
