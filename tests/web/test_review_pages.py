"""Review pages and API through the real app: authorisation per role, refusals, CSRF, export, ledger."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.review.outputs import DRAFT, make_output, set_second_reading_share
from tests.web.conftest import csrf_from

from avec.config import Settings
from avec.db import make_engine, make_sessionmaker
from avec.demo import DEMO_USERS
from avec.gateway.models import Interaction
from avec.ledger.models import LedgerEntry
from avec.review.models import ReviewDecision

Clients = Callable[[str], TestClient]
ROLES_OF = {u[0]: set(u[1]) for u in DEMO_USERS}
USERS = [u[0] for u in DEMO_USERS]


@pytest.fixture
def db(demo_settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(demo_settings.resolved_database_url, pool_size=2)
    yield make_sessionmaker(engine)
    engine.dispose()


def _decisions(db: sessionmaker[Session]) -> int:
    with db() as session:
        return session.scalar(select(func.count()).select_from(ReviewDecision)) or 0


def _review_status(db: sessionmaker[Session], pid: str) -> str:
    with db() as session:
        return session.scalar(select(Interaction.review_status).where(Interaction.public_id == pid)) or ""


# --- authorisation: every role on every page -------------------------------------------------------

PAGE_RULES: dict[str, Callable[[set[str]], bool]] = {
    "/": lambda roles: True,
    "/workspace": lambda roles: "professional" in roles,
    "/reviews": lambda roles: bool(roles & {"professional", "reviewer", "quality"}),
    "/reviews?scope=service": lambda roles: bool(roles & {"reviewer", "quality"}),
    "/reviews?scope=escalated": lambda roles: "reviewer" in roles,
    "/history": lambda roles: bool(roles & {"professional", "reviewer", "quality"}),
    "/reviews/second-readings": lambda roles: bool(roles & {"reviewer", "quality"}),
}


@pytest.mark.parametrize("username", USERS)
def test_each_role_gets_exactly_the_pages_it_may_open(client_for: Clients, username: str) -> None:
    client = client_for(username)
    for path, allowed in PAGE_RULES.items():
        response = client.get(path)
        expected = 200 if allowed(ROLES_OF[username]) else 403
        assert response.status_code == expected, (username, path, response.status_code)


@pytest.mark.parametrize("path", list(PAGE_RULES) + ["/interactions/int_x"])
def test_pages_send_anonymous_visitors_to_login(anon: TestClient, path: str) -> None:
    response = anon.get(path)
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")


def test_history_visibility_own_service_nobody_else(
    client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]
) -> None:
    pid = make_output(db, demo_settings, "dr.martin", draft="Texte du brouillon secret")
    expected = {  # who may open dr.martin's (cardiologie) output
        "dr.martin": 200,
        "rev.leroy": 200,  # author; reviewer of the same service
        "inf.bernard": 404,
        "as.diallo": 404,  # other professionals
        "qual.moreau": 404,  # quality, but another service (qualite)
        "dpo.girard": 404,
        "admin": 404,  # no role that opens contents
    }
    for username, status in expected.items():
        client = client_for(username)
        page = client.get(f"/interactions/{pid}")
        assert page.status_code == status, username
        assert ("Texte du brouillon secret" in page.text) == (status == 200), username
        listed = pid in client.get("/history?scope=service").text + client.get("/history").text
        assert listed == (status == 200), username


def test_quality_sees_its_service_history(
    client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]
) -> None:
    # a quality staff member sees outputs of their own service
    pid = make_output(db, demo_settings, "dpo.girard", use_case="plain-language-rewrite")  # dpo is in 'qualite'
    assert client_for("qual.moreau").get(f"/interactions/{pid}").status_code == 200


# --- decisions through the pages ---------------------------------------------------------------------


def _decide(client: TestClient, pid: str, **fields: object):  # type: ignore[no-untyped-def]
    token = (
        csrf_from(client.get(f"/interactions/{pid}").text) if "csrf_token" not in fields else fields.pop("csrf_token")
    )
    return client.post(f"/interactions/{pid}/decision", data={"csrf_token": token, **fields})


def test_modify_through_the_page_keeps_the_diff_and_unlocks_export(
    client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]
) -> None:
    client = client_for("dr.martin")
    pid = make_output(db, demo_settings, "dr.martin")
    page = client.get(f"/interactions/{pid}")
    assert "Proposition à vérifier — générée par IA" in html.unescape(page.text)
    assert "furosémide 40 mg" in page.text and 'id="final-text"' not in page.text
    refused = client.get(f"/interactions/{pid}/export")
    assert refused.status_code == 409 and "pas encore été validée" in html.unescape(refused.text)
    api_refused = client.get(f"/api/interactions/{pid}/final")
    assert api_refused.status_code == 409 and api_refused.json()["error"]["code"] == "not_decided"
    final = DRAFT.replace("40 mg", "20 mg")
    response = _decide(client, pid, decision="modify", final_text=final, time_saved_minutes="15")
    assert response.status_code == 303
    shown = html.unescape(client.get(f"/interactions/{pid}").text)
    assert "<del>40</del><ins>20</ins>" in shown and 'id="final-text"' in shown
    exported = client.get(f"/interactions/{pid}/export")
    assert exported.status_code == 200 and exported.text == final
    assert "attachment" in exported.headers["content-disposition"]
    assert _review_status(db, pid) == "modified"


def test_page_refusals_change_nothing(client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]) -> None:
    author, other = client_for("dr.martin"), client_for("rev.leroy")
    pid = make_output(db, demo_settings, "dr.martin")
    # someone else's interaction (reviewer of the same service may read, not decide)
    response = _decide(other, pid, decision="approve")
    assert response.status_code == 403 and "Seule la personne" in html.unescape(response.text)
    # forged form: no token, or a token from another session
    forged = author.post(f"/interactions/{pid}/decision", data={"decision": "approve", "csrf_token": "x" * 43})
    assert forged.status_code == 403 and "jeton de sécurité" in forged.text
    stolen = csrf_from(other.get("/").text)
    assert _decide(author, pid, decision="approve", csrf_token=stolen).status_code == 403
    # incomplete decisions
    assert _decide(author, pid, decision="reject").status_code == 422
    assert _decide(author, pid, decision="bogus").status_code == 422
    assert _decide(author, pid, decision="modify", final_text="").status_code == 422
    assert _decisions(db) == 0 and _review_status(db, pid) == "pending"
    # then a valid one, and a second one is refused
    assert _decide(author, pid, decision="approve").status_code == 303
    second = _decide(author, pid, decision="reject", reason_codes=["omission"])
    assert second.status_code == 409 and "déjà été enregistrée" in html.unescape(second.text)
    assert _decisions(db) == 1 and _review_status(db, pid) == "approved"


def test_every_decision_is_in_the_ledger(
    client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]
) -> None:
    author = client_for("dr.martin")
    pids = [make_output(db, demo_settings, "dr.martin") for _ in range(3)]
    _decide(author, pids[0], decision="approve")
    _decide(author, pids[1], decision="reject", reason_codes=["factual_error", "outdated"])
    _decide(author, pids[2], decision="escalate", escalate_to="rev.leroy")
    _decide(client_for("rev.leroy"), pids[2], decision="modify", final_text="Texte corrigé par le relecteur.")
    with db() as session:
        bodies = [
            json.loads(b)
            for b in session.scalars(select(LedgerEntry.body).where(LedgerEntry.event_type == "review.decision"))
        ]
        decisions = session.scalars(select(ReviewDecision)).all()
    assert len(decisions) == 4
    recorded = sorted((b["subject"]["interaction"], b["data"]["decision"]) for b in bodies)
    assert recorded == sorted([(pids[0], "approve"), (pids[1], "reject"), (pids[2], "escalate"), (pids[2], "modify")])
    assert all(d.ledger_index is not None and d.ledger_index >= 0 for d in decisions)


def test_workspace_refuses_empty_and_overlong_prompts(client_for: Clients, db: sessionmaker[Session]) -> None:
    client = client_for("dr.martin")
    page = client.get("/workspace")
    assert page.status_code == 200
    token = csrf_from(page.text)
    form = {
        "csrf_token": token,
        "use_case": "plain-language-rewrite",
        "system": "gemma-3-270m-embedded",
        "conversation_id": "ws_test",
    }
    empty = client.post("/workspace/send", data=form | {"prompt": "   "})
    assert empty.status_code == 422 and "La demande est vide" in html.unescape(empty.text)
    long = client.post("/workspace/send", data=form | {"prompt": "mot " * 2500})
    assert long.status_code == 422 and "dépasse 8000 caractères" in html.unescape(long.text)
    forged = client.post("/workspace/send", data=form | {"prompt": "Reformule ce texte.", "csrf_token": "nope"})
    assert forged.status_code == 403
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Interaction)) == 0


def test_workspace_check_shows_hints_and_pseudonymized_preview(client_for: Clients) -> None:
    client = client_for("dr.martin")
    token = csrf_from(client.get("/workspace").text)
    prompt = "Reformule : Mme Jeanne Dupont, née le 12/03/1948, tél 06 12 34 56 78, a une HTA."
    response = client.post(
        "/workspace/check",
        data={
            "csrf_token": token,
            "use_case": "plain-language-rewrite",
            "system": "gemma-3-270m-embedded",
            "conversation_id": "ws_checktest",
            "prompt": prompt,
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Ce qui sortira de l'établissement" in text
    assert '<mark class="pii"' in text
    preview = text.split('id="preview"')[1].split("</div>")[0]
    assert "Dupont" not in preview and "06 12 34 56 78" not in preview  # identifiers replaced
    assert "Données identifiantes détectées" in text
    assert "Format ou longueur manquants" in text  # no expected format in this prompt


def test_api_review_queue_and_decision(client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]) -> None:
    pid = make_output(db, demo_settings, "dr.martin", channel="api")
    client = client_for("dr.martin")
    queue = client.get("/api/reviews").json()
    assert [item["interaction"] for item in queue] == [pid]
    assert queue[0]["channel"] == "api" and queue[0]["age_seconds"] >= 0
    reviewer_queue = client_for("rev.leroy").get("/api/reviews?scope=service").json()
    assert pid in [item["interaction"] for item in reviewer_queue]
    assert client.get("/api/reviews?scope=service").status_code == 403
    assert client_for("dpo.girard").get("/api/reviews?scope=service").status_code == 403
    # a session-authenticated POST needs the CSRF header
    body = {"decision": "approve", "time_saved_minutes": 5}
    assert client.post(f"/api/interactions/{pid}/decision", json=body).status_code == 403
    token = csrf_from(client.get("/").text)
    ok = client.post(f"/api/interactions/{pid}/decision", json=body, headers={"X-CSRF-Token": token})
    assert ok.status_code == 201, ok.text
    assert ok.json()["review_status"] == "approved" and ok.json()["final_digest"].startswith("sha256:")
    again = client.post(f"/api/interactions/{pid}/decision", json=body, headers={"X-CSRF-Token": token})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_decided"
    assert client.get(f"/api/interactions/{pid}/final").json()["final_text"] == DRAFT
    assert client.get("/api/reviews").json() == []


def test_api_with_key_decides_without_csrf(web_app, demo_settings: Settings, db: sessionmaker[Session]) -> None:  # type: ignore[no-untyped-def]
    from avec.accounts import service as accounts_service

    with db() as session, session.begin():
        user = accounts_service.get_user(session, "dr.martin")
        assert user is not None
        _, key = accounts_service.create_api_key(session, user, name="test")
    pid = make_output(db, demo_settings, "dr.martin")
    other = make_output(db, demo_settings, "inf.bernard")
    with TestClient(web_app) as client:
        headers = {"Authorization": f"Bearer {key}"}
        bad = client.post(f"/api/interactions/{pid}/decision", json={"decision": "reject"}, headers=headers)
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "reason_required"
        theirs = client.post(f"/api/interactions/{other}/decision", json={"decision": "approve"}, headers=headers)
        assert theirs.status_code == 404
        ok = client.post(
            f"/api/interactions/{pid}/decision",
            json={"decision": "reject", "reason_codes": ["hallucination"]},
            headers=headers,
        )
        assert ok.status_code == 201 and ok.json()["decision"] == "reject"
    assert _review_status(db, other) == "pending"
    with db() as session:
        assert session.scalar(select(ReviewDecision.channel)) == "api"


def test_second_reading_pages_are_blind_and_show_agreement(
    client_for: Clients, demo_settings: Settings, db: sessionmaker[Session]
) -> None:
    set_second_reading_share(db, "discharge-letter-draft", 1.0)
    author, reviewer = client_for("dr.martin"), client_for("rev.leroy")
    pid = make_output(db, demo_settings, "dr.martin")
    assert _decide(author, pid, decision="modify", final_text="Version corrigée.").status_code == 303
    listing = reviewer.get("/reviews/second-readings").text
    link = listing.split('href="/reviews/second-readings/')[1].split('"')[0]
    blind = html.unescape(reviewer.get(f"/reviews/second-readings/{link}").text)
    assert "Version corrigée." not in blind and "Modifiée" not in blind
    detail = html.unescape(reviewer.get(f"/interactions/{pid}").text)
    assert "Seconde lecture en aveugle à faire" in detail and "Version corrigée." not in detail
    token = csrf_from(blind)
    done = reviewer.post(f"/reviews/second-readings/{link}", data={"csrf_token": token, "decision": "modify"})
    assert done.status_code == 303
    listing = html.unescape(reviewer.get("/reviews/second-readings").text)
    assert 'id="agreement-rate">100 %' in listing
    again = reviewer.post(f"/reviews/second-readings/{link}", data={"csrf_token": token, "decision": "approve"})
    assert again.status_code == 409
    quality = html.unescape(client_for("qual.moreau").get("/reviews/second-readings").text)
    assert "100 %" in quality
    assert client_for("dr.martin").get("/reviews/second-readings").status_code == 403
