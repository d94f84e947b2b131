"""An initial that stands for a surname is a ``NOM``: "Sandrine B.", "Mme R.".

The recognizers label every initial ``PRENOM`` (most initials stand for a first name: "J. Martin").
An initial after a full first name ("Karine V., IDE") or alone after a title ("Mme R. a aidé")
abbreviates the surname instead, and every independent writer of the test sets marks it so
(101 times out of 103 after a first name, 13 out of 16 after a title). The label changes, not the
span, so what is masked stays the same; the surrogate of such a ``NOM`` is another initial.
"""

from __future__ import annotations

import re

from avec.privacy.spans import Span

_INITIAL = re.compile(r"[A-ZÀ-Ý]\.?")
_TITLE_BEFORE = re.compile(r"(?:\b(?:Mme|Mmes|Mlle|Mr|Madame|Mademoiselle|Monsieur|Dr|Docteur|Pr)|(?<![\w.])M\.)[ \t]$")
_NAME_LABELS = ("NOM", "PRENOM")


def relabel_surname_initials(spans: list[Span], text: str) -> list[Span]:
    """``spans`` (sorted, non-overlapping) with the surname initials relabelled ``NOM``."""
    out = list(spans)
    for i, span in enumerate(spans):
        if span.label != "PRENOM" or not _INITIAL.fullmatch(text, span.start, span.end):
            continue
        after = spans[i + 1] if i + 1 < len(spans) else None
        if after is not None and after.label in _NAME_LABELS and after.start - span.end <= 2:
            continue  # "Marie J. Dupont", "J. L. Martin": a first name's initial before the surname
        before = spans[i - 1] if i > 0 else None
        after_first_name = (
            before is not None
            and before.label == "PRENOM"
            and text[before.end : span.start] == " "
            and sum(ch.isalpha() for ch in text[before.start : before.end]) >= 2
        )
        after_title = before is None or before.end < span.start - 12
        after_title = after_title and bool(_TITLE_BEFORE.search(text, max(0, span.start - 14), span.start))
        if after_first_name or after_title:
            out[i] = Span(span.start, span.end, "NOM", span.score, span.source)
    return out
