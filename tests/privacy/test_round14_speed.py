"""Round 14 speed: ``prefix_search`` finders refuse the places a match's opening lookbehind or
``\\b`` refuses (read on the folded text), a class such as ``\\d`` may open a match, finders are
cached by identity, and the keyword patterns moved onto ``prefixed_finditer`` / ``prefixed_search``
give the matches of the plain search on invented texts (positive and negative cases)."""

from __future__ import annotations

import random
import re

import pytest

from avec.privacy.detection import (
    addresses_abroad,
    care_companies,
    company_names,
    context_rules,
    date_ranges,
    dates,
    export_operators,
    facility_cases,
    facility_extras,
    facility_units,
    locations,
    logins,
    name_layouts,
    name_lists,
    named_bodies,
    patterns,
    person_contexts,
    practice_names,
    public_bodies,
    school_names,
    statement_names,
    territorial_bodies,
)
from avec.privacy.detection.prefix_search import (
    _FOLDED_LIMIT,
    _bmp,
    _fold_preimages,
    _folded_refusal,
    match_prefixes,
    prefix_finder,
    prefixed_finditer,
    prefixed_search,
)
from avec.privacy.detection.text import fold


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _same(rx: re.Pattern[str], text: str, pos: int = 0) -> None:
    folded = fold(text)
    assert _spans(prefixed_finditer(rx, text, folded, pos)) == _spans(rx.finditer(text, pos))
    plain = rx.search(text, pos)
    fast = prefixed_search(rx, text, folded, pos)
    assert (fast.span() if fast else None) == (plain.span() if plain else None)


# (pattern, text, the matches expected): the lookbehind must refuse exactly what the pattern refuses.
CASES = [
    (r"(?<![\w-])(?:rue|av)", "rue, la rue; avenue", ["rue", "rue", "av"]),
    (r"(?<![\w-])(?:rue|av)", "grue -rue e-av prue", []),
    # "é" is outside [A-Za-z] but folds to "e": the folded "e" before "rue" must not refuse it
    (r"(?<![A-Za-z])rue", "érue Erue erue 1rue", ["rue", "rue"]),
    (r"(?<![\dA-Za-z])[1-4]\d\d", "a123 123 9123 é234 ²345", ["123", "234", "345"]),
    (r"(?i)\b(?:dr|pr)\.", "Dr. x ; PR. y ; adr. z ; _dr. w", ["Dr.", "PR."]),
    # a "\b" before a match that may open on a non-word character refuses nothing
    (r"\b(?:ab|\(c)", "ab x(c (c xab", ["ab", "(c"]),
    (r"(?:(?<![\w])(?:fils|fille)|(?<![\w'])mari)", "fils, l'mari, mari, afils", ["fils", "mari"]),
    # one alternative without a lookbehind: nothing refused
    (r"(?:(?<=l['’])|(?<![\w'’-]))(?:ide|as)", "l'ide, ide, xide, l’as", ["ide", "ide", "as"]),
    # \d opening a match, digits of other scripts included (Arabic-Indic, mathematical bold above the BMP)
    (
        r"(?<![\w/])\d{1,3}[ \t]+rue",
        "12 rue, /3 rue, ٣ rue, \U0001d7ee rue, a4 rue",
        ["12 rue", "٣ rue", "\U0001d7ee rue"],
    ),
]


@pytest.mark.parametrize(("pattern", "text", "expected"), CASES)
def test_finder_refusals_keep_every_match(pattern: str, text: str, expected: list[str]) -> None:
    rx = re.compile(pattern)
    assert prefix_finder(rx) is not None
    folded = fold(text)
    assert [m.group(0) for m in prefixed_finditer(rx, text, folded)] == expected
    for pos in range(len(text) + 1):
        _same(rx, text, pos)


def test_digit_class_opening_a_match_gives_one_character_prefixes() -> None:
    prefixes = match_prefixes(re.compile(r"\d+x"))
    assert "7" in prefixes and "\U0001d7ee" in prefixes and all(len(p) == 1 for p in prefixes)
    with pytest.raises(ValueError):
        match_prefixes(re.compile(r"\w+x"))  # \w is still too wide to open a match


@pytest.mark.parametrize("source", [r"[\w-]", r"[\dA-Za-z]", r"[\w'’.-]", r"\w", r"[A-Z]"])
def test_refused_folded_characters_have_only_refused_forms(source: str) -> None:
    rx = re.compile(source)
    refused = _folded_refusal(source, 0)
    # "[A-Z]" refuses no folded character: "a" is also the fold of "a", which it accepts
    assert bool(refused) == (source != "[A-Z]"), source
    for c in _bmp():
        x = fold(c)
        if x in refused:
            assert rx.fullmatch(c), (source, hex(ord(c)))
    if source == r"[\dA-Za-z]":
        assert "e" not in refused and "7" in refused  # é folds to e


def test_no_character_above_the_bmp_folds_below_the_limit() -> None:
    astral = "".join(map(chr, range(0x10000, 0x110000)))
    assert min(map(ord, fold(astral))) >= _FOLDED_LIMIT
    assert all(ord(x) < _FOLDED_LIMIT for x in _fold_preimages())


def test_finders_are_cached_by_identity() -> None:
    rx = re.compile(r"(?<![\w-])(?:unique|keyword)")
    first = prefix_finder(rx)
    assert first is not None and prefix_finder(rx) is first
    twin = re.compile(r"(?<![\w-])(?:unique|keyword)\b")  # another pattern: its own entry
    assert prefix_finder(twin) is not None
    assert _spans(prefixed_finditer(twin, "keyword unique", "keyword unique")) == _spans(
        twin.finditer("keyword unique")
    )


# The patterns this round moved onto the prefix search, with the text they are run on.
MOVED = {
    "care_companies._TRADE_RUN": care_companies._TRADE_RUN,
    "company_names._GATE": company_names._GATE,
    "date_ranges._SCHEDULED": date_ranges._SCHEDULED,
    "facility_cases._GATE": facility_cases._GATE,
    "facility_units._GATE": facility_units._GATE,
    "logins._LOGIN_LABEL": logins._LOGIN_LABEL,
    "logins._LOGIN_BARE": logins._LOGIN_BARE,
    "logins._BY": logins._BY,
    "name_layouts._SURNAME_LABEL": name_layouts._SURNAME_LABEL,
    "person_contexts._FAMILY_FIRM": person_contexts._FAMILY_FIRM,
    "practice_names._GATE": practice_names._GATE,
    "public_bodies._ACRONYM_GATE": public_bodies._ACRONYM_GATE,
    "territorial_bodies._ACRONYM_GATE": territorial_bodies._ACRONYM_GATE,
    "territorial_bodies._LOWER_GATE": territorial_bodies._LOWER_GATE,
    "date_ranges._DAY_LIST": date_ranges._DAY_LIST,
    "date_ranges._DM_LIST": date_ranges._DM_LIST,
    "date_ranges._SHARED_MONTH": date_ranges._SHARED_MONTH,
    "locations._ZIP": locations._ZIP,
    "addresses_abroad._LETTERED_ZIP": addresses_abroad._LETTERED_ZIP,
    "addresses_abroad._FOUR_DIGIT_ZIP": addresses_abroad._FOUR_DIGIT_ZIP,
    "context_rules._GREETING": context_rules._GREETING,
    "dates._PATTERNS[1]": dates._PATTERNS[1],
    "dates._PADDED_DAY_MONTH": dates._PADDED_DAY_MONTH,
    "dates._RANGE": dates._RANGE,
    "patterns._PHONE_INTL": patterns._PHONE_INTL,
    "patterns._PHONE_SPECIAL_RATE": patterns._PHONE_SPECIAL_RATE,
    "patterns._UK_MOBILE": patterns._UK_MOBILE,
    "patterns._PHONE_OCR_PAIRS": patterns._PHONE_OCR_PAIRS,
    "patterns._PHONE_NO_ZERO": patterns._PHONE_NO_ZERO,
    "patterns._PHONE_LOOSE": patterns._PHONE_LOOSE,
}
_PIECES = [
    "Ambulances",
    "AMBULANCES",
    "taxi",
    "Taxis",
    "VSL",
    "pompes funèbres",
    "garage",
    "Santé",
    "Services",
    "Médical",
    "MEDICAL",
    "CCAS",
    "ccas",
    "CPAM",
    "Cpam",
    "caf",
    "CAF",
    "MDPH",
    "UDAF",
    "ehpad",
    "EHPAD",
    "Ehpad",
    "ssiad",
    "SAAD",
    "cabinet",
    "kiné",
    "HAD",
    "EMG",
    "PASS",
    "CSP",
    "AFPA",
    "GRETA",
    "prévu",
    "programmée",
    "reportée",
    "rdv",
    "rendez-vous",
    "login",
    "Identifiant",
    "utilisateur",
    "opérateur",
    "par",
    "PAR",
    "by",
    "auteur :",
    "de :",
    "nom de naissance",
    "Nom d'usage",
    "NOM",
    "société",
    "banque",
    "association",
    "Zoé",
    "Ndiaye",
    "LEROUX",
    "Brest",
    "Quimperlé",
    "x",
    "é",
    "ß",
    "ſ",
    "K",
    "l'",
    "d’",
    "-",
    "_",
    "/",
    ":",
    " : ",
    ",",
    ".",
    "(",
    ")",
    "\n",
    "\t",
    "  ",
    " ",
    "12",
    "3e",
    "2024",
    "rdv le 12/3",
    "prevue 4 / 11",
    "login : jdupont",
    "identifiant mlenoir",
    "le 4, 9 et 17 mars",
    "12 et 19/05",
    "7/04, 9/04 et 21/05",
    "du 3 au 8 avril",
    "du 11 au 14/02",
    "entre le 2 et le 5 juin",
    "05/03",
    "2031-07-19",
    "29340",
    "F-29340",
    "B-4020",
    "D-80331",
    "4020 Liège",
    "B-4020 Liège",
    "Liège",
    "Bonjour",
    "bonsoir",
    "Chère",
    "06 11 22 33 44",
    "0O 1l 22 33 44",
    "6 11 22 33 44",
    "+32 470 11 22 33",
    "0033 6 11 22 33 44",
    "0899 112 233",
    "ssiad du",
    "07700 911234",
    "le",
]


@pytest.mark.parametrize("name", sorted(MOVED))
def test_moved_patterns_on_random_mixes(name: str) -> None:
    rx = MOVED[name]
    assert prefix_finder(rx) is not None, name
    rnd = random.Random(f"speed-round14-{name}")
    whole = " ".join(_PIECES)  # every piece once: each pattern finds something there
    _same(rx, whole)
    _same(rx, fold(whole))
    found = int(bool(rx.search(whole) or rx.search(fold(whole))))
    for _ in range(400):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 30)))
        for t in (text, fold(text)):
            _same(rx, t)
            _same(rx, t, rnd.randint(0, len(t)))
            found += rx.search(t) is not None
    assert found, name  # the mixes hold matches, not only misses


# Patterns moved in a second step, each with an invented text it matches.
MOVED_WITH_EXAMPLE = {
    "territorial_bodies._LOWER_BODY": (territorial_bodies._LOWER_BODY, "suivi par le ccas de plouzané"),
    "company_names._KIND_NAMED": (company_names._KIND_NAMED, "Pompes funèbres Kervella Frères"),
    "patterns._ID_QUESTION": (patterns._ID_QUESTION, "votre IPP ?"),
    "facility_extras._HOSPITAL_ACRONYM": (facility_extras._HOSPITAL_ACRONYM, "transféré au CHBA puis au GHBS"),
    "school_names._SCHOOL": (school_names._SCHOOL, "scolarisé à l'école primaire Jean-Moulin"),
    "named_bodies._ACRONYMS": (named_bodies._ACRONYMS, "suivi à l'ICO site Paul Papin"),
    "name_lists._SIGNED_M": (name_lists._SIGNED_M, "Cordialement,\nM. Kerrien"),
    "statement_names._DOORBELL": (statement_names._DOORBELL, "sonnette : « Kerrien »"),
    "export_operators._HEADER": (export_operators._HEADER, "| date | opérateur | acte |"),
    "facility_extras._NAMED_UNIT": (facility_extras._NAMED_UNIT, "unité Les Ajoncs"),
    "facility_extras._AFTER_WARD": (facility_extras._AFTER_WARD, "urgences de la Cavale Blanche"),
    "facility_extras._AREA_NAMED": (facility_extras._AREA_NAMED, "CH du pays Bigouden"),
    "facility_extras._LOWER_EHPAD": (facility_extras._LOWER_EHPAD, "ehpad les tilleuls"),
    "school_names._NAMED": (school_names._NAMED, "collège Jean Moulin"),
    "named_bodies._SPECIALTY_CENTRE": (named_bodies._SPECIALTY_CENTRE, "centre de radiothérapie de Quimper"),
}


@pytest.mark.parametrize("name", sorted(MOVED_WITH_EXAMPLE))
def test_second_step_patterns_on_random_mixes(name: str) -> None:
    rx, example = MOVED_WITH_EXAMPLE[name]
    assert prefix_finder(rx) is not None, name
    rnd = random.Random(f"speed-round14b-{name}")
    pieces = [*_PIECES, example, "CH", "GH", "unité", "service", "école", "sonnette", "Quel", "M.", "\n"]
    assert rx.search(example), name  # the invented example is a positive case
    for t in (example, "x " + example, example.upper()):
        _same(rx, t)
        _same(rx, fold(t))
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        _same(rx, text)
        _same(rx, text, rnd.randint(0, len(text)))
