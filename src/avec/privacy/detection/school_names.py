"""Schools and numbered coordination bodies: "école Jean-Macé", "École primaire Jean-Zay", "DAC 58".

A school is marked in the layouts that name one establishment: its official name, where the
person honoured is hyphenated ("Collège Albert-Camus", "lycée Henri-IV"), a kind of school and
its commune ("école publique de Marsac"), or, since round 12, any proper name after the keyword
("école Jules Ferry", "lycée Beaussier", "collège des Hautes-Ourmes", "ECOLE CONDORCET"): a named
school tells where a child lives, as the newer writers mark it. "collège de Quimperlé" (a sector)
and "collège des familles" (a board) stay unmarked. The span includes the
keyword, like every facility. No offline package lists French schools, hence the hand-written regex.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_PART = r"[" + UP + r"][\w'’]*"
_SCHOOL = re.compile(
    r"(?<![\w-])(?<!-l['’])(?P<kw>(?i:[ée]cole|coll[èe]ge|lyc[ée]e|groupe[ \t]+scolaire))"
    r"(?P<kind>(?:[ \t]+(?i:publique|priv[ée]e?|[ée]l[ée]mentaire|primaire|maternelle|professionnel(?:le)?|"
    r"agricole|polyvalent|g[ée]n[ée]ral))*)[ \t]+"
    r"(?:(?P<person>(?:(?i:saint|sainte)-)?" + _PART + r"(?:-(?:(?:de|du|des|la|le|d['’])-?)?" + _PART + r")+)"
    r"|(?P<of>(?i:de|d['’]|du)[ \t]*(?:(?i:saint|sainte)-)?" + _PART + r"(?:-[\w'’]+)*))(?![\w'’-])"
)
# A school whose kind is written ("école élémentaire Jean Moulin", "École maternelle du Fort", "école
# primaire Les Korrigans", "Groupe scolaire Lakanal"): the kind marks one establishment, so a name
# of one to three capitalised words follows (a person unhyphenated, a place, a name of its own).
_NAMED_KIND = re.compile(
    r"(?<![\w-])(?:(?i:[ée]cole)[ \t]+(?i:publique[ \t]+|priv[ée]e[ \t]+)?(?i:[ée]l[ée]mentaire|primaire|maternelle)"
    r"(?:[ \t]+(?i:publique|priv[ée]e))?|(?i:groupe)[ \t]+(?i:scolaire))[ \t]+"
    r"(?P<name>(?:(?i:les|le|la|l['’]|du|des|de[ \t]+la|de[ \t]+l['’])(?:(?<=['’])|[ \t]+))?" + _PART
    + r"(?:-[\w'’]+)*(?:[ \t]+(?:(?:de|du|des|le|la)[ \t]+|d['’])?" + _PART + r"(?:-[\w'’]+)*){0,2})"
)
# A school and its proper name, without a kind: "école Louis Pergaud", "collège des Hautes-Ourmes",
# "à la maternelle Font-Vert" (after "la" only: "tante maternelle Anne" is a relative).
_NAMED = re.compile(
    r"(?<![\w-])(?<!-l['’])(?P<kw>(?i:[ée]cole|coll[èe]ge|lyc[ée]e)|(?<=la[ \t])maternelle)"
    r"(?:[ \t]+(?i:publique|priv[ée]e?|professionnel(?:le)?|agricole|polyvalent|g[ée]n[ée]ral|technique))?[ \t]+"
    r"(?P<name>(?:(?i:des|du|de[ \t]+la|les|le|la)[ \t]+|d['’])?" + _PART + r"(?:-[\w'’]+)*"
    r"(?:[ \t]+(?:(?:de|du|des|le|la)[ \t]+)?" + _PART + r"(?:-[\w'’]+)*){0,2})"
)
# words of a title rather than of a school's own name: "École Nationale", "Collège Médical"
_TITLE_WORDS = frozenset(
    words_of(
        """nationale national superieure superieur normale pratique doctoral doctorale medical francais francaise
        europeen europeenne internationale international libre specialisee specialise hoteliere militaire
        universitaire regional regionale departemental departementale communal communale municipal municipale
        secteur familles famille parents classe classes ville quartier"""
    )
)
# the name ends its phrase: a line end, a comma, a bracket or a dash after it
_CLOSES_NAME = re.compile(r"[ \t]*(?:$|[,;()]|[ \t][–—-][ \t])", re.MULTILINE)
_SCHOOL_KINDS = frozenset(
    words_of(
        """maternelle elementaire primaire publique privee college lycee ecole ulis segpa cp ce1 ce2 cm1 cm2
        pro professionnel general technique agricole international internationale militaire"""
    )
)


def _named_school(ctx: DetectionContext, m: re.Match[str]) -> Span | None:
    """A school and the capitalised name after it, cut before a stop word, a commune after "de" or an
    ordinary word; refused when the name is a kind or a board ("collège des Familles")."""
    lex = ctx.lexicons
    end = m.start("name")
    named = article = False
    # "l'école Jacquard": a capitalised word after a lower-case keyword is a name even when it is also a
    # word; after a capitalised one only when it closes the phrase ("Lycée Montesquieu\nLe Mans")
    lower_kw = m.group("kw")[:1].islower()
    closing = _CLOSES_NAME.match(ctx.text, m.end("name")) is not None
    elided = re.match(r"[dD]['’]([\w-]+)", m.group("name"))
    if elided and known_commune(lex, elided.group(1)):
        return None  # "collège d'Auray": the sector, the commune alone is marked
    for w in re.finditer(r"[\w'’-]+", m.group("name")):
        word = w.group(0)
        key = fold_key(word).strip("'’")
        if key in ("de", "du", "des", "la", "le", "les"):
            after = re.match(r"[ \t]*([\w'’-]+)", m.group("name")[w.end() :])
            town = after is not None and known_commune(lex, after.group(1)) and not is_area_name(after.group(1))
            if named and not word[0].isupper() and (town or after is None):
                break  # "lycée X de Villiers-le-Bel": the commune apart ("Collège Anne de Bretagne" goes on)
            article = word[0].isupper()  # "collège Les Garrigues": a capitalised article, then a name
            continue
        if key in FACILITY_STOP or key in _SCHOOL_KINDS:
            break
        common = lex.is_common(word.lower()) and not (lex.is_first_name(word) or lex.is_surname(word))
        named_word = (lower_kw or closing) and not word.isupper() and key not in _TITLE_WORDS
        if word.isupper() and (len(word) <= 3 or common and not (article and key not in _TITLE_WORDS)):
            break  # "LYCÉE PROFESSIONNEL DU MARAIS" goes on after its article
        if word[0].isupper() and common and not (named or article or named_word):
            break
        named = True
        end = m.start("name") + w.end()
    if not named:
        return None
    return Span(m.start(), end, "HOPITAL", 0.8, "facility")


# Département-wide coordination bodies named by their département's number: "DAC 58", "DAC 2A".
_NUMBERED_BODY = re.compile(r"(?<![\w-])(?:DAC|CPTS|PTA)[ \t](?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w-])")


_SURNAME_AFTER = re.compile(r"[ \t]+([" + UP + r"][\w'’]+(?:-[" + UP + r"][\w'’]+)?)(?![\w'’-])")
# "école élémentaire Kaweni 2": the school's number in its town; not an age, a count or a class
_NUMBER_AFTER = re.compile(
    r"[ \t]+(?:[1-9]|1[0-9])(?![\w/.,:%°'’-])"
    r"(?![ \t]*(?i:ans?|mois|jours?|semaines?|fois|h|heures?|min|km|[ée]l[èe]ves|enfants|classes?|[eè]me|et|à|a|ou|x)"
    r"\b)"
    r"(?![ \t]+[\w-]*[sx](?![\w'’-]))"  # "collège X 2 demi-journées": a count before a plural noun
)
# "CMS du collège Le Verger": the school's health centre (centre médico-scolaire) is part of its name
_HEALTH_CENTRE_BEFORE = re.compile(
    r"(?:CMS|(?i:centre[ \t]+m[ée]dico-scolaire))[ \t]+(?:du|de[ \t]+l['’]|de[ \t]+la)[ \t]*\Z"
)


def _with_number(ctx: DetectionContext, span: Span) -> Span:
    """The school's span grown over its number ("école Kaweni 2")."""
    after = _NUMBER_AFTER.match(ctx.text, span.end)
    return Span(span.start, after.end(), span.label, span.score, span.source) if after else span


def _with_health_centre(ctx: DetectionContext, span: Span) -> Span:
    """The school's span grown over the health centre it houses ("CMS du collège X")."""
    before = _HEALTH_CENTRE_BEFORE.search(ctx.text, max(0, span.start - 40), span.start)
    return Span(before.start(), span.end, span.label, span.score, span.source) if before else span


def school_spans(ctx: DetectionContext) -> list[Span]:
    """Named schools and numbered coordination bodies, as ``HOPITAL`` spans."""
    text, folded = ctx.text, ctx.folded
    out: list[Span] = []
    schools = any(k in folded for k in ("ecole ", "college ", "lycee ", "scolaire ", "la maternelle "))
    for m in prefixed_finditer(_SCHOOL, text, folded) if schools else ():
        if m.group("of") and not m.group("kind"):
            continue  # "secteur collège de Quimperlé": the sector, the commune alone is marked
        last = re.split(r"[ \t'’]", m.group("of") or "")[-1]
        if m.group("of") and (last.islower() or last.isupper()) and ctx.lexicons.is_common(last):
            continue  # "école publique de musique" ("école primaire de Cacao" is a hamlet's school)
        end = m.end()
        person = m.group("person")
        more = _SURNAME_AFTER.match(text, end) if person and ctx.lexicons.is_first_name(person) else None
        if more and fold_key(more.group(1)) not in FACILITY_STOP and not known_commune(ctx.lexicons, more.group(1)):
            end = more.end()  # "Collège Jean-Baptiste Colbert": a compound first name and a surname
        out.append(Span(m.start(), end, "HOPITAL", 0.8, "facility"))
    for m in prefixed_finditer(_NAMED_KIND, text, ctx.folded) if schools else ():
        end = m.end("name")
        for w in re.finditer(r"[\w'’-]+", m.group("name")):
            if fold_key(w.group(0)) in FACILITY_STOP:  # "école maternelle Les Pins Secrétariat": the name only
                end = m.start("name") + w.start()
                break
        name = text[m.start("name") : end].rstrip()
        town = re.search(r"[ \t]+(?:de|du|d['’])[ \t]*(?P<town>\S+)$", name)
        if town and known_commune(ctx.lexicons, town.group("town")):
            name = name[: town.start()]  # "école primaire Les Korrigans de Saint-Gilles": the commune apart
        if re.search(r"[" + UP + r"]", name):
            out.append(Span(m.start(), m.start("name") + len(name), "HOPITAL", 0.8, "facility"))
    for m in prefixed_finditer(_NAMED, text, folded) if schools else ():
        if not any(x.start <= m.start() < x.end for x in out) and (span := _named_school(ctx, m)):
            out.append(span)
    out = [_with_number(ctx, _with_health_centre(ctx, x)) for x in out]
    bodies_gate = "DAC " in text or "CPTS " in text or "PTA " in text
    for m in prefixed_finditer(_NUMBERED_BODY, text, ctx.folded) if bodies_gate else ():
        out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
    return out
