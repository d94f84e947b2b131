"""Letter-case styles and normalisation keys for surrogates (``DUPONT`` / ``Dupont`` / ``dupont``)."""

from __future__ import annotations

import re
import unicodedata

_PARTS = re.compile(r"([\s\-'’.]+)")


def strip_accents(text: str) -> str:
    """``Hélène`` -> ``Helene`` (NFKD, combining marks removed)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm_key(text: str) -> str:
    """Key under which variants of one value are the same: no accents, case-folded, single spaces."""
    return " ".join(strip_accents(text).casefold().replace("’", "'").split())


def style_of(text: str) -> str:
    """``upper``, ``lower``, ``title`` or ``mixed`` (based on the letters of ``text``)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "mixed"
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "upper"
    if all(ch.islower() for ch in letters):
        return "lower"
    if text == title_case(text):
        return "title"
    return "mixed"


def title_case(text: str) -> str:
    """Capitalise each part of a name (``jean-pierre le goff`` -> ``Jean-Pierre Le Goff``)."""
    out = []
    for part in _PARTS.split(text):
        if part and part[0].isalpha():
            out.append(part[0].upper() + part[1:].lower())
        else:
            out.append(part)
    return "".join(out)


def apply_style(style: str, text: str) -> str:
    """Render ``text`` in ``style`` (``mixed`` leaves it as it is)."""
    if style == "upper":
        return text.upper()
    if style == "lower":
        return text.lower()
    if style == "title":
        return title_case(text)
    return text
