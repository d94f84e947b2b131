"""The span contract between detection and transformation (EDS-Pseudo label set)."""

from __future__ import annotations

from dataclasses import dataclass

LABELS: tuple[str, ...] = (
    "NOM",
    "PRENOM",
    "DATE",
    "DATE_NAISSANCE",
    "ADRESSE",
    "ZIP",
    "VILLE",
    "HOPITAL",
    "IPP",
    "NDA",
    "SECU",
    "TEL",
    "MAIL",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A detected identifier: ``text[start:end]`` carries ``label``."""

    start: int
    end: int
    label: str
    score: float = 1.0
    source: str = ""

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"unknown label {self.label!r}; expected one of {', '.join(LABELS)}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid span bounds ({self.start}, {self.end})")

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form used by the CLI contract."""
        return {"start": self.start, "end": self.end, "label": self.label, "score": round(self.score, 4)}
