"""Round 15 (lead): comma exports whose rows hold a phone with spaces, and resident/user number columns.

A comma-separated row was read as prose when one of its bare cells had more than three spaces, so a
phone cell ("02 98 79 12 88") hid every identifier of the row; a "num_resident" / "id_usager" column
is the patient's identifier. Values are invented.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.field_keys import classify_header


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _found(detector: Detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start : s.end], s.label) for s in detector.detect(text)}


_EXPORT = (
    "IPP,NDA,NOM,PRENOM,DATE_NAISS,CP,COMMUNE,TEL\n"
    "0000718264,250331907,GALLOU,MAIWENN,02/09/1961,29170,FOUESNANT,02 98 51 20 47\n"
    "0000629153,250331912,ROPARS,,14/03/1977,56000,VANNES,06.44.18.72.30\n"
)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("0000718264", "IPP"),
        ("250331907", "NDA"),
        ("GALLOU", "NOM"),
        ("MAIWENN", "PRENOM"),
        ("29170", "ZIP"),
        ("0000629153", "IPP"),
        ("ROPARS", "NOM"),
        ("56000", "ZIP"),
    ],
)
def test_comma_export_rows_with_spaced_phones_are_read(detector: Detector, value: str, label: str) -> None:
    assert (value, label) in _found(detector, _EXPORT)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("num_resident;nom;prenom;chambre\n300452;VIGNON;Yvette;12\n", "300452", "IPP"),
        ("id_usager,nom,prenom,tel\nU-88120,TALEC,Odile,06 12 34 56 78\n", "U-88120", "IPP"),
        ("N° bénéficiaire | Nom | Prénom\n---|---|---\n778201 | CADIOU | Jeanne\n", "778201", "IPP"),
    ],
)
def test_resident_and_user_number_columns_are_patient_identifiers(
    detector: Detector, text: str, value: str, label: str
) -> None:
    assert (value, label) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # prose with commas and a sentence-long clause stays prose
        "Il a vu, hier, le médecin, puis il est rentré chez lui vers 18 h avec sa fille très fatiguée.\n",
        "Bilan : tension 12/8, pouls 72, saturation 97 %, glycémie 1,2 g/l, douleur 2 sur 10.\n",
    ],
)
def test_prose_with_commas_is_no_table(detector: Detector, text: str) -> None:
    assert not any(s.source == "table" for s in detector.detect(text))


@pytest.mark.parametrize(
    ("header", "kind"),
    [("num_resident", "IPP"), ("ID usager", "IPP"), ("numéro de bénéficiaire", "IPP"), ("chambre", None)],
)
def test_header_kinds(header: str, kind: str | None) -> None:
    assert classify_header(header) == kind
