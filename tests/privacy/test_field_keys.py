"""The one classifier of field names: table column headers and structured keys."""

from __future__ import annotations

import pytest

from avec.privacy.detection import structured, tables
from avec.privacy.detection.field_keys import classify_header, classify_key


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        # column-only vocabulary: a person's column
        ("Patient", "auto"),
        ("Résidente", "auto"),
        ("Identité", "auto"),
        ("Signé par", "auto"),
        ("Préleveuse", "auto"),
        ("Prénom / Nom", "auto"),
        # names
        ("Nom et prénom", "nom_first"),
        ("NOM, PRÉNOM", "nom_first"),
        ("Nom de naissance", "nom"),
        ("NOM_NAISS", "nom"),
        ("Nom d'usage", "nom"),
        ("Prénom(s)", "prenom"),
        # identifiers and places
        ("N° patient", "IPP"),
        ("N°patient", "IPP"),
        ("n° de dossier patient", "IPP"),
        ("N° séjour", "NDA"),
        ("Num_séjour", "NDA"),
        ("Code postal", "ZIP"),
        ("Commune", "VILLE"),
        ("Domicile", "ADRESSE"),
        # read through the key rules: qualifiers, camelCase, dotted keys
        ("Nom patient", "nom"),
        ("N° IPP", "IPP"),
        ("patient.prenom", "prenom"),
        ("medecinTraitant", "auto"),
        # no identifier
        ("Lieu de naissance", None),  # a key's commune, not a table column's
        ("Date", None),
        ("Traitement", None),
        ("Posologie", None),
        ("Date/Patient", None),  # column words count on the whole header only
    ],
)
def test_classify_header(header: str, kind: str | None) -> None:
    assert classify_header(header) == kind


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("Identité", "nom_first"),  # as a key: "Nom Prénom"
        ("lieu de naissance", "VILLE"),
        ("patient", None),  # a key "patient" names an object
        ("signature", None),
        ("date_naissance", "DATE_NAISSANCE"),
        ("courriel", "MAIL"),
    ],
)
def test_key_only_cases(key: str, kind: str | None) -> None:
    assert classify_key(key) == kind


def test_both_consumers_share_the_classifier() -> None:
    assert structured.classify_key is classify_key
    assert tables.classify_header is classify_header
    assert not hasattr(tables, "_HEADERS")
