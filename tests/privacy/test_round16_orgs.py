"""Round 16 (organisations): local service firms named by a trade word or a brand are one ``HOPITAL``.

Taxi and ambulance firms with the trade word, mutual insurers by their name, home-help (SAAD) and
remote-alarm services, intercommunal bodies closing on "Communauté", fire-brigade dispatch centres by
their number (``service_firms.py``). Values are invented.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # taxi and ambulance firms, the trade word included
        ("Retour à domicile en taxi (Taxis Vésuliens), bon de transport remis.", "Taxis Vésuliens"),
        ("VSL à réserver chez Ambulances Garonne Sud (05 61 22 33 44).", "Ambulances Garonne Sud"),
        ("transfert aux urgences par Ambulances Kerbrat, départ 17h10", "Ambulances Kerbrat"),
        ("|4   |Lucciana     |VSL Taxi Orsini        |04 95 11 22 33 |", "Taxi Orsini"),
        ("PRISE EN CHARGE PAR AMBULANCES VEXIN SERVICES A 9H", "AMBULANCES VEXIN SERVICES"),
        ("Deuxième société sollicitée (Taxis-Ambulances Bocains) : refus.", "Taxis-Ambulances Bocains"),
        # a firm named after its owner is now the firm whole (round 16 writers), the surname inside it
        ("Retour au domicile par les Ambulances Lefranc vers 16h.", "Ambulances Lefranc"),
        ("Transport assuré par Taxi Le Bihan (conventionné).", "Taxi Le Bihan"),
        ("Entreprise : Taxis Fournier — conventionnement", "Taxis Fournier"),
        # mutual insurers by their name
        ("mutuelle : Mutuelle Familiale du Vexin, numéro adhérent 5512", "Mutuelle Familiale du Vexin"),
        ("Organisme complémentaire : Mutuelle Granit Santé — accord PEC", "Mutuelle Granit Santé"),
        ("Mutuelle : Horizon Mutuelle\nCaisse : CPAM", "Horizon Mutuelle"),
        # home-help services
        ("AIDE À DOMICILE EN PAYS BIGOUDEN — SAAD\n4 rue de la Gare", "AIDE À DOMICILE EN PAYS BIGOUDEN"),
        ("Les factures de l'association Aide à domicile Vannes Ouest seront réglées.", "Aide à domicile Vannes Ouest"),
        ("SAAD Armor Services à la Personne renforcé le matin.", "Armor Services à la Personne"),
        ("N° utiles : fille 06 22 19 57 43 / Ardèche Services Domicile 04 75 02 38 91", "Ardèche Services Domicile"),
        # remote-alarm centres
        ("Centre d'écoute Vigie Atlantique\nAbonnée : n° 5521", "Vigie Atlantique"),
        ("Téléassistance : Présence Bleue – installation le 02/04", "Présence Bleue"),
        ("VEILLE SÉRÉNITÉ LORRAINE – Téléassistance 24h/24\nCentrale : 03 88 00 00 00", "VEILLE SÉRÉNITÉ LORRAINE"),
        # intercommunal bodies and dispatch centres
        ("le portage de repas assuré par Cœur de Savoie Communauté (mardi et vendredi)", "Cœur de Savoie Communauté"),
        ("10:09 Engagement VSAV (via CODIS 35)", "CODIS 35"),
        ("TRANSMISSION BILAN CTA-CODIS 56 -> SAMU", "CTA-CODIS 56"),
    ],
)
def test_service_firm_is_one_hopital_span(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # transport descriptions, not firms
        ("Retour en Taxi Conventionné prévu à 15h.", "Conventionné"),
        ("AMBULANCE PREVUE A 14H POUR LE RETOUR", "PREVUE"),
        ("Transport : Ambulances Privées de garde à appeler", "Privées"),
        # a mutual's kind or a national brand alone, a function key
        ("MUTUELLE SANTE CSS en cours", "SANTE"),
        ("F5=Couverture  F7=Mutuelle  F9=Historique", "Mutuelle"),
        # a person after "aide à domicile", a heading in capitals, a sentence
        ("Aide à domicile Sandrine passe le matin.", "domicile"),
        ("DEMANDE D'ADMISSION EN COMMUNAUTÉ THÉRAPEUTIQUE", "ADMISSION"),
        ("JOURNAL D'ALERTES – TÉLÉASSISTANCE\nCentrale d'écoute", "JOURNAL"),
        ("Planning – Aide à domicile\nSemaine 12", "Planning"),
        ("Téléassistance : oui, installée en mars.", "oui"),
    ],
)
def test_ordinary_words_stay(detector: Detector, text: str, word: str) -> None:
    start = text.index(word)
    assert not any(s.start <= start < s.end and s.label == "HOPITAL" for s in detector.detect(text))


def test_owner_surname_is_masked_inside_the_firm(detector: Detector) -> None:
    """ "Taxi M. Roux": the driver's title stops the firm, his surname stays a person."""
    text = "Taxi M. Perrault appelé pour 14h."
    result = found(detector, text)
    assert not any(label == "HOPITAL" for _span, label in result)
    assert ("Perrault", "NOM") in result
