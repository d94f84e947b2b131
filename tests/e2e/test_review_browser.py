"""Browser test of the workspace and the review (issue 5), on the real server with the embedded model.

log in -> compose (hints) -> pseudonymized preview -> answer from the embedded model -> modify ->
approve (a second output) -> history -> blind second reading by a reviewer, with axe-core checks
(no serious or critical violation) and a screenshot of each step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.e2e.conftest import assert_accessible, log_in

from avec.cli_support import open_sessions
from avec.demo import DEMO_PASSWORD
from avec.registry.policy import find_use_case

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

USE_CASE = "plain-language-rewrite"  # needs no training module in the demo catalogue
VAGUE = "Fais un truc sur la tension"
PROMPT = (
    "Contexte : courrier pour Mme Jeanne Dupont, née le 12/03/1948, suivie pour une hypertension.\n"
    "Tâche : reformule en langage simple : « HTA essentielle traitée par IEC, contrôle à 3 mois ».\n"
    "Format : 3 phrases courtes."
)
SECOND_PROMPT = (
    "Tâche : reformule en langage simple pour un patient : « prise de sang à jeun demain ».\n"
    "Format : 2 phrases."
)
INTERACTION_URL = re.compile(r".*/interactions/int_[0-9a-f]+$")


@pytest.fixture
def always_second_read(live_server: Any) -> Iterator[None]:
    """Every decided output of the use case is drawn for a second reading during the test."""
    with open_sessions(live_server.settings) as tx:
        use_case = find_use_case(tx, USE_CASE)
        assert use_case is not None
        before, use_case.second_reading_share = use_case.second_reading_share, 1.0
    yield
    with open_sessions(live_server.settings) as tx:
        use_case = find_use_case(tx, USE_CASE)
        assert use_case is not None
        use_case.second_reading_share = before


def _send(page: Any, prompt: str, log_path: Any) -> str:
    # Other tests on the shared server may approve more systems for this use case: pick the embedded one.
    page.select_option("#system", "gemma-3-270m-embedded")
    page.fill("#prompt", prompt)
    page.click("#send-button", no_wait_after=True)
    try:  # the embedded model answers before the redirect: wait for it longer than for a click
        page.wait_for_url(re.compile(r".*/(interactions/int_[0-9a-f]+|workspace/send)$"), timeout=240_000)
    except Exception as exc:
        tail = "\n".join(log_path.read_text().splitlines()[-8:])
        raise AssertionError(f"no answer page; server log ends with:\n{tail}") from exc
    if not INTERACTION_URL.match(str(page.url)):
        error = page.locator("#compose-error")
        raise AssertionError(f"not sent: {error.inner_text() if error.count() else page.url}")
    return str(page.url).rsplit("/", 1)[-1]


def test_compose_preview_answer_modify_approve_history_second_reading(
    live_server: Any,
    browser_page: Any,
    chromium: Any,
    screenshot: Callable[[Any, str], Any],
    always_second_read: None,
) -> None:
    base, page = live_server.base_url, browser_page

    # 1. Log in.
    page.goto(f"{base}/login")
    assert_accessible(page, "login")
    screenshot(page, "01-login")
    log_in(page, base, "dr.martin", DEMO_PASSWORD)
    assert "Ouvrir l'espace de travail" in page.inner_text("main")
    assert_accessible(page, "home")
    screenshot(page, "02-home")

    # 2. Compose: a vague request gets hints.
    page.goto(f"{base}/workspace?use_case={USE_CASE}")
    page.fill("#prompt", VAGUE)
    page.click("#check-button")
    hints = page.locator(".hints")
    hints.wait_for(timeout=180_000)  # the first check loads the language model of the detector
    text = hints.inner_text()
    for missing in ("Format ou longueur manquants", "Formulation ambiguë", "Contexte manquant"):
        assert missing in text
    assert_accessible(page, "workspace with hints")
    screenshot(page, "03-hints")

    # 3. A precise request with identifiers: the preview shows what leaves, identifiers replaced.
    page.fill("#prompt", PROMPT)
    page.click("#check-button")
    page.wait_for_function("document.querySelector('#preview mark.pii') !== null")
    preview = page.inner_text("#preview")
    assert "Dupont" not in preview and "12/03/1948" not in preview
    assert page.locator("#preview mark.pii").count() >= 2
    assert "Contexte manquant" not in page.inner_text(".hints")
    assert_accessible(page, "workspace with preview")
    screenshot(page, "04-preview")

    # 4. Send: the embedded model answers; the draft is labelled as AI-generated, with the checklist.
    first = _send(page, PROMPT, live_server.log_path)
    assert "Proposition à vérifier — générée par IA" in page.inner_text("main")
    assert page.locator(".checklist li").count() >= 5
    assert page.inner_text("#draft-text").strip()
    assert page.locator("#final-text").count() == 0  # nothing to copy before a decision
    assert page.request.get(f"{base}/interactions/{first}/export").status == 409
    assert_accessible(page, "draft")
    screenshot(page, "05-draft")

    # 5. Modify: the final text and the diff against the draft are kept.
    page.fill("#final_text", page.input_value("#final_text") + "\nRelu et complété par le Dr Martin.")
    page.fill("#time_saved_minutes", "10")
    page.click("#modify-button")
    page.wait_for_url(re.compile(r".*done=1.*"))
    assert page.inner_text("#review-status") == "Modifiée puis validée"
    assert "Relu et complété par le Dr Martin." in " ".join(page.locator("#diff ins").all_inner_texts())
    assert "Relu et complété" in page.inner_text("#final-text")
    assert page.request.get(f"{base}/interactions/{first}/export").status == 200
    assert_accessible(page, "modified")
    screenshot(page, "06-modified")

    # 6. A second output, approved as is.
    page.goto(f"{base}/workspace?use_case={USE_CASE}")
    second = _send(page, SECOND_PROMPT, live_server.log_path)
    page.click("#approve-button")
    page.wait_for_url(re.compile(r".*done=1.*"))
    assert page.inner_text("#review-status") == "Approuvée"
    screenshot(page, "07-approved")

    # 7. History: both outputs with their status.
    page.goto(f"{base}/history")
    table = page.inner_text("#queue-table")
    assert first in page.content() and second in page.content()
    assert "Modifiée puis validée" in table and "Approuvée" in table
    assert_accessible(page, "history")
    screenshot(page, "08-history")

    # 8. Blind second reading by the service's reviewer, agreement shown.
    reviewer = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    try:
        log_in(reviewer, base, "rev.leroy", DEMO_PASSWORD)
        reviewer.goto(f"{base}/reviews/second-readings")
        assert_accessible(reviewer, "second readings list")
        links = reviewer.locator("a[href^='/reviews/second-readings/']")
        assert links.count() >= 2
        links.first.click()
        reviewer.wait_for_url(re.compile(r".*/reviews/second-readings/\d+$"))
        body = reviewer.inner_text("main")
        assert "Seconde lecture en aveugle" in body and "Relu et complété" not in body  # blind
        assert_accessible(reviewer, "blind second reading")
        screenshot(reviewer, "09-second-reading")
        reviewer.check("#second-modify")
        reviewer.click("#second-submit")
        reviewer.wait_for_url(re.compile(r".*saved=1$"))
        assert reviewer.locator("#agreement-rate").inner_text().endswith("%")
        assert reviewer.locator("#second-done tbody tr").count() >= 1
        screenshot(reviewer, "10-agreement")
    finally:
        reviewer.context.close()
