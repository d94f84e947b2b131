"""Round 14, places, numbers and dates: zone and estate lead-ins of addresses, record-number columns,
case numbers, communes of note layouts, rota dates.

Every value below is invented.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector
from avec.privacy.detection.field_keys import classify_header


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _found(detector: Detector, text: str) -> dict[str, str]:
    return {text[s.start : s.end]: s.label for s in detector.detect(text)}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Siège : Zone de Kervoalic, 7 rue Irène Joliot-Curie – 29400 Landivisiau",
            "Zone de Kervoalic, 7 rue Irène Joliot-Curie",
        ),
        (
            "Entreprise Y – Parc d'activités des Coudrais, 12 rue Clément Ader – 37300 Joué-lès-Tours",
            "Parc d'activités des Coudrais, 12 rue Clément Ader",
        ),
        (
            "Adresse de l'exploitation : Château Lagrave-Fontenil, 5 route de Sauveterre 33540 Blasimon",
            "Château Lagrave-Fontenil, 5 route de Sauveterre",
        ),
        ("Employeur : Société X, Port Tino Rossi, quai Napoléon, 20000 Ajaccio", "Port Tino Rossi, quai Napoléon"),
        ("Cabinet Z\nTechnopole, 21 allée Gustave Eiffel – 64600 Anglet", "Technopole, 21 allée Gustave Eiffel"),
        (
            "hébergée chez son frère, M. DUVAL Hugo, Les Garrigues, 14 traverse des Oliviers, 13600 La Ciotat",
            "Les Garrigues, 14 traverse des Oliviers",
        ),
        (
            "Elle habite 8 lotissement Les Goyaviers, quartier Trénelle, à Sainte-Luce",
            "8 lotissement Les Goyaviers, quartier Trénelle",
        ),
        (
            "Adresse : Appt 22, Résidence Ker Avel, 4 boulevard Albert 1er, 56100 Lorient",
            "Appt 22, Résidence Ker Avel, 4 boulevard Albert 1er",
        ),
        ("Service social\navenue du 8 Mai 1945 – 93000 Bobigny", "avenue du 8 Mai 1945"),
        ("Site : entrepôt de Plouvorn, ZI de Kroaz ar Vilin, 29420 Plouvorn", "ZI de Kroaz ar Vilin"),
    ],
)
def test_zone_park_and_estate_lead_ins_join_their_street(detector: Detector, text: str, address: str) -> None:
    assert _found(detector, text).get(address) == "ADRESSE"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a residence and its street without a building part stay two spans (conventions)
        (
            "Adresse : Résidence Les Alizés, 3 rue des Mouettes, 17000 La Rochelle",
            "Résidence Les Alizés, 3 rue des Mouettes",
        ),
        # a bare named place after a comma joins only when a postal code closes the street
        ("On a vu la voisine, Les Tamaris, 3 rue du Port hier", "Les Tamaris, 3 rue du Port"),
        # a bare "Parc X" is a housing estate: two spans, as the older sets mark it
        ("vit à Lyon, Parc Mermoz, 4 rue Pierre Sémard, 69008 Lyon", "Parc Mermoz, 4 rue Pierre Sémard"),
        # a facility before the street stays the facility's
        ("Contact : EHPAD Les Lilas, 9 rue Jean Moulin, 72000 Le Mans", "EHPAD Les Lilas, 9 rue Jean Moulin"),
    ],
)
def test_lead_ins_that_stay_apart(detector: Detector, text: str, absent: str) -> None:
    assert absent not in _found(detector, text)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("ECROU", "NDA"),
        ("N° d'écrou", "NDA"),
        ("NUM_RES", "IPP"),
        ("N°FACT", "NDA"),
        ("DOSSIER", "NDA"),
        ("N° ordo.", None),
        ("Résidence", None),
        ("Examen", None),
        ("Ordre", None),
    ],
)
def test_record_number_headers(header: str, kind: str | None) -> None:
    assert classify_header(header) == kind


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("DATE       | NOM / PRENOM        | ECROU  | MOTIF\n11/03/2025 | BERTIN PAUL  | 73518 | C1\n", "73518", "NDA"),
        ("NUM_RES;NOM;PRENOM;CH\nRES0457;MARCHAND;LUCIE;12\nRES0462;PONS;ALBERT;14\n", "RES0457", "IPP"),
        (
            "DATE        N°FACT   PRESCRIPTEUR         PRODUIT\n"
            "03/02/2025  561274   DR MOREAU P.         KARDEGIC 75\n",
            "561274",
            "NDA",
        ),
        ("COMPTE RENDU\nEXAMEN N° : C25.004417         UF : 2214", "C25.004417", "NDA"),
        ("N° d'instruction : JI 24/00918 – audition prévue", "JI 24/00918", "NDA"),
        ("Objet : Réquisition PV 03317/2024 – examen de garde à vue", "PV 03317/2024", "NDA"),
        ("vu pour le compte du juge, dossier AP 2022/00415.", "AP 2022/00415", "NDA"),
        ("Patient : M. Rivière Jules, dossier n° 5127\n", "5127", "NDA"),
        ("Détenu transféré – écrou CP 215803 – arrivée ce jour", "215803", "NDA"),
        ("N° écrou arrivée : 81442   IPP CH : 0934418260", "81442", "NDA"),
        ("N° écrou arrivée : 81442   IPP CH : 0934418260", "0934418260", "IPP"),
        ("Références à rappeler : dossier n° 0611702245\nAffaire suivie par : le secrétariat", "0611702245", "NDA"),
        ("N° de retraité : 0170 5521 38\nSituation : veuve", "0170 5521 38", "NDA"),
        ("Devis n° 2025-0311          établi le 02/02/2025", "2025-0311", "NDA"),
        (
            'ordre,heure,patient,adresse,commune,tel,soins\n'
            '1,07:15,"KERMARREC Yves","Kerbiquet","Plestin-les-Grèves",02 96 35 10 22,"pansement + bas de contention"\n'
            '2,07:40,"LE DANTEC Rose","3 rue du Stade","Lannion",06 12 45 78 90,"prise de sang INR (AVK)"\n',
            "Kerbiquet",
            "ADRESSE",
        ),
        ("N°REG|DATE DECES|NOM|PRENOM\n25-118|02/02/2025|MARTEL|ODILE\n", "25-118", "NDA"),
    ],
)
def test_record_and_case_numbers(detector: Detector, text: str, value: str, label: str) -> None:
    assert _found(detector, text).get(value) == label


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("RG n° 23/04417 : audience fixée", "RG 23/04417"),
        ("levée d'écrou en 2019, transfert", "2019"),
        ("dossier n° 2023 classé", "2023"),
        ("N° écrou : 44121   IPP CHU : 5512003311", "IPP CHU"),
        ("demande n° 12 en attente", "12"),
        ("Synthèse de la saisine n° 2025-03 - séance du 2 avril", "2025-03"),
        ("Dossier SAMU 2412-031177 transmis au SMUR", "SAMU 2412-031177"),
        ("Appeler le secrétariat au n° 02 98 34 71 10 pour le dossier", None),
    ],
)
def test_case_numbers_left_alone(detector: Detector, text: str, absent: str | None) -> None:
    found = _found(detector, text)
    if absent is None:  # a phone after a bare "n°" stays a phone
        assert "TEL" in found.values() and "NDA" not in found.values()
    else:
        assert absent not in found


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Chauffeur : tournée Lamballe – Dinan – Saint-Malo – retour au dépôt.", "Dinan"),
        ("adressée par dr Perrin (MG Crest) pour bilan", "Crest"),
        ("Copie : Dr Leroy (MT, Vouziers)", "Vouziers"),
        ("| 12/02/2025 | DR VIDAL | DOMICILE AUBUSSON | PTG D |", "AUBUSSON"),
        ("Patient : Mme GIRARD Odette, Les Rousses, dossier 39B0071123", "Les Rousses"),
        ("COPIE : MME FABRE LUCIE, GAILLAC (POUR INFORMATION)", "GAILLAC"),
    ],
)
def test_communes_of_note_layouts(detector: Detector, text: str, town: str) -> None:
    assert _found(detector, text).get(town) == "VILLE"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Dr Martin – Cardiologie – Consultation", "Cardiologie"),
        ("revu par l'interne (MG Rose)", "Rose"),
        ("retour à domicile calme, sans douleur", "calme"),
    ],
)
def test_note_layout_words_that_are_no_communes(detector: Detector, text: str, absent: str) -> None:
    assert _found(detector, text).get(absent) != "VILLE"


def test_rota_rows_dated_after_a_weekday_letter(detector: Detector) -> None:
    text = (
        "| Jour | Matin | Soir |\n|---|---|---|\n| L 03/03 | IDE Paul | AS Nina |\n"
        "| Ma 04/03 | IDE Léa | AS Nina |\n| Me 05/03 | IDE Paul | — |\n"
    )
    found = _found(detector, text)
    assert found.get("03/03") == "DATE" and found.get("04/03") == "DATE" and found.get("05/03") == "DATE"
    assert "L 03/03" not in found  # the weekday stays outside


@pytest.mark.parametrize(
    "text",
    [
        "| Score | M 3/4 |\n| Test | L 2/5 |\n",  # fractions, single digits
        "| L 07/10 | seule ligne |\n",  # one cell is no rota
    ],
)
def test_rota_shapes_that_are_no_dates(detector: Detector, text: str) -> None:
    assert "DATE" not in _found(detector, text).values()


def test_dated_chat_line_after_a_note_word(detector: Detector) -> None:
    text = "Mme X (cadre) : ok je note\n14/02/2025 09:12 - Jean : je passe"
    assert _found(detector, text).get("14/02/2025") == "DATE"
    assert "DATE" not in _found(detector, "note : 15/10/12").values()  # a series of marks


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Nom : X\nNé le : 21/09/1962   à : Trabzon (Turquie)\nN° SS : inconnu", "Trabzon"),
        ("Sexe : F\nNée à : Montbéliard\nAdresse : inconnue", "Montbéliard"),
        (" NE LE......: 07/07/1949   A : CORTE (2B)      SEXE : M", "CORTE"),
    ],
)
def test_birth_town_after_a_birth_date_field(detector: Detector, text: str, town: str) -> None:
    assert _found(detector, text).get(town) == "VILLE"


def test_birth_town_field_refuses_an_unknown_value(detector: Detector) -> None:
    assert "Inconnu" not in _found(detector, "Né le : 02/02/2002   à : Inconnu\n")
