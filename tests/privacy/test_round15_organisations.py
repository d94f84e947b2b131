"""Round 15 (organisations): shelters and social places named after their kind, bodies written out
in full and closed by their département, facilities with a lower-case adjective before their name.

Invented values only (structure names made up; real département and commune names, since the rules
need a known territory). Each positive case asserts the exact ``HOPITAL`` span; each negative case
asserts that no ``HOPITAL`` span covers the given words.
"""

from __future__ import annotations

import pytest

from avec.privacy.detection import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def _hopital(detector: Detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect(text) if s.label == "HOPITAL"]


POSITIVE = [
    # shelters, day centres and meeting places named after their kind
    ("Réponse : place proposée à la Halte de nuit Gambier, arrivée avant 23h.", "Halte de nuit Gambier"),
    ("Place dispo à l'abri Saint-Roch, il peut y aller avant 21h30.", "abri Saint-Roch"),
    ("[23:10] Abri Vauquelin (veille) : M. X bien arrivé.", "Abri Vauquelin"),
    ("ORIENTE HALTE FEMMES MONTREUIL / 19:51", "HALTE FEMMES MONTREUIL"),
    ("Orientation vers l'accueil de nuit Paul Bert pour ce soir.", "accueil de nuit Paul Bert"),
    ("Service Domiciliation – Point d'accueil Sainte-Anne", "Point d'accueil Sainte-Anne"),
    ("Les visites ont lieu à l'espace rencontre Le Trait d'Union, un samedi sur deux.",
     "espace rencontre Le Trait d'Union"),
    ("2e choix : Maison d'accueil Saint-Vincent, à voir avec la famille.", "Maison d'accueil Saint-Vincent"),
    ("Établissement sollicité : Communauté thérapeutique du Plateau, 19000 Tulle",
     "Communauté thérapeutique du Plateau"),
    ("Ouverture exceptionnelle : gymnase de la Roseraie, 9 rue X", "gymnase de la Roseraie"),
    # bodies written out in full and closed by their département or region
    ("Destinataire : Service Pénitentiaire d'Insertion et de Probation de la Sarthe",
     "Service Pénitentiaire d'Insertion et de Probation de la Sarthe"),
    ("et à la Commission départementale des soins psychiatriques du Gard.",
     "Commission départementale des soins psychiatriques du Gard"),
    ("Adressée à : Direction Enfance-Famille de l'Hérault — Service des admissions",
     "Direction Enfance-Famille de l'Hérault"),
    ("Convention avec la Banque alimentaire du Cher à renouveler.", "Banque alimentaire du Cher"),
    ("AVIS REÇUS – Service départemental de PMI du Cantal", "Service départemental de PMI du Cantal"),
    ("Dispositif d'appui à la coordination des Landes – antenne Sud",
     "Dispositif d'appui à la coordination des Landes"),
    ("Centre de radiothérapie et d'oncologie du Var Est - tél 04",
     "Centre de radiothérapie et d'oncologie du Var Est"),
    # a facility's keyword, a lower-case adjective, then its name
    ("diagnostic posé en 2012 (Hôpital neurologique Paul Verne, Bron).", "Hôpital neurologique Paul Verne"),
    ("ORIENTATION : Institut cardiovasculaire de Saint-Brice, arrivée 03:05",
     "Institut cardiovasculaire de Saint-Brice"),
    ("site Hôpital civil de Meyrieu - filtre : CS", "Hôpital civil de Meyrieu"),
    ("CH RÉGIONAL – CSAPA hospitalier de Kerval\nPROTOCOLE", "CSAPA hospitalier de Kerval"),
    # national charities alone or with their branch; employment and training networks with their branch
    ("domicilié au CCAS plutôt qu'au Secours catholique ?", "Secours catholique"),
    ("signalement Armée du Salut (maraude) le 06/09", "Armée du Salut"),
    ("Groupe d'entraide Vie Libre Guéret (contact M. X).", "Vie Libre Guéret"),
    ("RDV Pôle emploi de Vierzon Sud, viendra demain 8h30.", "Pôle emploi de Vierzon Sud"),
    ("formation CACES au centre AFPA de Brive-la-Gaillarde, obtenue.", "AFPA de Brive-la-Gaillarde"),
    ("bilan avec sa formatrice de l'IRTS Bretagne, Mme X.", "IRTS Bretagne"),
    ("un signalement a été fait au CEIP-A de Caen.", "CEIP-A de Caen"),
    # a firm named after its trade, after "chez"
    ("préparateur de commandes chez Logistique Aubrac, horaires d'équipe", "Logistique Aubrac"),
    ("dit qu'il sortait d'une mission chez Intérim Littoral, bon montré.", "Intérim Littoral"),
    ("apprenti chez Menuiserie Combe et Fils depuis mars", "Menuiserie Combe et Fils"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_organisation_found(detector: Detector, text: str, expected: str) -> None:
    assert expected in _hopital(detector, text)


NEGATIVE = [
    # the idiom "à l'abri", a halt, a sentence after "abri"
    ("Il a été mis à l'abri du froid cette nuit.", "abri du froid"),
    ("mise à l'abri Ce soir impossible, rappeler.", "abri Ce"),
    ("On reste à l'abri Demain on verra.", "abri Demain"),
    ("Halte de nuit demandée, pas de place.", "Halte de nuit"),
    ("halte aux écrans le soir conseillée", "halte aux écrans"),
    # a State administration of a département, a body with no territory, a region heading a hospital
    ("DIRECTION INTERDÉPARTEMENTALE DE LA POLICE NATIONALE DU CHER", "POLICE NATIONALE"),
    ("Service des urgences, vu par l'interne.", "Service des urgences"),
    ("Association des usagers de la santé, réunion jeudi.", "Association des usagers"),
    # a national body, an ordinary adjective without a name
    ("Hôpital régional sans nom dans ce courrier.", "Hôpital régional"),
    ("Institut national du cancer : recommandations 2023.", "Institut national"),
    # networks without their branch, ordinary phrases, the Red Cross alone
    ("inscrit à France Travail, ARE non ouverte.", "France Travail"),
    ("un morceau de mie de pain au goûter.", "mie de pain"),
    ("Croix-Rouge livre un berceau jeudi.", "Croix-Rouge"),
    ("formation AFPA prévue en mars.", "AFPA"),
    # "chez" and a person, a trade alone
    ("il dort chez Martin Dupont depuis lundi.", "Martin"),
    ("voiture laissée chez Garage.", "Garage"),
]


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_no_organisation(detector: Detector, text: str, words: str) -> None:
    start = text.index(words)
    end = start + len(words)
    spans = [s for s in detector.detect(text) if s.label == "HOPITAL"]
    assert not any(s.start < end and start < s.end for s in spans), [text[s.start : s.end] for s in spans]
