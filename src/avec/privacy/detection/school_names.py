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
    + r"(?:-[\w'’]+)*(?:[ \t]+(?:(?:de|du|des|le|la)[ \t]+)?" + _PART + r"(?:-[\w'’]+)*){0,2})"
)
# A school and its proper name, without a kind: "école Louis Pergaud", "collège des Hautes-Ourmes",
# "à la maternelle Font-Vert" (after "la" only: "tante maternelle Anne" is a relative).
_NAMED = re.compile(
    r"(?<![\w-])(?<!-l['’])(?P<kw>(?i:[ée]cole|coll[èe]ge|lyc[ée]e)|(?<=la[ \t])maternelle)"
    r"(?:[ \t]+(?i:publique|priv[ée]e?|professionnel(?:le)?|agricole|polyvalent|g[ée]n[ée]ral|technique))?[ \t]+"
    r"(?P<name>(?:(?i:des|du|de[ \t]+la|les|le|la)[ \t]+)?" + _PART + r"(?:-[\w'’]+)*"
    r"(?:[ \t]+(?:(?:de|du|des|le|la)[ \t]+)?" + _PART + r"(?:-[\w'’]+)*){0,2})"
)
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
        if word.isupper() and (common or len(word) <= 3) or word[0].isupper() and common and not (named or article):
            break
        named = True
        end = m.start("name") + w.end()
    if not named:
        return None
    return Span(m.start(), end, "HOPITAL", 0.8, "facility")


# Département-wide coordination bodies named by their département's number: "DAC 58", "DAC 2A".
_NUMBERED_BODY = re.compile(r"(?<![\w-])(?:DAC|CPTS|PTA)[ \t](?:0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB])(?![\w-])")


def school_spans(ctx: DetectionContext) -> list[Span]:
    """Named schools and numbered coordination bodies, as ``HOPITAL`` spans."""
    text, folded = ctx.text, ctx.folded
    out: list[Span] = []
    schools = any(k in folded for k in ("ecole ", "college ", "lycee ", "scolaire ", "la maternelle "))
    for m in prefixed_finditer(_SCHOOL, text, folded) if schools else ():
        if m.group("of") and not m.group("kind"):
            continue  # "secteur collège de Quimperlé": the sector, the commune alone is marked
        if m.group("of") and ctx.lexicons.is_common(re.split(r"[ \t'’]", m.group("of"))[-1]):
            continue  # "école publique de musique"
        out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
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
    bodies_gate = "DAC " in text or "CPTS " in text or "PTA " in text
    for m in prefixed_finditer(_NUMBERED_BODY, text, ctx.folded) if bodies_gate else ():
        out.append(Span(m.start(), m.end(), "HOPITAL", 0.8, "facility"))
    return out
