"""Login, logout, CSRF, language and HTML error pages, through the real app."""

from __future__ import annotations

import html
from collections.abc import Callable

from fastapi.testclient import TestClient
from tests.web.conftest import csrf_from


def test_login_page_is_french_by_default_and_english_on_request(anon: TestClient) -> None:
    page = anon.get("/login")
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text and "Mot de passe" in page.text
    english = anon.get("/login?lang=en")
    assert '<html lang="en">' in english.text and "Password" in english.text
    # the choice is remembered by cookie
    assert '<html lang="en">' in anon.get("/login").text


def test_pages_redirect_to_login_when_logged_out(anon: TestClient) -> None:
    response = anon.get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/"


def test_login_with_wrong_password_fails_without_saying_which_part(anon: TestClient) -> None:
    token = csrf_from(anon.get("/login").text)
    bad_user = anon.post("/login", data={"username": "nobody", "password": "x" * 10, "csrf_token": token})
    bad_pass = anon.post("/login", data={"username": "dr.martin", "password": "x" * 10, "csrf_token": token})
    assert bad_user.status_code == bad_pass.status_code == 401
    assert "Identifiant ou mot de passe incorrect" in bad_user.text
    assert "Identifiant ou mot de passe incorrect" in bad_pass.text
    assert anon.get("/").status_code == 303


def test_login_is_throttled_after_repeated_failures(anon: TestClient) -> None:
    token = csrf_from(anon.get("/login").text)
    codes = [
        anon.post("/login", data={"username": "dr.martin", "password": "wrong-pass", "csrf_token": token}).status_code
        for _ in range(6)
    ]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    # even the right password is refused while throttled
    ok = anon.post("/login", data={"username": "dr.martin", "password": "avec-demo-2026", "csrf_token": token})
    assert ok.status_code == 429


def test_login_then_home_then_logout(anon: TestClient) -> None:
    token = csrf_from(anon.get("/login?next=/workspace").text)
    response = anon.post(
        "/login",
        data={
            "username": "dr.martin",
            "password": "avec-demo-2026",
            "csrf_token": token,
            "next": "/workspace",
        },
    )
    assert response.status_code == 303 and response.headers["location"] == "/workspace"
    home = anon.get("/")
    assert home.status_code == 200 and "dr.martin" in home.text
    new_token = csrf_from(home.text)
    assert new_token != token  # rotated at login
    out = anon.post("/logout", data={"csrf_token": new_token})
    assert out.status_code == 303
    assert anon.get("/").status_code == 303


def test_login_refuses_an_open_redirect(anon: TestClient) -> None:
    token = csrf_from(anon.get("/login").text)
    response = anon.post(
        "/login",
        data={
            "username": "dr.martin",
            "password": "avec-demo-2026",
            "csrf_token": token,
            "next": "//evil.example/x",
        },
    )
    assert response.headers["location"] == "/"


def test_forged_login_and_logout_forms_are_refused(anon: TestClient, client_for: Callable[[str], TestClient]) -> None:
    anon.get("/login")
    forged = anon.post("/login", data={"username": "dr.martin", "password": "avec-demo-2026", "csrf_token": "forged"})
    assert forged.status_code == 403
    assert "jeton de sécurité" in forged.text
    assert anon.get("/").status_code == 303  # not logged in
    client = client_for("dr.martin")
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/").status_code == 200  # still logged in


def test_unknown_page_renders_the_error_page(client_for: Callable[[str], TestClient]) -> None:
    client = client_for("dr.martin")
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Erreur 404" in response.text and 'id="main"' in response.text


def test_api_errors_stay_json(anon: TestClient) -> None:
    response = anon.get("/api/reviews")
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "authentication_error"


def test_home_shows_blocks_for_each_role(client_for: Callable[[str], TestClient]) -> None:
    def home(username: str) -> str:
        return html.unescape(client_for(username).get("/").text)

    pro = home("dr.martin")
    assert "Ouvrir l'espace de travail" in pro and "<h2>Relecture</h2>" not in pro
    reviewer = home("rev.leroy")
    assert "Ouvrir la file de relecture" in reviewer and "Ouvrir l'espace de travail" in reviewer
    dpo = home("dpo.girard")
    assert "registre de preuves" in dpo and "Ouvrir l'espace de travail" not in dpo
    assert 'href="/workspace"' not in dpo  # no menu entry either
    quality = home("qual.moreau")
    assert "Aucune seconde lecture" in quality and "Ouvrir l'espace de travail" not in quality
