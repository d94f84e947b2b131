"""Registry pages and JSON API through the real app (TestClient): reading for all, committee changes."""

from __future__ import annotations

import csv
import io
import re

from sqlalchemy import select

from avec.db import make_engine, make_sessionmaker, transaction
from avec.registry.models import GridAnswer

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def token(client, path: str) -> str:
    match = CSRF.search(client.get(path).text)
    assert match
    return match.group(1)


def test_everyone_reads_the_inventory_and_transparency_page(web_client):
    nurse = web_client("inf.bernard")
    page = nurse.get("/registry")
    assert page.status_code == 200 and "gemma-3-270m-embedded" in page.text
    assert "Brouillon de rapport social" in page.text and "/registry/new" not in page.text
    card = nurse.get("/registry/systems/gemma-3-270m-embedded")
    assert card.status_code == 200
    for needle in (
        "Usage prévu",
        "Risques et biais connus",
        "CR-COMITE-IA-2026-11-02",
        "Obligations de transparence",
        "Traduction pour un patient qui ne parle pas français",
    ):
        assert needle in card.text
    assert "/registry/systems/gemma-3-270m-embedded/decide" not in card.text
    assert "Historique des modifications" not in card.text
    assert nurse.get("/registry/systems/gemma-3-270m-embedded/grid").status_code == 403
    assert nurse.get("/registry/systems/nope").status_code == 404


def test_inventory_exports(web_client):
    client = web_client("dr.martin")
    data = client.get("/api/registry/inventory.json").json()
    by_slug = {row["slug"]: row for row in data}
    assert by_slug["gemma-3-270m-embedded"]["status"] == "approved"
    assert len(by_slug["gemma-3-270m-embedded"]["approved_use_cases"]) == 7
    assert "no-training-on-our-data" in by_slug["mistral-large-hds"]["blocking_open"]
    response = client.get("/api/registry/inventory.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["slug"] for r in rows} == set(by_slug) and rows[0]["grid_score"].isdigit()


def test_use_cases_api_for_a_professional(web_client):
    cases = {c["slug"]: c for c in web_client("as.diallo").get("/api/use-cases").json()}
    assert cases["social-report-draft"]["allowed_systems"] == ["gemma-3-270m-embedded"]
    assert cases["social-report-draft"]["patient_data_allowed"] is True
    assert cases["literature-search-help"]["patient_data_allowed"] is False


def test_committee_registers_grades_classifies_and_decides(web_client, settings):
    dpo = web_client("dpo.girard")
    t = token(dpo, "/registry/new")
    bad = dpo.post("/registry/new", data={"csrf_token": t, "slug": "Bad Slug!", "name": "X"})
    assert bad.status_code == 422 and "slug" in bad.text
    form = {
        "csrf_token": t,
        "slug": "local-mistral",
        "name": "Mistral 7B sur site",
        "model": "mistral-7b",
        "version": "0.3",
        "provider": "openai_compatible",
        "base_url": "http://10.0.0.5:8000/v1",
        "deployment": "on_premises",
        "hosting_country": "FR",
        "dpia_status": "done",
        "drift_action": "suspend",
        "mdr_class": "",
        "card_intended_use": "Brouillons",
    }
    created = dpo.post("/registry/new", data=form)
    assert created.status_code == 303 and created.headers["location"] == "/registry/systems/local-mistral"
    # Grid: answer with a link, then with an uploaded document.
    t = token(dpo, "/registry/systems/local-mistral/grid")
    wrong = dpo.post("/registry/systems/local-mistral/grid/human-review", data={"csrf_token": t, "answer": "maybe"})
    assert wrong.status_code == 422 and "Réponse non valable" in wrong.text
    bad_link = dpo.post(
        "/registry/systems/local-mistral/grid/human-review",
        data={"csrf_token": t, "answer": "yes", "evidence_url": "javascript:alert(1)"},
    )
    assert bad_link.status_code == 422 and "doit commencer par https://" in bad_link.text
    ok = dpo.post(
        "/registry/systems/local-mistral/grid/human-review",
        data={"csrf_token": t, "answer": "yes", "evidence_url": "https://intranet.example/relecture"},
        files={"evidence_file": ("procédure relecture.pdf", b"%PDF-1.4 procedure", "application/pdf")},
    )
    assert ok.status_code == 303
    engine = make_engine(settings.resolved_database_url)
    with transaction(make_sessionmaker(engine)) as tx:
        row = tx.scalar(
            select(GridAnswer).where(GridAnswer.item_id == "human-review", GridAnswer.answered_by.like("user:%"))
        )
        stored = settings.data_dir / row.evidence_file
        assert stored.read_bytes() == b"%PDF-1.4 procedure" and row.evidence_url.startswith("https://")
        answer_id = row.id
    engine.dispose()
    download = dpo.get(f"/registry/evidence/{answer_id}")
    assert download.content == b"%PDF-1.4 procedure" and download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment")
    too_big = dpo.post(
        "/registry/systems/local-mistral/grid/bias-assessment",
        data={"csrf_token": t, "answer": "yes"},
        files={"evidence_file": ("big.bin", b"x" * (10 * 1024 * 1024 + 1))},
    )
    assert too_big.status_code == 413 and "10 Mo" in too_big.text
    html = dpo.post(
        "/registry/systems/local-mistral/grid/bias-assessment",
        data={"csrf_token": t, "answer": "yes"},
        files={"evidence_file": ("page.html", b"<script>alert(1)</script>", "text/html")},
    )
    assert html.status_code == 303
    engine = make_engine(settings.resolved_database_url)
    with transaction(make_sessionmaker(engine)) as tx:
        html_id = tx.scalar(
            select(GridAnswer.id).where(GridAnswer.item_id == "bias-assessment", GridAnswer.answered_by.like("user:%"))
        )
    engine.dispose()
    served = dpo.get(f"/registry/evidence/{html_id}")
    assert served.status_code == 200
    assert served.headers["content-type"] == "application/octet-stream"
    assert served.headers["x-content-type-options"] == "nosniff"
    # Decide: approval refused without a decision, then with a blocking item open, then accepted.
    t = token(dpo, "/registry/systems/local-mistral/decide")
    dpo.post("/registry/systems/local-mistral/decide", data={"csrf_token": t, "to": "under_evaluation"})
    refused = dpo.post(
        "/registry/systems/local-mistral/decide",
        data={"csrf_token": t, "to": "approved", "use_cases": ["record-summary"]},
    )
    assert refused.status_code == 422 and "exige une décision du comité" in refused.text
    decision = {
        "csrf_token": t,
        "to": "approved",
        "members": "Dr Martin, M. Girard",
        "decided_at": "2026-11-25",
        "minutes_ref": "CR-2026-11-25",
        "use_cases": ["record-summary"],
        "version": "0.3",
    }
    blocked = dpo.post("/registry/systems/local-mistral/decide", data=decision)
    assert blocked.status_code == 409 and "ai-act-classified" in blocked.text and "dpa-contract" not in blocked.text
    t = token(dpo, "/registry/systems/local-mistral/ai-act")
    partial = dpo.post("/registry/systems/local-mistral/ai-act", data={"csrf_token": t, "manipulation": "no"})
    assert partial.status_code == 422
    answers = {
        q: "no"
        for q in (
            "manipulation",
            "social_scoring",
            "emotion_workplace",
            "medical_device",
            "essential_services",
            "emergency_triage",
            "employment",
        )
    }
    dpo.post(
        "/registry/systems/local-mistral/ai-act",
        data={"csrf_token": t, "interacts_or_generates": "yes"} | answers,
    )
    approved = dpo.post("/registry/systems/local-mistral/decide", data=decision)
    assert approved.status_code == 303, approved.text[:2000]
    card = dpo.get("/api/registry/systems/local-mistral").json()
    assert card["status"] == "approved" and card["ai_act"]["class"] == "transparency"
    assert [u["slug"] for u in card["approved_use_cases"]] == ["record-summary"]
    assert card["decisions"][0]["minutes_ref"] == "CR-2026-11-25"
    page = dpo.get("/registry/systems/local-mistral").text
    assert "Historique des modifications" in page and "transition:approved" in page and "ai_act_class" in page


def test_forged_form_changes_nothing(web_client):
    dpo = web_client("dpo.girard")
    response = dpo.post("/registry/new", data={"csrf_token": "forged", "slug": "x-forged", "name": "Forged"})
    assert response.status_code == 403
    assert dpo.get("/api/registry/systems/x-forged").status_code == 404


def test_json_api_for_the_committee(web_client):
    quality = web_client("qual.moreau")
    t = token(quality, "/registry/new")
    headers = {"X-CSRF-Token": t}
    missing = quality.post(
        "/api/registry/systems/mistral-large-hds/transitions", json={"to": "approved"}, headers=headers
    )
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "committee_decision_required"
    body = {
        "to": "approved",
        "decision": {
            "members": "Comité",
            "decided_at": "2026-11-25T10:00:00Z",
            "minutes_ref": "CR-1",
            "use_cases": ["record-summary"],
        },
    }
    blocked = quality.post("/api/registry/systems/mistral-large-hds/transitions", json=body, headers=headers)
    assert blocked.status_code == 409 and blocked.json()["error"]["code"] == "blocking_items_open"
    history = quality.get("/api/registry/systems/mistral-large-hds/history").json()
    assert [h["action"] for h in history][-1] == "create"
    nurse = web_client("inf.bernard")
    assert nurse.get("/api/registry/systems/mistral-large-hds/history").status_code == 403
    assert (
        nurse.post(
            "/api/registry/use-cases",
            json={"slug": "x-case", "title": "Usage X"},
            headers={"X-CSRF-Token": token(nurse, "/registry")},
        ).status_code
        == 403
    )


def test_a_broken_organisation_grid_is_reported_clearly(web_client, settings):
    (settings.data_dir / "grid").mkdir()
    (settings.data_dir / "grid" / "chu.yaml").write_text(
        'grid: chu\nversion: "1"\nitems:\n  - id: ethics\n    question: "Avis du comité d\'éthique ?"\n'
        "    type: yes_no\n",
        "utf-8",
    )
    response = web_client("dpo.girard").get("/api/registry/grid")
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "grid_invalid" and "chu.yaml: item 'ethics' (#1): missing 'source'" in error["message"]
