"""Demo registry: the embedded model approved for a realistic set of demo use cases (idempotent)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from avec.registry.models import AISystem, UseCase, UseCaseSystem
from avec.registry.policy import find_system, find_use_case

EMBEDDED_SLUG = "gemma-3-270m-embedded"

DEFAULT_FRAME = (
    "Voici des consignes données par des professionnels de santé et les réponses rédigées en "
    "français, courtes et précises.\n\n"
    "Consigne : Reformule en langage simple : « HTA essentielle traitée par IEC ».\n"
    "Réponse : Vous avez une tension artérielle trop élevée, soignée par un médicament qui fait "
    "baisser la tension.\n\n"
    "Consigne : {instruction}\n"
    "Réponse :"
)

DEMO_USE_CASES: list[dict[str, object]] = [
    {
        "slug": "discharge-letter-draft",
        "title": "Brouillon de lettre de liaison / compte rendu de sortie",
        "description": "Rédiger un premier jet de lettre de liaison à partir des éléments du séjour.",
        "risk_level": "high",
        "patient_data_allowed": True,
        "second_reading_share": 0.1,
        "prompt_templates": [
            {"title": "Lettre de liaison", "text": "Contexte : patient hospitalisé en cardiologie.\n"
             "Tâche : rédige un brouillon de lettre de liaison pour le médecin traitant.\n"
             "Format : 10 lignes maximum, sections Motif / Évolution / Traitement de sortie.\n"
             "Éléments : "},
        ],
    },
    {
        "slug": "plain-language-rewrite",
        "title": "Information du patient en langage simple",
        "description": "Reformuler un document d'information en français simple et accessible.",
        "risk_level": "medium",
        "patient_data_allowed": False,
        "second_reading_share": 0.05,
        "prompt_templates": [
            {"title": "Langage simple", "text": "Tâche : reformule ce texte en langage simple pour un "
             "patient, phrases courtes.\nFormat : 5 phrases maximum.\nTexte : "},
        ],
    },
]


def _system(session: Session) -> AISystem:
    system = find_system(session, EMBEDDED_SLUG)
    if system is None:
        system = AISystem(
            slug=EMBEDDED_SLUG,
            name="Gemma 3 270M (modèle embarqué de démonstration)",
            vendor="Google (poids ouverts), exécuté localement par llama.cpp",
            model="gemma-3-270m",
            version="q4_k_m-1.0.0",
            provider="embedded",
            deployment="on_premises",
            status="approved",
            active_params_b=0.27,
            total_params_b=0.27,
        )
        session.add(system)
        session.flush()
    return system


def load_demo_registry(session: Session) -> list[str]:
    """Create (or complete) the demo AI system and use cases; returns what was done."""
    done: list[str] = []
    system = _system(session)
    for spec in DEMO_USE_CASES:
        use_case = find_use_case(session, str(spec["slug"]))
        if use_case is None:
            use_case = UseCase(
                slug=spec["slug"], title=spec["title"], description=spec["description"],
                risk_level=spec["risk_level"], patient_data_allowed=spec["patient_data_allowed"],
                clear_text_allowed=False, allowed_roles=[], required_modules=[], review_required=True,
                second_reading_share=spec["second_reading_share"], prompt_templates=spec["prompt_templates"],
                patient_information="", embedded_frame=DEFAULT_FRAME, active=True,
            )
            session.add(use_case)
            session.flush()
            done.append(f"use case {use_case.slug}")
        if system.id not in {link.ai_system_id for link in use_case.systems}:
            use_case.systems.append(UseCaseSystem(ai_system_id=system.id))
    session.flush()
    return done
