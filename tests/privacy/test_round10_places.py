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
        # youth justice, shelters, employment agencies and their branch
        ("placé au Centre éducatif fermé de Saint-Venant depuis mars", "Centre éducatif fermé de Saint-Venant"),
        ("suivi par l'UEMO Lille Est, éducatrice Mme X", "UEMO Lille Est"),
        ("inscrit à France Travail Brest Europe depuis janvier", "France Travail Brest Europe"),
        ("hébergé au Centre d'hébergement d'urgence Les Abeilles", "Centre d'hébergement d'urgence Les Abeilles"),
        ("Centre de soins infirmiers de Plouha, passage matin", "Centre de soins infirmiers de Plouha"),
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
        "Prestataire : Agence de Vannes (SAAD)",  # a branch by its commune keeps the commune only
        "Restos : colis remis.",
        "le CEF a signalé une fugue",
        "Cap emploi : dossier en cours",
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


# --- an estate, its building / flat / lot parts and its street: ONE ADRESSE ---------------------------
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Adresse : Résidence Les Jardins d'Ambre, bât. C, 2e étage, appt 21, 14 rue Voltaire, 93100 Montreuil",
         "Résidence Les Jardins d'Ambre, bât. C, 2e étage, appt 21, 14 rue Voltaire"),
        ("M;Résidence Le Parc Vert, appt 108, 3 rue Jean Jaurès;22000;SAINT-BRIEUC;0758",
         "Résidence Le Parc Vert, appt 108, 3 rue Jean Jaurès"),
        ("chez sa copine, résidence les Tilleuls bat D appt 12, 9 rue Gambetta 59100 Roubaix",
         "résidence les Tilleuls bat D appt 12, 9 rue Gambetta"),
        ("elle est résidence A Torra, bât B, 4 cours Napoléon, code porte 1234",
         "résidence A Torra, bât B, 4 cours Napoléon"),
        ("Lotissement Les Oliviers, villa 12\n20290 BORGO", "Lotissement Les Oliviers, villa 12"),
        ("Adresse : Lotissement Les Palmiers, lot 9, section Moudong, 97122 Baie-Mahault",
         "Lotissement Les Palmiers, lot 9, section Moudong"),
        ("(Cité Rivière, résidence Les Hibiscus, bât. 2, 97200 Fort-de-France)",
         "Cité Rivière, résidence Les Hibiscus, bât. 2"),
        ("| Résidence Le Lac, bât. 2, appt 11, avenue de la Marne | 33700 |",
         "Résidence Le Lac, bât. 2, appt 11, avenue de la Marne"),
        # a business zone and a street without a number where a person lives
        ("Établissement : ESAT Les Ajoncs, ZA de Kerbriant, 29200 Brest", "ZA de Kerbriant"),
        ("elle va chez elle rue des Glycines -> à voir", "rue des Glycines"),
    ],
)
def test_estate_with_parts_is_one_address(detector: object, text: str, address: str) -> None:
    assert address in values_of(detector, text, "ADRESSE")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # no building, flat or lot part: the estate and the street stay two spans
        ("Adresse : Résidence Les Pins, 12 avenue Foch, 13008 Marseille", "Résidence Les Pins, 12 avenue Foch"),
        # a street named after the estate keeps its number, the floor stays out
        ("07h45  X – 6 Cité Bellevue, 3e étage gauche – aide", "Cité Bellevue, 3e étage"),
    ],
)
def test_estate_without_parts_is_not_joined(detector: object, text: str, address: str) -> None:
    assert address not in values_of(detector, text, "ADRESSE")


@pytest.mark.parametrize(
    "text",
    [
        "Le patient vit seul, chez lui la rue est en pente.",
        "Zone inflammatoire du genou, ZI non précisée.",
        "Le parc de la résidence est fermé, bât. en travaux.",
    ],
)
def test_estate_rules_leave_ordinary_text(detector: object, text: str) -> None:
    assert values_of(detector, text, "ADRESSE") == []


# --- a birthplace followed by its country or its département number -----------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("NÉ LE : 04/05/1970 À TIMISOARA (ROUMANIE) / NIR", "TIMISOARA"),
        ("NÉ LE 12/12/1950 À SETIF (ALGÉRIE)", "SETIF"),
        ("LIEU NAISS: CONSTANTINE ALGERIE\nNIR", "CONSTANTINE"),
        ("LIEU NAISS. : THANN (68) / INS", "THANN"),
        ("Mme X, née le 15/08/1940 à Danang (Viêt Nam)", "Danang"),
    ],
)
def test_birthplace_before_country_is_ville(detector: object, text: str, place: str) -> None:
    assert place in values_of(detector, text, "VILLE")


@pytest.mark.parametrize(
    "text",
    [
        "née le 03/04/1961 à terme (38 SA)",
        "NÉ LE 02/02/1942 À TERME (PRÉMATURÉ)",
        "Lieu de naissance : ALGÉRIE",
    ],
)
def test_birth_lines_without_a_place_are_not_ville(detector: object, text: str) -> None:
    assert values_of(detector, text, "VILLE") == []


# --- a commune on a letterhead: alone under the facility, or after a dash closing its line -------------
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Cardiologie – Polyclinique du Ponant\nQuimperlé Cedex\n\nCher confrère,", "Quimperlé"),
        ("CLINIQUE SAINT-VINCENT - BESANCON                              IMPRIME LE 12/03", "BESANCON"),
    ],
)
def test_letterhead_commune_is_ville(detector: object, text: str, town: str) -> None:
    assert town in values_of(detector, text, "VILLE")


@pytest.mark.parametrize(
    "text",
    [
        "EHPAD Les Tilleuls\nDurand\nTél. 02 00 00 00 00",
        "Clinique du Parc\nDiagnostic : angine",
        "Clinique du Parc\nUrgences\n",
    ],
)
def test_line_under_facility_that_is_no_commune(detector: object, text: str) -> None:
    assert values_of(detector, text, "VILLE") == []


# --- lower-case notes: a body's keyword and its place or its own name ---------------------------------
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("04h50 entrée via urgences chu rangueil : m. x", "chu rangueil"),
        ("sdf depuis 2022, connu du cmp villejeanais. idées suicidaires", "cmp villejeanais"),
        ("emir 9a suivi au cmp enfants croix-rousse (troubles du sommeil)", "cmp enfants croix-rousse"),
        ("a rdv caf du rhône le 28/11 à 14h", "caf du rhône"),
        ("orientation restos du coeur vénissieux + colis", "restos du coeur vénissieux"),
    ],
)
def test_lower_case_body_and_place_is_hopital(detector: object, text: str, body: str) -> None:
    assert body in values_of(detector, text, "HOPITAL")


@pytest.mark.parametrize(
    "text",
    [
        "suivi au cmp depuis mars, rdv cmp demain matin",
        "ehpad accepte le dossier. chu appelé ce jour.",
        "caf versée le 5, cpam relancée",
        "clinique rassurante, pmi contactée",
    ],
)
def test_lower_case_body_before_ordinary_word(detector: object, text: str) -> None:
    assert values_of(detector, text, "HOPITAL") == []


# --- a hyphenated commune written bare -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("réunion mardi : projet sortie ski Saint-Lary-Soulan vacances fév", "Saint-Lary-Soulan"),
        ("Bénéficiaire : Mme X – Villeneuve-lès-Avignon\n\n[14/03] Bonjour", "Villeneuve-lès-Avignon"),
        ("Provenance : domicile, La Chapelle-sur-Erdre. Entrée le 19 août", "La Chapelle-sur-Erdre"),
    ],
)
def test_bare_hyphenated_commune_is_ville(detector: object, text: str, town: str) -> None:
    assert town in values_of(detector, text, "VILLE")


@pytest.mark.parametrize(
    "text",
    [
        "Échelle de Brunet-Lézine révisée : QD global 72",
        "syndrome de Guillain-Barré probable, PL prévue",
        "appel de Jean-Pierre ce matin",
    ],
)
def test_eponyms_and_compound_first_names_are_not_ville(detector: object, text: str) -> None:
    assert values_of(detector, text, "VILLE") == []


# --- a practice named by one place-like word; a body over a hyphenated commune ---------------------------
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("IDE : Cabinet infirmier Bellevue – Mme X", "Cabinet infirmier Bellevue"),
        ("1re séance au Cabinet de kinésithérapie Vauban – G. L", "Cabinet de kinésithérapie Vauban"),
        ("caisse : CPAM Roubaix-Tourcoing – CSS en cours", "CPAM Roubaix-Tourcoing"),
    ],
)
def test_practice_and_body_named_by_a_place(detector: object, text: str, body: str) -> None:
    assert body in values_of(detector, text, "HOPITAL")


def test_two_communes_joined_by_a_hyphen_are_not_one_commune(detector: object) -> None:
    # a crossing names two communes; the hyphenated rule takes only a name the commune list holds whole
    assert "Ajaccio-Marseille" not in values_of(detector, "vol Ajaccio-Marseille annulé, retour par bateau", "VILLE")
