"""Prompt quality hints shown before sending (the HAS guide asks for precise requests).

Plain rules on the text, explainable to a professional: is there a context, a task, an expected
format or length, vague wording, identifying data? Identifying data come from the privacy detector
(its spans), not from these rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from avec.privacy.spans import Span

TASK_VERBS = (
    "redige",
    "rediger",
    "resume",
    "resumer",
    "reformule",
    "reformuler",
    "traduis",
    "traduire",
    "liste",
    "lister",
    "explique",
    "expliquer",
    "propose",
    "proposer",
    "ecris",
    "ecrire",
    "synthetise",
    "synthetiser",
    "compare",
    "comparer",
    "corrige",
    "corriger",
    "simplifie",
    "simplifier",
    "structure",
    "structurer",
    "classe",
    "classer",
    "identifie",
    "identifier",
    "prepare",
    "preparer",
    "elabore",
    "elaborer",
    "tache",
    "transforme",
    "adapte",
    "write",
    "summarise",
    "summarize",
    "translate",
    "rewrite",
    "explain",
    "list",
    "draft",
    "task",
)
CONTEXT_MARKERS = (
    "contexte",
    "patient",
    "patiente",
    "resident",
    "residente",
    "usager",
    "usagere",
    "ans",
    "age",
    "agee",
    "hospitalise",
    "hospitalisee",
    "service",
    "sejour",
    "antecedent",
    "antecedents",
    "situation",
    "destinataire",
    "medecin traitant",
    "famille",
    "pour un",
    "pour une",
    "ehpad",
    "domicile",
    "suivi",
    "context",
    "for a",
)
FORMAT_MARKERS = (
    "format",
    "ligne",
    "lignes",
    "mot",
    "mots",
    "phrase",
    "phrases",
    "paragraphe",
    "paragraphes",
    "tableau",
    "liste",
    "puces",
    "maximum",
    "max",
    "sections",
    "section",
    "court",
    "courte",
    "page",
    "points",
    "titre",
    "plan",
    "lines",
    "words",
    "sentences",
    "bullet",
    "table",
)
VAGUE_TERMS = (
    "truc",
    "trucs",
    "chose",
    "choses",
    "machin",
    "etc",
    "quelque chose",
    "un peu",
    "genre",
    "bref",
    "faire mieux",
    "ameliore",
    "ameliorer",
    "bien fait",
    "comme d'habitude",
    "le document",
    "ce qu'il faut",
    "stuff",
    "things",
)
MIN_WORDS = 8


@dataclass(frozen=True)
class Hint:
    """One hint: ``code`` picks the message; ``ok`` hints confirm what is already there."""

    code: str
    ok: bool = False
    detail: str = ""


def _fold(text: str) -> str:
    """Lower case without accents, for matching French words typed with or without accents."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _has_any(folded: str, terms: tuple[str, ...]) -> list[str]:
    return [t for t in terms if re.search(r"(?<![a-z])" + re.escape(t) + r"(?![a-z])", folded)]


def prompt_hints(text: str, spans: list[Span] | None = None) -> list[Hint]:
    """Hints on ``text``; ``spans`` are the identifiers the privacy detector found in it."""
    folded = _fold(text)
    words = re.findall(r"\w+", folded)
    hints: list[Hint] = []
    if len(words) < MIN_WORDS:
        hints.append(Hint("too_short"))
    hints.append(Hint("task", ok=bool(_has_any(folded, TASK_VERBS))))
    hints.append(Hint("context", ok=bool(_has_any(folded, CONTEXT_MARKERS))))
    hints.append(
        Hint("format", ok=bool(_has_any(folded, FORMAT_MARKERS) or re.search(r"\d+\s*(mots|lignes)", folded)))
    )
    vague = _has_any(folded, VAGUE_TERMS)
    if vague:
        hints.append(Hint("vague", detail=", ".join(vague[:5])))
    if spans:
        counts = Counter(s.label for s in spans)
        hints.append(
            Hint("identifiers", detail=", ".join(f"{label} ×{n}" for label, n in sorted(counts.items())))
        )
    return hints
