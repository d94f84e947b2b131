"""Numeric identifiers: NIR (with a valid key), phone numbers, IPP/NDA shapes, e-mail addresses."""

from __future__ import annotations

import datetime as dt
import random
import re

_ALNUM = re.compile(r"[0-9A-Za-z]")
_DIGIT = re.compile(r"\d")


def nir_key(first13: str) -> int:
    """NIR control key: 97 - (n mod 97), Corsica 2A/2B counted as 19/18."""
    number = first13.upper().replace("2A", "19").replace("2B", "18")
    return 97 - int(number) % 97


def substitute(template: str, chars: str, pattern: re.Pattern[str] = _ALNUM) -> str:
    """Replace, in order, the characters of ``template`` matched by ``pattern`` by ``chars``."""
    it = iter(chars)
    return pattern.sub(lambda m: next(it, m.group(0)), template)


def compact(text: str) -> str:
    """The letters and digits of ``text``, upper case (``1 84 03 2A…`` -> ``184032A…``)."""
    return "".join(_ALNUM.findall(text)).upper()


def nir_surrogate(rng: random.Random, original: str, birth: tuple[int, int] | None, offset_days: int) -> str:
    """A NIR with a valid key, same sex digit, birth year/month from ``birth`` or shifted, same layout."""
    digits = compact(original)
    sex = digits[0] if digits[:1] in ("1", "2", "3", "4", "7", "8") else rng.choice("12")
    yy, mm = digits[1:3], digits[3:5]
    if birth is not None:
        yy, mm = f"{birth[0] % 100:02d}", f"{birth[1]:02d}"
    elif yy.isdigit() and mm.isdigit() and 1 <= int(mm) <= 12:
        year = 1900 + int(yy) if 1900 + int(yy) <= dt.date.today().year - 1 and int(yy) > 25 else 2000 + int(yy)
        moved = dt.date(year, int(mm), 15) + dt.timedelta(days=offset_days)
        yy, mm = f"{moved.year % 100:02d}", f"{moved.month:02d}"
    elif not (yy.isdigit() and mm.isdigit()):
        yy, mm = f"{rng.randint(0, 99):02d}", f"{rng.randint(1, 12):02d}"
    dept = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"])
    first13 = f"{sex}{yy}{mm}{dept}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    full = f"{first13}{nir_key(first13):02d}"
    return substitute(original, full[: len(digits)])


def phone_key(original: str) -> str:
    """The 9 significant digits of a French phone number (the mapping key)."""
    return "".join(_DIGIT.findall(original))[-9:]


def phone_surrogate(rng: random.Random, original_key: str) -> str:
    """9 significant digits keeping the kind of line (first digit: 1-5 geographic, 6/7 mobile, 8, 9)."""
    return original_key[:1] + "".join(str(rng.randint(0, 9)) for _ in range(len(original_key) - 1))


def render_phone(template: str, nine: str) -> str:
    """Write the significant digits ``nine`` in the layout of ``template`` (separators, +33, 0033)."""
    digits = _DIGIT.findall(template)
    prefix_len = len(digits) - len(nine)
    return substitute(template, "".join(digits[:prefix_len]) + nine, _DIGIT)


def shape_surrogate(rng: random.Random, original: str) -> str:
    """Same shape as ``original``: random digits (no new leading zero) and random letters."""
    out = []
    for i, ch in enumerate(original):
        if ch.isdigit():
            low = 1 if i == 0 and ch != "0" else 0
            out.append(str(rng.randint(low, 9)))
        elif ch.isalpha() and ch.isascii():
            letter = chr(rng.randint(ord("A"), ord("Z")))
            out.append(letter if ch.isupper() else letter.lower())
        else:
            out.append(ch)
    return "".join(out)


PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "laposte.net",
        "hotmail.fr",
        "hotmail.com",
        "yahoo.fr",
        "yahoo.com",
        "outlook.fr",
        "outlook.com",
        "live.fr",
        "icloud.com",
        "neuf.fr",
        "bbox.fr",
        "proton.me",
        "protonmail.com",
        "aol.com",
        "mssante.fr",
        "gmx.fr",
    }
)
MAIL_RE = re.compile(r"^(?P<local>[^@\s]+)@(?P<domain>[^@\s]+)$")
_LOCAL_PART = re.compile(r"([._\-+])")
