"""`avec users` and `avec keys` through the real CLI on a real database."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from avec.accounts import service
from avec.cli_support import open_sessions


def run(settings, *args, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AVEC_DATA_DIR": str(settings.data_dir)}
    if settings.database_url:
        env["AVEC_DATABASE_URL"] = settings.database_url
    return subprocess.run([sys.executable, "-m", "avec.cli", *args], env=env, input=stdin, text=True,
                          capture_output=True, timeout=120)


def test_add_user_with_roles_service_and_password(db_settings):
    out = run(db_settings, "users", "add", "nina", "--role", "professional", "--role", "reviewer",
              "--service", "pediatrie", "--password-stdin", stdin="un-mot-de-passe\n")
    assert out.returncode == 0, out.stderr
    with open_sessions(db_settings) as tx:
        user = service.get_user(tx, "nina")
        assert user.roles == {"professional", "reviewer"} and user.service.code == "pediatrie"
        assert service.authenticate(tx, "nina", "un-mot-de-passe") is not None
        assert service.authenticate(tx, "nina", "wrong-password") is None
        assert user.password_hash.startswith("$argon2")


def test_bad_role_and_duplicate_user_are_refused(settings):
    bad = run(settings, "users", "add", "zoe", "--role", "wizard")
    assert bad.returncode != 0 and "unknown role" in bad.stderr
    assert run(settings, "users", "add", "zoe", "--role", "dpo").returncode == 0
    dup = run(settings, "users", "add", "zoe", "--role", "dpo")
    assert dup.returncode != 0 and "already exists" in dup.stderr


def test_key_create_prints_only_the_key_and_revoke_works(db_settings):
    assert run(db_settings, "users", "add", "bot", "--role", "professional").returncode == 0
    created = run(db_settings, "keys", "create", "bot")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert created.stdout.count("\n") == 1 and key.startswith("avec_") and " " not in key
    with open_sessions(db_settings) as tx:
        principal = service.resolve_api_key(tx, key)
        assert principal is not None and principal.username == "bot"
        stored = tx.get(service.ApiKey, principal.key_id)
        assert key not in (stored.key_hash, stored.lookup)  # only a digest is kept
    assert run(db_settings, "keys", "revoke", str(principal.key_id)).returncode == 0
    with open_sessions(db_settings) as tx:
        assert service.resolve_api_key(tx, key) is None
    missing = run(db_settings, "keys", "revoke", "999999")
    assert missing.returncode == 1 and "no API key" in missing.stderr


def test_key_for_unknown_user_fails(settings):
    out = run(settings, "keys", "create", "ghost")
    assert out.returncode == 1 and out.stdout == "" and "no user" in out.stderr


def test_demo_is_idempotent(settings):
    first = run(settings, "demo")
    second = run(settings, "demo")
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert "user dr.martin" in first.stdout and "user dr.martin" not in second.stdout
    assert "training recorded for dr.martin" in first.stdout
    assert "training recorded for inf.bernard" not in first.stdout  # left untrained to show the gating
    assert "training recorded" not in second.stdout
    with open_sessions(settings) as tx:
        assert service.get_user(tx, "dr.martin").has_role("professional")


def test_secrets_are_created_once_with_0600(tmp_path):
    from avec.config import Settings, load_secrets

    settings = Settings(data_dir=tmp_path)
    first = load_secrets(settings)
    second = load_secrets(settings)
    assert first == second and len(first.data_key) == 32 and len(first.ledger_signing_key) == 32
    for name in ("session.key", "data.key", "ledger.key"):
        mode = stat.S_IMODE((tmp_path / "secrets" / name).stat().st_mode)
        assert mode == 0o600, f"{name} has mode {oct(mode)}"


@pytest.mark.parametrize("value", ["x", "bad name"])
def test_invalid_username_is_refused(settings, value):
    out = run(settings, "users", "add", value, "--role", "dpo")
    assert out.returncode == 2 and "invalid user" in out.stderr
