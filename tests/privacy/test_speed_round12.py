"""Round 12 speed changes give the same answers as the plain searches they replace.

``prefix_search.prefixed_finditer`` / ``prefixed_search`` (a keyword pattern matched only where the
folded text holds one of its first letters) must yield exactly the matches of ``finditer`` /
``search``: on a table of invented inputs (case, accents, Unicode case folds such as the Kelvin
sign and the long s, overlapping candidates, a start position), on deterministic random mixes of
the pieces the patterns care about, and for the very patterns the detector runs this way. The
analysis must refuse what it cannot prove (a wide first character, an empty match, characters
above the BMP), and the BMP enumeration must miss nothing (checked over every other character).
"""

from __future__ import annotations

import random
import re

import pytest

from avec.privacy.detection import (
    address_parts,
    addresses,
    addresses_abroad,
    birth_name_keys,
    commune_lower_case,
    commune_mentions,
    commune_slots,
    communes,
    company_names,
    context_rules,
    date_ranges,
    date_variants,
    dates,
    dates_layouts,
    document_numbers,
    estate_addresses,
    login_layouts,
    logins,
    name_layouts,
    patterns,
    person_contexts,
    person_notes,
    ranks,
    relative_names,
    structure_names,
)
from avec.privacy.detection.bounded_search import bounded_finditer, colon_anchor
from avec.privacy.detection.facility_keywords import FACILITY
from avec.privacy.detection.prefix_search import (
    Unsupported,
    match_prefixes,
    prefix_finder,
    prefixed_finditer,
    prefixed_search,
)
from avec.privacy.detection.text import fold

# The patterns the detector searches through prefixed_finditer / prefixed_search.
DETECTOR_PATTERNS = {
    "facility": FACILITY,
    "rank": ranks._RANK,
    "job_before": person_contexts._JOB_BEFORE,
    "job_label": person_contexts._JOB_LABEL,
    "nickname": person_contexts._NICKNAME,
    "audit_by": logins._AUDIT_BY,
    "closing": name_layouts._CLOSING,
    "field_auto": context_rules._FIELDS[3][0],
    "national": company_names._NATIONAL,
    "relative": relative_names._RELATIVE,
    "maiden_any": context_rules._MAIDEN_ANY,
    "desk_label": login_layouts._DESK_LABEL,
    "id_label": patterns._ID_LABEL,
    "discipline_paren": person_contexts._DISCIPLINE_PAREN,
    "self_intro": person_contexts._SELF_INTRO,
    "bare_bond": person_notes._BARE_BOND,
}
# Places, dates, phones and NIRs searched the same way (second batch).
PLACE_DATE_PATTERNS = {
    "patterns._PHONE": patterns._PHONE,
    "patterns._PHONE_COMPACT_INTL": patterns._PHONE_COMPACT_INTL,
    "patterns._PHONE_SPACED": patterns._PHONE_SPACED,
    "patterns._PHONE_SLASHES": patterns._PHONE_SLASHES,
    "patterns._PHONE_BRACKETED_CC": patterns._PHONE_BRACKETED_CC,
    "patterns._NIR": patterns._NIR,
    "patterns._NIR_OVERSEAS": patterns._NIR_OVERSEAS,
    "patterns._NIR_BOXES": patterns._NIR_BOXES,
    "dates._DASHED_PAIR": dates._DASHED_PAIR,
    "dates._SPACE_SEPARATED": dates._SPACE_SEPARATED,
    "dates._UNKNOWN_PARTS": dates._UNKNOWN_PARTS,
    "addresses._ESTATE_WITH_FLAT": addresses._ESTATE_WITH_FLAT,
    "dates_layouts._BROKEN": dates_layouts._BROKEN,
    "communes._AUX_OR_SLASH": communes._AUX_OR_SLASH,
    "context_rules._TITLE": context_rules._TITLE,
    "commune_mentions._PREP": commune_mentions._PREP,
    "dates_layouts._WEEKDAY_DAY": dates_layouts._WEEKDAY_DAY,
    "addresses_abroad._HOLIDAY_HOME": addresses_abroad._HOLIDAY_HOME,
    "addresses._LABELLED_PLACE": addresses._LABELLED_PLACE,
    "date_variants._SPACED": date_variants._SPACED,
    "address_parts._LABELLED_LEAD": address_parts._LABELLED_LEAD,
    "estate_addresses._HOME_STREET": estate_addresses._HOME_STREET,
    "addresses._LOCALITY": addresses._LOCALITY,
    "estate_addresses._ZONE": estate_addresses._ZONE,
    "company_names._LEGAL_BEFORE": company_names._LEGAL_BEFORE,
    "commune_slots._AU_CITY": commune_slots._AU_CITY,
    "addresses._NUMBERED_ROAD": addresses._NUMBERED_ROAD,
    "addresses._HOUSE": addresses._HOUSE,
    "document_numbers._IPP_WORDS": document_numbers._IPP_WORDS,
    "birth_name_keys._KEY": birth_name_keys._KEY,
    "addresses_abroad._NUMBERED_CITE": addresses_abroad._NUMBERED_CITE,
    "addresses_abroad._ESTATE": addresses_abroad._ESTATE,
    "commune_lower_case._LOWER_DOCTOR_DASH": commune_lower_case._LOWER_DOCTOR_DASH,
    "addresses_abroad._BUILDING": addresses_abroad._BUILDING,
}
# The same, run on the folded text.
FOLDED_PATTERNS = {
    "trade_word": company_names._TRADE_WORD,
    "any_first": structure_names._ANY_FIRST,
    "event_day": date_ranges._EVENT_DAY,
    "short_weekday_hour": date_ranges._SHORT_WEEKDAY_HOUR,
    "dotted_weekday_day": date_ranges._DOTTED_WEEKDAY_DAY,
    "period_day": date_ranges._PERIOD_DAY,
    "relative_day": date_ranges._RELATIVE_DAY,
}


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _same(rx: re.Pattern[str], text: str, pos: int = 0) -> None:
    folded = fold(text)
    assert _spans(prefixed_finditer(rx, text, folded, pos)) == _spans(rx.finditer(text, pos))
    plain = rx.search(text, pos)
    fast = prefixed_search(rx, text, folded, pos)
    assert (fast.span() if fast else None) == (plain.span() if plain else None)


TOY = re.compile(r"(?i)(?<![\w-])(?:médecin|MME|ami|aaab|sk[iy])(?:\s+(?P<name>[A-Z]\w+))?")


@pytest.mark.parametrize(
    "text",
    [
        "Le Médecin Durand et MÉDECIN Roux",
        "medecin sans accent, mme Lenoir, Mme. Petit",
        "l'ami Tom ; co-ami Tom (après un tiret : refusé)",
        "aaaab aaab aab",  # overlapping starts: the second 'a' opens the match
        "\u212ai Sylvain",  # Kelvin sign: (?i)k matches it
        "\u017fki ſky",  # long s: (?i)s matches it
        "",
        "sans aucun mot clé",
        "MÉDECIN\nAmi\tSKI",
    ],
)
def test_prefixed_search_equals_finditer_on_invented_cases(text: str) -> None:
    _same(TOY, text)
    for pos in range(0, len(text), 3):
        _same(TOY, text, pos)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<!\w)(?:rue|av\.?)", {"rue", "av", "av."}),
        (r"(?i)Dr\b", {"dr"}),
        (r"ab\w+", {"ab"}),  # a wide class stops the prefix
        (r"a?bcd", {"abc", "bcd"}),
        (r"x{2,}", {"xx", "xxx"}),  # "xx" is a whole match
    ],
)
def test_match_prefixes(pattern: str, expected: set[str]) -> None:
    assert match_prefixes(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"\w+ou", r"(?:ab)?", r".x", r"[^a]bc", "\U0001f600abc", r"(a)\1", r"(?:a|)*b"],
)
def test_unprovable_patterns_are_refused_and_searched_plainly(pattern: str) -> None:
    rx = re.compile(pattern)
    with pytest.raises(Unsupported):
        match_prefixes(rx)
    assert prefix_finder(rx) is None
    _same(rx, "ab ou xx abc aabc b \U0001f600abc")


def test_no_character_above_the_bmp_is_space_or_folds_to_the_bmp() -> None:
    astral = "".join(chr(c) for c in range(0x10000, 0x110000))
    assert re.search(r"\s", astral) is None
    assert re.search(r"(?i)[\x00-\ud7ff\ue000-\uffff]", astral) is None


def test_detector_patterns_are_all_prefixed() -> None:
    for name, rx in {**DETECTOR_PATTERNS, **FOLDED_PATTERNS, **PLACE_DATE_PATTERNS}.items():
        assert prefix_finder(rx) is not None, name


# Pieces the detector's patterns care about: their keywords in several cases, titles, names,
# separators and white space.
_PIECE_TEXT = (
    "IDE|ide|l'IDE|AS|Sgt|SGT|Cpl|adjudant|Lt|CHU|C.H.U.|Centre hospitalier|centre Hospitalier|EHPAD|Ehpad|"
    "clinique|Grand|Nouvelles|Cliniques|Pharmacie|dit|dite|alias|surnommé|ami|amie|collègue|cordialement|"
    "Salutations|distinguées|saisi|validé|par|PAR|patient|Patiente|médecin|traitant|référent|de|la|du|à|cc|"
    "Dupont|MARTIN|Élodie|Zoé|Ndiaye|Saint|:| : |,|.|-|'|’|(|)|\n|\t|  | |\u00a0|\u202f|12|3e"
)
_PIECES = _PIECE_TEXT.split("|")


@pytest.mark.parametrize("name", sorted(DETECTOR_PATTERNS))
def test_detector_patterns_on_random_mixes(name: str) -> None:
    rx = DETECTOR_PATTERNS[name]
    rnd = random.Random(f"speed-round12-{name}")
    for _ in range(400):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 40)))
        _same(rx, text)
        _same(rx, text, rnd.randint(0, len(text)))


@pytest.mark.parametrize("name", sorted(FOLDED_PATTERNS))
def test_folded_text_patterns_on_random_mixes(name: str) -> None:
    rx = FOLDED_PATTERNS[name]
    rnd = random.Random(f"speed-round12-{name}")
    pieces = [*_PIECES, *_PLACE_DATE_PIECES, "pompes funebres", "taxi", "ambulances", "garage", "association", "rdv"]
    for _ in range(400):
        folded = fold("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))))
        assert _spans(prefixed_finditer(rx, folded, folded)) == _spans(rx.finditer(folded))


def test_prefixed_finditer_with_an_end_position() -> None:
    text = "Le médecin Durand, MME Roux ; l'ami Tom"
    for end in range(len(text) + 1):
        assert _spans(prefixed_finditer(TOY, text, fold(text), 0, end)) == _spans(TOY.finditer(text, 0, end))


# Field labels before ":" (context_rules._FIELDS), searched only before each ":".
_LABEL_PIECES = (
    "Nom|nom de jeune fille|Prénom|Prénoms|prénom(s) usuel|Nom et prénom|Nom/Prénom|Patient|Patiente|"
    "médecin traitant|Assistante de service social|conseillère en économie sociale et familiale|"
    "de la part de|personne de confiance|chef de service|responsables légaux|Dr|A|D|R|"
    ":| : |:  |\n|\t|   | |;|.|,|Zoé|MARTIN|Jean-Luc|12:30|(|)"
)


@pytest.mark.parametrize("index", range(len(context_rules._FIELDS)))
def test_field_labels_searched_before_colons_only(index: int) -> None:
    rx = context_rules._FIELDS[index][0]
    rnd = random.Random(f"speed-round12-fields-{index}")
    pieces = [*_LABEL_PIECES.split("|"), "|"]
    for _ in range(600):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        assert _spans(bounded_finditer(rx, text, context_rules._LABEL_COLON)) == _spans(rx.finditer(text))


def test_colon_anchor_bound_matters() -> None:
    """The longest label has six pieces: an anchor allowing five misses its start."""
    rx = context_rules._FIELDS[3][0]
    text = "Visite de la conseillère   en économie sociale et familiale : Zoé"
    assert _spans(bounded_finditer(rx, text, colon_anchor(6))) == _spans(rx.finditer(text))
    assert _spans(bounded_finditer(rx, text, colon_anchor(5))) != _spans(rx.finditer(text))


_PLACE_DATE_TEXT = (
    "12|3 bis|rue|Rue|avenue|AVENUE|bd|allée|chemin|lieu-dit|Lieu-dit|hameau|résidence|Résidence|Rés.|bât.|bât|"
    "appt|escalier|zone artisanale|ZA|ZAC|parc d'activités|Parc|Les Tilleuls|cité|Cité|lotissement|villa|"
    "domaine|mas|chez|habite|domicilié|au|aux|à|a|en|le|la|les|du|de|des|d'|l'|Saint-Malo|ROUEN|Lyon|"
    "né le|née|NJF|Nom de naissance|Nom JF|lundi|mardi|Lun.|mars|MARS|avril|2024|2023|10/03|12-03|"
    "le 1er|1er|15|30|h|/|-|–|,|.|:|;|(|)|\n|\t| |  |IPP|ipp|n°|N°|dossier|vacances|maison|route|"
    "06|07|01|+33|0033|+|00|33|(0)|6|2 85|97|2A|1 85 05 78 006 084|12.34|56-78|90|0|1|2|8|"
    "RN 12|D 7|départementale|Tél|Dr|Mme|M.|vers|secteur|quartier|Quartier|Bourg|LE BOURG|étage|3e"
)
_PLACE_DATE_PIECES = _PLACE_DATE_TEXT.split("|")


@pytest.mark.parametrize("name", sorted(PLACE_DATE_PATTERNS))
def test_place_and_date_patterns_on_random_mixes(name: str) -> None:
    rx = PLACE_DATE_PATTERNS[name]
    rnd = random.Random(f"speed-round12-{name}")
    for _ in range(400):
        text = "".join(rnd.choice(_PLACE_DATE_PIECES) for _ in range(rnd.randint(1, 40)))
        _same(rx, text)
