"""Round 11 speed changes give the same answers as the plain searches they replace.

- ``medical_vocab.eponym_context_before`` (the eponym context read backwards) answers as
  ``_EPONYM_CONTEXT.search``;
- ``bounded_search.bounded_finditer`` (date patterns searched near their anchors only) yields the
  matches of ``finditer``;
- the guard before ``_DASHED_PAIR`` holds wherever the pattern matches.

Inputs are invented: a table of hand-written cases, then deterministic random mixes of the pieces
these patterns care about (keywords, particles, separators, white space, digits).
"""

from __future__ import annotations

import random
import re

import pytest

from avec.privacy.detection import dates, medical_vocab
from avec.privacy.detection.bounded_search import bounded_finditer, slash_anchor
from avec.privacy.detection.regex_reversal import reverse_fragment, split_alternatives


@pytest.mark.parametrize(
    ("fragment", "reversed_"),
    [
        ("scores?", "s?erocs"),
        (r"\d+\s+mots", r"stom\s+\d+"),
        (r"[ck]hi[ -]?(?:deux|2|²)", r"(?:xued|2|²)[ -]?ih[ck]"),
        (r"nodosit[ée]s?", r"s?[ée]tisodon"),
        ("a|b(?:c|de)f", "a|f(?:c|ed)b"),
        (r"(?:(?:von|van)\s+)*", r"(?:\s+(?:nov|nav))*"),
    ],
)
def test_reverse_fragment(fragment: str, reversed_: str) -> None:
    assert reverse_fragment(fragment) == reversed_
    # the reversed fragment matches exactly the reversed strings
    for sample in ("scores", "score", "12 mots", "khi deux", "chi2", "nodosités", "a", "bcf", "bdef", "von van "):
        forward = re.fullmatch(fragment, sample) is not None
        assert forward == (re.fullmatch(reversed_, sample[::-1]) is not None)


@pytest.mark.parametrize("fragment", ["(a)", "a{2}", "^a", "a$"])
def test_reverse_fragment_refuses_what_it_cannot_reverse(fragment: str) -> None:
    with pytest.raises(ValueError):
        reverse_fragment(fragment)


def test_split_alternatives_keeps_groups_and_classes() -> None:
    assert split_alternatives(r"a|b(?:c|d)|[|]x") == ["a", "b(?:c|d)", "[|]x"]


_WINDOWS = [
    "douleur, avec une maladie de ",
    "au décours du Syndrome d'",
    "le test t de ",
    "le TEST T DE ",
    "test t du ",
    "selon le coefficient r de ",
    "une liste de 15 mots de ",
    "groupe  scolaire ",
    "une manœuvre de ",
    "le signe de von ",
    "signe de van der ",
    "école\n",
    "le score de\n",
    "suivi par Mme ",
    "revoir le docteur ",
    "test de ",
    "le test ab ",
    "drain de la ",
    "appel de ",
    "xmaladie de ",
    "maladie",
    "",
    "chi-deux de ",
    "test ρ de ",
    "nodosités d’",
]


@pytest.mark.parametrize("window", _WINDOWS)
def test_eponym_context_backwards_same_answer(window: str) -> None:
    expected = medical_vocab._EPONYM_CONTEXT.search(window) is not None
    assert medical_vocab.eponym_context_before(window) == expected


def test_eponym_context_backwards_on_random_windows() -> None:
    rnd = random.Random(11)
    words = ["maladie", "Scores", "tests", "3 mots", "groupe scolaire", "khi 2", "CORRELATION", "type", "x", "de"]
    middles = ["", " t", " T", " ab", " abc", " 7", " de"]
    tails = [" ", "  ", " de ", " du ", " d'", " d’ ", " DE ", " von ", " van der ", " la ", " den ", "\n", " la"]
    before = ["", "la ", "voir ", "z", "4", "é", "(", "Martin "]
    positives = 0
    for _ in range(5000):
        window = rnd.choice(before) + rnd.choice(words) + rnd.choice(middles) + rnd.choice(tails)
        window = (window + rnd.choice(["", "", "\n", " y"]))[-rnd.choice([40, 9, 5]) :]
        expected = medical_vocab._EPONYM_CONTEXT.search(window) is not None
        positives += expected
        assert medical_vocab.eponym_context_before(window) == expected, window
    assert positives > 200  # the mix exercises both answers


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


_DATE_TEXTS = [
    "Vu le 3/4, revu le 12.05 puis J3 : 7/8.",
    "• 14/02\n- 3/4\n  *   28.11 contrôle",
    "depuis le      9/10 et jusqu'au 1/2",
    "née en mars 2019, revue en SEPT. 1999 puis déc.   2021 ; 20245 mars 2031",
    "Entrée 03/11/2023, sortie 05-11-23, bilan 1.2.2024",
    "OCR : 2 5 / 1 0 / 2 0 2 4 et 1 5/05/2024 ; 12/03",
    "TA 12/8 - 13/7 ; séjour 07/03/2024-08/03/2024 ; 12/03 – 15/03",
    "dose 1/2 cp, 3/4 de la dose ; 12/34/56 ; 2024/03/12",
    "lun. 3/4 ; J12:5/6 ; le\t\t4 / 5",
]


@pytest.mark.parametrize("index", sorted(dates._ANCHORS))
def test_bounded_date_patterns_find_what_finditer_finds(index: int) -> None:
    rx, anchor = dates._PATTERNS[index], dates._ANCHORS[index]
    rnd = random.Random(index)
    pieces = ["mars", "SEPT.", "janvier", " ", "  ", "\n", "\t", "2024", "1987", "3", "12", "/", " / ", ".", "-",
              "le ", "depuis le ", "J4 : ", "• ", "x", "é", "0", "1 2", "20245", "lun. "]  # fmt: skip
    texts = _DATE_TEXTS + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(4000)]
    found = 0
    for text in texts:
        expected = _spans(rx.finditer(text))
        found += len(expected)
        assert _spans(bounded_finditer(rx, text, anchor)) == expected, text
    assert found > 3  # the table and the mix hold matches of each pattern


def test_bounded_spaced_numeric_dates() -> None:
    for text in _DATE_TEXTS:
        expected = _spans(dates._SPACED_NUMERIC.finditer(text))
        assert _spans(bounded_finditer(dates._SPACED_NUMERIC, text, dates._NEAR_SLASH)) == expected


def test_bounded_finditer_needs_the_bounds_it_is_given() -> None:
    # A bound too tight loses matches: the bounds are what makes the two searches equal.
    rx = re.compile(r"(?<!\d)\d{1,2} ?/ ?\d{1,2}")
    text = "12 / 3 et 4/5"
    assert _spans(bounded_finditer(rx, text, slash_anchor(4, 6))) == _spans(rx.finditer(text))
    assert _spans(bounded_finditer(rx, text, slash_anchor(1, 6))) != _spans(rx.finditer(text))


@pytest.mark.parametrize("text", _DATE_TEXTS)
def test_dash_guard_holds_where_dashed_pairs_match(text: str) -> None:
    if dates._DASHED_PAIR.search(text):
        assert dates._DASH_BETWEEN_DIGITS.search(text)


_STREET_WINDOWS = [
    "Adresse : 17 rue des Lilas, ",
    "3 bis avenue du Port,\t",
    "Lindenstrasse 7 (ancienne ferme), ",
    "Am Bergweg 12b, ",
    "Kirchgasse 4,",
    "12 Mill Road, ",
    "17 rue des Lilas ",
    "vu en consultation, ",
    "Lindenstrasse, ",
    "",
]


@pytest.mark.parametrize("window", _STREET_WINDOWS)
def test_street_before_same_windows_as_the_word_run_form(window: str) -> None:
    from avec.privacy.detection import communes

    word_run = re.compile(communes._STREET_BEFORE.pattern.replace(r"\w(?:stra", r"\w+(?:stra"))
    assert word_run.pattern != communes._STREET_BEFORE.pattern
    expected = word_run.search(window) is not None
    fast = window.rstrip(" \t").endswith(",") and communes._STREET_BEFORE.search(window) is not None
    assert fast == expected


def _occurrences_by_splitting(folded: str, keys: set[str]) -> list[tuple[int, int, str]]:
    """The former reading: the whole text split into words, each looked up (reference)."""
    ordered = sorted(keys, key=len, reverse=True)
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\W_]+", folded)]
    out, i = [], 0
    while i < len(words):
        for key in ordered:
            parts = key.split(" ")
            j = i + len(parts)
            if j <= len(words) and all(words[i + k][2] == parts[k] for k in range(len(parts))) and all(
                re.fullmatch(r"[\s\-'’]+", folded[words[i + k - 1][1] : words[i + k][0]]) for k in range(1, len(parts))
            ):
                out.append((words[i][0], words[j - 1][1], key))
                i = j
                break
        else:
            i += 1
    return out


@pytest.mark.parametrize(
    ("folded", "keys"),
    [
        ("mme le goff et m. le goff-kerbrat ; legoff", {"le goff", "le goff kerbrat"}),
        ("jean-paul vu par jean, paul et jean_paul", {"jean paul", "jean"}),
        ("de la tour, delatour, de  la   tour", {"de la tour", "la tour"}),
        ("rossé et rosse", {"rosse"}),
        ("", {"x"}),
    ],
)
def test_occurrences_found_by_lookups_as_by_splitting(folded: str, keys: set[str]) -> None:
    from avec.privacy.detection.occurrences import find_occurrences

    assert list(find_occurrences(folded, keys)) == _occurrences_by_splitting(folded, keys)


def test_occurrences_on_random_texts() -> None:
    from avec.privacy.detection.occurrences import find_occurrences

    rnd = random.Random(7)
    words = ["le", "goff", "de", "la", "tour", "ines", "paul", "x1", "é", "lé"]
    seps = [" ", "-", "'", "’", "  ", " - ", ".", "_", "\n", ", "]
    found = 0
    for _ in range(3000):
        folded = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 10)))
        keys = {" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 3))}
        expected = _occurrences_by_splitting(folded, keys)
        found += len(expected)
        assert list(find_occurrences(folded, keys)) == expected, (folded, keys)
    assert found > 1000


@pytest.mark.parametrize(
    "window",
    ["débit 2 L (", "à 16 mmHg ( ", "coucher 18h (", "coucher 18h (\n", "vu par (", "Greulich et ", "Marie & ",
     "Pic - ", "Martin et\n", "Martin et", "2 L (x", "\n\n", ""],
)  # fmt: skip
def test_measure_and_pair_checks_answer_as_the_searches(window: str) -> None:
    tail = window[:-1] if window.endswith("\n") else window
    last = tail.rstrip(" \t")
    assert (medical_vocab._MEASURE_BEFORE.search(window) is not None) <= last.endswith("(")
    pair = medical_vocab._EPONYM_PAIR_BEFORE.search(window) is not None
    assert pair <= (len(last) < len(tail) and last.endswith(("et", "&", "-")))


@pytest.mark.parametrize(
    "text",
    [
        "vu par Mme Léa BOUVIER-ROY et N'Diaye",
        "sœur Aïcha ; MEUNlER ; Le Floc'h",
        "IRM 1,5 T. puis J.-P. Morel",
        "rien",
        "",
    ],
)
def test_next_name_word_is_the_search(text: str) -> None:
    from avec.privacy.detection.name_scan import NAME_WORD, next_name_word

    for pos in range(len(text) + 1):
        expected = NAME_WORD.search(text, pos)
        found = next_name_word(text, pos)
        assert (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0)))
