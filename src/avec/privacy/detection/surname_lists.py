"""Surnames listed in prose where a list's known members vouch for the others (round 16):

- a list of surnames filling a bracket ("les 3 dossiers (LEFRANC, ZABOROWSKI, MOREAU)", "(Laurent,
  Le Gall, Ferreira)") or in capitals separated by slashes from a colon to the end of the line or
  cell ("cataractes : BRU / CARRIÈRE / GALY / LAGARDE"): two members are known surnames, one of
  them no ordinary word, so the unknown "ZABOROWSKI" is one too;
- two names joined by a slash after a file or family word: "dossier Martin/Lefort",
  "suivi famille LE GUEN / OLLIVIER" (each a known surname or no ordinary word);
- surnames listed after a staff label and a colon: "ARM : Kerleau, Le Bihan, Guézennec",
  "SF NUIT : TROADEC", or after a care job in a bracket: "(SF TROADEC)".

No item may be a stop word, a drug, an acronym, an eponym, a country or a commune that is no
surname. Hand-written: no library reads these layouts.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lower_case_names import may_be_name
from avec.privacy.detection.medical_vocab import is_acronym
from avec.privacy.detection.name_scan import LOW, UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_PARTICLE = r"(?:(?:DE|DA|DU|DOS|LE|LA|VAN|EL|BEN)[ \t])"
_CAPS = rf"{_PARTICLE}?[{UP}][{UP}'’]+(?:-[{UP}][{UP}'’]+)*"
_SEP = r"[ \t]*[,;][ \t]*"
# A whole bracket of surnames separated by commas ("(LEFRANC, ZABOROWSKI, MOREAU)", "(Laurent, Le
# Gall, Ferreira)"), or a list of surnames in capitals separated by slashes from a colon to the end
# of the line or cell ("cataractes x8 : BRU / CARRIÈRE / GALY / ...").
_NAME_ITEM = rf"(?:{_CAPS}|(?:(?:[Dd]e|[Dd]a|[Dd]u|[Ll]e|[Ll]a|[Vv]an)[ \t])?[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
_CAPS_BRACKET = re.compile(rf"\((?P<items>{_NAME_ITEM}(?:{_SEP}{_NAME_ITEM}){{2,}})\)")
_SLASH_LIST = re.compile(rf":[ \t]*(?P<items>{_CAPS}(?:[ \t]*/[ \t]*{_CAPS}){{3,}})[ \t]*(?=\||\n|$)")
_CAPS_ITEM = re.compile(_NAME_ITEM)
# Capitalised or capitals names.
_CAP_WORD = rf"(?:[{UP}][{LOW}]+|[{UP}]{{2,}})"
_CAP = rf"(?:(?:[Dd]e|[Dd]a|[Dd]u|[Ll]e|[Ll]a|[Vv]an|DE|DA|DU|LE|LA|VAN)[ \t])?{_CAP_WORD}(?:-{_CAP_WORD})*"
_FILE_PAIR = re.compile(
    rf"(?<![\w'’-])(?i:dossiers?|famille|familles|situation|enfants)[ \t]+(?P<a>{_CAP})[ \t]*/[ \t]*(?P<b>{_CAP})"
    r"(?![\w'’-])"
)
# Staff labels whose members are named by surname: regulation assistants, midwives, nurses.
_STAFF_LIST = re.compile(
    r"(?m)(?<![\w'’-])(?:ARM|SF|AP|IDE|AS|IBODE|IADE|PARM|OPJ)(?:[ \t]+(?:NUIT|JOUR|nuit|jour))?[ \t]*:[ \t]*"
    rf"(?P<items>{_CAP}(?:{_SEP}{_CAP})*)[ \t]*(?=$|/|\n)"
)
_CAP_ITEM = re.compile(_CAP)
# A care job and a surname in capitals filling a bracket: "(SF TROADEC)", "(IDE LE GUEN)".
_JOB_BRACKET = re.compile(rf"\((?:SF|IDE|IDEL|AS|AP|IBODE|IADE|ARM|ASS)[ \t]+(?P<name>{_CAPS})\)")


def _core(name: str) -> str:
    return name.split()[-1]


def _allowed(ctx: DetectionContext, name: str, commune_ok: bool = False) -> bool:
    """A word that may be a surname: no stop word, drug, acronym, eponym, country or bare commune
    (``commune_ok``: the list vouches for the word, only a large city is refused)."""
    core = _core(name)
    lex = ctx.lexicons
    if len(core) < 3 or not may_be_name(ctx, core) or (is_acronym(core) and core == name):
        return False
    key = fold_key(core)
    if commune_ok and key not in lex.big_cities:
        return True
    return lex.is_surname(core) or lex.is_first_name(core) or key not in lex.communes


def _sure_surname(ctx: DetectionContext, name: str) -> bool:
    core = _core(name)
    return ctx.lexicons.is_surname(core) and not ctx.lexicons.is_common(core)


def _name_or_unknown(ctx: DetectionContext, name: str) -> bool:
    """A known surname, a particle and a word ("LE CAM"), or a word that is no ordinary word."""
    core = _core(name)
    return core != name or ctx.lexicons.is_surname(core) or not ctx.lexicons.is_common(core)


def _job_bracket_name(ctx: DetectionContext, name: str) -> bool:
    """After a care job in a bracket: a known surname, a word that is no ordinary word, or an
    ordinary word that is also a commune (a toponym, as many surnames are); no first name."""
    core, lex = _core(name), ctx.lexicons
    if not _allowed(ctx, name, commune_ok=True) or lex.is_first_name(core):
        return False
    return lex.is_surname(core) or not lex.is_common(core) or fold_key(core) in lex.communes


def _vouched_lists(ctx: DetectionContext) -> list[re.Match[str]]:
    """The brackets and slash lists whose members may vouch for each other."""
    if ctx.all_caps:
        return []
    found = list(_CAPS_BRACKET.finditer(ctx.text))
    if "/" in ctx.text:
        found.extend(_SLASH_LIST.finditer(ctx.text))
    return found


def _span(start: int, end: int) -> Span:
    return Span(start, end, "NOM", 0.65, "surname_list")


@recognizer("surname_list", 57)
def find_surname_lists(ctx: DetectionContext) -> list[Span]:
    """Surnames in a list vouched for by its known members (see the module docstring)."""
    text = ctx.text
    spans: list[Span] = []
    if "(" in text or "/" in text:
        for m in _vouched_lists(ctx):
            items = list(_CAPS_ITEM.finditer(m.group("items")))
            if not all(_allowed(ctx, w.group(0), commune_ok=True) for w in items):
                continue
            known = sum(ctx.lexicons.is_surname(_core(w.group(0))) for w in items)
            if known < 2 or not any(_sure_surname(ctx, w.group(0)) for w in items):
                continue
            base = m.start("items")
            spans.extend(_span(base + w.start(), base + w.end()) for w in items)
        for m in _JOB_BRACKET.finditer(text):
            if _job_bracket_name(ctx, m.group("name")):
                spans.append(_span(m.start("name"), m.end("name")))
    if "/" in text:
        for m in prefixed_finditer(_FILE_PAIR, text, ctx.folded):
            pair = (m.group("a"), m.group("b"))
            if all(_allowed(ctx, w) and _name_or_unknown(ctx, w) for w in pair):
                spans.extend([_span(m.start("a"), m.end("a")), _span(m.start("b"), m.end("b"))])
    if ":" in text:
        for m in prefixed_finditer(_STAFF_LIST, text, ctx.folded):
            items = list(_CAP_ITEM.finditer(m.group("items")))
            if not all(_allowed(ctx, w.group(0)) for w in items):
                continue
            if sum(_name_or_unknown(ctx, w.group(0)) for w in items) * 2 <= len(items) and len(items) > 1:
                continue
            if len(items) == 1 and not _name_or_unknown(ctx, items[0].group(0)):
                continue
            base = m.start("items")
            spans.extend(_span(base + w.start(), base + w.end()) for w in items)
    return spans


HARNESS = ["find_surname_lists"]
