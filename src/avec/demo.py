"""`avec demo`: demo services, users, the embedded AI system and use cases (idempotent)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from avec.accounts import service as accounts
from avec.accounts.schemas import UserCreate
from avec.cli_support import open_sessions
from avec.config import Settings

DEMO_PASSWORD = "avec-demo-2026"
DEMO_SERVICES = {
    "cardiologie": "Cardiologie",
    "ehpad-tilleuls": "EHPAD Les Tilleuls",
    "service-social": "Service social",
    "qualite": "Direction qualité",
}
DEMO_USERS = [
    ("dr.martin", ["professional"], "cardiologie", "Dr Claire Martin"),
    ("inf.bernard", ["professional"], "ehpad-tilleuls", "Lucas Bernard, infirmier"),
    ("as.diallo", ["professional"], "service-social", "Aïssata Diallo, assistante sociale"),
    ("rev.leroy", ["reviewer", "professional"], "cardiologie", "Dr Paul Leroy, relecteur"),
    ("qual.moreau", ["quality"], "qualite", "Sophie Moreau, qualité"),
    ("dpo.girard", ["dpo"], "qualite", "Marc Girard, DPO"),
    ("admin", ["admin"], "qualite", "Administrateur AVEC"),
]


# Demo users whose training is recorded as done outside AVEC; inf.bernard is left untrained so that
# the demo also shows how the gateway refuses a user who has not taken the required modules.
UNTRAINED_DEMO_USERS = {"inf.bernard"}


def _demo_training(tx: Session) -> list[str]:
    from avec.training import service as training
    from avec.training.loader import default_catalog

    slugs = default_catalog().slugs()
    done: list[str] = []
    for username, *_rest in DEMO_USERS:
        if username in UNTRAINED_DEMO_USERS:
            continue
        user = accounts.get_user(tx, username)
        if user is None or training.missing_modules(tx, user_id=user.id, required=slugs) == []:
            continue
        training.record_external(
            tx, username=username, slugs=slugs, actor="demo",
            evidence="Démo : formation institutionnelle à l'IA générative (données de démonstration)",
        )
        done.append(f"training recorded for {username}")
    return done


def load_demo_training(settings: Settings) -> list[str]:
    """Record the demo users' training as done outside AVEC (``avec demo`` only; tests start untrained)."""
    with open_sessions(settings) as tx:
        return _demo_training(tx)


def load_demo(settings: Settings) -> list[str]:
    """Load the demo data; safe to run several times."""
    from avec.registry.demo import load_demo_registry

    lines: list[str] = []
    with open_sessions(settings) as tx:
        for code, name in DEMO_SERVICES.items():
            accounts.get_or_create_service(tx, code, name)
        for username, roles, service, display in DEMO_USERS:
            if accounts.get_user(tx, username) is None:
                accounts.create_user(
                    tx,
                    UserCreate(username=username, roles=roles, service=service, display_name=display,
                               password=DEMO_PASSWORD),
                    actor="demo",
                )
                lines.append(f"user {username} ({', '.join(roles)})")
        lines.extend(load_demo_registry(tx))
    lines.append(f"demo login: dr.martin / {DEMO_PASSWORD} (other users: {', '.join(u[0] for u in DEMO_USERS[1:])})")
    return lines
