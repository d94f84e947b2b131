"""Parts of a hospital named in full before it: "Maternité du CH de X", "Centre de référence des
troubles du langage du CHU d'Angers", "Service de PMI de Koungou" (round 17).

A department with a capitalised name of its own, written as a title ("Maternité", "Unité de soins
palliatifs", "Centre de référence ...", "Centre de vaccinations internationales", "Laboratoire de
biochimie") and linked by "du", "de la", "de l'" to a hospital span, is one ``HOPITAL`` span with it,
as the writers mark it (about 12 of 15 capitalised heads; a lower-case "maternité du CH X" or
"service de cardiologie du CHU" is split about evenly and stays outside). "Service de PMI" and
"Service départemental de PMI" before a PMI span join it (3 of 3). A hospital's children's or adults'
site written after its name ("Hôpital de la Timone enfants") belongs to it. No offline package lists
French hospital departments, hence the hand-written heads.
"""

from __future__ import annotations

import re

from avec.privacy.detection.registry import DetectionContext
from avec.privacy.spans import Span

_LOW = r"[a-zà-ÿ'’\-]+"
# the head, its lower-case words (at most eight) and the particle, just before the facility span
_PART_BEFORE = re.compile(
    r"(?<![\w'’-])(?:"
    r"(?:Maternit[ée]|MATERNIT[ÉE])"
    # round 18: "Service social du CHU de Lille", "Équipe mobile de gériatrie du CH d'Abbeville" (2 of 2)
    r"|(?:Service|SERVICE)[ \t]+(?:social|SOCIAL)"
    r"|(?:[ÉE]quipe|[ÉE]QUIPE)[ \t]+(?:mobile|MOBILE)(?:[ \t]+" + _LOW + r"){0,4}"
    r"|(?:Unit[ée]|Centre|Laboratoire)[ \t]+(?:de|d['’]|des|du|m[ée]dico-)[ \t]*" + _LOW
    + r"(?:[ \t]+" + _LOW + r"){0,7}"
    r")[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’]|des)[ \t]*\Z"
)
# the span it joins: a hospital or a clinic by its keyword
_HOSPITAL = re.compile(
    r"(?:CHU|CHRU|CHR|CHI|CHIC|CH|Centre[ \t]+[Hh]ospitalier|CENTRE[ \t]+HOSPITALIER|H[ôo]pital|H[ÔO]PITAL|"
    r"Clinique|CLINIQUE|Polyclinique|POLYCLINIQUE|GH|GHU|Institut)(?![\w'’-])"
)
_PMI_BEFORE = re.compile(r"(?<![\w'’-])(?:Service|SERVICE)[ \t]+(?:d[ée]partemental[ \t]+)?(?:de|DE)[ \t]+\Z")
_CHILDREN_AFTER = re.compile(r"[ \t]+(?:enfants|adultes)(?=[ \t]*(?:$|[,;()]|[ \t][–—-][ \t]))", re.MULTILINE)
# department words (not "Centre de rééducation X": only centres of these kinds are a part)
_CENTRE_KINDS = re.compile(
    r"(?i:centre[ \t]+(?:de|d['’])[ \t]*(?:r[ée]f[ée]rence|comp[ée]tence|vaccinations?|d[ée]pistage|ressources|"
    r"consultations?|diagnostic|traitement|[ée]valuation|soins|sant[ée]))"
)


_GATE = ("maternite", "unite ", "centre d", "laboratoire d", "service", "enfants", "adultes", "equipe mobile")


def part_joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """Hospital spans grown over a department named before them, or a site after them."""
    folded = ctx.folded
    if not any(k in folded for k in _GATE):
        return spans
    text = ctx.text
    out: list[Span] = []
    for span in spans:
        if span.label == "HOPITAL":
            span = _grown(text, spans, span)
        out.append(span)
    return out


def _grown(text: str, spans: list[Span], span: Span) -> Span:
    start, end = span.start, span.end
    line_start = text.rfind("\n", 0, start) + 1
    if text.startswith("PMI", start):
        pmi = _PMI_BEFORE.search(text, max(line_start, start - 30), start)
        start = pmi.start() if pmi else start
    elif _HOSPITAL.match(text, start):
        part = _PART_BEFORE.search(text, max(line_start, start - 120), start)
        head = part.group(0) if part else ""
        kind = part is not None and (not head.startswith("Centre") or _CENTRE_KINDS.match(head) is not None)
        if part and kind and not any(x.start < part.start() < x.end or part.start() <= x.start < start for x in spans):
            start = part.start()
    hospital = text[span.start : span.start + 6].lower() in ("hôpita", "hopita")
    if hospital and (after := _CHILDREN_AFTER.match(text, end)):
        end = after.end()
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.label, span.score, span.source)


# "Hôpital des Enfants du CHU de Bordeaux", "Hôpital Mère-Enfant du CHU de Nantes": a hospital named
# inside its university or regional hospital is one span with it (3 of 3 gold spans, 3 writers; round 18).
_SITE_OF_GROUP = re.compile(
    r"[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’])[ \t]*"
    r"(?=(?:CHU|CHRU|CHR|CH|GHU|GH|Centre[ \t]+[Hh]ospitalier)(?![\w'’-]))"
)


def site_in_group_joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """A hospital span followed by "du" and its group's span ("Hôpital X du CHU de Y") becomes one span."""
    text = ctx.text
    if " du CH" not in text and " de la CH" not in text and " du GH" not in text and " du Centre" not in text:
        return spans
    by_start = {x.start: x for x in spans if x.label == "HOPITAL"}
    out = list(spans)
    for a in spans:
        if a.label != "HOPITAL" or not re.match(r"H[ôo]pita(?:l|ux)[ \t]", text[a.start : a.end + 1]):
            continue
        gap = _SITE_OF_GROUP.match(text, a.end)
        b = by_start.get(gap.end()) if gap else None
        if b is None or a not in out or b not in out:
            continue
        out = [x for x in out if x is not a and x is not b]
        out.append(Span(a.start, b.end, "HOPITAL", a.score, a.source))
    return out
