"""HL7 v2 messages pasted as text: identifiers read from their segment and field position.

``PID|1||8820145763^^^CHU_BDX^PI||COULIBALY^AMINATA^^^MME||19780512|F|||14 RUE DU TONDU^^BORDEAUX``:
the field position says what each value is (PID-3 patient id, PID-5 name, PID-7 birth date,
PID-11 address, PV1-19 visit number...). Hand-written: the HL7 libraries on PyPI (hl7, hl7apy)
parse whole messages but reject the partial, hand-edited messages found in notes, and give no
character offsets, which the spans need.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold
from avec.privacy.spans import Span

# Segments end with a carriage return in real messages, with a line feed once pasted.
_SEGMENT = re.compile(r"(?m)(?:^|(?<=\r))(?P<seg>[A-Z][A-Z0-9]{2})\|(?P<body>[^\r\n]*)")
# Compact HL7 timestamps: YYYYMMDD[HH[MM[SS[.S]]]][+ZZZZ]
_TS = re.compile(
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])?(?:[0-5]\d){0,2}(?:\.\d{1,4})?"
    r"(?:[+-]\d{4})?"
)
_NAME_PART = re.compile(r"[^\W\d_][^\W\d_' \-]*(?:[' \-][^\W\d_]+)*", re.UNICODE)
_TITLES = {"DR", "PR", "MME", "M", "MR", "MLLE", "MRS", "MS", "MISS", "DOCTEUR", "PROF"}

# (segment, field) -> kind. Field numbers as in the standard (MSH-1 is the separator itself).
_NAME_FIELDS = {
    ("PID", 5),
    ("PID", 6),
    ("PID", 9),
    ("NK1", 2),
    ("PV1", 7),
    ("PV1", 8),
    ("PV1", 9),
    ("PV1", 17),
    ("PV1", 52),
    ("PD1", 4),
    ("ORC", 10),
    ("ORC", 11),
    ("ORC", 12),
    ("OBR", 10),
    ("OBR", 16),
    ("OBR", 28),
    ("OBR", 32),
    ("OBR", 33),
    ("OBR", 34),
    ("OBR", 35),
    ("TXA", 5),
    ("TXA", 9),
    ("TXA", 10),
    ("TXA", 11),
    ("TXA", 22),
    ("MRG", 7),
    ("IN1", 16),
    ("GT1", 3),
    ("ROL", 4),
    ("PRD", 2),
    ("PR1", 11),
    ("PR1", 12),
    ("EVN", 5),
    ("OBX", 16),
}
_ID_FIELDS = {
    ("PID", 2): "IPP",
    ("PID", 3): "IPP",
    ("PID", 4): "IPP",
    ("MRG", 1): "IPP",
    ("PID", 18): "NDA",
    ("PV1", 19): "NDA",
    ("MRG", 5): "NDA",
    ("PV1", 50): "NDA",
    # Order numbers of the placer and the filler (a lab request about the patient).
    ("ORC", 2): "NDA",
    ("ORC", 3): "NDA",
    ("OBR", 2): "NDA",
    ("OBR", 3): "NDA",
}
_ADDRESS_FIELDS = {("PID", 11), ("NK1", 4), ("GT1", 5), ("IN1", 19)}
_BIRTH_FIELDS = {("PID", 7), ("NK1", 16), ("GT1", 7), ("IN1", 18)}
_FACILITY_FIELDS = {("MSH", 4), ("MSH", 6), ("PV1", 39), ("PD1", 3)}
_SECU_FIELDS = {("PID", 19)}
_PLACE_FIELDS = {("PID", 23)}
# Coded or free-text fields where a "WORD^WORD" shape is no name.
_CODED_SEGMENTS = {"OBX", "OBR", "ORC", "NTE", "MSA", "ERR", "DG1", "AL1", "RXA", "RXE", "RXO", "SPM"}
# A facility code, not a department name ("LABO", "URGENCES"): "CHU_BDX", "CHI_CRETEIL", "LBM-ALPHA".
_FACILITY_CODE = re.compile(r"(?i)[A-Z0-9]+[_\-&][A-Z0-9]|(?:CHU|CHR|CHI|CH|GH|GHU|HCL|AP-?H[PM]|LBM|CLIN|HOP|EHPAD)\b")
_NATIONAL_ID = re.compile(r"(?i)INS|NIR|NSS|ASIP|SS\b|NH\b")
_LOGIN = re.compile(r"[a-z][a-z0-9._-]{2,30}")
# An assigning authority or a facility given by its number (FINESS "290000017", an OID): no name.
_NUMERIC_CODE = re.compile(r"[\d.]+")


def _components(value: str, base: int) -> list[list[tuple[int, int, str]]]:
    """Repetitions (``~``) of a field, each a list of components (start, end, text)."""
    reps = []
    pos = 0
    for rep in value.split("~"):
        comps = []
        cpos = pos
        for comp in rep.split("^"):
            comps.append((base + cpos, base + cpos + len(comp), comp))
            cpos += len(comp) + 1
        reps.append(comps)
        pos += len(rep) + 1
    return reps


def _strip(start: int, end: int, text: str) -> tuple[int, int] | None:
    while start < end and text[start] in " &":
        start += 1
    while end > start and text[end - 1] in " &":
        end -= 1
    return (start, end) if end > start else None


def _name_spans(text: str, comps: list[tuple[int, int, str]]) -> list[Span]:
    """XPN (FAMILY^GIVEN^MIDDLE^SUFFIX^PREFIX) or XCN (ID^FAMILY^GIVEN^...)."""
    spans = []
    if comps and re.fullmatch(r"[\w-]*\d[\w-]*", comps[0][2] or "0"):
        comps = comps[1:]  # XCN: leading identifier
    elif len(comps) >= 3 and _is_login_of(comps[0][2], comps[1][2]):
        # XCN whose identifier is the person's login ("jlebihan^LE BIHAN^JOELLE"): a name too
        spans.append(Span(comps[0][0], comps[0][1], "NOM", 0.9, "hl7"))
        comps = comps[1:]
    for i, (a, b, value) in enumerate(comps[:3]):
        if not value.strip() or value.strip().upper().rstrip(".") in _TITLES:
            continue
        if not _NAME_PART.fullmatch(value.strip()):
            continue
        bounds = _strip(a, b, text)
        if bounds:
            spans.append(Span(bounds[0], bounds[1], "NOM" if i == 0 else "PRENOM", 0.95, "hl7"))
    return spans


def _is_login_of(login: str, family: str) -> bool:
    """``login`` is a directory login built from the surname ``family`` ("jlebihan", "LE BIHAN")."""
    letters = re.sub(r"[^a-z]", "", fold(family))
    return bool(_LOGIN.fullmatch(login)) and len(letters) >= 3 and letters[:6] in fold(login)


def _looks_like_person(comps: list[tuple[int, int, str]]) -> bool:
    """``NAME^GIVEN^^^DR`` outside the known name fields: a title among the components."""
    values = [c[2] for c in comps]
    return (
        len(values) >= 4
        and any(v.strip().upper().rstrip(".") in _TITLES for v in values[3:6])
        and bool(_NAME_PART.fullmatch(values[0].strip() or "-"))
    )


def _field_spans(text: str, seg: str, num: int, start: int, value: str) -> list[Span]:
    key = (seg, num)
    spans: list[Span] = []
    for comps in _components(value, start):
        if not comps or not any(c[2] for c in comps):
            continue
        first_a, first_b, first = comps[0]
        if key in _NAME_FIELDS and len(comps) == 1 and _TS.fullmatch(first):
            spans.append(Span(first_a, first_b, "DATE", 0.9, "hl7"))  # a timestamp one field off ("OBX-16")
            continue
        if key in _NAME_FIELDS or (seg not in _CODED_SEGMENTS and _looks_like_person(comps)):
            spans.extend(_name_spans(text, comps))
            continue
        if key in _ID_FIELDS:
            label = _ID_FIELDS[key]
            type_code = comps[4][2] if len(comps) > 4 else ""
            authority = comps[3] if len(comps) > 3 else None
            if _NATIONAL_ID.search(type_code) or (authority and _NATIONAL_ID.search(authority[2])):
                label = "SECU"
            elif type_code.upper() in ("AN", "VN"):
                label = "NDA"
            if re.search(r"\d", first):
                spans.append(Span(first_a, first_b, label, 0.95, "hl7"))
            auth = authority[2].split("&")[0] if authority else ""
            if authority and auth and label != "SECU" and not _NUMERIC_CODE.fullmatch(auth):
                spans.append(Span(authority[0], authority[0] + len(auth), "HOPITAL", 0.85, "hl7"))
            continue
        if key in _ADDRESS_FIELDS:
            for idx, label in ((0, "ADRESSE"), (1, "ADRESSE"), (2, "VILLE"), (4, "ZIP")):
                if idx < len(comps) and comps[idx][2].strip():
                    bounds = _strip(comps[idx][0], comps[idx][1], text)
                    if bounds:
                        spans.append(Span(bounds[0], bounds[1], label, 0.9, "hl7"))
            continue
        if key in _FACILITY_FIELDS or key in _PLACE_FIELDS:
            if re.search(r"[A-Za-z]", first) and (key in _PLACE_FIELDS or _FACILITY_CODE.match(first)):
                name = first.split("&")[0]
                label = "VILLE" if key in _PLACE_FIELDS else "HOPITAL"
                spans.append(Span(first_a, first_a + len(name), label, 0.85, "hl7"))
            continue
        if key in _SECU_FIELDS and re.fullmatch(r"[\dAB ]{13,17}", first):
            spans.append(Span(first_a, first_b, "SECU", 0.9, "hl7"))
            continue
        if seg == "PV1" and re.fullmatch(r"\d{6,13}", first) and not _TS.fullmatch(first):
            spans.append(Span(first_a, first_b, "NDA", 0.8, "hl7"))  # a visit number off its field
            continue
        label = "DATE_NAISSANCE" if key in _BIRTH_FIELDS else "DATE"
        for a, b, comp in comps:  # a timestamp in any component ("ZFV|^20250204")
            if _TS.fullmatch(comp):
                spans.append(Span(a, b, label, 0.9, "hl7"))
    return spans


@recognizer("hl7", 87)
def find_hl7(ctx: DetectionContext) -> list[Span]:
    """Identifiers in the segments of an HL7 v2 message (needs an ``MSH|`` or ``PID|`` segment)."""
    text = ctx.text
    if "MSH|" not in text and "PID|" not in text:
        return []
    spans: list[Span] = []
    for m in _SEGMENT.finditer(text):
        seg, body_start = m.group("seg"), m.start("body")
        fields = m.group("body").split("|")
        # MSH-1 is the field separator itself, so MSH's first split value is MSH-2.
        shift = 2 if seg == "MSH" else 1
        pos = body_start
        for i, value in enumerate(fields):
            if value:
                spans.extend(_field_spans(text, seg, i + shift, pos, value))
            pos += len(value) + 1
    return [s for s in spans if s.end > s.start]
