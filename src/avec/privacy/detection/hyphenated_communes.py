"""Hyphenated communes written bare: "sortie ski Font-Romeu", "Mme X – Sainte-Luce-sur-Loire",
"(née le 02/06/1951, Village-Neuf)".

A name of two or more capitalised parts joined by hyphens (with "sur", "lès", "en", "de"... between)
that the commune list holds is a place wherever it stands: people's compound first names
("Jean-Pierre") and surnames are refused by the lexicons, a saint's name of two parts ("Saint-Louis",
"Sainte-Anne", often a hospital or a street) is left to the other rules. Ranked below every other
place rule, so a facility, a street or a person reading of the same words wins.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_LINK = r"(?:sur|sous|en|lès|les|le|la|de|du|des|d['’]|l['’]|aux|au|et)"
_HYPHENATED = re.compile(
    r"(?<![\w'’-])(?P<city>[" + UP + r"][\w'’]+(?:-(?:" + _LINK + r"-?)?[" + UP + r"][\w'’]+)+)(?![\w'’-])"
)
_SAINT = re.compile(r"(?:Saint|Sainte|St|Ste|SAINT|SAINTE)-[^-]+\Z")
# An eponym's scale, test or disease: "Échelle de Brunet-Lézine", "syndrome de Guillain-Barré".
_EPONYM_BEFORE = re.compile(
    r"(?i)\b(?:[ée]chelle|test|score|syndrome|maladie|signe|m[ée]thode|classification|man[œo]e?uvre|op[ée]ration|"
    r"stade|crit[èe]res?|questionnaire|bilan|technique|proc[ée]dure|r[ée]flexe|loi|prot[èe]se|sonde)s?"
    r"[ \t]+(?:de|d['’]|du)[ \t]*\Z"
)
_ARTICLE_BEFORE = re.compile(r"(?:(?<![\w'’-])(?:Le|La|Les)[ \t]|(?<![\w'’-])L['’])\Z")
# A street, a facility or a person's title right before: their rules own the name.
_BEFORE = re.compile(
    r"(?i)(?:\b(?:rue|avenue|av\.|all[ée]e|boulevard|bd|place|quai|chemin|route|impasse|cours|square|"
    r"h[ôo]pital|clinique|centre|ehpad|r[ée]sidence|coll[èe]ge|lyc[ée]e|[ée]cole|dr|docteur|pr|mme|m\.|mr|"
    r"madame|monsieur)\.?)[ \t]*\Z"
)


@recognizer("hyphenated_commune", 55)
def find_hyphenated_communes(ctx: DetectionContext) -> list[Span]:
    """A known commune of hyphenated capitalised parts, wherever it stands."""
    text, lex = ctx.text, ctx.lexicons
    if "-" not in text or ctx.all_caps:
        return []
    out = []
    for m in prefixed_finditer(_HYPHENATED, text, ctx.folded):
        city = m.group("city")
        # the whole name in the commune list ("Bastia-Marseille", a crossing, is two communes)
        if city.isupper() or _SAINT.match(city) or fold_key(city) not in lex.communes:
            continue
        parts = [p for p in city.split("-") if p[:1].isupper()]
        # "Jean-Pierre", "Brunet-Lézine" (an eponym's scale): every part a person's name
        if all(lex.is_first_name(p) or lex.is_surname(p) for p in parts) or is_protected_word(city):
            continue
        if _BEFORE.search(text, max(0, m.start() - 14), m.start()) or _EPONYM_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue
        start = m.start()
        if article := _ARTICLE_BEFORE.search(text, max(0, start - 4), start):
            # "La Chapelle-sur-Erdre": the article belongs to the commune, or the name is another's
            if not known_commune(lex, article.group(0) + city):
                continue
            start = article.start()
        out.append(Span(start, m.end(), "VILLE", 0.6, "hyphenated_commune"))
    return out
