"""Numbers of the papers written about one person: prison registers, acts, invoices, events, files.

Social, legal and care papers quote the number of the paper that concerns the person, in shapes
the record and reference rules leave out:

* a prison register number ("écrou 24581", "N° écrou : 2023/5512", "Écrou : 31 602", "n° d'écrou
  447 219"): digits, maybe in two groups, maybe a year and a serial;
* an individual act or event with a mark ("ARRÊTÉ n° 2024-SPDRE-03187", "arrêté préfectoral n°
  SDRE-83-2024-0219", "Acte n° 2024-1318", "facture du taxi n° 2023-1187", "FEI faite (n°
  2024-118)", "contrat n° 6012 8841 207", "n° de prélèvement CY24-00713"); an "arrêté" needs a
  letter group in its number (a regulation "arrêté n° 2016-1234" stays), a sample needs letters;
* a file with a short lettered code ("Dossier CO-7741", "Dossier : ORL-O.R-5813", "N° dossier
  cabinet : P-3120"), the patient's own code ("Code patient BL-771045", "IPP CHU attribué à
  l'arrivée : 3400981276": IPP);
* a reference whose code opens with an acronym of three letters or more and a space, or glued
  ("V/Réf : JAP 2024/00562", "Réf. SPIP : APPI 67/2023/001847", "réf SPIP38-2024-3312"): the
  whole code ("Réf. : AS 2025-31-0442": a two-letter role, the digits only);
* a case's code after "n°" that opens with its office's acronym and a space ("Réquisition n° PV
  2024/001873", "information judiciaire n° JI 25/000219"): the whole code;
* a registered letter's tracking number ("Lettre recommandée avec AR n° 1A 187 452 3390 8", "LRAR
  n° 2C 145 778 0912 4", "LR/AR RR123456789FR"): it names one letter sent to one person.

Values are no date, amount, dose or act code (CCAM "HHFA016"). Hand-written: no library knows
these French labels.
"""

from __future__ import annotations

import re

from avec.privacy.detection.number_repeats import repeated_numbers
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.record_numbers import quantity_follows
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.spaced_numbers import spaced_value_end
from avec.privacy.spans import Span

_MARK = r"(?:n°|n[º°]|no\.|num[ée]ro|num\.)"
# A code: letter groups and digit groups joined by "-", "/" or "." ("ORL-O.R-5813", "CY24-00713").
_CODE = r"(?-i:[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9]))*)"
# Digits in spaced groups: "6012 8841 207", "447 219", "31 602".
_SPACED = r"\d{1,4}(?:[ \u00a0]\d{3,4}){1,3}(?![\d/])"

# Prison register: "écrou", "n° d'écrou", "numéro d'écrou", "N° écrou".
_ECROU = re.compile(
    # (round 14: a qualifier or the register's acronym may come between, "écrou départ : 70348", "écrou CNE 104518")
    r"(?i)[ée]crou(?:[ \t]*" + _MARK + r")?(?:[ \t]+(?!n°)[^\W\d_]{2,10}){0,2}?[ \t]*:?[ \t]*"
    r"(?P<value>" + _SPACED + r"|\d{3,}(?:/\d{2,})?|(?=[A-Z0-9/.-]*\d)" + _CODE + r")(?![\w])"
)
# An act, an event, an invoice or a contract, then up to three words, then a mark.
_ACT = re.compile(
    r"(?i)(?P<noun>arr[êe]t[ée]s?|actes?|factures?|(?-i:FEI)|contrats?|sinistres?|"
    r"pr[ée]l[èe]vements?)"
    r"(?P<quals>(?:[ \t]+(?!n°|n[º°])[^\W\d_][\w'’-]{0,14}){0,3}?)[ \t]*\(?[ \t]*"
    + _MARK
    + r"[ \t]*(?:de[ \t]+)?:?[ \t]*"
    r"(?P<value>" + _SPACED + r"|" + _CODE + r")(?![\w@])"
)
_ACT_AFTER_MARK = re.compile(
    r"(?i)(?P<noun>pr[ée]l[èe]vement|facture|contrat|acte)[ \t]*:?[ \t]*(?P<value>" + _CODE + r")(?![\w@])"
)
_MARK_BEFORE = re.compile(r"(?i)" + _MARK + r"[ \t]*(?:de[ \t]+|d['’][ \t]*)\Z")
# A file or the patient's code with a short lettered code: "Dossier CO-7741", "Code patient BL-771045".
_SHORT_FILE = re.compile(
    r"(?i)(?P<noun>dossier|code[ \t]+(?:patient|usager|r[ée]sident))"
    r"(?P<quals>(?:[ \t]+(?!n°|n[º°])[^\W\d_]{3,14}){0,1})[ \t]*(?:" + _MARK + r")?[ \t]*:?[ \t]*"
    r"(?P<value>(?-i:[A-Z]{1,4}(?:[-.][A-Z]{1,3})*(?:\.)?-\d{3,}(?:[-/]\d+)*))(?![\w@])"
)
_PERSON_QUAL = re.compile(r"(?i)[ \t]*(?:usag[eè]re?|r[ée]sidente?|patiente?|b[ée]n[ée]ficiaire)")
# The patient's number after "IPP" and a few words then a colon: "IPP CHU attribué à l'arrivée : ...".
_IPP_WORDS = re.compile(
    r"(?<![\w])(?:IPP|NIP)(?:[ \t]+[\w'’.]{1,14}){1,5}?[ \t]*:[ \t]*(?P<value>(?-i:[A-Z]{0,3}-?\d{6,12}))(?![\w@/-])"
)
# A reference opening with an acronym then a space or glued: "V/Réf : JAP 2024/00562".
_REF_ACRONYM = re.compile(
    r"(?i)r[ée]f(?:[ée]rence)?\.?"
    r"(?:[ \t]+(?-i:[A-Z]{2,6})(?![\w]))?[ \t]*:?[ \t]*"
    r"(?P<value>(?-i:[A-Z]{3,6}[ \t]\d{2,4}(?:[-/]\d{2,})+|[A-Z]{2,6}\d{2,4}(?:[-/]\d{2,})+))(?![\w@])"
)
# "n° PV 2024/001873": an office's acronym, a space, then a year or a number and a serial.
_MARKED_ACRONYM = re.compile(r"(?:n°|n[º°]|N°)[ \t]*(?P<value>(?-i:[A-Z]{2,4})[ \u00a0]\d{2,4}[/-]\d{3,})(?![\w@/-])")
# A registered letter: "recommandé(e) (avec AR|accusé de réception)", "LRAR", "LR/AR", "RAR", then
# maybe a mark, then La Poste's number: two characters and eleven digits in groups, or an
# international "RR123456789FR".
_REGISTERED = re.compile(
    r"(?i)(?:recommand[ée]e?s?(?:[ \t]+avec[ \t]+(?:AR|A\.R\.|accus[ée][ \t]+de[ \t]+r[ée]ception))?"
    r"|LR[ \t]*/?[ \t]*AR|RAR)"
    r"[ \t]*(?:" + _MARK + r")?[ \t]*:?[ \t]*"
    r"(?P<value>(?-i:[0-9][A-Z]|[A-Z]{2})(?:[ \u00a0]?\d){11}(?![\w@])"
    r"|(?-i:[A-Z]{2}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?[A-Z]{2})(?![\w@]))"
)
# Where each family may start, on the folded text (one scan; the label regexes run there only).
_ANCHOR = re.compile(
    r"(?<![a-z0-9])(?:ecrou|arrete|acte|facture|fei|contrat|sinistre|prelevement|dossier|code|ref|recommand|lr|rar)"
)
_DATE_LIKE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}(?:[/.-]\d{1,2}){0,2}"
)
_CCAM = re.compile(r"[A-Z]{4}\d{3}")
_ACRONYM_YEAR = re.compile(r"[A-Z]{1,4}-(?:19|20)\d{2}")


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _plain_value(value: str) -> bool:
    return not _DATE_LIKE.fullmatch(value) and not _CCAM.fullmatch(value)


def _act_span(text: str, m: re.Match[str]) -> Span | None:
    noun = m.group("noun").lower()
    # "arrêté préfectoral n° 2024-45- SDRE-0317": a code broken by an OCR space after a dash (round 18)
    end = max(m.end("value"), spaced_value_end(text, m.start("value")))
    value = text[m.start("value") : end]
    lettered = bool(re.search(r"[A-Z]", value))
    if not _plain_value(value) or quantity_follows(text, end):
        return None
    if noun.startswith("arr"):
        if not re.search(r"[A-Z]{2,}", value):
            return None  # "arrêté n° 2016-1234" is a regulation; a person's act names its office (SDRE, ARS)
    elif noun.startswith("pr"):
        if not value[0].isalpha() or _digits(value) < 4:
            return None  # a lab's bare sample number stays; "CY24-00713" (the lab's letters first) is the case
    elif _digits(value) < 4 or (not lettered and not re.search(r"\d[-/ ]\d", value) and _digits(value) < 5):
        return None
    return Span(m.start("value"), end, "NDA", 0.9, "document_number")


@recognizer("document_number", 86)
def find_document_numbers(ctx: DetectionContext) -> list[Span]:
    """Numbers of prison registers, acts, invoices, events and short lettered files (module docstring)."""
    text = ctx.text
    spans: list[Span] = []
    for anchor in _ANCHOR.finditer(ctx.folded):
        at, word = anchor.start(), anchor.group(0)
        if word == "ecrou":
            m = _ECROU.match(text, at)
            value = m.group("value") if m else ""
            if m and _digits(value) >= 3 and _plain_value(value) and not quantity_follows(text, m.end("value")):
                spans.append(Span(m.start("value"), m.end("value"), "NDA", 0.9, "document_number"))
        elif word in ("dossier", "code"):
            m = _SHORT_FILE.match(text, at)
            if m is None or _ACRONYM_YEAR.fullmatch(m.group("value")):
                continue  # "dossier ARS-2024", "Dossier HAS-2019": a body and a year, no file number
            # "dossier usager n° AK-0418", "dossier résident : RES-0412": the person's own file (round 18)
            person = _PERSON_QUAL.fullmatch(m.group("quals"))
            label = "IPP" if word == "code" or person else "NDA"
            spans.append(Span(m.start("value"), m.end("value"), label, 0.9, "document_number"))
        elif word == "ref":
            if m := _REF_ACRONYM.match(text, at):
                spans.append(Span(m.start("value"), m.end("value"), "NDA", 0.9, "document_number"))
        elif word in ("recommand", "lr", "rar"):
            if m := _REGISTERED.match(text, at):
                spans.append(Span(m.start("value"), m.end("value"), "NDA", 0.9, "document_number"))
        else:
            m = _ACT.match(text, at)
            if m is None and _MARK_BEFORE.search(text, max(0, at - 16), at):
                m = _ACT_AFTER_MARK.match(text, at)  # "n° de prélèvement CY24-00713"
            if m is not None and (span := _act_span(text, m)) is not None:
                spans.append(span)
    if "°" in text or "º" in text:
        for m in _MARKED_ACRONYM.finditer(text):
            if m.group("value")[:2] in ("RG", "SS") or quantity_follows(text, m.end("value")):
                continue  # "N° RG 24/01873": the register's name is the label, the number follows it
            spans.append(Span(m.start("value"), m.end("value"), "NDA", 0.88, "document_number"))
    if "IPP" in text or "NIP" in text:
        for m in prefixed_finditer(_IPP_WORDS, text, ctx.folded):
            if not quantity_follows(text, m.end("value")):
                spans.append(Span(m.start("value"), m.end("value"), "IPP", 0.9, "document_number"))
    return spans + repeated_numbers(text, spans, "document_number")
