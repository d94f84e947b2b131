"""Round 15, AVEC's own NER filters: names in capitals of exports and lists that the model finds
and the older filters refused. A surname particle in capitals ("EL", "DA", "LE") is part of the
name; an initial before a surname or a name the rules found beside it vouches for a lone word in
capitals; a surname in capitals that is also an ordinary word stays before a first name
("BERGER Anaëlle"). Values are invented."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.trained_ner import trained_spans
from avec.privacy.spans import Span

# A fixed-width export written in capitals (the detector sees it as an all-capitals text).
EXPORT = (
    "N.DOSSIER  IPP       NOM               PRENOM       NAISS.\n"
    "000731  2405007713  83004411  EL KHATTABI       SOUFIANE     02/03/1971 1\n"
    "000733  2405007719  83004420  DA CUNHA          ODETE        17/10/1958 2\n"
    "000740  2405007790  83004471  VASSEROT          JOCELYNE     12/03/1950 2\n"
    "        DP ABSENT - RELANCE TIM B. FERRANDO\n"
    "        DP ABSENT - RELANCE TIM FERRANDO\n"
    "        APPEL PASSE PAR LE SAMU DE GARDE\n"
)
MIXED = (
    "Main courante, export brut du logiciel.\n"
    "14:02 | 35-24-10001 | BERGER Anaëlle 5a | fièvre, éruption\n"
    "14:40 | 35-24-10007 | MOULIN Rouge | appel sans suite\n"
    "15:10 | 35-24-10009 | Appel passé par LE SAMU de garde\n"
)


def _kept(
    detector: Detector,
    text: str,
    forced: list[tuple[str, str]],
    rule_names: tuple[str, ...] | list[str] = (),
    at: int = 0,
) -> list[tuple[str, str]]:
    """What the filters keep of entities forced on ``text`` (each surface found left to right from
    ``at``), with the person spans of the rules given by their surfaces."""
    ctx = DetectionContext(text=text, lexicons=detector.lexicons, config=detector.config)
    entities, pos = [], at
    for surface, label in forced:
        start = text.index(surface, pos)
        entities.append((start, start + len(surface), label))
        pos = start + len(surface)
    names = []
    for surface in rule_names:
        start = text.index(surface, at)
        names.append(Span(start, start + len(surface), "PRENOM", 0.9, "lexicon"))
    return [(text[s.start : s.end], s.label) for s in trained_spans(ctx, entities, names)]


# (text, offset to search from, entities the model proposes, rule names, what the filters keep)
CASES = [
    # a particle in capitals before the surname of an export row: part of the name
    (EXPORT, "EL KHATTABI", [("EL KHATTABI", "NOM"), ("SOUFIANE", "PRENOM")], [],
     [("EL KHATTABI", "NOM"), ("SOUFIANE", "PRENOM")]),
    (EXPORT, "DA CUNHA", [("DA CUNHA", "NOM")], ["ODETE"], [("DA CUNHA", "NOM")]),
    # a lone surname in capitals, in a text in capitals: kept beside a first name the rules found ...
    (EXPORT, "VASSEROT", [("VASSEROT", "NOM")], ["JOCELYNE"], [("VASSEROT", "NOM")]),
    # ... refused without it
    (EXPORT, "VASSEROT", [("VASSEROT", "NOM")], [], []),
    # kept after a first name's initial, refused without one
    (EXPORT, "B. FERRANDO", [("FERRANDO", "NOM")], [], [("FERRANDO", "NOM")]),
    (EXPORT, "TIM FERRANDO", [("FERRANDO", "NOM")], [], []),
    # a particle does not make an acronym a name
    (EXPORT, "LE SAMU", [("LE SAMU", "NOM")], [], []),
    (MIXED, "LE SAMU", [("LE SAMU", "NOM")], [], []),
    # a surname in capitals that is also a word, before a first name
    (MIXED, "BERGER", [("BERGER", "NOM"), ("Anaëlle", "PRENOM")], [], [("BERGER", "NOM"), ("Anaëlle", "PRENOM")]),
    (MIXED, "BERGER", [("BERGER Anaëlle", "NOM")], [], [("BERGER Anaëlle", "NOM")]),
    # an ordinary word in capitals before a word that is no first name stays out
    (MIXED, "MOULIN", [("MOULIN", "NOM"), ("Rouge", "NOM")], [], []),
]


@pytest.mark.parametrize(("text", "anchor", "forced", "rule_names", "kept"), CASES)
def test_names_in_capitals_of_exports_and_lists(
    detector: Detector,
    text: str,
    anchor: str,
    forced: list[tuple[str, str]],
    rule_names: list[str],
    kept: list[tuple[str, str]],
) -> None:
    assert _kept(detector, text, forced, rule_names, text.index(anchor)) == kept


def test_export_is_read_as_all_capitals(detector: Detector) -> None:
    """The cases above rely on the export being seen as an all-capitals text."""
    assert DetectionContext(text=EXPORT, lexicons=detector.lexicons, config=detector.config).all_caps
    assert not DetectionContext(text=MIXED, lexicons=detector.lexicons, config=detector.config).all_caps
