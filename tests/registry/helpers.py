"""Helpers of the registry tests: a committee decision, systems, use cases, grading and approval."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from avec.registry import lifecycle, service
from avec.registry.compliance import Grid
from avec.registry.models import AISystem
from avec.registry.schemas import DecisionIn, SystemCreate, UseCaseCreate

COMMITTEE = "user:1"
# Answers that close every blocking item a person answers in the packaged grid.
PASSING_ANSWERS = {"dpa-contract": "yes", "human-review": "yes"}
AI_ACT_MINIMAL = {
    "manipulation": False,
    "social_scoring": False,
    "emotion_workplace": False,
    "medical_device": False,
    "essential_services": False,
    "emergency_triage": False,
    "employment": False,
    "interacts_or_generates": False,
}


def decision(use_cases: list[str] | None = None) -> DecisionIn:
    """A complete committee decision."""
    return DecisionIn(
        members="Dr A (présidente), DPO, RSSI",
        decided_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC),
        minutes_ref="CR-2026-11-20",
        use_cases=use_cases or [],
    )


def make_system(tx: Session, slug: str = "local-llm", **fields: object) -> AISystem:
    """A candidate on-premises system with a complete model card."""
    data = {
        "slug": slug,
        "name": f"System {slug}",
        "model": "m",
        "version": "1.0",
        "deployment": "on_premises",
        "dpia_status": "done",
    } | fields
    return service.create_system(tx, SystemCreate.model_validate(data), actor=COMMITTEE)


def make_use_case(tx: Session, slug: str = "summary", **fields: object) -> None:
    """A use case (no roles, no training required, unless given)."""
    data = {"slug": slug, "title": f"Usage {slug}"} | fields
    service.create_use_case(tx, UseCaseCreate.model_validate(data), actor=COMMITTEE)


def grade(tx: Session, system: AISystem, grid: Grid) -> None:
    """Answer the grid so that no blocking item stays open, and classify under the AI Act."""
    service.classify_ai_act(tx, system, AI_ACT_MINIMAL, actor=COMMITTEE)
    for item_id, answer in PASSING_ANSWERS.items():
        service.answer_grid_item(tx, system, grid, item_id, answer=answer, actor=COMMITTEE)


def approve(tx: Session, system: AISystem, grid: Grid, use_cases: list[str]) -> AISystem:
    """Grade, evaluate and approve ``system`` for ``use_cases``."""
    grade(tx, system, grid)
    if system.status == "candidate":
        lifecycle.transition(tx, system, "under_evaluation", grid=grid, actor=COMMITTEE)
    return lifecycle.transition(tx, system, "approved", grid=grid, actor=COMMITTEE, decision=decision(use_cases))
