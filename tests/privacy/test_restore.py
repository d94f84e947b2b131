"""Restoration: exact round trips, streaming with every chunk split, tolerance to what models write."""

from __future__ import annotations

import random

from tests.privacy.conftest import mark_spans

from avec.privacy.restore import Restorer
from avec.privacy.transform import ConversationMapping, Pseudonymizer
from avec.privacy.transform.casing import strip_accents

NOTE = (
    "Mme Hélène DUPONT, née le 12/03/1984 à Lyon, tél. 06 12 34 56 78, hélène.dupont@gmail.com. "
    "Hospitalisée au CHU de Lyon du 1er avril 2024 au 12 avril 2024. H. Dupont revue le 3/4. IPP 123456789."
)
NOTE_MARKS = [
    ("Hélène", "PRENOM"),
    ("DUPONT", "NOM"),
    ("12/03/1984", "DATE_NAISSANCE"),
    ("Lyon", "VILLE"),
    ("06 12 34 56 78", "TEL"),
    ("hélène.dupont@gmail.com", "MAIL"),
    ("CHU de Lyon", "HOPITAL"),
    ("1er avril 2024", "DATE"),
    ("12 avril 2024", "DATE"),
    ("H.", "PRENOM"),
    ("Dupont", "NOM"),
    ("3/4", "DATE"),
    ("123456789", "IPP"),
]


def _pseudonymize(seed: int, mode: str = "surrogate") -> tuple[str, dict[str, str], Restorer]:
    pseudo = Pseudonymizer(mode=mode, rng=random.Random(seed))
    result = pseudo.transform(NOTE, mark_spans(NOTE, NOTE_MARKS))
    return result.text, {r.original: r.surrogate for r in result.replacements}, Restorer(pseudo.mapping)


def test_round_trip_gives_the_original() -> None:
    for seed in range(20):
        text, _, restorer = _pseudonymize(seed)
        assert text != NOTE
        assert restorer.restore(text) == NOTE


def test_placeholder_round_trip_gives_each_value_as_first_written() -> None:
    text, _, restorer = _pseudonymize(0, "placeholder")
    assert "Dupont" not in text and "DUPONT" not in text
    # "[NOM_1]" stands for DUPONT and Dupont alike: it comes back as first written.
    assert restorer.restore(text) == NOTE.replace("H. Dupont", "H. DUPONT")


def test_streaming_round_trip_for_every_split_into_two_and_three_chunks() -> None:
    text, _, restorer = _pseudonymize(7)
    for i in range(len(text) + 1):
        stream = restorer.stream()
        assert stream.feed(text[:i]) + stream.feed(text[i:]) + stream.flush() == NOTE
    for i in range(0, len(text) + 1, 3):
        for j in range(i, len(text) + 1, 2):
            stream = restorer.stream()
            out = stream.feed(text[:i]) + stream.feed(text[i:j]) + stream.feed(text[j:]) + stream.flush()
            assert out == NOTE, (i, j)


def test_streaming_character_by_character_and_minimal_holdback() -> None:
    text, subs, restorer = _pseudonymize(11)
    stream = restorer.stream()
    pieces = [stream.feed(ch) for ch in text]
    assert "".join(pieces) + stream.flush() == NOTE
    # A tail that cannot start any surrogate is not held back.
    stream = restorer.stream()
    assert stream.feed("Bonjour, voici la synthèse ") == "Bonjour, voici la synthèse "
    surname = subs["DUPONT"].title()
    assert stream.feed("pour " + surname[:3]) == "pour "  # "Dur" could be the start of a surrogate
    assert stream.feed(surname[3:] + " et") == "Dupont et"
    assert stream.flush() == ""


def test_tolerates_what_models_do_with_names() -> None:
    _, subs, restorer = _pseudonymize(5)
    first, last = subs["Hélène"], subs["DUPONT"].title()
    city = subs["Lyon"]
    cases = {
        f"Madame {last} va mieux.": "Madame Dupont va mieux.",
        f"{last.upper()} {first.upper()}": "DUPONT HÉLÈNE",
        f"{first} est sortie.": "Hélène est sortie.",
        f"M. {last}": "M. Dupont",
        f"la famille des {last}s": "la famille des Duponts",
        f"{first[0]}. {last} revient": "H. Dupont revient",
        f"{strip_accents(first)} {last}": "Hélène Dupont",
        f"retour à {city.upper()}": "retour à LYON",
        f"**{last}** et _{first}_": "**Dupont** et _Hélène_",
    }
    for answer, expected in cases.items():
        assert restorer.restore(answer) == expected, answer


def test_hyphens_and_typographic_apostrophes_are_tolerated() -> None:
    restorer = Restorer(
        ConversationMapping(pairs=[("PRENOM", "Louis-Marc", "Jean-Pierre"), ("NOM", "N'Guessan", "Le Goff")])
    )
    assert restorer.restore("Louis Marc N’Guessan") == "Jean-Pierre Le Goff"
    assert restorer.restore("LOUIS-MARC N'GUESSAN") == "JEAN-PIERRE LE GOFF"


def test_elision_follows_the_restored_name() -> None:
    mapping = ConversationMapping(pairs=[("PRENOM", "Antoine", "Bernard"), ("PRENOM", "Paul", "Olivier")])
    restorer = Restorer(mapping)
    assert restorer.restore("le dossier d'Antoine") == "le dossier de Bernard"
    assert restorer.restore("le dossier D’Antoine") == "le dossier De Bernard"
    assert restorer.restore("le dossier de Paul") == "le dossier de Olivier"  # may be how the source wrote it
    assert restorer.restore("aujourd'hui Paul") == "aujourd'hui Olivier"


def test_dates_and_phones_rewritten_by_the_model_are_restored() -> None:
    _, subs, restorer = _pseudonymize(3)
    sur_birth = subs["12/03/1984"]
    day, month, year = (int(x) for x in sur_birth.split("/"))
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    spelled = f"{'1er' if day == 1 else day} {months[month - 1]} {year}"
    assert restorer.restore(f"Née le {spelled}.") == "Née le 12 mars 1984."
    assert restorer.restore(f"Née le {year}-{month:02d}-{day:02d}.") == "Née le 1984-03-12."
    compact_phone = subs["06 12 34 56 78"].replace(" ", "")
    assert restorer.restore(f"Appeler le {compact_phone}.") == "Appeler le 0612345678."
    international = "+33 " + subs["06 12 34 56 78"][1:]
    assert restorer.restore(f"ou {international}") == "ou +33 6 12 34 56 78"
    spaced = subs["06 12 34 56 78"].replace(" ", "\u202f")  # French typography in a model's answer
    assert restorer.restore(f"au {spaced}.") == "au 06 12 34 56 78."


def test_ordinary_words_are_not_turned_into_names() -> None:
    pseudo = Pseudonymizer(rng=random.Random(2))
    text = "Dr Rose et M. Petit."
    pseudo.transform(text, mark_spans(text, [("Rose", "NOM"), ("Petit", "NOM")]))
    restorer = Restorer(pseudo.mapping)
    surrogate = pseudo.mapping.value("NOM", "petit")
    assert surrogate
    sentence = f"un {surrogate.lower()} souci, sans rapport"
    assert restorer.restore(sentence) == sentence  # lower case: an ordinary word, left alone
    assert restorer.restore(f"M. {surrogate}") == "M. Petit"


def test_placeholders_are_restored_even_without_brackets() -> None:
    text, _, restorer = _pseudonymize(1, "placeholder")
    assert "[NOM_1]" in text and "[PRENOM_1]" in text
    assert restorer.restore("Bonjour [PRENOM_1] [NOM_1] (NOM_1)") == "Bonjour Hélène DUPONT (DUPONT)"


def test_a_restorer_without_mapping_changes_nothing() -> None:
    restorer = Restorer(Pseudonymizer().mapping)
    assert restorer.restore("Rien à restaurer.") == "Rien à restaurer."
    stream = restorer.stream()
    assert stream.feed("Rien ") + stream.feed("du tout") + stream.flush() == "Rien du tout"


def test_numbers_glued_to_letters_and_longest_dates_win() -> None:
    mapping = ConversationMapping(
        pairs=[
            ("IPP", "66/7621 72", "01/2025 14"),
            ("DATE", "6 novembre", "17 janvier"),
            ("DATE", "6 novembre 2023", "17 janvier 2024"),
        ]
    )
    restorer = Restorer(mapping)
    assert restorer.restore("Le 07/66/7621 72h30 : chute") == "Le 07/01/2025 14h30 : chute"
    assert restorer.restore("du 6 novembre 2023 au 6 novembre.") == "du 17 janvier 2024 au 17 janvier."
    assert restorer.restore("lot 166/7621 72") == "lot 166/7621 72"  # a longer number is another number
    text = "Le 07/66/7621 72h30, du 6 novembre 2023 au 6 novembre."
    for i in range(len(text) + 1):
        stream = restorer.stream()
        assert stream.feed(text[:i]) + stream.feed(text[i:]) + stream.flush() == restorer.restore(text)
