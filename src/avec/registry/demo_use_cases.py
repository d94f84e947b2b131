"""The demo catalogue of use cases: realistic tasks of hospitals, nursing homes and social care.

Each use case carries its prompt templates, the patient information text, the training modules it
requires (slugs of ``avec/training/modules``), its review rule, and a completion-style French frame
for the embedded BASE model (placeholders ``{instruction}`` and ``{input}``; the gateway fills them).
"""

from __future__ import annotations

from typing import Any

BASE_MODULES = ["fonctionnement-des-modeles-de-langage", "limites-des-modeles", "verifier-une-reponse"]
PATIENT_DATA_MODULES = BASE_MODULES + ["confidentialite-secret-medical-rgpd"]

_INTRO = (
    "Exemples de consignes de professionnels de santé et des réponses rédigées en français, courtes et exactes.\n\n"
)


def _frame(example_instruction: str, example_answer: str, *more: str) -> str:
    """A few-shot frame: one or more (instruction, answer) examples, then the person's request."""
    pairs = [(example_instruction, example_answer), *zip(more[::2], more[1::2], strict=True)]
    shots = "".join(f"Consigne : {i}\nRéponse : {a}\n\n" for i, a in pairs)
    return f"{_INTRO}{shots}" + "Consigne : {instruction}{input}\nRéponse :"


USE_CASES: list[dict[str, Any]] = [
    {
        "slug": "discharge-letter-draft",
        "title": "Brouillon de lettre de liaison / compte rendu de sortie",
        "description": "Rédiger un premier jet de lettre de liaison pour le médecin traitant à partir des "
        "éléments "
        "du séjour. Le médecin relit, corrige et signe : le brouillon n'est jamais envoyé tel quel.",
        "risk_level": "high",
        "patient_data_allowed": True,
        "clear_text_allowed": False,
        "allowed_roles": ["professional"],
        "required_modules": PATIENT_DATA_MODULES + ["rediger-une-demande-precise"],
        "review_required": True,
        "second_reading_share": 0.10,
        "prompt_templates": [
            {
                "title": "Lettre de liaison",
                "text": "Contexte : patient hospitalisé en cardiologie.\n"
                "Tâche : rédige un brouillon de lettre de liaison pour le médecin traitant.\n"
                "Format : 10 lignes maximum, sections Motif / Évolution / Traitement de sortie / Suivi.\n"
                "Éléments du séjour : ",
            },
        ],
        "patient_information": "Votre lettre de sortie a été préparée avec l'aide d'un outil d'intelligence "
        "artificielle installé à l'hôpital. Votre médecin l'a relue, corrigée et signée : "
        "il en reste responsable. Vos données n'ont pas quitté l'établissement sous une forme "
        "qui permette de vous identifier. Vous pouvez demander des explications à l'équipe.",
        "frame": _frame(
            "Rédige une lettre de liaison. Éléments : femme de 72 ans, insuffisance cardiaque décompensée, "
            "diurétique augmenté, sortie à domicile.",
            "Motif : décompensation cardiaque. Évolution : amélioration sous diurétique. "
            "Traitement de sortie : diurétique à dose augmentée. Suivi : poids quotidien, consultation "
            "dans un mois.",
            "Rédige une lettre de liaison. Éléments : homme de 58 ans, fracture du poignet opérée, plâtre 6 semaines.",
            "Motif : fracture du poignet. Évolution : opération sans complication. Traitement de sortie : "
            "antalgiques si douleur. Suivi : contrôle radiologique à 6 semaines.",
        ),
    },
    {
        "slug": "record-summary",
        "title": "Synthèse de dossier avant consultation ou RCP",
        "description": "Résumer les éléments d'un dossier (comptes rendus, biologie) pour préparer une "
        "consultation "
        "ou une réunion de concertation pluridisciplinaire. Vérifier chaque chiffre sur la source.",
        "risk_level": "high",
        "patient_data_allowed": True,
        "clear_text_allowed": False,
        "allowed_roles": ["professional", "reviewer"],
        "required_modules": PATIENT_DATA_MODULES,
        "review_required": True,
        "second_reading_share": 0.10,
        "prompt_templates": [
            {
                "title": "Synthèse pour RCP",
                "text": "Tâche : résume ces comptes rendus pour une RCP.\n"
                "Format : antécédents, histoire récente, examens clés (avec dates et valeurs), question "
                "posée.\n"
                "Ne rien ajouter qui ne figure pas dans le texte.\nTexte : ",
            },
        ],
        "patient_information": "Pour préparer la réunion de l'équipe, un outil d'intelligence artificielle "
        "a aidé "
        "à résumer votre dossier. Les professionnels ont vérifié ce résumé sur les documents "
        "d'origine avant de l'utiliser.",
        "frame": _frame(
            "Résume : scanner thoracique du 3 mars, nodule de 8 mm stable par rapport à janvier.",
            "Nodule pulmonaire de 8 mm, stable entre janvier et le 3 mars (scanner).",
        ),
    },
    {
        "slug": "plain-language-rewrite",
        "title": "Information du patient en langage simple",
        "description": "Reformuler un document d'information (sans données de patient) en français simple et "
        "accessible (phrases courtes, mots courants), pour les livrets et fiches remis aux patients.",
        "risk_level": "medium",
        "patient_data_allowed": False,
        "clear_text_allowed": False,
        "allowed_roles": [],
        "required_modules": [],
        "review_required": True,
        "second_reading_share": 0.05,
        "prompt_templates": [
            {
                "title": "Langage simple",
                "text": "Tâche : reformule ce texte en langage simple pour un patient, "
                "phrases courtes, sans jargon.\nFormat : 5 phrases maximum.\nTexte : ",
            },
        ],
        "patient_information": "Ce document a été reformulé en langage simple avec l'aide d'un outil "
        "d'intelligence "
        "artificielle, puis relu par un professionnel de santé.",
        "frame": _frame(
            "Reformule en langage simple : « HTA essentielle traitée par IEC ».",
            "Vous avez une tension artérielle trop élevée. Un médicament la fait baisser.",
            "Reformule en langage simple : « glycémie à jeun normale ».",
            "Le taux de sucre dans votre sang, mesuré le matin avant de manger, est normal.",
        ),
    },
    {
        "slug": "patient-translation",
        "title": "Traduction pour un patient qui ne parle pas français",
        "description": "Traduire des consignes de sortie ou un document d'information pour un patient non "
        "francophone. Ne remplace pas un interprète professionnel pour l'annonce ou le "
        "consentement ; toute traduction est relue, avec un interprète si possible.",
        "risk_level": "high",
        "patient_data_allowed": False,
        "clear_text_allowed": False,
        "allowed_roles": ["professional"],
        "required_modules": BASE_MODULES + ["biais-et-egalite-de-traitement"],
        "review_required": True,
        "second_reading_share": 0.20,
        "prompt_templates": [
            {
                "title": "Consignes de sortie",
                "text": "Tâche : traduis ces consignes en {langue}, vocabulaire "
                "simple, sans rien ajouter ni retirer.\nTexte : ",
            },
        ],
        "patient_information": "Ce document a été traduit avec l'aide d'un outil d'intelligence "
        "artificielle et "
        "relu par l'équipe. Si quelque chose n'est pas clair, demandez un interprète : "
        "c'est votre droit.",
        "frame": _frame(
            "Traduis en anglais : « Prenez un comprimé le matin pendant sept jours. »",
            "Take one tablet every morning for seven days.",
        ),
    },
    {
        "slug": "literature-search-help",
        "title": "Aide à la recherche documentaire",
        "description": "Reformuler une question clinique (PICO), proposer des mots-clés et des équations de "
        "recherche. Les références citées par le modèle sont à vérifier une à une : il peut en "
        "inventer.",
        "risk_level": "low",
        "patient_data_allowed": False,
        "clear_text_allowed": False,
        "allowed_roles": [],
        "required_modules": BASE_MODULES,
        "review_required": False,
        "second_reading_share": 0.02,
        "prompt_templates": [
            {
                "title": "Question PICO",
                "text": "Tâche : reformule cette question au format PICO et propose des "
                "mots-clés MeSH en anglais.\nQuestion : ",
            },
        ],
        "patient_information": "",
        "frame": _frame(
            "Propose des mots-clés pour : prévention des chutes en EHPAD.",
            "Accidental Falls ; Nursing Homes ; Aged ; Exercise Therapy ; Prevention.",
        ),
    },
    {
        "slug": "social-report-draft",
        "title": "Brouillon de rapport social",
        "description": "Structurer un rapport social (situation, ressources, besoins, préconisations) à "
        "partir de "
        "notes pseudonymisées. L'assistante ou l'assistant social reste auteur du rapport.",
        "risk_level": "high",
        "patient_data_allowed": True,
        "clear_text_allowed": False,
        "allowed_roles": ["professional"],
        "required_modules": PATIENT_DATA_MODULES + ["biais-et-egalite-de-traitement"],
        "review_required": True,
        "second_reading_share": 0.15,
        "prompt_templates": [
            {
                "title": "Rapport social",
                "text": "Tâche : organise ces notes en rapport social.\n"
                "Format : Situation familiale / Ressources / Logement / Besoins / Préconisations.\n"
                "Style : factuel, sans jugement de valeur.\nNotes : ",
            },
        ],
        "patient_information": "Le rapport social vous concernant a été mis en forme avec l'aide d'un outil "
        "d'intelligence artificielle, à partir de notes où votre nom était remplacé. Votre "
        "assistante sociale l'a rédigé et relu ; vous pouvez en demander communication.",
        "frame": _frame(
            "Organise : vit seul, retraite modeste, logement à l'étage sans ascenseur, chutes récentes.",
            "Situation : personne seule. Ressources : retraite modeste. Logement : étage sans "
            "ascenseur, inadapté. Besoins : prévention des chutes. Préconisations : étude d'un "
            "relogement.",
        ),
    },
    {
        "slug": "care-plan-wording",
        "title": "Formulation du projet de soins et d'accompagnement en EHPAD",
        "description": "Reformuler les objectifs d'un projet personnalisé de soins et d'accompagnement de "
        "façon "
        "claire et respectueuse des préférences du résident. Relu par l'infirmière coordinatrice.",
        "risk_level": "medium",
        "patient_data_allowed": True,
        "clear_text_allowed": False,
        "allowed_roles": ["professional"],
        "required_modules": PATIENT_DATA_MODULES,
        "review_required": True,
        "second_reading_share": 0.10,
        "prompt_templates": [
            {
                "title": "Objectifs du projet",
                "text": "Tâche : formule ces objectifs de projet de soins de façon "
                "claire et respectueuse, au présent, centrée sur les souhaits du résident.\nObjectifs : ",
            },
        ],
        "patient_information": "Votre projet de soins et d'accompagnement a été formulé avec l'aide d'un "
        "outil "
        "d'intelligence artificielle, puis relu par l'équipe soignante et discuté avec vous.",
        "frame": _frame(
            "Formule : aide toilette matin, marche quotidienne, souhaite garder ses habitudes de lever.",
            "Madame est aidée pour sa toilette le matin, à l'heure de lever qu'elle choisit. Elle "
            "marche chaque jour avec un soignant.",
        ),
    },
]
