"""Document templates: discharge reports, letters, prescriptions, nursing and social notes,
EHPAD care plans, e-mails and table exports."""

from __future__ import annotations

import random

from avec.privacy.corpus.builder import DocBuilder
from avec.privacy.corpus.entities import Identities, Person

CLINICAL = [
    "Antécédents : HTA traitée, diabète de type 2, maladie de Parkinson depuis 2015, "
    "syndrome de Guillain-Barré en 1998.",
    "Examen clinique : Glasgow 15, signe de Babinski bilatéral, Lasègue négatif. Score de Wells à 2.",
    "Cirrhose Child-Pugh B7. Pas d'encéphalopathie. Insuffisance cardiaque NYHA II, Killip 1 à l'admission.",
    "Suivi pour maladie de Crohn iléale sous Humira 40 mg toutes les 2 semaines.",
    "Troubles cognitifs évoquant une maladie d'Alzheimer (MMSE 18/30). Lymphome de Hodgkin en rémission.",
    "Maladie de Basedow traitée par Néomercazole 20 mg/j. TSH à 0,02 mUI/L.",
    "Apgar 9/10 à la naissance. Pas d'antécédent notable.",
    "Traitement de sortie : Doliprane 1 g 3 fois par jour, Kardégic 75 mg 1/j, "
    "Lovenox 4000 UI/j pendant 10 jours.",
    "Paracétamol 1 g si douleur, Tahor 40 mg le soir, Bisoprolol 2,5 mg le matin, Lasilix 40 mg.",
    "Bilan biologique : Hb 11,2 g/dL, plaquettes 230 G/L, créatinine 98 µmol/L, CRP 12 mg/L, INR 2,4.",
    "ECG : rythme sinusal à 72 bpm, pas de trouble de la repolarisation. TA 135/80 mmHg.",
    "Poids 68 kg, taille 1,62 m, IMC 25,9. SpO2 96 % en air ambiant. EVA 3/10.",
    "Échelle de Braden à 14, risque d'escarre modéré. GIR 3 selon la grille AGGIR.",
    "Introduction de Xarelto 15 mg/j. Arrêt du Previscan. Eliquis discuté en RCP.",
    "Pas de signe de Murphy. Pas de défense. Transit conservé sous Forlax 1 sachet/j.",
]
SOCIAL = [
    "Situation sociale : vit seule au domicile, pas d'aide à domicile actuellement.",
    "Demande d'APA en cours auprès du Conseil départemental. Dossier MDPH à renouveler.",
    "Ressources : pension de retraite et AAH. Mesure de curatelle renforcée envisagée.",
    "Le logement est au deuxième étage sans ascenseur, inadapté à la perte d'autonomie.",
    "Mise en place du portage des repas et passage d'une aide-soignante du SSIAD matin et soir.",
]
NURSING = [
    "Patient calme, orienté. Douleur évaluée à 2/10. Pansement refait, plaie propre.",
    "Selles ce matin. Diurèse conservée. Alimentation : a mangé la moitié du plateau.",
    "Chute dans la chambre sans traumatisme apparent, surveillance neurologique toutes les 2 h.",
    "Glycémie capillaire à 1,45 g/L, 4 UI de Novorapid selon protocole.",
]


def mention(b: DocBuilder, rng: random.Random, p: Person, *, doctor: bool = False) -> None:
    """Append a person mention in one of the usual written forms."""
    style = rng.randrange(8)
    if doctor:
        title = rng.choice(["Dr ", "Dr. ", "Docteur ", "Pr ", "Professeur "])
    else:
        title = rng.choice(["Mme ", "Madame "] if p.female else ["M. ", "Monsieur "])
    if style == 0:
        b.add(title).person(p.first, p.last)
    elif style == 1:
        b.add(title).ent(p.last.upper(), "NOM")
    elif style == 2:
        b.add(title).person(p.first, p.last.upper(), order="lf")
    elif style == 3:
        initials = "-".join(x[0] + "." for x in p.first.split("-"))
        b.add(title).ent(initials, "PRENOM").add(" ").ent(p.last, "NOM")
    elif style == 4:
        b.add(title).ent(p.last, "NOM")
    elif style == 5:
        b.person(p.first, p.last.upper())
    elif style == 6:
        b.add(title).person(p.first, p.last)
    else:
        b.add(title).person(p.first.upper(), p.last.upper(), order="lf")


def patient_header(b: DocBuilder, ids: Identities, rng: random.Random, p: Person) -> None:
    """Identity block of a record."""
    birth = ids.birth()
    if rng.random() < 0.5:
        b.add("Nom : ").ent(p.last.upper(), "NOM").add("\n")
        if p.birth_name:
            b.add("Nom de naissance : ").ent(p.birth_name.upper(), "NOM").add("\n")
        b.add("Prénom : ").ent(p.first, "PRENOM").add("\n")
        b.add(rng.choice(["Date de naissance : ", "DDN : ", "Né(e) le : "]))
        b.ent(ids.fmt_date(birth), "DATE_NAISSANCE").add("\n")
    else:
        b.add(rng.choice(["Patient : ", "Patiente : ", "Concerne : "]))
        mention(b, rng, p)
        if p.birth_name and rng.random() < 0.7:
            b.add(rng.choice([" née ", " née ", ", épouse "])).ent(p.birth_name.upper(), "NOM")
        b.add(", " + rng.choice(["né(e) le ", "née le " if p.female else "né le "]))
        b.ent(ids.fmt_date(birth), "DATE_NAISSANCE").add("\n")
    if rng.random() < 0.7:
        b.add("IPP : ").ent(ids.ipp(), "IPP")
        if rng.random() < 0.6:
            b.add(rng.choice([" - NDA : ", "   N° de séjour : ", " | N° venue "])).ent(ids.nda(), "NDA")
        b.add("\n")
    if rng.random() < 0.5:
        b.add(rng.choice(["N° SS : ", "NIR : ", "N° de sécurité sociale : "])).ent(
            ids.nir(p, birth), "SECU"
        ).add("\n")


def address_block(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Street, postal code and commune on one or two lines."""
    b.add(rng.choice(["Adresse : ", "Domicile : ", "Demeurant "])).ent(ids.street(), "ADRESSE")
    b.add(rng.choice([", ", "\n", " - "])).ent(ids.zip(), "ZIP").add(" ").ent(ids.city(), "VILLE").add("\n")


def crh(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Hospital discharge report."""
    p, doc, gp = ids.person(), ids.person(), ids.person()
    b.ent(ids.facility(), "HOPITAL").add(
        " - Service de " + rng.choice(["neurologie", "cardiologie", "gériatrie", "médecine interne"]) + "\n"
    )
    b.add("Tél. secrétariat : ").ent(ids.phone(), "TEL").add("\n\nCOMPTE RENDU D'HOSPITALISATION\n")
    patient_header(b, ids, rng, p)
    if rng.random() < 0.5:
        address_block(b, ids, rng)
    d1, d2 = ids.date(), ids.date()
    b.add("\nHospitalisation du ").ent(ids.fmt_date(d1), "DATE").add(" au ").ent(
        ids.fmt_date(d2), "DATE"
    ).add(".\n")
    b.add("Médecin traitant : ")
    mention(b, rng, gp, doctor=True)
    b.add(
        "\n\nMotif : "
        + rng.choice(["chute à domicile", "dyspnée", "confusion", "douleur thoracique"])
        + ".\n"
    )
    for line in rng.sample(CLINICAL, 4):
        b.add(line + "\n")
    b.add("Évolution favorable. ")
    mention(b, rng, p)
    b.add(" regagne son domicile le ").ent(ids.fmt_date(d2, short=True), "DATE").add(".\n")
    b.add("Prochain rendez-vous le ").ent(ids.fmt_date(ids.date()), "DATE").add(" avec le ")
    mention(b, rng, ids.person(), doctor=True)
    b.add(".\n\n")
    mention(b, rng, doc, doctor=True)
    b.add("\n")


def letter(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Letter from a specialist to the GP."""
    p, doc, gp = ids.person(), ids.person(), ids.person()
    b.ent(ids.city(), "VILLE").add(", le ").ent(ids.fmt_date(ids.date()), "DATE").add("\n\n")
    b.add("Cher confrère,\n\nJ'ai vu en consultation ")
    mention(b, rng, p)
    b.add(", " + ("née" if p.female else "né") + " le ").ent(ids.fmt_date(ids.birth()), "DATE_NAISSANCE")
    b.add(", que vous m'avez adressé" + ("e" if p.female else "") + " pour avis.\n")
    for line in rng.sample(CLINICAL, 3):
        b.add(line + "\n")
    b.add("Je la revois dans trois mois au ").ent(ids.facility(), "HOPITAL").add(".\n")
    b.add("Bien confraternellement,\n\n")
    mention(b, rng, doc, doctor=True)
    b.add("\nCopie : ")
    mention(b, rng, gp, doctor=True)
    b.add("\n")


def prescription(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Prescription."""
    p, doc = ids.person(), ids.person()
    mention(b, rng, doc, doctor=True)
    b.add("\nRPPS 10101234567 - ").ent(ids.street(), "ADRESSE").add(", ").ent(ids.zip(), "ZIP").add(" ")
    b.ent(ids.city(), "VILLE").add("\nTél : ").ent(ids.phone(), "TEL").add("\n\nLe ").ent(
        ids.fmt_date(ids.date()), "DATE"
    )
    b.add("\n\n")
    mention(b, rng, p)
    b.add(rng.choice([" - 78 ans - 62 kg\n", "\n"]))
    for line in rng.sample(
        [
            "Doliprane 1000 mg : 1 cp 3 fois par jour pendant 5 jours",
            "Lovenox 4000 UI/0,4 mL : 1 injection SC par jour, 10 jours",
            "Kardégic 75 mg : 1 sachet par jour",
            "Paracétamol 500 mg : 2 gélules si douleur",
            "Augmentin 1 g : 1 cp matin et soir pendant 7 jours",
            "Levothyrox 75 µg : 1 cp le matin",
            "Soins infirmiers à domicile : pansement tous les 2 jours",
        ],
        3,
    ):
        b.add(line + "\n")


def nursing_note(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Nursing transmission notes (often sloppy)."""
    p = ids.person()
    for _ in range(rng.randrange(2, 4)):
        b.add("Le ").ent(ids.fmt_date(ids.date(), short=True), "DATE").add(
            " " + rng.choice(["à 8h", "14h30", "nuit"]) + " : "
        )
        b.add(rng.choice(NURSING) + " ")
        if rng.random() < 0.6:
            b.add("Appel de " + rng.choice(["sa fille ", "son fils ", "son épouse ", "sa nièce "]))
            rel = ids.person()
            b.person(rel.first, rel.last)
            b.add(" (").ent(ids.phone(), "TEL").add(").")
        b.add(" IDE : ").ent(ids.first_name(True), "PRENOM").add("\n")
    b.add("Patient : ")
    mention(b, rng, p)
    b.add("\n")


def social_note(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Social worker's note."""
    p = ids.person()
    b.add("Note sociale - ").ent(ids.fmt_date(ids.date()), "DATE").add("\nUsager : ")
    mention(b, rng, p)
    b.add("\n")
    address_block(b, ids, rng)
    b.add("Tél : ").ent(ids.phone(), "TEL").add(" - Mail : ").ent(ids.email(p), "MAIL").add("\n")
    for line in rng.sample(SOCIAL, 3):
        b.add(line + " ")
    b.add("\nPersonne de confiance : ")
    rel = ids.person()
    b.person(rel.first, rel.last.upper(), order="lf" if rng.random() < 0.5 else "fl")
    b.add(" (" + rng.choice(["fille", "fils", "neveu", "voisine"]) + "), ").ent(ids.phone(), "TEL").add("\n")
    b.add("Assistante sociale : ")
    a = ids.person()
    b.person(a.first, a.last).add("\n")


def ehpad_plan(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Nursing-home individual care plan."""
    p = ids.person()
    b.add("PROJET D'ACCOMPAGNEMENT PERSONNALISÉ\n").ent(ids.facility(), "HOPITAL").add("\n")
    b.add("Résident(e) : ")
    mention(b, rng, p)
    b.add("\nEntrée le ").ent(ids.fmt_date(ids.date()), "DATE").add(" - chambre 12\n")
    b.add("Référente : ")
    r = ids.person()
    b.person(r.first, r.last).add(" (AS)\n")
    b.add("Objectifs : maintien de la marche avec déambulateur, prévention des chutes (Tinetti 18/28), ")
    b.add(
        "participation à l'atelier mémoire du jeudi.\n"
        "Traitement : Doliprane 500 mg si besoin, Seresta 10 mg le soir.\n"
    )
    b.add("Réévaluation prévue le ").ent(ids.fmt_date(ids.date(), short=True), "DATE").add(".\n")


def email(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """E-mail between professionals."""
    a, c, p = ids.person(), ids.person(), ids.person()
    b.add("De : ").person(a.first, a.last).add(" <").ent(ids.email(a), "MAIL").add(">\nÀ : ")
    b.ent(ids.email(c), "MAIL").add("\nObjet : RE: situation de ")
    mention(b, rng, p)
    b.add("\n\nBonjour ").ent(c.first, "PRENOM").add(",\n\nPeux-tu rappeler la famille au ").ent(
        ids.phone(), "TEL"
    )
    b.add(" ? Le retour à domicile est prévu le ").ent(ids.fmt_date(ids.date(), short=True), "DATE").add(
        ".\n"
    )
    b.add(rng.choice(CLINICAL) + "\n\nBien à toi,\n").ent(a.first, "PRENOM").add("\n")


def table(b: DocBuilder, ids: Identities, rng: random.Random) -> None:
    """Pipe table export (a staff list or a ward list)."""
    b.add("| Nom | Prénom | DDN | Chambre | Médecin |\n|---|---|---|---|---|\n")
    for _ in range(rng.randrange(3, 6)):
        p, d = ids.person(), ids.person()
        b.add("| ").ent(p.last.upper(), "NOM").add(" | ").ent(p.first, "PRENOM").add(" | ")
        b.ent(ids.birth().strftime("%d/%m/%Y"), "DATE_NAISSANCE").add(f" | {rng.randrange(1, 40)} | Dr ")
        b.ent(d.last, "NOM").add(" |\n")


KINDS = {
    "crh": crh,
    "letter": letter,
    "prescription": prescription,
    "nursing_note": nursing_note,
    "social_note": social_note,
    "ehpad_plan": ehpad_plan,
    "email": email,
    "table": table,
}
