"""Values of export records that sit beside keyed values rather than under a key of their own.

A layout of billing and identity-check exports (round 19): a capitals record line that gives the
patient's number by its key, then the patient's name with no key, then the next key ("SEJOUR
241055873  IPP 000734119  DUPRAT ENEKO  NIR 1..."; "IPP ABSORBE : 0201146  DE SOUSA RUI LE
25/01/1963"): the capitals run right after the number is the surname then the first names, whether
or not the lexicons know them. (A French number in international digits without "+",
``"33612480375"`` in an SMS log, is read by ``patterns.py``'s ``_PHONE_COMPACT_INTL``.)

Hand-written: the layouts of French exports, which no library reads.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import is_stop_word
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_UP = "A-ZÀ-ÖØ-Þ"
_PARTICLE = r"(?:(?:DE|DU|DES|LE|LA|DA|DOS|DI|VAN|VON|EL|BEN|AIT)[ ])?"
_CAPS_WORD = rf"[{_UP}][{_UP}'’]+(?:-[{_UP}]+)*"
# The keys that may follow the name on the record line.
_NEXT_KEY = r"(?:NIR|NSS|INS|NE|NEE|NÉE?|DDN|SEXE|LE|DU|AU|TEL|CP|ADR|UF)\b"
# The patient's or the stay's number by its key, then the capitals run, then a key, a gap, a date
# or the line end.
_KEYED_RUN = re.compile(
    r"(?m)\b(?:IPP|NIP|NDA|N° ?DOSSIER|SEJOUR|SÉJOUR)(?:[ ][A-ZÉ]{3,12})?[ ]*:?[ ]*"
    r"[A-Z0-9][A-Z0-9/\-]{4,19}[ ]{1,3}"
    rf"(?P<run>{_PARTICLE}{_CAPS_WORD}(?:[ ](?!{_NEXT_KEY}){_PARTICLE}{_CAPS_WORD}){{1,3}})"
    rf"(?=[ ]{{2,}}|[ ]+{_NEXT_KEY}|[ ]*$|[ ]+\d|[ ]*[-–(])"
)


def _name_words_ok(ctx: DetectionContext, run: str) -> bool:
    """No word of the run is medical vocabulary or a stop word; one at least is no ordinary word."""
    lex = ctx.lexicons
    words = [w for w in re.split(r"[ \-'’]", run) if len(w) > 2]
    if not words or any(is_protected_word(w, ctx.protected) or is_acronym(w) or is_stop_word(w) for w in words):
        return False
    return any(not lex.is_common(w) for w in words)


def _keyed_run_spans(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _KEYED_RUN.finditer(text):
        run = m.group("run")
        if not _name_words_ok(ctx, run):
            continue
        words = [w for w in scan_run(text, m.start("run"), lex, first_any=True, max_words=4) if w.end <= m.end("run")]
        if len(words) >= 2:
            spans.extend(to_spans(text, label_run(words, lex, "nom", True), 0.88, "keyed_record"))
    return spans


@recognizer("keyed_record", 80)
def find_keyed_record_values(ctx: DetectionContext) -> list[Span]:
    """Names after a keyed patient number in capitals records."""
    text = ctx.text
    if "IPP" in text or "NIP" in text or "NDA" in text or "DOSSIER" in text or "JOUR" in text:
        return _keyed_run_spans(ctx)
    return []
