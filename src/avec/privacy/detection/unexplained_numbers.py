"""Record numbers no label explains: long codes standing alone, and codes a few words after a key.

Hospital, social and administrative papers are full of numbers of kinds no rule knows by name:
an invoice ("facture n° 2024/FAC/118022", "HCL-F-24-330912", "F2023-044871"), a revenue title
("Titre T-2024-06631"), a complaint ("R24-077"), a stay quoted from a discharge paper ("numéro de
séjour indiqué sur mon bulletin de sortie : 24011873"), a housing request ("N° unique de demande
de logement social : 0930923102458271"), a register line in a list or a table ("- 2406001812 –
LAURENT Gisèle", "| 1186544 | ..."). Two readings:

* a key word or phrase for a number (n°, numéro, réf., dossier, facture, titre, demande,
  allocataire, entrée, séjour, passage, RSS...), then within a few words on the same line (maybe a
  bracket, a colon or "est le") a code with five digits or more: NDA, or IPP when the key names the
  patient ("IPP communiqué par votre service : 5600213378", "numéro patient ... est le 8003417262");
* a code that explains itself by its length and shape, wherever it stands: seven digits or more
  in one run or in dashed groups, or letters glued to five digits or more ("23C18877", "R24-077").
  Such a value is no phone (0X + 8 digits), no date, year range or timestamp, no amount, dose or
  count (a unit after it), no code of a disease, an act or a stay group (CIM-10, CCAM, GHM), and no
  number of a structure or a product after its key (FINESS, RPPS, ADELI, SIRET, lot, CIP...).
  Other rules win an overlap (low priority); the NIR and phone rules run before at higher priority.

Hand-written: no library knows these French record numbers.
"""

from __future__ import annotations

import re

from avec.privacy.detection.number_repeats import repeated_numbers
from avec.privacy.detection.record_numbers import quantity_follows
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.spaced_numbers import grouped_value_end
from avec.privacy.spans import Span

# A code: up to three letter groups, then digits and letters in groups joined by "-" or "/".
_CODE = r"(?:[A-Z]{1,6}[-/]?){0,3}\d[\dA-Z]*(?:[-/][\dA-Z]+)*"
_CODE_RX = re.compile(r"(?<![\w@/.:+-])(?P<value>" + _CODE + r")(?![\w@]|[-/.,]\w)")
# Anchor of the shape reading: five digits in a run, or digit groups joined (cheap C search).
_FIVE = re.compile(r"\d{5}|\d\d[-/]\d{3}")
# Keys of a number (folded text): a mark, "réf", a record's noun, a register's noun.
_KEY = re.compile(
    r"(?<![\w])(?P<key>n°|nº|no\b|num(?:ero)?s?\b|ref(?:erence)?s?\b|dossiers?|factures?|"
    r"titres?(?![ \t]+de[ \t]+sejour)|demandes?|allocataire|entree|sejours?|venues?|passages?|pass\b|"
    r"rss|rum|mesures?|ipp|nip|nda|reclamations?|plaintes?|identifiant)"
)
# Between the key and the value: words, a bracket, a colon, "est le"; no digit, no sentence end.
_AFTER_KEY = re.compile(
    r"(?:[^\d\n.;!?]|\.(?![ \t]+[A-Z][a-z])){0,48}?(?<![\w@/.+-])(?P<value>" + _CODE + r")(?![\w@]|[-/.,]\w)"
)
# Keys and words naming a structure's, a professional's, a product's or a rule's number, or a phone.
_NOT_A_RECORD = re.compile(
    r"(?i)(?<![\w])(?:finess|rpps|adeli|siret|siren|ape|naf|tva|iban|bic|rib|compte|lot|cip|ucd|ean|isbn|issn|"
    r"doi|pmid|nct|eudract|lois?|d[ée]crets?|arr[êe]t[ée]s?|articles?|circulaires?|d[ée]lib[ée]rations?|agr[ée]ment|autorisation|"
    r"t[ée]l[ée]?(?:phone)?|tel|fax|portable|mobile|s[ée]rie|mod[èe]le|version|licence|ordre|am|ss|s[ée]cu(?:rit[ée])?|"
    r"nir|ins|insee|code|cim|ccam|ghm|ghs|brevet|colis|commande|chambre|lit|bureau|salle|poste|bip|dect|cerfa|uf|"
    r"tubes?|pr[ée]l[èe]vements?|[ée]chantillons?|flacons?|art\.?|[LRD]\.|produits?|d[ée]signation|"
    r"r[ée]f[ée]rences?[ \t]+produit|mat[ée]riel|dispositif|"
    # A professional's certification ("opérateur certifié n°"), a prescription pad ("ordonnance sécurisée n°").
    r"op[ée]rat(?:eur|rice)s?|certifi[ée]e?s?|agr[ée][ée]e?s?|s[ée]curis[ée]e?s?|"
    # An insurer's or a public creditor's own number ("n° AMC", "identifiant collectivité", PayFiP), a
    # device's inventory number, a batch of trial kits.
    r"amc|amo|collectivit[ée]s?|payfip|tipi|inventaire|kits?)(?![\w])"
)
_MARK_IN_GAP = re.compile(r"(?i)n°|nº|num[ée]ro|:|\(|\best\b")
_STRONG_KEYS = frozenset({"ipp", "nip", "nda"})
_BARE_MARKS = frozenset({"n°", "nº", "no", "num", "nums", "numero", "numeros"})
_PATIENT_KEY = re.compile(r"(?i)(?<![\w])(?:ipp|nip|patiente?|identifiant[ \t]+(?:du[ \t]+)?patient)(?![\w])")
_OCR_DIGITS = str.maketrans({"O": "0", "I": "1", "l": "1"})
_DATE_LIKE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}(?:[/.-]\d{1,2}){0,2}"
    r"|(?:19|20)\d{2}[/-](?:19|20)\d{2}"
)
# A compact date or timestamp: 20240312, 202403121430, 20240312143000.
_COMPACT_DATE = re.compile(
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}"  # 12032024: day, month, year
)
# A professional's RPPS number (eleven digits opening with 10), printed under a signature without its key.
_RPPS = re.compile(r"10\d{9}")
# A full date at the start of a longer token: "2026-11-29T14:30:00".
_DATE_START = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}T|\d{2}/\d{2}/(?:19|20)\d{2}")
# Digits in short groups: a range, a pressure, an article ("1210-1240", "152/88", "3212-3").
_SHORT_GROUPS = re.compile(r"\d{1,4}(?:[-/]\d{1,4})+")
# A lab's request number: "N° de demande : 2410220431" numbers a sample, not the patient's case.
_SAMPLE_REQUEST_BEFORE = re.compile(r"(?i)n°[ \t]*(?:de[ \t]+)?demande[ \t]*:?[ \t]*\Z")
# An HL7 segment line: hl7.py reads it field by field.
_HL7_LINE = re.compile(r"[A-Z][A-Z0-9]{2}\|")
# A medicine's or a device's code (CIP, ACL, UCD: "34009..."), a batch, a serial number.
_PRODUCT_CODE = re.compile(r"(?i)3400\d{6,9}|(?:lot|sn|s/n|ref|cip|ucd|ean)[-/ ]?\w*")
_PHONE = re.compile(r"0[1-9]\d{8}|(?:0033|33)\d{9}")
# Codes of a disease, an act or a stay group: "I50.0", "EBLA003", "05M092", "07C14J".
_MEDICAL_CODE = re.compile(r"[A-Z]\d{2}(?:\.\d+)?|[A-Z]{4}\d{3}|\d{2}[A-Z]\d{2}[\dA-Z]|\d{2}[A-Z]\d{3}")
# After the value: a unit or a ratio says it is a measure ("1250000 copies/mL", "350000/mm3").
_UNIT_AFTER = re.compile(r"(?i)[ \t]?(?:/|ui\b|u\b|copies|cp\b|log\b|cellules|[µu]g|mmol|pg|ng|fois\b|x\b|habitants)")


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _refused(text: str, value: str, start: int, end: int) -> bool:
    """A date, a phone, an amount, a measure or a medical code, not a record number."""
    if _DATE_LIKE.fullmatch(value) or _COMPACT_DATE.fullmatch(value) or _PHONE.fullmatch(value):
        return True
    if _DATE_LIKE.fullmatch(value.translate(_OCR_DIGITS)):
        return True  # "O9/11/1983", "2O/04/2024": a date read by OCR (round 18: they were NDA)
    if _DATE_START.match(value) or (_SHORT_GROUPS.fullmatch(value) and _digits(value) < 9):
        return True
    if text.startswith("*", end):
        return True  # a form's number: "cerfa n° 14732*03"
    if value.isdigit() and _SAMPLE_REQUEST_BEFORE.search(text, max(0, start - 24), start):
        return True  # "N° de demande : 2410220431" on a lab report numbers a sample
    if _MEDICAL_CODE.fullmatch(value) or _PRODUCT_CODE.fullmatch(value) or _RPPS.fullmatch(value):
        return True
    return quantity_follows(text, end) or bool(_UNIT_AFTER.match(text, end))


def _self_explaining(value: str) -> bool:
    """Seven digits or more in a run or in dashed groups; letters glued to five digits or more."""
    digits = _digits(value)
    if any(ch.isalpha() for ch in value.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        return digits >= 5  # letters before or among the digits: "23C18877", "R24-077"
    if value.isdigit():
        return digits >= 7  # one run of seven digits
    return digits >= 8  # digits in groups ("24-087543"), or a letter after them ("12553I", an isotope)


def _keyed(text: str, folded: str) -> list[Span]:
    spans: list[Span] = []
    for k in _KEY.finditer(folded):
        m = _AFTER_KEY.match(text, k.end())
        if m is None:
            continue
        end = grouped_value_end(text, m.start("value"), m.end("value"))  # "séjour 24 003 117"
        value = text[m.start("value") : end]
        # "IPP SJ-1187": after the patient's or the stay's own key, a lettered code of four digits.
        strong = k.group("key") in _STRONG_KEYS and m.start("value") - k.end() <= 4 and value[0].isalpha()
        if _digits(value) < (4 if strong else 5) or _refused(text, value, m.start("value"), end):
            continue
        plain = not any(ch.isalpha() for ch in value)
        if plain and _digits(value) < 7 and not _MARK_IN_GAP.search(text, k.start(), m.start("value")):
            continue  # "la demande 12345": five or six bare digits need a mark or a colon
        if plain and not value.isdigit() and k.group("key") in _BARE_MARKS and _digits(value) < 8:
            continue  # "n° 24/11902" after a word no rule knows: reference_numbers.py judges it
        window = text[max(0, k.start() - 24) : m.start("value")]
        if _NOT_A_RECORD.search(window):
            continue
        label = "IPP" if _PATIENT_KEY.search(window) else "NDA"
        spans.append(Span(m.start("value"), end, label, 0.8, "unexplained_number"))
    return spans


def _bare(text: str, taken: set[int]) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    while True:
        five = _FIVE.search(text, pos)
        if five is None:
            break
        # Back up to the start of the token holding these digits.
        start = five.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/") and five.start() - start < 24:
            start -= 1
        m = None
        for s in range(start, five.start() + 1):
            m = _CODE_RX.match(text, s)
            if m is not None and m.end() >= five.end():
                break
            m = None
        if m is None:
            pos = five.end()
            while pos < len(text) and text[pos].isalnum():
                pos += 1
            continue
        pos = m.end()
        value = m.group("value")
        if m.start() in taken or not _self_explaining(value) or _refused(text, value, m.start(), m.end()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _HL7_LINE.match(text, line_start):
            continue
        window = text[max(line_start, m.start() - 30) : m.start()]
        if _NOT_A_RECORD.search(window):
            continue
        label = "IPP" if _PATIENT_KEY.search(window) else "NDA"
        spans.append(Span(m.start(), m.end(), label, 0.7, "unexplained_number"))
    return spans


@recognizer("unexplained_number", 72)
def find_unexplained_numbers(ctx: DetectionContext) -> list[Span]:
    """Codes a few words after a number's key, and long codes standing alone (module docstring)."""
    text = ctx.text
    keyed = _keyed(text, ctx.folded)
    taken = {s.start for s in keyed}
    spans = keyed + _bare(text, taken)
    return spans + repeated_numbers(text, spans, "unexplained_number")
