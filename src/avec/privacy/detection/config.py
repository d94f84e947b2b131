"""Detection settings: organisation-specific identifier formats and context words."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator

# The separators are spaces or tabs, never a line break: "NDA 1024522018" closing a line must not
# take the house number of the address on the next line.
_VALUE = r"[A-Z]{0,5}[-\t ]?\d[\dA-Z]*(?:(?:[.-]|[\t ](?=\d{2,4}(?![\w/:-]|\.\d)))[\dA-Z]+)*"


class DetectionConfig(BaseModel):
    """How to detect identifiers; defaults suit most French hospitals."""

    # Organisation-specific formats: matched anywhere (no context word needed).
    ipp_patterns: list[str] = Field(default_factory=list)
    nda_patterns: list[str] = Field(default_factory=list)
    # Generic formats, matched only right after a context word.
    # Letters may prefix or sit inside ("QV-0012774", "20B0045812", "24S00981"); groups joined by
    # "-", "." or a space before 2-4 digits ("45 0218 73"); at least 5 digits (checked in patterns.py).
    ipp_value_pattern: str = _VALUE
    nda_value_pattern: str = _VALUE
    ipp_context_words: list[str] = Field(
        default_factory=lambda: [
            "IPP",
            "I.P.P.",
            "NIP",
            "N° patient",
            "n° de patient",
            "numéro patient",
            "numéro de patient",
            "identifiant patient",
            "ID patient",
            "n° dossier patient",
            "dossier patient",
            "référence patient",
            "réf. patient",
            "réf patient",
            "patient n°",
            "n° résident",
            # a home's or a service's file of the person (round 18: "N° dossier résident : 15482",
            # "dossier usager n° AK-0418"; gold IPP 8 times in 6 sets, the "N° dossier" NDA rule took them)
            "n° dossier résident",
            "dossier résident",
            "n° dossier usager",
            "dossier usager",
            "numéro résident",
            "n° usager",
            "matricule",
        ]
    )
    nda_context_words: list[str] = Field(
        default_factory=lambda: [
            "NDA",
            "N.D.A.",
            "N° de séjour",
            "n° séjour",
            "numéro de séjour",
            "N° séjour",
            "N° venue",
            "n° de venue",
            "numéro de venue",
            "N° d'admission",
            "numéro d'admission",
            "n° admission",
            "n° hospitalisation",
            "numéro d'hospitalisation",
            "N° entrée",
            "n° d'entrée",
            "dossier administratif",
            "NUM SEJOUR",
            "N SEJOUR",
            "N. séjour",
            "N° de passage",
            "n° passage",
            "numéro de passage",
            "N° dossier",
            "numéro de dossier",
            "n° de dossier",
            "dossier de séjour",
            "N° d'épisode",
            "n° épisode",
            "numéro d'épisode",
        ]
    )
    # Extra words never to mask (local drug names, unit names, team nicknames...).
    protected_terms: list[str] = Field(default_factory=list)
    use_ner: bool = True
    # AVEC's own NER model (avec/privacy/ner_model), run around the words no rule explains. On by
    # default since 2026-11-30 (retrained model, filters redesigned): on blind20-22 with rules not
    # tuned on them, token recall 0.9476 -> 0.9582; generated --extended 0.8845 -> 0.9217; no span
    # added on FrenchMedMCQA; 5-17 % more detection time. ``AVEC_PRIVACY_TRAINED_NER=false`` turns it off.
    use_trained_ner: bool = True
    spacy_model: str = "fr_core_news_md"
    max_chars: int = 200_000

    @field_validator("ipp_patterns", "nda_patterns", "ipp_value_pattern", "nda_value_pattern")
    @classmethod
    def _compiles(cls, value: list[str] | str) -> list[str] | str:
        for pattern in [value] if isinstance(value, str) else value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
        return value
