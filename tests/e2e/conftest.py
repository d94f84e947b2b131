"""Shared browser fixtures: Chromium (Debian package) driven by Playwright, screenshots, axe-core checks.

The server is the session-wide ``live_server`` of ``tests/conftest.py`` (``avec serve`` on a free
port, embedded model, demo data). Screenshots go to ``test-artifacts/screenshots/<test module>/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium shared by the session (skipped with the fix when it is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium missing at /usr/bin/chromium: run `apt-get install -y chromium` (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    """A fresh page (own cookies) in French, desktop size."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    """``screenshot(page, "01-login")`` saves a full-page PNG under test-artifacts/screenshots/<module>/."""
    folder = ARTIFACTS / request.module.__name__.rsplit(".", 1)[-1]

    def take(page: Any, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def assert_accessible(page: Any, label: str) -> None:
    """No serious or critical axe-core violation on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response.get("violations", [])
    serious = ("serious", "critical")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations if v.get("impact") in serious]
    assert not bad, f"{label}: accessibility violations {bad}"


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Log in through the login form and wait for the home page."""
    page.goto(f"{base_url}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")
