"""`avec demo`: demo services, users, the embedded AI system and use cases (idempotent)."""

from __future__ import annotations

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
