"""The dashboard page: who may see it, what it shows, alerts acknowledgement with CSRF, bad filters."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from avec.app import create_app
from avec.cli_support import open_sessions
from avec.config import Settings
from avec.demo import DEMO_PASSWORD
from avec.metrics.models import DemoBatch, MetricsAlert

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def app_client(seeded: Settings) -> Iterator[Callable[[str | None], TestClient]]:
    """Factory of clients on the seeded app, logged in as the given demo user (None: anonymous)."""
    app = create_app(seeded)
    opened: list[TestClient] = []

    def make(username: str | None) -> TestClient:
        client = TestClient(app, follow_redirects=False)
        client.__enter__()
        opened.append(client)
        if username:
            token = CSRF_RE.search(client.get("/login").text)
            assert token
            r = client.post(
                "/login",
                data={
                    "username": username,
                    "password": DEMO_PASSWORD,
                    "csrf_token": token.group(1),
                    "next": "/",
                },
            )
            assert r.status_code == 303
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def test_quality_sees_the_dashboard_with_charts_tables_and_demo_banner(
    app_client: Callable[[str | None], TestClient], seeded: Settings
) -> None:
    page = app_client("qual.moreau").get("/metrics/dashboard")
    assert page.status_code == 200
    html = page.text
    with open_sessions(seeded) as session:
        count = session.scalar(select(DemoBatch.interactions))
    assert 'id="demo-banner"' in html and str(count) in html
    for chart in ("chart-use", "chart-outcomes", "chart-reasons", "chart-energy"):
        assert f'id="{chart}"' in html and f'aria-labelledby="{chart}-t {chart}-d"' in html
    assert "pchart-rejection_rate-" in html and "<desc" in html
    for table in ("table-weekly", "table-by-use_case", "table-footprint", "table-versions"):
        assert f'id="{table}"' in html
    assert "/api/metrics/indicators.csv?group=week" in html
    assert not re.search(r">\s*metrics\.[a-z_]+\.[a-z_.]+\s*<", html), "untranslated message key"


def test_english_page(app_client: Callable[[str | None], TestClient]) -> None:
    html = app_client("dpo.girard").get("/metrics/dashboard?lang=en").text
    assert "Indicators: estimating the effects of AI" in html and "Rejection rate per week" in html


def test_roles_and_redirects(app_client: Callable[[str | None], TestClient]) -> None:
    assert app_client("dr.martin").get("/metrics/dashboard").status_code == 403
    anonymous = app_client(None).get("/metrics/dashboard")
    assert anonymous.status_code in (302, 303) and "/login" in anonymous.headers["location"]
    browser = app_client("qual.moreau").get("/metrics", headers={"accept": "text/html,application/xhtml+xml"})
    assert browser.status_code == 303 and browser.headers["location"] == "/metrics/dashboard"


def test_bad_filters_show_a_message_and_the_default_period(
    app_client: Callable[[str | None], TestClient],
) -> None:
    client = app_client("qual.moreau")
    bad = client.get("/metrics/dashboard?start=31/12/2026")
    assert bad.status_code == 400 and "AAAA-MM-JJ" in bad.text and 'id="kpis"' in bad.text
    reversed_period = client.get("/metrics/dashboard?start=2026-06-01&end=2026-05-01")
    assert reversed_period.status_code == 400 and "avant son début" in reversed_period.text


def test_acknowledging_an_alert_needs_the_csrf_token_and_the_quality_role(
    app_client: Callable[[str | None], TestClient], seeded: Settings
) -> None:
    with open_sessions(seeded) as session:
        alert_id = session.scalar(select(MetricsAlert.id).where(MetricsAlert.acknowledged_at.is_(None)).limit(1))
    assert alert_id is not None
    quality = app_client("qual.moreau")
    page = quality.get("/metrics/dashboard").text
    assert f"/metrics/alerts/{alert_id}/acknowledge" in page
    forged = quality.post(f"/metrics/alerts/{alert_id}/acknowledge", data={})
    assert forged.status_code == 403
    dpo = app_client("dpo.girard")
    dpo_token = CSRF_RE.search(dpo.get("/metrics/dashboard").text)
    assert dpo_token
    assert (
        dpo.post(f"/metrics/alerts/{alert_id}/acknowledge", data={"csrf_token": dpo_token.group(1)}).status_code == 403
    )
    with open_sessions(seeded) as session:
        assert session.get(MetricsAlert, alert_id).acknowledged_at is None  # type: ignore[union-attr]
    token = CSRF_RE.search(page)
    assert token
    done = quality.post(f"/metrics/alerts/{alert_id}/acknowledge", data={"csrf_token": token.group(1)})
    assert done.status_code == 303 and "acknowledged" in done.headers["location"]
    with open_sessions(seeded) as session:
        alert = session.get(MetricsAlert, alert_id)
        assert alert is not None and alert.acknowledged_at is not None and alert.acknowledged_by is not None
    assert f"/metrics/alerts/{alert_id}/acknowledge" not in quality.get("/metrics/dashboard").text
