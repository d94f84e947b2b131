"""The policy the gateway enforces before any provider call.

Rules, in order: the model names a known AI system; a use case is given and known; the system is
approved (not a candidate, not suspended, not retired); the system is approved for that use case;
the caller's role is allowed; the caller's required training is valid (training domain); patient data
is allowed for the use case; identifiable patient data never goes to a non-HDS cloud, outside the
EEA, or to a vendor whose contract allows access from outside the EEA. Every refusal is a
:class:`PolicyRefusal` with a stable reason code and a message a professional understands (French,
then English); the gateway turns it into an OpenAI-shaped error and a ``policy.refusal`` ledger
entry. The policy fails closed: if the training check cannot run, the call is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.schemas import Principal
from avec.registry.compliance import EEA_COUNTRIES
from avec.registry.models import AISystem, UseCase, UseCaseSystem


class PolicyRefusal(Exception):
    """The call is not allowed; ``code`` is a stable reason code."""

    def __init__(self, code: str, message: str, *, status_code: int = 403) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status_code = status_code


@dataclass(frozen=True)
class PolicyDecision:
    """What the policy allowed: the system, the use case, and whether clear text may be sent."""

    system_id: int
    system_slug: str
    use_case_id: int
    use_case_slug: str
    send_clear_text: bool
    review_required: bool


def find_use_case(session: Session, slug: str) -> UseCase | None:
    """The active use case with this slug."""
    return session.scalar(select(UseCase).where(UseCase.slug == slug, UseCase.active.is_(True)))


def find_system(session: Session, slug: str) -> AISystem | None:
    """The AI system whose model name is ``slug``."""
    return session.scalar(select(AISystem).where(AISystem.slug == slug))


def patient_data_destination_ok(system: AISystem) -> bool:
    """True if identifiable patient data may reach this system (on premises, or HDS-certified in the EEA)."""
    if system.deployment == "on_premises":
        return True
    in_eea = (system.hosting_country or "").upper() in EEA_COUNTRIES
    no_foreign_access = (system.contract or {}).get("access_outside_eea") is False
    return system.deployment == "hds_cloud" and bool(system.hds_certified) and in_eea and no_foreign_access


def _status_refusal(system: AISystem) -> PolicyRefusal:
    if system.status == "suspended":
        drift = " à la suite d'un changement de version du modèle" if system.version_drift_at else ""
        return PolicyRefusal(
            "system_suspended",
            f"Le système d'IA « {system.name} » est suspendu{drift} : le comité IA doit le réautoriser avant "
            f"tout usage. — The AI system '{system.name}' is suspended until the AI committee approves it "
            f"again.",
        )
    if system.status == "retired":
        return PolicyRefusal(
            "system_retired",
            f"Le système d'IA « {system.name} » est retiré du service. — The AI system '{system.name}' is retired.",
        )
    return PolicyRefusal(
        "system_not_approved",
        f"Le système d'IA « {system.name} » n'est pas (encore) autorisé par le comité IA (statut : "
        f"{system.status}). "
        f"— The AI system '{system.name}' is not approved for use (status: {system.status}).",
    )


def _check_training(session: Session, principal: Principal, use_case: UseCase, base_url: str) -> None:
    required: Sequence[str] = use_case.required_modules or ()
    if not required:
        return
    try:
        from avec.training.service import missing_modules
    except ImportError:
        raise PolicyRefusal(
            "training_check_unavailable",
            "La vérification des formations est indisponible : l'appel est refusé par précaution. "
            "— The training check is unavailable, so the call is refused.",
            status_code=503,
        ) from None
    missing = missing_modules(session, user_id=principal.user_id, required=list(required))
    if missing:
        reasons = {
            "never": "non suivie",
            "expired": "expirée",
            "outdated_version": "nouvelle version à suivre",
        }
        items = "; ".join(f"« {m.title} » ({reasons.get(m.reason, m.reason)}) : {base_url}{m.url}" for m in missing)
        raise PolicyRefusal(
            "training_required",
            f"Formation requise avant d'utiliser « {use_case.title} » : {items}. "
            f"— Training required before this use case: {', '.join(base_url + m.url for m in missing)}",
        )


def check(
    session: Session,
    *,
    principal: Principal,
    model: str,
    use_case_slug: str | None,
    has_patient_data: bool,
    base_url: str = "",
) -> PolicyDecision:
    """Allow the call or raise :class:`PolicyRefusal`; ``base_url`` prefixes links to training modules."""
    system = find_system(session, model)
    if system is None:
        raise PolicyRefusal("unknown_model", f"Unknown model '{model}'. See GET /v1/models.", status_code=400)
    if not use_case_slug:
        raise PolicyRefusal(
            "missing_use_case",
            "Missing use case: send 'avec': {'use_case': '<slug>'} in the body or the X-AVEC-Use-Case header.",
            status_code=400,
        )
    use_case = find_use_case(session, use_case_slug)
    if use_case is None:
        raise PolicyRefusal(
            "unknown_use_case",
            f"Unknown use case '{use_case_slug}'. See GET /api/use-cases.",
            status_code=400,
        )
    if system.status != "approved":
        raise _status_refusal(system)
    if system.id not in {link.ai_system_id for link in use_case.systems}:
        raise PolicyRefusal(
            "system_not_allowed_for_use_case",
            f"Le comité IA n'a pas autorisé « {system.name} » pour l'usage « {use_case.title} ». "
            f"— '{system.name}' is not approved for the use case '{use_case.title}'. See GET /api/use-cases.",
        )
    if use_case.allowed_roles and not principal.has_role(*use_case.allowed_roles):
        raise PolicyRefusal(
            "role_not_allowed",
            f"Votre rôle ne permet pas l'usage « {use_case.title} » (rôles autorisés : "
            f"{', '.join(use_case.allowed_roles)}). — Your role does not allow the use case "
            f"'{use_case.title}'.",
        )
    _check_training(session, principal, use_case, base_url.rstrip("/"))
    if has_patient_data and not use_case.patient_data_allowed:
        raise PolicyRefusal(
            "patient_data_not_allowed",
            f"L'usage « {use_case.title} » ne permet pas d'envoyer des données de patient : retirez-les. "
            f"— Patient data may not be sent for the use case '{use_case.title}'.",
        )
    if has_patient_data and not patient_data_destination_ok(system):
        raise PolicyRefusal(
            "patient_data_not_allowed_for_deployment",
            f"Des données de patient identifiantes ne peuvent pas être envoyées à « {system.name} » : il "
            f"n'est ni "
            "sur site, ni chez un hébergeur certifié HDS dans l'Espace économique européen sans accès depuis "
            f"l'étranger. — Identifiable patient data may not be sent to '{system.name}' (not on premises "
            f"nor "
            "HDS-certified in the EEA).",
        )
    send_clear = use_case.clear_text_allowed and system.deployment == "on_premises"
    return PolicyDecision(
        system_id=system.id,
        system_slug=system.slug,
        use_case_id=use_case.id,
        use_case_slug=use_case.slug,
        send_clear_text=send_clear,
        review_required=use_case.review_required,
    )


def allowed_systems(session: Session, principal: Principal) -> list[AISystem]:
    """Approved systems the caller may use for at least one active use case their roles allow."""
    cases = session.scalars(
        select(UseCase).where(UseCase.active.is_(True), UseCase.id.in_(select(UseCaseSystem.use_case_id)))
    ).all()
    systems: dict[str, AISystem] = {}
    for uc in cases:
        if uc.allowed_roles and not principal.has_role(*uc.allowed_roles):
            continue
        for link in uc.systems:
            if link.ai_system.status == "approved":
                systems[link.ai_system.slug] = link.ai_system
    return [systems[slug] for slug in sorted(systems)]
