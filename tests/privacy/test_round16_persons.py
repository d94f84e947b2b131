"""Round 16 (persons in prose, e-mails and chats): first names alone in a person's slot, initials
signing under a job title or a closing, surnames in lists vouched for by their known members.

Invented values only. Positive cases assert the exact span and label; negative cases assert that
the given words are left free.
"""

from __future__ import annotations

import pytest
from tests.privacy.conftest import covers, found

from avec.privacy.detection import Detector

POSITIVE = [
    # first_name_slots: a staff member's absence or message, then "de"
    ("Bonjour à tous,\n\nSuite à l'arrêt de Gwladys (jusqu'au 2/04), le planning change.", ("Gwladys", "PRENOM")),
    ("Bonjour,\nen l'absence de Maëlys lundi, la réunion est décalée.", ("Maëlys", "PRENOM")),
    # a verb of telling or showing, then "à"
    ("rougeur talon droit -> à montrer à solène ce matin.\nch 4 : RAS", ("solène", "PRENOM")),
    ("Info transmise à Clémence pour la relève de 14h.", ("Clémence", "PRENOM")),
    # called back in a chat
    ("[12/03 18:02] Inès: j'ai rappelé ludivine elle confirme pour jeudi", ("ludivine", "PRENOM")),
    # two first names joined by "+" in a planning
    ("mar 14/05 : 2 IDE → Perrine + Yohann\nmer 15/05 : inchangé", ("Perrine", "PRENOM")),
    ("mar 14/05 : 2 IDE → Perrine + Yohann\nmer 15/05 : inchangé", ("Yohann", "PRENOM")),
    # a first name heading its line, or after a sentence, before a colon
    ("Bilan des enfants :\nLilou : lecture acquise, bonne intégration.\n", ("Lilou", "PRENOM")),
    ("Suivi orthophonie en cours. Timéo : retard de langage, bilan CMPP.", ("Timéo", "PRENOM")),
    # a lower-case first name after a kin word without possessive, or before a verb
    ("9h10 bb éloïse née le 02/03 au CH, sortie J3", ("éloïse", "PRENOM")),
    ("demander à la fille wiktoria de rappeler le cabinet", ("wiktoria", "PRENOM")),
    ("tension 13/8. killian regarde les pansements avec moi.", ("killian", "PRENOM")),
    # initial_signature_lines: an initial and a surname under a job title
    ("Pour le Président et par délégation,\nLa responsable du pôle\nT. HAMMOUDI\n", ("T.", "PRENOM")),
    ("P/Le Directeur de la MDPH\nM. GRANIVEL-ROSTAND\n\nCopie : dossier", ("M.", "PRENOM")),
    # "M." under a quoted closing, or closing a message
    ("> Bien à vous,\n> M. Etxeberri – service paie\n> EHPAD", ("M.", "PRENOM")),
    ("Vu avec la famille, RDV posé. M. Kerbrauz\n", ("M.", "PRENOM")),
    ("bilan à programmer. -- M. Vuillemot", ("M.", "PRENOM")),
    # "M." in an author slot, or before a job abbreviation in a list of signatures
    ("Notes AS (M. Castagnol) :\n- dossier APA déposé", ("M.", "PRENOM")),
    ("Rédigé par M. Trébaol AP / L. Quéméner SF\n", ("M.", "PRENOM")),
    # an initial after a first name, before a job or a colon: the surname's initial
    ("| 08h10 | pansement refait | Sabrina K. IDE |", ("K.", "NOM")),
    ("- Yanis B. : 1re séance, venu seul.", ("B.", "NOM")),
    # initials alone on the last line; a lower-case initial and surname signing or after a job
    ("RAS pour la nuit, traitement donné.\nJC V.", ("V.", "NOM")),
    ("rdv posé jeudi 14h, prévenu par sms\nc. hamdaoui", ("hamdaoui", "NOM")),
    ("adressée par sf m. kerzerho (pmi)\nmotif : lombalgies", ("kerzerho", "NOM")),
    # surname_lists: capitals filling a bracket, two of them known surnames
    ("Dr X absent → décaler les 3 RDV (LEFEVRE, ZABROWICZ, GARNIER), liste au secrétariat.", ("ZABROWICZ", "NOM")),
    # two names joined by a slash after a file word
    ("- dossier Mercier/Jourdan : écrit au juge le 3/9.", ("Jourdan", "NOM")),
    # surnames after a staff label
    ("SF NUIT : KERDONCUFF / AP : jeune stagiaire", ("KERDONCUFF", "NOM")),
    ("garde / ARM : Quelven, Le Bihan, Tanguy\n", ("Quelven", "NOM")),
    # a job and a surname in capitals in a bracket, a newborn in capitals after "BB"
    ("SORTIE PREVUE CE JOUR (SF KERVRAN).\nCH 15 - BB NOLAN (NE LE 02/02) : RAS", ("KERVRAN", "NOM")),
    ("SORTIE PREVUE CE JOUR (SF KERVRAN).\nCH 15 - BB NOLAN (NE LE 02/02) : RAS", ("NOLAN", "PRENOM")),
    # a nickname or initials signing the last line, "M." in a list of signatures
    ("sonnette toutes les 2h, calmé seul.\nreste RAS.\njul", ("jul", "PRENOM")),
    ("qui a pris le chariot ??\nmerci !! bisous Mumu", ("Mumu", "PRENOM")),
    ("Merci de me tenir informée. PLT", ("PLT", "NOM")),
    ("Document signé le 12/03.\n\nM. Kervella — C. Guilcher\nVisa", ("M.", "PRENOM")),
    ("Fait à Brest, le 3/04\nDr E. Le Quéré – M. Jaouenic, ergothérapeute", ("M.", "PRENOM")),
    # a lower-case first name and surname after another word; a lower-case particle surname
    ("rsa – suivi yanis kerbellec – dossier 12", ("kerbellec", "NOM")),
    ("appel mme gaëlle le corre (06 00 00 00 00)", ("le corre", "NOM")),
    ("« bonsoir madame le quéau dsl de vous déranger »", ("le quéau", "NOM")),
    # an initial, a dot and a surname signing
    ("rx bassin demandée (protocole)\niao k.kerzulec\n", ("k.kerzulec", "NOM")),
    # a chat speaker after a clock, a day's writer, an absence after the name, a child and an age
    ("06:12 Killian : bjr, on récupère la patiente\n06:14 Régul : ok", ("Killian", "PRENOM")),
    ("mar 10/10 – gaëtan (ME)\nlucas calme, casque mis", ("gaëtan", "PRENOM")),
    ("- Solène en congés du 15/07 au 02/08 → Katell remplace", ("Solène", "PRENOM")),
    ("Fratrie : Yanis 13 ans, Maëlle 4 ans.", ("Maëlle", "PRENOM")),
    ("15h : la psychomot rozenn propose de revoir le PPA.", ("rozenn", "PRENOM")),
    ("place pour le petit timothée kerhuel, ddn 2/02/2016", ("timothée", "PRENOM")),
    # "M." after an author's verb, a closing on the same line; two capital initials signing
    ("Fiche remplie par M. Quéméneur, IDE — relue par le médecin", ("M.", "PRENOM")),
    ("Rédactrice : M. Gourvennec (secrétariat)\nPrésents : équipe", ("M.", "PRENOM")),
    ("> Cordialement, M. Kerjean – 04 00 00 00 00\n", ("M.", "PRENOM")),
    ("> Bien confraternellement,\n> PY Kerangal – médecin coordonnateur\n", ("PY", "PRENOM")),
    # a bracket of capitalised surnames, a slash list of capitals after a colon
    ("peux-tu décaler mes RDV du mercredi (Lambert, Le Quéau, Ferreira) ?", ("Le Quéau", "NOM")),
    ("| 08h00 | cataractes : KERLOC / LEFEBVRE / GALMICHE / BERNARD | topique |", ("KERLOC", "NOM")),
    # an initial after a lower-case first name, before a verb of presence or a slash
    ("piscine ok.\nthéo K. absent (rdv orthodontiste)", ("K.", "NOM")),
    ("ide nuit : carole v. / fabien reynaud", ("v.", "NOM")),
    # a rank in capitals
    ("ÉQUIPIERS : CPL MARZIN, SAP GUILLOUX\n", ("GUILLOUX", "NOM")),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_found(detector: Detector, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(detector, text)


NEGATIVE = [
    # ordinary words heading a line before a colon, though first names somewhere
    ("Mesure : curatelle renforcée (jugement du 3/05).", "Mesure"),
    ("Santé : diabète équilibré sous metformine.", "Santé"),
    ("Lien : fils unique, vit à proximité.", "Lien"),
    # a feast after "congés de"
    ("Posez vos congés de Noël avant vendredi.", "Noël"),
    # a function word after a kin word
    ("le numéro est celui de son mari selon la voisine", "selon"),
    # "M." before a surname after a job with no author word is "Monsieur"
    ("verticalisation avec le kiné (M. Ostrowski), fauteuil l'après-midi.", "M."),
    ("Contact famille référent : M. Vandamme, 06 00 00 00 00", "M."),
    # a bracket of acronyms or drugs in capitals
    ("Antécédents (HTA, BPCO, AVC) stables.", "BPCO"),
    ("Traitement (DOLIPRANE, KARDEGIC, LOVENOX) poursuivi.", "KARDEGIC"),
    # a closing abbreviation or an acronym alone on the last line
    ("RAS pour la nuit.\ncdlt", "cdlt"),
    ("Patient stable. RAS", "RAS"),
    # "M." after a comma and "M." again: two men
    ("Le frère de M. Kermarec, M. Yann Kermarec, est passé.", "M."),
    # a job and an ordinary word in a bracket
    ("03:15 – relevé au sol (AS DE NUIT)", "NUIT"),
    # an initial and a word in a file or web address
    ("voir www.ameli.fr ou le fichier c.bilan.pdf", "c.bilan"),
    # "DR" before a surname after a sentence is a title, not two initials
    ("Vu en consultation. DR Kerangal – 04 00 00 00 00", "DR"),
    # an on-call staff member in brackets is "Monsieur" as often
    ("appel cadre d'astreinte (M. Kervarec) → note d'incident", "M."),
    # a care job, a lower-case initial and a verb
    ("ide a. prendre le relais demain", "prendre"),
    # a slash after "dossier" between ordinary words
    ("Voir le dossier papier/informatique avant la sortie.", "papier"),
]


def test_a_bracket_of_large_cities_is_no_surname_list(detector: Detector) -> None:
    text = "Tournée des antennes (Lyon, Marseille, Bordeaux) en mars."
    assert ("Marseille", "NOM") not in found(detector, text)


@pytest.mark.parametrize(("text", "words"), NEGATIVE)
def test_left_free(detector: Detector, text: str, words: str) -> None:
    assert not covers(detector, text, words)
