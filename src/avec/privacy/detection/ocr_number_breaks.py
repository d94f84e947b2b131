"""Numbers that OCR broke by stray single spaces, joined again in a scanned text.

Family: a faxed or scanned page read by OCR puts spaces at random places inside numbers:
"né le 1 4/0 3/1 9 5 5", "RDV le 1 5/0 1", "+33 4 7 8 9 2 1 5 4 0", "6 9 0 0 6 LYON",
"1 4 7 rue de Sèze", "octobre 2 0 2 3", "2 5 mars". The date, phone and address rules read
unbroken numbers. In a text that already shows OCR damage (the caller checks it), a run of digit
pieces one space apart is joined when, joined, it has the shape of an identifier and the break is
visible (one piece is a lone digit or a date part cut in two):
- a date dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or dd/mm/yy, and dd/mm with both parts of two digits
  (never "1 1/2 cp": a fraction after a digit is no two-digit day);
- a French phone (ten digits from 0, or +33 / 0033 and nine digits);
- a year 19xx/20xx, a day 1-31 before a month name;
- a postal code (five digits) before a word in capitals, a house number (1-4 digits) before a
  street type ("2 7, rue").
Doses, units, tables and counts are never joined: a run that joins into none of these shapes
("2 4 mmHg", "3 3 , 3 4", "1 g x 4") is left as written. Hand-written with the other OCR steps.
"""

from __future__ import annotations

import re

# A digit piece: digits, maybe with date separators inside ("5/0", "4/0", "+33").
_PIECE = re.compile(r"(?<![\w+])\+?\d(?:[\d/.-]*\d)?(?![\w])")
_DATE = re.compile(r"(?:0[1-9]|[12]\d|3[01])([/.-])(?:0[1-9]|1[0-2])\1(?:(?:19|20)\d\d|\d\d)")
_DAY_MONTH = re.compile(r"(?:0[1-9]|[12]\d|3[01])/(?:0[1-9]|1[0-2])")
_PHONE = re.compile(r"0[1-9]\d{8}|(?:\+33|0033)[1-9]\d{8}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DAY = re.compile(r"0?[1-9]|[12]\d|3[01]")
_HOUSE = re.compile(r"\d{1,4}")
_POSTCODE = re.compile(r"\d{5}")
_MONTH_AFTER = re.compile(r" (?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)", re.IGNORECASE)
_STREET_AFTER = re.compile(
    r",? {1,2}(?:rue|avenue|av\.?|bd|boulevard|allée|allee|chemin|ch\.|place|impasse|route|quai|cours|square"
    r"|traverse|résidence|lotissement|hameau|passage|bis|ter)\b",
    re.IGNORECASE,
)
_CAPITAL_AFTER = re.compile(r" [A-ZÀ-Ý]")


def _shape(joined: str, after: str, whole: bool) -> bool:
    """Whether ``joined`` (the pieces without their spaces) is an identifier's number here; a bare
    number (year, day, postal code, house number) only when it is the whole run ("1 9 1 0 1 9 6 7"
    is a date spaced digit by digit, not the year 1910)."""
    if _DATE.fullmatch(joined) or _DAY_MONTH.fullmatch(joined) or _PHONE.fullmatch(joined):
        return True
    if not joined.isdigit() or not whole:
        return False
    if _YEAR.fullmatch(joined):
        return True
    if _DAY.fullmatch(joined) and _MONTH_AFTER.match(after):
        return True
    if _POSTCODE.fullmatch(joined) and _CAPITAL_AFTER.match(after):
        return True
    return bool(_HOUSE.fullmatch(joined)) and bool(_STREET_AFTER.match(after))


def _broken(pieces: list[str]) -> bool:
    """A lone digit among the pieces, or a date part cut in two ("5/0")."""
    return any(len(p) == 1 or re.fullmatch(r"\d[/.-]\d", p) for p in pieces)


def number_joins(text: str) -> set[int]:
    """Offsets of the spaces to drop so that OCR-broken numbers are whole again."""
    drop: set[int] = set()
    chain: list[re.Match[str]] = []
    for m in _PIECE.finditer(text):
        if chain and text[chain[-1].end() : m.start()] == " ":
            chain.append(m)
            continue
        _join_chain(text, chain, drop)
        chain = [m]
    _join_chain(text, chain, drop)
    return drop


def _join_chain(text: str, chain: list[re.Match[str]], drop: set[int]) -> None:
    """Join the longest identifier-shaped run opening the chain, then the next one after it; stop
    at the first piece that opens none (a run is never read from its middle: the end of a NIR
    spelled digit by digit is no phone)."""
    i = 0
    while i < len(chain) - 1:
        for j in range(len(chain) - 1, i, -1):
            pieces = [m.group() for m in chain[i : j + 1]]
            after = text[chain[j].end() : chain[j].end() + 14]
            if _broken(pieces) and _shape("".join(pieces), after, j == len(chain) - 1):
                drop.update(m.end() for m in chain[i:j])
                i = j + 1
                break
        else:
            return
