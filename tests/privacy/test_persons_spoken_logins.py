"""Persons in spoken and informal text and medical words after the blind15/blind17 follow-up:
lower-case dictation (particles, birth names, second spellings, signatures before a job),
hesitations and pronouns never names, weekday abbreviations in message headers, logins and
pseudonyms built from names, field labels ("Patient(e)", "Prénoms"), a first name opening a
sentence with a person's verb, a first name in brackets after a care job, southern European first
names, ligatures; and the medical words that must stay (units after a number, genes, instruments
after a measure, eponym pairs, ophthalmology acronyms, compound job words, scores).
Sentences written for these tests (not taken from the held-out sets)."""

from __future__ import annotations

import pytest
from tests.privacy.conftest import found, persons

from avec.privacy.detection import Detector
from avec.privacy.detection.names import label_run, scan_run, to_spans  # re-exported after the split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case dictation: a particle inside the surname, the first name before it
        (
            "je vous adresse madame gwenaëlle le floch pour avis virgule",
            [("gwenaëlle", "PRENOM"), ("le floch", "NOM")],
        ),
        ("prévenir son fils monsieur killian de la roche au besoin", [("killian", "PRENOM"), ("de la roche", "NOM")]),
        # a birth name after a lower-case titled name, even unknown to the lexicons
        ("nous avons vu madame solène piriou née karadec ce matin", [("karadec", "NOM")]),
        # a second spelling offered after "ou"
        ("rappeler le dr tanguy ou tangui je ne sais plus", [("tanguy", "NOM"), ("tangui", "NOM")]),
        # a lower-case signature before the writer's job
        ("à la ligne maëlle garnier infirmière point final", [("maëlle", "PRENOM"), ("garnier", "NOM")]),
        # labels: "Patient(e) :", "Prénoms :" with three first names
        ("Patient(e) : NOWAK Agnieszka\nNé(e) le : 02/02/1960", [("NOWAK", "NOM"), ("Agnieszka", "PRENOM")]),
        ("Nom : ROSSI\nPrénoms : Paul Antoine Joseph\nSexe : M", [("Paul Antoine Joseph", "PRENOM")]),
        # ALL CAPS letter: an article before a surname after "DR" is a particle, not an office
        (
            "J AI VU LE DR LE GALL (MON MEDECIN) QUI M A DIT D ATTENDRE. JE NE SUIS PAS CONTENT DU TOUT.",
            [("LE GALL", "NOM")],
        ),
        # a sentence opened by a first name, then what a person does
        ("La secrétaire est absente. Ibrahima vous rappellera demain matin.", [("Ibrahima", "PRENOM")]),
        ("Les résultats sont arrivés. Océane m'a dit qu'ils étaient normaux.", [("Océane", "PRENOM")]),
        # a first name in brackets after a care job, with a hedge
        ("L'infirmière (Maëva il me semble) a refait le pansement.", [("Maëva", "PRENOM")]),
        # first names from Portugal, Spain, Italy; the æ ligature
        ("Bonjour, ici Joaquim, le fils de Mme Ferreira.", [("Joaquim", "PRENOM")]),
        ("Courrier au Dr Lætitia Mercier, endocrinologue.", [("Lætitia", "PRENOM"), ("Mercier", "NOM")]),
    ],
)
def test_spoken_and_labelled_names_are_found(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    got = found(detector, text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("Compte rendu saisi par Hélène Marchand (hmarchand) le 4 mars.", "hmarchand"),
        ("Résultat validé par Bruno Lefort (bruno.lefort).", "bruno.lefort"),
        ("Prélèvement fait à 7 h par PMOREAU, reçu au labo à 8 h.", "PMOREAU"),
        ("- login DxCare : arousseau\n- ne pas partager", "arousseau"),
        ("Message posté par nathalie_35 le 2 mai : bonsoir à tous", "nathalie_35"),
        ("Réponse de : karim.benali84 sur le forum des aidants", "karim.benali84"),
        ("Planning à saisir dans Chronos (login vlemaire) avant lundi.", "vlemaire"),
        ("export.csv — généré le 3/2/2025 par pgarnier", "pgarnier"),
    ],
)
def test_logins_built_from_names_are_masked(detector: Detector, text: str, login: str) -> None:
    assert (login, "NOM") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # logins: only what is made of a name
        ("Traitement par voie orale, relais par PARACETAMOL si besoin.", "PARACETAMOL"),
        ("Le patient Luc Morel (traitement habituel) est revu.", "traitement"),
        ("Douleur soulagée par Samia. Elle reviendra.", "Samia."),
        ("Imagerie demandée par IRM cérébrale.", "IRM"),
        ("Plaie traitée par pansement, login impossible ce matin.", "impossible"),
    ],
)
def test_logins_do_not_take_ordinary_words(detector: Detector, text: str, word: str) -> None:
    assert (word, "NOM") not in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # hesitations and pronouns never join a name
        ("oui allô docteur Morvan euh je vous appelle pour madame Riou euh voilà", "euh"),
        ("bonjour madame Kerjean heu c'est pour le rendez-vous", "heu"),
        ("J AI APPELE MME PERRIN JE PENSE MAIS SANS REPONSE DE SA PART DEPUIS HIER SOIR.", "JE"),
        # a weekday shortened before its date in a message header
        ("Conversation – Fatou Diallo\nDim. 3 déc. · 10:12\nbonjour c fatou", "Dim"),
        ("Sam. 2 déc. · 18:40\nok merci", "Sam"),
        # creole "Ti" (petit) before a first name
        ('Elle réclame "Ti Jean" toute la soirée.', "Ti"),
        # a unit after a number, then a capitalised word
        ("Protocole : IRM 3 T. Coupes axiales T2 et FLAIR.", "T."),
        ("Protocole : IRM 3 T. Coupes axiales T2 et FLAIR.", "Coupes"),
        # genes and codes glued to digits
        ("Recherche de mutations : BRAF, NRAS, BRCA2, HER2 négatif.", "BRCA"),
        ("Panel : EGFR, ROS1, MET.", "ROS"),
        # an instrument in brackets after a measure
        ("PIO : 18 mmHg (Perkins) aux deux yeux.", "Perkins"),
        # the second name of an eponym pair
        ("Stade pubertaire selon Tanner et Marshall : P2.", "Marshall"),
        ("Âge osseux (Greulich et Pyle) : 9 ans.", "Pyle"),
        # ophthalmology acronyms
        ("Fond d'œil : rétinopathie OD, normal OG. OCT de contrôle dans 3 mois.", "OG."),
        ("Fond d'œil : rétinopathie OD, normal OG. OCT de contrôle dans 3 mois.", "OCT"),
        # a compound job word with a lower-case second part
        ("Profession : ancien Docker-grutier, retraité depuis 2010.", "Docker"),
        ("Arrêt de travail. Marin-pêcheur, reprise prévue en mai.", "Marin"),
        # a score with its value in a list of findings
        ("Entrée pour sevrage, Ramsay 3, agité, FC 110.", "Ramsay"),
        # a southern first name that is also a French word is no name alone
        ("Père : M. Karim Saidi, présent à la consultation.", "Père"),
    ],
)
def test_noise_and_medical_words_are_not_names(detector: Detector, text: str, word: str) -> None:
    assert word not in persons(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # what the negatives must still let through
        ("Appel de Mme Bah, la mère, ce matin.", "Bah"),
        ("Vu par le Dr Samedi pour le suivi.", "Samedi"),
        ("Suivi par Jean-marc Dupuis, éducateur.", "Jean-marc"),
        ("Monsieur le Directeur, je vous écris au sujet de Mme Collin.", "Collin"),
    ],
)
def test_names_near_the_new_exclusions_still_found(detector: Detector, text: str, name: str) -> None:
    assert name in persons(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Monsieur le Directeur, veuillez trouver ci-joint le dossier.",
        "Monsieur le Procureur de la République,\nJe vous signale la situation suivante.",
        "Madame la Juge des tutelles,\nVeuillez trouver ci-joint le rapport.",
    ],
)
def test_offices_addressed_with_a_title_are_not_names(detector: Detector, text: str) -> None:
    assert persons(detector, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Évaluateur : Iñaki Etxeberria, IDE APA", [("Iñaki", "PRENOM"), ("Etxeberria", "NOM")]),
        ("Gestionnaire de cas : Ronan QUILLEC — tél. standard", [("QUILLEC", "NOM")]),
    ],
)
def test_assessor_and_manager_labels(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    got = found(detector, text)
    for item in expected:
        assert item in got, (item, got)


def test_split_names_module_keeps_its_public_names(detector: Detector) -> None:
    text = "Vu Mme Anne LEROUX ce jour."
    lex = detector.lexicons
    words = scan_run(text, text.index("Anne"), lex)
    spans = to_spans(text, label_run(words, lex, "title"), 0.9, "test")
    assert [(text[s.start : s.end], s.label) for s in spans] == [("Anne", "PRENOM"), ("LEROUX", "NOM")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised ordinary word after a first name and a particle, or before a role
        ("« ouais bonjour c'est Dylan Le Blanc je rappelle pour ma mère »", [("Le Blanc", "NOM")]),
        ("Merci à Sébastien Neuf (cadre de santé) pour son aide.", [("Neuf", "NOM")]),
        # "M." signing after a dated dash, in a table cell, under an office in capitals: an initial
        ("Fait à Bayonne le 2 mai 2025 — M. Etcheverry\n", [("M.", "PRENOM"), ("Etcheverry", "NOM")]),
        ("| 12/03/2025 | M. Gourmelon\n", [("M.", "PRENOM")]),
        ("                LE DIRECTEUR\nM. Quintin\n", [("M.", "PRENOM")]),
        # a nickname after a family word in the family's language
        ("Mme Santoni Maria (dite « Nonna Rosa »), 88 ans.", [("Rosa", "PRENOM")]),
    ],
)
def test_surnames_initials_and_nicknames_in_context(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    got = found(detector, text)
    for item in expected:
        assert item in got, (item, got)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("RE: Demande de place en accueil de jour – M. Kaya\nDe : Claire", "M."),
        ("Mme Santoni Maria (dite « Nonna Rosa »), 88 ans.", "Nonna"),
        ("Mme Lopes Ana (« Avó Lucia » pour ses petits-enfants).", "Avó"),
        ("Qté     P.U.     Montant\nForfait journalier    3    20,00", "Qté"),
        ("Signature du patient : M. Aydin             Signature du médecin : Dr Rivoal", "Signature"),
        ("Entretien préalable avec l'IDEST le 4 mars, vaccin ROR à jour, saisine de la CRIP.", "IDEST"),
        ("Entretien préalable avec l'IDEST le 4 mars, vaccin ROR à jour, saisine de la CRIP.", "ROR"),
        ("Entretien préalable avec l'IDEST le 4 mars, vaccin ROR à jour, saisine de la CRIP.", "CRIP"),
    ],
)
def test_headings_family_words_and_acronyms_are_not_names(detector: Detector, text: str, word: str) -> None:
    assert word not in persons(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a usual French first name second, a word rarely given as a first name first: surname first
        ("Visite de son voisin, M. Lebon Thierry, ce matin.", [("Lebon", "NOM"), ("Thierry", "PRENOM")]),
        ("appel de mr blanchard sylvie pour sa mère", [("blanchard", "NOM"), ("sylvie", "PRENOM")]),
        # both usual first names, or the first one usual in a community kept by the lexicons: as written
        ("Mme Rose Simon est passée.", [("Rose", "PRENOM"), ("Simon", "NOM")]),
        ("Prescripteur : Dr Karim Nicolas, hématologie.", [("Karim", "PRENOM"), ("Nicolas", "NOM")]),
    ],
)
def test_order_of_surname_and_first_name_after_a_title(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    got = found(detector, text)
    for item in expected:
        assert item in got, (item, got)


ROSTER = (
    "Planning de nuit, semaine du 3 mars, unité de soins de suite et réadaptation\n"
    "| Nom | Fonction | Lun | Mar |\n"
    "| ANDRIAMANANA Voahangy     | IDE | N | N |\n"
    "| NGUYEN Van Thanh          | ASH | J | RH |\n"
    "| TOTAL Heures              | IDE | 12 | 12 |\n"
    "Remarques : remplacement à prévoir pour le week-end, voir avec la cadre."
)


def test_staff_roster_rows_with_unknown_names(detector: Detector) -> None:
    got = found(detector, ROSTER)
    assert ("ANDRIAMANANA", "NOM") in got and ("Voahangy", "PRENOM") in got, got
    assert ("NGUYEN", "NOM") in got, got
    assert not any(t in ("TOTAL", "Heures") for t, _ in got), got


def test_two_signatures_in_columns_are_two_names(detector: Detector) -> None:
    text = "LE GREFFIER                              LA PRÉSIDENTE\nM. Morvan                                C. Riou\n"
    got = found(detector, text)
    assert ("Morvan", "NOM") in got and ("C.", "PRENOM") in got and ("Riou", "NOM") in got, got
    assert ("M.", "PRENOM") in got, got  # "M." signs under an office in capitals


@pytest.mark.parametrize(
    ("text", "name", "present"),
    [
        ("[03/02/2026 08:10] Rose 🙂 : je passe à 9 h chez Mme Kergoat", "Rose", True),
        ("[14:02] Céleste : elle a bien mangé", "Céleste", True),
        ("[14:05] Note : rien à signaler", "Note", False),
        ("[14:07] Urgent : appeler le SAMU", "Urgent", False),
    ],
)
def test_chat_speakers(detector: Detector, text: str, name: str, present: bool) -> None:
    assert (name in persons(detector, text)) is present


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        # a spouse named by a first name alone after a label: the first name
        ("Personne à prévenir : épouse Josiane, 06 11 22 33 44", "Josiane", "PRENOM"),
        # after a full name, "épouse X" is the married name even if X reads as a first name
        ("Madame Ghislaine Marcel épouse Séverine, 82 ans", "Séverine", "NOM"),
        ("Mme Paule Riou épouse LEMOINE", "LEMOINE", "NOM"),
    ],
)
def test_spouse_first_name_or_married_name(detector: Detector, text: str, word: str, label: str) -> None:
    assert (word, label) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "word", "present"),
    [
        # a name unknown to the lexicons, before a role after a comma or in brackets
        ("Entretien traduit en tamoul par Tharshini, interprète de l'association.", "Tharshini", True),
        ("Toilette faite avec Ophrane (AS) ce matin.", "Ophrane", True),
        # ordinary or medical words before a role stay
        ("Réunion au Pavillon, cadre de santé présent.", "Pavillon", False),
        ("Avis du service Oncologie (interne de garde) demandé.", "Oncologie", False),
    ],
)
def test_unknown_name_before_a_role(detector: Detector, text: str, word: str, present: bool) -> None:
    assert (word in persons(detector, text)) is present


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # regional first names of France the sources miss (Basque, Breton, Corsican)
        ("La tournée du matin est assurée par Koldo, l'IDE remplaçant.", "Koldo"),
        ("Transmission : Youenn Le Meur, pansement refait.", "Youenn"),
        ("Appel ce matin, Lisandru Santoni pour son père.", "Lisandru"),
    ],
)
def test_regional_first_names(detector: Detector, text: str, name: str) -> None:
    assert (name, "PRENOM") in found(detector, text)
