"""Table-driven tests of the pattern recognizers: NIR, phones, e-mails, ZIP, dates, IPP/NDA."""

from __future__ import annotations

import pytest

from avec.privacy.detection import DetectionConfig, Detector
from avec.privacy.detection.dates import parse_date
from avec.privacy.detection.patterns import nir_is_valid, nir_key


def found(detector: Detector, text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if s.label == label]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("1480335238123", 97 - 1480335238123 % 97),
        ("2451175112036", 97 - 2451175112036 % 97),
        ("185022A123456", 97 - 1850219123456 % 97),  # Corsica 2A counts as 19
        ("269052B045123", 97 - 2690518045123 % 97),  # Corsica 2B counts as 18
    ],
)
def test_nir_key(body: str, key: int) -> None:
    assert nir_key(body) == key
    assert nir_is_valid(f"{body}{key:02d}")
    assert not nir_is_valid(f"{body}{(key % 97) + 1:02d}")


@pytest.mark.parametrize(
    "nir",
    ["1 48 03 35 238 123 {k}", "148033523812{k3}", "1-48-03-35-238-123-{k}", "1 85 02 2A 123 456 {kc}"],
)
def test_valid_nir_is_found_anywhere(detector: Detector, nir: str) -> None:
    k = f"{nir_key('1480335238123'):02d}"
    value = nir.format(k=k, k3="3" + k, kc=f"{nir_key('185022A123456'):02d}")
    text = f"Le patient, {value}, est sorti."
    assert found(detector, text, "SECU") == [value]


def test_nir_with_wrong_key_needs_context(detector: Detector) -> None:
    bad = "1 48 03 35 238 123 01"
    assert not nir_is_valid(bad)
    assert found(detector, f"Référence dossier {bad} archivée.", "SECU") == []
    assert found(detector, f"N° de sécurité sociale : {bad}", "SECU") == [bad]


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "02 99 71 45 10",
    ],
)
def test_phones(detector: Detector, phone: str) -> None:
    assert found(detector, f"Joindre la fille au {phone} demain.", "TEL") == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Hb 12,4 g/dL, plaquettes 230 000/mm3.",
        "Le 04/04/2025 07:45 prélèvement.",
        "RPPS 10101234567",
        "Poids 68 kg, IMC 25,9, TA 135/80.",
        "Lot 1234 5678 90",
    ],
)
def test_not_phones(detector: Detector, text: str) -> None:
    assert found(detector, text, "TEL") == []


@pytest.mark.parametrize(
    "mail", ["jean.dupont@gmail.com", "m-c.le_goff+ehpad@chu-rennes.fr", "a.nguyen@aphp.fr"]
)
def test_mails(detector: Detector, mail: str) -> None:
    assert found(detector, f"Écrire à {mail}.", "MAIL") == [mail]


@pytest.mark.parametrize(
    ("text", "zip_", "city"),
    [
        ("12 rue des Lilas, 35000 Rennes", "35000", "Rennes"),
        ("4 allée des Pins 29200 BREST CEDEX", "29200", "BREST"),
        ("Code postal : 56400", "56400", None),
        ("domicile à 69100 Villeurbanne.", "69100", "Villeurbanne"),
    ],
)
def test_zip_and_city(detector: Detector, text: str, zip_: str, city: str | None) -> None:
    assert found(detector, text, "ZIP") == [zip_]
    if city:
        assert city in found(detector, text, "VILLE")


@pytest.mark.parametrize("text", ["Lovenox 40000 UI.", "Plaquettes à 15000.", "Dossier 35000 traité."])
def test_not_zip(detector: Detector, text: str) -> None:
    assert found(detector, text, "ZIP") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vu le 12/03/2024 en consultation.", "12/03/2024"),
        ("Examen du 12-03-24.", "12-03-24"),
        ("Opérée le 12 mars 2024.", "12 mars 2024"),
        ("Revue le 1er avril.", "1er avril"),
        ("Sortie prévue le 3/4.", "3/4"),
        ("Diagnostic posé en mars 2024.", "mars 2024"),
        ("ÉCHOGRAPHIE DU 12 MARS 2024.", "12 MARS 2024"),
        ("Bilan du 2024-03-12.", "2024-03-12"),
        ("Vu le 12.03.2024.", "12.03.2024"),
        ("RDV jeudi 12 juin 2025 à 9 h.", "12 juin 2025"),
        ("Contrôle le 15 janv. 2024.", "15 janv. 2024"),
    ],
)
def test_dates(detector: Detector, text: str, value: str) -> None:
    assert found(detector, text, "DATE") == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mme X, née le 04/09/1936, 88 ans.", "04/09/1936"),
        ("Date de naissance : 12 mars 1950", "12 mars 1950"),
        ("DDN : 05/11/1944", "05/11/1944"),
        ("M. Y, né(e) le 3 avril 1960", "3 avril 1960"),
        ("Patiente : PICARD Chantal née ROUX (15/03/1950)", "15/03/1950"),
    ],
)
def test_birth_dates(detector: Detector, text: str, value: str) -> None:
    assert found(detector, text, "DATE_NAISSANCE") == [value]
    assert found(detector, text, "DATE") == []


@pytest.mark.parametrize(
    "text",
    ["EVA 4/10, MMSE 18/30.", "Apgar 9/10.", "Tinetti 14/28.", "Entresto 24/26 mg x2.", "En 2019, HTA."],
)
def test_not_dates(detector: Detector, text: str) -> None:
    assert [s for s in detector.detect(text) if s.label in ("DATE", "DATE_NAISSANCE")] == []


def test_parse_date_forms() -> None:
    assert str(parse_date("12/03/2024")) == "2024-03-12"
    assert str(parse_date("1er avril 2020")) == "2020-04-01"
    assert str(parse_date("12-03-24")) == "2024-03-12"
    assert parse_date("mars 2024") is None
    assert parse_date("31/02/2024") is None


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("IPP : 80012345", "IPP", "80012345"),
        ("N° patient 0045781236", "IPP", "0045781236"),
        ("NDA 2500123987", "NDA", "2500123987"),
        ("N° de séjour : 24087751", "NDA", "24087751"),
        ("numéro de venue: 24 0877 51", "NDA", "24 0877 51"),
    ],
)
def test_ipp_nda_with_context(detector: Detector, text: str, label: str, value: str) -> None:
    assert found(detector, text, label) == [value]


def test_ipp_needs_context_or_organisation_pattern() -> None:
    text = "Référence interne 80012345 et dossier X."
    plain = Detector(DetectionConfig(use_ner=False))
    assert [s for s in plain.detect(text) if s.label == "IPP"] == []
    custom = Detector(DetectionConfig(use_ner=False, ipp_patterns=[r"\b800\d{5}\b"]))
    assert [text[s.start : s.end] for s in custom.detect(text) if s.label == "IPP"] == ["80012345"]


def test_invalid_organisation_pattern_is_rejected() -> None:
    with pytest.raises(ValueError, match="invalid regular expression"):
        DetectionConfig(ipp_patterns=["(unclosed"])
