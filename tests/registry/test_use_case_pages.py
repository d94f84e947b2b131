"""Committee pages for the use case catalogue: add, edit, and refuse bad input with a clear message."""

from __future__ import annotations

import re

from avec.web.pages.registry_use_cases import parse_templates

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
FRAME = "Consigne : Résume : fièvre.\nRéponse : Fièvre.\n\nConsigne : {instruction}{input}\nRéponse :"


def _token(client, path: str) -> str:
    match = CSRF.search(client.get(path).text)
    assert match
    return match.group(1)


def test_templates_are_parsed_from_title_blocks():
    parsed = parse_templates("# Courrier\nTâche : rédige.\nFormat : court.\n\n# Synthèse\nRésume :\n")
    assert parsed == [
        {"title": "Courrier", "text": "Tâche : rédige.\nFormat : court."},
        {"title": "Synthèse", "text": "Résume :"},
    ]


def test_committee_adds_and_edits_a_use_case(web_client):
    quality = web_client("qual.moreau")
    t = _token(quality, "/registry/use-cases/new")
    form = {
        "csrf_token": t,
        "slug": "ehpad-menu-adaptation",
        "title": "Adapter un menu d'EHPAD",
        "risk_level": "low",
        "review_required": "on",
        "active": "on",
        "second_reading_percent": "5",
        "allowed_roles": ["professional"],
        "required_modules": ["limites-des-modeles"],
        "prompt_templates": "# Menu\nTâche : adapte ce menu à une texture mixée.",
        "embedded_frame": FRAME,
        "patient_information": "Menu préparé avec l'aide d'une IA, vérifié par la diététicienne.",
    }
    unknown = quality.post("/registry/use-cases/new", data=form | {"required_modules": ["no-such-module"]})
    assert unknown.status_code == 422 and "Module de formation inconnu" in unknown.text
    no_frame_slot = quality.post("/registry/use-cases/new", data=form | {"embedded_frame": "Réponse :"})
    assert no_frame_slot.status_code == 422 and "{instruction}" in no_frame_slot.text
    bad_templates = quality.post("/registry/use-cases/new", data=form | {"prompt_templates": "no title line"})
    assert bad_templates.status_code == 422 and "# Titre" in bad_templates.text
    created = quality.post("/registry/use-cases/new", data=form)
    assert created.status_code == 303
    duplicate = quality.post("/registry/use-cases/new", data=form)
    assert duplicate.status_code == 409 and "déjà ce nom technique" in duplicate.text
    catalogue = {u["slug"]: u for u in quality.get("/api/registry/use-cases").json()}
    case = catalogue["ehpad-menu-adaptation"]
    assert case["second_reading_share"] == 0.05 and case["required_modules"] == ["limites-des-modeles"]
    assert case["prompt_templates"] == [{"title": "Menu", "text": "Tâche : adapte ce menu à une texture mixée."}]
    edit_form = _token(quality, "/registry/use-cases/ehpad-menu-adaptation/edit")
    page = quality.get("/registry/use-cases/ehpad-menu-adaptation/edit").text
    assert "# Menu" in page and 'value="limites-des-modeles" checked' in page
    edited = quality.post(
        "/registry/use-cases/ehpad-menu-adaptation/edit",
        data=form | {"csrf_token": edit_form, "patient_data_allowed": "on"},
    )
    assert edited.status_code == 303
    catalogue = {u["slug"]: u for u in quality.get("/api/registry/use-cases").json()}
    assert catalogue["ehpad-menu-adaptation"]["patient_data_allowed"] is True


def test_use_case_pages_are_for_the_committee(web_client):
    nurse = web_client("inf.bernard")
    assert nurse.get("/registry/use-cases/new").status_code == 403
    assert nurse.get("/registry/use-cases/record-summary/edit").status_code == 403
    assert "/registry/use-cases/new" not in nurse.get("/registry").text
