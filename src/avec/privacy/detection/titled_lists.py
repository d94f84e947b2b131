"""Surnames listed after a plural title: "Drs Ouattara, Lemaire et Vidal", "Mmes Roux et Perrin",
"Drs P. Mercier – A. Zerrouki".

Family (round 14): letterheads of group practices and laboratories, and minutes naming several
doctors or relatives at once. A plural title works like "Dr" for every item of its list: a
capitalised word is a surname even when it is also an ordinary word or a drug dictionary's name
("Vidal"); an initial before it is the first name. The list ends at the line end or at the first
item that is not a name (a lower-case word, a number, a bracket). Safe: the titles are plural
forms no drug, eponym or heading uses ("Drs", "Mmes", "Docteurs", "Professeurs"); "MM." is left
out (millimetres in capitals: "24 MM. ADÉNOPATHIE").
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym
from avec.privacy.detection.name_scan import TITLE_TOKENS
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_GATES = ("drs", "mmes", "docteurs", "professeurs", "prs", "mesdames", "messieurs")
_PLURAL_TITLE = re.compile(
    r"(?<![\w.-])(?:Drs|DRS|Mmes|MMES|Docteurs|DOCTEURS|Professeurs|PROFESSEURS|Prs|PRS|Mesdames|Messieurs)"
    r"\.?[ \t]+(?=[A-ZÀ-Ý])"
)
_SEP = re.compile(r"[ \t]*(?:,|–|—|/|&|\bet\b|[ \t]-[ \t])[ \t]*")


@recognizer("titled_list", 80)
def find_titled_lists(ctx: DetectionContext) -> list[Span]:
    """Names in the list after a plural title."""
    folded = ctx.folded
    if not any(g in folded for g in _GATES):
        return []
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_PLURAL_TITLE, text, ctx.folded):
        pos = m.end()
        for _ in range(8):
            words = scan_run(text, pos, lex, max_words=3, after_title=True)
            core = [w for w in words if w.kind == "word"]
            if not core or any(is_acronym(w.text) for w in core) or fold_key(words[0].text) in TITLE_TOKENS:
                break  # "Mmes Roux et Perrin, M. Girard": the next title reads its own name
            if len(words) == 1 and _plural_noun(ctx, core[0].text):
                break  # "Drs C. Roux, P. Nguyen — Radiologues": the list's job closes it
            labelled = [(w, "PRENOM" if w.kind == "initial" else "NOM") for w in words]
            if len(core) >= 2:
                labelled = label_run(words, lex, "auto")
            spans.extend(to_spans(text, labelled, 0.8, "titled_list"))
            sep = _SEP.match(text, words[-1].end)
            if sep is None or sep.end() == words[-1].end:
                break
            pos = sep.end()
    return spans


def _plural_noun(ctx: DetectionContext, word: str) -> bool:
    """An ordinary plural noun that is no name ("Radiologues", "Psychiatres"): a job, not a surname."""
    lex = ctx.lexicons
    return (
        word.endswith(("s", "x", "S", "X"))
        and lex.is_common(word)
        and not (lex.is_surname(word) or lex.is_first_name(word))
    )
