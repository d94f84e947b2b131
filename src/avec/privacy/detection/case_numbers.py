"""Case, request and examination numbers in shapes the record rules leave out (round 14).

- the noun before its mark: "EXAMEN N° : B24.019877", "Plainte n° 2024/7731",
  "Sinistre n° AT-2024-00117", "Devis n° 2025-0311" (the record rules read "N° examen", the mark first);
- a mark, "de"/"d'" and a judicial noun before a colon and a code with its office's acronym:
  "N° d'instruction : JI 24/00918", "N° de procédure : PV 2024/01288";
- a request or a file whose code opens with its office's acronym and a space: "Réquisition PV
  03317/2024", "dossier AP 2022/00415" (the acronym belongs to the number, as the sets mark it;
  "RG" and "SS" stay outside, the register's name, as the sets mark "RG 22/01356");
- a short file number after "dossier n°": "dossier n° 5127" (four digits, no year);
- the patient's number after "IPP" and a qualifier when it looks like a phone ("IPP CHU :
  0934418260"), a file's number after its label ("Dossier n° 0611702245", "N° de retraité : 0170 5521
  38"): the label says what it is, so it wins over the phone rule.

All are ``NDA`` but the last (``IPP``). Safe because each needs an explicit case noun and a mark or
an acronym next to the value; values are never a date, a bare year or a quantity. Hand-written: no
library knows these French labels.
"""

from __future__ import annotations

import re

from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.record_numbers import quantity_follows
from avec.privacy.detection.registry import PRIORITIES, DetectionContext, recognizer
from avec.privacy.spans import Span

_MARK = r"(?:n°|n[º°]|no\.|num[ée]ro|num\.)"
_CODE = r"(?-i:(?:[A-Z]{1,4}[ .-]?)?\d[\dA-Z]*(?:[./-][\dA-Z]+)*)"
# "Dossier n° 0622400387", "N° de dossier : 0352401877", "N° de retraité : 0150 4478 21": a number after a file
# label, even shaped like a phone (a debt commission's or a pension fund's); a lab's "N° de demande" stays, as
# the older sets and tests/privacy/test_formats_round3_dates_numbers.py want.
_FILE_PHONE_SHAPE = re.compile(
    r"(?i)(?<![\w])(?:dossier[ \t]+" + _MARK + r"|" + _MARK + r"[ \t]*(?:de[ \t]+|d['’][ \t]*)?"
    r"(?:dossier|retrait[ée]e?|allocataire|adh[ée]rent(?:e)?|pension))[ \t]*:?[ \t]*"
    r"(?P<value>0\d{9}|0\d{3}[ .]\d{4}[ .]\d{2}|\d{10})(?![\w@/-])"
)
_NOUN_MARK = re.compile(
    r"(?i)(?<![\w])(?:examen|requ[êe]te|plainte|sinistre|saisine|signalement|proc[ée]dure|instruction|devis)"
    r"[ \t]+" + _MARK + r"[ \t]*:?[ \t]*(?P<value>" + _CODE + r")(?![\w@])"
)
# (a body's acronym names the body, not the code: "RG 22/01356", "Dossier SAMU 2511-044192", "dossier MDPH 24-1187")
_BODY = r"(?:RG|SS|SAMU|SMUR|CAF|MDPH|ASE|HAD|CPAM|MSA|PASS|SPIP|SMPR|UDAF|CHU|CH|SDIS|PMI|CCAS|AEMO)(?![A-Z])"
_ACRONYM_CODE = r"(?-i:(?!" + _BODY + r")[A-Z]{2,4})[ \t]\d{2,6}[/-]\d{2,6}"
_MARK_JUDICIAL = re.compile(
    r"(?i)(?<![\w])" + _MARK + r"[ \t]*(?:d['’][ \t]*|de[ \t]+)?(?:instruction|proc[ée]dure|plainte)[ \t]*:?[ \t]*"
    r"(?P<value>" + _ACRONYM_CODE + r")(?![\w@/-])"
)
_CASE_ACRONYM = re.compile(
    r"(?i)(?<![\w])(?:r[ée]quisition|dossier|affaire|proc[ée]dure|plainte)[ \t]+(?:" + _MARK + r"[ \t]*)?"
    r"(?P<value>" + _ACRONYM_CODE + r")(?![\w@/-])"
)
_SHORT_FILE = re.compile(
    r"(?i)(?<![\w])dossier[ \t]+" + _MARK + r"[ \t]*:?[ \t]*(?P<value>(?!(?:19|20)\d\d(?![\d]))\d{4})(?![\w@/.,-])"
)
_IPP_PHONE = re.compile(
    r"(?<![\w])(?:IPP|NIP)(?:[ \t]+(?-i:[A-Z][\w'’.-]{1,14})){0,3}[ \t]*:[ \t]*(?P<value>0[1-9]\d{8})(?![\w@/-])"
)
_DATE_LIKE = re.compile(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:19|20)\d{2}(?:[/.-]\d{1,2})?")  # "2024-07": a month


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


@recognizer("case_number", 86)
def find_case_numbers(ctx: DetectionContext) -> list[Span]:
    """Case, request and examination numbers (module docstring), and an IPP shaped like a phone."""
    text, folded, out = ctx.text, ctx.folded, []
    found: list[re.Match[str]] = []
    if "n°" in folded or "no." in folded or "num" in folded or "nº" in folded:
        found += [m for m in prefixed_finditer(_NOUN_MARK, text, folded) if _digits(m.group("value")) >= 4]
        found += list(prefixed_finditer(_MARK_JUDICIAL, text, folded))
        if "dossier" in folded:
            found += list(prefixed_finditer(_SHORT_FILE, text, folded))
    if (
        "requisition" in folded
        or "dossier" in folded
        or "affaire" in folded
        or "procedure" in folded
        or ("plainte" in folded)
    ):
        found += list(prefixed_finditer(_CASE_ACRONYM, text, folded))
    for m in found:
        value = m.group("value")
        if _DATE_LIKE.fullmatch(value) or quantity_follows(text, m.end("value")):
            continue
        out.append(Span(m.start("value"), m.end("value"), "NDA", 0.92, "case_number"))
    if ("dossier" in folded or "retraite" in folded or "allocataire" in folded) and (
        "n°" in folded or "no" in folded or "num" in folded
    ):
        out += [
            Span(m.start("value"), m.end("value"), "NDA", 0.95, "ipp_phone_shape")
            for m in prefixed_finditer(_FILE_PHONE_SHAPE, text, folded)
        ]
    if "IPP" in text or "NIP" in text:
        out += [
            Span(m.start("value"), m.end("value"), "IPP", 0.95, "ipp_phone_shape")
            for m in prefixed_finditer(_IPP_PHONE, text, folded)
        ]
    return out


# The label says what the number is: above the phone rule (90).
PRIORITIES["ipp_phone_shape"] = 91
