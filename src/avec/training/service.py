"""Training service: quiz attempts, scoring, completions, gating, external records.

Plain functions taking the session as keyword; they never commit (the HTTP/CLI boundary does).
Each completion is appended to the ledger in the caller's transaction: if the ledger fails, the
completion is not recorded (fail closed).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Iterable, Mapping

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from avec.accounts.models import User
from avec.db import utcnow
from avec.ledger import service as ledger_service
from avec.training.loader import Catalog, default_catalog
from avec.training.models import TrainingAttempt, TrainingCompletion
from avec.training.schemas import (
    AttemptResult,
    Choice,
    MissingModule,
    Module,
    QuestionResult,
    ServedQuestion,
)
from avec.training.status import aware, best_status

EVENT_COMPLETION = "training.completion"
MODULE_CHANGED = "Le module a changé depuis le début de cette tentative : recommencez le quiz."


class TrainingError(Exception):
    """A training request that cannot be done; ``status`` is the HTTP status that says why."""

    status = 400
    code = "training_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownModule(TrainingError):
    status, code = 404, "unknown_module"


class UnknownUser(TrainingError):
    status, code = 404, "unknown_user"


class AttemptNotFound(TrainingError):
    status, code = 404, "attempt_not_found"


class AttemptNotYours(TrainingError):
    status, code = 403, "attempt_not_yours"


class AttemptClosed(TrainingError):
    status, code = 409, "attempt_closed"


class ModuleChanged(TrainingError):
    status, code = 409, "module_changed"


class InvalidAnswers(TrainingError):
    status, code = 422, "invalid_answers"


class MissingEvidence(TrainingError):
    status, code = 422, "missing_evidence"


def _catalog(catalog: Catalog | None) -> Catalog:
    return catalog or default_catalog()


def get_module(slug: str, *, language: str = "fr", catalog: Catalog | None = None) -> Module:
    """The module ``slug`` (raises UnknownModule)."""
    module = _catalog(catalog).get(slug, language)
    if module is None:
        raise UnknownModule(f"Module de formation inconnu : « {slug} ».")
    return module


# --- attempts ---------------------------------------------------------------------------------


def start_attempt(
    session: Session,
    *,
    user_id: int,
    slug: str,
    language: str = "fr",
    catalog: Catalog | None = None,
    rng: random.Random | None = None,
    at: dt.datetime | None = None,
) -> TrainingAttempt:
    """Open a new attempt with questions and choices shuffled server-side; older open ones are abandoned."""
    module = get_module(slug, language=language, catalog=catalog)
    if session.get(User, user_id) is None:
        raise UnknownUser("Utilisateur inconnu.")
    shuffle = rng or random.SystemRandom()
    questions = list(module.meta.quiz)
    shuffle.shuffle(questions)
    served = []
    for question in questions:
        choice_ids = [c.id for c in question.choices]
        shuffle.shuffle(choice_ids)
        served.append({"q": question.id, "c": choice_ids})
    session.execute(
        update(TrainingAttempt)
        .where(
            TrainingAttempt.user_id == user_id,
            TrainingAttempt.module_slug == slug,
            TrainingAttempt.status == "open",
        )
        .values(status="abandoned")
    )
    attempt = TrainingAttempt(
        id=secrets.token_hex(16),
        user_id=user_id,
        module_slug=module.meta.slug,
        module_version=module.meta.version,
        module_digest=_french_digest(module, catalog),
        language=module.meta.language,
        status="open",
        served=served,
        started_at=at or utcnow(),
        total=len(served),
    )
    session.add(attempt)
    session.flush()
    return attempt


def _french_digest(module: Module, catalog: Catalog | None) -> str:
    reference = _catalog(catalog).get(module.meta.slug, "fr")
    return (reference or module).digest


def served_questions(attempt: TrainingAttempt, *, catalog: Catalog | None = None) -> list[ServedQuestion]:
    """The attempt's questions with their choices, in the order stored when it was served."""
    module = get_module(attempt.module_slug, language=attempt.language, catalog=catalog)
    result = []
    for item in attempt.served:
        question = module.question(item["q"])
        if question is None:
            raise ModuleChanged(MODULE_CHANGED)
        by_id = {c.id: c for c in question.choices}
        result.append(
            ServedQuestion(
                id=question.id,
                question=question.question,
                multiple=question.multiple,
                choices=[by_id[c] for c in item["c"] if c in by_id],
            )
        )
    return result


def submit_attempt(
    session: Session,
    *,
    attempt_id: str,
    user_id: int,
    answers: Mapping[str, Iterable[str]],
    catalog: Catalog | None = None,
    at: dt.datetime | None = None,
) -> AttemptResult:
    """Score an open attempt of this user; a pass records a completion (and its ledger entry).

    Refused: an unknown attempt (404), another user's attempt (403), an attempt already submitted
    or abandoned (409), a module changed since the attempt started (409), answers that do not match
    the served questions (422). A refusal changes nothing.
    """
    now = at or utcnow()
    attempt = session.get(TrainingAttempt, attempt_id)
    if attempt is None:
        raise AttemptNotFound("Tentative de quiz introuvable.")
    if attempt.user_id != user_id:
        raise AttemptNotYours("Cette tentative de quiz appartient à une autre personne : réponses refusées.")
    if attempt.status != "open":
        raise AttemptClosed(
            "Cette tentative a déjà été soumise (ou remplacée par une nouvelle) : "
            "commencez une nouvelle tentative pour répondre à nouveau."
        )
    module = get_module(attempt.module_slug, language=attempt.language, catalog=catalog)
    changed = _french_digest(module, catalog) != attempt.module_digest
    if module.meta.version != attempt.module_version or changed:
        raise ModuleChanged(MODULE_CHANGED)
    given = _validate_answers(attempt, module, answers)

    results: list[QuestionResult] = []
    score = 0
    for item in attempt.served:
        question = module.question(item["q"])
        assert question is not None  # checked by _validate_answers
        ok = set(given[question.id]) == set(question.correct)
        score += ok
        by_id = {c.id: c for c in question.choices}
        results.append(
            QuestionResult(
                id=question.id,
                question=question.question,
                given=given[question.id],
                correct=list(question.correct),
                is_correct=ok,
                explanation=question.explanation,
                choices=[by_id[c] for c in item["c"]],
            )
        )
    total = len(attempt.served)
    passed = score * 100 >= module.meta.pass_mark * total
    # Conditional update: of two concurrent submissions of the same attempt, only one wins.
    won = session.execute(
        update(TrainingAttempt)
        .where(TrainingAttempt.id == attempt.id, TrainingAttempt.status == "open")
        .values(status="submitted", submitted_at=now, answers=given, score=score, passed=passed)
        .execution_options(synchronize_session=False)
    )
    if getattr(won, "rowcount", 1) != 1:
        raise AttemptClosed("Cette tentative a déjà été soumise : réponses refusées.")
    session.refresh(attempt)
    expires_at = None
    if passed:
        completion = _record_completion(
            session,
            user_id=user_id,
            module=module,
            source="quiz",
            at=now,
            attempt_id=attempt.id,
            score_percent=_percent(score, total),
            actor=f"user:{user_id}",
            catalog=catalog,
        )
        expires_at = completion.expires_at
    return AttemptResult(
        attempt_id=attempt.id,
        module_slug=module.meta.slug,
        module_version=module.meta.version,
        score=score,
        total=total,
        percent=_percent(score, total),
        pass_mark=module.meta.pass_mark,
        passed=passed,
        questions=results,
        expires_at=expires_at,
    )


def _percent(score: int, total: int) -> int:
    return (score * 100) // total if total else 0


def _validate_answers(
    attempt: TrainingAttempt, module: Module, answers: Mapping[str, Iterable[str]]
) -> dict[str, list[str]]:
    served_ids = [item["q"] for item in attempt.served]
    unknown = sorted(set(answers) - set(served_ids))
    if unknown:
        listed = ", ".join(unknown)
        raise InvalidAnswers(f"Réponse à une question qui ne fait pas partie de ce quiz : {listed}.")
    given: dict[str, list[str]] = {}
    unanswered: list[int] = []
    for number, item in enumerate(attempt.served, start=1):
        question = module.question(item["q"])
        if question is None:
            raise ModuleChanged(MODULE_CHANGED)
        raw = answers.get(question.id)
        if raw is None:
            chosen: list[str] = []
        elif isinstance(raw, str):
            chosen = [raw] if raw else []
        else:
            chosen = sorted({str(c) for c in raw if c})
        if not chosen:
            unanswered.append(number)
            continue
        valid = {c.id for c in question.choices}
        if not set(chosen) <= valid:
            raise InvalidAnswers(f"Choix inconnu pour la question {number}.")
        if not question.multiple and len(chosen) > 1:
            raise InvalidAnswers(f"Une seule réponse est attendue à la question {number}.")
        given[question.id] = chosen
    if unanswered:
        listed = ", ".join(str(n) for n in unanswered)
        raise InvalidAnswers(f"Répondez à toutes les questions (sans réponse : {listed}).")
    return given


# --- completions ------------------------------------------------------------------------------


def _record_completion(
    session: Session,
    *,
    user_id: int,
    module: Module,
    source: str,
    at: dt.datetime,
    actor: str,
    attempt_id: str | None = None,
    score_percent: int | None = None,
    evidence: str | None = None,
    recorded_by: str | None = None,
    catalog: Catalog | None = None,
) -> TrainingCompletion:
    completion = TrainingCompletion(
        user_id=user_id,
        module_slug=module.meta.slug,
        module_version=module.meta.version,
        source=source,
        completed_at=at,
        expires_at=at + dt.timedelta(days=module.meta.recertification_days),
        attempt_id=attempt_id,
        score_percent=score_percent,
        evidence=evidence,
        recorded_by=recorded_by,
    )
    session.add(completion)
    session.flush()
    digests = {"module": _french_digest(module, catalog)}
    if evidence:
        from avec.ledger.canonical import sha256_text

        digests["evidence"] = sha256_text(evidence)
    completion.ledger_index = ledger_service.append(
        session,
        event_type=EVENT_COMPLETION,
        actor=actor,
        subject={"user": f"user:{user_id}", "module": module.meta.slug, "completion": completion.id},
        digests=digests,
        data={
            "version": module.meta.version,
            "source": source,
            "score_percent": score_percent,
            "attempt": attempt_id,
            "expires_at": aware(completion.expires_at).isoformat(),
        },
        at=at,
    )
    session.flush()
    return completion


def record_external(
    session: Session,
    *,
    username: str,
    slugs: list[str],
    evidence: str,
    actor: str,
    recorded_by: str | None = None,
    catalog: Catalog | None = None,
    at: dt.datetime | None = None,
) -> list[TrainingCompletion]:
    """Record training done outside AVEC (marked ``external``) for ``username``, with its evidence."""
    evidence = (evidence or "").strip()
    if len(evidence) < 5:
        raise MissingEvidence(
            "Une preuve est requise (intitulé, organisme, date, référence de l'attestation)."
        )
    if not slugs:
        raise UnknownModule("Indiquez au moins un module, ou --all.")
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UnknownUser(f"Aucun utilisateur nommé « {username} ».")
    modules = [get_module(slug, catalog=catalog) for slug in dict.fromkeys(slugs)]
    now = at or utcnow()
    return [
        _record_completion(
            session,
            user_id=user.id,
            module=module,
            source="external",
            at=now,
            actor=actor,
            evidence=evidence,
            recorded_by=recorded_by or actor,
            catalog=catalog,
        )
        for module in modules
    ]


def user_completions(session: Session, *, user_id: int) -> list[TrainingCompletion]:
    """A user's completions, most recent first."""
    return list(
        session.scalars(
            select(TrainingCompletion)
            .where(TrainingCompletion.user_id == user_id)
            .order_by(TrainingCompletion.completed_at.desc(), TrainingCompletion.id.desc())
        )
    )


def module_statuses(
    session: Session, *, user_id: int, at: dt.datetime | None = None, catalog: Catalog | None = None
) -> dict[str, tuple[str, TrainingCompletion | None]]:
    """For each module slug: ('valid'|'expired'|'outdated_version'|'never', the best completion)."""
    now = at or utcnow()
    by_slug: dict[str, list[TrainingCompletion]] = {}
    for completion in user_completions(session, user_id=user_id):
        by_slug.setdefault(completion.module_slug, []).append(completion)
    out: dict[str, tuple[str, TrainingCompletion | None]] = {}
    for module in _catalog(catalog).modules():
        found = by_slug.get(module.slug, [])
        out[module.slug] = best_status(found, module, now)
    return out


def missing_modules(
    session: Session,
    *,
    user_id: int,
    required: list[str],
    at: dt.datetime | None = None,
    catalog: Catalog | None = None,
) -> list[MissingModule]:
    """The required modules this user lacks a valid completion of (empty list: the user may proceed).

    Reasons: 'never' (no completion), 'expired' (recertification period over), 'outdated_version'
    (only completions older than the module's ``requires_retraining_from``). An unknown slug is
    reported as missing ('never'), so that a misconfigured use case refuses rather than allows.
    """
    now = at or utcnow()
    wanted = list(dict.fromkeys(required))
    if not wanted:
        return []
    rows = session.scalars(
        select(TrainingCompletion)
        .where(TrainingCompletion.user_id == user_id, TrainingCompletion.module_slug.in_(wanted))
        .order_by(TrainingCompletion.completed_at.desc())
    ).all()
    missing: list[MissingModule] = []
    for slug in wanted:
        module = _catalog(catalog).get(slug)
        if module is None:
            missing.append(
                MissingModule(
                    slug=slug, title=f"Module inconnu : {slug}", url=f"/formation/{slug}", reason="never"
                )
            )
            continue
        status, _ = best_status([c for c in rows if c.module_slug == slug], module, now)
        if status != "valid":
            missing.append(MissingModule(slug=slug, title=module.meta.title, url=module.url, reason=status))  # type: ignore[arg-type]
    return missing


def attempts_for(session: Session, *, user_id: int, slug: str) -> list[TrainingAttempt]:
    """A user's submitted attempts of a module, most recent first."""
    return list(
        session.scalars(
            select(TrainingAttempt)
            .where(
                TrainingAttempt.user_id == user_id,
                TrainingAttempt.module_slug == slug,
                TrainingAttempt.status == "submitted",
            )
            .order_by(TrainingAttempt.submitted_at.desc())
        )
    )


def choice_text(choices: list[Choice], choice_id: str) -> str:
    """The text of a choice by id ('' if absent)."""
    return next((c.text for c in choices if c.id == choice_id), "")
