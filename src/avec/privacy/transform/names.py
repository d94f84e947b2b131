"""Person names: gender from titles and first-name lists, initials, and the surrogate name pools.

The first-name and surname lists come from Faker's French locales (fr_FR, fr_CA, fr_CH, fr_BE);
surnames and first names that are also common French words (Faker's French word list) are kept out
of the surrogate pools, so that restoring an answer never turns an ordinary word into a name.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from avec.privacy.transform.casing import norm_key

_LOCALES = ("fr_FR", "fr_CA", "fr_CH", "fr_BE")
_POOL_LOCALES = ("fr_FR", "fr_CA", "fr_CH")

_TITLE = re.compile(
    r"(?:(?<![\w])(?P<male>M|Mr|MM|Monsieur|Messieurs|né)|(?<![\w])(?P<female>Mme|Mmes|Madame|Mlle|Melle|"
    r"Mademoiselle|née|épouse|ép|veuve|Vve))\.?\s*$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?(?:\s?-\s?|\s)?){1,3}$")
_LETTER = re.compile(r"[^\W\d_]")


def _provider_names(locale: str, attr: str) -> tuple[str, ...]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ImportError:  # a locale missing from this Faker version only narrows the lists
        return ()
    return tuple(getattr(provider, attr, ()))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    lorem = importlib.import_module("faker.providers.lorem.fr_FR").Provider
    return frozenset(norm_key(w) for w in lorem.word_list)


def _medical_word(name: str) -> bool:
    """An eponym, drug, unit or acronym ("Eva" would turn "EVA 4/10" into a name on restoring)."""
    try:
        from avec.privacy.detection.medical_vocab import is_protected_word
    except ImportError:  # detection not installed: the lists above still apply
        return False
    return bool(is_protected_word(name))


@lru_cache(maxsize=1)
def gendered_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Normalised (male, female) first names known to Faker's French locales."""
    male = {norm_key(n) for loc in _LOCALES for n in _provider_names(loc, "first_names_male")}
    female = {norm_key(n) for loc in _LOCALES for n in _provider_names(loc, "first_names_female")}
    return frozenset(male), frozenset(female)


@lru_cache(maxsize=1)
def first_name_pools() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(male, female) surrogate first names: unambiguous gender, not common or medical words."""
    male, female = gendered_first_names()
    words = _common_words()

    def pool(attr: str) -> tuple[str, ...]:
        names = {n for loc in _POOL_LOCALES for n in _provider_names(loc, attr)}
        keep = [
            n
            for n in names
            if not (norm_key(n) in male and norm_key(n) in female)
            and norm_key(n) not in words
            and " " not in n
            and not _medical_word(n)
        ]
        return tuple(sorted(keep))

    return pool("first_names_male"), pool("first_names_female")


@lru_cache(maxsize=1)
def surname_pool() -> tuple[str, ...]:
    """Surrogate surnames (Faker French locales), without common French words nor medical words."""
    words = _common_words()
    names = {n for loc in _POOL_LOCALES for n in _provider_names(loc, "last_names")}
    male, female = gendered_first_names()
    return tuple(
        sorted(
            n for n in names if norm_key(n) not in words and norm_key(n) not in male | female and not _medical_word(n)
        )
    )


def title_gender(preceding: str) -> str:
    """Gender told by a title right before a name (``M.``, ``Mme``, ``née``…): "M", "F" or ""."""
    match = _TITLE.search(preceding[-20:])
    if match is None:
        return ""
    return "M" if match.group("male") else "F"


def list_gender(first_name: str) -> str:
    """Gender of a first name from the lists ("" when unknown or used for both)."""
    male, female = gendered_first_names()
    parts = [p for p in re.split(r"[\s\-]+", norm_key(first_name)) if p]
    if not parts:
        return ""
    first = parts[0]
    if first in male and first not in female:
        return "M"
    if first in female and first not in male:
        return "F"
    return ""


def is_initials(text: str) -> bool:
    """``J``, ``J.``, ``J.-P.``, ``J P``, ``JP`` (not ``LÉA`` nor ``GUY``: three capitals need dots)."""
    stripped = text.strip()
    letters = _LETTER.findall(stripped)
    if not letters or len(letters) > 3:
        return False
    if len(letters) == 1:
        return True
    if "." in stripped or "-" in stripped or " " in stripped:
        return bool(_INITIALS.match(stripped))
    if len(letters) == 2 and stripped.isupper():
        male, female = gendered_first_names()
        return norm_key(stripped) not in male | female
    return False


def replace_initials(text: str, letters: str) -> str:
    """Put ``letters`` (one per initial) in place of the letters of ``text``, keeping dots and dashes."""
    it = iter(letters)
    return _LETTER.sub(lambda m: next(it, m.group(0)).upper() if m.group(0).isupper() else next(it, m.group(0)), text)


def initials_of(name: str) -> str:
    """``Jean-Pierre`` -> ``JP``."""
    return "".join(p[0] for p in re.split(r"[\s\-]+", name) if p)
