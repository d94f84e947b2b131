"""Person names in layouts first met on blind sets 9-11 (signatures before a job acronym, initials
with an ordinary-word surname, Vietnamese and Chinese names, lower-case notes, OCR damage), and
the medical words, products, acronyms and ordinary words these rules must leave alone.
Every sentence here is written for the test, none is copied from a test set."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import PERSON_LABELS, found

from avec.privacy.detection import Detector


def names(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(t, lab) for t, lab in found(detector, text) if lab in PERSON_LABELS]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Staff signatures: a first name before a care acronym, or alone at the end of a note.
        ("Toilette faite, patient apaisé. Aïcha AS\n", [("Aïcha", "PRENOM")]),
        ("Pansement refait. Ludivine IDE matin\n", [("Ludivine", "PRENOM")]),
        ("Repas pris en totalité. Mélanie\n\nJeudi : RAS", [("Mélanie", "PRENOM")]),
        # Initials before an ordinary-word surname, with or without a title, in a table cell.
        (
            "Compte rendu relu par : M. Chevalier et J. Page, pharmacien",
            [("Chevalier", "NOM"), ("J.", "PRENOM"), ("Page", "NOM")],
        ),
        ("Avis demandé au Dr R. Vacher pour la plaie.", [("R.", "PRENOM"), ("Vacher", "NOM")]),
        ("| 03/05 | Chute sans gravité | K. Diallo |", [("K.", "PRENOM"), ("Diallo", "NOM")]),
        ("Merci pour votre aide.\nB. Rose\n", [("B.", "PRENOM"), ("Rose", "NOM")]),
        ("Visé : Th. Lemaire\n", [("Th.", "PRENOM"), ("Lemaire", "NOM")]),
        # A first name then an ordinary word: the surname, after a relation or a title.
        ("Présence de son neveu Julien Lion ce matin.", [("Julien", "PRENOM"), ("Lion", "NOM")]),
        ("Contact : voisine (M Blanc), clé chez elle.", [("Blanc", "NOM")]),
        # Vietnamese and Chinese names: diacritics, family name first or last.
        ("Entrée de M. Trần Văn Hùng, 79 ans.", [("Trần", "NOM"), ("Văn Hùng", "PRENOM")]),
        ("Consultation de Mme Thị Lan Nguyễn ce jour.", [("Thị Lan", "PRENOM"), ("Nguyễn", "NOM")]),
        ("Avis du Dr Pham Quang Huy demandé.", [("Pham", "NOM"), ("Quang Huy", "PRENOM")]),
        ("Courrier adressé à Mme Sophie Lê.", [("Sophie", "PRENOM"), ("Lê", "NOM")]),
        ("Elle vient avec son fils Wei, qui traduit.", [("Wei", "PRENOM")]),
        # Children listed with their age.
        ("Enfants : Moussa (9 ans), Awa (2 ans).", [("Moussa", "PRENOM"), ("Awa", "PRENOM")]),
        ("Une petite sœur, Ngọc, 3 ans, gardée par la grand-mère.", [("Ngọc", "PRENOM")]),
        # Job words before a name, job labels with a qualifier.
        ("Vu avec l'IDE Clémentine ce matin.", [("Clémentine", "PRENOM")]),
        ("Cadre de nuit : Sébastien Roux", [("Sébastien", "PRENOM"), ("Roux", "NOM")]),
        # Lower-case notes.
        ("renouvellement fait, transmis à ludivine pour la tournée.", [("ludivine", "PRENOM")]),
        ("piluliers préparés pour la semaine. ghislaine\n", [("ghislaine", "PRENOM")]),
        ("15/04 : mme roux mauricette, pas de livraison samedi", [("roux", "NOM"), ("mauricette", "PRENOM")]),
        ("appel du médecin, ok pour la suite. j-m\n", [("j-m", "PRENOM")]),
        ("voisine passée (josiane), a laissé des courses", [("josiane", "PRENOM")]),
        ("Appel de son frère thierry lemoine hier.", [("thierry", "PRENOM"), ("lemoine", "NOM")]),
        ("bonjour sylvain,\npeux-tu passer ?", [("sylvain", "PRENOM")]),
        ("Objet : RE: Mme K. – demande de visite", [("K.", "NOM")]),
        ("Reçue ce jour Pauline DE LA ROCHE pour bilan.", [("Pauline", "PRENOM"), ("DE LA ROCHE", "NOM")]),
        # Nicknames in quotes, an initial after a first name, an unknown first name first.
        ("Son oncle Marcel, dit « Tintin », est passé.", [("Marcel", "PRENOM"), ("Tintin", "PRENOM")]),
        ("Transmis par Sandrine P. ce soir.", [("Sandrine", "PRENOM"), ("P.", "NOM")]),
        # OCR damage.
        ("Vue en consultation MonsieurLEFEBVRE ce jour.", [("LEFEBVRE", "NOM")]),
        ("Dr Fran çoise Aubry\n", [("Fran çoise", "PRENOM"), ("Aubry", "NOM")]),
        ("Opérée par le Dr Lemon-\nnier le 3 mai.", [("Lemon-\nnier", "NOM")]),
        ("Patiente : Mme ROUSSEL Marie-\nHélène, 71 ans", [("ROUSSEL", "NOM"), ("Marie-\nHélène", "PRENOM")]),
        ("Transmis au cabinet Garnier & Lion.", [("Garnier", "NOM"), ("Lion", "NOM")]),
    ],
)
def test_person_names_in_new_layouts(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert names(detector, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Eponyms as a surgical approach, a sign's result, a class, a compound eponym.
        "Abord par voie postérieure de Kocher, puis prothèse de Moore.",
        "Fosse lombaire douloureuse (Giordano +), Lasègue négatif à droite.",
        "Fracture bimalléolaire Weber B, plâtre 6 semaines.",
        "Purpura rhumatoïde de type Henoch-Schönlein chez l'enfant.",
        "Ligamentoplastie (Kenneth-Jones) il y a deux ans.",
        # Products: pain scales, contrast agents, dressings, mattresses, software.
        "Douleur évaluée par Algoplus à 2/5, Doloplus à 10.",
        "IRM après injection de Dotarem, puis scanner avec Omnipaque.",
        "Plaie détergée, Mepilex Ag puis Urgotul tous les trois jours.",
        "Matelas Axtair installé hier.",
        "Référence Portalis ABCD-X-12Y-ZZ99 du tribunal.",
        # Job and service acronyms, offices.
        "Prévenir l'IDEC. Transmis à l'IDEL. Retour prévu en SMR.",
        "De : Secrétariat SSR <accueil@exemple.fr>",
        "À : SMR Les Peupliers <contact@exemple.fr>",
        # Sloppy abbreviations and ordinary words in lower case.
        "demain si ok pr se lever et voir le dr svp",
        "la patiente dit à sa fille de rappeler. douleur\n",
        "sa fille est venue, son fils aîné aussi. bonjour docteur,\nmerci beaucoup,\n",
        "Vu Marine HTA connue, pas de RCP.",
        "traitement habituel (aspirine), bilan (nfs) fait",
        # Countries are not first names.
        "Arrivée en France en 2012, puis séjour en Argentine.",
        # Ages after ordinary words and places.
        "Suivi en hôpital de jour (3 ans), traitement (6 mois).",
        "Entreprise Soins & Santé, Recherche & Développement.",
        "Atelier « Jardin » le mardi, dit « Bonjour » en entrant.",
    ],
)
def test_medical_and_ordinary_words_are_not_names(detector: Detector, text: str) -> None:
    assert names(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A context still wins over the eponym and product lists.
        ("Vu par le Dr Moore ce matin.", [("Moore", "NOM")]),
        ("Mme Weber A. Dupont est sortie.", [("Dupont", "NOM")]),
    ],
)
def test_explicit_context_wins_over_protection(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    got = names(detector, text)
    assert all(item in got for item in expected)
