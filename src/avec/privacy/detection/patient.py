"""The patient's known identifiers (``avec.patient``) matched in all their variants."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.text import fold, fold_key
from avec.privacy.spans import Span


class PatientIdentifiers(BaseModel):
    """Identifiers of the patient the request is about; every field optional."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    last_name: str | None = None
    first_names: list[str] | None = None
    birth_name: str | None = None
    birth_date: dt.date | None = None
    nir: str | None = None
    ipp: str | None = None
    nda: str | None = None
    address: str | None = None
    zip: str | None = None
    city: str | None = None
    phone: str | None = None
    email: str | None = None

    @field_validator("first_names", mode="before")
    @classmethod
    def _split_first_names(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [p for p in re.split(r"[,;]|\s+(?=[A-ZÀ-Ý])", value) if p.strip()] or None
        return value

    @field_validator("birth_date", mode="before")
    @classmethod
    def _parse_birth_date(cls, value: Any) -> Any:
        if isinstance(value, str):
            from avec.privacy.detection.dates import parse_date

            text = value.strip()
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text)
            parsed = parse_date(text)
            if parsed is None:
                raise ValueError("birth_date: expected YYYY-MM-DD or DD/MM/YYYY")
            return parsed
        return value

    @classmethod
    def coerce(cls, value: PatientIdentifiers | dict[str, Any] | None) -> PatientIdentifiers | None:
        """Accept an instance, a plain dict (the gateway's ``avec.patient``) or None."""
        if value is None or isinstance(value, PatientIdentifiers):
            return value
        return cls.model_validate(value)


def _flex(value: str) -> str:
    """Regex for a name: any case/accents (matched on folded text), flexible separators."""
    parts = [re.escape(p) for p in re.split(r"[\s\-'’]+", fold_key(value)) if p]
    return r"[\s\-'’]*".join(parts)


def _digits_flex(value: str) -> str:
    digits = re.sub(r"[^0-9A-Za-z]", "", value)
    return r"[\s.\-/]?".join(re.escape(c) for c in fold(digits))


def patient_spans(text: str, patient: PatientIdentifiers, lex: Lexicons) -> list[Span]:
    """Every occurrence of the patient's identifiers in ``text`` (case, accents, order, initials)."""
    folded = fold(text)
    spans: list[Span] = []

    def add(pattern: str, label: str, *, word: bool = True, need_capital: bool = False) -> None:
        rx = re.compile(
            (r"(?<![\w])" if word else "") + "(?:" + pattern + ")" + (r"(?![\w])" if word else "")
        )
        for m in rx.finditer(folded):
            if need_capital and not text[m.start()].isupper():
                continue
            spans.append(Span(m.start(), m.end(), label, 1.0, "patient"))

    for name, label in ((patient.last_name, "NOM"), (patient.birth_name, "NOM")):
        if name and len(fold_key(name)) >= 2:
            add(_flex(name), label, need_capital=lex.is_common(name))
    for first in patient.first_names or []:
        if len(fold_key(first)) < 2:
            continue
        add(_flex(first), "PRENOM", need_capital=lex.is_common(first))
        # Initials next to a surname: "J. Dupont", "J.-P. Dupont", "JP Dupont", "Dupont J."
        parts = [p for p in re.split(r"[\s\-]+", fold_key(first)) if p]
        initials = r"\.?\s?-?\s?".join(re.escape(p[0]) for p in parts) + r"\.?"
        for last in (patient.last_name, patient.birth_name):
            if last:
                add(r"(" + initials + r")(?=\s+" + _flex(last) + r"(?![\w]))", "PRENOM")
                rx = re.compile(r"(?<![\w])" + _flex(last) + r"\s+(" + initials + r")(?![\w])")
                for m in rx.finditer(folded):
                    spans.append(Span(m.start(1), m.end(1), "PRENOM", 1.0, "patient"))
    for value, label in ((patient.nir, "SECU"), (patient.ipp, "IPP"), (patient.nda, "NDA")):
        if value and len(re.sub(r"\W", "", value)) >= 4:
            add(_digits_flex(value), label)
    if patient.phone:
        digits = re.sub(r"\D", "", patient.phone)[-9:]
        if len(digits) == 9:
            add(r"(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0\s?)" + _digits_flex(digits), "TEL")
    if patient.email:
        add(re.escape(fold(patient.email)), "MAIL", word=False)
    if patient.address:
        add(_flex(patient.address), "ADRESSE")
    if patient.zip:
        add(_digits_flex(patient.zip), "ZIP")
    if patient.city and len(patient.city) >= 2:
        add(_flex(patient.city), "VILLE", need_capital=lex.is_common(patient.city))
    return spans


def mark_birth_dates(spans: list[Span], text: str, patient: PatientIdentifiers | None) -> list[Span]:
    """Relabel dates equal to the patient's birth date as DATE_NAISSANCE."""
    if patient is None or patient.birth_date is None:
        return spans
    from avec.privacy.detection.dates import parse_date

    out = []
    for s in spans:
        if s.label == "DATE" and parse_date(text[s.start : s.end]) == patient.birth_date:
            s = Span(s.start, s.end, "DATE_NAISSANCE", s.score, s.source)
        out.append(s)
    return out
