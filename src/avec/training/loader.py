"""Load training modules: Markdown files with a YAML front matter validated by ``ModuleFrontMatter``.

A malformed file is refused with a :class:`ModuleFormatError` whose message names the file and the
field, so that an author sees at once what to fix (``avec training validate`` prints it).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

import frontmatter
import markdown
import yaml
from pydantic import ValidationError

from avec.training.schemas import Module, ModuleFrontMatter

DEFAULT_DIR = Path(__file__).parent / "modules"
DEFAULT_LANGUAGE = "fr"


class ModuleFormatError(ValueError):
    """A module file whose front matter is missing, unreadable or invalid."""

    def __init__(self, path: Path, field: str | None, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        where = f"champ « {field} »" if field else "front matter"
        super().__init__(f"{path.name} : {where} : {problem}")


def _field_name(loc: Iterable[int | str]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + item)
    return "".join(parts) or "?"


def load_module(path: Path) -> Module:
    """Parse and validate one module file; raise ModuleFormatError naming the file and the field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModuleFormatError(path, None, f"fichier illisible ({exc.__class__.__name__})") from exc
    if not text.lstrip().startswith("---"):
        raise ModuleFormatError(path, None, "le fichier doit commencer par un front matter YAML entre '---'")
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (ligne {mark.line + 2})" if mark is not None else ""
        raise ModuleFormatError(path, None, f"YAML invalide{line} : {getattr(exc, 'problem', exc)}") from exc
    if not post.metadata:
        raise ModuleFormatError(path, None, "front matter vide")
    try:
        meta = ModuleFrontMatter.model_validate(post.metadata)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ModuleFormatError(path, _field_name(first["loc"]), first["msg"]) from exc
    body = post.content.strip()
    if body.startswith("# "):  # the page title comes from the front matter: drop a leading H1
        body = body.split("\n", 1)[1].strip() if "\n" in body else ""
    if len(body.split()) < 50:
        raise ModuleFormatError(path, "contenu", "le texte du module est vide ou trop court")
    html = markdown.markdown(body, extensions=["extra", "sane_lists"], output_format="html")
    digest = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Module(meta=meta, body_markdown=body, body_html=html, digest=digest, path=str(path))


def _answer_key(module: Module) -> list[tuple[str, list[str], list[str]]]:
    """Question ids, choice ids and right answers: what a translation must keep identical."""
    return [(q.id, [c.id for c in q.choices], sorted(q.correct)) for q in module.meta.quiz]


class Catalog:
    """The modules of one directory, by slug and language."""

    def __init__(self, modules: list[Module]) -> None:
        self._by_key: dict[tuple[str, str], Module] = {}
        for module in modules:
            key = (module.meta.slug, module.meta.language)
            if key in self._by_key:
                raise ModuleFormatError(
                    Path(module.path), "slug", f"« {key[0]} » ({key[1]}) est déjà défini par un autre fichier"
                )
            self._by_key[key] = module
        for slug, language in self._by_key:
            if language != DEFAULT_LANGUAGE and (slug, DEFAULT_LANGUAGE) not in self._by_key:
                module = self._by_key[(slug, language)]
                raise ModuleFormatError(Path(module.path), "language", "une version française doit exister")
        self._check_translations()

    def _check_translations(self) -> None:
        for (slug, language), module in self._by_key.items():
            if language == DEFAULT_LANGUAGE:
                continue
            reference = self._by_key[(slug, DEFAULT_LANGUAGE)].meta
            for field in ("version", "requires_retraining_from", "recertification_days", "pass_mark"):
                if getattr(module.meta, field) != getattr(reference, field):
                    problem = "doit être identique à la version française"
                    raise ModuleFormatError(Path(module.path), field, problem)
            if _answer_key(module) != _answer_key(self._by_key[(slug, DEFAULT_LANGUAGE)]):
                problem = "questions, choix et bonnes réponses doivent correspondre à la version française"
                raise ModuleFormatError(Path(module.path), "quiz", problem)

    def get(self, slug: str, language: str = DEFAULT_LANGUAGE) -> Module | None:
        """The module in ``language``, falling back to French; None if unknown."""
        return self._by_key.get((slug, language)) or self._by_key.get((slug, DEFAULT_LANGUAGE))

    def slugs(self) -> list[str]:
        """All module slugs, in reading order."""
        return [m.meta.slug for m in self.modules()]

    def modules(self, language: str = DEFAULT_LANGUAGE) -> list[Module]:
        """One module per slug (in ``language`` when available), in reading order."""
        found = [m for (_s, lang), m in self._by_key.items() if lang == DEFAULT_LANGUAGE]
        chosen = [self.get(m.meta.slug, language) or m for m in found]
        return sorted(chosen, key=lambda m: (m.meta.order, m.meta.slug))


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load every ``*.md`` module of ``directory`` (default: the modules shipped with AVEC)."""
    folder = directory or DEFAULT_DIR
    if not folder.is_dir():
        raise FileNotFoundError(f"dossier de modules introuvable : {folder}")
    return Catalog([load_module(p) for p in sorted(folder.glob("*.md"))])


@functools.cache
def default_catalog() -> Catalog:
    """The shipped modules, loaded once per process."""
    return load_catalog(DEFAULT_DIR)
