"""Browser test (Chromium via Playwright) of the registry: the DPO registers an AI system, fills the
compliance grid with evidence (link and uploaded document), classifies it under the AI Act, is refused
an approval without a committee decision, then approves it; a nurse reads its transparency page.

Every page is checked with axe-core (no serious or critical violation); screenshots go to
``test-artifacts/screenshots/test_registry_browser/``.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from tests.e2e.conftest import assert_accessible, log_in

from avec.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
AI_ACT_NO = (
    "manipulation",
    "social_scoring",
    "emotion_workplace",
    "medical_device",
    "essential_services",
    "emergency_triage",
    "employment",
)


def test_committee_registers_grades_and_approves_a_system_that_everyone_can_read(
    live_server: Any, chromium: Any, screenshot: Any
) -> None:
    base = live_server.base_url
    slug = f"browser-llm-{secrets.token_hex(3)}"
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    log_in(page, base, "dpo.girard", DEMO_PASSWORD)

    page.goto(f"{base}/registry")
    assert_accessible(page, "inventory")
    page.get_by_role("link", name="Inscrire un nouveau système").click()
    page.fill("#f-slug", slug)
    page.fill("#f-name", "Llama sur site (test navigateur)")
    page.fill("#f-model", "llama-3.1-8b")
    page.fill("#f-version", "q4-2026-11")
    page.select_option("#f-deployment", "on_premises")
    page.select_option("#f-dpia_status", "done")
    page.fill("#f-card-intended_use", "Brouillons de courriers, relus par un professionnel.")
    assert_accessible(page, "register form")
    screenshot(page, "01-register")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(f"{base}/registry/systems/{slug}")
    assert "Candidat" in page.inner_text("main")

    page.get_by_role("link", name="Remplir la grille de conformité").click()
    item = page.locator("#item-human-review")
    item.locator("select[name=answer]").select_option("yes")
    item.locator("input[name=evidence_url]").fill("https://intranet.example/procedure-relecture")
    item.locator("input[name=evidence_file]").set_input_files(
        {"name": "procedure-relecture.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 relecture"}
    )
    assert_accessible(page, "grid")
    item.get_by_role("button", name="Enregistrer cette réponse").click()
    page.wait_for_url(f"{base}/registry/systems/{slug}/grid#item-human-review")
    assert "Conforme" in page.locator("#item-human-review").inner_text()
    assert "procedure-relecture.pdf" in page.locator("#item-human-review").inner_text()
    screenshot(page, "02-grid")

    page.goto(f"{base}/registry/systems/{slug}/ai-act")
    for question in AI_ACT_NO:
        page.check(f"#{question}-no")
    page.check("#interacts_or_generates-yes")
    assert_accessible(page, "ai act")
    page.get_by_role("button", name="Classer le système").click()
    page.wait_for_url(f"{base}/registry/systems/{slug}#ai-act")
    assert "Obligations de transparence" in page.inner_text("#compliance ~ p")

    page.goto(f"{base}/registry/systems/{slug}/decide")
    page.select_option("#f-to", "under_evaluation")
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.wait_for_url(f"{base}/registry/systems/{slug}")
    page.goto(f"{base}/registry/systems/{slug}/decide")
    page.select_option("#f-to", "approved")
    page.check("#uc-plain-language-rewrite")
    page.get_by_role("button", name="Enregistrer la décision").click()
    errors = page.locator("#decision-errors")
    assert "exige une décision du comité" in errors.inner_text()
    assert_accessible(page, "decision refused")
    screenshot(page, "03-decision-refused")
    page.fill("#f-members", "Dr C. Martin, M. Girard (DPO), S. Moreau")
    page.fill("#f-date", "2026-11-27")
    page.fill("#f-minutes", "CR-COMITE-IA-2026-11-27")
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.wait_for_url(f"{base}/registry/systems/{slug}")
    main = page.inner_text("main")
    assert "Autorisé" in main and "CR-COMITE-IA-2026-11-27" in main
    screenshot(page, "04-approved")
    page.goto(f"{base}/registry/use-cases/record-summary/edit")
    assert page.is_checked("#mod-confidentialite-secret-medical-rgpd")
    assert_accessible(page, "use case form")
    context.close()

    reader = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    nurse = reader.new_page()
    log_in(nurse, base, "inf.bernard", DEMO_PASSWORD)
    nurse.goto(f"{base}/registry")
    nurse.get_by_role("link", name="Llama sur site (test navigateur)").click()
    nurse.wait_for_url(f"{base}/registry/systems/{slug}")
    text = nurse.inner_text("main")
    assert "Information du patient en langage simple" in nurse.inner_text("#approved-use-cases")
    assert "Brouillons de courriers" in text and "Enregistrer une décision" not in text
    assert_accessible(nurse, "transparency page")
    screenshot(nurse, "05-transparency")
    reader.close()
