"""Reference numbers of letters, courts and social bodies, and identifier labels in any layout.

Care and social structures number every file they open about a person and print the number in
many ways: a letter's reference ("Réf. : RU/2024/318", "Nos réf. : MJPM/2019/0734", "N/Réf.
AF-2024-0317", "Notre référence à rappeler : CR-2023-0412", "N° enreg. CS9-67-2024-05512"), a
court's ("RG n° 22/01356", "N° RG : 24/03318", "N° Portalis DBZ3-W-B7G-NZ4A", "Parquet n°
25/01442"), a social body's ("N° allocataire CAF : 4418207", "n° SI-SIAO : 86-2024-001873", "N° de
contrat : LOC-0087321", "bon de transport n° T-250224-018", "N° d'accès | CINV2505190044", an
orientation platform's request "ViaTrajectoire VT-4471902" even without a mark), a residence's or
a supplier's own number for the person ("ID RÉSIDENT : 004512", "identifiant usager : U-0412",
"n° client CL-0045871") or a pupil's national number ("INE : 090621483KH"), a lone "n°" before a
lettered code or 8+ digits in groups ("Fiche de dépôt n° OT-2024-0452", "dossier MDPH déposé (n°
26-2024-018833)"), and a list of numbers under a label
("2 IPP :\\n- 250331207 ...\\n- 250018846").
Between the label and the number: a colon, a pipe of a table, a tab, a dotted leader or nothing.

A number naming the person (resident, user, beneficiary, client) is an IPP; every other one is an
NDA (the lead's convention: a court or case reference is an NDA). The value must hold at least four
digits and be no date, amount or dose; numbers of laws and product lots are left alone.
Hand-written: no library knows these French administrative labels.
"""

from __future__ import annotations

import re

from avec.privacy.detection import table_columns, unexplained_numbers  # noqa: F401  (register on import)
from avec.privacy.detection.number_repeats import repeated_numbers
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.record_numbers import quantity_follows
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.word_trie import trie_regex
from avec.privacy.spans import Span

# "no" is a mark only when no letter follows ("NOT/AAH/24/55102" is a code, not "no" + "T/...").
_MARK = r"(?:n°|n[º°]|no(?:\.|(?![^\W\d_]))|num[ée]ro|num\.?|#)"
_OF = r"(?:[ \t]+(?:de[ \t]+la|de|du|des)[ \t]+|[ \t]*d['’][ \t]*|[ \t]+)"
# Who a person-number names: "ID RÉSIDENT", "identifiant usager", "n° de bénéficiaire".
_PERSON_NOUN = (
    r"(?:r[ée]sidente?|usag[eè]re?|b[ée]n[ée]ficiaire|pensionnaire|personne[ \t]+accueillie|cliente?|abonn[ée]e?)"
)
_PERSON_BEFORE = r"(?:\bID|identifiant|code|" + _MARK + r")" + _OF + r"?"
# ... and a pupil's national number ("INE : 090621483KH"), which names the child as an IPP does.
_PERSON_LABEL = (
    r"(?P<ipp>" + _PERSON_BEFORE + _PERSON_NOUN + r"|" + _PERSON_NOUN + r"[ \t]*" + _MARK + r"|(?-i:INE)(?=[ \t]*:))"
)
# A letter's reference: "Réf.", "Nos réf.", "N/Réf.", "V/réf", "Votre référence", "Référence dossier",
# "Notre référence à rappeler", "Réf. courrier". A product's or a publication's reference is refused
# below by its qualifier.
_LETTER_REF = (
    r"(?P<ref>(?:(?:(?:[NV][ \t]*/|nos|vos|notre|votre|mes|ses|sa|leurs?)[ \t]*)?r[ée]f(?:[ée]rences?|s)?\b\.?|"
    r"[àa][ \t]+rappeler)"
    r"(?P<refqual>(?:[ \t]+(?!n°)[^\W\d_][\w'’-]{0,14}){0,5}?))"
)
# A court's numbers: "RG", "R.G.", "répertoire général", "Portalis", "parquet", "minute", "PV", and a
# body's decision or referral ("Décision n° 2024-0312-CDAPH", "N° de saisine : S-25-0417").
_COURT = (
    r"(?P<court>(?-i:RG|R\.G\.)|r[ée]pertoire[ \t]+g[ée]n[ée]ral|portalis|parquet|minute|(?-i:PV)|proc[èe]s-verbal|"
    r"proc[ée]dure|jugement|dossier[ \t]+judiciaire|saisine|requ[êe]te|d[ée]cision|ordonnance)"
)
# A social body's or a service's file: allowance, membership, lease, housing request, transport.
_FILE_NOUN = (
    r"(?P<file>alloc(?:ataire|\.)?(?:[ \t]+(?-i:CAF|Caf|caf|MSA|msa))?|(?-i:CAF|Caf|MSA|NUR|FEI|FSEI)|"
    r"adh[ée]rent|contrat|bail|locataire|"
    r"(?-i:SI-SIAO|SIAO)|(?:via[ \t-]?)?trajectoire|prise[ \t]+en[ \t]+charge|(?-i:PEC)|acc[èe]s|accession|"
    r"bon(?:[ \t]+de[ \t]+(?:transport|prise[ \t]+en[ \t]+charge))?|mesure|signalement|d[ée]claration|sinistre|pension|"
    r"enreg(?:istrement)?\b\.?|fiche(?:[ \t]+(?:de[ \t]+|d['’][ \t]*)?[^\W\d_]{3,14})?|"
    r"carte(?:[ \t]+(?:d['’]invalidit[ée]|mobilit[ée][ \t]+inclusion))?)"
)
# The number: an optional letter prefix, digits, groups joined by "-", "/" or "."; or a Portalis code.
# Also digits in spaced groups, maybe after a short letter prefix ("5008 224 917", "ML 0093 4471"), an
# allowance number and its key letter ("4417829 K"), a code after the writer's initials ("GM/LB 2024-0318").
_VALUE = (
    r"(?-i:(?P<value>[A-Z0-9]{4}-[A-Z]-[A-Z0-9]{3}-[A-Z0-9]{4}"
    # (a last pair closes some membership numbers: "0047 3318 02", "HN 558 012 47")
    r"|(?:[A-Z]{1,4}[ \u00a0])?\d{2,4}(?:[ \u00a0]\d{3,4}){1,3}(?:[ \u00a0]\d{2})?(?!\d|[,.]\d)"
    r"|\d{5,}[ \u00a0][A-Z](?=[ \t]*(?:\n|\Z|[.;,)](?:\s|\Z)))"
    # (a service's letters before a dated serial: "IP 2024/11/08721", "GM/LB 2024-0318"; a court's
    # "RG" or "PV" is a label: "Réf. : RG 11-22-000871" keeps the number alone)
    r"|(?:[A-Z]{1,4}/[A-Z]{1,4}[ \u00a0](?=\d)|(?!(?:RG|PV)[ \u00a0])[A-Z]{1,4}[ \u00a0](?=\d{2,4}[-/.]\d+[-/.]\d))?"
    r"(?:[A-Z]{1,6}[-/]){0,2}(?:[A-Z]{1,6}[-/]?)?\d[\dA-Z]*(?:[-/.][\dA-Z]+)*))"
    r"(?![\w@])"
)
_SPACED = re.compile(r"\d[ \u00a0]\d")
# After the noun: an acronym or "de" and a word ("N° allocataire CAF", "N° de mesure de protection",
# "N° de la décision CDAPH", "N° d'ordonnance de placement"); with "de" a mark or a colon is needed.
_ACRONYM = r"(?-i:[A-Z]{2,6}|Caf)(?![\w-])"
_NOUN_QUALIFIER = (
    r"(?:[ \t]+"
    + _ACRONYM
    + r"|[ \t]+(?:de|d['’])[ \t]*(?:la[ \t]+|l['’])?[^\W\d_]{3,14}(?:[ \t]+"
    + _ACRONYM
    + r")?)?"
)
_OF_WORD = re.compile(r"(?i)[ \t]+d(?:e\b|['’])")
_FILE_QUALIFIER = r"(?P<filequal>" + _NOUN_QUALIFIER + r")"
_COURT_QUALIFIER = r"(?P<courtqual>" + _NOUN_QUALIFIER + r")"
# Between the label and the number: a mark, a colon, a table pipe, a tab, a dotted leader.
_GAP = r"(?P<gap>[ \t]*(?:" + _MARK + r"[ \t]*)?(?:[:=]|\||\.{2,}|…)?[ \t]*(?:" + _MARK + r"[ \t]*)?(?:[:=][ \t]*)?)"
_LABELLED = re.compile(
    r"(?i)(?<![\w/])(?:"
    + _PERSON_LABEL
    + r"|"
    + _LETTER_REF
    + r"|(?:"
    + _MARK
    + _OF
    + r"?)?"
    + _COURT
    + _COURT_QUALIFIER
    + r"|"
    r"(?P<filemark>" + _MARK + _OF + r"?)?" + _FILE_NOUN + _FILE_QUALIFIER + r")" + _GAP + _VALUE
)
# Cheap search first (speed): a word starting like a label, on the folded text (a prefix tree: a
# flat alternation of these 35 words costs six times more).
_QUICK = re.compile(
    r"\b(?:"
    + trie_regex(
        (
            "ref", "rg", "r.g.", "repertoire", "portalis", "parquet", "minute", "pv", "proces", "procedure",
            "jugement", "judiciaire",
            "allocataire", "alloc ", "alloc.", "caf", "nur", "msa", "adherent", "contrat", "bail", "locataire",
            "siao", "si-siao", "viatrajectoire", "trajectoire",
            "prise", "pec", "acces", "bon", "mesure", "signalement", "declaration", "sinistre", "pension",
            "fiche", "fei", "fsei", "carte", "resident", "usage", "beneficiaire", "pensionnaire", "personne",
            "id", "code",
            "identifiant", "rappeler", "saisine", "requete", "decision", "ordonnance", "client", "enreg", "abonne",
            "ine ", "ine:",
        )
    )
    + r")"
)  # fmt: skip
_DIGIT = re.compile(r"\d")
# Qualifiers that name a product, a publication or a rule, not a person's file.
_NOT_A_FILE = re.compile(
    r"(?i)\b(?:produit|article|catalogue|lot|cip|ucd|commande|biblio\w*|has|norme|iso|loi|d[ée]cret|arr[êe]t[ée]|"
    r"circulaire|patient)\b"
)
# A legal text or a batch before a bare "n°": "loi n° 2002-303", "décret n° 2016-1234", "lot n° AB12".
_LEGAL_BEFORE = re.compile(
    r"(?i)\b(?:lois?|d[ée]crets?|arr[êe]t[ée]s?|circulaires?|instructions?|notes?(?:[ \t]+d['’]information)?|"
    r"ordonnances?|directives?|r[èe]glements?|d[ée]lib[ée]rations?|avis|lots?|articles?|s[ée]ries?|"
    r"FINESS|RPPS|ADELI|SIRET|SIREN|agr[ée]ment|autorisation)[ \t]*\Z"
)
_DATE_LIKE = re.compile(
    # (a month before a year: "minute n° 25/1942" numbers a court's act, "11/1942" is a month)
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}|(?:19|20)\d{2}(?:[/.-]\d{1,2}){0,2}"
    r"|(?:19|20)\d{2}[/-](?:19|20)\d{2}"
)


# Court words that are also ordinary words need a mark or a colon before their number.
_COURT_NEEDS_MARK = frozenset(
    {
        "minute",
        "procédure",
        "procedure",
        "jugement",
        "saisine",
        "requête",
        "requete",
        "décision",
        "decision",
        "ordonnance",
    }
)


_LETTERS_BEFORE = re.compile(r"\A[A-Z]{1,4}[ \u00a0]")


def _acceptable(value: str, min_digits: int) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return digits >= min_digits and not _DATE_LIKE.fullmatch(_LETTERS_BEFORE.sub("", value))


@recognizer("reference_number", 84)
def find_reference_numbers(ctx: DetectionContext) -> list[Span]:
    """Reference numbers of letters, courts and social bodies (see the module docstring)."""
    text = ctx.text
    spans: list[Span] = []
    seen_until = -1
    for hit in _QUICK.finditer(ctx.folded):  # the label words first (speed): the full regex runs near them
        lo = max(hit.start() - 16, seen_until, 0)
        if lo >= hit.end():
            continue
        line_end = text.find("\n", hit.end())  # a label and its number share a line
        line_end = len(text) if line_end < 0 else line_end
        if not _DIGIT.search(text, hit.end(), line_end):
            continue
        for m in prefixed_finditer(_LABELLED, text, ctx.folded, lo, line_end):
            span = _labelled_span(text, m)
            if span is not None:
                spans.append(span)
            seen_until = max(seen_until, m.end())
    spans.extend(_lone_mark_codes(text))
    spans.extend(_listed_numbers(text))
    return spans + repeated_numbers(text, spans, "reference_number")


def _labelled_span(text: str, m: re.Match[str]) -> Span | None:
    value, gap = m.group("value"), m.group("gap")
    marked = bool(re.search(r"(?i)n°|n[º°]|no|num|#|:|=|\||\.\.|…", gap))
    if quantity_follows(text, m.end("value")):
        return None  # "Prise en charge : 12 500 €", "pension 1 150,00 €"
    if _SPACED.search(value) and sum(ch.isdigit() for ch in value) < 7:
        return None  # "contrat : 12 345": spaced digits need the length of a file number
    if m.group("ipp"):
        # "Résident n° 147": a home numbers its residents from one
        label, min_digits = "IPP", 3 if marked or re.search(r"(?i)n°|n[º°]|num", m.group("ipp")) else 4
    elif m.group("ref"):
        if _NOT_A_FILE.search(m.group("refqual") or ""):
            return None
        structured = bool(re.search(r"[A-Z]", value) or re.search(r"\d[-/.]\d", value))
        structured = structured or sum(ch.isdigit() for ch in value) >= 8
        if not (marked or structured):
            return None  # "réf 2019": a year, a page; a bare number needs a colon
        label, min_digits = "NDA", 4
    elif m.group("court"):
        needs_mark = m.group("court").lower() in _COURT_NEEDS_MARK or bool(_OF_WORD.match(m.group("courtqual")))
        # a court register's acronym after the word is a label too ("ordonnance RG 24/00311", round 18)
        registered = m.group("courtqual").strip() in ("RG", "PV")
        if needs_mark and not marked and not registered:
            return None  # "une minute 12345", "la procédure 2024": a mark or a colon is needed
        if m.group("court").lower().startswith(("déc", "dec", "ord")) and not re.search(r"[A-Z/]", value):
            return None  # "DÉCISION N° 2024-0614": numbered like an act; "n° 2025-0418-CDAPH" names a file
        label, min_digits = "NDA", 1 if m.group("court").lower() == "portalis" else 4
    else:
        noun = m.group("file").lower()
        # An orientation platform's request ("ViaTrajectoire VT-4471902") is a file without a mark.
        platform = "trajectoire" in noun and bool(re.search(r"[A-Z]|\d[-/]\d|\d{6}", value))
        # A housing request's regional number ("NUR 0930324012345671A") is long enough to need no mark.
        platform = platform or (noun == "nur" and sum(ch.isdigit() for ch in value) >= 10)
        # An adverse-event report of a home or a ward ("FEI 2024/0121", "FEI 2024-VA-067"): its serial
        # is a case number without a mark when written with a slash, a dash or letters (round 18:
        # gold marks 24 FEI numbers as NDA in 9 sets, leaves 2 unmarked).
        platform = platform or (noun in ("fei", "fsei") and bool(re.search(r"[A-Z]|\d[-/]\d", value)))
        if not (marked or m.group("filemark") or platform) or (_OF_WORD.match(m.group("filequal")) and not marked):
            return None  # "contrat 12345", "accès 2024": the noun alone numbers nothing
        if noun.startswith(("acc", "mesure", "carte", "fiche", "charge", "prise", "pension", "sinistre")):
            min_digits = 5
        else:
            min_digits = 5 if not re.search(r"[A-Z]|\d[-/]\d", value) else 4
        label = "NDA"
    if not _acceptable(value, min_digits):
        return None
    start = m.start("value")
    if m.group("file") and not gap and text[start - 1].isalpha():
        start = m.start("file")  # "n° SIAO34-2025-00193": the body's letters glued to the number are part of it
    elif m.group("court") and not gap and text[start - 1].isalpha():
        start = m.start("court")  # "PV24-0381": a report's letters glued to its number are part of it
    return Span(start, m.end("value"), label, 0.9, "reference_number")


# A bare "n°" before a lettered code: "Fiche de dépôt n° OT-2024-0452", "(Laboratoire X, n° AP24-15592)".
# ... and a bare "n°" before 8+ digits in groups: "dossier MDPH déposé (n° 26-2024-018833)".
# ... and a prefecture's individual act, numbered département-date-serial ("ARRÊTÉ N° 2A-2024-11-21-0087").
_LONE_MARK_CODE = re.compile(
    r"(?<![\w])(?:[nN]°|[nN][º°])[ \t]*"
    r"(?P<value>(?P<act>(?:\d{2,3}|2[AB])-20\d{2}-\d{2}-\d{2}-\d{3,6}(?![\w@/-]))|"
    r"[A-Z]{1,6}-?\d[\dA-Z]*(?:[-/.][\dA-Z]+)*|\d{2,}(?:[-/]\d{2,})+)(?![\w@/-])"
)


_PHONE_LIKE = re.compile(r"0\d(?:[-/]\d{2}){4}")
# A year and a serial ("FEI n° 2025-0183", "Scellé n° 2026-3381"): an event's or an object's number.
_YEAR_SERIAL = re.compile(r"(?:19|20)\d{2}[-/]\d+")


def _lone_mark_codes(text: str) -> list[Span]:
    if "n°" not in text and "nº" not in text and "N°" not in text:
        return []
    spans = []
    for m in _LONE_MARK_CODE.finditer(text):
        value = m.group("value")
        digits = sum(ch.isdigit() for ch in value)
        if m.group("act"):  # an individual act names a person's case, whatever the word before
            spans.append(Span(m.start("value"), m.end("value"), "NDA", 0.85, "reference_number"))
            continue
        if digits < (5 if value[0].isalpha() else 8) or _LEGAL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if _DATE_LIKE.fullmatch(value) or _PHONE_LIKE.fullmatch(value) or _YEAR_SERIAL.fullmatch(value):
            continue  # "n° 06-12-34-56-78" is a phone (patterns.py), "n° 12/03/2024" a date
        if quantity_follows(text, m.end("value")):
            continue
        spans.append(Span(m.start("value"), m.end("value"), "NDA", 0.85, "reference_number"))
    return spans


# A label closing its line, then one number per line: "a 2 IPP :\n- 250331207 créé ...\n- 250018846".
_LIST_LABEL = re.compile(
    r"(?i)(?<![\w])(?P<label>IPP|NIP|NDA|(?:n°|num[ée]ros?)[ \t]*(?:de[ \t]+)?(?:s[ée]jours?|dossiers?|venues?|"
    r"passages?|patient))s?[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*:[ \t]*\n"
)
_LIST_ITEM = re.compile(
    r"[ \t]*(?:[-–•*·][ \t]*)?(?-i:(?P<value>(?:[A-Z]{1,5}[-/]?)?\d[\dA-Z]*(?:[-/.][\dA-Z]+)*))(?![\w/])[^\n]*(?:\n|\Z)"
)


def _listed_numbers(text: str) -> list[Span]:
    if ":\n" not in text and ": \n" not in text:
        return []
    spans = []
    for m in _LIST_LABEL.finditer(text):
        word = m.group("label").upper()
        label = "IPP" if word in ("IPP", "NIP") or "PATIENT" in word else "NDA"
        pos = m.end()
        for _ in range(10):  # a list of a few numbers, one per line
            item = _LIST_ITEM.match(text, pos)
            if item is None:
                break
            value = item.group("value")
            if sum(ch.isdigit() for ch in value) < 5 or _DATE_LIKE.fullmatch(value):
                break
            if quantity_follows(text, item.end("value")):
                break
            spans.append(Span(item.start("value"), item.end("value"), label, 0.88, "reference_number"))
            pos = item.end()
    return spans
