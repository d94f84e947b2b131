"""Care and social teams named in a note: a crew or team after its label ("équipe : seb / nadia /
IDE lucas", "Équipage 3 (Bouchez R. / Caron Mélanie)"), a sign-off line of first names and jobs
("magali AS / ibrahim IDE", "Mathieu – BDE") and a group's participants, one per bullet line
("- Ophélie : arrivée en retard").

Hand-written rules: no library reads these layouts of French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.names import LOW, UP, NameWord, label_run, to_spans
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

# A team's label, then its members up to the end of the line or the closing bracket
# (searched on the folded text: lower case, no accents).
_TEAM_LABEL = re.compile(
    r"(?:equipe|equipage|binome|trinome|tandem|roulement|presente?s?|participants?|intervenante?s?|"
    r"p?arm|ioa|iao)"  # the call-takers or triage nurses on duty: "parm : lucas / inès"
    r"(?:[ \t]+(?:de[ \t]+)?(?:nuit|jour|matin|soir|apres-midi|\d{1,2}|[a-c]))?[ \t]*(?::|\()[ \t]*"
)
_MEMBER_SEP = re.compile(r"[ \t]*(?:/|,|;|\+|&|[ \t]et[ \t])[ \t]*")
_MEMBERS_END = re.compile(r"\n|$")
_BRACKET_END = re.compile(r"[)\n]|$")
# A first name then the job in capitals, alone or in brackets: "/ MARTINE AS", "PASCAL (AS)".
# The job is found first (cheap), then the name just before it.
_CARE_JOB = re.compile(r"(?:IDE|IDEL|IDEC|AS|ASH|AES|ASD|AMP|AVS|EJE|CESF|ASS|ME|ES)(?![\w'’-])")
_CLOSING_BRACKET = re.compile(r"(?:[ \t]+[\w ]{1,12})?[ \t]*\)")
_NAME_BEFORE_JOB = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?|[{UP}]{{3,}}(?:-[{UP}]{{2,}})?)"
    r"(?P<gap>[ \t]*\([ \t]*|[ \t]*[–—-][ \t]*|[ \t]+)\Z"
)
# A name word or a particle just before: the name started earlier ("Kévin Da Silva (IDEL)").
_NAME_GOES_ON = re.compile(
    rf"(?:[{UP}][\w'’-]*|da|de|del|della|des|di|do|dos|du|van|von|le|la|ben|bin|el|al)[ \t]+\Z"
)
# Jobs written before or after a member's name ("IDE lucas", "magali AS").
_JOB_WORDS = {
    "ide", "idel", "idec", "as", "aes", "ash", "asd", "amp", "avs", "es", "me", "eje", "cesf", "ass", "psy",
    "educ", "cadre", "interne", "externe", "stagiaire", "kine", "ergo", "dr", "pr", "sf", "ipa", "ambulancier",
    "ambulanciere", "chauffeur", "auxiliaire", "infirmier", "infirmiere", "educateur", "educatrice",
    "benevole", "medecin", "nuit", "jour", "matin", "soir", "referent", "referente",
}
_WORD = re.compile(rf"[{UP}{LOW}][{LOW}{UP}'’]*(?:-[{UP}{LOW}][{LOW}{UP}'’]*)*\.?")
# A sign-off line: "magali AS / ibrahim IDE", "Mathieu – BDE": first names each with a job or unit.
_SIGN_ITEM = rf"[{UP}{LOW}][{LOW}]+(?:-[{UP}{LOW}][{LOW}]+)?[ \t]*(?:[–—-][ \t]*)?[A-Z]{{2,5}}"
_JOB_AT_LINE_END = re.compile(r"(?m)[A-Z]{2,5}[ \t]*$")
_SIGN_LINE = re.compile(rf"(?m)^[ \t]*{_SIGN_ITEM}(?:[ \t]*/[ \t]*{_SIGN_ITEM})*[ \t]*$")
_SIGN_NAME = re.compile(rf"(?P<name>[{UP}{LOW}][{LOW}]+(?:-[{UP}{LOW}][{LOW}]+)?)[ \t]*(?:[–—-][ \t]*)?[A-Z]{{2,5}}")
# A participant's line in a group's report: "- Ophélie : ...", "• Karim (retard) : ...".
_BULLET_HEAD = re.compile(rf"(?m)^[ \t]*[-•*–][ \t]*(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]*:")


def _free(ctx: DetectionContext, word: str, usual_first_name: bool = False) -> bool:
    """No drug, unit, acronym, stop word, country, commune or eponym. ``usual_first_name``: a
    usual first name that is also a commune ("Mathieu", a commune of Calvados) is accepted."""
    lex = ctx.lexicons
    if not may_be_name(ctx, word):
        return False
    return fold_key(word) not in lex.communes or (usual_first_name and lex.french_first_name_frequency(word) >= 5)


def _member_spans(ctx: DetectionContext, start: int, member: str) -> list[Span]:
    """The name words of one member, jobs dropped: a first name, a surname, an initial."""
    lex = ctx.lexicons
    words = [w for w in _WORD.finditer(member) if fold_key(w.group(0).rstrip(".")) not in _JOB_WORDS]
    if not words or len(words) > 3:
        return []
    has_initial = any(len(w.group(0)) == 2 and w.group(0).endswith(".") for w in words)
    run: list[NameWord] = []
    for w in words:
        text = w.group(0)
        s = start + w.start()
        if len(text) == 2 and text.endswith(".") and text[0].isupper():
            run.append(NameWord(s, s + 2, text, "initial"))
            continue
        text = text.rstrip(".")
        if len(text) < 3 or not _free(ctx, text):
            return []
        first, surname = lex.is_first_name(text), lex.is_surname(text)
        if lex.is_common(text) and not (first or surname or (has_initial and text[0].isupper())):
            return []
        run.append(NameWord(s, s + len(text), text, "word" if text[0].isupper() else "lower"))
    if len(run) == 1 and run[0].kind != "initial":
        one = run[0]
        first = lex.is_first_name(one.text)
        label = "NOM" if not first and (lex.is_surname(one.text) or is_upper_word(one.text)) else "PRENOM"
        return [Span(one.start, one.end, label, 0.75, "team_roster")]
    return to_spans(ctx.text, label_run(run, lex, "auto", ctx.all_caps), 0.75, "team_roster")


def _teams(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _TEAM_LABEL.finditer(ctx.folded):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-"):
            continue  # the boundary is checked here: no look-behind, so the regex engine skips ahead
        end_m = (_BRACKET_END if m.group(0).rstrip().endswith("(") else _MEMBERS_END).search(text, m.end())
        end = end_m.start() if end_m else len(text)
        body = text[m.end() : end]
        if len(body) > 120 or not _MEMBER_SEP.search(body):
            continue  # a team is a list: two members at least
        found: list[Span] = []
        pos = 0
        ok = True
        for sep in [*_MEMBER_SEP.finditer(body), None]:
            piece_end = sep.start() if sep else len(body)
            member = body[pos:piece_end]
            got = _member_spans(ctx, m.end() + pos, member)
            if not got and member.strip() and fold_key(member.strip()) not in _JOB_WORDS:
                ok = False
                break
            found.extend(got)
            pos = sep.end() if sep else pos
        known = any(
            lex.is_first_name(text[s.start : s.end]) or lex.is_surname(text[s.start : s.end]) for s in found
        )
        if ok and known:
            spans.extend(found)
    return spans


def _sign_off_lines(ctx: DetectionContext) -> list[Span]:
    lex = ctx.lexicons
    spans: list[Span] = []
    text = ctx.text
    last_line = -1
    for end in _JOB_AT_LINE_END.finditer(text):
        line_start = text.rfind("\n", 0, end.start()) + 1
        line = _SIGN_LINE.match(text, line_start) if line_start != last_line else None
        last_line = line_start
        if line is None:
            continue
        for m in _SIGN_NAME.finditer(line.group(0)):
            name = m.group("name")
            # a usual first name that is also a commune ("Mathieu – BDE") signs the line
            if not lex.is_first_name(name) or not _free(ctx, name, usual_first_name=True):
                break
            s = line.start() + m.start("name")
            spans.append(Span(s, s + len(name), "PRENOM", 0.7, "team_roster"))
    return spans


def _names_before_jobs(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for job in _CARE_JOB.finditer(text):
        if job.start() and (text[job.start() - 1].isalnum() or text[job.start() - 1] in "'’-"):
            continue
        m = _NAME_BEFORE_JOB.search(text, max(0, job.start() - 40), job.start())
        if m is None or ("(" in m.group("gap") and not _CLOSING_BRACKET.match(text, job.end())):
            continue
        if _NAME_GOES_ON.search(text, max(0, m.start() - 30), m.start()):
            continue
        name = m.group("name")
        if lex.is_first_name(name) and _free(ctx, name, usual_first_name=True):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "team_roster"))
    return spans


def _participants(ctx: DetectionContext) -> list[Span]:
    lex = ctx.lexicons
    heads = [
        m
        for m in _BULLET_HEAD.finditer(ctx.text)
        if lex.is_first_name(m.group("name")) and _free(ctx, m.group("name"))
    ]
    if len(heads) < 2:
        return []  # one bullet is a heading ("- Rose : ..."), several first names are a group
    return [Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "team_roster") for m in heads]


@recognizer("team_roster", 78)
def find_team_rosters(ctx: DetectionContext) -> list[Span]:
    """Members of a team after its label, sign-off lines of first names with jobs, a group's
    participants one per bullet line."""
    spans = _sign_off_lines(ctx) + _names_before_jobs(ctx)
    if "-" in ctx.text or "•" in ctx.text or "*" in ctx.text:
        spans.extend(_participants(ctx))
    return spans + _teams(ctx)
