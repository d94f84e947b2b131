"""AI Act classification of a system by guided questions (deployer's view, Regulation (EU) 2024/1689).

The questions are asked in order; the first that applies gives the class: prohibited practice
(art. 5) -> high-risk (art. 6 and annexes I and III) -> transparency obligations (art. 50) ->
minimal risk. The result is a help for the committee, not a legal opinion: the answers and the
reasons are stored with the system so that the reasoning can be audited.
"""

from __future__ import annotations

from dataclasses import dataclass

CLASSES = ("prohibited", "high_risk", "transparency", "minimal")


@dataclass(frozen=True)
class Question:
    """One guided question; a "yes" leads to ``leads_to``."""

    id: str
    text_fr: str
    text_en: str
    leads_to: str
    reference: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "manipulation",
        "L'usage prévu manipule-t-il les personnes par des techniques subliminales ou exploite-t-il "
        "leur vulnérabilité (âge, handicap, situation sociale) au point de leur causer un préjudice ?",
        "Does the intended use manipulate people or exploit their vulnerabilities causing harm?",
        "prohibited",
        "AI Act art. 5.1.a-b",
    ),
    Question(
        "social_scoring",
        "Sert-il à noter des personnes d'après leur comportement social ou leur personnalité, "
        "avec un traitement défavorable qui en découle ?",
        "Is it used for social scoring leading to unfavourable treatment?",
        "prohibited",
        "AI Act art. 5.1.c",
    ),
    Question(
        "emotion_workplace",
        "Sert-il à inférer les émotions des salariés sur le lieu de travail (hors raison médicale ou de sécurité) ?",
        "Is it used to infer employees' emotions at work (not for medical or safety reasons)?",
        "prohibited",
        "AI Act art. 5.1.f",
    ),
    Question(
        "medical_device",
        "Est-il un dispositif médical (ou le composant de sécurité d'un dispositif) soumis à "
        "l'évaluation d'un organisme notifié (classe IIa ou plus) ?",
        "Is it a medical device (or a safety component of one) requiring a notified body (class IIa or above)?",
        "high_risk",
        "AI Act art. 6.1 and annex I (MDR)",
    ),
    Question(
        "essential_services",
        "Sert-il à évaluer l'éligibilité de personnes à des prestations sociales ou de "
        "santé (accorder, réduire, retirer une aide) ?",
        "Is it used to assess eligibility for public assistance or health-care services?",
        "high_risk",
        "AI Act annex III, 5.a",
    ),
    Question(
        "emergency_triage",
        "Sert-il à trier ou prioriser des patients en urgence ou des appels d'urgence ?",
        "Is it used to triage patients in emergencies or dispatch emergency calls?",
        "high_risk",
        "AI Act annex III, 5.d",
    ),
    Question(
        "employment",
        "Sert-il à recruter, évaluer, promouvoir ou répartir le travail du personnel ?",
        "Is it used to recruit, evaluate, promote staff or allocate their tasks?",
        "high_risk",
        "AI Act annex III, 4",
    ),
    Question(
        "interacts_or_generates",
        "Dialogue-t-il directement avec des personnes, ou produit-il du texte, des "
        "images ou du son remis à des patients ou au public ?",
        "Does it interact directly with people, or generate text, images or audio given to patients or the public?",
        "transparency",
        "AI Act art. 50",
    ),
)


@dataclass(frozen=True)
class Classification:
    """The class reached and the questions answered "yes" that led to it."""

    ai_act_class: str
    reasons: list[str]
    answers: dict[str, bool]


def classify(answers: dict[str, bool]) -> Classification:
    """Classify from yes/no answers (question id -> bool); every question must be answered."""
    missing = [q.id for q in QUESTIONS if q.id not in answers]
    if missing:
        raise ValueError(f"unanswered AI Act question(s): {', '.join(missing)}")
    unknown = sorted(set(answers) - {q.id for q in QUESTIONS})
    if unknown:
        raise ValueError(f"unknown AI Act question(s): {', '.join(unknown)}")
    for klass in CLASSES[:-1]:
        reasons = [f"{q.reference}: {q.text_fr}" for q in QUESTIONS if q.leads_to == klass and answers[q.id]]
        if reasons:
            return Classification(klass, reasons, dict(answers))
    return Classification("minimal", ["Aucune des situations des articles 5, 6, 50 et de l'annexe III."], dict(answers))
