"""Fixtures of the training tests: users in services, and module folders written on the fly."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from avec.accounts import service as accounts_service
from avec.accounts.schemas import UserCreate
from avec.db import transaction
from avec.training.loader import Catalog, load_catalog

BODY = " ".join(["Texte du module de formation, suffisamment long pour être valide."] * 12)


@pytest.fixture
def make_user(sessions: sessionmaker[Session]) -> Callable[..., int]:
    """Create a user (committed) and return its id."""

    def make(
        username: str, roles: tuple[str, ...] = ("professional",), service: str | None = "cardio"
    ) -> int:
        with transaction(sessions) as tx:
            user = accounts_service.create_user(
                tx,
                UserCreate(
                    username=username, roles=list(roles), service=service, display_name=username.title()
                ),
            )
            return user.id

    return make


def module_text(
    slug: str = "essai",
    *,
    version: str = "1.0.0",
    retrain_from: str = "1.0.0",
    days: int = 365,
    pass_mark: int = 80,
    extra: str = "",
) -> str:
    """A valid module file with five single-answer questions (correct answer 'a') and one multi-answer."""
    questions = "".join(
        textwrap.dedent(
            f"""\
              - id: q{i}
                question: "Question numéro {i} ?"
                choices:
                  - {{id: a, text: "Bonne réponse {i}"}}
                  - {{id: b, text: "Mauvaise réponse {i}"}}
                  - {{id: c, text: "Autre mauvaise réponse {i}"}}
                correct: [a]
                explanation: "Explication de la question {i}."
            """
        )
        for i in range(1, 5)
    )
    questions += textwrap.dedent(
        """\
          - id: multi
            question: "Question à plusieurs réponses ?"
            choices:
              - {id: a, text: "Vrai un"}
              - {id: b, text: "Vrai deux"}
              - {id: c, text: "Faux"}
            correct: [a, b]
            explanation: "Les deux premières sont vraies."
        """
    )
    return (
        "---\n"
        f"slug: {slug}\n"
        f'title: "Module {slug}"\n'
        f"version: {version}\n"
        "language: fr\n"
        f"recertification_days: {days}\n"
        f"requires_retraining_from: {retrain_from}\n"
        f"pass_mark: {pass_mark}\n"
        f"{extra}"
        "sources:\n"
        '  - title: "Source de test"\n'
        "quiz:\n"
        f"{questions}"
        "---\n\n"
        f"# Module {slug}\n\n{BODY}\n"
    )


@pytest.fixture
def module_dir(tmp_path: Path) -> Callable[..., Catalog]:
    """Write module files into a fresh folder and load them as a catalog."""
    folder = tmp_path / "modules"
    folder.mkdir()

    def write(**files: str) -> Catalog:
        for name, text in files.items():
            (folder / f"{name}.md").write_text(text, encoding="utf-8")
        return load_catalog(folder)

    return write


ALL_CORRECT = {"q1": ["a"], "q2": ["a"], "q3": ["a"], "q4": ["a"], "multi": ["a", "b"]}
