"""Browser test (Chromium via Playwright): the quality manager reads the indicators dashboard filled with
six months of demo activity, filters it, opens the numbers behind a control chart, downloads a CSV,
acknowledges an alert, and switches to English. Every step is screenshotted and checked with axe-core.

Runs on its own server (no embedded model) so that the demo activity does not reach the review
queues other browser tests look at.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.e2e.conftest import assert_accessible, log_in

from avec.cli_support import open_sessions
from avec.demo import DEMO_PASSWORD
from avec.metrics.demo import seed_activity

pytestmark = [pytest.mark.e2e]


@pytest.fixture(scope="module")
def metrics_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A server with the demo reference data and six months of demo activity."""
    from tests.live_server import start_live_server

    server = start_live_server(tmp_path_factory.mktemp("metrics-live"), embedded=False)
    try:
        with open_sessions(server.settings) as session:
            assert seed_activity(session, months=6, seed=1) > 1000
        yield server
    finally:
        server.stop()


def test_quality_manager_reads_the_dashboard(metrics_server: Any, browser_page: Any, screenshot: Any) -> None:
    page, base = browser_page, metrics_server.base_url
    log_in(page, base, "qual.moreau", DEMO_PASSWORD)
    page.click("nav.main-nav >> text=Indicateurs")
    page.wait_for_url(f"{base}/metrics/dashboard")
    assert page.locator("#demo-banner").is_visible()
    assert page.locator("#alert-list li").count() >= 1
    assert page.locator("#chart-use-t").text_content() == "Interactions par semaine"
    assert page.locator("svg[id^=pchart-rejection_rate] path[fill='#8b0000']").count() >= 1  # out-of-control marks
    assert int(page.locator("#kpis .figure").first.inner_text().replace("\u202f", "")) > 1000
    screenshot(page, "01-dashboard")
    assert_accessible(page, "dashboard")

    # Filter on one AI system and the last three months, from the keyboard-reachable form.
    page.select_option("#f-ai_system", index=1)
    page.fill("#f-start", "2026-09-01")
    page.click("form.metrics-filters button[type=submit]")
    page.wait_for_url("**/metrics/dashboard?start=2026-09-01*")
    assert "01/09/2026" in page.locator("#kpi-title").inner_text()
    screenshot(page, "02-filtered")

    # The numbers behind the first control chart.
    chart = page.locator("svg[id^=pchart-rejection_rate]").first
    chart.scroll_into_view_if_needed()
    details = page.locator("#spc-title ~ details.numbers").first
    details.locator("summary").click()
    assert details.locator("tbody tr").count() >= 4
    chart.screenshot(path=str(screenshot(page, "03-pchart-page").with_name("03-pchart.png")))
    assert_accessible(page, "dashboard with numbers open")

    # CSV export of the weekly indicators.
    with page.expect_download() as info:
        page.click("text=Par semaine (CSV)")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert rows and rows[0]["group"] == "week" and int(rows[-1]["interactions"]) > 0


def test_quality_manager_acknowledges_an_alert_then_reads_in_english(
    metrics_server: Any, browser_page: Any, screenshot: Any
) -> None:
    page, base = browser_page, metrics_server.base_url
    log_in(page, base, "qual.moreau", DEMO_PASSWORD)
    page.goto(f"{base}/metrics/dashboard")
    before = page.locator("#alert-list li").count() + page.locator("#alerts details li").count()
    page.locator("#alert-list li").first.locator("button").click()
    page.wait_for_url("**notice=acknowledged*")
    assert page.locator("p[role=status]").inner_text().startswith("Alerte marquée comme vue")
    after = page.locator("#alert-list li").count() + page.locator("#alerts details li").count()
    assert after == before - 1
    screenshot(page, "04-acknowledged")
    page.goto(f"{base}/metrics/dashboard?lang=en")
    assert page.locator("h1").inner_text() == "Indicators: estimating the effects of AI"
    screenshot(page, "05-english")
    assert_accessible(page, "dashboard in English")


def test_professionals_cannot_open_the_dashboard(metrics_server: Any, browser_page: Any) -> None:
    page, base = browser_page, metrics_server.base_url
    log_in(page, base, "dr.martin", DEMO_PASSWORD)
    assert page.locator("nav.main-nav >> text=Indicateurs").count() == 0
    response = page.goto(f"{base}/metrics/dashboard")
    assert response is not None and response.status == 403
