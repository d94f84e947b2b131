"""Pydantic schemas of the registry: input of the committee's forms and API, and what is read back."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,99}$"
Deployment = Literal["on_premises", "hds_cloud", "other_cloud"]
Provider = Literal["embedded", "openai_compatible"]
RiskLevel = Literal["low", "medium", "high"]
DpiaStatus = Literal["not_started", "in_progress", "done", "not_required"]
DriftAction = Literal["suspend", "flag"]
Role = Literal["professional", "reviewer", "quality", "dpo", "admin"]


class ContractTerms(BaseModel):
    """Contract terms with the vendor (None = not known yet)."""

    model_config = ConfigDict(extra="forbid")

    data_retention_days: int | None = Field(default=None, ge=0, le=36500)
    trains_on_customer_data: bool | None = None
    subprocessors: list[str] = Field(default_factory=list)
    access_outside_eea: bool | None = None


class ModelCard(BaseModel):
    """The CHAI Applied Model Card sections kept for each system."""

    model_config = ConfigDict(extra="forbid")

    intended_use: str = ""
    intended_users: str = ""
    out_of_scope: str = ""
    risks_and_biases: str = ""
    performance_evidence: str = ""
    maintenance: str = ""


class SystemFields(BaseModel):
    """Fields of an AI system that the committee edits (all optional: used for updates)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=2, max_length=200)
    vendor: str | None = Field(default=None, max_length=200)
    model: str | None = Field(default=None, max_length=200)
    version: str | None = Field(default=None, max_length=100)
    provider: Provider | None = None
    base_url: str | None = Field(default=None, max_length=500, pattern=r"^https?://")
    upstream_model: str | None = Field(default=None, max_length=200)
    deployment: Deployment | None = None
    hosting_country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    hosting_region: str | None = Field(default=None, max_length=100)
    hds_certified: bool | None = None
    medical_device: bool | None = None
    ce_marking: str | None = Field(default=None, max_length=100)
    mdr_class: Literal["I", "IIa", "IIb", "III"] | None = None
    dpia_status: DpiaStatus | None = None
    contract: ContractTerms | None = None
    model_card: ModelCard | None = None
    active_params_b: float | None = Field(default=None, gt=0, le=100_000)
    total_params_b: float | None = Field(default=None, gt=0, le=100_000)
    hardware: str | None = Field(default=None, max_length=200)
    pue: float | None = Field(default=None, ge=1.0, le=5.0)
    electricity_zone: str | None = Field(default=None, max_length=16)
    drift_action: DriftAction | None = None

    @field_validator("hosting_country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class SystemCreate(SystemFields):
    """A new AI system (starts as a candidate)."""

    slug: str = Field(pattern=SLUG_PATTERN, description="the model name clients will send")
    name: str = Field(min_length=2, max_length=200)


class DecisionIn(BaseModel):
    """A committee decision: who decided, when, the minutes reference (all required)."""

    model_config = ConfigDict(extra="forbid")

    members: str = Field(min_length=3, max_length=2000, description="who took part / decided")
    decided_at: dt.datetime
    minutes_ref: str = Field(min_length=2, max_length=200, description="reference of the minutes")
    rationale: str = Field(default="", max_length=5000)
    use_cases: list[str] = Field(default_factory=list, description="use case slugs approved (approval)")


class TransitionIn(BaseModel):
    """Move a system to another lifecycle status; approval and suspension need ``decision``."""

    model_config = ConfigDict(extra="forbid")

    to: Literal["candidate", "under_evaluation", "approved", "suspended", "retired"]
    decision: DecisionIn | None = None
    approved_version: str | None = Field(default=None, max_length=200)


class GridAnswerIn(BaseModel):
    """An answer to one grid item with its evidence link (a file is uploaded through the form)."""

    model_config = ConfigDict(extra="forbid")

    answer: str = Field(max_length=200)
    note: str = Field(default="", max_length=5000)
    evidence_url: str | None = Field(default=None, max_length=1000, pattern=r"^https?://")


class AiActAnswers(BaseModel):
    """Answers to the AI Act guided questions (question id -> yes/no)."""

    answers: dict[str, bool]


class PromptTemplate(BaseModel):
    """A prompt template offered with a use case."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=2, max_length=200)
    text: str = Field(min_length=2, max_length=5000)


class UseCaseFields(BaseModel):
    """Fields of a use case (all optional: used for updates)."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=3, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    risk_level: RiskLevel | None = None
    patient_data_allowed: bool | None = None
    clear_text_allowed: bool | None = None
    allowed_roles: list[Role] | None = None
    required_modules: list[str] | None = None
    review_required: bool | None = None
    second_reading_share: float | None = Field(default=None, ge=0.0, le=1.0)
    prompt_templates: list[PromptTemplate] | None = None
    patient_information: str | None = Field(default=None, max_length=10000)
    embedded_frame: str | None = Field(default=None, max_length=5000)
    active: bool | None = None

    @field_validator("embedded_frame")
    @classmethod
    def _frame_has_placeholders(cls, value: str | None) -> str | None:
        if value and "{instruction}" not in value:
            raise ValueError("the embedded frame must contain the placeholder {instruction}")
        return value


class UseCaseCreate(UseCaseFields):
    """A new use case."""

    slug: str = Field(pattern=SLUG_PATTERN)
    title: str = Field(min_length=3, max_length=200)


class UseCaseForCaller(BaseModel):
    """A use case as listed to a caller by ``GET /api/use-cases``."""

    slug: str
    title: str
    description: str
    risk_level: str
    allowed_systems: list[str]
    patient_data_allowed: bool
    review_required: bool
    required_modules: list[str]
    prompt_templates: list[dict[str, str]]
    patient_information: str
    missing_training: list[dict[str, str]] = []  # modules the caller must (re)take first: slug, title, url, reason
