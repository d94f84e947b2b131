"""Pydantic models of the training domain: a module's front matter, quiz questions, results, register rows.

A module is a Markdown file whose YAML front matter is validated by :class:`ModuleFrontMatter`;
malformed front matter is refused with the file name and the field (see ``avec.training.loader``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_version(text: str) -> tuple[int, int, int]:
    """Parse ``MAJOR.MINOR.PATCH`` into a comparable tuple; raise ValueError otherwise.

    Hand-written because module versions are plain semantic versions without pre-release tags,
    which a three-integer tuple compares exactly (packaging's PEP 440 rules accept more than we want).
    """
    match = SEMVER.match(text or "")
    if not match:
        raise ValueError(f"version {text!r} n'est pas au format MAJEUR.MINEUR.CORRECTIF (ex. 1.2.0)")
    return int(match[1]), int(match[2]), int(match[3])


class Source(BaseModel):
    """A reference the module relies on."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3)
    url: str | None = None
    note: str | None = None


class Choice(BaseModel):
    """One answer choice of a question."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_-]{1,16}$")
    text: str = Field(min_length=1)


class Question(BaseModel):
    """A quiz question: one or several correct choices, and the explanation shown after answering."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_-]{1,32}$")
    question: str = Field(min_length=5)
    choices: list[Choice] = Field(min_length=2)
    correct: list[str] = Field(min_length=1)
    explanation: str = Field(min_length=10)

    @property
    def multiple(self) -> bool:
        """True when more than one choice is correct (the form then uses check boxes)."""
        return len(self.correct) > 1

    @model_validator(mode="after")
    def _correct_among_choices(self) -> Question:
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError(f"question {self.id}: identifiants de choix en double")
        unknown = [c for c in self.correct if c not in ids]
        if unknown:
            raise ValueError(f"question {self.id}: réponse(s) correcte(s) inconnue(s) {unknown}")
        if len(set(self.correct)) != len(self.correct):
            raise ValueError(f"question {self.id}: réponse correcte en double")
        return self


class ModuleFrontMatter(BaseModel):
    """The YAML front matter of a training module file."""

    model_config = ConfigDict(extra="forbid")

    slug: str
    title: str = Field(min_length=3)
    summary: str = ""
    order: int = 100
    version: str
    language: Literal["fr", "en"]
    recertification_days: int = Field(ge=30, le=3650)
    requires_retraining_from: str
    pass_mark: int = Field(ge=50, le=100, description="pourcentage minimal de bonnes réponses")
    estimated_minutes: int = Field(default=15, ge=1, le=240)
    sources: list[Source] = Field(min_length=1)
    quiz: list[Question] = Field(min_length=3)

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("slug: minuscules, chiffres et tirets seulement (ex. limites-des-modeles)")
        return value

    @field_validator("version", "requires_retraining_from")
    @classmethod
    def _semver(cls, value: str) -> str:
        parse_version(str(value))
        return str(value)

    @model_validator(mode="after")
    def _consistent(self) -> ModuleFrontMatter:
        if parse_version(self.requires_retraining_from) > parse_version(self.version):
            raise ValueError("requires_retraining_from ne peut pas dépasser version")
        ids = [q.id for q in self.quiz]
        if len(set(ids)) != len(ids):
            raise ValueError("quiz: identifiants de question en double")
        return self


class Module(BaseModel):
    """A loaded module: its front matter, the Markdown body rendered to HTML, and its content digest."""

    meta: ModuleFrontMatter
    body_markdown: str
    body_html: str
    digest: str
    path: str

    @property
    def slug(self) -> str:
        """The module's slug."""
        return self.meta.slug

    @property
    def url(self) -> str:
        """Where to read the module in the web app."""
        return f"/formation/{self.meta.slug}"

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if any."""
        return next((q for q in self.meta.quiz if q.id == question_id), None)


class ServedQuestion(BaseModel):
    """A question as served in an attempt: its choices in the shuffled order stored with the attempt."""

    id: str
    question: str
    multiple: bool
    choices: list[Choice]


class QuestionResult(BaseModel):
    """The outcome of one answered question, with the explanation."""

    id: str
    question: str
    given: list[str]
    correct: list[str]
    is_correct: bool
    explanation: str
    choices: list[Choice]


class AttemptResult(BaseModel):
    """The outcome of a submitted attempt."""

    attempt_id: str
    module_slug: str
    module_version: str
    score: int
    total: int
    percent: int
    pass_mark: int
    passed: bool
    questions: list[QuestionResult]
    expires_at: dt.datetime | None = None


Reason = Literal["never", "expired", "outdated_version"]


class MissingModule(BaseModel):
    """A module a user must (re)take before using a use case."""

    slug: str
    title: str
    url: str
    reason: Reason


class RegisterRow(BaseModel):
    """One line of the AI-literacy register."""

    username: str
    display_name: str
    service: str
    module_slug: str
    module_title: str
    module_version: str
    source: Literal["quiz", "external"]
    completed_at: dt.datetime
    expires_at: dt.datetime
    status: Literal["valid", "expired", "outdated_version"]
    score_percent: int | None
    evidence: str | None
    ledger_index: int | None


class ServiceCoverage(BaseModel):
    """Share of a service's active users holding a valid completion of each module."""

    service: str
    users: int
    per_module: dict[str, int]  # slug -> users with a valid completion
    fully_trained: int
