"""Employers named in a form's field: "Employeur : Menuiserie du Val", "Raison sociale : X", "Mandant : Y".

Family (round 14): occupational-health letters, work-accident forms, medical-control reports and
social files give the person's employer in a labelled field ("Employeur :", "Employeur concerné :",
"Employeur d'origine :", "Entreprise d'accueil :", "Nom, prénom ou raison sociale :", "Mandant :",
"Donneur d'ordre :") or under a heading alone on its line ("ENTREPRISE", "EMPLOYEUR") followed by
the name on the next line. Writers mark the employer as ``HOPITAL`` because it tells where the
person works. ``company_names.py`` reads the same labels but asks for a trade word or a place in
the name, which misses "Compagnie de Lamanage du Golfe", "Fromagerie de la Côte" (a trade, a common
word) or "CHAIS ET VIGNOBLES X"; behind a field label the value *is* the employer, so here any
capitalised value is taken.

Safe because: the label must close with a colon (or be a heading alone on its line), the value must
open with a capital letter on the same line (the next line for a heading), and it is refused when it
is a negation or a status ("Non", "Néant", "Retraité", "Sans emploi", "Inconnu"), a person (a title,
a first name and a surname, a surname after a care trade: "Taxis Pietri" stays the person rules'),
an acronym or an ordinary word alone ("Employeur : BTP", "Employeur : Intérim"), a country, or a
drug or an eponym. The value ends at the first separator of a form (a dash between spaces, a comma,
a semicolon, an opening bracket, a pipe, a tab, three spaces, a line end); an acronym in brackets
that spells the name's initials joins it ("Boulangerie Artisanale du Rouergue (BAR)").
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.practice_names import surname_named
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# Field labels that name an employer; the qualifiers after the label word are optional.
_LABEL = re.compile(
    r"(?i)(?<![\w'’-])(?:employeur(?:[ \t]+(?:actuel(?:le)?|concern[ée]|d['’]origine|pr[ée]c[ée]dent|principal|"
    r"habituel|/[ \t]*exploitation))?|entreprise(?:[ \t]+(?:d['’]accueil|utilisatrice|employeuse))?|"
    r"(?:nom(?:,[ \t]*pr[ée]nom)?[ \t]+ou[ \t]+)?raison[ \t]+sociale|mandant|donneur[ \t]+d['’]ordres?|"
    r"soci[ée]t[ée][ \t]+(?:employeuse|mandante))"
    r"[ \t]*:[ \t]*"
)
# A heading alone on its line, the employer's name heading the next line.
_HEADING = re.compile(r"(?m)^[ \t]*(?:ENTREPRISE|EMPLOYEUR)[ \t]*:?[ \t]*\n[ \t]*(?=[" + UP + r"])")
_FIRST = re.compile(r"employeur|entreprise|raison|mandant|donneur|societe")
# The value: up to the first separator of a form line.
_VALUE_END = re.compile(r"[ \t]+[–—-][ \t]|[ \t]*[,;()|\n]|\t|[ \t]{3}|[ \t]*<|[ \t]*\Z|[ \t]+/[ \t]|\.(?:[ \t]|\Z)")
_NEGATIONS = frozenset(
    words_of(
        """non neant aucun aucune sans inconnu inconnue retraite retraitee chomage nc na nr ras oui neant ne pas
        demandeur demandeuse invalidite idem voir cf en etudiant etudiante particulier particuliers independant
        independante liberal liberale auto-entrepreneur autoentrepreneur interim interimaire"""
    )
)
_TITLES = frozenset(words_of("dr docteur pr professeur m mme mr mlle madame monsieur me maitre"))
# Care trades and legal forms before an owner's name ("Taxis Pietri", "EARL Marchal"): the person's
_OWNER_KINDS = frozenset(
    words_of("taxi taxis ambulance ambulances vsl transports sarl sas sasu eurl earl gaec scea ets etablissements")
)
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_ACRONYM = re.compile(r"[ \t]*\((?P<acr>[A-Z]{2,6})\)")
_LINKS = frozenset(words_of("de du des la le les l d et en sur"))


def _initials_match(name: str, acronym: str) -> bool:
    """ "(BIL)" after "Boulangerie Industrielle du Limousin": the initials of the name's main words."""
    words = [w for w in _WORD.findall(name) if fold_key(w).strip("'’") not in _LINKS]
    initials = "".join(w[0] for w in words).upper()
    return len(acronym) >= 2 and initials.startswith(acronym) or acronym == initials


def _refused(ctx: DetectionContext, name: str) -> bool:
    """A status, a person, a lone acronym or ordinary word, a country or a medical word."""
    words = _WORD.findall(name)
    if not words:
        return True
    lex = ctx.lexicons
    first = fold_key(words[0]).strip("'’")
    if first in _NEGATIONS or first in _TITLES or is_protected_word(words[0]):
        return True
    if lex.is_country(name):
        return True
    if len(words) == 1:
        word = words[0]
        # "Employeur : BTP", "Employeur : Intérim", "Employeur : Sophie": no organisation's own name
        return word.isupper() or len(word) < 4 or lex.is_common(word.lower()) or lex.is_first_name(word)
    # "Employeur : Jean Durand": a person (the person rules mark the name)
    if len(words) == 2 and lex.is_first_name(words[0]) and not lex.is_common(words[0].lower()):
        return True
    # "Entreprise : Taxis Pietri": a care trade and its owner, a person for the older sets
    rest = [w for w in words if fold_key(w) not in _OWNER_KINDS]
    return len(rest) < len(words) and bool(rest) and surname_named(ctx, rest)


def _value_span(ctx: DetectionContext, start: int) -> Span | None:
    text = ctx.text
    if start >= len(text) or not text[start].isupper():
        return None  # "Employeur : entreprise de transport": a kind, no name
    end_m = _VALUE_END.search(text, start)
    end = end_m.start() if end_m else len(text)
    while end > start and text[end - 1] in " \t.:'’-":
        end -= 1
    name = text[start:end]
    if end - start < 3 or len(name) > 70 or _refused(ctx, name):
        return None
    acr = _ACRONYM.match(text, end)
    if acr and _initials_match(name, acr.group("acr")):
        end = acr.end()
    return Span(start, end, "HOPITAL", 0.8, "named_body")


def employer_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for employers named in a labelled field or under an employer heading."""
    folded = ctx.folded
    if not _FIRST.search(folded):
        return []
    out = []
    for m in prefixed_finditer(_LABEL, ctx.text, folded):
        if (span := _value_span(ctx, m.end())) is not None:
            out.append(span)
    if "ENTREPRISE" in ctx.text or "EMPLOYEUR" in ctx.text:
        for m in _HEADING.finditer(ctx.text):
            # the next line must hold a name, not another field ("Raison sociale : X" is read above)
            line_end = ctx.text.find("\n", m.end())
            line = ctx.text[m.end() : line_end if line_end >= 0 else len(ctx.text)]
            if ":" not in line and (span := _value_span(ctx, m.end())) is not None:
                out.append(span)
    return out


# "chaudronnier chez Forges du Cotentin", "secrétaire comptable chez Tissage Morel & Fils": a job, then
# "chez" and the employer's capitalised name. The job word is read by its ending (a trade noun) or
# from a short list; "chez le médecin", "chez sa fille", "chez M. X", "chez Marie" are never read.
_JOB = re.compile(
    r"(?i:[a-zà-ÿ-]{2,}(?:eur|euse|rice|ier|i[èe]re|iste|icien|icienne)|agent|agente|cadre|"
    r"employ[ée]e?|commis|comptable|secr[ée]taire|apprentie?|cdi|cdd|emploi|poste|stage|mission|int[ée]rim|"
    r"int[ée]rimaire|saisonni[èe]re?|salari[ée]e?|travaill[ée]e?|ing[ée]nieure?)"
)
_CHEZ = re.compile(r"(?<![\w'’-])chez[ \t]+")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]+\Z")
_NAME_RUN = re.compile(
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
    r"(?:[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|&|en|sur|les|le|la|l['’])(?:(?<=['’])|[ \t]+))?"
    r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*){0,4}"
)
_NOT_JOBS = frozenset(words_of("docteur professeur visiteur porteur interieur exterieur anterieur superieur"))
_FAMILY = re.compile(r"[ \t]+(?:&|et)[ \t]+(?:Fils|Fr[èe]res|Cie)(?![\w'’-])")


def job_employer_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for the employer after a job and "chez" ("cariste chez Transports Morin")."""
    if "chez" not in ctx.folded:
        return []
    text, lex, out = ctx.text, ctx.lexicons, []
    for hit in prefixed_finditer(_CHEZ, ctx.folded, ctx.folded):  # (the folded text is its own fold)
        m = _NAME_RUN.match(text, hit.end())
        before = _WORD_BEFORE.search(text, max(0, hit.start() - 40), hit.start())
        if m is None or before is None or not _JOB.fullmatch(before.group(1)):
            continue
        if fold_key(before.group(1)) in _NOT_JOBS:
            continue
        start, end = m.start(), m.end()
        cut = re.search(
            r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|en|sur|les|le|la|l['’])['’]?)+\Z", text[start:end]
        )
        end = start + cut.start() if cut else end
        family = _FAMILY.match(text, end)
        end = family.end() if family else end
        name = text[start:end]
        words = _WORD.findall(name)
        if not words or _refused(ctx, name) and not family:
            continue
        if len(words) == 1 and (lex.is_surname(name) or lex.is_first_name(name) or known_commune(lex, name)):
            continue  # "chez Dupont": a person's home or a person; "chez Nantes"? never an employer's name
        if not family and len(words) == 2 and (lex.is_surname(words[1]) and lex.is_first_name(words[0])):
            continue
        out.append(Span(start, end, "HOPITAL", 0.8, "named_body"))
    return out


# "Étude Marchal & Dupuy" (a notary's office), "SCP Roux et Lemaire", "cabinet Ferrand & Associés" (a
# firm of lawyers or accountants): persons' names joined into a firm's name. "Cabinet infirmier X & Y"
# and "cabinet X & Y" stay persons (the conventions); "& Associés" always names a firm.
_CAPW = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_PARTNERS = re.compile(
    r"(?<![\w-])(?:(?P<kw>[ÉE]tude|[ÉE]TUDE|SCP|Cabinet|CABINET|cabinet|SELARL|selarl)[ \t]+"
    r"(?:(?:Ma[îi]tres?|MM(?:es)?\.?|Mes?)[ \t]+)?)?"
    r"(?P<name>" + _CAPW + r"(?:[ \t]+" + _CAPW + r"){0,2})[ \t]+(?:&|et)[ \t]+"
    r"(?P<second>Associ[ée]e?s|ASSOCI[ÉE]E?S|" + _CAPW + r")(?![\w'’-])"
)


# Where a firm's name may open: a notary's or lawyers' keyword; or, found back from "& Associés" on
# its line, the capitalised words (and keyword) before it.
_PARTNERS_KEYWORD = re.compile(r"(?:[ÉE]tude|[ÉE]TUDE|SCP)[ \t]")
_ASSOCIES = re.compile(r"(?:&|et)[ \t]+associ")
_NAME_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:[ÉE]tude|[ÉE]TUDE|SCP|Cabinet|CABINET|cabinet|SELARL|selarl)[ \t]+"
    r"(?:(?:Ma[îi]tres?|MM(?:es)?\.?|Mes?)[ \t]+)?)?" + _CAPW + r"(?:[ \t]+" + _CAPW + r"){0,2}[ \t]+\Z"
)


def _partner_starts(ctx: DetectionContext) -> list[int]:
    text, folded = ctx.text, ctx.folded
    starts = []
    if "etude" in folded or "scp" in folded:
        starts += [
            m.start() for m in prefixed_finditer(_PARTNERS_KEYWORD, text, folded) if _starts_word(text, m.start())
        ]
    if "associ" in folded:
        for hit in _ASSOCIES.finditer(folded):
            line_start = text.rfind("\n", 0, hit.start()) + 1
            back = _NAME_BEFORE.search(text, max(line_start, hit.start() - 80), hit.start())
            if back:
                starts.append(back.start())
    return sorted(set(starts))


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_-")


def partner_firm_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for firms of partners ("Étude Marchal & Dupuy", "Ferrand & Associés")."""
    out = []
    for pos in _partner_starts(ctx):
        m = _PARTNERS.match(ctx.text, pos)
        if m is None:
            continue
        kw = m.group("kw") or ""
        firm = fold_key(m.group("second")).startswith("associ")
        if not firm and fold_key(kw) not in ("etude", "scp"):
            continue
        if fold_key(kw) == "etude":
            # "Étude PRISM et CALM": a clinical trial's acronyms, no notary; a notary's office joins with "&"
            caps = m.group("name").isupper() and not kw.isupper()
            if caps or "&" not in m.group(0) or is_protected_word(m.group("name").split()[0]):
                continue
        start = m.start() if kw and kw[0].isupper() else m.start("name")
        out.append(Span(start, m.end(), "HOPITAL", 0.8, "named_body"))
    return out


# "l'Entreprise Lopes & Fils", "Scierie Kerhervé et Fils": a family firm, the capitalised words before
# "& Fils" / "et Frères" on its line (a trade or a kind opening it belongs to the name, as every
# writer marks it); sentence words and titles opening the run are left out.
_FAMILY_ANCHOR = re.compile(r"(?:&|et)[ \t]+(?:fils|freres)(?![\w'’-])")
_FAMILY_BEFORE = re.compile(r"(?<![\w-])(?:" + _CAPW + r"[ \t]+){0,3}" + _CAPW + r"[ \t]+\Z")
_FAMILY_CASE = re.compile(r"(?:&|et)[ \t]+(?:Fils|FILS|Fr[èe]res|FR[ÈE]RES)")
_RUN_OPENERS = frozenset(words_of("chez le la les pour par avec de du des au aux a et ou dr m mme mr monsieur madame"))


def family_firm_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for family firms ("Entreprise Lopes & Fils", "Ets Morvan Frères")."""
    if "fils" not in ctx.folded and "freres" not in ctx.folded:
        return []
    text, out = ctx.text, []
    for hit in _FAMILY_ANCHOR.finditer(ctx.folded):
        anchor = _FAMILY_CASE.match(text, hit.start())
        if anchor is None:
            continue
        line_start = text.rfind("\n", 0, hit.start()) + 1
        back = _FAMILY_BEFORE.search(text, max(line_start, hit.start() - 80), hit.start())
        if back is None:
            continue
        start = back.start()
        for w in re.finditer(r"\S+", back.group(0)):
            if fold_key(w.group(0)).strip(".") not in _RUN_OPENERS:
                start = back.start() + w.start()
                break
        else:
            continue
        words = text[start : hit.start()].split()
        if is_protected_word(words[0]):
            continue
        if "PF" in words[1:]:  # "Pompes Funèbres PF Le Bras & Fils": the undertaker's name opens on "PF"
            start = text.index("PF ", start)
        out.append(Span(start, anchor.end(), "HOPITAL", 0.8, "named_body"))
    return out
