"""Surrogates: consistency across turns, gender, NIR keys, formats, dates, places, collisions."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from tests.privacy.conftest import mark_spans

from avec.privacy.transform import ConversationMapping, Pseudonymizer
from avec.privacy.transform import dates as french_dates
from avec.privacy.transform.casing import norm_key
from avec.privacy.transform.identifiers import compact, nir_key
from avec.privacy.transform.names import first_name_pools, initials_of, surname_pool
from avec.privacy.transform.places import COMMUNES

SEEDS = range(12)


def _nir(first13: str) -> str:
    return f"{first13}{nir_key(first13):02d}"


def test_same_person_same_surrogate_across_turns_and_variants() -> None:
    turns = [
        ("Patient : Jean DUPONT, vu ce jour.", [("Jean", "PRENOM"), ("DUPONT", "NOM")]),
        ("M. Dupont se plaint de douleurs.", [("Dupont", "NOM")]),
        ("DUPONT Jean, chambre 12.", [("DUPONT", "NOM"), ("Jean", "PRENOM")]),
        ("Courrier pour J. Dupont.", [("J.", "PRENOM"), ("Dupont", "NOM")]),
    ]
    for seed in SEEDS:
        mapping = None
        outputs = []
        for text, marks in turns:  # one call per turn, the mapping carried over as the vault does
            pseudo = Pseudonymizer(mapping, rng=random.Random(seed))
            outputs.append(pseudo.transform(text, mark_spans(text, marks)))
            mapping = ConversationMapping.from_json(pseudo.mapping.to_json())
        first = {r.original: r.surrogate for r in outputs[0].replacements}
        surname, given = first["DUPONT"], first["Jean"]
        assert surname.isupper() and norm_key(surname) != "dupont" and norm_key(given) != "jean"
        assert outputs[1].replacements[0].surrogate == surname.title()
        assert [r.surrogate for r in outputs[2].replacements] == [surname, given]
        initial, last = (r.surrogate for r in outputs[3].replacements)
        assert initial == initials_of(given)[0] + "." and last == surname.title()


@pytest.mark.parametrize(
    ("text", "first", "gender"),
    [
        ("Mme Camille Roussel est suivie.", "Camille", "F"),
        ("M. Camille Roussel est suivi.", "Camille", "M"),
        ("Jean Roussel est suivi.", "Jean", "M"),
        ("Marie Roussel est suivie.", "Marie", "F"),
        ("Madame Dominique Roussel", "Dominique", "F"),
        ("née Claude Roussel", "Claude", "F"),
    ],
)
def test_first_name_surrogates_keep_the_gender(text: str, first: str, gender: str) -> None:
    male, female = first_name_pools()
    pool = set(male if gender == "M" else female)
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(
            text, mark_spans(text, [(first, "PRENOM"), ("Roussel", "NOM")])
        )
        assert result.replacements[0].surrogate in pool


@pytest.mark.parametrize(
    "nir",
    [
        _nir("1840375123456"),
        "2 84 03 75 123 456 " + _nir("2840375123456")[-2:],
        _nir("185022A012345"),
        "2840375123456",
    ],
)
def test_nir_surrogate_has_a_valid_key_and_the_same_layout(nir: str) -> None:
    text = f"NIR : {nir}."
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, [(nir, "SECU")]))
        sur = result.replacements[0].surrogate
        assert re.sub(r"[0-9AB]", "9", sur) == re.sub(r"[0-9AB]", "9", nir)  # separators kept in place
        digits = compact(sur)
        assert digits != compact(nir) and digits[0] == compact(nir)[0]  # same sex digit
        if len(digits) == 15:
            assert int(digits[13:]) == nir_key(digits[:13])


def test_nir_agrees_with_the_surrogate_birth_date() -> None:
    nir = _nir("2840375123456")
    text = f"Mme X, née le 12/03/1984, NIR {nir}."
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(
            text, mark_spans(text, [("12/03/1984", "DATE_NAISSANCE"), (nir, "SECU")])
        )
        birth, secu = (r.surrogate for r in result.replacements)
        day, month, year = birth.split("/")
        assert secu[1:3] == year[2:] and secu[3:5] == month


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "01-23-45-67-89",
        "+33 (0)6 12 34 56 78",
        "0033 1 23 45 67 89",
    ],
)
def test_phone_format_is_preserved(phone: str) -> None:
    text = f"Joignable au {phone} le matin."
    for seed in SEEDS:
        sur = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, [(phone, "TEL")]))
        out = sur.replacements[0].surrogate
        assert re.sub(r"\d", "9", out) == re.sub(r"\d", "9", phone)
        assert out != phone
        digits, original = re.sub(r"\D", "", out), re.sub(r"\D", "", phone)
        assert digits[: len(original) - 8] == original[: len(original) - 8]  # +33 / 0 / kind of line kept


def test_one_number_in_two_formats_gets_one_surrogate() -> None:
    text = "Tél. 06 12 34 56 78 ou +33 6 12 34 56 78."
    result = Pseudonymizer(rng=random.Random(3)).transform(
        text, mark_spans(text, [("06 12 34 56 78", "TEL"), ("+33 6 12 34 56 78", "TEL")])
    )
    a, b = (re.sub(r"\D", "", r.surrogate)[-9:] for r in result.replacements)
    assert a == b


def test_email_is_rebuilt_from_the_surrogate_names() -> None:
    text = "Jean DUPONT (jean.dupont@chu-lyon.fr, jdupont@gmail.com)"
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(
            text,
            mark_spans(
                text,
                [
                    ("Jean", "PRENOM"),
                    ("DUPONT", "NOM"),
                    ("jean.dupont@chu-lyon.fr", "MAIL"),
                    ("jdupont@gmail.com", "MAIL"),
                ],
            ),
        )
        first, last, mail, mail2 = (r.surrogate for r in result.replacements)
        slug = lambda s: re.sub(r"[^a-z]", "", norm_key(s))  # noqa: E731
        local, domain = mail.split("@")
        assert local == f"{slug(first)}.{slug(last)}"
        assert domain.startswith("chu-") and domain.endswith(".fr") and "lyon" not in domain
        assert mail2.endswith(slug(last) + "@gmail.com") and "dupont" not in mail2


@pytest.mark.parametrize(
    "written",
    [
        "2019",
        "12/03/2024",
        "12-03-24",
        "12 mars 2024",
        "1er avril",
        "3/4",
        "mars 2024",
        "Mardi 12 MARS 2024",
        "2024-03-12",
        "12.03.2024",
        "03/2024",
        "31 janv. 2024",
    ],
)
def test_dates_keep_their_written_format(written: str) -> None:
    text = f"Consultation du {written} ."
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, [(written, "DATE")]))
        out = result.replacements[0].surrogate
        parsed_in, parsed_out = french_dates.parse(written), french_dates.parse(out)
        assert parsed_in is not None and parsed_out is not None
        assert parsed_out[0].group(0) == out  # the whole surrogate is one date...
        assert french_dates.render(parsed_out[1], parsed_in[2]) == out  # ...written the original way
        assert parsed_in[1] != parsed_out[1] and parsed_in[1].kind == parsed_out[1].kind


def test_date_intervals_are_preserved() -> None:
    text = "Entrée le 28/02/2024, sortie le 12 mars 2024, contrôle le 2024-06-01, né le 05/11/1950."
    marks = [
        ("28/02/2024", "DATE"),
        ("12 mars 2024", "DATE"),
        ("2024-06-01", "DATE"),
        ("05/11/1950", "DATE_NAISSANCE"),
    ]
    originals = [dt.date(2024, 2, 28), dt.date(2024, 3, 12), dt.date(2024, 6, 1), dt.date(1950, 11, 5)]
    for seed in SEEDS:
        pseudo = Pseudonymizer(rng=random.Random(seed))
        result = pseudo.transform(text, mark_spans(text, marks))
        shifted = []
        for r in result.replacements:
            parsed = french_dates.parse(r.surrogate)
            assert parsed is not None
            shifted.append(dt.date(parsed[1].year, parsed[1].month, parsed[1].day))
        offsets = {(s - o).days for s, o in zip(shifted, originals, strict=True)}
        assert offsets == {pseudo.mapping.date_offset_days} and 30 <= abs(pseudo.mapping.date_offset_days) <= 365


def test_zip_city_and_address_agree() -> None:
    text = "Domicile : 12 rue des Lilas, 69003 Lyon. Transféré à Lyon puis au CHU de Lyon."
    marks = [
        ("12 rue des Lilas", "ADRESSE"),
        ("69003", "ZIP"),
        ("Lyon", "VILLE"),
        ("Lyon", "VILLE"),
        ("CHU de Lyon", "HOPITAL"),
    ]
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, marks))
        street, zip_code, city, city2, hospital = (r.surrogate for r in result.replacements)
        assert (zip_code, city) in COMMUNES and city2 == city and city != "Lyon"
        assert hospital == f"CHU de {city}"
        assert re.match(r"^\d+ rue ", street) and "Lilas" not in street


def test_facility_keeps_its_kind() -> None:
    text = "Résidente de l'EHPAD Les Mimosas, suivie par la Clinique du Parc."
    marks = [("EHPAD Les Mimosas", "HOPITAL"), ("Clinique du Parc", "HOPITAL")]
    for seed in SEEDS:
        ehpad, clinic = (
            r.surrogate
            for r in Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, marks)).replacements
        )
        assert ehpad.startswith("EHPAD ") and ehpad != "EHPAD Les Mimosas"
        assert clinic.startswith("Clinique ") and clinic != "Clinique du Parc"


@pytest.mark.parametrize(("value", "label"), [("123456789", "IPP"), ("0012345", "NDA"), ("IPP-2024-00123", "IPP")])
def test_ipp_and_nda_keep_their_shape(value: str, label: str) -> None:
    text = f"Dossier {value} ouvert."
    for seed in SEEDS:
        out = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, [(value, label)]))
        sur = out.replacements[0].surrogate
        assert re.sub(r"\d", "9", re.sub(r"[A-Z]", "A", sur)) == re.sub(r"\d", "9", re.sub(r"[A-Z]", "A", value))
        assert sur != value


def test_surrogates_never_collide_with_words_of_the_text() -> None:
    pool = list(surname_pool())
    crowd = " ".join(pool[:-8])  # almost every surrogate surname is already written in the text
    text = f"Liste : {crowd}. Patient : DUPONT."
    for seed in SEEDS:
        result = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, [("DUPONT", "NOM")]))
        sur = result.replacements[0].surrogate
        words = {norm_key(w) for w in re.findall(r"[^\W\d_]+", text)}
        assert not any(norm_key(part) in words for part in re.split(r"[-\s]", sur))


def test_two_people_never_share_a_surrogate() -> None:
    names = [f"Nom{i}" for i in range(40)]
    text = " ; ".join(names)
    result = Pseudonymizer(rng=random.Random(0)).transform(text, mark_spans(text, [(n, "NOM") for n in names]))
    surrogates = [norm_key(r.surrogate) for r in result.replacements]
    assert len(set(surrogates)) == len(names)


def test_placeholders_are_numbered_per_conversation() -> None:
    turn1 = "Jean DUPONT et Marie MARTIN, vus le 12/03/2024."
    turn2 = "M. Dupont revient le 15/03/2024 ; Mme Martin aussi, le 12/03/2024."
    pseudo = Pseudonymizer(mode="placeholder", rng=random.Random(1))
    out1 = pseudo.transform(
        turn1,
        mark_spans(
            turn1,
            [
                ("Jean", "PRENOM"),
                ("DUPONT", "NOM"),
                ("Marie", "PRENOM"),
                ("MARTIN", "NOM"),
                ("12/03/2024", "DATE"),
            ],
        ),
    )
    assert out1.text == "[PRENOM_1] [NOM_1] et [PRENOM_2] [NOM_2], vus le [DATE_1]."
    carried = ConversationMapping.from_json(pseudo.mapping.to_json())
    out2 = Pseudonymizer(carried, mode="placeholder").transform(
        turn2,
        mark_spans(turn2, [("Dupont", "NOM"), ("15/03/2024", "DATE"), ("Martin", "NOM"), ("12/03/2024", "DATE")]),
    )
    assert out2.text == "M. [NOM_1] revient le [DATE_2] ; Mme [NOM_2] aussi, le [DATE_1]."


def test_a_conversation_keeps_its_mode() -> None:
    mapping = Pseudonymizer(mode="placeholder").mapping
    with pytest.raises(ValueError, match="placeholder mode"):
        Pseudonymizer(mapping, mode="surrogate")


def test_spans_outside_the_text_are_rejected() -> None:
    from avec.privacy.spans import Span

    with pytest.raises(ValueError, match="outside the text"):
        Pseudonymizer().transform("court", [Span(0, 40, "NOM")])


def test_an_address_holding_its_postcode_and_commune_agrees_with_them() -> None:
    text = "Adresse : 4 bis, avenue Foch 35000 Rennes. Retour à Rennes (35000) prévu."
    marks = [("4 bis, avenue Foch 35000 Rennes", "ADRESSE"), ("Rennes", "VILLE"), ("35000", "ZIP")]
    for seed in SEEDS:
        address, city, code = (
            r.surrogate
            for r in Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, marks)).replacements
        )
        assert (code, city) in COMMUNES and city != "Rennes"
        assert address.endswith(f"{code} {city}") and "avenue" in address and "Foch" not in address


@pytest.mark.parametrize("value", ["1 84 03 75 123 456 78 99", "X84037512345", "2840375"])
def test_a_secu_span_that_is_not_a_nir_is_still_replaced_whole(value: str) -> None:
    text = f"N° SS : {value}."
    for seed in SEEDS:
        sur = Pseudonymizer(rng=random.Random(seed)).transform(text, mark_spans(text, [(value, "SECU")]))
        out = sur.replacements[0].surrogate
        assert len(out) == len(value) and out != value
        assert out[-6:] != value[-6:]  # the tail of an over-long span is not left as it was
        assert re.sub(r"\w", "x", out) == re.sub(r"\w", "x", value)


def test_surrogate_pools_hold_no_medical_word() -> None:
    medical = pytest.importorskip("avec.privacy.detection.medical_vocab")
    male, female = first_name_pools()
    assert "Eva" not in female  # "EVA 4/10" (pain scale) must never come back as a patient's name
    assert not [n for n in (*male, *female, *surname_pool()) if medical.is_protected_word(n)]
