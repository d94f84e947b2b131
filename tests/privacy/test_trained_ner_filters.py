"""The filters of AVEC's own NER (redesigned for the retrained model): what the model proposes is
kept when written as a name, refused when it is a rank, a country, an acronym, a lab term, a
genus or an ordinary word; an entity that extends rule spans replaces them; the model runs on
windows around candidate words; on identifier-free medical text it adds nothing."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import MCQA_DEV, mcqa_questions

from avec.privacy.detection import DetectionConfig, Detector
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.resolve import resolve
from avec.privacy.detection.trained_ner import (
    _CONTEXT_WORDS,
    SOURCE,
    SOURCE_WHOLE,
    _promote_whole,
    trained_regions,
    trained_spans,
)
from avec.privacy.spans import Span


def _kept(detector: Detector, text: str, forced: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What the filters keep of entities forced on ``text`` (each surface found left to right)."""
    ctx = DetectionContext(text=text, lexicons=detector.lexicons, config=detector.config)
    entities, pos = [], 0
    for surface, label in forced:
        start = text.index(surface, pos)
        entities.append((start, start + len(surface), label))
        pos = start + len(surface)
    return [(text[s.start : s.end], s.label) for s in trained_spans(ctx, entities)]


# (text, entities the model proposes, what the filters must keep)
KEPT = [
    # an unknown first name beside an all-capitals surname, neither in the lexicons
    ("Kiné Paweł NOWAK passe lun/mer/ven.", [("Paweł", "PRENOM"), ("NOWAK", "NOM")],
     [("Paweł", "PRENOM"), ("NOWAK", "NOM")]),
    # an all-capitals surname before an initial
    ("Agents : HUBER T. et un collègue.", [("HUBER", "NOM"), ("T.", "PRENOM")], [("HUBER", "NOM"), ("T.", "PRENOM")]),
    # a first name that is also a word, written as a name in the middle of a sentence
    ("les aides à domicile (Océane et Jessica) constatent", [("Océane", "PRENOM")], [("Océane", "PRENOM")]),
    # a lone unknown name in the middle of a sentence
    ("On a eu Szymański au téléphone.", [("Szymański", "NOM")], [("Szymański", "NOM")]),
    # a facility whose name holds "Parc" after its keyword is still one
    ("transfert à la Clinique du Parc Kerbrat ce jour", [("Clinique du Parc Kerbrat", "HOPITAL")],
     [("Clinique du Parc Kerbrat", "HOPITAL")]),
    # an organisation's acronym before a facility's proper name
    ("À adresser au DAC du Hainaut – secrétariat", [("DAC du Hainaut", "HOPITAL")], [("DAC du Hainaut", "HOPITAL")]),
    # an address without a number: a street type and a name
    ("Adresse : Chalet Les Clarines, route du Fornet, 73150", [("Chalet Les Clarines, route du Fornet", "ADRESSE")],
     [("Chalet Les Clarines, route du Fornet", "ADRESSE")]),
    # ranks before a name are not part of it, and make even a word a surname ("Guillemot", a bird)
    ("Équipiers : Cpl Kerhervé, Sap. Guillemot", [("Cpl Kerhervé", "NOM"), ("Sap. Guillemot", "NOM")],
     [("Kerhervé", "NOM"), ("Guillemot", "NOM")]),
    # a company word before a surname is not part of the name
    ("transport réservé (Ambulances Delannoy 03 20 77 14 58)", [("Ambulances", "PRENOM"), ("Delannoy", "NOM")],
     [("Delannoy", "NOM")]),
]

REFUSED = [
    # a park, a garden or a beach is no care facility, whatever its proper name
    ("promenade au Parc Chanot cet après-midi", [("Parc Chanot", "HOPITAL")]),
    ("goûter au jardin Vauban avec sa fille", [("jardin Vauban", "HOPITAL")]),
    # a lab term in mixed case is no facility, whatever follows it
    ("inhibiteurs de l'HMG CoA réductase", [("HMG CoA réductase", "HOPITAL")]),
    ("dosage des IgE totales", [("IgE totales", "HOPITAL")]),
    ("Personne à prévenir : fille en Allemagne (Pirmasens)", [("Allemagne", "VILLE")]),  # a country
    ("16/09 - PF Océane - crématorium", [("PF", "NOM")]),  # a two-letter acronym
    ("sorti de l'eau par le sauveteur SNSM hier", [("SNSM", "NOM")]),  # an acronym without a vowel
    ("SAMU 74 - CRRA Annecy - FICHE", [("CRRA", "NOM"), ("Annecy", "PRENOM")]),  # acronym + commune
    ("Dosage des IgM et des IgG sériques.", [("IgM", "NOM")]),  # a lab term
    ("Infection à Pseudomonas aeruginosa traitée.", [("Pseudomonas", "PRENOM")]),  # a genus
    ("N° ordre | Défunt (NOM Prénom)", [("Défunt", "PRENOM")]),  # an ordinary word in a table header
    ("un seul est exact. Lequel ? a. Chlorure", [("Lequel", "PRENOM")]),  # a lone word at a sentence start
    ("Méthode de Mancini pour le dosage.", [("Mancini", "NOM")]),  # an eponym context
    ("Salle de bain avec baignoire.", [("baignoire", "PRENOM")]),  # a lower-case word
    ("Lieu : A7 sens Lyon -> Marseille, PR 51", [("Lyon", "VILLE"), ("Marseille", "VILLE")]),  # a road direction
    ("Kiné (Bobath) : travail de l'équilibre.", [("Bobath", "NOM")]),  # a method alone in brackets
    ("Vu Marine HTA connue.", [("Marine", "PRENOM")]),  # a word before a medical acronym
    ("Dossier transmis à la CPAM de Lille-Douai ce jour.", [("Lille-Douai", "VILLE")]),  # an organisation's seat
    ("les enfants à Noël pour les vacances", [("Noël", "VILLE")]),  # a word after a bare "à"
]


@pytest.mark.parametrize(("text", "forced", "expected"), KEPT)
def test_names_written_as_names_are_kept(
    detector: Detector, text: str, forced: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _kept(detector, text, forced) == expected


@pytest.mark.parametrize(("text", "forced"), REFUSED)
def test_words_that_are_no_names_are_refused(detector: Detector, text: str, forced: list[tuple[str, str]]) -> None:
    assert _kept(detector, text, forced) == []


# (text, town the model proposes, kept): the trained NER's town filter, which shares the road
# direction rule with the commune rules (any case, "SENS Lyon" too).
TOWNS = [
    ("Lieu : A6 sens Paris -> Lyon, PR 120", "Lyon", False),
    ("Lieu : A6 SENS Lyon, PR 120", "Lyon", False),
    ("accident RN 12 direction Brest, 2 véhicules", "Brest", False),
    ("Dossier transmis à la CPAM de Lille-Douai ce jour.", "Lille-Douai", False),
    ("les enfants à Noël", "Noël", False),
    ("Né à Quimperlé le 2 mai.", "Quimperlé", True),
    ("Fils à Lyon, joignable le soir.", "Lyon", True),
]


@pytest.mark.parametrize(("text", "town", "kept"), TOWNS)
def test_towns_are_judged_by_their_context(detector: Detector, text: str, town: str, kept: bool) -> None:
    assert ((town, "VILLE") in _kept(detector, text, [(town, "VILLE")])) is kept


def test_an_entity_extending_rule_spans_replaces_them() -> None:
    text = "CAPTV de Lyon - Hospices Civils de Lyon"
    commune = Span(9, 13, "VILLE", 0.9, "commune")
    whole = _promote_whole(Span(0, 13, "HOPITAL", 0.55, SOURCE), [commune])
    assert (whole.source, text[whole.start : whole.end]) == (SOURCE_WHOLE, "CAPTV de Lyon")
    assert resolve([commune, whole]) == [whole]
    # It may not cross another span, nor swallow a label it does not extend (a date).
    crossing = Span(10, 20, "HOPITAL", 0.9, "facility")
    assert _promote_whole(Span(0, 13, "HOPITAL", 0.55, SOURCE), [crossing]).source == SOURCE
    date = Span(9, 13, "DATE", 0.9, "date")
    assert _promote_whole(Span(0, 13, "HOPITAL", 0.55, SOURCE), [date]).source == SOURCE


def test_model_runs_on_windows_around_candidate_words(detector: Detector) -> None:
    filler = " ".join(["le patient marche bien"] * 10)
    text = f"{filler} avec Szymański ce matin {filler}\nDosage CRP, NFS et TSH normal."
    ctx = DetectionContext(text=text, lexicons=detector.lexicons, config=detector.config)
    regions = trained_regions(ctx, [])
    assert len(regions) == 1  # the second line holds only acronyms: no model call
    start, end = regions[0]
    assert "Szymański" in text[start:end]
    assert len(text[start:end].split()) == 2 * _CONTEXT_WORDS + 1  # not the whole 86-word line


def test_no_span_added_on_identifier_free_medical_text() -> None:
    """FrenchMedMCQA dev questions hold no identifier: the model must add no span there."""
    if not MCQA_DEV.is_file():
        pytest.skip(f"{MCQA_DEV} not found")
    texts = mcqa_questions()
    on = Detector.default(DetectionConfig(use_trained_ner=True))
    off = Detector.default(DetectionConfig(use_trained_ner=False))
    added = [
        t[s.start : s.end]
        for t, a, b in zip(texts, on.detect_many(texts), off.detect_many(texts), strict=True)
        for s in a
        if s not in b
    ]
    assert added == []
