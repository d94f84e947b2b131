"""Persons named by their initials in running text:

- two initials before a role or closing a sentence's line: "Rédigé par F. G., éducateur",
  "Signatures : T. R. (coordinateur)", "Bon courage. K. W.";
- two initials in brackets closing a line: "rapport avant le 15/01 (S. B.)";
- "M." that is a first name's initial, not "Monsieur": before a surname with a feminine role
  ("M. Lheureux, puéricultrice"), on a signature line opened by an em dash ("— M. Lesueur"),
  in a list of signatures by initial ("Signé A. Brunet / M. Petitjean"),
  or after "par" and an on-call or interim job ("par M. Quéré (CIV)", "IDE astreinte M. Verbeke"),
  or signing under a closing formula or a visa ("salutations distinguées.\n\nM. Lefebvre").

Hand-written: no library reads these layouts of French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.names import LOW, UP
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# Roles written after a person's initials or surname (any gender).
_ROLE = (
    r"(?:[ée]ducat(?:eur|rice)|coordinat(?:eur|rice)|directeur|directrice|cheffe|chef|cadre|r[ée]f[ée]rente?|"
    r"infirmi(?:er|[èe]re)|IDEC?|IDEL|AS|AES|ASH|ME|ES|CESF|ASS|psychologue|assistante?|secr[ée]taire|"
    r"m[ée]decin|interne|pu[ée]ricultrice|aide-soignante?|moniteur|monitrice|animat(?:eur|rice)|"
    r"conseill(?:er|[èe]re)|stagiaire|pharmacien(?:ne)?|kin[ée]|ergoth[ée]rapeute|orthophoniste|"
    r"travailleu(?:r|se)|veilleu(?:r|se)|ma[îi]tresse|enseignante?|professeur|juriste|mandataire)"
)
_INITIAL_PAIR = re.compile(
    rf"(?P<first>[{UP}]\.(?:-[{UP}]\.)?)[ \t]?(?P<last>[{UP}]\.)(?![\w'’-])"
)
# After the pair: a role after a comma, a bracket or a dash ("F. G., éducateur", "T. R. (coordinateur)").
_ROLE_AFTER = re.compile(rf"(?i)[ \t]*(?:,|\(|[–—-](?=[ \t]))[ \t]*{_ROLE}(?![\w'’-])")
# Or the pair closes its line right after a sentence ("Bon courage. K. W.") or a signing word.
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_SENTENCE_BEFORE = re.compile(
    r"(?:[.!?)][ \t]+|(?i:sign[ée]e?s?|signatures?|r[ée]dig[ée]e?|par|visa)[ \t]*:?[ \t]*)\Z"
)
# Or the pair in brackets closes its line, signing a note: "... avant le 15/01 (S. B.)".
_BRACKET_CLOSES_LINE = re.compile(r"\)[ \t]*(?:\n|$)")
# Abbreviations written as two initials: "N. B.", "P. S.", "P. J.".
_ABBREVIATIONS = {"NB", "PS", "PJ", "CC", "OK", "SA", "JO", "CQ"}

# Checked in code, not by a look-behind, so the regex engine can skip ahead on the first letter.
_WORD_BEFORE = re.compile(r"[\w.'’-]")
# "M." then a surname alone (no first name after it).
_M_SURNAME = re.compile(
    rf"(?P<first>M\.)[ \t]?(?P<name>(?:(?:Da|Dos|De|Del|Di|Van|Le|La)[ \t])?"
    rf"[{UP}][{LOW}{UP}'’]+(?:-[{UP}][{LOW}{UP}'’]+)?)"
)
# A staff member signs with a care job's abbreviation after the comma: "M. Rigal, SF",
# "M. Dos Santos, IPDE" ("M." is then the initial of a first name, not "Monsieur").
_JOB_ABBREVIATION_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:SF|IPDE|IDE|IDEL|IDEC|IADE|IBODE|IPA|AS|AP|AES|ASH|AMP|EJE|ES|ME|CESF|TISF|ASS|"
    r"MK|MKDE|PH|CCA|PUPH|IOA|ARM|DE|puer|pu[ée]r)(?=[ \t]*(?:\||\n|$|[.;)]))"
)
_FIRST_NAME_NEXT = re.compile(rf"[ \t]{{1,2}}[{UP}]")
# A role only a woman holds, in French grammar: "M." cannot be "Monsieur" then.
_FEMININE_ROLE_AFTER = re.compile(
    r"[ \t]*(?:,|\(|[–—-](?=[ \t]))[ \t]*(?:pu[ée]ricultrice|infirmi[èe]re|aide-soignante|[ée]ducatrice|"
    r"assistante|coordinatrice|directrice|animatrice|conseill[èe]re|r[ée]f[ée]rente|monitrice|"
    r"auxiliaire\s+de\s+pu[ée]riculture|secr[ée]taire\s+m[ée]dicale|sage-femme|ma[îi]tresse)(?![\w'’-])",
    re.IGNORECASE,
)
# "Signé A. Brunet / M. Petitjean": another signature by initial just before, in the same list.
_INITIAL_SIGNATURE_BEFORE = re.compile(rf"(?<![\w.])[{UP}]\.[ \t]?[{UP}][{LOW}'’-]+[ \t]*[/,;&][ \t]*\Z")
# The one who did or validated something: "par M. Quéré", "IDE astreinte M. Verbeke",
# "IDE intérimaire (M. Diop", "Signature du patient : M. Yilmaz".
_ACTOR_BEFORE = re.compile(
    r"(?:astreinte|int[ée]rimaire[ \t]*\(|(?i:signature)[^\n:]{0,25}:)[ \t]*\Z"
)
# A signature under a closing formula or after a visa: "salutations distinguées.\n\nM. Lefebvre",
# "par délégation,\nM. Boulanger", "Visa : M. Ait-Ahmed" (no one signs himself "Monsieur").
_CLOSING_BEFORE = re.compile(
    r"(?:(?i:salutations|distingu[ée]es|cordialement|d[ée]l[ée]gation|respectueusement|confraternellement|"
    r"sentiments)[ \t]*[.,!]?[ \t]*\n(?:[ \t]*\n)*[ \t]*|(?i:visa)[ \t]*:[ \t]*)\Z"
)
_VISA_BEFORE = re.compile(r"(?i:visa)[ \t]*:[ \t]*\Z")
# A signature line opened by an em dash: "— M. Lesueur" alone on its line (no bullet of a list).
_EM_DASH_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*—[ \t]*\Z")
_LINE_CLOSES = re.compile(r"[ \t]*(?:\n|$)")
# "par M. Quéré (CIV)", "Validé par M. Aubert, biologiste": after "par", a bracket or a job after
# the comma says who did it ("prêt consenti par M. Marchand." is a man).
_BY_BEFORE = re.compile(r"(?<![\w'’-])par[ \t]*\Z")
_JOB_OR_BRACKET_AFTER = re.compile(
    r"[ \t]*(?:\(|,[ \t]*(?!(?:son|sa|ses|le|la|les|qui|mais|et|ou|un|une|de|du|des|il|elle|car|donc)\b)[a-zé])"
)
# "Dossier suivi par M. Poirier", "Affaire suivie par : M. Roy": a letter's contact, "Monsieur".
_FOLLOWED_BY_BEFORE = re.compile(r"(?i:suivie?s?)[ \t]+par[ \t]*:?[ \t]*\Z")


@recognizer("initial_pair", 57)
def find_initial_pairs(ctx: DetectionContext) -> list[Span]:
    """Two initials for a person: before a role, or closing a line after a sentence or "Signé"."""
    text = ctx.text
    if ". " not in text and "." not in text:
        return []
    spans: list[Span] = []
    for m in _INITIAL_PAIR.finditer(text):
        if m.start() and _WORD_BEFORE.match(text, m.start() - 1):
            continue
        if (m.group("first")[0] + m.group("last")[0]) in _ABBREVIATIONS:
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        role = _ROLE_AFTER.match(text, m.end()) is not None
        closing = _LINE_END.match(text, m.end()) is not None and _SENTENCE_BEFORE.search(before) is not None
        bracketed = before.endswith("(") and _BRACKET_CLOSES_LINE.match(text, m.end()) is not None
        if not (role or closing or bracketed):
            continue
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "initial_pair"))
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "initial_pair"))
    return spans


@recognizer("initial_m", 56)
def find_m_initials(ctx: DetectionContext) -> list[Span]:
    """ "M." read as a first name's initial before a surname alone (see the module docstring)."""
    text = ctx.text
    if "M." not in text:
        return []
    spans: list[Span] = []
    for m in _M_SURNAME.finditer(text):
        if m.start() and _WORD_BEFORE.match(text, m.start() - 1):
            continue
        if _FIRST_NAME_NEXT.match(text, m.end()):
            continue  # "M. Serkan AYDIN": a title before a full name
        before = text[max(0, m.start() - 40) : m.start()]
        signed = (
            _EM_DASH_LINE_BEFORE.search(before) is not None or _CLOSING_BEFORE.search(before) is not None
        ) and _LINE_CLOSES.match(text, m.end()) is not None
        if not signed and _VISA_BEFORE.search(before) and text[m.end() : m.end() + 1] == ",":
            signed = True  # "Visa : M. Ait-Ahmed, responsable de circonscription"
        if ctx.all_caps and not signed:
            continue  # capitals everywhere: only a signature line says "M." is no title
        if (
            signed
            or _FEMININE_ROLE_AFTER.match(text, m.end())
            or _JOB_ABBREVIATION_AFTER.match(text, m.end())
            or _INITIAL_SIGNATURE_BEFORE.search(before)
            or _ACTOR_BEFORE.search(before)
            or (
                _BY_BEFORE.search(before)
                and not _FOLLOWED_BY_BEFORE.search(before)
                and _JOB_OR_BRACKET_AFTER.match(text, m.end())
            )
        ):
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.6, "initial_m"))
    return spans
