"""Training certificate as a PDF (WeasyPrint): a person's valid completions, module versions and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session

from avec.accounts.models import User
from avec.db import utcnow
from avec.training.loader import Catalog, default_catalog
from avec.training.service import UnknownUser, aware, module_statuses

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "web" / "templates"


@dataclass(frozen=True)
class CertificateLine:
    """One module on the certificate."""

    title: str
    slug: str
    version: str
    source: str
    completed_on: dt.date
    expires_on: dt.date
    ledger_index: int | None


class NothingToCertify(Exception):
    """The person holds no valid completion yet."""


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(["html"]))


def certificate_lines(
    session: Session, *, user_id: int, at: dt.datetime | None = None, catalog: Catalog | None = None
) -> list[CertificateLine]:
    """The valid completions of a user, one per module, in reading order."""
    cat = catalog or default_catalog()
    lines = []
    for slug, (status, completion) in module_statuses(session, user_id=user_id, at=at, catalog=cat).items():
        module = cat.get(slug)
        if status != "valid" or completion is None or module is None:
            continue
        lines.append(
            CertificateLine(
                title=module.meta.title,
                slug=slug,
                version=completion.module_version,
                source=completion.source,
                completed_on=aware(completion.completed_at).date(),
                expires_on=aware(completion.expires_at).date(),
                ledger_index=completion.ledger_index,
            )
        )
    return lines


def certificate_html(
    session: Session,
    *,
    user_id: int,
    organisation: str,
    at: dt.datetime | None = None,
    catalog: Catalog | None = None,
) -> str:
    """The certificate as HTML (raises NothingToCertify when no completion is valid)."""
    user = session.get(User, user_id)
    if user is None:
        raise UnknownUser("Utilisateur inconnu.")
    now = at or utcnow()
    lines = certificate_lines(session, user_id=user_id, at=now, catalog=catalog)
    if not lines:
        raise NothingToCertify("Aucune formation valide à attester pour le moment.")
    return (
        _environment()
        .get_template("training/certificate.html")
        .render(
            name=user.display_name or user.username,
            username=user.username,
            service=user.service.name if user.service else None,
            organisation=organisation,
            lines=lines,
            issued_on=aware(now).date(),
        )
    )


def certificate_pdf(
    session: Session,
    *,
    user_id: int,
    organisation: str,
    at: dt.datetime | None = None,
    catalog: Catalog | None = None,
) -> bytes:
    """The certificate as PDF bytes."""
    from weasyprint import HTML  # imported here: loading WeasyPrint takes a moment

    html = certificate_html(session, user_id=user_id, organisation=organisation, at=at, catalog=catalog)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
