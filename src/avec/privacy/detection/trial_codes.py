"""Codes of the persons of a clinical study: subject, inclusion, randomisation and screening numbers.

Research papers (monitoring reports, query forms, logs of a clinical research unit, letters to
the patient's doctor) name a person by the code the study gave them, written with the centre's
number first: "patient 02-031", "pt 009-014", "la patiente 107-010", "aux patients 107-006 et
107-009", "Sujet : 03-0117", "N° participant : STA-LYO-014", "n° d'inclusion 0042-017", "N°
d'étude : 11-208", "inclus sous le n° 14-022". Such a code is the person's own number: an `IPP`.

Three readings, each a shape a writer of any study produces:

* a subject word or a numbered key before a code, and every further code of the list it opens
  ("pour 107-007 à 107-009", "03-101, 03-104, 03-110");
* the centre's other subjects: once a code "107-006" is read, every "107-" + three digits of the
  document is a subject of the same centre ("107-008 : date de signature non renseignée");
* in a study's paper (three or more words of clinical research: randomisé, investigateur,
  promoteur, eCRF, URC...), a bare centre-subject code with a leading zero in one group
  ("03-112 pas venu V4", "107-004"): lab ranges ("135-145"), years and amounts have none.

Dates, phones, lots, kits, protocol versions and ranges of years are refused. Hand-written: no
library knows how French research staff write these codes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.record_numbers import quantity_follows
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# A subject's code: the centre (maybe lettered: "S12", "STA-LYO") then the serial.
_DASHED = r"(?:[A-Z]{1,4}\d{0,3}-){0,2}\d{2,4}-\d{2,4}"
_LETTERED = r"[A-Z]{1,4}\d{1,3}-\d{3,4}|[A-Z]{2,5}(?:-[A-Z]{2,5}){1,2}-\d{3,4}"
_CODE = r"(?-i:" + _DASHED + r"|" + _LETTERED + r")"
_END = r"(?![\w/@]|[-.,]\d)"
# Who the code names: "patient(e)(s)", "pt", "sujet", "participant(e)"; or a numbered key.
_SUBJECT = r"(?:patient(?:e)?s?|pts?\.?|sujets?|participant(?:e)?s?)"
_NUMBERED_KEY = (
    r"(?:n°|n[º°]|num[ée]ro|num\.|code|id)[ \t]*(?:de[ \t]+|du[ \t]+|d['’][ \t]*)?"
    r"(?:inclusion|randomi[sz]ation|random\.?|rando|screening|screen|sujet|participant(?:e)?|[ée]tude)"
)
_INCLUDED = r"(?:inclus|randomis[ée])e?[ \t]+(?:dans[ \t]+l['’][ée]tude[ \t]+)?sous[ \t]+(?:le[ \t]+)?(?:n°|num[ée]ro)"
_KEYED = re.compile(
    r"(?i)(?<![\w])(?P<key>" + _NUMBERED_KEY + r"|" + _INCLUDED + r"|" + _SUBJECT + r")"
    r"[ \t]*(?:n°[ \t]*)?(?::[ \t]*)?(?P<value>" + _CODE + r")" + _END
)
# A plain number after a numbered key ("Code sujet : 0012", "randomisé sous le n° 1043"), or after a
# subject word in a study's paper ("le patient n° 12 de l'étude", "le participant 2041").
_KEYED_DIGITS = re.compile(
    r"(?i)(?<![\w])(?:(?!(?:n°|num[ée]ro|num\.|code|id)[ \t]*(?:d['’][ \t]*)?[ée]tude)"
    + _NUMBERED_KEY
    + r"|"
    + _INCLUDED
    + r")"
    r"[ \t]*(?:n°[ \t]*)?(?::[ \t]*)?(?P<value>\d{3,6})(?![\w/@]|[-.,]\d)"
)
_SUBJECT_DIGITS = re.compile(
    r"(?i)(?<![\w])(?:(?P<marked>" + _SUBJECT + r"[ \t]*(?:n°|num[ée]ro)[ \t]*:?)|(?:sujets?|participant(?:e)?s?))"
    r"[ \t]*(?P<value>\d{2,6})(?![\w/@]|[-.,]\d)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Where a reading may start, on the folded text: the subject or key word (a numbered key's mark, a
# few characters before it, is found from there: marks alone are too frequent to anchor on).
_QUICK = re.compile(r"(?<![a-z])(?:patient|pts?\b|sujet|participant|inclu|randomi|random|rando|etude)")
_MARK_BEFORE = re.compile(r"(?:n°|nº|numero|num\.|code|id)[ \t]*(?:de[ \t]+|du[ \t]+|d['’][ \t]*)?\Z")
# Between two codes of one list: a comma, "et", "à", "ou", "/", maybe a bracketed note before it.
_LIST_GAP = re.compile(r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*(?:,|/|&|\bet\b|\bà\b|\bou\b|\bau\b)[ \t]*")
_NEXT = re.compile(_CODE + _END)
_DATE_LIKE = re.compile(r"\d{1,2}-\d{1,2}(?:-\d{2,4})?|(?:19|20)\d{2}-(?:19|20)?\d{2}|\d{2}-(?:19|20)\d{2}")
# Words of a lot, a kit, a protocol or a page before the code: "lot 2406-118", "kits n° 40217".
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?i)\b(?:lots?|kits?|flacons?|bo[îi]tes?|protocole|version|v|amendement|page|ch|chambres?|uf|lits?|"
    r"tel|t[ée]l[ée]phone|fax|poste|dect|inventaire|s[ée]rie|r[ée]f(?:[ée]rence)?)\.?[ \t]*(?:n°[ \t]*)?:?[ \t]*\Z"
)
# Words of clinical research: three distinct ones make a study's paper.
_RESEARCH = re.compile(
    r"(?i)\b(?:randomis[ée]e?s?|randomisation|investigat(?:eur|rice)s?|promoteur|e?CRF|URC|DRCI|TEC|ARC|"
    r"monitoring|screening|screen[ée]s?|inclusions?|reconsentement|consentements?|protocole|essai|"
    r"EIG|SUSAR|SDV|DCF|query|queries|aveugle|placebo|bras)\b"
)
# Found fast (each opens on a literal character): the bare reading runs only where a code with a
# leading zero in its centre or its serial may stand.
_ZERO_CENTRE = re.compile(r"0\d{1,3}-\d{3,4}(?!\d)")
_ZERO_SERIAL = re.compile(r"-0\d{2,3}(?!\d)")


def _zero_led(value: str) -> bool:
    centre, _, serial = value.partition("-")
    return centre.startswith("0") or serial.startswith("0")


_BARE = re.compile(r"(?<![\w/.,@-])(?P<value>\d{2,4}-\d{3,4})" + _END)


def _acceptable(text: str, start: int, value: str) -> bool:
    lettered = any(ch.isalpha() for ch in value)
    if _DATE_LIKE.fullmatch(value) or sum(ch.isdigit() for ch in value) < (3 if lettered else 5):
        return False
    if quantity_follows(text, start + len(value)):
        return False  # "patients 18-250 mg", "12-150 ans"
    return not _NOT_SUBJECT_BEFORE.search(text, max(0, start - 24), start)


class _Paper:
    """Whether the text is a study's paper, read once and only when a rule asks (speed)."""

    def __init__(self, text: str, folded: str) -> None:
        self.text, self.folded = text, folded
        self._research: bool | None = None

    @property
    def research(self) -> bool:
        if self._research is None:
            words = {w.group(0).lower() for w in prefixed_finditer(_RESEARCH, self.text, self.folded)}
            self._research = len(words) >= 3
        return self._research


def _plain_number(text: str, at: int, paper: _Paper) -> Span | None:
    """A subject's plain number after a numbered key, or after a subject word in a study's paper."""
    m = _KEYED_DIGITS.match(text, at)
    if m is None and _SUBJECT_DIGITS.match(text, at) and paper.research:
        m = _SUBJECT_DIGITS.match(text, at)
        if m is not None and not m.group("marked") and len(m.group("value")) < 3:
            m = None  # "sujet 12": a count or an item; a bare number needs three digits
    if m is None or _YEAR.fullmatch(m.group("value")) or quantity_follows(text, m.end("value")):
        return None
    return Span(m.start("value"), m.end("value"), "IPP", 0.88, "trial_code")


def _keyed_codes(text: str, folded: str, paper: _Paper) -> list[Span]:
    spans: list[Span] = []
    done = -1
    for hit in prefixed_finditer(_QUICK, folded, folded):
        if hit.start() < done:
            continue
        mark = _MARK_BEFORE.search(folded, max(0, hit.start() - 14), hit.start())
        at = mark.start() if mark else hit.start()
        m = _KEYED.match(text, at)
        if m is None or not _acceptable(text, m.start("value"), m.group("value")):
            if (plain := _plain_number(text, at, paper)) is not None:
                spans.append(plain)
            continue
        value = m.group("value")
        if m.group("key").lower().startswith(("pt", "pati", "suj", "part")) and not re.search(
            r"\d-0|\d{3}|[A-Z]", value
        ):
            continue  # after a bare subject word, "patients 12-15" is an age or a count range
        spans.append(Span(m.start("value"), m.end("value"), "IPP", 0.9, "trial_code"))
        pos = m.end("value")
        while (gap := _LIST_GAP.match(text, pos)) and (nxt := _NEXT.match(text, gap.end())):
            if not _acceptable(text, nxt.start(), nxt.group(0)):
                break
            spans.append(Span(nxt.start(), nxt.end(), "IPP", 0.88, "trial_code"))
            pos = nxt.end()
        done = pos
    return spans


def _bare_codes(text: str) -> list[Span]:
    """Centre-subject codes with a leading zero in a group, in a study's paper."""
    spans = []
    for m in _BARE.finditer(text):
        value = m.group("value")
        if not _zero_led(value) or not _acceptable(text, m.start(), value):
            continue
        spans.append(Span(m.start(), m.end(), "IPP", 0.86, "trial_code"))
    return spans


def _same_centre(text: str, spans: list[Span]) -> list[Span]:
    """Every other code of the centres already read, and every repeat of a code read."""
    shapes = set()
    for s in spans:
        value = text[s.start : s.end]
        centre, _, serial = value.rpartition("-")
        if centre and serial.isdigit():
            shapes.add((centre, len(serial)))
    taken = {(s.start, s.end) for s in spans}
    out = []
    for centre, width in shapes:
        rx = re.compile(r"(?<![\w/.,@-])" + re.escape(centre) + r"-\d{" + str(width) + r"}" + _END)
        for m in rx.finditer(text):
            if (m.start(), m.end()) not in taken and _acceptable(text, m.start(), m.group(0)):
                taken.add((m.start(), m.end()))
                out.append(Span(m.start(), m.end(), "IPP", 0.86, "trial_code"))
    return out


@recognizer("trial_code", 86)
def find_trial_codes(ctx: DetectionContext) -> list[Span]:
    """Subject codes of a clinical study (module docstring)."""
    text = ctx.text
    paper = _Paper(text, ctx.folded)
    spans = _keyed_codes(text, ctx.folded, paper)
    if (_ZERO_CENTRE.search(text) or _ZERO_SERIAL.search(text)) and paper.research:
        spans += _bare_codes(text)
    return spans + _same_centre(text, spans)
