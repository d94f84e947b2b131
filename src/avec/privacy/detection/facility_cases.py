"""Facilities written in lower case or in capitals, and units named after the hospital they belong to.

"usld les magnolias", "csapa le relais", "cabinet infirmier des capucines", "labo bio escaut",
"clinique claude bernard" (typed notes), "CENTRE JEAN PERRIN" (a cancer centre named after a person,
in capitals), "l'EPSAN" (a public mental-health body known by its acronym), "PASS du CHU de Bordeaux"
(a unit of a named hospital), "Centre Les Hirondelles". Split from ``facility_extras.py``; called
by the facility recognizer.
No offline package lists French care structures, hence the hand-written keyword classes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.prefix_search import prefixed_finditer, prefixed_search
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# Every kind of care, social and medico-social structure a note names by its acronym or keyword.
_LOWER_KINDS = (
    r"ehpad|ehpa|usld|ssiad|saad|spasad|csapa|caarud|cmpp|cmp|camsp|itep|ditep|ime|impro|mecs|esat|sessad|"
    r"fam|mas|chrs|cada|huda|smr|ssr|had|msp|cms|mjc|gem|cattp|foyer|marpa|r[ée]sidence[ \t]+autonomie|"
    r"maison[ \t]+de[ \t]+sant[ée]|centre[ \t]+de[ \t]+sant[ée]|accueil[ \t]+de[ \t]+jour|pharmacie|"
    r"cabinet[ \t]+(?:infirmier|m[ée]dical|dentaire|de[ \t]+kin[ée]|de[ \t]+kin[ée]sith[ée]rapie|param[ée]dical)"
)
_LOWER_STRUCTURE = re.compile(
    r"(?<![\w'’-])(?P<kw>" + _LOWER_KINDS + r")[ \t]+(?:r[ée]sidence[ \t]+)?"
    r"(?P<art>les|le|la|l['’]|des|du|de[ \t]+la|de[ \t]+l['’])[ \t]*"
    r"(?P<word>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?P<more>[ \t]+[a-zà-ÿ][a-zà-ÿ'’\-]{3,})?(?![\w'’-])"
)
_GATE = re.compile(r"(?<![\w-])(?:" + _LOWER_KINDS + r")[ \t]+(?:r[ée]sidence[ \t]+)?(?:l|d)")
# Words that follow a keyword in a sentence without naming it ("le ssiad le matin", "cmp de la ville").
_NOT_NAME = set(
    words_of("""plus moins matin soir midi nuit jour jours semaine mois lundi mardi mercredi jeudi vendredi
    samedi dimanche dernier derniere prochain prochaine meme memes concerne concernee week lendemain veille
    ville region commune secteur coin zone quartier departement territoire village bourg centre gare mairie
    place famille patient patiente personne mere pere enfant garde porte sortie reference proximite rue route
    equipe equipes service soins passage visite suivi prise charge infirmiere infirmier medecin psychiatre
    autres suivants precedent precedente retour demande rendez vous rdv""")
)
# "labo bio escaut", "labo biopole corse": a lab's own name in lower case, one to three words.
_LOWER_LAB = re.compile(
    r"(?<![\w'’-])(?:labo|laboratoire)[ \t]+(?P<name>[a-zà-ÿ][a-zà-ÿ'’\-]+(?:[ \t][a-zà-ÿ][a-zà-ÿ'’\-]+){0,2})"
)
_LAB_STOP = set(words_of("de du des d pour avec ce cette le la les a au aux et en sur ou demain hier"))
# "clinique claude bernard", "centre jean perrin": named after a person, typed in lower case.
_LOWER_PERSON = re.compile(
    r"(?<![\w'’-])(?:clinique|polyclinique|h[ôo]pital|centre|institut|ehpad|r[ée]sidence|fondation)[ \t]+"
    r"(?P<first>[a-zà-ÿ][a-zà-ÿ\-]{2,})[ \t]+(?P<last>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?![\w'’-])"
)
# "CENTRE JEAN PERRIN", "Centre FRANÇOIS BACLESSE": a centre named after a person, in capitals.
_CAPS_PERSON = re.compile(
    r"(?<![\w'’-])(?:CENTRE|Centre|INSTITUT|FONDATION|CLINIQUE)[ \t]+(?P<first>[A-ZÀ-Ý][A-ZÀ-Ý\-]{2,})[ \t]+"
    r"(?P<last>[A-ZÀ-Ý][A-ZÀ-Ý'’\-]{2,})(?![\w'’-])"
)
# "Centre Les Hirondelles", "CENTRE LES GENÊTS": a centre named with an article (a care home's way).
_CENTRE_ARTICLE = re.compile(
    r"(?<![\w'’-])(?:Centre|CENTRE)[ \t]+(?:Les|Le|La|L['’]|LES|LE|LA)[ \t]*(?P<word>[" + UP + r"][\w'’\-]+)"
)
# Public mental-health bodies known by an "EPS" acronym alone: "l'EPSAN", "EPSMR", "EPSMD".
_EPS_ACRONYM = re.compile(r"(?<![\w-])EPS[A-Z]{1,3}(?![\w'’-])")
# "PASS du CHU de Bordeaux", "PASS de la Timone": a hospital's free-care unit, with its hospital.
_PASS_OF = re.compile(r"(?<![\w'’-])PASS[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’]|des|de|d['’])[ \t]*(?=[" + UP + r"])")


def _heading(text: str, start: int) -> bool:
    """The keyword opens its line (a note's heading) or follows a dash or a bracket."""
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip(" \t")
    return not before or before.endswith(("–", "-", "—", "(", ":", "|"))


def case_spans(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """Facility spans of the layouts above that overlap none of ``spans``."""
    text, lex, folded = ctx.text, ctx.lexicons, ctx.folded
    out: list[Span] = []

    def free(a: int, b: int) -> bool:
        return not any(x.start < b and a < x.end for x in spans + out)

    for m in _LOWER_STRUCTURE.finditer(text) if prefixed_search(_GATE, text, folded) else ():
        word, more = m.group("word"), (m.group("more") or "").strip()
        if fold_key(word) in _NOT_NAME or is_protected_word(word):
            continue
        plural = m.group("art") == "les"
        practice = fold_key(m.group("kw")).startswith(("cabinet", "pharmacie"))
        # "le ssiad le passage": an ordinary word after "le" names nothing unless the keyword heads a note
        if not (plural or practice or _heading(text, m.start()) or not lex.is_common(word)):
            continue
        end = m.end("word")
        if more and fold_key(more) not in _NOT_NAME and not lex.is_common(more) and not is_protected_word(more):
            end = m.end("more")  # "csapa le relais besançon" keeps the name; the commune is its own span
            end = m.end("word") if lex.communes and fold_key(more) in lex.communes else end
        if free(m.start(), end):
            out.append(Span(m.start(), end, "HOPITAL", 0.75, "facility"))
    for m in prefixed_finditer(_LOWER_LAB, text, ctx.folded) if "labo" in text else ():
        words = list(re.finditer(r"[^ \t]+", m.group("name")))
        kept = []
        for w in words:
            key = fold_key(w.group(0))
            if key in _NOT_NAME or key in _LAB_STOP or key.startswith(("d'", "d’", "l'", "l’")):
                break  # "laboratoire d'analyses médicales": the kind of lab, no name
            kept.append(w)
        named = [w for w in kept if not lex.is_common(w.group(0)) and not is_protected_word(w.group(0))]
        if not kept or not named or len(kept) == 1 and is_protected_word(kept[0].group(0)):
            continue
        end = m.start("name") + kept[-1].end()
        if free(m.start(), end):
            out.append(Span(m.start(), end, "HOPITAL", 0.7, "facility"))
    person_gate = any(k in folded for k in ("clinique ", "centre ", "hopital "))
    for m in prefixed_finditer(_LOWER_PERSON, text, ctx.folded) if person_gate else ():
        first, last = m.group("first"), m.group("last")
        if not lex.is_first_name(first) or lex.is_common(last) and not lex.is_surname(last):
            continue
        if is_protected_word(last) or fold_key(last) in _NOT_NAME:
            continue
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    caps_gate = "ENTRE " in text or "NSTITUT " in text or "ONDATION" in text
    for m in prefixed_finditer(_CAPS_PERSON, text, ctx.folded) if caps_gate else ():
        if lex.is_first_name(m.group("first")) and not is_protected_word(m.group("last")) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.75, "facility"))
    for m in prefixed_finditer(_CENTRE_ARTICLE, text, ctx.folded) if "ENTRE " in text else ():
        word = m.group("word")
        if not lex.is_first_name(word) and not is_protected_word(word) and free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    for m in prefixed_finditer(_EPS_ACRONYM, text, ctx.folded) if "EPS" in text else ():
        if free(m.start(), m.end()):
            out.append(Span(m.start(), m.end(), "HOPITAL", 0.7, "facility"))
    return out


def pass_joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """A "PASS du/de la" before a facility span joins it ("PASS du CHU de Bordeaux")."""
    if "PASS " not in ctx.text:
        return spans
    starts = {x.start: x for x in spans}
    for m in prefixed_finditer(_PASS_OF, ctx.text, ctx.folded):
        inner = starts.get(m.end())
        if inner is not None and inner.label == "HOPITAL":
            spans = [x for x in spans if x is not inner]
            spans.append(Span(m.start(), inner.end, "HOPITAL", inner.score, inner.source))
    return spans


_ACRONYM_DASH_BEFORE = re.compile(r"(?<![\w-])(?P<acronym>[A-Z]{2,6})[ \t]*[–—-][ \t]*\Z")


def _initials(name: str) -> str:
    """Capital initials of a long name ("Établissement Public de Santé Mentale" -> "EPSM")."""
    return "".join(fold_key(w)[0] for w in re.findall(r"[\w]+", name) if w[0].isupper()).upper()


def acronym_joined(ctx: DetectionContext, spans: list[Span]) -> list[Span]:
    """An acronym and its long name after a dash make one span ("EPSMR – Établissement Public de
    Santé Mentale de La Réunion"), when the acronym's letters start the long name's initials."""
    text = ctx.text
    if "–" not in text and " - " not in text and "—" not in text:
        return spans
    out = []
    for span in spans:
        before = _ACRONYM_DASH_BEFORE.search(text, max(0, span.start - 12), span.start)
        acronym = before.group("acronym") if before is not None and span.label == "HOPITAL" else ""
        if before is not None and acronym and _initials(text[span.start : span.end]).startswith(acronym[:3]):
            span = Span(before.start("acronym"), span.end, "HOPITAL", span.score, span.source)
        out.append(span)
    # the acronym's own span, now inside the joined one, is dropped
    return [x for x in out if not any(y is not x and y.start <= x.start and x.end <= y.end and y != x for y in out)]
