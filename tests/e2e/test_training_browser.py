"""Browser test (Chromium via Playwright): a new professional is refused by the workspace because the use
case requires training, reads the modules, passes their quizzes, and can then use the workspace.

Screenshots of each step go to ``test-artifacts/e2e/training/``; every training page is checked with
axe-core (no serious or critical violation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from avec.training.loader import default_catalog

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e" / "training"
USE_CASE = "literature-search-help"  # demo use case requiring the three base modules
PROMPT = (
    "Contexte : je prépare une revue de la littérature sur la prévention des chutes en EHPAD.\n"
    "Tâche : propose des mots-clés de recherche.\nFormat : une liste de 5 mots-clés."
)


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page in the session's shared Chromium (one Playwright instance per test session)."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1200, "height": 900})
    yield context.new_page()
    context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _accessible(page: Any, label: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response.get("violations", [])
    bad = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]
    assert not bad, f"{label}: accessibility violations {bad}"


def _send(page: Any, base: str) -> None:
    page.goto(f"{base}/workspace?use_case={USE_CASE}")
    if page.locator("#system").count():  # other tests may approve more systems on the shared server
        page.select_option("#system", "gemma-3-270m-embedded")
    page.fill("#prompt", PROMPT)
    # The answer is generated before the response: do not let the click itself time out.
    page.click("#send-button", no_wait_after=True)


def test_new_professional_is_refused_trains_and_then_uses_the_workspace(live_server, page) -> None:  # type: ignore[no-untyped-def]
    base = live_server.base_url
    username = "nouvelle.ide"
    live_server.key_for(username, trained=False)  # an untrained professional (password: password-<username>)

    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", f"password-{username}")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    # 1. Refused: the message names the missing modules and where to take them.
    _send(page, base)
    error = page.locator("#compose-error")
    error.wait_for(timeout=120_000)
    message = error.inner_text()
    missing = list(dict.fromkeys(re.findall(r"/formation/([a-z0-9-]+)", message)))  # fr + en parts
    assert missing, message
    assert "/interactions/" not in page.url
    _shot(page, "01-workspace-refused")

    # 2. The list of modules shows them to do.
    page.goto(f"{base}/formation")
    assert page.locator("#training-progress").inner_text().startswith("Modules validés : 0 sur")
    _accessible(page, "module list")
    _shot(page, "02-modules")

    catalog = default_catalog()
    for number, slug in enumerate(missing, start=1):
        module = catalog.get(slug)
        assert module is not None
        # 3. Read the module, start the quiz.
        page.goto(f"{base}/formation/{slug}")
        assert page.locator("h1").first.inner_text() == module.meta.title
        if number == 1:
            _accessible(page, "module page")
            _shot(page, "03-module")
        page.click("#start-quiz")
        page.wait_for_url(re.compile(r".*/quiz/[0-9a-f]{32}$"))
        if number == 1:
            _accessible(page, "quiz page")
            _shot(page, "04-quiz")
        for question in module.meta.quiz:
            for choice in question.correct:
                page.check(f'input[name="q-{question.id}"][value="{choice}"]')
        page.click("#submit-quiz")  # htmx replaces the form with the result in place
        summary = page.locator("#result-summary")
        summary.wait_for()
        assert summary.inner_text().startswith("Réussi")
        assert page.locator("text=Explication :").count() == len(module.meta.quiz)
        if number == 1:
            _accessible(page, "quiz result")
            _shot(page, "05-result")

    page.goto(f"{base}/formation")
    assert page.locator(".badge-approved").count() == len(missing)
    _shot(page, "06-modules-done")

    # 4. Now the workspace sends the request and shows the draft to review.
    _send(page, base)
    page.wait_for_url(re.compile(r".*/interactions/[^/]+$"), timeout=300_000)
    _shot(page, "07-workspace-allowed")
