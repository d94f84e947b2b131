"""Round 18 (precision): titled offices, whole persons in a "Nom" column, the order of two titled
name words confirmed by the document, surnames of several words, Portuguese "Maria da X"."""

from __future__ import annotations

from typing import Any

import pytest
from tests.privacy.conftest import found

_TABLE = (
    "| Fonction | Nom | Téléphone |\n"
    "|---|---|---|\n"
    "| Assistante sociale | Mme Khadija Ouali | 02 40 16 52 04 |\n"
    "| Référente ASE | Camille LE FLOCH | 02 40 41 72 36 |\n"
    "| Psychologue | Mme LOPES Carla | 02 40 16 91 20 |\n"
    "| Curateur | DE LA ROCHE | 02 40 16 91 21 |\n"
)

POSITIVE = [
    # a "Nom" column's cell holding a whole person: title outside, first name apart
    (_TABLE, ("Khadija", "PRENOM")),
    (_TABLE, ("Ouali", "NOM")),
    (_TABLE, ("Camille", "PRENOM")),
    (_TABLE, ("LE FLOCH", "NOM")),
    (_TABLE, ("LOPES", "NOM")),
    (_TABLE, ("Carla", "PRENOM")),
    # a surname of several words in capitals stays whole
    (_TABLE, ("DE LA ROCHE", "NOM")),
    # the document writes the first word as a surname elsewhere: surname first
    ("Rappeler à sa fille (Mme Kaminski Ewa) la restriction. Mme Kaminski rappellera.\n", ("Kaminski", "NOM")),
    ("Rappeler à sa fille (Mme Kaminski Ewa) la restriction. Mme Kaminski rappellera.\n", ("Ewa", "PRENOM")),
    ("Le père (M. Kowalczyk Zbigniew) sera prévenu.\nKOWALCZYK Nathan, 6 ans\n", ("Zbigniew", "PRENOM")),
    # and the other way round
    ("Dr Mathieu Rose, pédiatre. Le Dr Rose reverra l'enfant.\n", ("Mathieu", "PRENOM")),
    # surnames of several words after a title or a surname label
    ("Votre patient, M. Da Silva Pereira, ancien maçon.\n", ("Da Silva Pereira", "NOM")),
    ("Mme Ferreira Da Silva s'est séparée du père.\n", ("Ferreira Da Silva", "NOM")),
    ("placé au nom de M. Fernandes da Silva. Je joins l'avis.\n", ("Fernandes da Silva", "NOM")),
    ("Médecin traitant : Dr Aït Ouarab – 04 90 60 31 75\n", ("Aït Ouarab", "NOM")),
    ("M. Ould Ahmed est stabilisé.\n", ("Ould Ahmed", "NOM")),
    ("Nom : DA SILVA OLIVEIRA      Prénom : Manuel\n", ("DA SILVA OLIVEIRA", "NOM")),
    # a Portuguese first name of three words beside a surname
    ("en présence de son épouse, Mme Maria de Fátima Da Silva Pereira (tél.)\n", ("Maria de Fátima", "PRENOM")),
    ("grand-mère, Mme Maria da Graça Pereira dite Avó\n", ("Maria da Graça", "PRENOM")),
    ("Mme Maria da Silva est venue.\n", ("Maria", "PRENOM")),
    # a joint "Nom / prénom" label: the surname first, then the first name
    ("USAGER\nNom / prénom : CAZALS Manon          Date de naissance : 07/12/1958\n", ("CAZALS", "NOM")),
    ("USAGER\nNom / prénom : CAZALS Manon          Date de naissance : 07/12/1958\n", ("Manon", "PRENOM")),
    ("Nom, prénom : MOURET Sandrine — assistante sociale\n", ("MOURET", "NOM")),
    ("NOM PRENOM : MEUNIER GHISLAINE\nFONCTION : DIRECTRICE\n", ("GHISLAINE", "PRENOM")),
    ("Nom : DUPONT   Prénom : Jean\n", ("Jean", "PRENOM")),
    # a surname's capitalised article is kept
    ("Vu Mme Le Goff et M. Le Floch.\n", ("Le Goff", "NOM")),
]
NEGATIVE = [
    # an office after a title and a lower-case article is no name
    ("Destinataire : Madame la Juge des enfants, Tribunal judiciaire de Rennes\n", "Juge"),
    ("Madame la Capitaine,\n\nNous accusons réception de votre réquisition.\n", "Capitaine"),
    ("À : M. le Juge des contentieux de la protection\n", "Juge"),
    ("Copie : M. le Principal ; Mme Laure Fabre\n", "Principal"),
    ("À : Monsieur le Procureur de la République – Parquet des mineurs\n", "Procureur"),
    ("À : Monsieur le Procureur de la République – Parquet des mineurs\n", "République"),
    ("Monsieur le Médecin-Conseil,\n\nJe sollicite l'entente préalable.\n", "Médecin"),
    # the joint label's value is not one first name
    ("Nom / prénom : CAZALS Manon          Date de naissance : 07/12/1958\n", "CAZALS Manon"),
    # titles stay outside the names of a table cell
    (_TABLE, "Mme"),
    # "Maria da Silva" alone: "da Silva" stays her surname
    ("Mme Maria da Silva est venue.\n", "Maria da Silva"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


@pytest.mark.parametrize(("text", "value"), NEGATIVE)
def test_not_found(detector: Any, text: str, value: str) -> None:
    assert all(value not in v for v, _ in found(detector, text))
