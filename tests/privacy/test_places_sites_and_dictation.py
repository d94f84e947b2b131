"""Places after the blind15/blind17 round: hospital sites known by their own name, facilities
written in lower case (dictation, messages) or with HTML entities, a centre named by its specialty,
residences that are homes; number ranges and titled persons in street names, localities and lower-case
lieux-dits, a commune written after the street; foreign birthplaces and where a person comes from,
lower-case communes after "à", a town after an emergency team, short forms of compound communes.
Each family has cases that must be found and cases that must be left alone (medical words, ordinary
words, persons). Sentences written for these tests, with other names and places than the held-out sets.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector

PLACE_LABELS = {"HOPITAL", "ADRESSE", "VILLE", "ZIP"}


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        # hospital sites named after a person or a place, without a keyword
        ("Transfert à Purpan pour coronarographie ce soir.", "Purpan", "HOPITAL"),
        ("Hospitalisée à Rangueil en mars, suites simples.", "Rangueil", "HOPITAL"),
        ("CHU de Lille – site Claude Huriez – service de neurologie", "Claude Huriez", "HOPITAL"),
        ("Revue en consultation à Lapeyronie le mois dernier.", "Lapeyronie", "HOPITAL"),
        ("Adressé par le CHU de Nancy (Brabois) pour avis.", "Brabois", "HOPITAL"),
        ("Il a été opéré à Charles Nicolle il y a deux ans.", "Charles Nicolle", "HOPITAL"),
        ("si besoin transfert à l'HEGP ou au NHC selon les places", "NHC", "HOPITAL"),
        # a centre named by its specialty, a national blood body with its region
        ("Bilan au Centre Cardiologique du Nord, puis retour à domicile.", "Centre Cardiologique du Nord", "HOPITAL"),
        ("Devis du Centre Dentaire Sourire Plus, Lorient.", "Centre Dentaire Sourire Plus", "HOPITAL"),
        ("Appeler l'EFS Bretagne avant la transfusion.", "EFS Bretagne", "HOPITAL"),
        # lower-case facilities in dictation and messages
        ("suivie au centre hospitalier de bretagne-sud virgule", "centre hospitalier de bretagne-sud", "HOPITAL"),
        ("entrée à la clinique sainte anne et saint rémi demain", "clinique sainte anne et saint rémi", "HOPITAL"),
        ("puis rééducation à la clinique belharra jusqu'au 4", "clinique belharra", "HOPITAL"),
        ("elle est passée par l'hopital de la roseraie hier", "hopital de la roseraie", "HOPITAL"),
        ("rdv au chu nantes mardi puis retour maison", "chu nantes", "HOPITAL"),
        ("retour à l'ehpad kerampuil ce soir", "ehpad kerampuil", "HOPITAL"),
        # HTML entities inside a facility name; two facilities in one ALL-CAPS sentence
        ("Sortie vers la Clinique Les Gen&ecirc;ts (SSR) le 12.", "Clinique Les Gen&ecirc;ts", "HOPITAL"),
        (
            "BONJOUR JE SERAI OPEREE A LA CLINIQUE DES CEDRES OU A L HOPITAL NORD A TOULOUSE EN MARS MERCI",
            "CLINIQUE DES CEDRES",
            "HOPITAL",
        ),
        (
            "BONJOUR JE SERAI OPEREE A LA CLINIQUE DES CEDRES OU A L HOPITAL NORD A TOULOUSE EN MARS MERCI",
            "HOPITAL NORD",
            "HOPITAL",
        ),
        # a residence that is a home, a residence that is a facility
        (
            "Domicile : Impasse des Ajoncs, Résidence Le Grand Large, bât. D, 56000 Vannes",
            "Résidence Le Grand Large, bât. D",
            "ADRESSE",
        ),
        ("passage chez mme Kervella, résidence les Camélias appt 4 à Riec", "résidence les Camélias", "ADRESSE"),
        ("demande d'admission en résidence accueil Le Phare en cours", "résidence accueil Le Phare", "HOPITAL"),
        # addresses: number ranges, titled persons in street names, weak types after a label
        ("Adresse : 4-6 rue des Tanneurs, 67000 Strasbourg", "4-6 rue des Tanneurs", "ADRESSE"),
        ("Secrétariat : 3 rue du Docteur Émile Roux – 49000 Angers", "3 rue du Docteur Émile Roux", "ADRESSE"),
        ("Siège : 5 place du Général Marcel Bigeard, 54000 Nancy", "5 place du Général Marcel Bigeard", "ADRESSE"),
        ("Domicile : quartier Moulin, 2 impasse Coco, 97300 Cayenne", "quartier Moulin, 2 impasse Coco", "ADRESSE"),
        ("Adresse : Section Bellevue, 97129 Lamentin", "Section Bellevue", "ADRESSE"),
        # a locality between the street and the postal code; named houses and lieux-dits
        ("Adresse : 8 impasse Lataniers, Ravine des Cabris, 97432 Saint-Pierre", "Ravine des Cabris", "ADRESSE"),
        ("3) m. etcheverry maison Bidartea, chemin d'Olha, pansement", "maison Bidartea, chemin d'Olha", "ADRESSE"),
        ("domicilié lieu-dit kerhuel à plouguin virgule", "lieu-dit kerhuel", "ADRESSE"),
        ("demeurant hameau de tralonca 20250 corte point", "hameau de tralonca", "ADRESSE"),
        # a commune written right after the street
        ("Médecin traitant : Dr Benali, 8 bd Voltaire Pantin, 01 48 40 00 00", "8 bd Voltaire", "ADRESSE"),
        ("Médecin traitant : Dr Benali, 8 bd Voltaire Pantin, 01 48 40 00 00", "Pantin", "VILLE"),
        ("il veut rentrer rue des Mouettes 🙂 demain", "rue des Mouettes", "ADRESSE"),
        # dictation: a spelled-out street number after a home word, a lower-case street after one
        ("patiente demeurant quatorze rue des tanneurs à quimper virgule", "quatorze rue des tanneurs", "ADRESSE"),
        (
            "il habite au trente-six bis boulevard gambetta point à la ligne",
            "trente-six bis boulevard gambetta",
            "ADRESSE",
        ),
        ("elle habite avenue de keradennec virgule seule", "avenue de keradennec", "ADRESSE"),
        # foreign birthplaces and where a person comes from
        ("né le 3 juin 1975 à Coimbra (Portugal), arrivé en 2001", "Coimbra", "VILLE"),
        ("sa cousine venue de Tlemcen pour l'été", "Tlemcen", "VILLE"),
        ("il parle de la ferme près de Béjaïa où il a grandi", "Béjaïa", "VILLE"),
        ("elle est nee le 4 mars 1940 a tlemcen en algerie", "tlemcen", "VILLE"),
        # lower-case communes after "à", a town after an emergency team, a compound commune's short form
        ("rendez-vous pris à quimperlé chez le cardiologue", "quimperlé", "VILLE"),
        ("fait à ajaccio le douze mars", "ajaccio", "VILLE"),
        ("Appel reçu : intervention du SMUR Lannion pour une douleur thoracique.", "Lannion", "VILLE"),
        ("Elle passe l'été à Lamalou chez sa sœur.", "Lamalou", "VILLE"),
        ("Cure thermale à Luxeuil en mai.", "Luxeuil", "VILLE"),
    ],
)
def test_place_found(detector: Detector, text: str, span: str, label: str) -> None:
    assert (span, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        # persons carrying a site's name, streets named after them, eponyms
        ("Courrier du Dr Charles Nicolle, pneumologue.", "Charles Nicolle"),
        ("Consultation avec M. Oscar Lambret ce matin.", "Oscar Lambret"),
        # a one-word site name beside a first name is a person's surname
        ("Présents : Purpan Hélène, Rangueil Marc.", "Purpan"),
        ("Présents : Purpan Hélène, Rangueil Marc.", "Rangueil"),
        ("aphasie de Broca et maladie de Dupuytren connues", "Broca"),
        ("aphasie de Broca et maladie de Dupuytren connues", "Dupuytren"),
        # "clinique" as an adjective, a hospital of the town or of the day
        ("examen clinique rassurant, tableau clinique stable", "clinique rassurant"),
        ("examen clinique ras ce jour", "clinique ras"),
        ("retour vers l'hôpital de la ville puis hôpital de jour", "hôpital de la ville"),
        # a centre that is no facility name, a street type as an ordinary noun
        ("Le centre technique a rappelé.", "centre technique"),
        ("dans le quartier Nord de la ville", "quartier Nord"),
        # "à" before ordinary words, drugs and abbreviations
        ("à jeun, à domicile, à distance, à nouveau, passage à kardegic", "jeun"),
        ("à jeun, à domicile, à distance, à nouveau, passage à kardegic", "kardegic"),
        # a field label after a number is no commune
        ("Réf. 75012     NDA : 2233445\nSortie le 02/03", "NDA"),
    ],
)
def test_place_left_alone(detector: Detector, text: str, not_place: str) -> None:
    places = [t for t, label in found(detector, text) if label in PLACE_LABELS]
    assert not any(not_place in t for t in places), places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the street keeps its number and its titled person; the postal code and commune stay apart
        (
            "Adresse : 4-6 rue des Tanneurs, 67000 Strasbourg",
            [("4-6 rue des Tanneurs", "ADRESSE"), ("67000", "ZIP"), ("Strasbourg", "VILLE")],
        ),
        (
            "Médecin traitant : Dr Benali, 8 bd Voltaire Pantin, 01 48 40 00 00",
            [("8 bd Voltaire", "ADRESSE"), ("Pantin", "VILLE")],
        ),
        # a commune with its postal code later on the line stays out of the street
        (
            "Adresse : 9 rue Claude Thouars, 75011 Paris",
            [("9 rue Claude Thouars", "ADRESSE"), ("75011", "ZIP"), ("Paris", "VILLE")],
        ),
    ],
)
def test_place_bounds(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    places = [(t, label) for t, label in found(detector, text) if label in PLACE_LABELS]
    assert places == expected


# After the blind16 round (administrative, social and legal papers): the same kinds of places in
# letterheads, forms, tables and postal blocks.
@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        # Latin letters beyond French (Œ, ș, ł) in communes and birthplaces
        ("Domicile : 4 rue Haute, 57600 ŒTING ;\nTél : 03 87 00 00 00", "ŒTING", "VILLE"),
        ("Lieu de naissance : Timișoara (Roumanie)\nNationalité : roumaine", "Timișoara", "VILLE"),
        # a one-letter Corsican article in a housing estate; a business park
        (
            "adresse : Lotissement U Pratu, route de Bastia 20600 FURIANI",
            "Lotissement U Pratu, route de Bastia",
            "ADRESSE",
        ),
        ("Siège : ZAC des Portes de l'Océan, 44800 Saint-Herblain", "ZAC des Portes de l'Océan", "ADRESSE"),
        # a commune after an explicit label, after a form's "à :", after a public building
        ("Transport assis (commune de Pietracorbara) le 3/11", "Pietracorbara", "VILLE"),
        ("Né le : 3 mars 1950 à : Périgueux\nDomicile :", "Périgueux", "VILLE"),
        ("Référent : M. Caro (secteur collège de Quimperlé) — joignable", "Quimperlé", "VILLE"),
        # a commune after a facility and an em dash in a letterhead
        ("Clinique des Fleurs — Perpignan\nService de chirurgie", "Perpignan", "VILLE"),
        # a city that is also a first name, settled by its country
        ("née le 02/03/1960 à Florence (Italie), retraitée", "Florence", "VILLE"),
        # facility acronyms and qualifiers
        ("aide au lever par l'ADMR Val d'Orge le matin", "ADMR Val d'Orge", "HOPITAL"),
        ("orientation vers le CMP adolescents de Pontivy en janvier", "CMP adolescents de Pontivy", "HOPITAL"),
        ("Ordonnance du Dr Le Guen (CHIVA), renouvelée pour trois mois.", "CHIVA", "HOPITAL"),
        # an EHPAD where the person lives stays a facility, its street stays apart
        ("demeurant EHPAD Les Charmes, 4 rue Haute, 68000 Colmar", "EHPAD Les Charmes", "HOPITAL"),
        ("demeurant EHPAD Les Charmes, 4 rue Haute, 68000 Colmar", "4 rue Haute", "ADRESSE"),
        # a residence with a door code, a residence line in a postal block
        ("VAD – Résidence Les Tamaris, code porte 1234, 2e étage", "Résidence Les Tamaris", "ADRESSE"),
        ("Mme Anne Roux\nRésidence Le Belvédère\n8 rue Haute\n13001 Marseille", "Résidence Le Belvédère", "ADRESSE"),
        # street then commune in a table cell
        ("DUPUIS Marc ; 5 rue Carnot Vannes ; Dr Allain ; PARACETAMOL", "5 rue Carnot", "ADRESSE"),
        ("DUPUIS Marc ; 5 rue Carnot Vannes ; Dr Allain ; PARACETAMOL", "Vannes", "VILLE"),
        # where a person died, a street asked about in a message
        ("Il pleure depuis le décès de sa sœur à Antalya l'hiver dernier.", "Antalya", "VILLE"),
        ("Son père est décédé à Oujda en 2019.", "Oujda", "VILLE"),
        ("c bien au 12 allée des Saules ? merci", "12 allée des Saules", "ADRESSE"),
        # places of the overseas départements, psychiatric hospitals known by their own name
        ("Domicile : Morne Vert, 97226 Le Morne-Vert. Vit avec son fils.", "Morne Vert", "ADRESSE"),
        ("Adresse : Habitation Dizac, 97223 Le Diamant", "Habitation Dizac", "ADRESSE"),
        ("Hospitalisé à Perray-Vaucluse puis suivi au CMP.", "Perray-Vaucluse", "HOPITAL"),
        # a postal block whose street line is a lieu-dit without a number
        ("M. Jean Morel\nLe Bourg\n29870 Landéda\n\nObjet : suivi", "Le Bourg", "ADRESSE"),
    ],
)
def test_administrative_place_found(detector: Detector, text: str, span: str, label: str) -> None:
    assert (span, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an em dash ends the street; "et" between two capitalised words stays inside it
        (
            "Adresse : 7 allée des Pins — 33600 Pessac",
            [("7 allée des Pins", "ADRESSE"), ("33600", "ZIP"), ("Pessac", "VILLE")],
        ),
        (
            "Secrétariat : 3 rue Pierre et Marie Curie, 35000 Rennes",
            [("3 rue Pierre et Marie Curie", "ADRESSE"), ("35000", "ZIP"), ("Rennes", "VILLE")],
        ),
        ("Il habite rue Nationale et vient demain.", [("rue Nationale", "ADRESSE")]),
        # a body's name above its postal code is no street
        (
            "Caisse d'Allocations Familiales du Var\n83000 TOULON\n\nMadame,",
            [("Caisse d'Allocations Familiales du Var", "HOPITAL"), ("83000", "ZIP"), ("TOULON", "VILLE")],
        ),
        # spelled-out numbers before street words without a home word; a street word as a noun
        ("il reste deux rue à traverser et les sept cours de yoga", []),
        ("elle habite dans la rue principale", []),
        # a lower-case "ch" or "ehpad" before an ordinary word or a small commune without "de"
        ("le ch quimperlé a appelé ; l'ehpad demain matin", []),
        # overseas place words as ordinary nouns, an anatomical loop, isotopes after a number
        ("une ravine Sèche et une habitation Principale", []),
        ("Réabsorption dans l'anse de Henle ascendante.", []),
        ("formation du noyau 12552Te par émission bêta", []),
        # a word after "décès" without "à" is no place
        ("Décès de Mme Rose en 2019.", []),
        # committees and chemotherapy protocols are no hospitals
        ("Réunion du CHSCT le 3 mars ; protocole R-CHOP puis CHOP seul.", []),
    ],
)
def test_administrative_place_bounds(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    places = [(t, label) for t, label in found(detector, text) if label in PLACE_LABELS]
    assert places == expected
