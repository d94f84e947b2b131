"""The register (rows, CSV, per-service coverage), the certificate PDF, and `avec training` commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.training.conftest import module_text
from typer.testing import CliRunner

from avec.config import Settings
from avec.db import transaction
from avec.ledger.models import LedgerEntry
from avec.training import register, service
from avec.training.certificate import NothingToCertify, certificate_html, certificate_pdf
from avec.training.loader import default_catalog
from avec.training.models import TrainingCompletion

T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


def _pass_shipped(sessions, uid: int, slug: str, at: dt.datetime) -> None:  # type: ignore[no-untyped-def]
    module = default_catalog().get(slug)
    assert module is not None
    answers = {q.id: q.correct for q in module.meta.quiz}
    with transaction(sessions) as tx:
        attempt = service.start_attempt(tx, user_id=uid, slug=slug, rng=random.Random(3), at=at)
        assert service.submit_attempt(tx, attempt_id=attempt.id, user_id=uid, answers=answers, at=at).passed


def test_register_rows_csv_and_coverage(sessions, make_user) -> None:  # type: ignore[no-untyped-def]
    slugs = default_catalog().slugs()
    alice = make_user("alice", service="cardio")
    make_user("bob", service="cardio")
    carol = make_user("carol", service="ehpad")
    for slug in slugs:
        _pass_shipped(sessions, alice, slug, T0)
    _pass_shipped(sessions, carol, "demarche-avec", T0)
    with transaction(sessions) as tx:
        service.record_external(
            tx,
            username="carol",
            slugs=["cadre-reglementaire"],
            evidence='=HYPERLINK("x") DU 2026',
            actor="cli",
            at=T0,
        )
    with sessions() as s:
        rows = register.register_rows(s, at=T0 + dt.timedelta(days=1))
        cover = {c.service: c for c in register.coverage(s, at=T0 + dt.timedelta(days=1))}
        later = {c.service: c for c in register.coverage(s, at=T0 + dt.timedelta(days=800))}
    assert len(rows) == len(slugs) + 2
    assert {r.status for r in rows} == {"valid"}
    assert cover["cardio"].users == 2 and cover["cardio"].fully_trained == 1
    assert cover["cardio"].per_module["demarche-avec"] == 1
    assert cover["ehpad"].per_module == {s: int(s in {"demarche-avec", "cadre-reglementaire"}) for s in slugs}
    assert later["cardio"].fully_trained == 0  # everything has expired by then

    parsed = list(csv.DictReader(io.StringIO(register.register_csv(rows))))
    external = next(r for r in parsed if r["origine"] == "externe")
    assert external["utilisateur"] == "carol" and external["module"] == "cadre-reglementaire"
    assert external["preuve"].startswith("'=")  # spreadsheet formula neutralised
    assert external["statut"] == "valide" and external["version"] == "1.0.0"
    assert external["echeance"] == (T0 + dt.timedelta(days=730)).date().isoformat()


def test_certificate_lists_modules_versions_and_dates(sessions, make_user) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("alice")
    with sessions() as s, pytest.raises(NothingToCertify):
        certificate_html(s, user_id=uid, organisation="CH Test")
    _pass_shipped(sessions, uid, "demarche-avec", T0)
    with sessions() as s:
        html = certificate_html(s, user_id=uid, organisation="CH Test", at=T0)
        pdf = certificate_pdf(s, user_id=uid, organisation="CH Test", at=T0)
    assert "La démarche A.V.E.C." in html and "1.0.0" in html
    until = (T0 + dt.timedelta(days=730)).strftime("%d/%m/%Y")  # 29/02/2028: 2028 is a leap year
    assert "01/03/2026" in html and until in html
    assert "Biais et égalité" not in html  # not completed, not certified
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("AVEC_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("AVEC_DATABASE_URL", settings.resolved_database_url)
    return settings


def test_cli_record_marks_external_with_evidence(cli_env, sessions, make_user) -> None:  # type: ignore[no-untyped-def]
    from avec.training.cli import app

    make_user("dr.martin")
    runner = CliRunner()
    result = runner.invoke(
        app, ["record", "dr.martin", "cadre-reglementaire", "demarche-avec", "--evidence", "DU IA santé 2026"]
    )
    assert result.exit_code == 0, result.output
    assert "cadre-reglementaire 1.0.0 (externe" in result.output
    result = runner.invoke(app, ["record", "dr.martin", "--all", "--evidence", "Formation institutionnelle"])
    assert result.exit_code == 0, result.output
    with sessions() as s:
        rows = s.scalars(select(TrainingCompletion)).all()
        assert len(rows) == 2 + len(default_catalog().slugs())
        assert {r.source for r in rows} == {"external"}
        assert all(r.evidence and r.recorded_by == "cli" for r in rows)
        entries = s.scalars(select(LedgerEntry).where(LedgerEntry.event_type == "training.completion")).all()
        assert len(entries) == len(rows)
        assert all("Formation institutionnelle" not in e.body for e in entries)  # digest only
    status = runner.invoke(app, ["status", "dr.martin"])
    assert status.exit_code == 0 and "cadre-reglementaire\tvalid" in status.output
    exported = runner.invoke(app, ["register"])
    assert exported.exit_code == 0 and exported.output.count("externe") == len(rows)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["record", "personne", "demarche-avec", "--evidence", "DU IA santé"], 1, "Aucun utilisateur"),
        (["record", "dr.martin", "inconnu", "--evidence", "DU IA santé"], 1, "Module de formation inconnu"),
        (["record", "dr.martin", "demarche-avec", "--evidence", "  "], 1, "preuve est requise"),
        (["record", "dr.martin", "--evidence", "DU IA santé"], 2, "at least one module"),
        (["record", "dr.martin", "demarche-avec", "--all", "--evidence", "DU IA"], 2, "not both"),
        (
            ["record", "dr.martin", "demarche-avec", "--evidence", "DU IA", "--by", "dr.martin"],
            1,
            "not an admin",
        ),
    ],
)
def test_cli_record_refusals_store_nothing(cli_env, sessions, make_user, args, code, message) -> None:  # type: ignore[no-untyped-def]
    from avec.training.cli import app

    make_user("dr.martin")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code
    assert message in result.output
    with sessions() as s:
        assert s.scalars(select(TrainingCompletion)).all() == []


def test_cli_validate_reports_file_and_field(tmp_path: Path) -> None:
    from avec.training.cli import app

    (tmp_path / "bon.fr.md").write_text(module_text("bon"), encoding="utf-8")
    ok = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert ok.exit_code == 0 and "1 module(s)" in ok.output
    (tmp_path / "mauvais.fr.md").write_text(module_text("mauvais").replace("pass_mark: 80", "pass_mark: 20"))
    bad = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert bad.exit_code == 2
    assert "mauvais.fr.md : champ « pass_mark »" in bad.output
