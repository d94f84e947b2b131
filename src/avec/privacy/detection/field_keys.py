"""One classifier for the names of fields: table column headers and structured keys.

A column header ("Nom de naissance", "N° IPP", "Signé par") and a key of a dotted leader,
``key=value`` line, XML element or JSON member (``patient.adresse.cp``, ``NOM DE NAISSANCE..``)
name what their values are. :func:`classify_key` reads keys; :func:`classify_header` reads
column headers with the same rules plus the column-only ones (a "Patient" or "Signé" column holds
a person; as a key, "patient" often names an object). Hand-written: the vocabulary is French
hospital exports', which no library lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from avec.privacy.detection.text import fold

# Key (folded, separators as spaces) -> kind. Kinds in upper case are span labels; "nom",
# "prenom" and "person" are name runs read with the name scanner.
_KEY_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"nom ?(?:et |/ ?|, ?)?pr[e]noms?(?: ?\(s\))?|identite|nom complet|full ?name"), "nom_first"),
    (
        re.compile(
            r"(?:nom|name)(?: (?:usuel|d ?usage|usage|de naissance|naissance|de naiss|naiss|nais|marital|"
            r"patronymique|jf|de jeune fille|jeune fille|famille|family|utilise|legal))?|"
            r"patronyme|surname|last ?name|family ?name|family"
        ),
        "nom",
    ),
    (
        re.compile(
            r"(?:premier |1er )?pr[e]noms?(?: ?\(s\))?(?: (?:de )?naiss(?:ance)?| usuel| d ?usage| utilise)?|"
            r"liste des prenoms(?: de naissance)?|first ?names?|given ?names?|given"
        ),
        "prenom",
    ),
    (
        re.compile(
            r"ipp|nip|i ?p ?p|id patient|patient id|(?:n|no|num|numero) (?:de )?patient|"
            r"ref(?:erence)? patient|identifiant patient|"
            r"(?:id|identifiant|code|(?:n ?°|n|no|num|numero)(?: de| d)?) ?(?:residente?|usagere?|beneficiaire)|"
            # an export's resident column: "NUM_RES", "ID_RES"
            r"(?:id|num|no) res"
        ),
        "IPP",
    ),
    # A case file of a body or a court: "N° dossier", "N° allocataire CAF", "N° RG", "Réf. dossier".
    (
        re.compile(
            r"(?:n ?°|n|no|num|numero)(?: de| d| du)? ?(?:dossier|allocataire(?: caf| msa)?|contrat|si ?siao|siao|"
            r"acces|accession|mesure|signalement|affaire|rg|parquet|portalis)(?: [a-z]{2,6})?|"
            r"(?:ref|reference) (?:du )?dossier|rg|portalis"
        ),
        "NDA",
    ),
    (
        re.compile(
            r"nda|n ?d ?a|(?:n|no|num|numero) (?:de |d )?(?:sejour|venue|passage|admission|hospitalisation)|"
            r"(?:sejour|venue|passage) (?:id|num|no)|num sejour"
        ),
        "NDA",
    ),
    (
        re.compile(
            r"(?:date (?:de )?)?naiss(?:ance)?|ddn|dob|birth ?(?:date|time)|date of birth|n[e]\(?e?\)? le|n[e]e? le|"
            r"d(?:te?)? ?nais(?:s(?:ance)?)?"  # export columns "DNAIS", "DT_NAISS", "DTE NAISSANCE"
        ),
        "DATE_NAISSANCE",
    ),
    (
        re.compile(
            r"adresse(?: ligne ?\d?| ?\d| domicile| postale)?|address(?: ?line ?\d?)?|street(?: ?address)?(?: ?line)?"
        ),
        "ADRESSE",
    ),
    (re.compile(r"cp|code postal|postal ?code|zip(?: ?code)?"), "ZIP"),
    (re.compile(r"ville|commune|localite|city|lieu(?: de naissance)?|commune de naissance"), "VILLE"),
    (re.compile(r"e ?mail|courriel|mail"), "MAIL"),
    # The INS vocabulary (identitovigilance): "Matricule INS", "NIR", "N° SS".
    (
        re.compile(r"matricule(?: ins)?|nir|nss|ins|(?:n ?°|no|num|numero) (?:de )?(?:ss|secu(?:rite sociale)?)"),
        "SECU",
    ),
    (
        re.compile(
            r"m[e]decin(?: \w+)?|auteur|author|praticien|prescripteur|signataire|redacteur|"
            r"pers(?:onne)? a prevenir|personne de confiance|medecin resp(?:onsable)?|"
            r"med (?:resp\w*|trait\w*|ref\w*|senior|urg\w*)"
        ),
        "person",
    ),
    (re.compile(r"etab(?:lissement)?|hopital|facility"), "HOPITAL"),
]


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "Nom patient", "N° IPP", "date naissance du patient": qualifiers that do not change the kind.
_QUALIFIER = re.compile(
    r"^(?:n ?°|no|num|numero) |(?: (?:du |de l |de la )?(?:patient|patiente|resident|residente|usager|pat))+$|"
    r"^(?:patiente?|pat|residente?|usager|beneficiaire|benef|enfant|mineur) (?=\w)|"  # "patient_nom"
    # Whose value, in an export about a family or a pair of records: "NOM_MERE", "ddn_enfant",
    # "DATE_NAISS_ENF", "NDA_ORIG" (the kind is the same; counters "ipp_1" are cut by _normalise).
    r"(?<=\w)(?: (?:de la |du |de l )?(?:mere|pere|enfant|enf|bebe|bb|nne|nouveau ne|conjointe?|epoux|epouse|"
    r"parent|orig|origine))+$"
)


@lru_cache(maxsize=4096)
def classify_key(key: str) -> str | None:
    """What a structured key names ("nom", "prenom", "person", or a label), or None.

    ``patient.adresse.cp`` is tried whole, then by its last one and two segments.
    """
    folded = fold(_CAMEL.sub(" ", key)).strip()
    segments = [s for s in re.split(r"[.:/]", folded) if s.strip()]
    candidates = [folded]
    if len(segments) > 1:
        candidates += [segments[-1], " ".join(segments[-2:])]
    for cand in candidates:
        norm = _normalise(cand)
        for variant in (norm, _QUALIFIER.sub("", norm).strip()):
            for rx, kind in _KEY_KINDS:
                if variant and rx.fullmatch(variant):
                    return kind
    return None


# Column headers only (tried first, on the whole header): a person's column, or a kind that a
# table names differently ("Identité" is a person's column; as a key it is "Nom Prénom").
_COLUMN_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"nom ?(?:et |/ ?|, ?)?prenoms?"), "nom_first"),
    (re.compile(r"prenoms? ?(?:/ ?|et )?nom"), "auto"),
    # Initials columns of registers and trial lists: "Initiales (N-P)", "Patient (initiales, DDN)".
    (re.compile(r".*\binitiales?\b.*"), "initials"),
    (
        re.compile(
            r"nom(?: (?:de )?(?:naiss(?:ance)?|d ?usage|usage|usuel|marital|jeune fille|jf|epoux|epouse|famille))?"
            r"|nom (?:du )?chef de (?:famille|menage)"
            r"|nom (?:d ?usage|usage|usuel) ?/ ?(?:nom )?(?:de )?naiss(?:ance)?"
            r"|patronyme"
        ),
        "nom",
    ),
    (re.compile(r"prenoms?(?: ?\(s\))?"), "prenom"),
    (
        re.compile(
            r"patiente?|residente?|usager|identite|medecin(?: \w+)?|referente?|ide|infirmi(?:er|ere)|soignante?|"
            r"interv(?:enante?)?|praticien|contact|aidant|personne de confiance|agent|professionnel|"
            r"signee?(?: par)?|signature|visa|validee? par|saisie? par|auteur|vaccinateur|preleveu(?:r|se)|"
            r"operat(?:eur|rice)|redacteur|prescripteur|"
            # Roles that sign or follow a case: "MED_RESP", "Juge", "Éducateur", "Mandataire", "Suivi par".
            r"med(?: \w+)?|dr|juges?(?: (?:des enfants|\w+))?|magistrate?|educ(?:ateur|atrice)?(?: \w+)?|"
            r"assistante? sociale?|tut(?:eur|rice)|curat(?:eur|rice)|mandataire(?: \w+)?|kine(?:sitherapeute)?|"
            r"psychologue|sage femme|coordinat(?:eur|rice)|gestionnaire|charge(?:e)? de (?:dossier|suivi)|"
            r"suivie? par|traitee? par|vue? par|interlocut(?:eur|rice)|"
            # Who operated, put to sleep, took the sample or the image (round 19): a theatre list's
            # "CHIRURGIEN;ANESTHESISTE", an imaging roster's "RADIOLOGUE", a transport's "AMBULANCIER".
            r"chirurgien(?:ne)?|anesthesiste(?: reanimateur)?|iade|ibode|instrumentiste|interne|"
            r"radiologue|biologiste|pharmacien(?:ne)?|psychiatre|pediatre|manipulat(?:eur|rice)(?: radio)?|"
            r"ambulancier(?:e)?|brancardier(?:e)?|aide operatoire"
        ),
        "auto",
    ),
    # Care staff of a session or a dispensing log ("MK", "Dispensé par", "Intervenants"): also the
    # first cell of a roster's row, so tables.py takes them as a header only above a rule or atop a block.
    (
        re.compile(
            r"mk|mkde|as|ash|sf|aide soignante?|ergo(?:therapeute)?|orthophoniste|psychomotricien(?:ne)?|"
            r"(?:dispensee?|delivree?|realisee?|faite?|effectuee?|controlee?) par|par|"
            r"(?:intervenant|soignant|referent|kine)e?s"
        ),
        "staff",
    ),
    # A login of the hospital's directory: "LOGIN", "Identifiant AD", "UID" (the whole cell).
    (re.compile(r"login|identifiant (?:ad|windows|reseau|session)|user ?name|uid|sam ?account ?name"), "login"),
    (re.compile(r"ville|commune|localite"), "VILLE"),
    # "adr_depart", "adresse_pec": a transport's pick-up address column (round 19).
    (
        re.compile(
            r"(?:adresse|adr)(?: (?:de )?(?:depart|arrivee|pec|prise en charge))?|domicile"
        ),
        "ADRESSE",
    ),
    (re.compile(r"cp|code postal"), "ZIP"),
    (
        re.compile(r"ipp|nip|(?:n ?°|num(?:ero)?) ?(?:de |du )?(?:patient|resident|usager|beneficiaire)|"
            r"id ?(?:patient|resident|usager|beneficiaire)|(?:n ?°) ?(?:de )?dossier patient"),
        "IPP",
    ),
    # A study's subject number: "N° random.", "N° d'inclusion", "N° sujet", "Code participant" (a
    # pre-screening list's codes are left as the older sets mark them).
    (
        re.compile(
            r"(?:n ?°|no|num(?:ero)?|id|code) ?(?:de |du |d )?"
            r"(?:inclusion|randomi[sz]ation|random|rando|sujet|participante?)"
        ),
        "IPP",
    ),
    (re.compile(r"nda|(?:n ?°) ?(?:de )?(?:sejour|venue|passage)|num(?:ero)? ?sejour"), "NDA"),
    # A case file or a request of a body: "N° dossier MDPH", "N° DOSSIER", "Réf. demande".
    (
        re.compile(
            r"(?:n ?°|no|num(?:ero)?|ref(?:erence)?) ?(?:de |du |d )?(?:la )?(?:dossier|demande|affaire|allocataire|"
            r"contrat|si ?siao|siao|mesure|acces|accession|rg|parquet|domic(?:iliation)?)"
            r"(?: (?:ase|mdph|caf|pch|apa|aemo|udaf|usager|social|administratif))?"
        ),
        "NDA",
    ),
    # A stay's, an invoice's or an event's number: "N° facture", "NUM_FACT", "RSS", "N° entrée", "N° FEI".
    (
        re.compile(
            r"(?:(?:n ?°|no|num(?:ero)?|id|ref(?:erence)?) ?(?:de |du |d )?(?:la |l )?)"
            r"(?:factures?|fact|titres?|rss|rum|entree|admission|episode|hospitalisation|reclamation|plainte|fei|ei|"
            r"requete|recours|sejour|venue|passage)|rss|rum"
        ),
        "NDA",
    ),
    (re.compile(r"code patient|(?:n ?°|num(?:ero)?|id|code) ?(?:de |du )?client"), "IPP"),
    # A prisoner's register number, a case number of the prison ("ECROU", "N° d'écrou"): NDA as the sets mark it.
    (re.compile(r"(?:(?:n ?°|no|num(?:ero)?) ?(?:d )?)?ecrou"), "NDA"),
    # A column of case numbers headed "DOSSIER", "N° DOSS", a register's "N°REG" (a pharmacy register's
    # "N° ordo." is left, as the sets mark it).
    (re.compile(r"dossiers?|(?:n ?°|no|num) ?doss|(?:n ?°|no|num(?:ero)?) ?(?:de |d )?reg(?:istre)?"), "NDA"),
    # Where a patient comes from or goes to: a commune, a facility or "DOMICILE".
    (re.compile(r"destination|provenance|origine|lieu de (?:sortie|vie|destination)"), "movement"),
    # The doctor on call of a rota: "Interne de garde", "Sénior d'astreinte".
    (re.compile(r"(?:interne|externe|senior|cadre|medecin)s? (?:de garde|d astreinte)"), "auto"),
]
# Kinds of :func:`classify_key` a table column takes (a "Lieu" column is not read as a commune).
_KEY_TO_COLUMN = {
    "nom": "nom",
    "prenom": "prenom",
    "person": "auto",
    "IPP": "IPP",
    "NDA": "NDA",
    "ZIP": "ZIP",
    "SECU": "SECU",
}


def _normalise(key: str) -> str:
    norm = re.sub(r"[\s_\-.'’]+", " ", key).strip()
    return re.sub(r"(?<=[a-z]) ?\d$", "", norm).strip()  # "tel1", "ligne1", "ipp_1"


@lru_cache(maxsize=4096)
def classify_header(header: str) -> str | None:
    """What a table column holds: "nom", "prenom", "nom_first", "auto" (a person), or a label."""
    whole = _normalise(fold(header))
    # "Patient (nom prénom)", "patient_nom": the person's qualifier and brackets name no other kind.
    bare = _QUALIFIER.sub("", _normalise(re.sub(r"[()\[\]]", " ", fold(header)))).strip()
    for variant in (whole, bare) if bare != whole else (whole,):
        for rx, kind in _COLUMN_KINDS:
            if variant and rx.fullmatch(variant):
                return kind
    if len(header.strip()) > 30:
        return None
    return _KEY_TO_COLUMN.get(classify_key(header.strip()) or "")
