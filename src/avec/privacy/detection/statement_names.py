"""Names in the opening of an official statement and on an intercom label.

Families (round 14):

- police and judicial statements open with the writer's name after "Nous,": "Nous, LE BRIS
  Yannick, Brigadier-chef de police", "Nous, Claire MARCHAND, Substitut du procureur". The name
  run must end on a comma and hold a known first name or a word in capitals that is no acronym;
  "Nous, soussignés," and "Nous, équipe mobile," hold neither and are left alone;
- a home-care or social note gives the name on the intercom or the letter box between quotes:
  interphone « DUPONT-MARTIN », sonnette "Kerhervé". The quotes and the label say it is a name,
  so the words inside are surnames unless a known first name opens a pair ("Anne Roux").

- a lawyer, a notary or a bailiff named with "Maître" shortened, in capitals or in lower case:
  "AVOCAT : ME HOCHART", "notaire Me Laporte", "son avocat (me tordjman)". "Me" is a title only
  after such a profession word (elsewhere "me" is a pronoun), so the word after it is a surname.

Safe: all need their label (the statement formula, the intercom word) right before the name,
and the words must read as names (capitalised, not ordinary lower-case text).
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_acronym, is_protected_word
from avec.privacy.detection.name_scan import TITLE_TOKENS
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

_STATEMENT = re.compile(r"(?:^|(?<=[\n.;:]))[ \t]*(?:Nous|NOUS),[ \t]+")
_DOORBELL = re.compile(
    r"(?i)(?<![\w])(?:interphone|sonnette|bo[iî]te\s+aux\s+lettres|bal)[ \t]*:?[ \t]*[«\"“][ \t]*"
    r"(?P<name>[^»\"”\n]{2,40}?)[ \t]*[»\"”]"
)
_COUNSEL = re.compile(
    r"(?i:(?<![\w-])(?:avocat(?:e)?|notaire|huissier(?:\s+de\s+justice)?|commissaire\s+de\s+justice)s?)"
    r"[ \t]*(?:\(|:)?[ \t]*(?:ME|Me|me|MAITRE|MAÎTRE|Maître|Maitre|maître|maitre)\.?[ \t]+"
    r"(?P<name>[A-ZÀ-Ýa-zà-ÿ][\w'’-]+)"
)
_TITLES = {"dr", "docteur", "pr", "professeur", "madame", "monsieur", "mme", "m", "me", "maitre"}


def _statement_names(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _STATEMENT.finditer(text):
        words = scan_run(text, m.end(), lex, max_words=4, after_title=True)
        core = [w for w in words if w.kind != "particle"]
        if not core or fold_key(core[0].text).rstrip(".") in _TITLES or fold_key(core[0].text) in TITLE_TOKENS:
            continue  # "Nous, Docteur X": the title rule reads it
        if not text.startswith(",", words[-1].end):
            continue
        if any(is_acronym(w.text) or is_protected_word(w.text, ctx.protected) for w in core if w.kind == "word"):
            continue
        named = any(lex.is_first_name(w.text) for w in core) or any(
            w.kind == "word" and is_upper_word(w.text) and len(w.text) >= 2 for w in core
        )
        if named:
            spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.85, "statement_name"))
    return spans


def _doorbell_names(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_DOORBELL, text, ctx.folded):
        start = m.start("name")
        words = scan_run(text, start, lex, max_words=3, after_title=True)
        if not words or words[-1].end != m.end("name"):
            continue
        core = [w for w in words if w.kind == "word"]
        if not core or any(is_acronym(w.text) or is_protected_word(w.text, ctx.protected) for w in core):
            continue
        if len(core) == 1 and (
            len(core[0].text) < 3 or (lex.is_common(core[0].text) and not lex.is_surname(core[0].text))
        ):
            continue  # interphone « HS », sonnette « cassée »
        if len(core) >= 2:
            labelled = label_run(words, lex, "auto", ctx.all_caps)
        else:
            labelled = [(w, "PRENOM" if w.kind == "initial" else "NOM") for w in words]
        spans.extend(to_spans(text, labelled, 0.85, "statement_name"))
    return spans


def _counsel_names(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_COUNSEL, text, ctx.folded):
        name = m.group("name")
        if len(name) < 2 or is_acronym(name) or is_protected_word(name, ctx.protected):
            continue
        if name.islower() and (lex.is_common(name) and not lex.is_surname(name)):
            continue  # "notaire me dit": a pronoun and a verb
        words = scan_run(text, m.start("name"), lex, max_words=3, allow_lower=name.islower(), after_title=True)
        words = [w for w in words if not (w.kind == "word" and lex.is_country(w.text))]
        if not words:
            continue
        if len([w for w in words if w.kind == "word"]) >= 2 and not ctx.all_caps:
            labelled = label_run(words, lex, "title", ctx.all_caps)
        else:
            labelled = [(words[0], "NOM")]
        spans.extend(to_spans(text, labelled, 0.85, "statement_name"))
    return spans


@recognizer("statement_name", 80)
def find_statement_names(ctx: DetectionContext) -> list[Span]:
    """Names after "Nous," opening a statement, and names on an intercom or a letter box."""
    folded = ctx.folded
    spans: list[Span] = []
    if "nous," in folded:
        spans.extend(_statement_names(ctx))
    if "interphone" in folded or "sonnette" in folded or "boite aux lettres" in folded or "bal " in folded:
        spans.extend(_doorbell_names(ctx))
    if "avocat" in folded or "notaire" in folded or "huissier" in folded or "commissaire de justice" in folded:
        spans.extend(_counsel_names(ctx))
    return spans
