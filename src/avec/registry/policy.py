"""The policy the gateway enforces before any provider call (the registry engineer completes it).

Every refusal is a :class:`PolicyRefusal` with a reason code and a message a professional
understands; the gateway turns it into a 403 in OpenAI error shape and a ledger entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from avec.accounts.schemas import Principal
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


def check(
    session: Session,
    *,
    principal: Principal,
    model: str,
    use_case_slug: str | None,
    has_patient_data: bool,
) -> PolicyDecision:
    """Allow the call or raise :class:`PolicyRefusal`."""
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
        raise PolicyRefusal("unknown_use_case", f"Unknown use case '{use_case_slug}'. See GET /api/use-cases.",
                            status_code=400)
    if system.status != "approved":
        raise PolicyRefusal("system_not_approved", f"The AI system '{system.name}' is not approved for use "
                            f"(status: {system.status}).")
    allowed = {link.ai_system_id for link in use_case.systems}
    if system.id not in allowed:
        raise PolicyRefusal("system_not_allowed_for_use_case",
                            f"The AI system '{system.name}' is not approved for the use case '{use_case.title}'.")
    if use_case.allowed_roles and not principal.has_role(*use_case.allowed_roles):
        raise PolicyRefusal("role_not_allowed", f"Your role does not allow the use case '{use_case.title}'.")
    if has_patient_data and not use_case.patient_data_allowed:
        raise PolicyRefusal("patient_data_not_allowed",
                            f"Patient data may not be sent for the use case '{use_case.title}'.")
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
    """Approved systems the caller may use for at least one use case."""
    rows = session.scalars(
        select(AISystem)
        .join(UseCaseSystem, UseCaseSystem.ai_system_id == AISystem.id)
        .join(UseCase, UseCase.id == UseCaseSystem.use_case_id)
        .where(AISystem.status == "approved", UseCase.active.is_(True))
        .distinct()
        .order_by(AISystem.slug)
    ).all()
    return list(rows)
