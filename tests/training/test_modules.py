"""The shipped modules load and are substantial; malformed front matter is refused naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.training.conftest import module_text

from avec.training.loader import ModuleFormatError, default_catalog, load_catalog, load_module

EXPECTED_TOPICS = {
    "fonctionnement-des-modeles-de-langage",
    "limites-des-modeles",
    "biais-et-egalite-de-traitement",
    "confidentialite-secret-medical-rgpd",
    "cadre-reglementaire",
    "securite-ia-generative",
    "rediger-une-demande-precise",
    "verifier-une-reponse",
    "impact-environnemental",
    "demarche-avec",
}


def test_shipped_modules_cover_every_topic_with_sources_and_a_real_quiz() -> None:
    catalog = default_catalog()
    assert set(catalog.slugs()) == EXPECTED_TOPICS
    for module in catalog.modules():
        words = len(module.body_markdown.split())
        assert 600 <= words <= 1200, (module.slug, words)
        assert len(module.meta.sources) >= 3, module.slug
        assert len(module.meta.quiz) >= 5, module.slug
        assert module.meta.language == "fr"
        assert "<h2>" in module.body_html


def test_regulatory_module_cites_the_articles_the_brief_requires() -> None:
    text = default_catalog().get("cadre-reglementaire")
    assert text is not None
    sources = " ".join(s.title for s in text.meta.sources)
    for ref in ("2024/1689", "2017/745", "L1111-8", "2016/679"):
        assert ref in sources
    for article in ("article 4", "article 26", "article 12", "article 50"):
        assert article in text.body_markdown.lower()


def _write(tmp_path: Path, text: str, name: str = "casse.fr.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda t: t.replace("pass_mark: 80\n", ""), "pass_mark"),
        (lambda t: t.replace("version: 1.0.0\n", "version: 1.0\n"), "version"),
        (lambda t: t.replace("version: 1.0.0\n", "version: deux\n"), "version"),
        (lambda t: t.replace("requires_retraining_from: 1.0.0", "requires_retraining_from: 2.0.0"), "?"),
        (lambda t: t.replace("recertification_days: 365", "recertification_days: 3"), "recertification_days"),
        (lambda t: t.replace("language: fr", "language: de"), "language"),
        (lambda t: t.replace("correct: [a, b]", "correct: [a, z]"), "quiz[4]"),
        (lambda t: t.replace("slug: essai", "slug: Essai Module"), "slug"),
        (lambda t: t.replace("language: fr\n", "language: fr\nauteur: moi\n"), "auteur"),
        (lambda t: t.replace('  - title: "Source de test"\n', ""), "sources"),
    ],
)
def test_malformed_front_matter_names_file_and_field(tmp_path: Path, mutate, field: str) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, mutate(module_text()))
    with pytest.raises(ModuleFormatError) as err:
        load_module(path)
    message = str(err.value)
    assert message.startswith("casse.fr.md : ")
    if field != "?":
        assert f"« {field}" in message, message
        assert err.value.field is not None and err.value.field.startswith(field)


def test_unreadable_yaml_and_missing_front_matter_are_refused(tmp_path: Path) -> None:
    broken = _write(tmp_path, module_text().replace("pass_mark: 80", "pass_mark: [80"), "yaml.fr.md")
    with pytest.raises(ModuleFormatError, match=r"yaml\.fr\.md : front matter : YAML invalide"):
        load_module(broken)
    plain = _write(tmp_path, "# Juste un titre\n\nDu texte.\n", "nu.fr.md")
    with pytest.raises(ModuleFormatError, match="doit commencer par un front matter"):
        load_module(plain)


def test_two_files_with_the_same_slug_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, module_text(), "a.fr.md")
    _write(tmp_path, module_text(), "b.fr.md")
    with pytest.raises(ModuleFormatError, match="déjà défini"):
        load_catalog(tmp_path)


def test_every_cli_command_is_documented() -> None:
    from avec.training.cli import app

    docs = (Path(__file__).resolve().parents[2] / "docs" / "training.md").read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names
    for name in names:
        assert f"avec training {name}" in docs, name


def test_a_translation_must_keep_the_quiz_and_version(tmp_path: Path) -> None:
    french = module_text()
    _write(tmp_path, french, "essai.fr.md")
    _write(tmp_path, french.replace("language: fr", "language: en"), "essai.en.md")
    catalog = load_catalog(tmp_path)
    english = catalog.get("essai", "en")
    assert english is not None and english.meta.language == "en"
    assert catalog.get("essai", "de") is catalog.get("essai", "fr")  # unknown language: French
    _write(
        tmp_path,
        french.replace("language: fr", "language: en").replace("correct: [a, b]", "correct: [a]"),
        "essai.en.md",
    )
    with pytest.raises(ModuleFormatError, match=r"essai\.en\.md : champ « quiz »"):
        load_catalog(tmp_path)
    _write(
        tmp_path,
        french.replace("language: fr", "language: en").replace("version: 1.0.0", "version: 1.1.0"),
        "essai.en.md",
    )
    with pytest.raises(ModuleFormatError, match=r"essai\.en\.md : champ « version »"):
        load_catalog(tmp_path)
    (tmp_path / "essai.fr.md").unlink()
    with pytest.raises(ModuleFormatError, match="une version française doit exister"):
        load_catalog(tmp_path)


def test_shipped_english_module_matches_the_french_one() -> None:
    catalog = default_catalog()
    english = catalog.get("demarche-avec", "en")
    assert english is not None and english.meta.language == "en"
    assert english.meta.title.startswith("The A.V.E.C. approach")
