"""The compliance grid: loaded from versioned YAML files, validated, and evaluated for one AI system.

The grid is data: ``registry/grid/*.yaml`` ships with AVEC and an organisation adds its own items in
``<data_dir>/grid/*.yaml`` without code. Validation names the faulty item (its id, or its position
when the id itself is missing), so that a committee member can fix the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from avec.registry.models import MODEL_CARD_SECTIONS, AISystem

PACKAGED_GRID_DIR = Path(__file__).parent / "grid"
ITEM_TYPES = ("yes_no", "choice", "text", "check")
SOURCES = ("HAS", "AI_ACT", "GDPR", "CNIL", "HDS", "MDR", "ANSSI", "ORGANISATION")
CONDITIONS = ("patient_data", "cloud", "medical_device")
YES_NO_ANSWERS = ("yes", "no", "na")
# EU member states + Iceland, Liechtenstein, Norway (ISO 3166-1 alpha-2).
EEA_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)


class GridError(ValueError):
    """A grid file that cannot be used; the message names the file and the item."""


def _on_premises(system: AISystem) -> bool:
    return system.deployment == "on_premises"


CHECKS: dict[str, Callable[[AISystem], bool]] = {
    "hosting_in_eea": lambda s: (s.hosting_country or "").upper() in EEA_COUNTRIES,
    "hds_or_on_premises": lambda s: _on_premises(s) or bool(s.hds_certified),
    "dpia_done": lambda s: s.dpia_status == "done",
    "no_training_on_data": lambda s: _on_premises(s) or (s.contract or {}).get("trains_on_customer_data") is False,
    "no_access_outside_eea": lambda s: _on_premises(s) or (s.contract or {}).get("access_outside_eea") is False,
    "ai_act_classified": lambda s: s.ai_act_class not in ("unclassified", ""),
    "not_prohibited": lambda s: s.ai_act_class != "prohibited",
    "model_card_complete": lambda s: all(str((s.model_card or {}).get(k, "")).strip() for k in MODEL_CARD_SECTIONS),
    "ce_marked_if_medical_device": lambda s: (not s.medical_device) or bool((s.ce_marking or "").strip()),
}


class GridItem(BaseModel):
    """One question of the grid."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)
    source: Literal["HAS", "AI_ACT", "GDPR", "CNIL", "HDS", "MDR", "ANSSI", "ORGANISATION"]
    reference: str = ""
    question: str = Field(min_length=5)
    help: str = ""
    type: Literal["yes_no", "choice", "text", "check"]
    options: list[str] = Field(default_factory=list)
    compliant: list[str] | None = None
    check: str | None = None
    weight: int = Field(default=1, ge=1, le=5)
    blocking: bool = False
    applies_when: list[Literal["patient_data", "cloud", "medical_device"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> GridItem:
        if self.type == "choice" and not self.options:
            raise ValueError("a 'choice' item needs 'options'")
        if self.type == "check":
            if self.check not in CHECKS:
                raise ValueError(f"a 'check' item needs 'check' among: {', '.join(CHECKS)}")
        elif self.check is not None:
            raise ValueError("'check' is only for items of type 'check'")
        if self.type == "yes_no" and self.compliant is None:
            self.compliant = ["yes"]
        allowed = {"yes_no": set(YES_NO_ANSWERS), "choice": set(self.options)}.get(self.type)
        if allowed is not None and self.compliant and not set(self.compliant) <= allowed:
            raise ValueError(f"'compliant' answers must be among: {', '.join(sorted(allowed))}")
        return self

    def allowed_answers(self) -> tuple[str, ...] | None:
        """The answers a person may give (None for free text; empty for computed checks)."""
        if self.type == "yes_no":
            return YES_NO_ANSWERS
        if self.type == "choice":
            return tuple(self.options)
        if self.type == "check":
            return ()
        return None


class GridFile(BaseModel):
    """A whole grid file (items validated one by one beforehand, for clear messages)."""

    model_config = ConfigDict(extra="forbid")

    grid: str = Field(min_length=2)
    version: str = Field(min_length=1)
    title: str = ""
    items: list[dict[str, Any]]


@dataclass(frozen=True)
class Grid:
    """The items of every loaded grid file, and their versions (``name@version``)."""

    items: tuple[GridItem, ...]
    versions: tuple[str, ...]

    @property
    def version(self) -> str:
        """One string naming every file and version (stored with each answer)."""
        return "+".join(self.versions)

    def item(self, item_id: str) -> GridItem | None:
        """The item with this id."""
        return next((i for i in self.items if i.id == item_id), None)


def _describe(error: ValidationError) -> str:
    parts = []
    for err in error.errors():
        where = ".".join(str(p) for p in err["loc"]) or "item"
        if err["type"] == "missing":
            parts.append(f"missing '{where}'")
        elif err["type"] == "literal_error" and err["loc"] and err["loc"][0] == "type":
            parts.append(f"unknown type {err.get('input')!r} (expected one of: {', '.join(ITEM_TYPES)})")
        elif err["type"] == "literal_error" and err["loc"] and err["loc"][0] == "source":
            parts.append(f"unknown source {err.get('input')!r} (expected one of: {', '.join(SOURCES)})")
        elif err["type"] == "extra_forbidden":
            parts.append(f"unknown field '{where}'")
        else:
            parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def parse_grid_text(text: str, *, name: str = "grid") -> tuple[str, list[GridItem]]:
    """Validate the YAML text of one grid file; returns (``grid@version``, items) or raises GridError."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GridError(f"{name}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(raw, dict):
        raise GridError(f"{name}: expected a mapping with 'grid', 'version' and 'items'")
    try:
        head = GridFile.model_validate(raw)
    except ValidationError as exc:
        raise GridError(f"{name}: {_describe(exc)}") from exc
    items: list[GridItem] = []
    seen: set[str] = set()
    for position, entry in enumerate(head.items, start=1):
        label = (
            f"item {entry.get('id')!r} (#{position})"
            if isinstance(entry, dict) and entry.get("id")
            else f"item #{position} (no id)"
        )
        if not isinstance(entry, dict):
            raise GridError(f"{name}: {label}: expected a mapping")
        try:
            item = GridItem.model_validate(entry)
        except ValidationError as exc:
            raise GridError(f"{name}: {label}: {_describe(exc)}") from exc
        if item.id in seen:
            raise GridError(f"{name}: {label}: duplicate id")
        seen.add(item.id)
        items.append(item)
    return f"{head.grid}@{head.version}", items


def load_grid(paths: Iterable[Path]) -> Grid:
    """Load and merge grid files (ids must be unique across files)."""
    all_items: list[GridItem] = []
    versions: list[str] = []
    for path in paths:
        version, items = parse_grid_text(path.read_text(encoding="utf-8"), name=path.name)
        known = {i.id for i in all_items}
        for item in items:
            if item.id in known:
                raise GridError(f"{path.name}: item {item.id!r}: id already used by another grid file")
        all_items.extend(items)
        versions.append(version)
    if not all_items:
        raise GridError("no compliance grid item found")
    return Grid(items=tuple(all_items), versions=tuple(versions))


def grid_paths(data_dir: Path | None) -> list[Path]:
    """The packaged grid files, then the organisation's own (``<data_dir>/grid/*.yaml``)."""
    paths = sorted(PACKAGED_GRID_DIR.glob("*.yaml"))
    if data_dir is not None and (data_dir / "grid").is_dir():
        paths += sorted((data_dir / "grid").glob("*.yaml"))
    return paths


def active_grid(data_dir: Path | None) -> Grid:
    """The grid in force for this installation."""
    return load_grid(grid_paths(data_dir))


ItemStatus = Literal["compliant", "non_compliant", "open", "not_applicable"]


@dataclass(frozen=True)
class ItemResult:
    """The evaluation of one item for one system."""

    item: GridItem
    status: ItemStatus
    answer: str
    computed: bool


@dataclass
class Evaluation:
    """A system's grid: per-item results, weighted score (0-100) and blocking items left open."""

    results: list[ItemResult] = field(default_factory=list)

    @property
    def score(self) -> int:
        """Weighted share of applicable items answered compliantly, in percent."""
        applicable = [r for r in self.results if r.status != "not_applicable"]
        total = sum(r.item.weight for r in applicable)
        done = sum(r.item.weight for r in applicable if r.status == "compliant")
        return round(100 * done / total) if total else 100

    @property
    def blocking_open(self) -> list[ItemResult]:
        """Blocking items that are not answered or not compliant."""
        return [r for r in self.results if r.item.blocking and r.status in ("open", "non_compliant")]


def _is_compliant(item: GridItem, answer: str) -> bool:
    if item.type == "text":
        return bool(answer.strip())
    return answer in (item.compliant or [])


def evaluate(grid: Grid, system: AISystem, answers: dict[str, str], *, patient_data: bool) -> Evaluation:
    """Evaluate the grid for ``system`` given the committee's ``answers`` (item id -> answer).

    ``patient_data`` says whether the use cases considered allow patient data (this makes the
    HDS/EEA/DPIA items apply). Computed ``check`` items ignore any stored answer.
    """
    facts = {
        "patient_data": patient_data,
        "cloud": system.deployment != "on_premises",
        "medical_device": bool(system.medical_device),
    }
    evaluation = Evaluation()
    for item in grid.items:
        if not all(facts[c] for c in item.applies_when):
            evaluation.results.append(
                ItemResult(item, "not_applicable", answers.get(item.id, ""), item.type == "check")
            )
            continue
        if item.type == "check":
            ok = CHECKS[str(item.check)](system)
            evaluation.results.append(
                ItemResult(item, "compliant" if ok else "non_compliant", "yes" if ok else "no", True)
            )
            continue
        answer = answers.get(item.id, "")
        if not answer.strip():
            status: ItemStatus = "open"
        elif answer == "na" and not item.blocking:
            status = "not_applicable"  # a blocking item cannot be waved away as "not applicable"
        else:
            status = "compliant" if _is_compliant(item, answer) else "non_compliant"
        evaluation.results.append(ItemResult(item, status, answer, False))
    return evaluation


def validate_answer(item: GridItem, answer: str) -> str:
    """Check a person's answer against the item's type; returns it cleaned or raises GridError."""
    cleaned = (answer or "").strip()
    allowed: Sequence[str] | None = item.allowed_answers()
    if item.type == "check":
        raise GridError(f"item {item.id!r} is computed from the system's recorded facts; edit the system instead")
    if allowed is not None and cleaned not in allowed:
        raise GridError(f"item {item.id!r}: answer must be one of: {', '.join(allowed)}")
    if len(cleaned) > 200:
        raise GridError(f"item {item.id!r}: answer longer than 200 characters (use the note)")
    return cleaned
