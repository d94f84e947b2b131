"""Table-driven tests of the place and structure families of round 10: named structures of kinds the
facility keywords did not list (health centres, respite platforms, youth hostels, local missions,
social services of a territory, national networks and their branch, abbreviated kinds), practices
named by one word, and the places of the round's other families.

Every value here is invented for these tests (other names, communes and territories than the
development sets); each family has positive cases and negative neighbours of the same shape,
including ordinary French and medical text that must stay unmasked.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, masked, values_of


# --- a structure kind and its proper name: one HOPITAL span -----------------------------------------
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Dr Karim Benali / Centre municipal de santé Louise Michel – Pantin",
         "Centre municipal de santé Louise Michel"),
        ("MÉDECIN : DR X – CENTRE MUNICIPAL DE SANTÉ DU MOULIN-VERT, IVRY", "CENTRE MUNICIPAL DE SANTÉ DU MOULIN-VERT"),
        ("orientation vers la Plateforme de répit Les Aidants de l'Escaut et l'accueil de jour",
         "Plateforme de répit Les Aidants de l'Escaut"),
        ("c/o Foyer de jeunes travailleurs Le Tremplin / 4 rue Haute", "Foyer de jeunes travailleurs Le Tremplin"),
        ("avec sa conseillère de la Mission locale Lyon Sud, M. Diallo.", "Mission locale Lyon Sud"),
        ("Service social – Circonscription de service social de Montfermeil",
         "Circonscription de service social de Montfermeil"),
        ("Direction – Service territorial des solidarités de Vesoul", "Service territorial des solidarités de Vesoul"),
        ("demande d'admission en Centre parental Les Oliviers (accueil mère-enfant)", "Centre parental Les Oliviers"),
        ("orientée vers l'Unité médico-judiciaire du CHU de Tours et l'association",
         "Unité médico-judiciaire du CHU de Tours"),
        ("prélèvement au LBM Bio Armor, résultat à venir", "LBM Bio Armor"),
        ("FAX 02 98 00 00 00   CTRE KERPAPE SEC MED   P.001", "CTRE KERPAPE"),
        ("inscription aux Restos du Cœur. dit que", "Restos du Cœur"),
        ("Mme Dupont, représentante des usagers (France Assos Santé Bretagne)", "France Assos Santé Bretagne"),
        ("représentant des usagers (UFC-Que Choisir Quimper)", "UFC-Que Choisir Quimper"),
        ("IDE : Cabinet paramédical des Quatre Vents", "Cabinet paramédical des Quatre Vents"),
        ("Suivi par la Maison des adolescents du Pays basque depuis mai", "Maison des adolescents du Pays basque"),
        ("Référente ASE – Collectivité de Corse – 04 95 00 00 00", "Collectivité de Corse"),
        ("Service : Sauvegarde du Finistère – AEMO judiciaire", "Sauvegarde du Finistère"),
        ("TISF, ADAR Pays de Brest). mr présent", "ADAR Pays de Brest"),
        ("EXPORT SMS – agence Mobilité Santé Rennes Ouest / Conversation", "agence Mobilité Santé Rennes Ouest"),
        ("Caisse de retraite : MSA Sud Aquitaine / Médecin traitant", "MSA Sud Aquitaine"),
        ("rendez-vous à la mission locale de vierzon jeudi", "mission locale de vierzon"),
    ],
)
def test_named_structure_is_one_hopital(detector: object, text: str, body: str) -> None:
    assert body in values_of(detector, text, "HOPITAL")


# --- a kind without a name, a service name, ordinary words after a kind: nothing -----------------------
@pytest.mark.parametrize(
    "text",
    [
        "la mission locale a rappelé. Le centre parental est plein.",
        "orientation plateforme de répit. Rdv mission locale lundi.",
        "Le foyer de jeunes travailleurs est complet pour l'instant.",
        "Centre référent : demande envoyée, réponse attendue.",
        "Espace solidarité fermé le lundi matin.",
        "L'agence régionale a répondu.",
        "Restos : colis remis.",
    ],
)
def test_kind_without_name_is_not_marked(detector: object, text: str) -> None:
    assert values_of(detector, text, "HOPITAL") == []


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("Centre municipal de santé : Service de cardiologie le mardi", "Service"),
        ("Plateforme de répit Dr Martin joignable", "Dr"),
        ("EDS Accueil ouvert le matin", "EDS Accueil"),
        ("EMG des deux membres inférieurs normal", "EMG"),
    ],
)
def test_stop_and_service_words_stay_out(detector: object, text: str, forbidden: str) -> None:
    assert not any(forbidden in value for value in values_of(detector, text, "HOPITAL"))


def test_practice_named_after_a_person_stays_a_person(detector: object) -> None:
    text = "IDE : Cabinet infirmier Martin, passage matin et soir"
    assert ("Cabinet infirmier Martin", "HOPITAL") not in found(detector, text)
    assert "Martin" in " ".join(masked(detector, text))
