"""Round 17 (organisations): schools, hospital departments named in full, HPRIM headers, lab brands.

Schools named after a person with an elided "d'", in capitals after their article, a hamlet's school
named by an ordinary word, a compound first name and its surname, a school's number, the school
health centre (CMS) before it (``school_names.py``); capitalised departments and PMI services before
their facility (``facility_parts.py``); the sender and receiver of an HPRIM header (``hprim.py``); a
lab's brand in an all-caps text and all-caps unit kinds that are no name (``facilities.py``). Values
are invented.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found

from avec.privacy.detection import Detector


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # schools
        ("décrochage (CAP au lycée d'Estrevelle de Maubrunet interrompu en mars)", "lycée d'Estrevelle de Maubrunet"),
        ("INFIRMERIE LYCÉE PROFESSIONNEL DES GLYCINES (VANNES)", "LYCÉE PROFESSIONNEL DES GLYCINES"),
        ("- Noa, 7 ans, scolarisée à l'école primaire de Tortue, CE1", "école primaire de Tortue"),
        ("pas d'inscription à l'école élémentaire Mirandel 3 faute de place", "école élémentaire Mirandel 3"),
        ("Infirmière – Collège Jean-Marie Kervella, Lorient", "Collège Jean-Marie Kervella"),
        ("Scolarité : CM1, école Voltaire (Quimper), enseignant M. Tanguy", "école Voltaire"),
        ("Centre médico-scolaire – Lycée Lamartine\nMâcon", "Lycée Lamartine"),
        ("École : École maternelle Clos d'Arvor, 97410 Saint-Pierre", "École maternelle Clos d'Arvor"),
        ("Secteur Pontivy – CMS du collège Les Korrigans\n02 97 00 00 00", "CMS du collège Les Korrigans"),
        # departments written in full before their hospital
        ("Émetteur : Maternité du CH de Lannion – sage-femme de coordination", "Maternité du CH de Lannion"),
        (
            "bilan au Centre de référence des troubles des apprentissages du CHU de Tours. Un PAP",
            "Centre de référence des troubles des apprentissages du CHU de Tours",
        ),
        (
            "médecin au Centre de vaccinations internationales de l'Hôpital Lapeyronie, certifie",
            "Centre de vaccinations internationales de l'Hôpital Lapeyronie",
        ),
        ("Émetteur : Service de PMI de Dembéni\nDate : 03/02/2024", "Service de PMI de Dembéni"),
        ("Dr Rouxel, Hôpital de la Conception enfants, Marseille", "Hôpital de la Conception enfants"),
        # a local hospital's acronym after a ward or a transfer word; a charity; a Corsican home
        ("avis pris auprès du Dr Kerjean (réa CHB) : pas de lit", "CHB"),
        ("-> transfert CHV pour césarienne demandé", "CHV"),
        ("- orientation vers l'AFM-Téléthon, antenne de Brest.", "AFM-Téléthon"),
        ("MECS A Casa di i Fiori – Bastia\nNote", "MECS A Casa di i Fiori"),
        ("(RCP labellisée, 3C du Morbihan)", "3C du Morbihan"),
        ("GHU Paris Psychiatrie & Neurosciences — Site Sainte-Marthe\nIPP : 123", "Sainte-Marthe"),
        # lab brands
        ("H|\\^&|||BIOVALOR^NANTES|||||||P|H2.2|20240112093015\nP|1||A0099|", "BIOVALOR"),
        ("TEX|RESULTAT VALIDE PAR S. LE GALL - LABORATOIRE BIORANZ\nTEX|FIN", "LABORATOIRE BIORANZ"),
    ],
)
def test_organisation_is_one_hopital_span(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") in found(detector, text)


def test_hprim_header_town_is_its_own_span(detector: Detector) -> None:
    text = "H|\\^&|||BIOVALOR^NANTES|||||||P|H2.2|20240112093015\nP|1||A0099|"
    assert ("NANTES", "VILLE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # all-caps unit kinds and meetings, no name
        ("ÉQUIPE MOBILE DE CRISE — compte rendu d'intervention", "ÉQUIPE MOBILE DE CRISE"),
        ("PÔLE SANTÉ MENTALE\nTABLEAU DES GARDES", "PÔLE SANTÉ MENTALE"),
        ("SYNTHÈSE RÉUNION CLINIQUE HEBDOMADAIRE — ordre du jour", "CLINIQUE HEBDOMADAIRE"),
        ("PHARMACIE A USAGE INTERIEUR\nDispensation nominative", "PHARMACIE A USAGE INTERIEUR"),
        ("LABORATOIRE DE BIOLOGIE MEDICALE\nRESULTATS DU BILAN", "LABORATOIRE DE BIOLOGIE MEDICALE"),
        ("Secrétariat 3C : 02 99 00 00 00", "3C"),
        # a carcinoma, not a hospital
        ("dépistage du CHC tous les 6 mois. CHC unique 3 cm segment VI", "CHC"),
    ],
)
def test_kind_is_not_an_organisation(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a sector's school keeps its commune only; a lower-case ward stays outside its hospital
        ("Il ira au collège d'Auray à la rentrée.", "collège d'Auray"),
        ("suivi à la maternité du CH de Vichy le 9 mars", "maternité du CH de Vichy"),
        ("transfert du service de pneumologie du CH de Roubaix.", "service de pneumologie du CH de Roubaix"),
        # a number after a school that counts something is not the school's
        ("l'école Jules Ferry 3 fois par semaine", "école Jules Ferry 3"),
        ("l'école Jules Ferry 2 ans de suite", "école Jules Ferry 2"),
        ("inclusion en ULIS au collège Jean Moulin 2 demi-journées par semaine", "collège Jean Moulin 2"),
    ],
)
def test_not_joined(detector: Detector, text: str, span: str) -> None:
    assert (span, "HOPITAL") not in found(detector, text)


def test_site_named_by_its_town_stays_a_town(detector: Detector) -> None:
    text = "CH Métropole Savoie – site Chambéry\nPassages SAU"
    assert ("Chambéry", "VILLE") in found(detector, text)
