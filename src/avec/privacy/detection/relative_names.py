"""Relatives named after the bond: "sa fille Amaia", "son fils, Éric Martin", "fils (olivier)",
"sa nièce claire verdier" (moved out of ``context_rules.py``)."""

from __future__ import annotations

import re

from avec.privacy.detection.context_rules import _TITLE, _allowed
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.names import LOWER_WORD, is_stop_word, label_run, scan_run, to_spans
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

_RELATIVE = re.compile(
    r"(?i)(?<![\w])(?:sa|son|ma|mon|leur|votre|ta|ton|notre|ses|leurs|mes|nos|vos)\s+(?:fille|fils|m[èe]re|p[èe]re|[ée]pouse|enfants?|filles|petits-enfants|parents|"
    r"[ée]poux|mari|femme|fr[èe]re|s(?:œ|oe)ur|neveu|ni[èe]ce|petit-fils|petite-fille|belle-fille|beau-fils|"
    r"gendre|belle-s(?:œ|oe)ur|beau-fr[èe]re|compagne|compagnon|conjoint(?:e)?|tante|oncle|cousin(?:e)?|"
    r"voisin(?:e)?|ami(?:e)?|aidant(?:e)?|fianc[ée](?:e)?|petit-neveu|petite-ni[èe]ce)\s*,?\s+"
)


# The bond then the name in brackets: "fils (olivier)", "Fille (Sandrine)", "épouse (Mme Roux)".
# Searched on the folded text (lower case, no accents) just before each bracket.
_BOND_BEFORE_BRACKET = re.compile(
    r"(?<![\w'’-])(?:fille|fils|mere|pere|epouse|epoux|mari|femme|frere|s(?:œ|oe)ur|neveu|"
    r"niece|petit-fils|petite-fille|belle-fille|beau-fils|gendre|belle-s(?:œ|oe)ur|beau-frere|compagne|"
    r"compagnon|conjointe?|tante|oncle|cousine?|voisine?|amie?|aidante?|petit-neveu|"
    r"petite-niece)[ \t]*\([ \t]*\Z"
)
_BRACKET_SPACE = re.compile(r"\([ \t]*")


def _bracketed_relatives(ctx: DetectionContext) -> list[Span]:
    """A name in brackets after the bond: a first name even if also a word ("fils (olivier)")."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    folded = ctx.folded
    for bracket in _BRACKET_SPACE.finditer(text):
        m = _BOND_BEFORE_BRACKET.search(folded, max(0, bracket.start() - 14), bracket.end())
        if m is None:
            continue
        if _TITLE.match(text, m.end()):
            continue  # "fille (Mme Dupont)": the title rule reads it
        words = scan_run(text, m.end(), lex, max_words=3)
        if words and _allowed(ctx, words):
            first = [w for w in words if w.kind != "particle"][0].text
            if lex.is_first_name(first) or lex.is_surname(first) or not lex.is_common(first):
                spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.85, "relative"))
            continue
        if not ctx.all_caps:
            spans.extend(_lower_relative(ctx, m.end()))
    return spans


_LABEL_OR_BRACKET = re.compile(r"[ \t]*[:(]")
# Words that qualify the bond, not a name: "son fils Aîné", "sa fille Cadette".
_BOND_ADJECTIVES = {
    "aine",
    "ainee",
    "cadet",
    "cadette",
    "unique",
    "majeur",
    "majeure",
    "mineur",
    "mineure",
    "decede",
    "decedee",
    "defunt",
    "defunte",
    "adoptif",
    "adoptive",
    "biologique",
    "handicape",
    "handicapee",
}


def _lower_relative(ctx: DetectionContext, start: int) -> list[Span]:
    """ "sa nièce claire verdier": a lower-case first name (even an ordinary word) after the
    relation, then a lower-case known surname."""
    lex = ctx.lexicons
    first = LOWER_WORD.match(ctx.text, start)
    w = first.group(0) if first else ""
    # "sa fille linh part": also a Vietnamese or Chinese given name, when no ordinary word.
    if not (lex.is_first_name(w) or (len(w) > 2 and lex.is_east_asian(w) and not lex.is_common(w))):
        return []
    if not first or is_stop_word(w) or is_protected_word(w, ctx.protected) or lex.is_country(w):
        return []
    out = [Span(first.start(), first.end(), "PRENOM", 0.8, "relative")]
    last = LOWER_WORD.match(ctx.text, first.end() + 1) if ctx.text[first.end() : first.end() + 1] == " " else None
    if last and lex.is_surname(last.group(0)) and not is_stop_word(last.group(0)):
        out.append(Span(last.start(), last.end(), "NOM", 0.8, "relative"))
    return out


@recognizer("relative", 80)
def find_relatives(ctx: DetectionContext) -> list[Span]:
    """Relatives named after the relation: "sa fille Amaia", "son fils, Éric Martin"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_RELATIVE, text, ctx.folded):
        words = scan_run(text, m.end(), lex, max_words=3, first_any=False) or scan_run(text, m.end(), lex, max_words=3)
        if not words:
            spans.extend(_lower_relative(ctx, m.end()))
            continue
        if not words or not _allowed(ctx, words):
            continue
        core = [w for w in words if w.kind != "particle"]
        # "SA FILLE NADINE PREVENUE": an ordinary word after the name is not part of it.
        while (
            len(core) > 1
            and (ctx.all_caps or not core[-1].text[:1].isupper() or is_upper_word(core[-1].text))
            and lex.is_common(core[-1].text)
            and not (lex.is_first_name(core[-1].text) or lex.is_surname(core[-1].text))
        ):
            words = words[: words.index(core[-1])]
            core = core[:-1]
        first = core[0]
        # "Ma sœur Grâce vit à...": a capitalised word inside the sentence after the bond is a name.
        gap = m.group(0)[len(m.group(0).rstrip(" \t\n,")) :]
        capitalised = (
            not ctx.all_caps
            and first.text[:1].isupper()
            and first.text[1:].islower()
            and gap.strip(" \t") == ""
            and not _LABEL_OR_BRACKET.match(text, first.end)
        )
        if (
            lex.is_common(first.text)
            and not (lex.is_first_name(first.text) or lex.is_surname(first.text))
            and not (
                capitalised
                and len(core) == 1
                and not is_stop_word(first.text)
                and fold_key(first.text) not in _BOND_ADJECTIVES
            )
            # "sa fille Lin, qui traduit": a Chinese or Vietnamese given name
            and (ctx.all_caps or not lex.is_east_asian(first.text))
        ):
            continue
        if len(core) == 1 and not (is_upper_word(first.text) and not ctx.all_caps):
            spans.extend(to_spans(text, [(w, "PRENOM") for w in words], 0.85, "relative"))
        else:
            spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.85, "relative"))
    if "(" in text:
        spans.extend(_bracketed_relatives(ctx))
    return spans
