"""Record numbers named by the noun of a stay or a case, and the lists that follow them.

Hospital, emergency and care-at-home papers number every stay and every case, and name the
number by its noun in many ways: "Séjour S24-03318", "venue n° V24000913", "séjour en cours :
241009377", "Séjours rattachés : 219004512 (HDJ ...), 223011874", "les séjours clos (n° 23081907
et 24122231)", "passage n° U24-081143", "Intervention n° 2026-041877", "N° d'appel : 24-5567891",
"Régulation R2402-11873", "Affaire n° 26-213-01952", "Dossier n° CAP69-2026-118403", "dossier
2A-26-07781", "dossier client AMD-33-20871", "Réf. demande : TE-26-03-0418" (a
request about the patient: tele-expertise, transport, bed), "IPP définitif 8012447390". The configured
context words ("N° de séjour", "NDA") cover the label-first forms; this module covers the
noun-first ones, with up to two qualifier words, and every further number of the same list.

A number is an NDA unless its noun names the patient (IPP, NIP, "dossier patient", "dossier client").
A lettered code ("R2402-11873") needs no "n°" even where a bare number would. The value must
hold at least five digits and be no date, year range, amount, duration or dose.
Hand-written: no library knows these French record labels.
"""

from __future__ import annotations

import re

from avec.privacy.detection.number_repeats import repeated_numbers
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.spaced_numbers import grouped_value_end, spaced_value_end
from avec.privacy.spans import Span

# Nouns of a stay or a case (singular or plural, any case); "hospit." and "Séj." (round 18: "IPP
# 870345921   Séj. 23187456", "SEJ 2300918844") are the usual abbreviations.
_NOUN = (
    r"(?P<noun>s[ée]jours?|s[ée]j\.?(?![\w])|venues?|passages?|hospitalisations?|hospit\.|admissions?|[ée]pisodes?|"
    r"interventions?|inter\.?|appels?|affaires?|dossiers?|demandes?|consultations?|parquet|ASE|AEMO|CRIP|MDPH|PJJ|SPIP|DRM|r[ée]gulation|IPP|NIP|NDA)"
)
# Words that may stand between the noun and the number: adjectives and participles ("rattachés",
# "en cours", "clos", "définitif"), an acronym of a unit or a site ("HDJ", "SAU", "HUS"), "patient".
_QUALIFIER = (
    r"(?:en[ \t]+cours|d['’]origine|de[ \t]+r[ée]f[ée]rence|du[ \t]+patient|de[ \t]+la[ \t]+patiente?|"
    r"(?!(?:du|de|des|le|la|les|au|aux|en|et|ou|pour|sur|avec|dans|par|sans|entre|depuis|est|a|ont|sont|"
    r"qui|que|ce|cet|cette|son|sa|ses|leur|un|une|non|pas|n°|no)(?![\w]))[^\W\d_](?:[^\W\d_]|['’.-]){1,15}(?![\w]))"
)
# The number: an optional letter prefix, digits, groups joined by "-", "/" or "." ("HAD25/0291").
_VALUE = r"(?-i:(?P<value>(?:[A-Z]{1,5}[-/]?)?\d[\dA-Z]*(?:[-/.][\dA-Z]+)*))"
_NUMBER_MARK = r"(?:n°|n[ºo°]\.?|num[ée]ro|num\.?|#)"
_LABELLED = re.compile(
    r"(?<![\w])" + _NOUN + r"(?P<quals>(?:[ \t]+" + _QUALIFIER + r"){0,2})"
    r"(?P<sep>[ \t]*\(?[ \t]*(?::[ \t]*(?=n))?(?:" + _NUMBER_MARK + r"[ \t]*)?[:=]?[ \t]*)" + _VALUE + r"(?![\w])",
    re.IGNORECASE,
)
_NOUN_FOLDED = re.compile(
    r"(?<![\w])(?:sej|venue|passage|hospit|admission|episode|inter|appel|affaire|dossier|demande|consultation|parquet|ase|aemo|crip|mdph|pjj|spip|drm|"
    r"regulation|ipp|nip|nda)"
)
_VALUE_RX = re.compile(_VALUE + r"(?![\w])")
# (a colon may come before the mark: "Séjours : N° 4401893 / N° 4401894", round 19)
# Between two numbers of one list: a bracketed note, then a comma, "et", "ou", "/" or ";".
_LIST_GAP = re.compile(r"(?:[ \t]*\([^()\n]{0,80}\))?[ \t]*(?:,|;|/|&|\bet\b|\bou\b)[ \t]*(?:n°[ \t]*)?")

_DATE_LIKE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}[/.-]\d{1,2}(?:[/.-]\d{1,2})?"
    r"|(?:19|20)\d{2}[/-](?:19|20)\d{2}|\d{8}T\d+"
)
# After the number: an amount, a duration, a dose or a unit says it is a quantity.
_QUANTITY_AFTER = re.compile(
    r"(?i)[ \t]?(?:[,.]\d|€|eur\b|euros?\b|%|h\d|h\b|min\b|mg\b|ml\b|kg\b|g\b|ans?\b|mois\b|jours?\b|nuits?\b|"
    r"km\b|m\b)"
)
_PATIENT_NOUN = re.compile(r"(?i)IPP|NIP|patient|client")
# A code of letters glued to digits, in groups: "R2402-11873", "AMD-33-20871", "HAD25-0291", or
# eight digits or more in dashed groups ("2402-118734"): a reference, not a year, a count or a
# dose, even without "n°".
_LETTERED = re.compile(r"[A-Z]{1,5}-?\d{2,}(?:[-/.]\d+)+|[A-Z]{1,5}\d{5,}|(?=(?:-?\d){8})\d{2,}(?:-\d{2,})+")
# "Réf. demande :", "Référence de la demande :": a request named as the patient's reference.
_REFERENCE_BEFORE = re.compile(r"(?i)\br[ée]f(?:[ée]rence)?\.?[ \t]*(?:de[ \t]+(?:la[ \t]+)?)?\Z")
# Bodies that open a case about a child or an adult ("Réf. ASE : 2022-63-04871", "N° MDPH : ..."):
# their name counts as a noun only after "Réf." or a number mark.
_CASE_BODY = frozenset({"ase", "aemo", "crip", "mdph", "pjj", "spip"})
_MARKED_SEP = re.compile(r"(?i)n°|n[ºo°]|num|#|:|=|\(")
# A number mark written before the noun: "n° de demande 24H-07731", "n° de pré-admission PA-24-03117".
_MARK_BEFORE = re.compile(r"(?i)(?:n°|n[º°]|num[ée]ro)[ \t]*(?:de[ \t]+|d['’][ \t]*)?(?:pr[ée]-?)?\Z")
# A request numbered with letters or groups ("D-2025-044127", "25A0412287", "971-25-000843") is a
# case file's reference, and so is a run of eight digits or more after a marked "demande" ("n° demande
# 2403061147", also OCR-spaced; writers mark it 3 times in 4). A shorter bare number is left.
_STRUCTURED_VALUE = re.compile(r".*(?:[A-Z]|\d[-/]\d).*")


def quantity_follows(text: str, pos: int) -> bool:
    """True when an amount, a duration, a dose or a unit follows ``pos`` ("12 500,00 €", "123456 km")."""
    return bool(_QUANTITY_AFTER.match(text, pos))


def _is_record_number(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    if digits < 5 or _DATE_LIKE.fullmatch(value):
        return False
    return not re.fullmatch(r"\d{1,4}", value)


def _same_shape(first: str, other: str) -> bool:
    """Two numbers of one list look alike: as many digits (within two), the same letter prefix kind."""
    d1, d2 = sum(c.isdigit() for c in first), sum(c.isdigit() for c in other)
    return abs(d1 - d2) <= 2 and first[:1].isdigit() == other[:1].isdigit()


@recognizer("record_number", 85)
def find_record_numbers(ctx: DetectionContext) -> list[Span]:
    """Numbers after the noun of a stay or a case ("séjour en cours : 241009377"), and the list after it."""
    text = ctx.text
    spans: list[Span] = []
    for hit in _NOUN_FOLDED.finditer(ctx.folded):  # cheap search on the folded copy first (speed)
        m = _LABELLED.match(text, hit.start())
        if m is None:
            continue
        value = m.group("value")
        quals, sep = m.group("quals").strip(), m.group("sep")
        marked = bool(_MARKED_SEP.search(sep)) or bool(_MARK_BEFORE.search(text, max(0, m.start() - 16), m.start()))
        patient_noun = m.group("noun").upper() in ("IPP", "NIP")
        lettered = _LETTERED.fullmatch(value) is not None
        if quals and not marked and not lettered and (not patient_noun or sum(c.isdigit() for c in value) < 6):
            continue  # "séjour HDJ 2019" needs a mark; "IPP définitif 8012447390", "dossier client AMD-33-20871" do not
        if m.group("noun").lower() in _CASE_BODY and not (
            _MARK_BEFORE.search(text, max(0, m.start() - 16), m.start())
            or _REFERENCE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        ):
            continue  # "l'ASE 2024" or a unit named "MDPH 59": a body named, no case number
        value_end = grouped_value_end(text, m.start("value"), m.end("value"))  # "Séjour 24 003 117"
        if marked:  # "N° dossier : 2 4 -SDT- 0 31 8" (OCR)
            value_end = max(value_end, spaced_value_end(text, m.start("value")))
        value = text[m.start("value") : value_end]
        if (
            m.group("noun").lower().startswith("demande")
            and not (marked and (_STRUCTURED_VALUE.fullmatch(value) or sum(c.isdigit() for c in value) >= 8))
            and not _REFERENCE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        ):
            continue  # "demande n° 2024": a request needs a mark and a lettered, grouped or long number
        needs_mark = (
            m.group("noun")
            .lower()
            .startswith(("hospit", "admission", "affaire", "inter", "appel", "r", "demande", "consultation", "parquet"))
        )
        if needs_mark and not marked and not quals and not lettered:
            continue  # "hospitalisation 2023-145" without "n°" reads as a date or a count
        if not _is_record_number(value) or _QUANTITY_AFTER.match(text, value_end):
            continue
        if not marked and sum(c.isdigit() for c in value) < 6 and not re.search(r"[A-Z]", value):
            continue  # a bare five-digit number after a noun is more often a postcode or a count
        label = "IPP" if _PATIENT_NOUN.search(m.group("noun") + " " + quals) else "NDA"
        spans.append(Span(m.start("value"), value_end, label, 0.92, "record_number"))
        pos = value_end
        while True:  # "219004512 (HDJ ...), 223011874", "n° 23081907 et 24122231"
            gap = _LIST_GAP.match(text, pos)
            if not gap:
                break
            nxt = _VALUE_RX.match(text, gap.end())
            if not nxt or not _same_shape(value, nxt.group("value")) or not _is_record_number(nxt.group("value")):
                break
            if _QUANTITY_AFTER.match(text, nxt.end()):
                break
            spans.append(Span(nxt.start("value"), nxt.end("value"), label, 0.9, "record_number"))
            pos = nxt.end()
    return spans + repeated_numbers(text, spans, "record_number")
