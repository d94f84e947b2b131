"""Hospital sites known by their own name: "transfert à Pellegrin", "Site Félix Guyon", "au NHC".

The names come from ``hospital_sites.txt`` (public reference data: the named sites of French
university and large hospitals, over the whole country). They are matched on the folded text with
one prefix-tree regex (speed), then checked in the original text: every word capitalised, and no
title or street type in front ("Dr Paul Papin" is a person, "rue Paul Papin" a street). A name of
one word that is also an ordinary word, a first name or a medical eponym is left out.
"""

from __future__ import annotations

import re
import threading
from importlib import resources

from avec.privacy.detection.medical_vocab import in_eponym_context, is_protected_word
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold
from avec.privacy.detection.word_trie import trie_regex
from avec.privacy.spans import Span

_lock = threading.Lock()
_compiled: list[re.Pattern[str]] = []

# A title or a street type just before the name: a person or a street, not the hospital.
_NOT_SITE_BEFORE = re.compile(
    r"(?:\b(?:Dr|Pr|Docteur|Professeur|M|Mme|Mlle|Madame|Monsieur|Me)\.?|"
    r"(?i:\b(?:rue|avenue|av\.?|boulevard|bd|place|all[ée]e|impasse|chemin|route|quai|cours|square|"
    r"lyc[ée]e|coll[èe]ge|[ée]cole|station|m[ée]tro|arr[êe]t|stade|gare|centre|institut|fondation)"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]))?))[ \t]*\Z"
)


# Where a hospital is expected: "à Larrey", "au site Colson", "CHU Bordeaux - Pellegrin", "(Purpan)".
_PLACE_BEFORE = re.compile(
    r"(?i)(?:\b(?:à|a|au|aux|site|h[ôo]pital|urgences|transf[ée]r[ée]e?s?|transfert|vers|sur)|"
    r"\bch[ur]?[^\n]{0,30}?[ \t][-–—]|\()[ \t]*\Z"
)


# A lower-case hospital keyword just before a lower-case site name: "ch montperrin", "chu gui de chauliac".
_LOWER_KEYWORD_BEFORE = re.compile(r"(?<![\w'’-])(?:ch[urs]?|chru|chi|h[ôo]pital|clinique)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([\w'’-]+)")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]+\Z")


def _beside_first_name(ctx: DetectionContext, start: int, end: int) -> bool:
    """True when a capitalised first name stands right before or after the word."""
    text, lex = ctx.text, ctx.lexicons
    after = _WORD_AFTER.match(text, end)
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return any(w is not None and w.group(1)[:1].isupper() and lex.is_first_name(w.group(1)) for w in (after, before))


def _names() -> list[str]:
    data = resources.files("avec.privacy.detection").joinpath("hospital_sites.txt").read_text("utf-8")
    return [line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")]


def _site_regex() -> re.Pattern[str]:
    """One regex over the folded text matching any site name (spaces and hyphens both accepted)."""
    with _lock:
        if not _compiled:
            variants: set[str] = set()
            for name in _names():
                folded = fold(name)
                variants.update({folded, folded.replace("-", " "), re.sub(r"[ ]+", "-", folded)})
            body = trie_regex(tuple(sorted(variants)))
            _compiled.append(re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])"))
    return _compiled[0]


def site_spans(ctx: DetectionContext) -> list[Span]:
    """HOPITAL spans for the named hospital sites of the list, in the original text's capitals."""
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []
    for m in _site_regex().finditer(ctx.folded):
        surface = text[m.start() : m.end()]
        words = re.findall(r"[\w'’]+", surface)
        start = m.start()
        if ctx.all_caps:
            if not surface.isupper():
                continue
        elif not all(w[0].isupper() for w in words if len(w) > 2 and w not in ("de", "et", "le", "la")):
            # quick notes in lower case: "ch montperrin", "hôpital clocheville" (the keyword joins the
            # site), "(henri duffaut)" (a name of two words where a hospital is expected)
            kw = _LOWER_KEYWORD_BEFORE.search(text, max(0, start - 12), start)
            if kw is not None:
                start = kw.start()
            elif not (len(words) > 1 and surface.islower() and _PLACE_BEFORE.search(text[max(0, start - 40) : start])):
                continue
        if _NOT_SITE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if len(words) == 1 and not surface.isupper():
            word = words[0]
            if lex.is_common(word) or lex.is_first_name(word) or is_protected_word(word):
                continue
            if in_eponym_context(text, m.start()):
                continue
            # "Colson", "Larrey" are surnames too: next to a first name ("Larrey Anne", "Anne Larrey")
            # or a surname of the lexicon outside a place context, the word is a person's name.
            if _beside_first_name(ctx, m.start(), m.end()) or (
                lex.is_surname(word) and not _PLACE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            ):
                continue
        out.append(Span(start, m.end(), "HOPITAL", 0.8, "facility"))
    return out
