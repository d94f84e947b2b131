"""Translations of the web pages: French first, English second.

Each domain keeps its messages in ``web/messages/<domain>.yaml`` (one file per domain, so engineers
do not edit the same file)::

    home.title:
      fr: Accueil
      en: Home

Keys are global: prefix them with the domain (``review.approve``). Placeholders use
``str.format`` names: ``"{count} en attente"`` rendered with ``_("review.pending", count=3)``.
A missing key renders as the key itself (visible in review, never an exception on a page).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import yaml
from fastapi import Request

log = logging.getLogger(__name__)

MESSAGES_DIR = Path(__file__).parent / "messages"
LANGUAGES: tuple[str, ...] = ("fr", "en")
LANG_COOKIE = "lang"


class CatalogueError(ValueError):
    """A message file that does not follow the ``key -> {fr, en}`` shape."""


def load_catalogue(folder: Path = MESSAGES_DIR) -> dict[str, dict[str, str]]:
    """Read every ``*.yaml`` file in ``folder`` into one ``key -> {lang: text}`` mapping."""
    catalogue: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(raw, dict):
            raise CatalogueError(f"{path.name}: expected a mapping of keys to {{fr, en}}")
        for key, texts in raw.items():
            if not isinstance(texts, dict) or "fr" not in texts:
                raise CatalogueError(f"{path.name}: key {key!r} needs at least a 'fr' text")
            if key in catalogue:
                raise CatalogueError(f"{path.name}: key {key!r} is already defined in another file")
            catalogue[str(key)] = {str(lang): str(text) for lang, text in texts.items()}
    return catalogue


@lru_cache(maxsize=1)
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """The catalogue of the installed message files (read once per process)."""
    return load_catalogue()


def translate(key: str, lang: str, /, **params: object) -> str:
    """The text of ``key`` in ``lang`` (falling back to French, then to the key itself)."""
    texts = catalogue().get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts.get("fr") or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            log.warning("message placeholders do not match", extra={"fields": {"key": key}})
            return text
    return text


def normalise_language(value: str | None) -> str | None:
    """``value`` if it is a supported language code (``fr-FR`` -> ``fr``), else None."""
    if not value:
        return None
    code = value.strip().lower()[:2]
    return code if code in LANGUAGES else None


def request_language(request: Request, user_language: str | None = None) -> str:
    """Language of the page: ``?lang=``, the ``lang`` cookie, the user's setting, then the default."""
    for candidate in (
        request.query_params.get("lang"),
        request.cookies.get(LANG_COOKIE),
        user_language,
    ):
        lang = normalise_language(candidate)
        if lang:
            return lang
    default = normalise_language(getattr(request.app.state.settings, "default_language", "fr"))
    return default or "fr"


class Translator:
    """``_()`` bound to one language, for templates and page code."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **params: object) -> str:
        return translate(key, self.lang, **params)
