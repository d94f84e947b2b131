"""Training pages and JSON API through the real app: list, module, quiz (plain, htmx), refusals, register."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import func, select
from tests.web.conftest import csrf_from, login

from avec.accounts import service as accounts_service
from avec.app import create_app
from avec.config import Settings
from avec.db import make_engine, make_sessionmaker, transaction
from avec.demo import load_demo
from avec.training.loader import default_catalog
from avec.training.models import TrainingCompletion

SLUG = "demarche-avec"
MODULE = default_catalog().get(SLUG)
assert MODULE is not None
CORRECT = {q.id: q.correct for q in MODULE.meta.quiz}


@pytest.fixture
def web_app(settings: Settings) -> FastAPI:
    load_demo(settings)
    return create_app(settings)


@pytest.fixture
def client_for(web_app: FastAPI) -> Iterator[Callable[[str], TestClient]]:
    opened: list[TestClient] = []

    def make(username: str) -> TestClient:
        client = TestClient(web_app, follow_redirects=False)
        client.__enter__()
        opened.append(client)
        return login(client, username)

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def _completions(settings: Settings) -> int:
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    with make_sessionmaker(engine)() as s:
        count = s.scalar(select(func.count()).select_from(TrainingCompletion)) or 0
    engine.dispose()
    return count


def _start(client: TestClient) -> tuple[str, str]:
    """Open an attempt from the module page; returns (quiz page URL, its HTML)."""
    page = client.get(f"/formation/{SLUG}")
    assert page.status_code == 200
    started = client.post(f"/formation/{SLUG}/quiz", data={"csrf_token": csrf_from(page.text)})
    assert started.status_code == 303
    url = started.headers["location"]
    quiz = client.get(url)
    assert quiz.status_code == 200
    return url, quiz.text


def _form(html: str | None, answers: dict[str, list[str]]) -> dict[str, str | list[str]]:
    data: dict[str, str | list[str]] = {f"q-{qid}": list(choices) for qid, choices in answers.items()}
    if html is not None:
        data["csrf_token"] = csrf_from(html)
    return data


def test_new_professional_reads_takes_quiz_passes_and_gets_certificate(client_for, settings) -> None:  # type: ignore[no-untyped-def]
    client = client_for("dr.martin")
    assert client.get("/training").headers["location"] == "/formation"
    listing = client.get("/formation")
    assert listing.status_code == 200
    assert listing.text.count("À faire") == len(default_catalog().slugs())
    module = client.get(f"/formation/{SLUG}")
    assert "Apprendre, Vérifier, Estimer, Communiquer" in module.text and "Sources" in module.text
    assert client.get("/formation/certificat.pdf").status_code == 404

    url, quiz = _start(client)
    # The questions appear in the order the server stored for this attempt.
    served = re.findall(r'name="q-([a-z0-9_-]+)" value="', quiz)
    assert set(served) == set(CORRECT)
    attempt_id = url.rsplit("/", 1)[1]
    result = client.post(f"/formation/quiz/{attempt_id}", data=_form(quiz, CORRECT))
    assert result.status_code == 200
    assert "Réussi : 5 bonne(s) réponse(s) sur 5" in result.text
    assert all(str(escape(q.explanation)) in result.text for q in MODULE.meta.quiz)
    assert _completions(settings) == 1
    assert "Validé" in client.get("/formation").text
    pdf = client.get("/formation/certificat.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_htmx_submission_returns_the_result_fragment(client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for("inf.bernard")
    url, quiz = _start(client)
    attempt_id = url.rsplit("/", 1)[1]
    wrong = {qid: ["z"] for qid in CORRECT}
    bad = client.post(
        f"/formation/quiz/{attempt_id}", data=_form(quiz, wrong), headers={"HX-Request": "true"}
    )
    assert bad.status_code == 200 and 'id="quiz-error"' in bad.text and "<html" not in bad.text
    first = next(iter(CORRECT))
    answers = {**CORRECT, first: [c for c in ("a", "b", "c") if c not in CORRECT[first]][:1]}
    result = client.post(
        f"/formation/quiz/{attempt_id}", data=_form(quiz, answers), headers={"HX-Request": "true"}
    )
    assert result.status_code == 200 and "<html" not in result.text
    assert "Réussi : 4 bonne(s) réponse(s) sur 5" in result.text and "Réponse incorrecte" in result.text


def test_refusals_on_pages(client_for, settings) -> None:  # type: ignore[no-untyped-def]
    alice, mallory = client_for("dr.martin"), client_for("as.diallo")
    url, quiz = _start(alice)
    attempt_id = url.rsplit("/", 1)[1]
    # Another person can neither see nor answer the attempt.
    assert mallory.get(url).status_code == 403
    other_token = csrf_from(mallory.get("/formation/" + SLUG).text)
    forged = _form(None, CORRECT) | {"csrf_token": other_token}
    refused = mallory.post(f"/formation/quiz/{attempt_id}", data=forged)
    assert refused.status_code == 403 and "appartient à une autre personne" in refused.text
    # Without the CSRF token nothing happens.
    assert alice.post(f"/formation/quiz/{attempt_id}", data=_form(None, CORRECT)).status_code == 403
    # Incomplete answers: the form comes back with the message, the attempt stays open.
    partial = dict(list(CORRECT.items())[:2])
    incomplete = alice.post(f"/formation/quiz/{attempt_id}", data=_form(quiz, partial))
    assert incomplete.status_code == 422 and "Répondez à toutes les questions" in incomplete.text
    assert _completions(settings) == 0
    assert alice.post(f"/formation/quiz/{attempt_id}", data=_form(quiz, CORRECT)).status_code == 200
    replay = alice.post(f"/formation/quiz/{attempt_id}", data=_form(quiz, CORRECT))
    assert replay.status_code == 409 and "déjà été soumise" in replay.text
    assert _completions(settings) == 1
    assert alice.get("/formation/n-existe-pas").status_code == 404
    assert alice.get(url).status_code == 409  # a submitted attempt cannot be reopened


def test_pages_in_english(client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for("dr.martin")
    listing = client.get("/formation?lang=en")
    assert listing.status_code == 200 and "Generative AI training" in listing.text and "To do" in listing.text
    module = client.get(f"/formation/{SLUG}")  # the choice is remembered (cookie)
    assert "Start the quiz" in module.text and "The A.V.E.C. approach" in module.text
    url, quiz = _start(client)
    assert "What do the four letters" in quiz
    result = client.post(f"/formation/quiz/{url.rsplit('/', 1)[1]}", data=_form(quiz, CORRECT))
    assert result.status_code == 200 and "Passed: 5 right answer(s) out of 5" in result.text


def test_register_is_for_quality_admin_and_dpo(client_for) -> None:  # type: ignore[no-untyped-def]
    pro = client_for("dr.martin")
    url, quiz = _start(pro)
    pro.post(f"/formation/quiz/{url.rsplit('/', 1)[1]}", data=_form(quiz, CORRECT))
    assert pro.get("/formation/registre").status_code == 403
    assert pro.get("/formation/registre.csv").status_code == 403
    quality = client_for("qual.moreau")
    page = quality.get("/formation/registre")
    assert page.status_code == 200
    assert "Cardiologie" in page.text and "Dr Claire Martin" in page.text
    csv_text = quality.get("/formation/registre.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("utilisateur,nom,service,module")
    assert f"dr.martin,Dr Claire Martin,Cardiologie,{SLUG}" in csv_text


def test_json_api_with_an_api_key(web_app: FastAPI, settings: Settings) -> None:
    engine = make_engine(settings.resolved_database_url, pool_size=1)
    with transaction(make_sessionmaker(engine)) as tx:
        martin = accounts_service.get_user(tx, "dr.martin")
        diallo = accounts_service.get_user(tx, "as.diallo")
        assert martin is not None and diallo is not None
        _, key_martin = accounts_service.create_api_key(tx, martin)
        _, key_diallo = accounts_service.create_api_key(tx, diallo)
    engine.dispose()
    with TestClient(web_app) as client:
        auth = {"Authorization": f"Bearer {key_martin}"}
        missing = client.get("/api/training/missing", params={"required": [SLUG]}, headers=auth).json()
        assert missing == [
            {"slug": SLUG, "title": MODULE.meta.title, "url": f"/formation/{SLUG}", "reason": "never"}
        ]
        opened = client.post(f"/api/training/modules/{SLUG}/attempts", headers=auth)
        assert opened.status_code == 201
        attempt = opened.json()
        assert [q["id"] for q in attempt["questions"]] and set(q["id"] for q in attempt["questions"]) == set(
            CORRECT
        )
        other = client.post(
            f"/api/training/attempts/{attempt['attempt_id']}",
            json={"answers": CORRECT},
            headers={"Authorization": f"Bearer {key_diallo}"},
        )
        assert other.status_code == 403 and other.json()["error"]["code"] == "attempt_not_yours"
        done = client.post(
            f"/api/training/attempts/{attempt['attempt_id']}", json={"answers": CORRECT}, headers=auth
        )
        assert done.status_code == 200 and done.json()["passed"] is True
        again = client.post(
            f"/api/training/attempts/{attempt['attempt_id']}", json={"answers": CORRECT}, headers=auth
        )
        assert again.status_code == 409 and again.json()["error"]["code"] == "attempt_closed"
        assert client.get("/api/training/missing", params={"required": [SLUG]}, headers=auth).json() == []
        statuses = {m["slug"]: m["status"] for m in client.get("/api/training/modules", headers=auth).json()}
        assert statuses[SLUG] == "valid" and statuses["cadre-reglementaire"] == "never"
        assert client.get("/api/training/register.csv", headers=auth).status_code == 403


def test_pages_need_login(web_app: FastAPI) -> None:
    with TestClient(web_app, follow_redirects=False) as anon:
        for path in ("/formation", f"/formation/{SLUG}", "/formation/registre", "/formation/certificat.pdf"):
            response = anon.get(path)
            assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
        assert anon.get("/api/training/modules").status_code == 401
