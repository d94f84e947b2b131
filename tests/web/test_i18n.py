"""Message catalogues: every key used by the templates exists, in French and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from avec.web.i18n import MESSAGES_DIR, CatalogueError, load_catalogue, translate
from avec.web.templating import NAV_ITEMS, TEMPLATES_DIR

MINE = ("base.html", "errors", "auth", "home", "review", "workspace")
LITERAL_KEY = re.compile(r"""_\(\s*["']([a-z_]+\.[a-z0-9_.]*[a-z0-9_])["']\s*[,)]""")


def _template_keys() -> set[str]:
    keys: set[str] = set()
    for name in MINE:
        path = TEMPLATES_DIR / name
        for file in [path] if path.is_file() else sorted(path.rglob("*.html")):
            keys.update(LITERAL_KEY.findall(file.read_text(encoding="utf-8")))
    return keys


def test_every_literal_key_of_these_templates_is_translated_in_both_languages() -> None:
    catalogue = load_catalogue()
    keys = _template_keys() | {item.label_key for item in NAV_ITEMS}
    assert len(keys) > 50
    missing = sorted(k for k in keys if k not in catalogue)
    assert not missing, missing
    untranslated = sorted(k for k in keys if not catalogue[k].get("en"))
    assert not untranslated, untranslated


def test_dynamic_review_keys_exist() -> None:
    catalogue = load_catalogue()
    from avec.review.models import DECISIONS, REJECT_REASONS

    for code in REJECT_REASONS:
        assert f"review.reason.{code}" in catalogue
    for decision in DECISIONS:
        assert f"review.decision.{decision}" in catalogue
    for status in ("pending", "approved", "modified", "rejected", "escalated", "not_required"):
        assert f"review.status.{status}" in catalogue
    from avec.review.queues import SCOPES
    from avec.web.pages.review import CHECKLIST

    for item in CHECKLIST:
        assert f"review.checklist.{item}" in catalogue
    for scope in SCOPES:
        assert f"review.scope.{scope}" in catalogue
    for hint in ("too_short", "task", "context", "format", "vague", "identifiers"):
        assert f"workspace.hint.{hint}" in catalogue
    for hint in ("task", "context", "format"):
        assert f"workspace.hint.{hint}.ok" in catalogue
    source = (Path(__file__).parents[2] / "src/avec/review").rglob("*.py")
    codes = {c for f in source for c in re.findall(r'ReviewError\(\s*\d+,\s*"([a-z_]+)"', f.read_text())}
    assert len(codes) > 15
    assert not sorted(c for c in codes if f"review.error.{c}" not in catalogue)


def test_translate_falls_back_and_formats() -> None:
    assert translate("auth.title", "en") == "Sign in"
    assert translate("auth.title", "de") == "Connexion"  # unknown language: French
    assert translate("no.such.key", "fr") == "no.such.key"
    assert translate("common.logged_in_as", "fr", name="x") == "Connecté·e : x"


def test_a_key_defined_twice_or_without_french_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a.x:\n  fr: un\n  en: one\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("a.x:\n  fr: deux\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="already defined"):
        load_catalogue(tmp_path)
    (tmp_path / "b.yaml").write_text("b.x:\n  en: only english\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="'fr'"):
        load_catalogue(tmp_path)
    assert MESSAGES_DIR.is_dir()
