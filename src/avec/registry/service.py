"""Registry service: AI systems, use cases and grid answers; every change versioned and in the ledger.

Functions take the session as keyword argument and never commit (the HTTP/CLI boundary does).
Lifecycle transitions live in :mod:`avec.registry.lifecycle`, version drift in :mod:`avec.registry.drift`;
``report_model_version`` is re-exported here for the gateway.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.schemas import Principal
from avec.db import utcnow
from avec.registry import ai_act
from avec.registry.compliance import Evaluation, Grid, GridError, evaluate, validate_answer
from avec.registry.drift import report_model_version  # noqa: F401 - public API for the gateway
from avec.registry.history import record_change, snapshot
from avec.registry.models import AISystem, GridAnswer, UseCase
from avec.registry.schemas import (
    SystemCreate,
    SystemFields,
    UseCaseCreate,
    UseCaseFields,
    UseCaseForCaller,
)

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Fields that bind an approved system to what the committee approved: editing them needs re-evaluation.
BINDING_FIELDS = (
    "model",
    "version",
    "provider",
    "base_url",
    "upstream_model",
    "deployment",
    "hosting_country",
)


class RegistryError(Exception):
    """A refused registry operation: stable ``code``, clear ``message``, HTTP ``status_code``."""

    def __init__(self, code: str, message: str, *, status_code: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status_code = status_code


# --- AI systems -----------------------------------------------------------------------------------


def list_systems(session: Session) -> list[AISystem]:
    """Every AI system of the inventory, by name."""
    return list(session.scalars(select(AISystem).order_by(AISystem.name)).all())


def get_system(session: Session, slug: str) -> AISystem:
    """The system with this slug, or RegistryError 404."""
    system = session.scalar(select(AISystem).where(AISystem.slug == slug))
    if system is None:
        raise RegistryError("unknown_system", f"Unknown AI system '{slug}'.", status_code=404)
    return system


def _apply(obj: object, fields: dict[str, object]) -> None:
    for key, value in fields.items():
        setattr(obj, key, value)


def _system_values(data: SystemFields) -> dict[str, object]:
    values = data.model_dump(exclude_unset=True)
    for key in ("contract", "model_card"):
        if key in values and values[key] is not None:
            values[key] = dict(values[key])
    return values


def create_system(session: Session, data: SystemCreate, *, actor: str) -> AISystem:
    """Register a new AI system as a candidate."""
    if session.scalar(select(AISystem.id).where(AISystem.slug == data.slug)) is not None:
        raise RegistryError(
            "duplicate_system", f"An AI system with the name '{data.slug}' already exists.", status_code=409
        )
    values = _system_values(data)
    values = {k: v for k, v in values.items() if v is not None}
    system = AISystem(status="candidate", contract={}, model_card={}, ai_act_answers={})
    _apply(system, values)
    session.add(system)
    session.flush()
    record_change(
        session,
        actor=actor,
        entity="ai_system",
        entity_id=system.id,
        action="create",
        before=None,
        after=snapshot(system),
    )
    return system


def update_system(session: Session, system: AISystem, data: SystemFields, *, actor: str) -> AISystem:
    """Edit a system's recorded facts; binding fields of an approved system cannot change in place."""
    values = _system_values(data)
    if system.status == "approved":
        touched = [k for k in BINDING_FIELDS if k in values and values[k] != getattr(system, k)]
        if touched:
            raise RegistryError(
                "approved_system_binding_change",
                f"'{system.name}' is approved: changing {', '.join(touched)} means a different system. "
                "Suspend it or move it back to evaluation first.",
                status_code=409,
            )
    before = snapshot(system)
    _apply(system, values)
    session.flush()
    after = snapshot(system)
    if after != before:
        system.updated_at = utcnow()
        session.flush()
        after = snapshot(system)
        record_change(
            session,
            actor=actor,
            entity="ai_system",
            entity_id=system.id,
            action="update",
            before=before,
            after=after,
        )
    return system


def classify_ai_act(
    session: Session, system: AISystem, answers: dict[str, bool], *, actor: str
) -> ai_act.Classification:
    """Answer the AI Act guided questions for a system and store the resulting class."""
    try:
        result = ai_act.classify(answers)
    except ValueError as exc:
        raise RegistryError("invalid_ai_act_answers", str(exc), status_code=422) from exc
    before = snapshot(system)
    system.ai_act_class = result.ai_act_class
    system.ai_act_answers = {"answers": result.answers, "reasons": result.reasons}
    system.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        actor=actor,
        entity="ai_system",
        entity_id=system.id,
        action="ai_act_classification",
        before=before,
        after=snapshot(system),
    )
    return result


# --- compliance grid --------------------------------------------------------------------------------


def grid_answers(session: Session, system_id: int) -> dict[str, GridAnswer]:
    """The stored answers of a system, by item id."""
    rows = session.scalars(select(GridAnswer).where(GridAnswer.ai_system_id == system_id)).all()
    return {row.item_id: row for row in rows}


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def store_evidence(data_dir: Path, system_id: int, filename: str, content: bytes) -> tuple[str, str, str]:
    """Write an evidence file under ``data_dir/evidence``; returns (relative path, digest, safe name)."""
    if not content:
        raise RegistryError("empty_evidence", "The evidence file is empty.")
    if len(content) > EVIDENCE_MAX_BYTES:
        raise RegistryError("evidence_too_large", "The evidence file is larger than 10 MB.", status_code=413)
    digest = hashlib.sha256(content).hexdigest()
    safe = (_SAFE_NAME.sub("_", Path(filename or "document").name).strip("._") or "document")[:120]
    relative = Path("evidence") / str(system_id) / f"{digest[:16]}-{safe}"
    target = data_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return str(relative), f"sha256:{digest}", safe


def answer_grid_item(
    session: Session,
    system: AISystem,
    grid: Grid,
    item_id: str,
    *,
    answer: str,
    note: str = "",
    evidence_url: str | None = None,
    evidence: tuple[str, bytes] | None = None,
    data_dir: Path | None = None,
    actor: str,
) -> GridAnswer:
    """Record the committee's answer to one grid item, with a link or an uploaded file as evidence."""
    item = grid.item(item_id)
    if item is None:
        raise RegistryError("unknown_grid_item", f"Unknown grid item '{item_id}'.", status_code=404)
    if evidence_url and not evidence_url.startswith(("https://", "http://")):
        raise RegistryError(
            "invalid_evidence_url", "The evidence link must start with https:// or http://.", status_code=422
        )
    try:
        cleaned = validate_answer(item, answer)
    except GridError as exc:
        raise RegistryError("invalid_grid_answer", str(exc), status_code=422) from exc
    row = grid_answers(session, system.id).get(item_id)
    before = snapshot(row) if row is not None else None
    if row is None:
        row = GridAnswer(ai_system_id=system.id, item_id=item_id)
        session.add(row)
    row.answer, row.note, row.grid_version = cleaned, note, grid.version
    if evidence_url:
        row.evidence_url = evidence_url
    if evidence is not None:
        if data_dir is None:
            raise RegistryError("no_evidence_store", "No data directory to store the evidence file.")
        row.evidence_file, row.evidence_sha256, row.evidence_name = store_evidence(
            data_dir, system.id, evidence[0], evidence[1]
        )
    row.answered_by, row.answered_at = actor, utcnow()
    session.flush()
    record_change(
        session,
        actor=actor,
        entity="grid_answer",
        entity_id=row.id,
        action=f"answer:{item_id}",
        before=before,
        after=snapshot(row),
    )
    return row


def evaluate_system(
    session: Session, system: AISystem, grid: Grid, use_case_slugs: list[str] | None = None
) -> Evaluation:
    """Evaluate the grid for a system, for the given use cases (default: those it is linked to)."""
    if use_case_slugs is None:
        cases = use_cases_of_system(session, system.id)
    else:
        cases = list(session.scalars(select(UseCase).where(UseCase.slug.in_(use_case_slugs))).all())
    answers = {k: v.answer for k, v in grid_answers(session, system.id).items()}
    return evaluate(grid, system, answers, patient_data=any(c.patient_data_allowed for c in cases))


# --- use cases --------------------------------------------------------------------------------------


def list_use_cases(session: Session, *, include_inactive: bool = True) -> list[UseCase]:
    """The use case catalogue, by title."""
    query = select(UseCase).order_by(UseCase.title)
    if not include_inactive:
        query = query.where(UseCase.active.is_(True))
    return list(session.scalars(query).all())


def get_use_case(session: Session, slug: str) -> UseCase:
    """The use case with this slug, or RegistryError 404."""
    use_case = session.scalar(select(UseCase).where(UseCase.slug == slug))
    if use_case is None:
        raise RegistryError("unknown_use_case", f"Unknown use case '{slug}'.", status_code=404)
    return use_case


def use_cases_of_system(session: Session, system_id: int) -> list[UseCase]:
    """Use cases for which this system is approved."""
    return [uc for uc in list_use_cases(session) if system_id in {link.ai_system_id for link in uc.systems}]


def _check_modules(slugs: list[str] | None) -> None:
    """Refuse a use case requiring a training module that does not exist (it would refuse everyone)."""
    if not slugs:
        return
    from avec.training import service as training_service

    unknown = []
    for slug in slugs:
        try:
            training_service.get_module(slug)
        except training_service.UnknownModule:
            unknown.append(slug)
    if unknown:
        raise RegistryError(
            "unknown_training_module", f"Unknown training module(s): {', '.join(unknown)}.", status_code=422
        )


def _use_case_values(data: UseCaseFields) -> dict[str, object]:
    _check_modules(data.required_modules)
    values = data.model_dump(exclude_unset=True)
    if values.get("prompt_templates") is not None:
        values["prompt_templates"] = [dict(t) for t in values["prompt_templates"]]
    return values


def create_use_case(session: Session, data: UseCaseCreate, *, actor: str) -> UseCase:
    """Add a use case to the catalogue (no AI system is allowed for it until an approval lists it)."""
    if session.scalar(select(UseCase.id).where(UseCase.slug == data.slug)) is not None:
        raise RegistryError("duplicate_use_case", f"A use case '{data.slug}' already exists.", status_code=409)
    use_case = UseCase(allowed_roles=[], required_modules=[], prompt_templates=[])
    _apply(use_case, {k: v for k, v in _use_case_values(data).items() if v is not None})
    session.add(use_case)
    session.flush()
    record_change(
        session,
        actor=actor,
        entity="use_case",
        entity_id=use_case.id,
        action="create",
        before=None,
        after=snapshot(use_case),
    )
    return use_case


def update_use_case(session: Session, use_case: UseCase, data: UseCaseFields, *, actor: str) -> UseCase:
    """Edit a use case of the catalogue."""
    before = snapshot(use_case)
    _apply(use_case, _use_case_values(data))
    session.flush()
    after = snapshot(use_case)
    if after != before:
        record_change(
            session,
            actor=actor,
            entity="use_case",
            entity_id=use_case.id,
            action="update",
            before=before,
            after=after,
        )
    return use_case


def _missing_training(session: Session, user_id: int, required: list[str]) -> list[dict[str, str]]:
    if not required:
        return []
    from avec.training import service as training_service

    return [
        {"slug": m.slug, "title": m.title, "url": m.url, "reason": m.reason}
        for m in training_service.missing_modules(session, user_id=user_id, required=required)
    ]


def use_cases_for(session: Session, principal: Principal) -> list[UseCaseForCaller]:
    """Active use cases the caller's roles allow, each with its approved systems and the training the
    caller still lacks for it (for client tools)."""
    result = []
    for uc in list_use_cases(session, include_inactive=False):
        if uc.allowed_roles and not principal.has_role(*uc.allowed_roles):
            continue
        systems = sorted(link.ai_system.slug for link in uc.systems if link.ai_system.status == "approved")
        if not systems:
            continue
        result.append(
            UseCaseForCaller(
                slug=uc.slug,
                title=uc.title,
                description=uc.description,
                risk_level=uc.risk_level,
                allowed_systems=systems,
                patient_data_allowed=uc.patient_data_allowed,
                review_required=uc.review_required,
                required_modules=list(uc.required_modules),
                prompt_templates=[
                    {"title": str(t.get("title", "")), "text": str(t.get("text", ""))} for t in uc.prompt_templates
                ],
                patient_information=uc.patient_information,
                missing_training=_missing_training(session, principal.user_id, list(uc.required_modules)),
            )
        )
    return result
