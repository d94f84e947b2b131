"""HTTP: Prometheus /metrics (no identifiers in labels), indicator JSON/CSV for quality/admin/dpo only."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select

from avec.accounts import service as accounts
from avec.app import create_app
from avec.cli_support import open_sessions
from avec.config import Settings
from avec.metrics.indicators import Filters, compute_indicators
from avec.metrics.models import DemoBatch

ALLOWED_LABELS = {"use_case", "ai_system", "status", "review_status", "kind", "code", "metric", "quantile"}


@pytest.fixture(scope="module")
def keys(seeded: Settings) -> dict[str, str]:
    """API keys of a quality person, a DPO and a professional."""
    out = {}
    with open_sessions(seeded) as session:
        for username in ("qual.moreau", "dpo.girard", "dr.martin"):
            user = accounts.get_user(session, username)
            assert user is not None
            out[username] = accounts.create_api_key(session, user, name="test")[1]
    return out


@pytest.fixture(scope="module")
def client(seeded: Settings) -> Iterator[TestClient]:
    """A client on the seeded application."""
    with TestClient(create_app(seeded)) as c:
        yield c


def _auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_prometheus_exposition_has_totals_and_only_fixed_vocabulary_labels(
    client: TestClient, seeded: Settings
) -> None:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    families = {f.name: f for f in text_string_to_metric_families(response.text)}
    assert {
        "avec_interactions",
        "avec_review_outcomes",
        "avec_policy_refusals",
        "avec_estimated_energy_kwh",
        "avec_estimated_gwp_kgco2eq",
        "avec_request_latency_seconds",
    } <= set(families)
    total = sum(s.value for s in families["avec_interactions"].samples if s.name == "avec_interactions_total")
    with open_sessions(seeded) as session:
        expected = session.scalar(select(DemoBatch.interactions))
    assert total == expected
    usernames = {"dr.martin", "inf.bernard", "as.diallo", "rev.leroy", "qual.moreau", "cardiologie"}
    for family in families.values():
        for sample in family.samples:
            assert set(sample.labels) <= ALLOWED_LABELS, sample
            for value in sample.labels.values():
                assert re.fullmatch(r"[a-z0-9_.\-+]+|none|other", value), sample
                assert value not in usernames and not value.startswith("demo.")


def test_prometheus_token_when_configured(seeded: Settings) -> None:
    guarded = seeded.model_copy()
    object.__setattr__(guarded, "metrics_prometheus_token", "s3cret-scrape")
    with TestClient(create_app(guarded)) as c:
        assert c.get("/metrics").status_code == 401
        assert c.get("/metrics", headers=_auth("wrong")).status_code == 401
        assert c.get("/metrics", headers=_auth("s3cret-scrape")).status_code == 200


def test_indicator_json_and_csv_agree_and_match_the_service(
    client: TestClient, keys: dict[str, str], seeded: Settings
) -> None:
    response = client.get("/api/metrics/indicators", params={"group": "month"}, headers=_auth(keys["qual.moreau"]))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["group"] == "month" and body["rows"]
    with open_sessions(seeded) as session:
        direct = compute_indicators(session, _filters(body), "month")
    assert [r["interactions"] for r in body["rows"]] == [r.interactions for r in direct]
    month = body["rows"][-1]
    assert month["share_rejected"] == pytest.approx(month["rejected"] / month["decided"], abs=1e-6)
    csv_response = client.get(
        "/api/metrics/indicators.csv", params={"group": "month"}, headers=_auth(keys["dpo.girard"])
    )
    assert csv_response.status_code == 200
    assert csv_response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert [int(r["interactions"]) for r in rows] == [r["interactions"] for r in body["rows"]]
    assert any(h.startswith("refusals:") for h in rows[0])


def _filters(body: dict[str, str]) -> Filters:
    return Filters(dt.date.fromisoformat(body["start"]), dt.date.fromisoformat(body["end"]))


def test_indicators_refused_to_professionals_and_anonymous(client: TestClient, keys: dict[str, str]) -> None:
    assert client.get("/api/metrics/indicators").status_code == 401
    assert client.get("/api/metrics/indicators", headers=_auth(keys["dr.martin"])).status_code == 403
    assert client.get("/api/metrics/indicators.csv", headers=_auth(keys["dr.martin"])).status_code == 403
    assert client.get("/api/metrics/alerts", headers=_auth(keys["dr.martin"])).status_code == 403


def test_bad_parameters_get_a_clear_error(client: TestClient, keys: dict[str, str]) -> None:
    h = _auth(keys["qual.moreau"])
    reversed_period = client.get(
        "/api/metrics/indicators", params={"start": "2026-05-01", "end": "2026-04-01"}, headers=h
    )
    assert reversed_period.status_code == 400 and "before its start" in reversed_period.text
    unknown = client.get("/api/metrics/indicators", params={"group": "year"}, headers=h)
    assert unknown.status_code == 400 and "unknown grouping" in unknown.text
    bad_date = client.get("/api/metrics/indicators", params={"start": "yesterday"}, headers=h)
    assert bad_date.status_code in (400, 422) and "start" in bad_date.text


def test_alerts_endpoint_lists_the_demo_version_shift(client: TestClient, keys: dict[str, str]) -> None:
    response = client.get("/api/metrics/alerts", headers=_auth(keys["qual.moreau"]))
    assert response.status_code == 200
    kinds = {(a["kind"], a["metric"]) for a in response.json()["alerts"]}
    assert ("version_shift", "rejection_rate") in kinds
