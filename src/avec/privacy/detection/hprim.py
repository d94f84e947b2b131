"""HPRIM Santé lab messages pasted as text: identifiers read from their record and field position.

``H|\\^&|||LABO X|||||CH Y||P|H2.1|201904030614`` opens the message, then one patient record
``P|1|<IPP>|<NDA>||NOM^PRENOM^^MME|NOM DE NAISSANCE|19510922|F|5 RUE X^^VILLE^^56370||TEL|DOCTEUR^PRENOM``
and its requests ``OBR|1|<n° de demande>||CODE^LIBELLE||201904030540``. The header names the
sending laboratory and the receiving facility (fields 5 and 10), each maybe with its commune
("LABOSUD^MONTPELLIER") or after its code ("LABO_X_31^Laboratoire X"). The field position says
what each value is, as in an HL7 message (``hl7.py``, whose name and timestamp readers are shared).
Hand-written for the same reason as ``hl7.py``: no library gives character offsets for HPRIM.
"""

from __future__ import annotations

import re

from avec.privacy.detection import hprim_header_lines  # noqa: F401  (register on import)
from avec.privacy.detection.hl7 import _NAME_PART, _TITLES, _TS, _components, _name_spans, _strip
from avec.privacy.detection.place_patterns import known_commune
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# The header record, then records of one to three capitals ("P", "OBR", "OBX", "C", "L"). The
# delimiters are written "\^&" as in ASTM E1394 or "~^\&" as in the HPRIM Santé 2.x texts (round 18:
# a lab export of blind148 used the second and lost its whole patient record).
_HEADER = re.compile(r"(?m)^H\|(?:\\\^&|~\^\\&)\|")
_RECORD = re.compile(r"(?m)^(?P<rec>[A-Z][A-Z0-9]{0,2})\|(?P<body>[^\r\n]*)")
_ID_VALUE = re.compile(r"[A-Z0-9][A-Z0-9/\-]{3,24}")
# Patient record fields (0 = "P", 1 = the sequence number).
_P_IDS = (2, 3, 4)
_P_NAME, _P_MAIDEN, _P_BIRTH, _P_ADDRESS = 5, 6, 7, 9
_P_DOCTORS = range(10, 16)
# Component of P-5 after the title: the birth name ("NOM^PRENOM^^^MME^NOM DE NAISSANCE").
_P_NAME_BIRTH = 5
_BIRTH_NAME = re.compile(r"[^\W\d_]{2,}(?:[' \-][^\W\d_]+)*")
# Request record: the order number, then its timestamps.
_OBR_ORDER = (2, 3)
# Request fields holding a person, as in HL7's OBR (HPRIM's request mirrors HL7 2.2): who took the
# sample (10), the prescriber (16, often one field early at 15), the copies (28), the biologists
# (32-35). "LE ROUX^GWENAELLE^IDE": surname and first name; a role may follow them.
_OBR_PERSONS = (10, 15, 16, 28, 32, 33, 34, 35)
# A whole address field: a street with its number, then the town and the postal code components.
_ADDRESS_FIELD = re.compile(r"\d[^^|]*\^[^^|]*\^[^^|]+\^[^^|]*\^\d{5}\b")
def _patient_spans(text: str, fields: list[tuple[int, str]]) -> list[Span]:
    spans: list[Span] = []
    label = "IPP"
    for idx in _P_IDS:
        if idx < len(fields) and _ID_VALUE.fullmatch(fields[idx][1]) and re.search(r"\d", fields[idx][1]):
            pos, value = fields[idx]
            spans.append(Span(pos, pos + len(value), label, 0.9, "hprim"))
            label = "NDA"  # the patient's number comes first, then the stay's
    if len(fields) > _P_NAME:
        for comps in _components(fields[_P_NAME][1], fields[_P_NAME][0]):
            spans.extend(Span(s.start, s.end, s.label, 0.9, "hprim") for s in _name_spans(text, comps))
        for comps in _components(fields[_P_NAME][1], fields[_P_NAME][0]):
            # "DUCHAMP^ODETTE^^^MME^MARTINON": a birth name written after the title (round 19)
            if len(comps) > _P_NAME_BIRTH and _BIRTH_NAME.fullmatch(comps[_P_NAME_BIRTH][2].strip()):
                a, b, value = comps[_P_NAME_BIRTH]
                if value.strip().upper().rstrip(".") not in _TITLES and (bounds := _strip(a, b, text)):
                    spans.append(Span(bounds[0], bounds[1], "NOM", 0.9, "hprim"))
    if len(fields) > _P_MAIDEN and _NAME_PART.fullmatch(fields[_P_MAIDEN][1].strip() or "-"):
        bounds = _strip(fields[_P_MAIDEN][0], fields[_P_MAIDEN][0] + len(fields[_P_MAIDEN][1]), text)
        if bounds:
            spans.append(Span(bounds[0], bounds[1], "NOM", 0.9, "hprim"))
    if len(fields) > _P_BIRTH and _TS.fullmatch(fields[_P_BIRTH][1]):
        pos, value = fields[_P_BIRTH]
        spans.append(Span(pos, pos + len(value), "DATE_NAISSANCE", 0.9, "hprim"))
    address_at: set[int] = set()
    for idx in (_P_ADDRESS, _P_ADDRESS + 1, _P_ADDRESS + 2):
        if idx < len(fields) and "^" in fields[idx][1] and re.search(r"[A-Za-z]", fields[idx][1]):
            whole = _ADDRESS_FIELD.match(fields[idx][1]) is not None
            if idx == _P_ADDRESS + 2 and not whole:
                continue  # a third place (ASTM's P.11 after an empty reserved field) only for a street^^town^^zip
            if whole:
                address_at.add(idx)  # not read again as a doctor's name below
            for comps in _components(fields[idx][1], fields[idx][0]):
                for cidx, lab in ((0, "ADRESSE"), (1, "ADRESSE"), (2, "VILLE"), (4, "ZIP")):
                    if cidx < len(comps) and comps[cidx][2].strip():
                        bounds = _strip(comps[cidx][0], comps[cidx][1], text)
                        if bounds:
                            spans.append(Span(bounds[0], bounds[1], lab, 0.9, "hprim"))
    for idx in _P_DOCTORS:
        if idx in address_at:
            continue
        if idx < len(fields) and "^" in fields[idx][1] and re.search(r"[A-Za-z]{2}", fields[idx][1]):
            for comps in _components(fields[idx][1], fields[idx][0]):
                spans.extend(Span(s.start, s.end, s.label, 0.9, "hprim") for s in _name_spans(text, comps))
    return spans


def _request_person_spans(text: str, fields: list[tuple[int, str]]) -> list[Span]:
    """``NOM^PRENOM[^ROLE]`` in a request's person fields: the surname and the first name only."""
    spans: list[Span] = []
    for idx in _OBR_PERSONS:
        if idx >= len(fields) or "^" not in fields[idx][1]:
            continue
        for comps in _components(fields[idx][1], fields[idx][0]):
            if comps and re.fullmatch(r"[\w-]*\d[\w-]*", comps[0][2]):
                comps = comps[1:]  # a leading RPPS or code
            names = [c for c in comps[:2] if _NAME_PART.fullmatch(c[2].strip() or "-")]
            if len(names) < 2 or any(c[2].strip().upper().rstrip(".") in _TITLES for c in names):
                continue  # a code and its label ("SANG^SANG TOTAL") give no surname and first name
            for (a, b, _), label in zip(names, ("NOM", "PRENOM"), strict=True):
                if bounds := _strip(a, b, text):
                    spans.append(Span(bounds[0], bounds[1], label, 0.9, "hprim"))
    return spans


# Header fields naming the sending lab and the receiving facility (round 17): "LABOSUD^MONTPELLIER",
# "LABO_X_31^Laboratoire X Toulouse Purpan" (a code with underscores, then the name), "CH BRETAGNE ATLANTIQUE".
_H_PARTIES = (4, 9)
_SHORT_CODE = re.compile(r"[A-Z0-9]{2,5}")
_PARTY_NAME = re.compile(r"[A-Za-zÀ-ÿ][\w'’ .&-]{2,60}")


def _sender_spans(ctx: DetectionContext, fields: list[tuple[int, str]]) -> list[Span]:
    """The lab and the facility of an HPRIM header, each component a name or its commune."""
    spans: list[Span] = []
    for idx in _H_PARTIES:
        if idx >= len(fields):
            continue
        for a, b, comp in (c for comps in _components(fields[idx][1], fields[idx][0]) for c in comps):
            value = comp.strip()
            if "_" in value or not _PARTY_NAME.fullmatch(value) or not re.search(r"[A-Za-zÀ-ÿ]{3}", value):
                continue  # a code ("LABO_X_31"), a number
            if _SHORT_CODE.fullmatch(value):
                continue  # "LBO29", "GAM^DPI": a code or the software's name, no party
            a += len(comp) - len(comp.lstrip())
            b = a + len(value)
            label = "VILLE" if spans and known_commune(ctx.lexicons, value) else "HOPITAL"
            spans.append(Span(a, b, label, 0.9, "hprim"))
    return spans


@recognizer("hprim", 87)
def find_hprim(ctx: DetectionContext) -> list[Span]:
    """Identifiers in the records of an HPRIM Santé message (needs its ``H|\\^&|`` header)."""
    text = ctx.text
    if ("H|\\^&|" not in text and "H|~^\\&|" not in text) or not _HEADER.search(text):
        return []
    spans: list[Span] = []
    for m in _RECORD.finditer(text):
        rec = m.group("rec")
        fields: list[tuple[int, str]] = [(m.start("rec"), rec)]
        pos = m.start("body")
        for value in m.group("body").split("|"):
            fields.append((pos, value))
            pos += len(value) + 1
        if rec == "P":
            spans.extend(_patient_spans(text, fields))
        elif rec == "OBR":
            for idx in _OBR_ORDER:
                if idx < len(fields) and _ID_VALUE.fullmatch(fields[idx][1]) and re.search(r"\d", fields[idx][1]):
                    start, value = fields[idx]
                    spans.append(Span(start, start + len(value), "NDA", 0.9, "hprim"))
            spans.extend(_request_person_spans(text, fields))
        if rec == "H":
            spans.extend(_sender_spans(ctx, fields))
        if rec in ("H", "P", "OBR", "OBX", "A"):
            for i, (start, value) in enumerate(fields):
                if rec == "P" and i in (*_P_IDS, _P_BIRTH):
                    continue
                if (rec == "OBR" and i in _OBR_ORDER) or (rec == "OBX" and i == 5):
                    continue  # an order number, a result value
                for a, b, comp in (c for comps in _components(value, start) for c in comps):
                    if _TS.fullmatch(comp):
                        spans.append(Span(a, b, "DATE", 0.9, "hprim"))
    return spans
