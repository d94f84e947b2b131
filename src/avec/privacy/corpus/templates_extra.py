"""Extra document kinds for the extended corpus: running narrative text where names have no title,
lone first names, staff lists, e-mail threads with headers, minutes, address lines without a street
type, facilities known by a saint's name, semicolon and tab exports.

Sentences are small templates whose slots are filled with gold-annotated values:
``{F}`` first name, ``{L}`` surname, ``{P}`` first name + surname, ``{R}`` surname + first name,
``{T}`` title + surname, ``{H}`` facility, ``{S}`` facility known by its name alone, ``{C}`` commune,
``{A}`` street address, ``{Z}`` postal code, ``{D}`` date, ``{E}`` e-mail, ``{N}`` phone.
"""

from __future__ import annotations

import random
import re

from avec.privacy.corpus.builder import DocBuilder
from avec.privacy.corpus.templates import CLINICAL, NURSING, SOCIAL
from avec.privacy.corpus.variety import VarietyIdentities, word_salad

NARRATIVE = [
    "{P} est venu ce matin accompagné de sa fille {F}.",
    "Vu ce jour avec {F}, sa compagne, qui l'accompagne depuis {C}.",
    "Entretien téléphonique avec {F} {L}, voisine de palier, qui s'inquiète de la situation.",
    "{L} a été revu en consultation le {D} au {H}.",
    "Transfert prévu vers {S} dès qu'une place se libère.",
    "Hospitalisée à {S} du {D} au {D} pour décompensation.",
    "Suivi par {T} au CMP, dernier entretien le {D}.",
    "Appel de {F} ({N}) : elle ne pourra pas venir avant jeudi.",
    "Rencontre avec {P} et son frère {F} au domicile de {C}.",
    "le patient dit que {f} passe le voir tous les jours.",
    "vu avec {f} {l} pour organiser le retour.",
    "{F} signale une chute dans la salle de bain, {F2} (AS) a prévenu l'infirmière.",
    "Son fils {F} habite {A}, {Z} {C}, et passe le week-end.",
    "Ancienne adresse : {A} à {C}.",
    "Elle a travaillé trente ans chez {L} à {C}.",
    "Réunion de synthèse avec {P}, {R} et {T}.",
    "Prise en charge commune avec l'équipe de {S}.",
    "Madame dit que {F} et {F2} ne viennent plus la voir.",
    "Courrier adressé à {T}, {H}, le {D}.",
    "Relais pris par {F} ce soir ; {F2} reprend demain matin.",
    "Information donnée à la famille ({F}, petite-fille) le {D}.",
    "Il est orienté vers {H} pour la suite des soins.",
    "Le {D}, {P} a signé le contrat de séjour.",
    "Demande faite auprès de {L} (mandataire) pour le compte bancaire.",
    "Rendez-vous pris à {S} avec {T} le {D}.",
    "{R}, infirmière coordinatrice, assure le lien.",
    "L'éducatrice {F} {L} accompagne l'enfant à l'école.",
    "Né à {C}, il a grandi chez ses grands-parents à {C}.",
    "Transmission de {F} : nuit calme, pas d'appel.",
    "Passage de {F} {L} (kiné) ce matin, marche 20 m avec aide.",
]
NEGATIVE = [
    "Pas de signe de Lasègue. Réflexes ostéo-tendineux présents. Babinski indifférent.",
    "Réunion de synthèse prévue avec le Conseil départemental et la MDPH.",
    "Score de Glasgow à 15. Échelle de Norton à 12. Test de Tinetti réalisé.",
    "Sous Levothyrox 50 µg, Kardégic 75 mg et Lovenox 4000 UI. Doliprane si besoin.",
    "Maladie de Charcot évoquée, EMG demandé. Syndrome de Gougerot-Sjögren écarté.",
    "La Caisse d'Allocations Familiales a versé l'allocation. Dossier transmis à la Sécurité sociale.",
    "Atelier Mémoire le Mardi, Atelier Cuisine le Jeudi. Sortie au Marché de Noël.",
    "Service de Cardiologie, Unité de Soins Intensifs, Pôle Gériatrie.",
    "Bilan : Hémoglobine 12,1 g/dL, Créatinine 85 µmol/L, Kaliémie 4,2 mmol/L.",
    "Orientation vers un SSR. Aide de la Croix-Rouge et des Restos du Cœur.",
    "Traitement par Xarelto 20 mg, Eliquis arrêté. Amoxicilline 1 g x 3 pendant 7 jours.",
    "Protocole Parkinson revu, maladie d'Alzheimer stade modéré, maladie de Crohn quiescente.",
]
FORMS = [
    "Fiche de liaison",
    "Transmissions ciblées",
    "Compte rendu de réunion",
    "Rapport social",
    "Note d'information préoccupante",
    "Synthèse éducative",
]
_SLOT = re.compile(r"\{([A-Za-z]\d?)\}")


def fill(b: DocBuilder, ids: VarietyIdentities, rng: random.Random, template: str) -> None:
    """Append ``template`` with its slots filled by annotated values."""
    pos = 0
    people = [ids.person(), ids.person()]
    for m in _SLOT.finditer(template):
        b.add(template[pos : m.start()])
        pos = m.end()
        slot = m.group(1)
        p = people[1] if slot.endswith("2") else people[0]
        key = slot[0]
        if key in "Ff":
            b.ent(p.first.lower() if key == "f" else p.first, "PRENOM")
        elif key in "Ll":
            b.ent(p.last.lower() if key == "l" else p.last, "NOM")
        elif key == "P":
            last = p.last.upper() if rng.random() < 0.3 else p.last
            b.person(p.first, last)
        elif key == "R":
            b.person(p.first, p.last.upper(), order="lf")
        elif key == "T":
            b.add(rng.choice(["Dr ", "Docteur ", "Mme ", "M. ", "Pr "])).ent(p.last, "NOM")
        elif key == "H":
            b.ent(ids.facility(), "HOPITAL")
        elif key == "S":
            b.ent(ids.saint_place(), "HOPITAL")
        elif key == "C":
            b.ent(ids.city(), "VILLE")
        elif key == "A":
            b.ent(ids.street(), "ADRESSE")
        elif key == "Z":
            b.ent(ids.zip(), "ZIP")
        elif key == "D":
            b.ent(ids.fmt_date(ids.date()), "DATE")
        elif key == "E":
            b.ent(ids.email(p), "MAIL")
        elif key == "N":
            b.ent(ids.phone(), "TEL")
    b.add(template[pos:])


def narrative(b: DocBuilder, ids: VarietyIdentities, rng: random.Random) -> None:
    """Running text (social, psychiatric or nursing narrative) with names in every position."""
    b.add(rng.choice(FORMS) + " - ").ent(ids.fmt_date(ids.date()), "DATE").add("\n")
    lines = rng.sample(NARRATIVE, rng.randrange(4, 8)) + rng.sample(NEGATIVE + CLINICAL + SOCIAL, 3)
    rng.shuffle(lines)
    for line in lines:
        if rng.random() < 0.3:
            b.add(word_salad(rng) + " ")
        fill(b, ids, rng, line)
        b.add(rng.choice([" ", "\n", "\n", "\n- "]))
    b.add("\n")
    fill(b, ids, rng, rng.choice(["{P}", "{F}", "{R}", "{T}", "{F} {L}, assistante sociale"]))
    b.add("\n")


def staff_list(b: DocBuilder, ids: VarietyIdentities, rng: random.Random) -> None:
    """Minutes of a meeting: lists of first names, surnames, roles."""
    b.add(rng.choice(["Réunion d'équipe", "Staff pluridisciplinaire", "Synthèse", "CR de réunion"]))
    b.add(" du ").ent(ids.fmt_date(ids.date()), "DATE").add("\n")
    for head in rng.sample(["Présents", "Excusés", "Absents", "Participants", "Invités"], 2):
        b.add(head + rng.choice([" : ", " :\n", ": "]))
        sep = rng.choice([", ", " / ", " ; ", "\n- ", ", "])
        for i in range(rng.randrange(2, 6)):
            if i:
                b.add(sep)
            p = ids.person()
            style = rng.randrange(5)
            if style == 0:
                b.ent(p.first, "PRENOM")
            elif style == 1:
                b.person(p.first, p.last)
            elif style == 2:
                b.person(p.first, p.last.upper(), order="lf")
            elif style == 3:
                role = rng.choice(["IDE", "AS", "psychologue", "ASE", "kiné", "cadre"])
                b.ent(p.first, "PRENOM").add(f" ({role})")
            else:
                b.add(rng.choice(["Dr ", "Mme ", "M. "])).ent(p.last, "NOM")
        b.add("\n")
    for _ in range(rng.randrange(2, 4)):
        b.add("- ")
        fill(b, ids, rng, rng.choice(NARRATIVE))
        b.add("\n")
    b.add("Prochaine réunion le ").ent(ids.fmt_date(ids.date(), short=True), "DATE").add(".\n")


def mail_thread(b: DocBuilder, ids: VarietyIdentities, rng: random.Random) -> None:
    """E-mail with De/À/Cc headers, quoted reply and first-name signatures."""
    a, c, d = ids.person(), ids.person(), ids.person()
    b.add("De : ").person(a.first, a.last).add(" <").ent(ids.email(a), "MAIL").add(">\n")
    b.add("À : ").person(c.last.upper(), c.first, order="fl").add(" <").ent(ids.email(c), "MAIL").add(">\n")
    if rng.random() < 0.6:
        b.add("Cc : ").ent(d.first, "PRENOM").add(" ").ent(d.last, "NOM").add("\n")
    b.add("Envoyé : ").ent(ids.fmt_date(ids.date()), "DATE").add("\nObjet : ")
    fill(b, ids, rng, rng.choice(["situation {P}", "RE: {L}", "TR: sortie de {F} {L}", "dossier {R}"]))
    b.add("\n\n" + rng.choice(["Bonjour ", "Salut ", "Coucou ", "Bonsoir "])).ent(c.first, "PRENOM")
    b.add(",\n\n")
    for line in rng.sample(NARRATIVE, 2) + rng.sample(CLINICAL + NURSING, 1):
        fill(b, ids, rng, line)
        b.add(" ")
    b.add("\n\n" + rng.choice(["Bonne journée,", "Merci,", "Cdlt,", "Bien à toi,", "A+"]) + "\n")
    b.ent(a.first, "PRENOM")
    if rng.random() < 0.5:
        b.add(" ").ent(a.last.upper(), "NOM")
    b.add("\n" + rng.choice(["IDE coordinatrice", "Assistante sociale", "Cadre de santé", "Secrétariat"]))
    b.add(" - ").ent(ids.facility(), "HOPITAL").add("\nTél. ").ent(ids.phone(), "TEL").add("\n")


def export(b: DocBuilder, ids: VarietyIdentities, rng: random.Random) -> None:
    """Semicolon, tab or pipe export with varied columns."""
    sep = rng.choice(["; ", "\t", " | ", ", ", " ; "])
    cols = rng.sample(["NOM", "PRENOM", "VILLE", "ADRESSE", "ETABLISSEMENT", "DDN", "CP"], rng.randrange(3, 6))
    if "NOM" not in cols:
        cols.insert(0, "NOM")
    b.add(sep.join(cols + ["GIR"]) + "\n")
    for _ in range(rng.randrange(3, 7)):
        p = ids.person()
        for i, col in enumerate(cols):
            if i:
                b.add(sep)
            if col == "NOM":
                b.ent(p.last.upper() if rng.random() < 0.7 else p.last, "NOM")
            elif col == "PRENOM":
                b.ent(p.first, "PRENOM")
            elif col == "VILLE":
                b.ent(ids.city().upper(), "VILLE")
            elif col == "ADRESSE":
                b.ent(ids.street(), "ADRESSE")
            elif col == "ETABLISSEMENT":
                b.ent(ids.facility(), "HOPITAL")
            elif col == "DDN":
                b.ent(ids.birth().strftime("%d/%m/%Y"), "DATE_NAISSANCE")
            else:
                b.ent(ids.zip(), "ZIP")
        b.add(sep + str(rng.randrange(1, 7)) + "\n")


def address_letter(b: DocBuilder, ids: VarietyIdentities, rng: random.Random) -> None:
    """Letter head with an address block whose street line may have no street type."""
    p = ids.person()
    b.add(rng.choice(["Madame ", "Monsieur ", "Mme ", "M. ", ""])).person(p.first, p.last.upper()).add("\n")
    b.ent(ids.street(), "ADRESSE").add("\n").ent(ids.zip(), "ZIP").add(" ").ent(ids.city().upper(), "VILLE")
    b.add("\n\n").ent(ids.city(), "VILLE").add(", le ").ent(ids.fmt_date(ids.date()), "DATE").add("\n\n")
    b.add("Objet : " + rng.choice(["votre demande d'aide sociale", "admission", "rendez-vous"]) + "\n\n")
    for line in rng.sample(NARRATIVE, 3) + rng.sample(NEGATIVE, 1):
        fill(b, ids, rng, line)
        b.add(" ")
    b.add("\n\n")
    fill(b, ids, rng, rng.choice(["{T}", "{F} {L}", "{R}"]))
    b.add("\n")


# Mentions dropped into an arbitrary sentence at a word boundary: names must be recognised from
# their own shape and their immediate neighbours, not from a handful of sentence frames.
MENTIONS = ["{P}", "{F}", "{L}", "{F} {L}", "{R}", "{T}", "{F} ({N})", "à {C}", "de {C}", "au {H}", "à {S}",
            "chez {F}", "avec {P}", "par {F} {L}", "{F}, {L}", "{f} {l}", "{C}", "{H}"]  # fmt: skip


def inserted(b: DocBuilder, ids: VarietyIdentities, rng: random.Random) -> None:
    """Ordinary and clinical sentences with a mention inserted at a random word boundary."""
    b.add(rng.choice(FORMS) + "\n")
    for _ in range(rng.randrange(5, 10)):
        line = rng.choice(CLINICAL + NURSING + SOCIAL + NEGATIVE) if rng.random() < 0.5 else word_salad(rng)
        words = line.split(" ")
        cut = rng.randrange(0, len(words) + 1)
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        b.add(head + (" " if head else ""))
        fill(b, ids, rng, rng.choice(MENTIONS))
        b.add((" " if tail else "") + tail + rng.choice(["\n", " ", "\n"]))


EXTRA_KINDS = {
    "inserted": inserted,
    "narrative": narrative,
    "staff_list": staff_list,
    "mail_thread": mail_thread,
    "export": export,
    "address_letter": address_letter,
}
