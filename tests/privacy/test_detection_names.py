"""Names, facilities and places: context rules, lexicons, hard cases."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


def labelled(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vu par le Dr Jean Dupont ce jour.", [("Jean", "PRENOM"), ("Dupont", "NOM")]),
        ("Avis du Pr N'Diaye demandé.", [("N'Diaye", "NOM")]),
        ("Mme Petit est sortie.", [("Petit", "NOM")]),
        ("Appeler M. Blanc demain.", [("Blanc", "NOM")]),
        ("Adressée par le Dr Marie Le Goff.", [("Marie", "PRENOM"), ("Le Goff", "NOM")]),
        ("Courrier au Dr J.-P. Durand.", [("J.-P.", "PRENOM"), ("Durand", "NOM")]),
        ("Vu M. DUPONT Jean-Pierre hier.", [("DUPONT", "NOM"), ("Jean-Pierre", "PRENOM")]),
        ("Concerne M. Christian de La Fontaine.", [("Christian", "PRENOM"), ("de La Fontaine", "NOM")]),
        ("Mlle Léa Morvan, 19 ans.", [("Léa", "PRENOM"), ("Morvan", "NOM")]),
        ("vu mme durand ce matin", [("durand", "NOM")]),
    ],
)
def test_titles(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert [x for x in labelled(detector, text) if x[1] in ("NOM", "PRENOM")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nom : LAURENT\nPrénom : Rose\n", [("LAURENT", "NOM"), ("Rose", "PRENOM")]),
        ("Patient : Martin Blanc\n", [("Martin", "PRENOM"), ("Blanc", "NOM")]),
        ("NOM DE NAISSANCE : DOS SANTOS\n", [("DOS SANTOS", "NOM")]),
        ("Personne de confiance : ROUX Hélène (fille)\n", [("ROUX", "NOM"), ("Hélène", "PRENOM")]),
        ("Mme Yvonne LE BRIS née KERVELLA.", [("Yvonne", "PRENOM"), ("LE BRIS", "NOM"), ("KERVELLA", "NOM")]),
        (
            "Mme Suzanne Rousseau épouse Marty.",
            [("Suzanne", "PRENOM"), ("Rousseau", "NOM"), ("Marty", "NOM")],
        ),
        ("Bien cordialement,\nSylvie Garnier\n", [("Sylvie", "PRENOM"), ("Garnier", "NOM")]),
        ("Bonjour Nathalie,\nmerci.", [("Nathalie", "PRENOM")]),
        ("| Nom | Prénom |\n|---|---|\n| ROSE | Germaine |\n", [("ROSE", "NOM"), ("Germaine", "PRENOM")]),
    ],
)
def test_fields_and_structures(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert [x for x in labelled(detector, text) if x[1] in ("NOM", "PRENOM")] == expected


def test_name_found_once_is_masked_everywhere(detector: Detector) -> None:
    text = "Mme Kervella est arrivée. Kervella se plaint de douleurs. La fille de KERVELLA appelle."
    assert [t for t, lab in labelled(detector, text) if lab == "NOM"] == ["Kervella", "Kervella", "KERVELLA"]


def test_common_word_surname_not_propagated_to_the_word(detector: Detector) -> None:
    text = "Mme Petit a un petit épanchement. Le Dr Blanc note un liquide blanc."
    assert labelled(detector, text) == [("Petit", "NOM"), ("Blanc", "NOM")]


def test_all_caps_export(detector: Detector) -> None:
    text = "PATIENT: DUBOIS GERARD NE LE 12.08.1951\nMEDECIN: DR FAURE\nPETIT NODULE DU LOBE MOYEN. HTA. AVC."
    assert labelled(detector, text) == [
        ("DUBOIS", "NOM"),
        ("GERARD", "PRENOM"),
        ("12.08.1951", "DATE_NAISSANCE"),
        ("FAURE", "NOM"),
    ]


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("Hospitalisé au CHU de Rennes du 2 au 5.", "CHU de Rennes"),
        ("Entrée à l'EHPAD Les Jardins de Cybèle.", "EHPAD Les Jardins de Cybèle"),
        ("Opéré à la Clinique Saint-Joseph.", "Clinique Saint-Joseph"),
        ("Suivi au Centre Hospitalier de Quimper, service de gériatrie.", "Centre Hospitalier de Quimper"),
        ("Secrétariat de l'Hôpital de jour Saint-Vincent.", "Hôpital de jour Saint-Vincent"),
    ],
)
def test_facilities(detector: Detector, text: str, facility: str) -> None:
    assert (facility, "HOPITAL") in labelled(detector, text)


@pytest.mark.parametrize("text", ["Retour à l'hôpital prévu.", "Transfert en clinique.", "Le CHU a appelé."])
def test_generic_facility_words_are_not_names(detector: Detector, text: str) -> None:
    assert labelled(detector, text) == []


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Elle vit à Ploërmel avec son mari.", "Ploërmel"),
        ("Lyon, le 3 mars 2025", "Lyon"),
        ("Fait à Vitré, le 2 septembre.", "Vitré"),
        ("Né à Saint-Brieuc.", "Saint-Brieuc"),
    ],
)
def test_cities(detector: Detector, text: str, city: str) -> None:
    assert (city, "VILLE") in labelled(detector, text)


def test_addresses(detector: Detector) -> None:
    text = "Domicile : 23 bis, rue des Trois Frères, 75018 Paris. Il passe rue de la Paix le jeudi."
    result = labelled(detector, text)
    assert ("23 bis, rue des Trois Frères", "ADRESSE") in result
    assert ("rue de la Paix", "ADRESSE") in result
    assert labelled(detector, "Chute dans la rue, passage d'une aide-soignante en cours.") == []


def test_postal_block_and_signature(detector: Detector) -> None:
    text = "Madame Yvette GUILLEMOT\nLa Ville Aubert\n22100 QUEVERT\n\nMerci de rappeler.\nRomain\n"
    result = labelled(detector, text)
    assert ("La Ville Aubert", "ADRESSE") in result
    assert ("22100", "ZIP") in result and ("QUEVERT", "VILLE") in result
    assert ("Romain", "PRENOM") in result
