"""Places after the blind12/blind13 follow-up: communes after a doctor in parentheses, in a round of
visits, in lower case after a transfer or a facility; facilities named after their area, new
acronyms (GHR, CRA), a site over two communes; a shelter hotel; and what these rules must leave
alone (a maternity level, the emergency number "15", ordinary words). Sentences written for these
tests (not taken from the held-out sets)."""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector

PLACE_LABELS = {"HOPITAL", "ADRESSE", "VILLE", "ZIP"}


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.detect(text)]


def places(detector: Detector, text: str) -> list[str]:
    return [t for t, label in found(detector, text) if label in PLACE_LABELS]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a doctor's town in parentheses
        ("Patient adressé par le Dr Lemoine (Quimperlé) pour avis.", "Quimperlé"),
        ("Vue à la demande du Docteur Anne Guivarch (Landivisiau).", "Landivisiau"),
        # a doctor's town after a job title
        ("Dr Hervé Jacquet, médecin généraliste, Lamballe\nObjet : suivi", "Lamballe"),
        ("Dr Marc Ollivier, pneumologue, Saint-Brieuc", "Saint-Brieuc"),
        # overseas communes (filed by GeoNames under their own country codes)
        ("Dr Line Jean-Louis, médecin généraliste, Sainte-Rose\n", "Sainte-Rose"),
        ("NE LE 02/05/1961 A CAPESTERRE-BELLE-EAU\nNIR : 1 61 05", "CAPESTERRE-BELLE-EAU"),
        ("Patiente née à Baie-Mahault, vit au Gosier.", "Baie-Mahault"),
        # a round of visits in a chat or a note
        ("[10:02] Marc : je passe ensuite par Guipavas avant midi", "Guipavas"),
        ("ok, on fait d'abord Lannilis puis le cabinet", "Lannilis"),
        # lower-case communes after a transfer or a facility
        ("appel ehpad les mimosas (sarreguemines) pour une chute", "sarreguemines"),
        ("decision : transfert sur sarreguemines pour scanner", "sarreguemines"),
        ("transfere vers hagondange dans la nuit", "hagondange"),
        # facilities
        ("Courrier de l'EPSM de l'agglomération rouennaise, pôle adultes.", "EPSM de l'agglomération rouennaise"),
        ("Transfert au GHR Colmar Nord ce matin.", "GHR Colmar Nord"),
        ("Bilan diagnostique au CRA de Montpellier en 2021.", "CRA de Montpellier"),
        ("*** CHU DE NANTES/SAINT-HERBLAIN *** COMPTE RENDU", "CHU DE NANTES/SAINT-HERBLAIN"),
        # a housing estate or a named house after the street, one address
        ("Domicile : 7 chemin des Goyaviers, lotissement Belle-Anse, 97180 Sainte-Anne", None),
        ("Adresse : chemin de Loreto, villa Les Palmiers, 20000 Ajaccio.", None),
        ("ADRESSE : LOTISSEMENT LES CANNES 14 RUE DES ICAQUES 97122 BAIE-MAHAULT", "LOTISSEMENT LES CANNES"),
        # a shelter hotel used as an address
        ("Hébergée par le 115, Hôtel Bellevue, 4 rue de la Gare, 69007 Lyon.", "Hôtel Bellevue"),
    ],
)
def test_place_found(detector: Detector, text: str, place: str | None) -> None:
    if place is None:  # the whole part before the comma and the postal code
        place = text.split(": ", 1)[1].rsplit(",", 1)[0]
    assert place in places(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a parenthesis after a doctor that is no commune
        ("Avis du Dr Lemoine (gastro-entérologue) demandé.", "gastro-entérologue"),
        # a job title after a doctor, then an ordinary word
        ("Dr Hervé Jacquet, médecin généraliste, Absent ce jour", "Absent"),
        # a visit verb followed by a drug or an ordinary word
        ("je fais d'abord Doliprane puis on voit", "Doliprane"),
        # lower-case words after a transfer, in parentheses after a facility
        ("transfert sur brancard puis retour en chambre", "brancard"),
        ("appel ehpad les mimosas (porte fermée) à 2h", "porte fermée"),
        # an ordinary word after "villa" past the street is not part of the address
        ("Vit au 3 rue de la Gare, villa vide depuis mai.", "villa"),
        # a maternity level is no facility name
        ("ORIENTATION : MATERNITE NIVEAU 2 LE 03/04", "NIVEAU"),
        # a town hall or a ministry is no shelter hotel
        ("Rendez-vous à l'Hôtel de Ville, hébergement à voir.", "Hôtel de Ville"),
    ],
)
def test_word_left_alone(detector: Detector, text: str, word: str) -> None:
    assert not any(word in p for p in places(detector, text))


def test_emergency_number_is_no_date(detector: Detector) -> None:
    text = "si aggravation appeler le 15.\n04h10 appel de la fille"
    assert not [t for t, label in found(detector, text) if label.startswith("DATE")]


def test_day_after_other_verbs_still_a_date(detector: Detector) -> None:
    text = "rappeler le 15. Merci"
    assert ("15", "DATE") in found(detector, text)
    text = "revoir le 15/04 au cabinet"
    assert any(label == "DATE" for _t, label in found(detector, text))
